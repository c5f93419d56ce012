"""The workbook as plain Python objects: what one OPD keeps for one reporting year.

Only inputs live here (what a user types or imports). Every derived figure (capaian,
totals, serapan, efisiensi, averages) is computed from these by ``compute.py`` and never
stored. Rupiah are ``int``; other quantities ``Decimal``; predikat values ``Predikat``.
Every object that another year or version may point at has a stable ``id`` (UUID text).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal
from typing import Iterator

from .navigation import IN_ORDER, build_index, links_by_item
from .values import IndicatorValue

ANNUAL = 0  # periode of a yearly value; 1..4 are the triwulan
TARGET = "target"
REALISASI = "realisasi"

LEVELS = ("program", "kegiatan", "sub_kegiatan")
LEVEL_LABEL = {"program": "Program", "kegiatan": "Kegiatan", "sub_kegiatan": "Sub kegiatan"}
OWNER_KINDS = ("tujuan", "sasaran") + LEVELS
JENIS = ("angka", "persen", "indeks", "predikat")
POLARITAS = ("positif", "negatif")


def new_id() -> str:
    import uuid  # pulls platform: loaded on the first new row, not at start-up
    return uuid.uuid4().hex


@dataclass
class Opd:
    nama: str = ""
    singkatan: str = ""
    kode: str = ""
    kota: str = ""
    provinsi: str = ""
    kepala_nama: str = ""
    kepala_jabatan: str = ""
    kepala_pangkat: str = ""
    kepala_golongan: str = ""
    kepala_nip: str = ""
    atasan_nama: str = ""
    atasan_jabatan: str = ""
    logo: bytes | None = None  # the Pemda's logo (PNG/JPEG), printed on the PK and the report
    ttd_tempat: str = ""  # signature block of the report: place and date of signing
    ttd_tanggal: date | None = None
    kepala_status: str = ""  # "", "Plt." or "Plh." before the kepala's jabatan


@dataclass
class Settings:
    """Per-workbook conventions (the ⚙ of RULES.md), with the defaults RULES.md states."""

    tahun: int = 2024
    renstra_awal: int = 2024
    renstra_akhir: int = 2026
    polaritas_negatif: str = "linear"  # or "ratio" (RULES 2.2)
    batas_bawah_nol: bool = True  # floor negative-polarity capaian at 0
    batas_capaian: Decimal | None = None  # cap (RULES 2.5): none by default
    target_nol: str = "none"  # or "practice" (RULES 2.4)
    predikat_beda: str = "rank"  # or "binary" (RULES 2.3)
    efisiensi: str = "E1"  # E1/E2/E3 (RULES 7)
    skala: str = "d86"  # rating scale key (RULES 5)
    rata_rata: str = "iku"  # or "sasaran" (RULES 4)
    perubahan_berlaku: bool = True  # APBD-P enacted: serapan on pagu perubahan (RULES 6.3)
    capaian_wajar_maks: Decimal = Decimal("150")  # reviu: above this is likely a typo
    kertas: str = "A4"  # or "F4"
    tanggal_nol: bool = True  # print "02 Januari 2024" as the reference does (RULES 10)
    rincian_anggaran: bool = False  # capaian and E2 on every budget row, not only on Jumlah (RULES 7)
    skala_nama: str = ""  # the scale's name in the prose; "" = the preset's own name
    teks_tanpa_data: str = "n/a"  # printed where a figure has no data (RULES 2.4)

    @property
    def renstra_years(self) -> range:
        return range(self.renstra_awal, self.renstra_akhir + 1)


@dataclass
class Indicator:
    id: str
    owner_kind: str  # tujuan | sasaran | program | kegiatan | sub_kegiatan
    owner_id: str
    nama: str
    kode: str = ""
    satuan: str = ""
    jenis: str = "angka"
    polaritas: str = "positif"
    alasan: str = ""
    rumus: str = ""  # the formula text as printed in the Renstra
    rumus_komponen: str = ""  # machine formula over komponen names ("" = realisasi typed)
    desimal: int = 2
    kumulatif: bool = False  # RULES 8: realisasi to date = sum over the Renstra years
    urut: int = 0
    penjelasan: str = ""
    analisis_keberhasilan: str = ""
    analisis_penghambat: str = ""
    langkah_perbaikan: str = ""
    # (tahun, TARGET|REALISASI, periode) -> value; periode ANNUAL or 1..4
    values: dict[tuple[int, str, int], IndicatorValue] = field(default_factory=dict)
    # tahun -> {komponen name -> Decimal}
    komponen: dict[int, dict[str, Decimal]] = field(default_factory=dict)

    @property
    def is_iku(self) -> bool:
        return self.owner_kind == "sasaran"

    def target(self, tahun: int, periode: int = ANNUAL) -> IndicatorValue | None:
        return self.values.get((tahun, TARGET, periode))

    def typed_realisasi(self, tahun: int, periode: int = ANNUAL) -> IndicatorValue | None:
        return self.values.get((tahun, REALISASI, periode))

    def years(self) -> list[int]:
        ys = {k[0] for k in self.values} | set(self.komponen)
        return sorted(ys)


@dataclass
class Sasaran:
    id: str
    tujuan_id: str
    nama: str
    kode: str = ""
    urut: int = 0


@dataclass
class Tujuan:
    id: str
    nama: str
    kode: str = ""
    urut: int = 0


@dataclass(slots=True)  # 200,000 at 100x: no __dict__ each, made faster by the load
class Quarter:
    """One triwulan of a budget item (RULES 6.7–6.9). Keuangan in rupiah when known,
    else as % of the year's pagu; fisik in the output's unit."""

    target_fisik: Decimal | None = None
    realisasi_fisik: Decimal | None = None
    target_keuangan: int | None = None
    realisasi_keuangan: int | None = None
    target_keuangan_persen: Decimal | None = None
    realisasi_keuangan_persen: Decimal | None = None


@dataclass
class BudgetItem:
    """A program, kegiatan or sub kegiatan. Pagu and realisasi are typed on sub kegiatan
    only; a parent's figures are always the sum of its children."""

    id: str
    level: str  # program | kegiatan | sub_kegiatan
    nama: str
    parent_id: str | None = None
    kode: str = ""
    sumber_dana: str = "APBD"
    pagu_murni: int = 0
    pagu_perubahan: int = 0
    realisasi: int | None = None
    satuan_fisik: str = ""
    urut: int = 0
    kelompok: str = ""  # programs only: a group (e.g. "BLU") with its own subtotal row
    quarters: dict[int, Quarter] = field(default_factory=dict)

    def quarter(self, tw: int) -> Quarter:
        q = self.quarters.get(tw)
        if q is None:
            q = self.quarters[tw] = Quarter()
        return q


@dataclass
class Prestasi:
    id: str
    uraian: str
    tanggal: date | None = None
    pemberi: str = ""
    urut: int = 0


@dataclass
class PkVersion:
    """One signed (or to-be-signed) Perjanjian Kinerja. Once ``ditandatangani`` it is
    frozen: its party data and rows are the record of what was signed."""

    id: str
    jenis: str = "murni"  # murni | perubahan
    tempat: str = ""
    tanggal: date | None = None
    pihak1_nama: str = ""
    pihak1_jabatan: str = ""
    pihak1_pangkat: str = ""
    pihak1_golongan: str = ""
    pihak1_nip: str = ""
    pihak2_nama: str = ""
    pihak2_jabatan: str = ""
    teks: str = ""  # body wording; "" = the default form
    ditandatangani: bool = False
    urut: int = 0
    # Frozen at signing (None while a draft: derived from the rows and earlier versions).
    eselon: int | None = None  # 2 = the OPD's PK, 3 = a program's, 4 = a kegiatan's
    unit_id: str | None = None  # the program (3) or kegiatan (4)
    pihak2_pangkat: str | None = None
    pihak2_golongan: str | None = None
    pihak2_nip: str | None = None


@dataclass
class PkSasaranRow:
    id: str
    pk_id: str
    sasaran: str
    indikator: str
    satuan: str = ""
    target: str = ""  # as agreed, canonical value text
    indicator_id: str | None = None
    urut: int = 0


@dataclass
class PkProgramRow:
    id: str
    pk_id: str
    program: str
    anggaran: int = 0
    anggaran_murni: int | None = None  # shown beside anggaran in a PK Perubahan
    keterangan: str = "APBD"
    item_id: str | None = None
    urut: int = 0


SDM_KATEGORI = ("golongan", "pendidikan", "jabatan")  # staff counted by golongan, education, jabatan type


@dataclass
class SdmRow:
    """One line of a staff table of Bab I: how many people in one golongan, education
    level or jabatan type."""

    id: str
    kategori: str  # golongan | pendidikan | jabatan
    uraian: str = ""
    jumlah: int = 0
    urut: int = 0


@dataclass
class TabelLaporan:
    """What one OPD changed of one standard table (its key is the builder's table key).
    Empty text / None = the standard choice."""

    id: str
    tampil: bool = True
    urut: int | None = None
    nomor: str = ""
    judul: str = ""
    sumber: str = ""  # the source line under the table
    nomor_kolom: bool = False  # print the column-number row "(1) (2) (3)"
    kertas: str = ""  # "" | A4 | F4
    orientasi: str = ""  # "" | portrait | landscape


@dataclass
class SkalaPita:
    """One band of an OPD's own rating scale (settings.skala = 'kustom')."""

    id: str
    batas_bawah: Decimal
    label: str = ""
    inklusif: bool = True  # value >= batas_bawah (else >)
    urut: int = 0


@dataclass
class Workbook:
    opd: Opd = field(default_factory=Opd)
    settings: Settings = field(default_factory=Settings)
    tujuan: dict[str, Tujuan] = field(default_factory=dict)
    sasaran: dict[str, Sasaran] = field(default_factory=dict)
    indicators: dict[str, Indicator] = field(default_factory=dict)
    items: dict[str, BudgetItem] = field(default_factory=dict)
    links: set[tuple[str, str]] = field(default_factory=set)  # (indicator_id, item_id)
    prestasi: dict[str, Prestasi] = field(default_factory=dict)
    pk_versions: dict[str, PkVersion] = field(default_factory=dict)
    pk_sasaran: dict[str, PkSasaranRow] = field(default_factory=dict)
    pk_program: dict[str, PkProgramRow] = field(default_factory=dict)
    sdm: dict[str, SdmRow] = field(default_factory=dict)
    tabel_laporan: dict[str, TabelLaporan] = field(default_factory=dict)
    skala_pita: dict[str, SkalaPita] = field(default_factory=dict)

    _index: dict | None = field(default=None, repr=False, compare=False)

    # -- navigation (ordered by urut, then kode) -------------------------------------
    @staticmethod
    def _ordered(objs) -> list:
        return sorted(objs, key=lambda o: (o.urut, getattr(o, "kode", ""), o.id))

    def structure_changed(self) -> None:
        """Call after adding, removing or moving anything: drops the parent->children index."""
        self._index = None

    def prepare_navigation(self) -> None:
        """Build the navigation index now (an open does it in its worker, not the first page)."""
        self._children_index()

    def _children_index(self) -> dict:
        # Built once per structure change: a scan per lookup would make the 100x workbook
        # quadratic (50,000 items).
        if self._index is None:
            self._index = build_index(self.items.values(), self.indicators.values(), self.sasaran.values(), self.links)
        return self._index

    def budget_children(self) -> dict[str | None, list[BudgetItem]]:
        """Every budget item's children in order, by parent id (None: the programs), for a
        walk over the whole tree; read it, never change it (it is the navigation index)."""
        return self._children_index()["items"]

    def tujuan_list(self) -> list[Tujuan]:
        return self._ordered(self.tujuan.values())

    def sasaran_of(self, tujuan_id: str) -> list[Sasaran]:
        return list(self._children_index()["sasaran"].get(tujuan_id, ()))

    def sasaran_list(self) -> list[Sasaran]:
        return [s for t in self.tujuan_list() for s in self.sasaran_of(t.id)]

    def indicators_of(self, owner_id: str) -> list[Indicator]:
        return list(self._children_index()["indicators"].get(owner_id, ()))

    def iku_list(self) -> list[Indicator]:
        """Sasaran indicators (IKU), in Renstra order."""
        return [i for s in self.sasaran_list() for i in self.indicators_of(s.id)]

    def children(self, item_id: str | None) -> list[BudgetItem]:
        return list(self._children_index()["items"].get(item_id, ()))

    def programs(self) -> list[BudgetItem]:
        return self.children(None)

    def walk_budget(self, parent_id: str | None = None, depth: int = 0) -> Iterator[tuple[BudgetItem, int]]:
        for item in self.children(parent_id):
            yield item, depth
            yield from self.walk_budget(item.id, depth + 1)

    def leaves_under(self, item_id: str) -> list[BudgetItem]:
        item = self.items[item_id]
        if item.level == "sub_kegiatan":
            return [item]
        return [leaf for child in self.children(item_id) for leaf in self.leaves_under(child.id)]

    def ancestors(self, item_id: str) -> list[BudgetItem]:
        out = []
        parent = self.items[item_id].parent_id
        while parent is not None and parent in self.items:
            out.append(self.items[parent])
            parent = self.items[parent].parent_id
        return out

    def items_supporting(self, indicator_id: str) -> list[BudgetItem]:
        ids = self._children_index()["links_by_ind"].get(indicator_id, ())
        return sorted(filter(None, map(self.items.get, ids)), key=IN_ORDER)  # an item is never falsy

    def indicators_supported_by(self, item_id: str) -> list[Indicator]:
        index = self._children_index()
        if "links_by_item" not in index:
            index["links_by_item"] = links_by_item(self.links)
        ids = index["links_by_item"].get(item_id, ())
        supported = [ind for ind in map(self.indicators.get, ids) if ind is not None]
        return sorted(supported, key=IN_ORDER)

    def item_by_kode(self, kode: str) -> BudgetItem | None:
        for item in self.items.values():
            if item.kode == kode:
                return item
        return None

    def pk_list(self) -> list[PkVersion]:
        return self._ordered(self.pk_versions.values())

    def pk_sasaran_rows(self, pk_id: str) -> list[PkSasaranRow]:
        return self._ordered(r for r in self.pk_sasaran.values() if r.pk_id == pk_id)

    def pk_program_rows(self, pk_id: str) -> list[PkProgramRow]:
        return self._ordered(r for r in self.pk_program.values() if r.pk_id == pk_id)

    def sdm_rows(self, kategori: str | None = None) -> list[SdmRow]:
        """Staff lines, in order; of one kategori when given."""
        rows = [r for r in self.sdm.values() if kategori is None or r.kategori == kategori]
        return sorted(rows, key=lambda r: (r.urut, r.id))

    def prestasi_list(self) -> list[Prestasi]:
        return sorted(self.prestasi.values(), key=lambda p: (p.urut, p.tanggal or date.max, p.id))
