"""A new year's workbook from last year's file, and earlier files attached as history.

Rules of use:
- The old file is only read: opened read-only, or, when it is in an older format, copied
  to a temporary folder and the copy is migrated and read (never the original).
- Identities carry: tujuan, sasaran, indicator and budget item keep their ids and kode, so
  a renamed indicator is still the same indicator next year.
- Last year's values stay as history (indicator values and komponen of years before the
  new tahun), so ``Calculator.last_year`` fills the "tahun lalu" tables by itself.
- What belongs to its year is not carried: realisasi and triwulan of the budget, PK
  versions, prestasi, narrative, the audit trail. The summary says so, with the reason.
- Every write is one ``WorkbookService.apply`` (one transaction).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path

from ..domain import model as M
from ..domain.budget import pagu_efektif
from ..domain.errors import InputError
from ..store import database
from ..store.files import same_file
from ..store.ops import InsertOp, Op
from ..store.schema import SCHEMA_VERSION, TABLES
from ..store.service import WorkbookService
from .builder import NewWorkbook
from .report import ImportReport

# Settings that describe the OPD's conventions (carried); tahun and the period are set anew.
_CONVENTIONS = [f for f in TABLES["settings"].fields if f not in ("tahun", "renstra_awal", "renstra_akhir")]
# Texts about one year's results: they belong to that year's report.
_YEAR_TEXTS = ("analisis_keberhasilan", "analisis_penghambat", "langkah_perbaikan")


@dataclass
class CarryOptions:
    tahun: int | None = None  # default: last year's tahun + 1
    bawa_pagu: bool = False  # carry last year's pagu as the new pagu murni (a starting point)
    renstra_awal: int | None = None  # required when the old Renstra period has ended
    renstra_akhir: int | None = None


@dataclass
class SourceInfo:
    """What the dialog needs to know about last year's file before carrying."""

    path: Path
    nama_opd: str
    tahun: int
    renstra_awal: int
    renstra_akhir: int
    format_lama: bool  # older file format: read through a migrated copy

    def period_ended(self, tahun: int) -> bool:
        return tahun > self.renstra_akhir


class Summary(ImportReport):
    """What was carried, what not and why (Indonesian lines for the user): the import report
    of a carry-over, with its own section titles."""

    HEADINGS = ("Dibawa:", "Ditautkan:", "Tidak dibawa:", "Perhatian:")

    def __init__(self, judul: str = "", dibawa=None, tidak_dibawa=None, peringatan=None, ditautkan=None):
        super().__init__(judul, list(dibawa or []), list(ditautkan or []), list(tidak_dibawa or []),
                         list(peringatan or []))

    @property
    def dibawa(self) -> list[str]:
        return self.dimuat

    @property
    def tidak_dibawa(self) -> list[str]:
        return self.dilewati


# -- reading the old file without touching it -----------------------------------------------

def open_source(path: Path | str, current: WorkbookService | None = None):
    """Open an earlier year's file for reading only (``WorkbookService.open_snapshot``)."""
    return WorkbookService.open_snapshot(path, current)


def source_info(path: Path | str, current: WorkbookService | None = None) -> SourceInfo:
    path = Path(path)
    with open_source(path, current) as svc:
        s = svc.wb.settings
        lama = database.examine(path) < SCHEMA_VERSION if not same_file(getattr(current, "path", None), path) \
            else False
        return SourceInfo(path, svc.wb.opd.nama, s.tahun, s.renstra_awal, s.renstra_akhir, lama)


# -- new workbook from last year --------------------------------------------------------------

def new_from_last_year(old_path: Path | str, new_path: Path | str,
                       options: CarryOptions | None = None, current: WorkbookService | None = None) -> Summary:
    """Create ``new_path`` as next year's workbook from ``old_path``. All or nothing: on any
    error the new file is removed. ``current``: the app's open session, used when it is
    the old file itself. Returns the summary for the user."""
    options = options or CarryOptions()
    old_path, new_path = Path(old_path), Path(new_path)
    if new_path.exists() and same_file(new_path, old_path):
        raise InputError("Berkas baru tidak boleh sama dengan berkas tahun lalu.")
    if new_path.exists():
        raise InputError(f"Berkas '{new_path.name}' sudah ada; pilih nama lain.")
    with open_source(old_path, current) as old:
        ops, summary, (tahun, awal, akhir) = plan_new_year(old.wb, options, old_path.name)
    WorkbookService.create_from(new_path, ops, f"Mulai tahun {tahun} dari {old_path.name}", tahun=tahun,
                                renstra_awal=awal, renstra_akhir=akhir).close()
    return summary


def plan_new_year(old: M.Workbook, options: CarryOptions, source_name: str = "") -> tuple[list[Op], Summary, tuple]:
    """The operations that fill a fresh workbook for the new year, and the summary.
    Pure over the old workbook's objects (no file is touched here)."""
    s = old.settings
    tahun = options.tahun if options.tahun is not None else s.tahun + 1
    if tahun <= s.tahun:
        raise InputError(f"Tahun baru ({tahun}) harus sesudah tahun berkas lama ({s.tahun}).")
    awal, akhir = s.renstra_awal, s.renstra_akhir
    period_ended = tahun > s.renstra_akhir
    if options.renstra_awal is not None or options.renstra_akhir is not None:
        awal = options.renstra_awal if options.renstra_awal is not None else awal
        akhir = options.renstra_akhir if options.renstra_akhir is not None else akhir
    elif period_ended:
        raise InputError(
            f"Periode Renstra {s.renstra_awal}–{s.renstra_akhir} sudah berakhir sebelum tahun {tahun}. "
            "Tentukan periode Renstra baru (mis. --renstra 2027-2031)."
        )
    if akhir < awal or not (awal <= tahun <= akhir):
        raise InputError(f"Periode Renstra {awal}–{akhir} harus memuat tahun {tahun}.")

    summary = Summary(judul=f"Buku kerja tahun {tahun} dibuat dari {source_name or 'berkas tahun lalu'} "
                            f"(tahun {s.tahun}).")
    book = NewWorkbook()
    # Profile and signatories, then the conventions (the new year's APBD-P is not enacted yet).
    for f in TABLES["opd"].fields:
        v = getattr(old.opd, f)
        if v and f != "ttd_tanggal":  # last year's report was signed on its own date
            book.set("opd", f, v)
    for f in _CONVENTIONS:
        v = getattr(s, f)
        if f == "perubahan_berlaku":
            v = False
        book.set("settings", f, v)
    for band in old.skala_pita.values():  # the OPD's own rating scale goes with its choice
        book.copy(band, "skala_pita")
    summary.dibawa.append("Profil OPD dan penandatangan (kepala dan atasan) — dapat diubah.")
    summary.dibawa.append("Pengaturan konvensi perhitungan" + (" dan skala penilaian sendiri." if old.skala_pita
                                                               else "."))
    if s.perubahan_berlaku:
        summary.tidak_dibawa.append("Tanda 'APBD Perubahan sudah ditetapkan': APBD-P tahun baru belum ada.")

    # Renstra tree with the same ids.
    for t in old.tujuan_list():
        book.copy(t, "tujuan")
    for sa in old.sasaran.values():
        book.copy(sa, "sasaran")
    summary.dibawa.append(f"Renstra: {len(old.tujuan)} tujuan, {len(old.sasaran)} sasaran.")

    # Budget tree, parents first; pagu cleared unless asked, realisasi and triwulan always cleared.
    n_items, n_pagu = 0, 0
    for item, _ in old.walk_budget():
        pagu = 0
        if options.bawa_pagu and item.level == "sub_kegiatan":
            pagu = pagu_efektif(item.pagu_murni, item.pagu_perubahan, s.perubahan_berlaku)  # RULES 6.2/6.3
            n_pagu += 1 if pagu else 0
        book.copy(item, "budget_item", realisasi=None, pagu_murni=pagu, pagu_perubahan=0)
        n_items += 1
    orphans = len(old.items) - n_items
    summary.dibawa.append(f"Program/kegiatan/sub kegiatan: {n_items} baris dengan kode dan nama.")
    if orphans:
        summary.tidak_dibawa.append(f"{orphans} baris anggaran tanpa induk yang sah (struktur rusak).")
    if options.bawa_pagu:
        summary.dibawa.append(f"Pagu {n_pagu} sub kegiatan sebagai titik awal pagu murni (periksa dengan APBD baru).")
    else:
        summary.tidak_dibawa.append("Pagu: dikosongkan, diisi dari APBD tahun baru.")
    summary.tidak_dibawa.append("Realisasi anggaran dan data triwulan: milik tahun lalu.")

    # Indicators with their Renstra targets and last year's values as history.
    carried_items = {row["id"] for row in book.rows("budget_item")}
    owners = set(old.tujuan) | set(old.sasaran) | carried_items
    n_ind = n_hist = n_target = 0
    dropped_values = 0
    for ind in old.indicators.values():
        if ind.owner_id not in owners:
            continue
        book.copy(ind, "indicator", **{f: "" for f in _YEAR_TEXTS})
        n_ind += 1
        for (th, jenis_nilai, periode), v in ind.values.items():
            if jenis_nilai == M.REALISASI and th >= tahun:
                dropped_values += 1
                continue
            book.insert("indicator_value", indicator_id=ind.id, tahun=th, jenis_nilai=jenis_nilai,
                        periode=periode, nilai=v)
            if jenis_nilai == M.REALISASI:
                n_hist += 1
            elif th >= tahun:
                n_target += 1
        for th, comps in ind.komponen.items():
            if th >= tahun:
                dropped_values += len(comps)
                continue
            for nama, v in comps.items():
                book.insert("komponen", indicator_id=ind.id, tahun=th, nama=nama, nilai=v)
    summary.dibawa.append(f"Indikator: {n_ind}, dengan target Renstra ({n_target} nilai untuk tahun {tahun} dst.).")
    summary.dibawa.append(f"Riwayat realisasi tahun sebelumnya: {n_hist} nilai (untuk perbandingan dengan tahun lalu).")
    summary.tidak_dibawa.append("Analisis keberhasilan/penghambat dan langkah perbaikan indikator: milik laporan tahun lalu.")
    if dropped_values:
        summary.peringatan.append(f"{dropped_values} nilai realisasi/komponen untuk tahun {tahun} atau sesudahnya "
                                  "di berkas lama diabaikan.")
    if len(old.indicators) > n_ind:
        summary.tidak_dibawa.append(f"{len(old.indicators) - n_ind} indikator tanpa pemilik yang sah.")

    iku_no_target = [i.nama for i in old.iku_list() if i.target(tahun) is None]
    if period_ended:
        summary.peringatan.append(f"Periode Renstra baru {awal}–{akhir}: struktur dibawa, target tahun {tahun} "
                                  "belum ada dan harus diisi dari Renstra baru.")
    elif iku_no_target:
        summary.peringatan.append(f"{len(iku_no_target)} IKU belum punya target tahun {tahun}: "
                                  + "; ".join(iku_no_target[:5]) + ("…" if len(iku_no_target) > 5 else ""))

    n_links = 0
    carried_inds = {row["id"] for row in book.rows("indicator")}
    for a, b in sorted(old.links):
        if a in carried_inds and b in carried_items:
            book.insert("dukungan", indicator_id=a, item_id=b)
            n_links += 1
    summary.dibawa.append(f"Keterkaitan IKU ↔ anggaran: {n_links}.")

    if old.pk_versions:
        summary.tidak_dibawa.append(f"Perjanjian Kinerja ({len(old.pk_versions)} versi): setiap PK milik tahunnya; "
                                    "buat PK baru untuk tahun ini.")
    if old.prestasi:
        summary.tidak_dibawa.append(f"Prestasi ({len(old.prestasi)}): penghargaan milik tahun lalu.")
    if old.sdm:
        summary.tidak_dibawa.append(f"Data SDM ({len(old.sdm)} baris): komposisi pegawai milik tahun lalu; "
                                    "isi data tahun ini di halaman Profil OPD.")
    summary.tidak_dibawa.append("Narasi laporan dan riwayat perubahan (audit): milik berkas tahun lalu.")
    return book.ops, summary, (tahun, awal, akhir)


# -- attaching earlier files as history ------------------------------------------------------

def _norm(text: str) -> str:
    return re.sub(r"\s+", " ", (text or "").strip()).casefold()


def match_indicators(current: M.Workbook, older: M.Workbook) -> tuple[dict[str, str], list[str], list[str]]:
    """Older indicator id -> current indicator id: by id, then kode, then name (each only
    when unique on both sides). Returns (matches, unmatched names, ambiguous names)."""
    def unique_index(wb: M.Workbook, key) -> tuple[dict[str, str], set[str]]:
        seen: dict[str, str] = {}
        dup: set[str] = set()
        for ind in wb.indicators.values():
            k = key(ind)
            if not k:
                continue
            if k in seen:
                dup.add(k)
            seen[k] = ind.id
        return {k: v for k, v in seen.items() if k not in dup}, dup

    cur_kode, cur_kode_dup = unique_index(current, lambda i: i.kode.strip())
    old_kode, old_kode_dup = unique_index(older, lambda i: i.kode.strip())
    cur_nama, cur_nama_dup = unique_index(current, lambda i: _norm(i.nama))
    old_nama, old_nama_dup = unique_index(older, lambda i: _norm(i.nama))
    matches: dict[str, str] = {}
    used: set[str] = set()
    unmatched, ambiguous = [], []
    pending = []
    for ind in older.indicators.values():
        if ind.id in current.indicators:
            matches[ind.id] = ind.id
            used.add(ind.id)
        else:
            pending.append(ind)
    for ind in pending:
        k, n = ind.kode.strip(), _norm(ind.nama)
        target = None
        if k and k in cur_kode and k in old_kode:
            target = cur_kode[k]
        elif (k and (k in cur_kode_dup or k in old_kode_dup)) or (n in cur_nama_dup or n in old_nama_dup):
            ambiguous.append(ind.nama)
            continue
        elif n and n in cur_nama and n in old_nama:
            target = cur_nama[n]
        if target is None or target in used:
            (ambiguous if target in used else unmatched).append(ind.nama)
            continue
        matches[ind.id] = target
        used.add(target)
    return matches, unmatched, ambiguous


def plan_history(current: M.Workbook, older: M.Workbook, source_name: str = "") -> tuple[list[Op], Summary]:
    """Operations that add an older file's targets and realisasi (years before the current
    tahun) to the current workbook, without overwriting anything already there.

    A realisasi the older file computed from komponen is stored as the value that file
    computed: the current formula may differ, and history must say what was reported."""
    from ..domain.compute import Calculator

    tahun = current.settings.tahun
    calc = Calculator(older)
    matches, unmatched, ambiguous = match_indicators(current, older)
    ops: list[Op] = []
    added = kept = 0
    years: set[int] = set()
    for old_id, cur_id in matches.items():
        old_ind, cur_ind = older.indicators[old_id], current.indicators[cur_id]
        entries: dict[tuple[int, str, int], object] = {}
        for key, v in old_ind.values.items():
            if key[0] < tahun:
                entries[key] = v
        for th in old_ind.komponen:
            if th < tahun:
                r = calc.realisasi(old_ind, th)
                if r.source == "komponen" and r.value is not None:
                    entries[(th, M.REALISASI, M.ANNUAL)] = r.value
        for (th, jenis_nilai, periode), v in sorted(entries.items(), key=lambda kv: (kv[0][0], kv[0][1], kv[0][2])):
            exists = cur_ind.values.get((th, jenis_nilai, periode)) is not None or (
                jenis_nilai == M.REALISASI and periode == M.ANNUAL and cur_ind.rumus_komponen
                and cur_ind.komponen.get(th))
            if exists:
                kept += 1
                continue
            ops.append(InsertOp("indicator_value", {"indicator_id": cur_id, "tahun": th, "jenis_nilai": jenis_nilai,
                                                    "periode": periode, "nilai": v}))
            added += 1
            years.add(th)
    summary = Summary(judul=f"Riwayat dari {source_name or 'berkas lama'} (tahun {older.settings.tahun}).")
    if older.settings.tahun >= tahun:
        summary.peringatan.append(f"Berkas itu untuk tahun {older.settings.tahun}, tidak lebih awal dari tahun "
                                  f"buku kerja ini ({tahun}); hanya nilai tahun sebelum {tahun} yang diambil.")
    summary.dibawa.append(f"{len(matches)} indikator cocok (menurut id, kode, lalu nama).")
    summary.dibawa.append(f"{added} nilai target/realisasi ditambahkan"
                          + (f" (tahun {', '.join(str(y) for y in sorted(years))})." if years else "."))
    if kept:
        summary.tidak_dibawa.append(f"{kept} nilai sudah ada di buku kerja ini: tidak ditimpa.")
    if unmatched:
        summary.tidak_dibawa.append(f"{len(unmatched)} indikator tidak ditemukan di buku kerja ini: "
                                    + "; ".join(unmatched[:8]) + ("…" if len(unmatched) > 8 else ""))
    if ambiguous:
        summary.tidak_dibawa.append(f"{len(ambiguous)} indikator tidak dapat dicocokkan dengan pasti (kode/nama "
                                    "ganda): " + "; ".join(ambiguous[:8]) + ("…" if len(ambiguous) > 8 else ""))
    return ops, summary


def history_label(path: Path | str) -> str:
    return f"Tambah riwayat dari {Path(path).name}"
