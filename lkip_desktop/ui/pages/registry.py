"""The one list of pages the main window shows: key, navigation title, shortcut, class.

Plain imports: a page that cannot be imported or built is an error (tests build every page),
never a grey placeholder."""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtWidgets import QWidget

from ..laporan.page import ExportPage
from ...domain.checklist import has_realisasi
from ..pk.page import PkPage
from .alur import AlurPage
from .anggaran import AnggaranPage
from .capaian import CapaianPage
from .dukungan import DukunganPage
from .prestasi import PrestasiPage
from .profil import ProfilPage
from .realisasi import RealisasiPage
from .renstra import RenstraPage
from .reviu import ReviuPage
from .riwayat import RiwayatPage


@dataclass(frozen=True)
class PageEntry:
    key: str  # stored in the settings (last page) and used by Reviu jumps
    title: str  # navigation label and Halaman menu entry
    shortcut: str
    page_class: type[QWidget]  # built as page_class(context, parent)


PAGES = [
    PageEntry("alur", "Alur kerja", "Ctrl+J", AlurPage),
    PageEntry("profil", "Profil OPD", "Ctrl+1", ProfilPage),
    PageEntry("renstra", "Renstra & IKU", "Ctrl+2", RenstraPage),
    PageEntry("anggaran", "Program & Anggaran", "Ctrl+3", AnggaranPage),
    PageEntry("realisasi", "Realisasi", "Ctrl+4", RealisasiPage),
    PageEntry("dukungan", "Dukungan", "Ctrl+5", DukunganPage),
    PageEntry("capaian", "Capaian & Analisis", "Ctrl+6", CapaianPage),
    PageEntry("pk", "Perjanjian Kinerja", "Ctrl+7", PkPage),
    PageEntry("prestasi", "Prestasi", "Ctrl+8", PrestasiPage),
    PageEntry("reviu", "Reviu", "Ctrl+9", ReviuPage),
    PageEntry("laporan", "Laporan", "Ctrl+0", ExportPage),
    PageEntry("riwayat", "Riwayat", "Ctrl+H", RiwayatPage),
]
PAGE_KEYS = [p.key for p in PAGES]
PAGE_BY_KEY = {p.key: p for p in PAGES}
DEFAULT_PAGE = "realisasi"
NEW_WORKBOOK_PAGE = "alur"


def start_page(wb, saved) -> str:
    """The page a workbook opens on: the checklist while no realisasi of the year is entered
    (a new workbook), else the page last shown (the default when none was stored)."""
    if not has_realisasi(wb):
        return NEW_WORKBOOK_PAGE
    return saved if saved in PAGE_KEYS else DEFAULT_PAGE
