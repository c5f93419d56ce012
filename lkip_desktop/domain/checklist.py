"""The year's checklist ("Alur kerja"): each step of an LKIP year with its state read from
the workbook (done / partly n of m / not yet / unknown) and a short Indonesian reason.

Pure: the caller passes what the workbook model does not hold (the narasi texts, the reviu
findings when it has them, and whether an exported LKIP was found)."""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass

from .model import ANNUAL, Workbook
from .numbers import format_number

SELESAI = "selesai"
SEBAGIAN = "sebagian"
BELUM = "belum"
TIDAK_DIKETAHUI = "tidak_diketahui"
STATE_TEXT = {SELESAI: "Selesai", SEBAGIAN: "Sebagian", BELUM: "Belum", TIDAK_DIKETAHUI: "Belum diketahui"}
ROMAN = ("", "I", "II", "III", "IV")


@dataclass(frozen=True)
class Step:
    key: str  # renstra, pagu, pk, tw1..tw4, perubahan, narasi, reviu, ekspor
    title: str
    state: str
    reason: str
    done: int = 0
    total: int = 0


def _count(key: str, title: str, done: int, total: int, what: str, empty: str) -> Step:
    """A step measured as ``done`` of ``total`` things."""
    if total == 0:
        return Step(key, title, BELUM, empty)
    state = SELESAI if done == total else SEBAGIAN if done else BELUM
    return Step(key, title, state, f"{_n(done)} dari {_n(total)} {what}", done, total)


def _n(count: int) -> str:
    """A count as the report prints it ("5.150", not "5150")."""
    return format_number(count, 0)


def _leaves(wb: Workbook) -> list:
    return [it for it in wb.items.values() if it.level == "sub_kegiatan"]


def _renstra(wb: Workbook) -> Step:
    tahun = wb.settings.tahun
    iku = wb.iku_list()
    with_target = sum(1 for i in iku if i.target(tahun) is not None)
    return _count("renstra", f"Renstra dan IKU (target {tahun})", with_target, len(iku),
                  f"IKU bertarget {tahun}", "Belum ada tujuan, sasaran dan IKU.")


def _pagu(leaves: list) -> Step:
    return _count("pagu", "Pagu murni", sum(1 for it in leaves if it.pagu_murni), len(leaves),
                  "sub kegiatan berpagu murni", "Belum ada program, kegiatan dan sub kegiatan.")


def _opd_pks(wb: Workbook, jenis: str) -> list:
    return [p for p in wb.pk_list() if p.jenis == jenis and p.eselon in (None, 2)]


def _pk(wb: Workbook) -> Step:
    title = "Perjanjian Kinerja ditandatangani"
    pks = _opd_pks(wb, "murni")
    if any(p.ditandatangani for p in pks):
        return Step("pk", title, SELESAI, "PK murni sudah ditandatangani.", 1, 1)
    if pks:
        return Step("pk", title, SEBAGIAN, "PK murni sudah dibuat, belum ditandatangani.", 0, 1)
    return Step("pk", title, BELUM, "Belum ada PK murni.", 0, 1)


def _quarters_filled(leaves: list) -> Counter:
    """Per triwulan, the sub kegiatan with a realisasi keuangan or fisik of it (one pass; a
    list counted by Counter in C: 200,000 quarters at 100x, half the time of a loop)."""
    return Counter([tw for it in leaves for tw, q in it.quarters.items()
                    if q.realisasi_keuangan is not None or q.realisasi_fisik is not None])


def _realisasi(wb: Workbook, tw: int, leaves: list, filled: Counter) -> Step:
    """A triwulan's realisasi: IKU with a realisasi of that triwulan (TW IV: or of the year)
    and sub kegiatan with a realisasi keuangan or fisik of that triwulan."""
    tahun = wb.settings.tahun
    iku = wb.iku_list()
    periods = (tw, ANNUAL) if tw == 4 else (tw,)
    iku_done = sum(1 for i in iku if any(i.typed_realisasi(tahun, p) is not None for p in periods))
    return _count(f"tw{tw}", f"Realisasi TW {ROMAN[tw]}", iku_done + filled[tw], len(iku) + len(leaves),
                  "IKU dan sub kegiatan terisi", "Belum ada IKU atau sub kegiatan untuk diisi.")


def _perubahan(wb: Workbook, leaves: list) -> Step:
    title = "APBD-P dan PK Perubahan"
    changed = [it for it in leaves if it.pagu_perubahan and it.pagu_perubahan != it.pagu_murni]
    signed = any(p.ditandatangani for p in _opd_pks(wb, "perubahan"))
    if not changed:
        if signed:
            return Step("perubahan", title, SELESAI, "PK Perubahan sudah ditandatangani.", 1, 1)
        return Step("perubahan", title, BELUM,
                    "Belum ada pagu perubahan (lewati bila tidak ada APBD-P).", 0, 2)
    if not wb.settings.perubahan_berlaku:
        return Step("perubahan", title, SEBAGIAN, "Pagu perubahan terisi, tetapi APBD-P belum diaktifkan "
                    "di Profil (serapan masih dihitung atas pagu murni).", 1, 2)
    if signed:
        return Step("perubahan", title, SELESAI, "Pagu perubahan terisi dan PK Perubahan ditandatangani.", 2, 2)
    return Step("perubahan", title, SEBAGIAN, "Pagu perubahan terisi; PK Perubahan belum ditandatangani.", 1, 2)


def _narasi(narasi: dict[str, str]) -> Step:
    filled = sum(1 for text in narasi.values() if text.strip())
    return _count("narasi", "Narasi laporan", filled, len(narasi), "bagian narasi ditulis",
                  "Tidak ada bagian narasi.")


def _reviu(wb: Workbook, findings: Iterable | None) -> Step:
    title = "Reviu bersih (tanpa kesalahan)"
    if not wb.iku_list():
        return Step("reviu", title, BELUM, "Belum ada IKU untuk direviu.")
    if findings is None:
        return Step("reviu", title, TIDAK_DIKETAHUI, "Reviu belum dijalankan – buka halaman Reviu.")
    from .reviu import KESALAHAN  # the reviu's registry of checks: not needed to open a workbook

    findings = list(findings)
    errors = sum(1 for f in findings if f.level == KESALAHAN)
    if errors:
        return Step("reviu", title, BELUM, f"{_n(errors)} kesalahan dari {_n(len(findings))} temuan.")
    return Step("reviu", title, SELESAI, f"Tidak ada kesalahan ({_n(len(findings))} peringatan/saran).", 1, 1)


def _ekspor(exported: str | None) -> Step:
    title = "LKIP diekspor"
    if exported:
        return Step("ekspor", title, SELESAI, f"Ditemukan: {exported}", 1, 1)
    return Step("ekspor", title, TIDAK_DIKETAHUI,
                "Buku kerja tidak mencatat ekspor; berkas LKIP belum ditemukan di folder buku kerja.")


def steps(wb: Workbook, narasi: dict[str, str], findings: Iterable | None = None,
          exported: str | None = None) -> list[Step]:
    """The year's steps in order. ``narasi``: every free section's text by key; ``findings``:
    the reviu findings (None = not checked); ``exported``: the exported LKIP file found, if any."""
    leaves = _leaves(wb)
    filled = _quarters_filled(leaves)
    return [_renstra(wb), _pagu(leaves), _pk(wb), *(_realisasi(wb, tw, leaves, filled) for tw in (1, 2, 3, 4)),
            _perubahan(wb, leaves), _narasi(narasi), _reviu(wb, findings), _ekspor(exported)]


def has_realisasi(wb: Workbook) -> bool:
    """True once any realisasi of the year was entered (a new workbook has none)."""
    tahun = wb.settings.tahun
    if any(k[0] == tahun and k[1] == "realisasi" for i in wb.indicators.values() for k in i.values):
        return True
    return any(it.realisasi is not None or any(q.realisasi_keuangan is not None for q in it.quarters.values())
               for it in wb.items.values())
