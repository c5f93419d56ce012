"""The yearly checklist: step states on the demo, a new empty workbook and a finished year."""

from __future__ import annotations

from decimal import Decimal

from lkip_desktop.domain import checklist, reviu
from lkip_desktop.domain.checklist import BELUM, SEBAGIAN, SELESAI, TIDAK_DIKETAHUI
from lkip_desktop.domain.model import REALISASI, Quarter
from lkip_desktop.domain.numbers import format_number
from lkip_desktop.reports.narrative import NARASI

KEYS = ["renstra", "pagu", "pk", "tw1", "tw2", "tw3", "tw4", "perubahan", "narasi", "reviu", "ekspor"]


def _narasi(svc):
    return {key: svc.narasi(key) for key, _t, _h in NARASI}


def _by_key(steps):
    assert [s.key for s in steps] == KEYS
    return {s.key: s for s in steps}


def test_demo_states(demo):
    wb = demo.wb
    s = _by_key(checklist.steps(wb, _narasi(demo), reviu.check(wb, demo.calc)))
    assert s["renstra"].state == SELESAI and (s["renstra"].done, s["renstra"].total) == (5, 5)
    leaves = [it for it in wb.items.values() if it.level == "sub_kegiatan"]
    assert s["pagu"].state == SELESAI and s["pagu"].total == len(leaves)
    assert s["pk"].state == SELESAI
    # The demo's triwulan figures are partly filled, more of them later in the year.
    for tw in ("tw1", "tw2", "tw3", "tw4"):
        assert s[tw].state == SEBAGIAN and s[tw].total == 5 + len(leaves)
        assert s[tw].reason == f"{format_number(s[tw].done, 0)} dari {format_number(s[tw].total, 0)} IKU dan sub kegiatan terisi"
    assert s["tw1"].done < s["tw4"].done
    assert s["perubahan"].state == SELESAI
    assert s["narasi"].state == SEBAGIAN and s["narasi"].total == len(NARASI)
    errors = sum(1 for f in reviu.check(wb, demo.calc) if f.level == reviu.KESALAHAN)
    assert errors and s["reviu"].state == BELUM and s["reviu"].reason.startswith(f"{errors} kesalahan")
    assert s["ekspor"].state == TIDAK_DIKETAHUI
    assert checklist.has_realisasi(wb)


def test_new_empty_workbook(tmp_path):
    from lkip_desktop.store.service import WorkbookService

    with WorkbookService.create(tmp_path / "baru.lkip", tahun=2025, renstra_awal=2025, renstra_akhir=2029) as svc:
        s = _by_key(checklist.steps(svc.wb, _narasi(svc), reviu.check(svc.wb, svc.calc)))
        assert not checklist.has_realisasi(svc.wb)
    assert all(step.state in (BELUM, TIDAK_DIKETAHUI) for step in s.values())
    assert s["renstra"].title.endswith("(target 2025)")
    assert s["reviu"].state == BELUM  # an empty workbook is not "clean"
    assert s["ekspor"].state == TIDAK_DIKETAHUI
    assert checklist.steps(svc.wb, {}, None)[9].state == BELUM


def test_a_finished_year_is_done_everywhere(demo):
    wb = demo.wb
    tahun = wb.settings.tahun
    for ind in wb.iku_list():
        for tw in (1, 2, 3, 4):
            ind.values[(tahun, REALISASI, tw)] = Decimal(1)
    for it in wb.items.values():
        if it.level == "sub_kegiatan":
            for tw in (1, 2, 3, 4):
                it.quarters[tw] = Quarter(realisasi_keuangan=1)
    narasi = {key: "Teks." for key, _t, _h in NARASI}
    steps = checklist.steps(wb, narasi, findings=[], exported="LKIP_SETDA_2024.pdf")
    assert [s.state for s in steps] == [SELESAI] * len(KEYS)
    assert steps[-1].reason == "Ditemukan: LKIP_SETDA_2024.pdf"


def test_reviu_unknown_without_findings_and_pk_draft_is_partly(demo):
    wb = demo.wb
    s = _by_key(checklist.steps(wb, _narasi(demo), None))
    assert s["reviu"].state == TIDAK_DIKETAHUI
    for pk in wb.pk_versions.values():
        pk.ditandatangani = False
    s = _by_key(checklist.steps(wb, _narasi(demo), None))
    assert s["pk"].state == SEBAGIAN and s["perubahan"].state == SEBAGIAN


def test_counts_are_printed_as_the_report_prints_them(demo):
    """Thousands grouped ("1.500"), as the report and the Reviu page print a count."""
    many = [reviu.Finding(reviu.KESALAHAN, "x", "salah", "di sini", "opd", (1,))] * 1500
    s = _by_key(checklist.steps(demo.wb, _narasi(demo), many + many[:1]))
    assert s["reviu"].reason == "1.501 kesalahan dari 1.501 temuan."
    s = _by_key(checklist.steps(demo.wb, _narasi(demo), [reviu.Finding(reviu.PERINGATAN, "y", "m", "w", "opd", (1,))] * 1200))
    assert s["reviu"].reason == "Tidak ada kesalahan (1.200 peringatan/saran)."
