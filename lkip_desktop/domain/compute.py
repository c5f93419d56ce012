"""Every derived figure of a workbook, computed from its inputs by the rules.

``Calculator`` answers questions (capaian of an indicator, totals of a budget item, the
OPD average, efisiensi of an IKU) and caches the answers. After an edit, the service
calls ``invalidate`` for what it touched; recomputing a whole subtree is cheap at this
scale, so the cache is coarse on purpose.
"""

from __future__ import annotations

from decimal import Decimal
from functools import lru_cache
from typing import Iterable

from . import budget as B
from .capaian import Capaian, CapaianSettings, capaian, mean, status_of_shown, status_word
from .effects import Affected
from .errors import FormulaError
from .model import BudgetItem, Indicator, Workbook
from .numbers import round_half_up
from .rating import akip_predikat, scale_of
from .results import Average, IkuBudget, IndicatorResult, KomponenResult, Realisasi
from .running_mean import RunningMean
from .totals import (PAGU, BudgetTotals, Figures, as_totals, leaf_figures, plain_part, rupiah_part, sum_figures,
                     tree_figures)
from .values import IndicatorValue, Predikat


RESULT_LIMIT = Decimal(10) ** 15
# A quarter's rupiah and percentage fields of one kind (target / realisasi), and the kind.
_KEUANGAN = {k: (f"{k}_keuangan", f"{k}_keuangan_persen", k) for k in ("target", "realisasi")}


@lru_cache(maxsize=1024)  # a parsed formula is immutable; a workbook repeats few formulas
def _parsed(rumus: str):
    from .formula import parse_formula  # the formula package loads when a komponen formula is first read

    return parse_formula(rumus)


def share_sum(shares) -> tuple[Decimal | None, int]:
    """Σ of the shares present and how many there are (None: no share at all)."""
    present = [s for s in shares if s is not None]
    return (sum(present, Decimal(0)) if present else None), len(present)


class Calculator:
    def __init__(self, workbook: Workbook):
        self.wb = workbook
        self._indicator: dict[int, dict[str, IndicatorResult]] = {}  # tahun -> indicator id -> result
        self._totals: dict[str, Figures] | None = None  # item id -> figures (``totals.py``)
        self._iku_means: dict[int, RunningMean] = {}  # tahun -> the mean over every IKU
        self._settings_key: tuple | None = None  # the conventions ``_settings`` was made from
        self._settings = CapaianSettings()

    # -- cache -----------------------------------------------------------------
    def invalidate(self, affected: Affected) -> None:
        """Forget the answers an edit may have changed (``domain.effects`` names them)."""
        if affected.everything:
            self._indicator.clear()
            self._totals = None
            self._iku_means.clear()
            return
        for of_year in self._indicator.values():
            for ind_id in affected.indicators:
                of_year.pop(ind_id, None)
        if affected.iku_set:
            self._iku_means.clear()
        else:
            for running in self._iku_means.values():
                running.mark(affected.indicators)
        if affected.budget_tree:
            self._totals = None
        elif self._totals is not None:
            for item_id in affected.items:  # ancestors included
                self._totals.pop(item_id, None)

    @property
    def capaian_settings(self) -> CapaianSettings:
        s = self.wb.settings
        # Made again only when a convention changed (str(cap): 120 and 120.0 print apart).
        key = (s.polaritas_negatif, s.batas_bawah_nol, s.batas_capaian, str(s.batas_capaian), s.target_nol,
               s.predikat_beda)
        if key != self._settings_key:
            self._settings = CapaianSettings(
                negative=s.polaritas_negatif,
                floor_zero=s.batas_bawah_nol,
                cap=s.batas_capaian,
                zero_target=s.target_nol,
                predikat_beda=s.predikat_beda,
            )
            self._settings_key = key
        return self._settings

    # -- indicators ----------------------------------------------------------------
    def realisasi(self, ind: Indicator, tahun: int) -> Realisasi:
        typed = ind.typed_realisasi(tahun)
        values = ind.komponen.get(tahun)
        if not ind.rumus_komponen or not values:
            return Realisasi(typed, "diketik" if typed is not None else None)
        result = self.komponen_result(ind.rumus_komponen, values, ind.desimal)
        if result.error:
            return Realisasi(None, None, error=result.error)
        if ind.jenis == "predikat":
            # A predikat indicator's komponen give its score (e.g. AKIP 82,04); the grade is
            # the one typed, or the AKIP band of the score.
            grade = typed.grade if isinstance(typed, Predikat) else akip_predikat(result.value)
            return Realisasi(Predikat(grade, result.value), "komponen", worked=result.worked)
        return Realisasi(result.value, "komponen", worked=result.worked)

    @staticmethod
    def komponen_result(rumus: str, values: dict, places: int) -> "KomponenResult":
        """A komponen formula (stored or being typed) over komponen values, by the same
        rules and limits as every realisasi: the value and its worked computation, or why not."""
        from .formula import evaluate, worked  # as _parsed: only for komponen formulas

        missing: tuple[str, ...] = ()
        try:
            formula = _parsed(rumus)
            missing = tuple(n for n in formula.names if n not in values)
            result = evaluate(formula, values)
            text = worked(formula, values, places=places)
        except FormulaError as exc:
            return KomponenResult(None, None, str(exc), missing)
        if abs(result) >= RESULT_LIMIT:  # komponen multiplied together: a typo, not a realisasi
            return KomponenResult(None, None, "Hasil rumus komponen terlalu besar; periksa nilai komponennya.")
        return KomponenResult(result, text)

    def indicator(self, indicator_id: str, tahun: int | None = None) -> IndicatorResult:
        tahun = self.wb.settings.tahun if tahun is None else tahun
        of_year = self._indicator.get(tahun)
        if of_year is None:
            of_year = self._indicator[tahun] = {}
        hit = of_year.get(indicator_id)
        if hit is None:
            ind = self.wb.indicators[indicator_id]
            real = self.realisasi(ind, tahun)
            target = ind.target(tahun)
            cap = capaian(target, real.value, ind.polaritas, self.capaian_settings)
            value, scale = cap.value, scale_of(self.wb)
            if type(value) is Decimal and value.is_finite():  # the common case: round once for both labels
                shown = round_half_up(value, 2)
                rating, status = scale.band_of_shown(shown), status_of_shown(shown)
            else:
                rating, status = scale.rate(value), status_word(value)
            hit = IndicatorResult(indicator_id, tahun, target, real, cap, rating, status)
            of_year[indicator_id] = hit
        return hit

    def capaian_value(self, indicator_id: str, tahun: int | None = None) -> Decimal | None:
        return self.indicator(indicator_id, tahun).capaian.value

    def sasaran_average(self, sasaran_id: str, tahun: int | None = None) -> Average:
        inds = self.wb.indicators_of(sasaran_id)
        return self._average([i.id for i in inds], tahun)

    def opd_average(self, tahun: int | None = None) -> Average:
        """RULES 4: simple mean of all IKU capaian (unrounded); ⚙ mean over sasaran."""
        if self.wb.settings.rata_rata == "sasaran":
            means = [self.sasaran_average(s.id, tahun) for s in self.wb.sasaran_list()]
            present = [m.value for m in means if m.value is not None]
            return Average(mean(present), len(present), len(means), "sasaran")
        tahun = self.wb.settings.tahun if tahun is None else tahun

        def value_of(indicator_id: str) -> Decimal | None:
            return self.capaian_value(indicator_id, tahun)
        running = self._iku_means.get(tahun)
        if running is None:
            running = self._iku_means[tahun] = RunningMean([i.id for i in self.wb.iku_list()], value_of)
        return Average(*running.current(value_of))

    def _average(self, indicator_ids: list[str], tahun: int | None) -> Average:
        values = [self.capaian_value(i, tahun) for i in indicator_ids]
        present = [v for v in values if v is not None]
        return Average(mean(present), len(present), len(values))

    def opd_efisiensi(self) -> Decimal | None:
        """The OPD's efisiensi by the workbook's convention: the OPD average capaian against
        the OPD serapan (RULES 7; the Ikhtisar figure the reference could not reproduce)."""
        return B.efisiensi(self.opd_average().value, self.opd_totals().serapan, self.wb.settings.efisiensi)

    def last_year(self, indicator_id: str) -> IndicatorResult:
        return self.indicator(indicator_id, self.wb.settings.tahun - 1)

    def selisih_tahun_lalu(self, indicator_id: str) -> Decimal | None:
        now = self.indicator(indicator_id).realisasi.value
        last = self.last_year(indicator_id).realisasi.value
        return B.selisih_realisasi(_number(now), _number(last))

    def target_akhir(self, indicator_id: str) -> IndicatorValue | None:
        return self.wb.indicators[indicator_id].target(self.wb.settings.renstra_akhir)

    def capaian_akhir_renstra(self, indicator_id: str) -> Capaian:
        ind = self.wb.indicators[indicator_id]
        s = self.wb.settings
        per_year = {y: self.indicator(ind.id, y).realisasi.value for y in s.renstra_years if y <= s.tahun}
        return B.capaian_akhir_renstra(
            per_year, s.tahun, self.target_akhir(indicator_id), ind.kumulatif, ind.polaritas, self.capaian_settings
        )

    # -- budget ----------------------------------------------------------------------
    def totals(self, item_id: str) -> BudgetTotals:
        hit = None if self._totals is None else self._totals.get(item_id)
        return as_totals(self._figures(item_id) if hit is None else hit)

    def _figures_of(self, item_ids: Iterable[str]) -> list[Figures]:
        """Parts for ``sum_figures`` (which reads only their rupiah): a sub kegiatan whose
        figures are not made yet gives its rupiah alone, without the Decimal serapan that is
        most of a leaf's cost (an IKU's budget or a group total sums thousands of them)."""
        if self._totals is None:
            self._totals = tree_figures(self.wb)
        known = self._totals.get
        return [known(i) or self._rupiah_part(i) for i in item_ids]

    def _rupiah_part(self, item_id: str) -> Figures:
        item = self.wb.items[item_id]
        if item.level != "sub_kegiatan":
            return self._figures(item_id)
        return rupiah_part(item, self.wb.settings.perubahan_berlaku)

    def _figures(self, item_id: str) -> Figures:
        if self._totals is None:
            self._totals = tree_figures(self.wb)
        hit = self._totals.get(item_id)
        if hit is None:  # not made yet (a sub kegiatan) or dropped by a targeted invalidate
            item = self.wb.items[item_id]
            if item.level == "sub_kegiatan":  # a leaf even with children (malformed)
                return self._leaf_figures(item)
            children = self.wb.children(item_id)
            hit = sum_figures([self._figures(c.id) for c in children]) if children else leaf_figures(
                item, self.wb.settings.perubahan_berlaku)
            self._totals[item_id] = hit
        return hit

    def _leaf_figures(self, item: BudgetItem) -> Figures:
        """A sub kegiatan's figures, made with those of its siblings not made yet: whoever
        asks one (a page, a table) mostly asks the rest, and a recompute asks all 50,000."""
        known, berlaku = self._totals, self.wb.settings.perubahan_berlaku
        for sibling in self.wb.budget_children().get(item.parent_id, ()):
            if known.get(sibling.id) is None and sibling.level == "sub_kegiatan":
                known[sibling.id] = leaf_figures(sibling, berlaku)
        hit = known.get(item.id)
        if hit is None:  # not among its parent's children (the parent went missing)
            hit = known[item.id] = leaf_figures(item, berlaku)
        return hit

    def item_capaian(self, item_id: str, tahun: int | None = None) -> Average:
        """Capaian of a budget row: the mean of its own indicators' capaian (``budget.row_capaian``)."""
        value, counted, total = B.row_capaian(self.capaian_value(i.id, tahun) for i in self.wb.indicators_of(item_id))
        return Average(value, counted, total)

    def group_totals(self, kelompok: str, leaves: Iterable[str] | None = None) -> BudgetTotals:
        """Σ of the programs of one kelompok (RULES 6.4: serapan of the sums); with ``leaves``
        only those sub kegiatan of the group (an IKU's share of it, RULES 6.5)."""
        programs = [p.id for p in self.wb.programs() if p.kelompok.strip() == kelompok]
        if leaves is None:
            return as_totals(sum_figures(self._figures_of(programs)))
        return self.leaves_totals([leaf for leaf in leaves
                                   if leaf in programs or any(a.id in programs for a in self.wb.ancestors(leaf))])

    def leaves_totals(self, leaves: Iterable[str]) -> BudgetTotals:
        """Σ of some sub kegiatan (RULES 6.4/6.5): e.g. the part of a program that supports one IKU."""
        return as_totals(sum_figures(self._figures_of(leaves)))

    def opd_totals(self) -> BudgetTotals:
        programs = self.wb.programs()
        return as_totals(sum_figures(self._figures_of(p.id for p in programs)))

    def quarter_keuangan_persen(self, item: BudgetItem, tw: int, kind: str) -> Decimal | None:
        """kind 'target' or 'realisasi': % of the year's pagu, from rupiah when known (RULES
        6.7–6.8). A program or kegiatan without its own plan takes its children's money."""
        return self._quarter_share(item, tw, _KEUANGAN[kind], self._figures(item.id)[PAGU])

    def quarter_shares(self, item: BudgetItem, kind: str) -> tuple[Decimal | None, ...]:
        """The four triwulan shares of one kind (``quarter_keuangan_persen`` of TW I–IV); the
        pagu read once (the reviu asks this of every sub kegiatan)."""
        fields, pagu = _KEUANGAN[kind], self._figures(item.id)[PAGU]
        return tuple(self._quarter_share(item, tw, fields, pagu) for tw in range(1, 5))

    def _quarter_share(self, item: BudgetItem, tw: int, fields: tuple[str, str, str], pagu: int) -> Decimal | None:
        rupiah, persen, kind = fields
        q = item.quarters.get(tw)
        if q is not None:
            amount = getattr(q, rupiah)
            if amount is not None:
                return B.triwulan_persen(amount, pagu)
            own = getattr(q, persen)
            if own is not None or item.level == "sub_kegiatan":
                return own
        if item.level == "sub_kegiatan" or not pagu:
            return None
        amount = self.quarter_amount(item, tw, kind)
        return None if amount is None else amount * 100 / pagu

    def quarter_share_sum(self, item: BudgetItem, kind: str) -> tuple[Decimal | None, int]:
        """Σ of the triwulan shares present (RULES 6.7: realisasi adds up to serapan, target
        to 100) and how many there are (the rounding tolerance grows with the count)."""
        return share_sum(self.quarter_shares(item, kind))

    def quarter_amount(self, item: BudgetItem, tw: int, kind: str) -> Decimal | None:
        """Rupiah planned/spent in one triwulan: typed, or % × pagu, or the children's sum."""
        q = item.quarters.get(tw)
        if q is not None:
            amount = getattr(q, f"{kind}_keuangan")
            if amount is not None:
                return Decimal(amount)
            pct = getattr(q, f"{kind}_keuangan_persen")
            if pct is not None:
                return pct * self.totals(item.id).pagu / 100
        parts = [self.quarter_amount(c, tw, kind) for c in self.wb.children(item.id)]
        present = [p for p in parts if p is not None]
        return sum(present, Decimal(0)) if present else None

    def supporting_leaves(self, indicator_id: str) -> list[BudgetItem]:
        """The sub kegiatan whose money counts for an IKU (RULES 6.5). A linked program or
        kegiatan with linked descendants is a heading only; one without counts whole."""
        linked = self.wb.items_supporting(indicator_id)
        children_of = self.wb.budget_children()
        # Only an item with children can be another linked item's ancestor: most IKU are
        # linked to childless sub kegiatan only, each its own only leaf (ids unique).
        if all(i.level == "sub_kegiatan" and i.id not in children_of for i in linked):
            return linked
        items = self.wb.items
        above: set[str] = set()  # every ancestor of a linked item; siblings share the walk
        for x in linked:
            parent = x.parent_id
            while parent is not None and parent in items and parent not in above:
                above.add(parent)
                parent = items[parent].parent_id
        seen: dict[str, BudgetItem] = {}
        for item in linked:
            if item.id in above:  # a heading
                continue
            if item.level == "sub_kegiatan":
                seen.setdefault(item.id, item)  # its own only leaf
            else:
                for leaf in self.wb.leaves_under(item.id):
                    seen.setdefault(leaf.id, leaf)
        return list(seen.values())

    def iku_budget(self, indicator_id: str) -> IkuBudget:
        items = self.supporting_leaves(indicator_id)
        leaves = tuple([leaf.id for leaf in items])
        part = plain_part(items, self.wb.settings.perubahan_berlaku)  # no lookup of each leaf's figures
        total = as_totals(sum_figures([part] if part is not None else self._figures_of(leaves)))
        cap = self.capaian_value(indicator_id)
        eff = B.efisiensi(cap, total.serapan, self.wb.settings.efisiensi)
        return IkuBudget(leaves, total.pagu, total.realisasi, total.serapan, cap, eff)


def _number(v: IndicatorValue | None) -> Decimal | None:
    if isinstance(v, Predikat):
        return v.score
    return v
