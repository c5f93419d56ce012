"""The one list of pages the main window shows: key, navigation title, shortcut, class.

A page's module is imported when the page is first shown (start-up loads only the page it
opens on; the Laporan page alone pulls in reportlab and openpyxl). Plain imports inside the
loaders: a page that cannot be imported or built is an error (tests build every page),
never a grey placeholder."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Callable

from PySide6.QtWidgets import QWidget



@dataclass(frozen=True)
class PageEntry:
    """One page of the navigation."""
    key: str  # stored in the settings (last page) and used by Reviu jumps
    title: str  # navigation label and Halaman menu entry
    shortcut: str
    load: Callable[[], type[QWidget]]  # imports the page's module, returns its class

    @property
    def page_class(self) -> type[QWidget]:
        """Built as page_class(context, parent)."""
        return self.load()


def _alur():
    from .alur import AlurPage
    return AlurPage


def _profil():
    from .profil import ProfilPage
    return ProfilPage


def _renstra():
    from .renstra import RenstraPage
    return RenstraPage


def _anggaran():
    from .anggaran import AnggaranPage
    return AnggaranPage


def _realisasi():
    from .realisasi import RealisasiPage
    return RealisasiPage


def _dukungan():
    from .dukungan import DukunganPage
    return DukunganPage


def _capaian():
    from .capaian import CapaianPage
    return CapaianPage


def _pk():
    from ..pk.page import PkPage
    return PkPage


def _prestasi():
    from .prestasi import PrestasiPage
    return PrestasiPage


def _reviu():
    from .reviu import ReviuPage
    return ReviuPage


def _laporan():
    from ..laporan.page import ExportPage
    return ExportPage


def _riwayat():
    from .riwayat import RiwayatPage
    return RiwayatPage


PAGES = [
    PageEntry("alur", "Alur kerja", "Ctrl+J", _alur),
    PageEntry("profil", "Profil OPD", "Ctrl+1", _profil),
    PageEntry("renstra", "Renstra & IKU", "Ctrl+2", _renstra),
    PageEntry("anggaran", "Program & Anggaran", "Ctrl+3", _anggaran),
    PageEntry("realisasi", "Realisasi", "Ctrl+4", _realisasi),
    PageEntry("dukungan", "Dukungan", "Ctrl+5", _dukungan),
    PageEntry("capaian", "Capaian & Analisis", "Ctrl+6", _capaian),
    PageEntry("pk", "Perjanjian Kinerja", "Ctrl+7", _pk),
    PageEntry("prestasi", "Prestasi", "Ctrl+8", _prestasi),
    PageEntry("reviu", "Reviu", "Ctrl+9", _reviu),
    PageEntry("laporan", "Laporan", "Ctrl+0", _laporan),
    PageEntry("riwayat", "Riwayat", "Ctrl+H", _riwayat),
]
PAGE_KEYS = [p.key for p in PAGES]
PAGE_BY_KEY = {p.key: p for p in PAGES}
DEFAULT_PAGE = "realisasi"
NEW_WORKBOOK_PAGE = "alur"


def start_page(wb, saved) -> str:
    """The page a workbook opens on: the checklist while no realisasi of the year is entered
    (a new workbook), else the page last shown (the default when none was stored)."""
    from ...domain.checklist import has_realisasi  # with it the reviu's checks: not needed to start

    if not has_realisasi(wb):
        return NEW_WORKBOOK_PAGE
    return saved if saved in PAGE_KEYS else DEFAULT_PAGE
