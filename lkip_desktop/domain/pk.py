"""Perjanjian Kinerja (RULES §9): the form wording, how rows print, consistency warnings,
what differs between two versions, amounts in words (terbilang), and the level a PK is for.

Pure rules over the workbook objects: the store builds versions from these, the PDF and
the GUI print what these return, so the three never disagree.

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
``pihak2_pangkat``, ``pihak2_golongan`` and ``pihak2_nip``, both functions read them first.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date
from decimal import Decimal

from num2words import num2words

from .compute import Calculator
from .errors import InputError
from .model import PkProgramRow, PkSasaranRow, PkVersion, Workbook
from .nip import format_nip, nip_problems
from .numbers import format_date, format_rupiah
from .values import Predikat, format_value, parse_indicator_value, value_from_text, value_to_text

KESALAHAN = "kesalahan"  # same level names as reviu.Finding
PERINGATAN = "peringatan"

# -- wording ---------------------------------------------------------------------------------

PIHAK_PERTAMA = "{pihak_pertama}"  # a line holding only this prints the Nama/Jabatan block
PIHAK_KEDUA = "{pihak_kedua}"

# PermenPANRB 53/2014 Lampiran I form, as SETDA Kota Bekasi printed it (Lampiran I of the
# reference). Stored per version only when the user changes it ("" = this default).
DEFAULT_TEKS = """\
Dalam rangka mewujudkan manajemen pemerintahan yang efektif, transparan dan akuntabel serta \
berorientasi pada hasil, kami yang bertandatangan di bawah ini:

{pihak_pertama}

selanjutnya disebut pihak pertama

{pihak_kedua}

selaku atasan pihak pertama, selanjutnya disebut pihak kedua.

Pihak pertama berjanji akan mewujudkan target kinerja yang seharusnya sesuai lampiran perjanjian \
ini, dalam rangka mencapai target kinerja jangka menengah seperti yang telah ditetapkan dalam \
dokumen perencanaan. Keberhasilan dan kegagalan pencapaian target kinerja tersebut menjadi \
tanggung jawab kami.

Pihak kedua akan melakukan supervisi yang diperlukan serta akan melakukan evaluasi terhadap \
capaian kinerja dari perjanjian ini dan mengambil tindakan yang diperlukan dalam rangka \
memberikan penghargaan dan sanksi."""

# Placeholders a user may type in the wording; anything else in braces prints as typed.
PLACEHOLDERS = ("tahun", "opd", "pihak1_nama", "pihak1_jabatan", "pihak2_nama", "pihak2_jabatan", "tempat")

# Pangkat of each golongan (PP 99/2000), to fill one from the other and to catch typos.
PANGKAT = {
    "I.a": "Juru Muda", "I.b": "Juru Muda Tingkat I", "I.c": "Juru", "I.d": "Juru Tingkat I",
    "II.a": "Pengatur Muda", "II.b": "Pengatur Muda Tingkat I", "II.c": "Pengatur",
    "II.d": "Pengatur Tingkat I",
    "III.a": "Penata Muda", "III.b": "Penata Muda Tingkat I", "III.c": "Penata", "III.d": "Penata Tingkat I",
    "IV.a": "Pembina", "IV.b": "Pembina Tingkat I", "IV.c": "Pembina Utama Muda",
    "IV.d": "Pembina Utama Madya", "IV.e": "Pembina Utama",
}


@dataclass(frozen=True)
class Block:
    kind: str  # "para" | "pihak1" | "pihak2"
    text: str = ""


def teks_of(pk: PkVersion) -> str:
    return pk.teks if pk.teks.strip() else DEFAULT_TEKS


def body_blocks(pk: PkVersion, tahun: int, opd_nama: str = "") -> list[Block]:
    """The statement body as paragraphs and party blocks, placeholders filled in."""
    values = {
        "tahun": str(tahun), "opd": opd_nama, "pihak1_nama": pk.pihak1_nama,
        "pihak1_jabatan": pk.pihak1_jabatan, "pihak2_nama": pk.pihak2_nama,
        "pihak2_jabatan": pk.pihak2_jabatan, "tempat": pk.tempat,
    }
    out: list[Block] = []
    for para in re.split(r"\n\s*\n", teks_of(pk).replace("\r\n", "\n")):
        para = para.strip()
        if not para:
            continue
        if para == PIHAK_PERTAMA:
            out.append(Block("pihak1"))
        elif para == PIHAK_KEDUA:
            out.append(Block("pihak2"))
        else:
            text = " ".join(para.split())  # a paragraph reflows: single line breaks are spaces
            text = re.sub(r"\{(\w+)\}", lambda m: values.get(m.group(1), m.group(0)), text)
            out.append(Block("para", text))
    return out


def judul(pk: PkVersion, tahun: int) -> str:
    """"PERJANJIAN KINERJA TAHUN 2024" / "PERJANJIAN KINERJA PERUBAHAN TAHUN 2024"."""
    return f"PERJANJIAN KINERJA{' PERUBAHAN' if pk.jenis == 'perubahan' else ''} TAHUN {tahun}"


def jenis_label(pk: PkVersion, wb: Workbook | None = None) -> str:
    """"PK", "PK Perubahan", "PK eselon III", "PK Perubahan eselon IV"."""
    base = "PK Perubahan" if pk.jenis == "perubahan" else "PK"
    if wb is not None:
        t = tingkat_of(wb, pk)
        if t.eselon > 2:
            base += f" eselon {ROMAN[t.eselon]}"
    return base


def version_label(pk: PkVersion, wb: Workbook | None = None) -> str:
    """One line for lists: "PK Perubahan · 04 November 2024 · ditandatangani"; with the
    workbook a lower-level PK names its unit: "PK eselon III (Program …) · …"."""
    when = format_date(pk.tanggal, zero_pad=True) if pk.tanggal else "tanggal belum diisi"
    label = jenis_label(pk, wb)
    if wb is not None:
        unit = unit_of(wb, pk)
        if unit is not None:
            label += f" ({unit.nama})"
    return f"{label} · {when} · {'ditandatangani' if pk.ditandatangani else 'draf'}"


# -- levels ---------------------------------------------------------------------------------------

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


def pangkat_golongan(pangkat: str, golongan: str) -> str:
    """"Pembina Utama Muda / IV.c" (RULES §10); either part may be missing."""
    return " / ".join(p for p in (pangkat.strip(), golongan.strip()) if p)


def nip_line(nip: str) -> str:
    """"NIP. 19661006 198603 1 008"; an NIP that cannot be grouped prints as typed."""
    if not nip.strip():
        return ""
    try:
        return f"NIP. {format_nip(nip)}"
    except InputError:
        return f"NIP. {nip.strip()}"


def tanggal_line(pk: PkVersion, zero_pad: bool = True) -> str:
    """"Bekasi, 02 Januari 2024"; dots for a date not yet set (written in by hand)."""
    when = format_date(pk.tanggal, zero_pad=zero_pad) if pk.tanggal else "...................."
    return f"{pk.tempat.strip()}, {when}" if pk.tempat.strip() else when


_PERCENT_UNITS = {"%", "persen", "(%)"}
_BARE_UNITS = {"", "nilai", "indeks", "angka", "poin", "predikat", "skor"}


def target_text(row: PkSasaranRow, jenis: str | None = None) -> str:
    """The target as the Lampiran prints it, with its unit: "40%", "88", "22,73%", "A", "83".

    ``jenis`` is the indicator's kind when the row is linked: an index or a grade prints bare
    even when its satuan says "%" (SETDA prints Indeks Pelaksanaan Pembangunan as "88")."""
    text = row.target.strip()
    if not text:
        return "-"
    try:
        v = value_from_text(text)
        shown = format_value(v, None)
    except InputError:
        v, shown = None, text  # free text typed by the user prints as typed
    if isinstance(v, Predikat) or jenis in ("indeks", "predikat") or v is None:
        return shown
    unit = row.satuan.strip()
    if jenis == "persen" or unit.lower() in _PERCENT_UNITS:
        return f"{shown}%"
    if unit.lower() in _BARE_UNITS:
        return shown
    return f"{shown} {unit}"


def parse_target(text: str, jenis: str = "angka") -> str:
    """What a user typed as a PK target -> canonical storage text ("22,73" -> "22.73").

    Text that is neither a number nor a grade is kept as typed (some PKs agree on "Ada")."""
    t = text.strip().rstrip("%").strip()
    if not t:
        return ""
    try:
        v = parse_indicator_value(t, jenis if jenis in ("angka", "persen", "indeks", "predikat") else "angka")
    except InputError:
        try:
            v = parse_indicator_value(t, "predikat")
        except InputError:
            return text.strip()
    return value_to_text(v) or ""


def total_anggaran(rows: list[PkProgramRow]) -> int:
    return sum(r.anggaran for r in rows)


def total_murni(rows: list[PkProgramRow]) -> int | None:
    vals = [r.anggaran_murni for r in rows if r.anggaran_murni is not None]
    return sum(vals) if vals else None


def terbilang(n: int, satuan: str = "rupiah") -> str:
    """Amount in Indonesian words via num2words: "dua ratus ... sembilan puluh enam rupiah"."""
    if isinstance(n, bool) or not isinstance(n, int):
        raise TypeError("terbilang() menerima int (rupiah)")
    words = num2words(abs(n), lang="id")
    words = " ".join(words.split())
    if n < 0:
        words = "minus " + words
    return f"{words} {satuan}".strip()


def terbilang_kapital(n: int) -> str:
    """"Dua Ratus Dua Puluh Sembilan Miliar ... Rupiah" as forms write it in brackets."""
    return " ".join(w.capitalize() for w in terbilang(n).split())


def rupiah(n: int | None) -> str:
    """"Rp 229.444.689.696" (0 or none: "-")."""
    return format_rupiah(n, prefix=True, dash_zero=True)


def angka(n: int | None) -> str:
    """A rupiah amount under a column headed "(Rp)": "229.444.689.696"."""
    return format_rupiah(n, dash_zero=True)


# -- building rows from the workbook -------------------------------------------------------------

@dataclass(frozen=True)
class SasaranDraft:
    sasaran: str
    indikator: str
    satuan: str
    target: str
    indicator_id: str | None


@dataclass(frozen=True)
class ProgramDraft:
    program: str
    anggaran: int
    anggaran_murni: int | None
    keterangan: str
    item_id: str | None


def sasaran_drafts(wb: Workbook, tahun: int | None = None, unit_id: str | None = None) -> list[SasaranDraft]:
    """One row per IKU, in Renstra order, with its target of the year (RULES §9); for a
    lower-level PK one row per indicator of the program/kegiatan ``unit_id``."""
    tahun = tahun or wb.settings.tahun
    out = []
    if unit_id is not None:
        unit = wb.items[unit_id]
        return [SasaranDraft(unit.nama, ind.nama, ind.satuan, value_to_text(ind.target(tahun)) or "", ind.id)
                for ind in wb.indicators_of(unit_id)]
    for s in wb.sasaran_list():
        for ind in wb.indicators_of(s.id):
            out.append(SasaranDraft(s.nama, ind.nama, ind.satuan, value_to_text(ind.target(tahun)) or "", ind.id))
    return out


def program_drafts(wb: Workbook, calc: Calculator, jenis: str, unit_id: str | None = None) -> list[ProgramDraft]:
    """One row per program of the budget tree: pagu murni for a PK, pagu perubahan (with the
    murni beside it) for a PK Perubahan; keterangan = the sumber dana of its sub kegiatan.
    For a lower-level PK: one row per kegiatan of the program (per sub kegiatan of the
    kegiatan) ``unit_id``."""
    out = []
    for prog in (wb.children(unit_id) if unit_id is not None else wb.programs()):
        t = calc.totals(prog.id)
        sumber = sorted({leaf.sumber_dana.strip() for leaf in wb.leaves_under(prog.id) if leaf.sumber_dana.strip()})
        ket = "/".join(sumber) if sumber else (prog.sumber_dana or "APBD")
        if jenis == "perubahan":
            out.append(ProgramDraft(prog.nama, t.pagu_perubahan, t.pagu_murni, ket, prog.id))
        else:
            out.append(ProgramDraft(prog.nama, t.pagu_murni, None, ket, prog.id))
    return out


# -- consistency (warn, never block) --------------------------------------------------------------

@dataclass(frozen=True)
class PkWarning:
    """Same fields as reviu.Finding, so reviu can wrap these one to one."""

    level: str
    code: str
    message: str
    where: str
    table: str
    key: tuple
    field: str | None = None


def same_target(text: str, target) -> bool:
    if target is None:
        return not text.strip()
    try:
        v = value_from_text(text.strip()) if text.strip() else None
    except InputError:
        return False
    if isinstance(target, Predikat) and isinstance(v, Predikat):
        return v.grade == target.grade and (v.score is None or target.score is None or v.score == target.score)
    if isinstance(target, Decimal) and isinstance(v, Decimal):
        return v == target
    return False


def consistency(wb: Workbook, calc: Calculator, pk_id: str) -> list[PkWarning]:
    """Where this PK disagrees with the workbook: targets vs the Renstra of the year, program
    amounts and total vs the budget tree, IKU left out, party data and NIP."""
    pk = wb.pk_versions[pk_id]
    tahun = wb.settings.tahun
    tingkat = tingkat_of(wb, pk)
    unit = wb.items.get(tingkat.unit_id) if tingkat.lower and tingkat.unit_id else None
    label = jenis_label(pk, wb) + (f" {unit.nama}" if unit else "")
    out: list[PkWarning] = []
    if tingkat.lower and unit is None:
        out.append(PkWarning(PERINGATAN, "pk-unit-hilang",
                             f"{UNIT_LEVEL[tingkat.eselon].capitalize()} PK ini sudah tidak ada di data anggaran.",
                             label, "pk_version", (pk_id,), None))
    rows = wb.pk_sasaran_rows(pk_id)
    in_pk = {r.indicator_id for r in rows if r.indicator_id}
    for row in rows:
        where = f"{label}: {row.indikator or '(indikator kosong)'}"
        if row.indicator_id and row.indicator_id not in wb.indicators:
            out.append(PkWarning(PERINGATAN, "pk-indikator-hilang",
                                 "Indikator ini sudah tidak ada di Renstra buku kerja.",
                                 where, "pk_sasaran", (row.id,), "indikator"))
            continue
        ind = wb.indicators.get(row.indicator_id) if row.indicator_id else None
        if ind is None:
            continue
        if unit is not None and ind.owner_id != unit.id:
            out.append(PkWarning(PERINGATAN, "pk-indikator-lain",
                                 f"Indikator ini bukan indikator {unit.nama}.",
                                 where, "pk_sasaran", (row.id,), "indikator"))
        target = ind.target(tahun)
        if not same_target(row.target, target):
            shown = "-" if target is None else format_value(target, None)
            out.append(PkWarning(KESALAHAN, "pk-target",
                                 f"Target di {label} ({target_text(row, ind.jenis)}) berbeda dengan target "
                                 f"Renstra {tahun} ({shown}).",
                                 where, "pk_sasaran", (row.id,), "target"))
    if not tingkat.lower:
        for ind in wb.iku_list():
            if ind.id not in in_pk:
                out.append(PkWarning(PERINGATAN, "pk-iku-tidak-ada",
                                     f"IKU \"{ind.nama}\" tidak tercantum di {label}.",
                                     label, "pk_version", (pk_id,), None))
    elif unit is not None:
        for ind in wb.indicators_of(unit.id):
            if ind.id not in in_pk:
                out.append(PkWarning(PERINGATAN, "pk-indikator-tidak-ada",
                                     f"Indikator \"{ind.nama}\" tidak tercantum di {label}.",
                                     label, "pk_version", (pk_id,), None))
    perubahan = pk.jenis == "perubahan"
    kind = "perubahan" if perubahan else "murni"
    what = kolom(tingkat.eselon).anggaran
    in_pk_items = set()
    for row in wb.pk_program_rows(pk_id):
        where = f"{label}: {what} {row.program}"
        if not row.item_id:
            continue
        in_pk_items.add(row.item_id)
        if row.item_id not in wb.items:
            out.append(PkWarning(PERINGATAN, "pk-program-hilang", f"{what} ini sudah tidak ada di data anggaran.",
                                 where, "pk_program", (row.id,), "program"))
            continue
        if unit is not None and wb.items[row.item_id].parent_id != unit.id:
            out.append(PkWarning(PERINGATAN, "pk-program-lain", f"{what} ini tidak berada di bawah {unit.nama}.",
                                 where, "pk_program", (row.id,), "program"))
        t = calc.totals(row.item_id)
        pagu = t.pagu_perubahan if perubahan else t.pagu_murni
        if row.anggaran != pagu:
            out.append(PkWarning(KESALAHAN, "pk-anggaran",
                                 f"Anggaran di {label} {rupiah(row.anggaran)} berbeda dengan pagu {kind} "
                                 f"{rupiah(pagu)} di data anggaran.",
                                 where, "pk_program", (row.id,), "anggaran"))
        if perubahan and row.anggaran_murni is not None and row.anggaran_murni != t.pagu_murni:
            out.append(PkWarning(PERINGATAN, "pk-anggaran-murni",
                                 f"Anggaran murni di {label} {rupiah(row.anggaran_murni)} berbeda dengan pagu "
                                 f"murni {rupiah(t.pagu_murni)}.",
                                 where, "pk_program", (row.id,), "anggaran_murni"))
    if unit is not None:
        for child in wb.children(unit.id):
            if child.id not in in_pk_items:
                out.append(PkWarning(PERINGATAN, "pk-program-tidak-ada",
                                     f"{what} \"{child.nama}\" tidak tercantum di {label}.",
                                     label, "pk_version", (pk_id,), None))
    total = total_anggaran(wb.pk_program_rows(pk_id))
    if unit is not None:
        t = calc.totals(unit.id)
        budget_total, of = (t.pagu_perubahan if perubahan else t.pagu_murni), unit.nama
    else:
        opd = calc.opd_totals()
        budget_total, of = (opd.pagu_perubahan if perubahan else opd.pagu_murni), ""
    if wb.items and not (tingkat.lower and unit is None) and total != budget_total:
        out.append(PkWarning(KESALAHAN, "pk-total",
                             f"Total anggaran {label} {rupiah(total)} berbeda dengan total pagu {kind} "
                             f"{of + ' ' if of else ''}{rupiah(budget_total)}.",
                             label, "pk_version", (pk_id,), None))
    out += _party_warnings(pk, label)
    return out


def _party_warnings(pk: PkVersion, label: str) -> list[PkWarning]:
    out = []
    key = (pk.id,)
    if not pk.pihak1_nama.strip():
        out.append(PkWarning(PERINGATAN, "pk-pihak1", "Nama pihak pertama belum diisi.", label, "pk_version", key,
                             "pihak1_nama"))
    if not pk.pihak2_nama.strip():
        out.append(PkWarning(PERINGATAN, "pk-pihak2", "Nama pihak kedua belum diisi.", label, "pk_version", key,
                             "pihak2_nama"))
    if not pk.pihak1_nip.strip():
        out.append(PkWarning(PERINGATAN, "pk-nip-kosong", "NIP pihak pertama belum diisi.", label, "pk_version",
                             key, "pihak1_nip"))
    else:
        for problem in nip_problems(pk.pihak1_nip):
            out.append(PkWarning(KESALAHAN, "pk-nip-tidak-sah", problem, label, "pk_version", key, "pihak1_nip"))
    gol = pk.pihak1_golongan.strip()
    if gol and gol in PANGKAT and pk.pihak1_pangkat.strip() and \
            pk.pihak1_pangkat.strip().lower() != PANGKAT[gol].lower():
        out.append(PkWarning(PERINGATAN, "pk-pangkat",
                             f"Pangkat \"{pk.pihak1_pangkat}\" tidak sesuai golongan {gol} ({PANGKAT[gol]}).",
                             label, "pk_version", key, "pihak1_pangkat"))
    if pk.tanggal is None:
        out.append(PkWarning(PERINGATAN, "pk-tanggal", "Tanggal penandatanganan belum diisi.", label,
                             "pk_version", key, "tanggal"))
    if not pk.tempat.strip():
        out.append(PkWarning(PERINGATAN, "pk-tempat", "Tempat penandatanganan belum diisi.", label,
                             "pk_version", key, "tempat"))
    return out


def sign_problems(wb: Workbook, pk_id: str) -> list[str]:
    """What must be filled before a version can be marked signed (the rest only warns)."""
    pk = wb.pk_versions[pk_id]
    out = []
    if pk.tanggal is None:
        out.append("tanggal penandatanganan belum diisi")
    if not pk.pihak1_nama.strip():
        out.append("nama pihak pertama belum diisi")
    if not pk.pihak2_nama.strip():
        out.append("nama pihak kedua belum diisi")
    if not wb.pk_sasaran_rows(pk_id):
        out.append("belum ada baris sasaran/indikator")
    return out


# -- what differs between two versions ---------------------------------------------------------

@dataclass(frozen=True)
class DiffEntry:
    bagian: str  # "Pihak", "Sasaran", "Program", "Teks"
    uraian: str
    lama: str
    baru: str


_PARTY_FIELDS = [
    ("jenis", "Jenis"), ("tempat", "Tempat"), ("tanggal", "Tanggal"),
    ("pihak1_nama", "Nama pihak pertama"), ("pihak1_jabatan", "Jabatan pihak pertama"),
    ("pihak1_pangkat", "Pangkat pihak pertama"), ("pihak1_golongan", "Golongan pihak pertama"),
    ("pihak1_nip", "NIP pihak pertama"), ("pihak2_nama", "Nama pihak kedua"),
    ("pihak2_jabatan", "Jabatan pihak kedua"),
]


def _show_field(name: str, v) -> str:
    if v is None or v == "":
        return "-"
    if isinstance(v, date):
        return format_date(v, zero_pad=True)
    if name == "pihak1_nip":
        return nip_line(v).removeprefix("NIP. ")
    if name == "jenis":
        return "PK Perubahan" if v == "perubahan" else "PK"
    return str(v)


def diff(wb: Workbook, old_id: str, new_id: str) -> list[DiffEntry]:
    """Everything that differs from version ``old_id`` to ``new_id``; rows are matched by the
    indicator or program they came from, else by their text."""
    a, b = wb.pk_versions[old_id], wb.pk_versions[new_id]
    out: list[DiffEntry] = []
    for name, label in _PARTY_FIELDS:
        va, vb = getattr(a, name), getattr(b, name)
        if va != vb:
            out.append(DiffEntry("Pihak", label, _show_field(name, va), _show_field(name, vb)))
    if teks_of(a).strip() != teks_of(b).strip():
        out.append(DiffEntry("Teks", "Teks perjanjian", "teks lama", "teks diubah"))

    def jenis_of(r: PkSasaranRow) -> str | None:
        ind = wb.indicators.get(r.indicator_id) if r.indicator_id else None
        return ind.jenis if ind else None

    def skey(r: PkSasaranRow):
        return r.indicator_id or ("", r.sasaran.strip().lower(), r.indikator.strip().lower())

    rows_a = {skey(r): r for r in wb.pk_sasaran_rows(old_id)}
    rows_b = {skey(r): r for r in wb.pk_sasaran_rows(new_id)}
    for k, ra in rows_a.items():
        rb = rows_b.get(k)
        if rb is None:
            out.append(DiffEntry("Sasaran", ra.indikator, target_text(ra, jenis_of(ra)), "(dihapus)"))
            continue
        if ra.indikator != rb.indikator:
            out.append(DiffEntry("Sasaran", "Nama indikator", ra.indikator, rb.indikator))
        if ra.sasaran != rb.sasaran:
            out.append(DiffEntry("Sasaran", f"Sasaran dari {rb.indikator}", ra.sasaran, rb.sasaran))
        ta, tb = target_text(ra, jenis_of(ra)), target_text(rb, jenis_of(rb))
        if ta != tb:
            out.append(DiffEntry("Sasaran", f"Target {rb.indikator}", ta, tb))
    for k, rb in rows_b.items():
        if k not in rows_a:
            out.append(DiffEntry("Sasaran", rb.indikator, "(tidak ada)", target_text(rb, jenis_of(rb))))

    def pkey(r: PkProgramRow):
        return r.item_id or ("", r.program.strip().lower())

    progs_a = {pkey(r): r for r in wb.pk_program_rows(old_id)}
    progs_b = {pkey(r): r for r in wb.pk_program_rows(new_id)}
    for k, ra in progs_a.items():
        rb = progs_b.get(k)
        if rb is None:
            out.append(DiffEntry("Program", ra.program, rupiah(ra.anggaran), "(dihapus)"))
            continue
        if ra.program != rb.program:
            out.append(DiffEntry("Program", "Nama program", ra.program, rb.program))
        if ra.anggaran != rb.anggaran:
            out.append(DiffEntry("Program", f"Anggaran {rb.program}", rupiah(ra.anggaran), rupiah(rb.anggaran)))
        if ra.keterangan != rb.keterangan:
            out.append(DiffEntry("Program", f"Keterangan {rb.program}", ra.keterangan, rb.keterangan))
    for k, rb in progs_b.items():
        if k not in progs_a:
            out.append(DiffEntry("Program", rb.program, "(tidak ada)", rupiah(rb.anggaran)))
    ta, tb = total_anggaran(wb.pk_program_rows(old_id)), total_anggaran(wb.pk_program_rows(new_id))
    if ta != tb:
        out.append(DiffEntry("Program", "Total anggaran", rupiah(ta), rupiah(tb)))
    return out
