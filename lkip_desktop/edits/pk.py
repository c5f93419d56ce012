"""Perjanjian Kinerja services, built only on ``apply`` with Set/Insert/Delete ops.

Every function takes a ``target`` with ``.wb``, ``.calc`` and ``.apply(ops, label)``: the
WorkbookService (CLI, tests) or the GUI's WorkbookContext (so each step is one undo step).
The lock itself lives in the service (a signed version refuses every op); these functions
check it first only to give the reason before building anything.
"""

from __future__ import annotations

from datetime import date
from typing import Protocol

from ..domain import model as M
from ..domain import pk as rules
from ..domain.errors import InputError
from ..domain.numbers import parse_rupiah
from ..store.changes import Changes
from ..store.ops import CellRef, DeleteOp, InsertOp, Op, SetOp

LOCKED = ("Perjanjian Kinerja ini sudah ditandatangani dan dikunci. "
          "Buat PK Perubahan untuk mencatat perubahan.")
VERSION_FIELDS = ("jenis", "tempat", "tanggal", "pihak1_nama", "pihak1_jabatan", "pihak1_pangkat",
                  "pihak1_golongan", "pihak1_nip", "pihak2_nama", "pihak2_jabatan", "teks")


class Target(Protocol):
    wb: M.Workbook

    def apply(self, ops: list[Op], label: str) -> Changes | None: ...


def _version(target, pk_id: str) -> M.PkVersion:
    pk = target.wb.pk_versions.get(pk_id)
    if pk is None:
        raise InputError("Perjanjian Kinerja tidak ditemukan (mungkin sudah dihapus).")
    return pk


def _unlocked(target, pk_id: str) -> M.PkVersion:
    pk = _version(target, pk_id)
    if pk.ditandatangani:
        raise InputError(LOCKED)
    return pk


def _next_urut(wb: M.Workbook) -> int:
    return max((v.urut for v in wb.pk_versions.values()), default=0) + 1


def _default_tempat(wb: M.Workbook) -> str:
    kota = wb.opd.kota.strip()
    for prefix in ("Kota ", "Kabupaten ", "Kab. "):
        if kota.startswith(prefix):
            return kota[len(prefix):]
    return kota


def _atasan(wb: M.Workbook, tingkat: rules.Tingkat) -> dict:
    """Pihak kedua of a lower-level PK: for a kegiatan (eselon IV) the pihak pertama of the
    latest PK eselon III of its program, when there is one; else the Kepala OPD."""
    if tingkat.eselon == 4 and tingkat.unit_id in wb.items:
        program_id = wb.items[tingkat.unit_id].parent_id
        heads = [v for v in wb.pk_list() if v.pihak1_nama.strip()
                 and rules.tingkat_of(wb, v) == rules.Tingkat(3, program_id)]
        if heads:
            return {"pihak2_nama": heads[-1].pihak1_nama, "pihak2_jabatan": heads[-1].pihak1_jabatan}
    return {"pihak2_nama": wb.opd.kepala_nama, "pihak2_jabatan": wb.opd.kepala_jabatan}


def _parties_from_profile(wb: M.Workbook, fallback: M.PkVersion | None = None,
                          tingkat: rules.Tingkat = rules.Tingkat()) -> dict:
    """Pihak data from the OPD profile; an empty profile field keeps the earlier version's.
    At a lower level only pihak kedua comes from the workbook (the profile does not know the
    Kepala Bagian/Seksi): pihak pertama stays as typed in the version."""
    o = wb.opd
    if tingkat.lower:
        now = _atasan(wb, tingkat)
        if fallback is None:
            now.update({"pihak1_nama": "", "pihak1_jabatan": "", "pihak1_pangkat": "", "pihak1_golongan": "",
                        "pihak1_nip": ""})
    else:
        now = {
            "pihak1_nama": o.kepala_nama, "pihak1_jabatan": o.kepala_jabatan, "pihak1_pangkat": o.kepala_pangkat,
            "pihak1_golongan": o.kepala_golongan, "pihak1_nip": o.kepala_nip, "pihak2_nama": o.atasan_nama,
            "pihak2_jabatan": o.atasan_jabatan,
        }
    if fallback is not None:
        now = {k: (v if v.strip() else getattr(fallback, k)) for k, v in now.items()}
    return now


def _unit_tingkat(wb: M.Workbook, unit_id: str | None) -> rules.Tingkat:
    if unit_id is None:
        return rules.Tingkat()
    item = wb.items.get(unit_id)
    if item is None:
        raise InputError("Program/kegiatan tidak ditemukan di data anggaran.")
    if item.level not in ("program", "kegiatan"):
        raise InputError("PK eselon III dibuat untuk program, PK eselon IV untuk kegiatan.")
    if not wb.indicators_of(unit_id) and not wb.children(unit_id):
        raise InputError(f"{item.nama} belum punya indikator maupun rincian anggaran.")
    return rules.Tingkat(3 if item.level == "program" else 4, unit_id)


def _row_ops(pk_id: str, sasaran: list[rules.SasaranDraft], programs: list[rules.ProgramDraft]) -> list[Op]:
    ops: list[Op] = []
    for n, s in enumerate(sasaran, 1):
        ops.append(InsertOp("pk_sasaran", {
            "id": M.new_id(), "pk_id": pk_id, "sasaran": s.sasaran, "indikator": s.indikator,
            "satuan": s.satuan, "target": s.target, "indicator_id": s.indicator_id, "urut": n}))
    for n, p in enumerate(programs, 1):
        ops.append(InsertOp("pk_program", {
            "id": M.new_id(), "pk_id": pk_id, "program": p.program, "anggaran": p.anggaran,
            "anggaran_murni": p.anggaran_murni, "keterangan": p.keterangan, "item_id": p.item_id, "urut": n}))
    return ops


# -- versions -------------------------------------------------------------------------------------

def create_version(target: Target, jenis: str = "murni", *, tanggal: date | None = None,
                   tempat: str | None = None, unit_id: str | None = None) -> tuple[str, Changes | None]:
    """A new unsigned version from the workbook: IKU rows with the Renstra target of the year,
    program rows from the budget tree (pagu murni, or pagu perubahan beside the murni), and
    the parties from the OPD profile.

    With ``unit_id`` (a program: eselon III; a kegiatan: eselon IV) the rows are that unit's
    indicators and its kegiatan/sub kegiatan, pihak kedua is its atasan and pihak pertama is
    left for the user to fill (module doc of ``domain.pk``: the level is read from these
    linked rows)."""
    if jenis not in ("murni", "perubahan"):
        raise InputError("Jenis PK harus murni atau perubahan.")
    wb = target.wb
    tingkat = _unit_tingkat(wb, unit_id)
    pk_id = M.new_id()
    row = {"id": pk_id, "jenis": jenis, "tempat": _default_tempat(wb) if tempat is None else tempat,
           "tanggal": tanggal, "teks": "", "ditandatangani": False, "urut": _next_urut(wb)}
    row.update(_parties_from_profile(wb, tingkat=tingkat))
    ops: list[Op] = [InsertOp("pk_version", row)]
    ops += _row_ops(pk_id, rules.sasaran_drafts(wb, unit_id=unit_id),
                    rules.program_drafts(wb, target.calc, jenis, unit_id))
    label = "Buat PK Perubahan" if jenis == "perubahan" else "Buat Perjanjian Kinerja"
    if tingkat.lower:
        label += f" eselon {rules.ROMAN[tingkat.eselon]}"
    return pk_id, target.apply(ops, label)


def create_perubahan(target: Target, source_id: str, *, tanggal: date | None = None,
                     budget_from_workbook: bool = True,
                     parties_from_profile: bool = True) -> tuple[str, Changes | None]:
    """A new unsigned PK Perubahan copied from ``source_id`` (usually the signed PK): its rows
    and wording stay; the anggaran becomes the pagu perubahan with the source's murni beside
    it; the parties come from the current profile (a pangkat may have changed), the source's
    where the profile is empty. The source is never touched."""
    wb = target.wb
    src = _version(target, source_id)
    pk_id = M.new_id()
    row = {f: getattr(src, f) for f in VERSION_FIELDS}
    row.update({"id": pk_id, "jenis": "perubahan", "tanggal": tanggal, "ditandatangani": False,
                "urut": _next_urut(wb)})
    if parties_from_profile:
        row.update(_parties_from_profile(wb, src, rules.tingkat_of(wb, src)))
    sasaran = [rules.SasaranDraft(r.sasaran, r.indikator, r.satuan, r.target, r.indicator_id)
               for r in wb.pk_sasaran_rows(source_id)]
    programs = []
    for r in wb.pk_program_rows(source_id):
        murni = r.anggaran_murni if src.jenis == "perubahan" and r.anggaran_murni is not None else r.anggaran
        anggaran = r.anggaran
        if budget_from_workbook and r.item_id in wb.items:
            anggaran = target.calc.totals(r.item_id).pagu_perubahan
        programs.append(rules.ProgramDraft(r.program, anggaran, murni, r.keterangan, r.item_id))
    ops: list[Op] = [InsertOp("pk_version", row)] + _row_ops(pk_id, sasaran, programs)
    return pk_id, target.apply(ops, "Buat PK Perubahan")


def sign(target: Target, pk_id: str) -> Changes | None:
    """Mark a version signed: from now on the service refuses every edit of it, including the
    inverse of this very step. So the GUI passes the service itself, not its undo context:
    signing is a deliberate, confirmed act that is not put on the undo stack."""
    _unlocked(target, pk_id)
    problems = rules.sign_problems(target.wb, pk_id)
    if problems:
        raise InputError("Belum dapat ditandai ditandatangani: " + "; ".join(problems) + ".")
    # Freeze what is otherwise derived (the level, pihak kedua's rank and NIP), so later edits
    # elsewhere never change what this signed document prints.
    pk = _version(target, pk_id)
    tingkat = rules.tingkat_of(target.wb, pk)
    pangkat, golongan, nip = rules.pihak2_data(target.wb, pk) if tingkat.lower else ("", "", "")
    frozen = {"eselon": tingkat.eselon, "unit_id": tingkat.unit_id, "pihak2_pangkat": pangkat,
              "pihak2_golongan": golongan, "pihak2_nip": nip}
    ops = [SetOp(CellRef("pk_version", (pk_id,), k), v) for k, v in frozen.items()]
    ops.append(SetOp(CellRef("pk_version", (pk_id,), "ditandatangani"), True))
    return target.apply(ops, "Tandai PK ditandatangani")


def delete_version(target: Target, pk_id: str) -> Changes | None:
    _unlocked(target, pk_id)
    return target.apply([DeleteOp("pk_version", (pk_id,))], "Hapus Perjanjian Kinerja")


def set_field(target: Target, pk_id: str, field: str, value) -> Changes | None:
    """One field of an unsigned version (parties, date, place, wording)."""
    if field not in VERSION_FIELDS:
        raise InputError(f"Kolom PK tidak dikenal: {field}")
    _unlocked(target, pk_id)
    return target.apply([SetOp(CellRef("pk_version", (pk_id,), field), value)], "Ubah Perjanjian Kinerja")


def set_fields(target: Target, pk_id: str, values: dict) -> Changes | None:
    """Several fields as one step (e.g. the whole party block)."""
    _unlocked(target, pk_id)
    unknown = set(values) - set(VERSION_FIELDS)
    if unknown:
        raise InputError(f"Kolom PK tidak dikenal: {', '.join(sorted(unknown))}")
    pk = target.wb.pk_versions[pk_id]
    ops = [SetOp(CellRef("pk_version", (pk_id,), f), v) for f, v in values.items() if getattr(pk, f) != v]
    return target.apply(ops, "Ubah Perjanjian Kinerja")


def parties_from_profile(target: Target, pk_id: str) -> Changes | None:
    """Refill an unsigned version's parties from the current OPD profile."""
    pk = _unlocked(target, pk_id)
    return set_fields(target, pk_id, _parties_from_profile(target.wb, pk, rules.tingkat_of(target.wb, pk)))


# -- rows -----------------------------------------------------------------------------------------

def _row_pk(target, table: str, row_id: str) -> str:
    rows = target.wb.pk_sasaran if table == "pk_sasaran" else target.wb.pk_program
    r = rows.get(row_id)
    if r is None:
        raise InputError("Baris PK tidak ditemukan (mungkin sudah dihapus).")
    return r.pk_id


def set_row(target: Target, table: str, row_id: str, field: str, value) -> Changes | None:
    """One cell of a sasaran or program row of an unsigned version."""
    if table not in ("pk_sasaran", "pk_program"):
        raise InputError(f"Tabel bukan baris PK: {table}")
    _unlocked(target, _row_pk(target, table, row_id))
    return target.apply([SetOp(CellRef(table, (row_id,), field), value)], "Ubah baris PK")


def set_field_text(target: Target, pk_id: str, field: str, text: str) -> Changes | None:
    """A version field as the user typed it, parsed by the rules of its column."""
    pk = _version(target, pk_id)
    value = target.parse(CellRef("pk_version", (pk_id,), field), text)
    if getattr(pk, field) == value:
        return None
    return set_field(target, pk_id, field, value)


def set_row_text(target: Target, table: str, row_id: str, field: str, text: str) -> Changes | None:
    """A sasaran or program cell as typed: a target by its indicator's kind (number or
    predikat), an anggaran as rupiah ("-" or empty: nothing), anything else as text."""
    text = text.strip()
    if field == "target":
        row = target.wb.pk_sasaran.get(row_id)
        ind = target.wb.indicators.get(row.indicator_id) if row and row.indicator_id else None
        value = rules.parse_target(text, ind.jenis if ind else "angka")
    elif field.startswith("anggaran"):
        value = parse_rupiah(text) if text and text != "-" else 0
    else:
        value = text
    return set_row(target, table, row_id, field, value)


def add_sasaran_row(target: Target, pk_id: str, /, **values) -> tuple[str, Changes | None]:
    _unlocked(target, pk_id)
    rows = target.wb.pk_sasaran_rows(pk_id)
    row = {"id": M.new_id(), "pk_id": pk_id, "sasaran": rows[-1].sasaran if rows else "", "indikator": "",
           "satuan": "", "target": "", "indicator_id": None,
           "urut": max((r.urut for r in rows), default=0) + 1}
    row.update(values)
    return row["id"], target.apply([InsertOp("pk_sasaran", row)], "Tambah baris sasaran PK")


def add_program_row(target: Target, pk_id: str, /, **values) -> tuple[str, Changes | None]:
    pk = _unlocked(target, pk_id)
    rows = target.wb.pk_program_rows(pk_id)
    row = {"id": M.new_id(), "pk_id": pk_id, "program": "", "anggaran": 0,
           "anggaran_murni": 0 if pk.jenis == "perubahan" else None, "keterangan": "APBD", "item_id": None,
           "urut": max((r.urut for r in rows), default=0) + 1}
    row.update(values)
    return row["id"], target.apply([InsertOp("pk_program", row)], "Tambah baris program PK")


def delete_row(target: Target, table: str, row_id: str) -> Changes | None:
    if table not in ("pk_sasaran", "pk_program"):
        raise InputError(f"Tabel bukan baris PK: {table}")
    _unlocked(target, _row_pk(target, table, row_id))
    return target.apply([DeleteOp(table, (row_id,))], "Hapus baris PK")


def move_row(target: Target, table: str, row_id: str, step: int) -> Changes | None:
    """Swap a row with its neighbour (step -1 up, +1 down)."""
    pk_id = _row_pk(target, table, row_id)
    _unlocked(target, pk_id)
    rows = target.wb.pk_sasaran_rows(pk_id) if table == "pk_sasaran" else target.wb.pk_program_rows(pk_id)
    idx = next(i for i, r in enumerate(rows) if r.id == row_id)
    j = idx + step
    if not 0 <= j < len(rows):
        return None
    order = [r.id for r in rows]
    order[idx], order[j] = order[j], order[idx]
    ops = [SetOp(CellRef(table, (rid,), "urut"), n) for n, rid in enumerate(order, 1)]
    return target.apply(ops, "Pindah baris PK")


def refresh_from_workbook(target: Target, pk_id: str, *, targets: bool = True,
                          budget: bool = True) -> Changes | None:
    """Bring an unsigned version back in line with the workbook: linked rows take the Renstra
    target of the year and the pagu; IKU and programs missing from it are appended."""
    pk = _unlocked(target, pk_id)
    wb, calc = target.wb, target.calc
    tingkat = rules.tingkat_of(wb, pk)
    unit_id = tingkat.unit_id if tingkat.lower else None
    if tingkat.lower and unit_id not in wb.items:
        raise InputError("Program/kegiatan PK ini sudah tidak ada di data anggaran.")
    ops: list[Op] = []
    if targets:
        rows = wb.pk_sasaran_rows(pk_id)
        have = {r.indicator_id: r for r in rows if r.indicator_id}
        urut = max((r.urut for r in rows), default=0)
        for d in rules.sasaran_drafts(wb, unit_id=unit_id):
            r = have.get(d.indicator_id)
            if r is None:
                urut += 1
                ops.append(InsertOp("pk_sasaran", {
                    "id": M.new_id(), "pk_id": pk_id, "sasaran": d.sasaran, "indikator": d.indikator,
                    "satuan": d.satuan, "target": d.target, "indicator_id": d.indicator_id, "urut": urut}))
            elif r.target != d.target:
                ops.append(SetOp(CellRef("pk_sasaran", (r.id,), "target"), d.target))
    if budget:
        rows = wb.pk_program_rows(pk_id)
        have = {r.item_id: r for r in rows if r.item_id}
        urut = max((r.urut for r in rows), default=0)
        for d in rules.program_drafts(wb, calc, pk.jenis, unit_id):
            r = have.get(d.item_id)
            if r is None:
                urut += 1
                ops.append(InsertOp("pk_program", {
                    "id": M.new_id(), "pk_id": pk_id, "program": d.program, "anggaran": d.anggaran,
                    "anggaran_murni": d.anggaran_murni, "keterangan": d.keterangan, "item_id": d.item_id,
                    "urut": urut}))
                continue
            if r.anggaran != d.anggaran:
                ops.append(SetOp(CellRef("pk_program", (r.id,), "anggaran"), d.anggaran))
            if pk.jenis == "perubahan" and r.anggaran_murni != d.anggaran_murni:
                ops.append(SetOp(CellRef("pk_program", (r.id,), "anggaran_murni"), d.anggaran_murni))
    return target.apply(ops, "Samakan PK dengan Renstra dan anggaran")


# -- choosing a version -----------------------------------------------------------------------------

opd_versions = rules.opd_versions  # the OPD's own versions, kept here for the verbs' callers


def find_version(wb: M.Workbook, which: str | int | None) -> M.PkVersion:
    """"murni" = the OPD's last PK, "perubahan" = its last PK Perubahan, N = the N-th in the
    list of all versions (1-based), an id, or None = the OPD's latest version (the one in
    force); lower-level PKs are chosen by number or id."""
    versions = wb.pk_list()
    if not versions:
        raise InputError("Buku kerja ini belum punya Perjanjian Kinerja.")
    if which is None or which == "":
        return (opd_versions(wb) or versions)[-1]
    if isinstance(which, int) or (isinstance(which, str) and which.isdigit()):
        n = int(which)
        if not 1 <= n <= len(versions):
            raise InputError(f"Versi PK {n} tidak ada (ada {len(versions)} versi).")
        return versions[n - 1]
    if which in ("murni", "perubahan"):
        found = [v for v in opd_versions(wb) if v.jenis == which]
        if not found:
            raise InputError(f"Tidak ada {'PK Perubahan' if which == 'perubahan' else 'PK murni'}.")
        return found[-1]
    if which in wb.pk_versions:
        return wb.pk_versions[which]
    raise InputError(f"Versi PK tidak dikenal: {which}")
