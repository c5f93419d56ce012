"""Helpers shared by the table builders. Nothing here computes a rule: every figure comes
from ``service.calc`` (the domain Calculator); builders only place it in cells."""

from __future__ import annotations

from decimal import Decimal

from ...domain.budget import program_groups
from ...domain.compute import Calculator
from ...domain.results import IndicatorResult
from ...domain.model import BudgetItem, Indicator, Workbook
from ...domain.values import Predikat
from .. import table as T
from ..table import Cell, ReportTable


def built(fn, svc, number: str, *args) -> ReportTable:
    """A standard table as every output gets it: built, then its figures without data
    showing the workbook's no-data text (settings.teks_tanpa_data, RULES 2.4)."""
    return fn(svc, number, *args).with_no_data(svc.wb.settings.teks_tanpa_data or T.NO_DATA)


def opd_name(wb: Workbook) -> str:
    return wb.opd.nama or "Perangkat Daerah"


def renstra_label(wb: Workbook) -> str:
    s = wb.settings
    return f"{s.renstra_awal}-{s.renstra_akhir}"


def target_cell(v, **kw) -> Cell:
    """A target as typed: "40" stays 40, "22.73" shows 22,73."""
    return T.value_cell(v, None, **kw)


def realisasi_cell(ind: Indicator, res: IndicatorResult, **kw) -> Cell:
    """Typed realisasi keep their digits; one computed from komponen shows the
    indicator's decimals (49,5867… -> 49,59)."""
    v = res.realisasi.value
    places = ind.desimal if res.realisasi.source == "komponen" else None
    if isinstance(v, Predikat) and v.score is not None and places is not None:
        return T.predikat(v, **kw)
    return T.value_cell(v, places, **kw)


def capaian_cell(res: IndicatorResult, **kw) -> Cell:
    return T.percent(res.capaian.value, **kw)


def rating_cell(res: IndicatorResult, **kw) -> Cell:
    return T.text(res.rating.label, align="center", **kw) if res.rating else T.no_data(align="center", **kw)


def satuan_of(ind: Indicator) -> str:
    return ind.satuan or "-"


def level_of(item: BudgetItem) -> str:
    return item.level


def spanned(cell: Cell, n: int) -> Cell:
    """The same cell spanning ``n`` rows (n >= 1)."""
    if n <= 1:
        return cell
    return Cell(cell.kind, cell.value, cell.places, cell.colspan, n, cell.align, cell.parens, cell.suffix,
                cell.formula)


def no_cell(n: int | str) -> Cell:
    return T.text(f"{n}", align="center")


def fisik_text(value: Decimal | None, satuan: str) -> str:
    """A physical quantity with its unit, as Lampiran 4 prints it ("6 Dokumen", "100%")."""
    if value is None:
        return "-"
    from ...domain.numbers import format_number

    num = format_number(value, None)
    if not satuan:
        return num
    if satuan.strip() == "%":
        return f"{num}%"
    return f"{num} {satuan}"


def program_indicators(wb: Workbook, calc: Calculator, iku_id: str) -> list[Indicator]:
    """Program indicators behind an IKU: the indicators of the programs that support it
    (linked directly, or as the program of a linked kegiatan/sub kegiatan)."""
    programs: dict[str, BudgetItem] = {}
    for item in wb.items_supporting(iku_id):
        chain = [item] + wb.ancestors(item.id)
        for x in chain:
            if x.level == "program":
                programs.setdefault(x.id, x)
    out: list[Indicator] = []
    for p in wb.programs():
        if p.id in programs:
            out.extend(wb.indicators_of(p.id))
    return out


def walk_subset(wb: Workbook, shown: set[str], parent_id: str | None = None, depth: int = 0):
    """``wb.walk_budget()`` restricted to the items in ``shown`` (and their ancestors must be
    in it too): visits only those subtrees, so a per-IKU table does not walk the whole
    budget tree (quadratic on a large workbook)."""
    for child in wb.children(parent_id):
        if child.id in shown:
            yield child, depth
            yield from walk_subset(wb, shown, child.id, depth + 1)


def budget_rows(wb: Workbook, calc: Calculator, *, programs_only: bool = False, shown: set[str] | None = None,
                kelompok: str | None = None, group_total=None):
    """The budget tree in print order: (item, depth, None) per row, programs by kelompok, and
    (f"Jumlah {kelompok}", 0, totals) closing each named group (RULES 6.4 sums). Without any
    kelompok this is ``wb.walk_budget()`` unchanged. ``shown``: only these items (a per-IKU
    table: the items and their ancestors); ``kelompok``: only that group (its own table);
    ``group_total(name)``: a group's figures (default the sums of its whole programs)."""
    group_total = group_total or calc.group_totals
    for name, programs in program_groups(wb.programs()):
        programs = [p for p in programs if shown is None or p.id in shown]
        if not programs or (kelompok is not None and name != kelompok):
            continue
        for program in programs:
            yield program, 0, None
            if not programs_only:
                walk = wb.walk_budget(program.id, 1) if shown is None else walk_subset(wb, shown, program.id, 1)
                for item, depth in walk:
                    yield item, depth, None
        if name:
            yield f"Jumlah {name}", 0, group_total(name)


def group_names(wb: Workbook) -> list[str]:
    """The named program groups that get a table of their own: only when programs are split
    in two or more groups (programs without a kelompok count as one group)."""
    groups = [name for name, _programs in program_groups(wb.programs())]
    return [name for name in groups if name] if len(groups) >= 2 else []


def subtotal(t: ReportTable, label: str, label_cols: int, figures: list[Cell], *, align="right") -> None:
    """A total row: ``label`` spanning the first ``label_cols`` columns, then ``figures``."""
    t.add([T.text(label, colspan=label_cols, align=align)] + [None] * (label_cols - 1) + figures, level=T.TOTAL)


def add_budget_tree(t: ReportTable, wb: Workbook, calc: Calculator, figures, *, lead=None,
                    label_cols: int = 2, kelompok: str | None = None) -> None:
    """The whole budget tree as rows (``budget_rows`` order): ``lead(item)`` cells (default
    kode and nama; ``label_cols`` of them) then ``figures(totals)``; a "Jumlah <kelompok>"
    row closing each group and the JUMLAH row of the OPD (of one ``kelompok`` only: its
    programs, closed by its own "Jumlah <kelompok>")."""
    lead = lead or (lambda item: [T.text(item.kode), T.text(item.nama)])
    for item, depth, group in budget_rows(wb, calc, kelompok=kelompok):
        if group is None:
            t.add(lead(item) + figures(calc.totals(item.id)), level=item.level, depth=depth)
        else:
            subtotal(t, item, label_cols, figures(group))
    if kelompok is None:
        subtotal(t, "JUMLAH", label_cols, figures(calc.opd_totals()), align="center")


def empty_row(table: ReportTable, message: str) -> None:
    """The one row of a table with nothing to show, saying why (also kept in ``table.empty``)."""
    table.empty = message
    table.add([T.text(message, colspan=table.ncols, align="center")] + [None] * (table.ncols - 1))


def previous_period_end(wb: Workbook) -> int | None:
    """The last year of the previous Renstra period when last year lies before the current
    period (the Renstra changed): its target is that period's final target. None otherwise."""
    s = wb.settings
    return s.tahun - 1 if s.tahun - 1 < s.renstra_awal else None
