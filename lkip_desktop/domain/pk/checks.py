"""Where a PK disagrees with the workbook (targets, pagu, IKU left out, party data, NIP):
warnings that never block, and what must be filled before a version is signed."""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal

from ..compute import Calculator
from ..errors import InputError
from ..model import PkVersion, Workbook
from ..nip import nip_problems
from ..values import Predikat, format_value, value_from_text
from .amounts import rupiah, total_anggaran
from .fields import PANGKAT, target_text
from .levels import UNIT_LEVEL, kolom, tingkat_of
from .wording import jenis_label


KESALAHAN = "kesalahan"  # same level names as reviu.Finding
PERINGATAN = "peringatan"


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


def sign_gaps(wb: Workbook, pk_id: str) -> list[str]:
    """What is still empty in a version that may be signed anyway (asked about, not refused):
    anggaran "-" (0), the NIP, targets, the place. A signed version cannot be corrected, so the
    signer sees these before the irreversible step."""
    pk = wb.pk_versions[pk_id]
    what = kolom(tingkat_of(wb, pk).eselon).anggaran.lower()
    out = []
    programs = wb.pk_program_rows(pk_id)
    if not programs:
        out.append(f"belum ada baris {what}")
    empty = [r.program or "(tanpa nama)" for r in programs if not r.anggaran]
    if empty:
        names = ", ".join(empty[:3]) + (f", dan {len(empty) - 3} lainnya" if len(empty) > 3 else "")
        out.append(f"anggaran {len(empty)} dari {len(programs)} baris {what} masih \"-\" (0): {names}")
    if not pk.pihak1_nip.strip():
        out.append("NIP pihak pertama belum diisi")
    elif nip_problems(pk.pihak1_nip):
        out.append("NIP pihak pertama tidak sah: " + "; ".join(nip_problems(pk.pihak1_nip)))
    no_target = [r.indikator or "(indikator kosong)" for r in wb.pk_sasaran_rows(pk_id) if not r.target.strip()]
    if no_target:
        out.append(f"target {len(no_target)} indikator belum diisi: " + ", ".join(no_target[:3])
                   + (f", dan {len(no_target) - 3} lainnya" if len(no_target) > 3 else ""))
    if not pk.tempat.strip():
        out.append("tempat penandatanganan belum diisi")
    return out
