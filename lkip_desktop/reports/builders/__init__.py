"""The standard LKIP tables and their registry.

``standard_tables(service)`` lists every table of the report for the open workbook, in
report order, numbered per chapter ("2.1", "3.4", …; the Lampiran "L.1", "L.2"). The
per-IKU tables of Bab III repeat for each IKU, so the numbers follow the workbook; each
table also has a stable ``key`` ("bab3.capaian", "iku.IKU-2.anggaran"). Building is lazy:
a spec's ``build()`` makes its ``ReportTable`` only when asked.

The workbook's table catalogue (``wb.tabel_laporan``, one row per table an OPD changed) is
applied here and nowhere else: ``catalogue(service)`` lists every table with its choices,
``standard_tables`` the ones shown. Hidden tables are left out, each chapter is ordered by
``urut`` (no urut: the standard place), automatic numbers are counted after that unless a
number is typed, a typed title replaces the standard one, and the spec hands the source line,
the column-number row, paper and orientation to the ``ReportTable`` every renderer draws.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from functools import partial
from typing import Callable, Iterable

from ..table import ReportTable, numbered_columns
from ...domain.pk import report_version
from . import bab1, bab2, bab3, bab3_anggaran, bab4, pk, rencana_aksi
from .common import built, group_names

CHAPTERS = {"1": "Bab I Pendahuluan", "2": "Bab II Perencanaan Kinerja", "3": "Bab III Akuntabilitas Kinerja", "4": "Bab IV Penutup",
            "L": "Lampiran"}


@dataclass(frozen=True)
class TableSpec:
    number: str
    key: str
    title: str
    chapter: str  # "1" | "2" | "3" | "4" | "L"
    _build: Callable[[str], ReportTable]  # given the number
    shown: bool = True
    source: str = ""  # the catalogue's source line ("" = the table's own, mostly none)
    column_numbers: bool = False
    paper: str = ""  # "" = the export's paper
    orientation: str = ""  # "" = the table's own
    standard_number: str = ""
    standard_title: str = ""
    custom_title: bool = False

    def build(self) -> ReportTable:
        t = self._build(self.number)
        t.number = self.number
        if self.custom_title:
            t.title = self.title
        if self.source:
            t.source = self.source
        if self.column_numbers:
            numbered_columns(t)
        if self.paper:
            t.paper = self.paper
        if self.orientation:
            t.orientation = self.orientation
        return t

    @property
    def caption(self) -> str:
        return f"Tabel {self.number} {self.title}" if self.number else self.title


def standard_tables(svc) -> list[TableSpec]:
    """The tables the report prints, in report order, as the workbook's catalogue shapes them."""
    return [s for s in catalogue(svc) if s.shown]


def catalogue(svc) -> list[TableSpec]:
    """Every table of the registry (hidden ones too, ``shown`` False and unnumbered), chapter by
    chapter, with the catalogue's order, numbers, titles and print choices."""
    registry = _registry(svc)
    rows = svc.wb.tabel_laporan
    out: list[TableSpec] = []
    for chapter in CHAPTERS:
        specs = [s for s in registry if s.chapter == chapter]
        place = {s.key: i for i, s in enumerate(specs, 1)}

        def order(s: TableSpec) -> tuple[int, int]:
            row = rows.get(s.key)
            urut = row.urut if row is not None and row.urut is not None else place[s.key]
            return urut, place[s.key]

        n = 0
        for s in sorted(specs, key=order):
            row = rows.get(s.key)
            shown = row is None or row.tampil
            n += shown
            auto = f"{'L.' if chapter == 'L' else chapter + '.'}{n}"
            if row is None:
                out.append(replace(s, number=auto))
                continue
            nomor = row.nomor.strip().removeprefix("Tabel").strip()
            out.append(replace(s, number=(nomor or auto) if shown else "", shown=shown,
                               title=row.judul.strip() or s.title, custom_title=bool(row.judul.strip()),
                               source=row.sumber.strip(), column_numbers=row.nomor_kolom, paper=row.kertas,
                               orientation=row.orientasi))
    return out


def _registry(svc) -> list[TableSpec]:
    """The standard tables in standard order with their standard numbers."""
    wb = svc.wb
    specs: list[TableSpec] = []
    counters: dict[str, int] = {}

    def add(chapter: str, key: str, title: str, fn, *args) -> None:
        counters[chapter] = counters.get(chapter, 0) + 1
        prefix = "L." if chapter == "L" else f"{chapter}."
        number = f"{prefix}{counters[chapter]}"
        specs.append(TableSpec(number, key, title, chapter, partial(_make, fn, svc, args),
                               standard_number=number, standard_title=title))

    opd = wb.opd.nama or "Perangkat Daerah"
    tahun = wb.settings.tahun
    for kategori, (head, _title) in bab1.SDM_TITLES.items():
        if wb.sdm_rows(kategori):  # staff tables only where entered: no empty table in Bab I
            add("1", f"bab1.sdm_{kategori}", f"Pegawai Berdasarkan {head}", bab1.sdm, kategori)
    add("2", "bab2.matriks", "Matriks Perencanaan Kinerja", bab2.matriks)
    add("2", "bab2.iku", "Indikator Kinerja Utama", bab2.iku)
    add("2", "bab2.strategi", "Strategi, Program, Kegiatan dan Sub Kegiatan", bab2.strategi)
    for jenis, key in pk_keys(wb, "bab2"):
        add("2", key, f"Sasaran dan Target {pk.pk_title(wb, jenis)}", pk.pk_sasaran, jenis, key)
        add("2", f"{key}_program", f"Program dan Anggaran {pk.pk_title(wb, jenis)}", pk.pk_program, jenis,
            f"{key}_program")
    add("2", "bab2.triwulan", "Alokasi Anggaran Per Triwulan", bab2.anggaran_triwulan)
    add("2", "bab2.pagu_perubahan", "Perbandingan Anggaran Sebelum dan Sesudah Perubahan", bab2.pagu_perubahan)

    add("3", "bab3.capaian", f"Capaian Kinerja {opd} Tahun {tahun}", bab3.capaian)
    add("3", "bab3.skala", "Skala Kriteria Capaian Kinerja", bab3.skala)
    for ind in wb.iku_list():
        k = ind.kode or ind.id
        add("3", f"iku.{k}.analisis", f"Analisis Pencapaian IKU {ind.nama}", bab3.iku_analisis, ind.id)
        if ind.rumus_komponen and ind.komponen.get(tahun):
            add("3", f"iku.{k}.komponen", f"Perhitungan {ind.nama}", bab3.iku_komponen, ind.id)
        add("3", f"iku.{k}.pendukung", f"Indikator Program Pendukung {ind.nama}", bab3.iku_pendukung, ind.id)
        add("3", f"iku.{k}.renstra", f"{ind.nama} dibanding Target Akhir Renstra", bab3.iku_renstra, ind.id)
        add("3", f"iku.{k}.anggaran", f"Alokasi, Realisasi Anggaran dan Efisiensi {ind.nama}",
            bab3_anggaran.iku_anggaran, ind.id)
        add("3", f"iku.{k}.tahun_lalu", f"{ind.nama} dibanding Tahun Sebelumnya", bab3.iku_tahun_lalu, ind.id)
    add("3", "bab3.pagu_program", "Pagu Anggaran Per Program", bab3_anggaran.pagu_program)
    add("3", "bab3.realisasi_program", "Pagu dan Realisasi Anggaran Per Program", bab3_anggaran.realisasi_program)
    add("3", "bab3.realisasi_sub_kegiatan", "Pagu dan Realisasi Anggaran Per Sub Kegiatan",
        bab3_anggaran.realisasi_sub_kegiatan)
    for kelompok in group_names(wb):  # one table per program group when programs are grouped
        add("3", f"bab3.kelompok.{kelompok}", f"Pagu dan Realisasi Anggaran Kelompok {kelompok}",
            bab3_anggaran.realisasi_sub_kegiatan, kelompok)
    add("3", "bab3.prestasi", "Prestasi dan Penghargaan", bab3.prestasi)

    add("4", "bab4.capaian", "Capaian Indikator Kinerja Utama", bab4.penutup)

    add("L", "lampiran.rincian", "Rincian Anggaran Per Sub Kegiatan", bab4.rincian_anggaran)
    add("L", "lampiran.triwulan", "Realisasi Fisik dan Keuangan Per Triwulan", bab4.realisasi_triwulan)
    if rencana_aksi.has_plan(wb):  # the IKU quarter plan, where one is typed
        add("L", rencana_aksi.KEY, rencana_aksi.TITLE, rencana_aksi.iku_triwulan)
    for jenis, key in pk_keys(wb, "lampiran"):
        add("L", key, f"Sasaran dan Target {pk.pk_title(wb, jenis)}", pk.pk_sasaran, jenis, key)
        add("L", f"{key}_program", f"Program dan Anggaran {pk.pk_title(wb, jenis)}", pk.pk_program, jenis,
            f"{key}_program")
    return specs


def _make(fn, svc, args: tuple, number: str) -> ReportTable:
    return built(fn, svc, number, *args)


def pk_keys(wb, prefix: str) -> list[tuple[str, str]]:
    """(jenis, key) of the OPD's PK murni and PK perubahan the report prints: "bab2.pk",
    "bab2.pk_perubahan" (their program parts add "_program")."""
    return [(j, f"{prefix}.pk" + ("" if j == "murni" else "_perubahan")) for j in pk.JENIS
            if report_version(wb, j) is not None]


def select(specs: list[TableSpec], wanted: Iterable[str] | None) -> list[TableSpec]:
    """The specs named by number ("3.1") or key ("bab3.capaian"), in report order.
    Unknown names raise KeyError with the name."""
    if wanted is None:
        return list(specs)
    names = [w.strip() for w in wanted if w and w.strip()]
    if not names:
        return list(specs)
    by = {s.number.lower(): s for s in specs} | {s.key.lower(): s for s in specs}
    chosen = set()
    for n in names:
        spec = by.get(n.lower()) or by.get(n.lower().removeprefix("tabel").strip())
        if spec is None:
            raise KeyError(n)
        chosen.add(spec.key)
    return [s for s in specs if s.key in chosen]


def build_tables(svc, wanted: Iterable[str] | None = None) -> list[ReportTable]:
    return [s.build() for s in select(standard_tables(svc), wanted)]
