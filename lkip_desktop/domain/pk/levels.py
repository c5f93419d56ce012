"""The level a Perjanjian Kinerja is for (RULES §9), its lampiran headings, and who signs as
pihak kedua with which pangkat and NIP.

Levels (see ``Tingkat``). The OPD's own PK (eselon II: Kepala OPD with the kepala daerah)
carries the IKU and the programs. A lower-level PK uses the same form and the same tables:

* eselon III (Kepala Bagian/Bidang, Sekretaris) for one **program**: its sasaran rows point
  (``pk_sasaran.indicator_id``) at the program's indicators, its budget rows
  (``pk_program.item_id``) at the program's kegiatan; pihak kedua is the Kepala OPD.
* eselon IV (Kepala Sub Bagian/Seksi) for one **kegiatan**: the kegiatan's indicators and its
  sub kegiatan; pihak kedua is the head of the program's eselon III PK when there is one,
  else the Kepala OPD.

The schema has no column for the level, so it is *derived* from what the rows point at
(``tingkat_of``): budget rows first (a kegiatan row means "for its program"), then the
indicator rows. That needs no migration and cannot disagree with the rows. Its limits: a
lower-level PK whose linked rows are all deleted reads as an OPD PK again (the page never
unlinks a row; a row typed by hand carries no link), and the pangkat/NIP of a lower-level
pihak kedua are not stored per version but taken from the PK that person signed as pihak
pertama (``pihak2_detail``). Once ``pk_version`` gains the columns ``eselon``, ``unit_id``,
``pihak2_pangkat``, ``pihak2_golongan`` and ``pihak2_nip``, both functions read them first."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from ..model import PkVersion, Workbook
from .fields import nip_line, pangkat_golongan


ROMAN = {2: "II", 3: "III", 4: "IV"}
UNIT_LEVEL = {3: "program", 4: "kegiatan"}  # what a lower-level PK is for
_ROW_LEVEL = {"program": 2, "kegiatan": 3, "sub_kegiatan": 4}  # a budget row at this level -> eselon
_IND_LEVEL = {"sasaran": 2, "tujuan": 2, "program": 3, "kegiatan": 4}



@dataclass(frozen=True)
class Tingkat:
    """The level a PK is for: eselon 2 = the OPD (IKU, programs); 3 = one program (its
    indicators, its kegiatan); 4 = one kegiatan (its indicators, its sub kegiatan)."""

    eselon: int = 2
    unit_id: str | None = None  # the program (3) or kegiatan (4)

    @property
    def lower(self) -> bool:
        return self.eselon > 2


def tingkat_of(wb: Workbook, pk: PkVersion | str) -> Tingkat:
    """The level of a version, read from stored columns when the schema has them, else
    derived from what its rows point at (module doc)."""
    pk = wb.pk_versions[pk] if isinstance(pk, str) else pk
    stored = pk.eselon  # frozen at signing (schema v4); None while a draft
    if stored in (3, 4):
        return Tingkat(stored, pk.unit_id)
    if stored == 2:
        return Tingkat()
    for r in wb.pk_program_rows(pk.id):
        item = wb.items.get(r.item_id) if r.item_id else None
        if item is not None:
            eselon = _ROW_LEVEL.get(item.level, 2)
            return Tingkat(eselon, item.parent_id) if eselon > 2 else Tingkat()
    for r in wb.pk_sasaran_rows(pk.id):
        ind = wb.indicators.get(r.indicator_id) if r.indicator_id else None
        if ind is not None and ind.owner_kind in _IND_LEVEL:
            eselon = _IND_LEVEL[ind.owner_kind]
            return Tingkat(eselon, ind.owner_id) if eselon > 2 else Tingkat()
    return Tingkat()


def unit_of(wb: Workbook, pk: PkVersion | str):
    """The program or kegiatan (BudgetItem) a lower-level PK is for; None for the OPD's PK."""
    t = tingkat_of(wb, pk)
    return wb.items.get(t.unit_id) if t.lower and t.unit_id else None


@dataclass(frozen=True)
class Kolom:
    """Column headings of the lampiran for a level."""

    sasaran: str
    indikator: str
    anggaran: str  # the budget rows: Program / Kegiatan / Sub Kegiatan


def kolom(eselon: int) -> Kolom:
    if eselon == 3:  # no "sasaran program" text in the workbook: the program itself heads its rows
        return Kolom("Program", "Indikator Kinerja Program", "Kegiatan")
    if eselon == 4:
        return Kolom("Kegiatan", "Indikator Kinerja Kegiatan", "Sub Kegiatan")
    return Kolom("Sasaran Strategis", "Indikator Kinerja", "Program")


def pihak2_detail(wb: Workbook, pk: PkVersion) -> tuple[str, str]:
    """(pangkat/golongan line, NIP line) printed under pihak kedua's name: empty for the OPD's
    PK (the kepala daerah signs without them). At lower levels pihak kedua is a civil servant:
    the data of the PK they signed as pihak pertama, the latest one dated on or before this
    one (signed ones first), so a signed version keeps printing what was true then; an
    unsigned draft may fall back to the OPD profile's head."""
    if not tingkat_of(wb, pk).lower:
        return "", ""
    pangkat, golongan, nip = pihak2_data(wb, pk)
    return (pangkat_golongan(pangkat, golongan), nip_line(nip)) if (pangkat or golongan or nip) else ("", "")


def pihak2_data(wb: Workbook, pk: PkVersion) -> tuple[str, str, str]:
    """(pangkat, golongan, NIP) of pihak kedua: as frozen at signing, else derived (above)."""
    if pk.pihak2_nip is not None:  # frozen when the version was signed (schema v4)
        return pk.pihak2_pangkat or "", pk.pihak2_golongan or "", pk.pihak2_nip
    name = " ".join(pk.pihak2_nama.lower().split())
    if not name:
        return "", "", ""
    found = [v for v in wb.pk_versions.values()
             if v.id != pk.id and " ".join(v.pihak1_nama.lower().split()) == name
             and (pk.tanggal is None or (v.tanggal is not None and v.tanggal <= pk.tanggal))]
    if found:
        v = max(found, key=lambda v: (v.ditandatangani, v.tanggal or date.min, v.urut))
        return v.pihak1_pangkat, v.pihak1_golongan, v.pihak1_nip
    o = wb.opd
    if not pk.ditandatangani and " ".join(o.kepala_nama.lower().split()) == name:
        return o.kepala_pangkat, o.kepala_golongan, o.kepala_nip
    return "", "", ""


def opd_versions(wb: Workbook) -> list[PkVersion]:
    """The OPD's own PK versions (eselon II), in order."""
    return [v for v in wb.pk_list() if not tingkat_of(wb, v).lower]


def report_version(wb: Workbook, jenis: str) -> PkVersion | None:
    """The OPD's PK of one ``jenis`` ("murni" | "perubahan") a report prints: its last signed
    version, else its last draft; None when it has none."""
    found = [v for v in opd_versions(wb) if v.jenis == jenis]
    signed = [v for v in found if v.ditandatangani]
    return (signed or found or [None])[-1]
