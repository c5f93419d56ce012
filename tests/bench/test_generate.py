"""Smoke test of the benchmark generator (no timings: bench/ is not part of the suite)."""

from __future__ import annotations

from decimal import Decimal

from bench.generate import TAHUN, build_ops, generate
from lkip_desktop.store.service import WorkbookService


def test_generate_small_workbook_opens_and_computes(tmp_path):
    path = generate(tmp_path / "kecil.lkip", scale=0.02, seed=3)
    assert [repr(op) for op in build_ops(0.02, 3).ops] == [repr(op) for op in build_ops(0.02, 3).ops]
    with WorkbookService.open(path) as svc:
        wb, calc = svc.wb, svc.calc
        subs = [i for i in wb.items.values() if i.level == "sub_kegiatan"]
        assert len(subs) == 10  # 500 x 0.02
        assert 5 <= len(wb.indicators) <= 6  # 150 x 0.02, at least 5
        assert wb.iku_list() and wb.programs()
        assert all(len(s.quarters) == 4 for s in subs)
        assert all(isinstance(s.pagu_murni, int) and isinstance(s.realisasi, int) for s in subs)
        assert all(isinstance(q.realisasi_fisik, Decimal) for s in subs for q in s.quarters.values())
        for iid in wb.indicators:
            calc.indicator(iid)
        avg = calc.opd_average()
        assert avg.total == len(wb.iku_list()) and avg.value is not None
        assert calc.opd_totals().pagu == sum(calc.totals(s.id).pagu for s in subs)
        for ind in wb.iku_list():
            calc.iku_budget(ind.id)
        assert any(wb.indicators[i].rumus_komponen for i in wb.indicators)
        assert wb.indicators[wb.iku_list()[0].id].target(TAHUN) is not None
