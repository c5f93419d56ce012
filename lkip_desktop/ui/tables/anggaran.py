"""Item models of the budget side: the Program & Anggaran tree, the triwulan grid (fisik and
keuangan per quarter) and the Dukungan checklist (IKU x budget item)."""

from __future__ import annotations

from ...domain import effects as E
from ...edits import cells, links
from .. import fmt
from ..grid.columns import Column, Node
from ..grid.model import GridModel

BUDGET = frozenset({"budget"})


LAZY_ITEMS = 3000  # budget items beyond which a kegiatan's sub kegiatan are made when it is opened


def _budget_tree(model: GridModel) -> None:
    wb = model.wb
    lazy = len(wb.items) > LAZY_ITEMS

    def grow(parent, items) -> None:
        for item in items:
            node = model.add(parent, item.level, item.id, deps=((E.ITEM, item.id),))
            kids = wb.children(item.id)
            if lazy and item.level == "kegiatan":
                model.add_later(node, len(kids), lambda n, kids=kids: grow(n, kids))
            else:
                grow(node, kids)

    grow(None, wb.children(None))


class _BudgetTreeModel(GridModel):
    """program -> kegiatan -> sub kegiatan rows; figures are typed on sub kegiatan only."""

    reshaped_by = frozenset({E.ITEM})

    def build(self):
        _budget_tree(self)

    def is_group(self, node):
        return node.kind != "sub_kegiatan"


class BudgetModel(_BudgetTreeModel):
    """kode, nama, pagu murni/perubahan, selisih, sumber dana, realisasi, serapan.
    Figures are typed on sub kegiatan only; parent rows show the sums, read-only."""

    def make_columns(self):
        wb, calc = self.wb, self.calc

        def item(n):
            return wb.items[n.id]

        def leaf_ref(field):
            return lambda n: cells.item(n.id, field) if n.kind == "sub_kegiatan" else None

        def program_ref(field):
            return lambda n: cells.item(n.id, field) if n.kind == "program" else None

        def any_ref(field):
            return lambda n: cells.item(n.id, field)

        def tot(n):
            return calc.totals(n.id)

        def ser_tip(n):
            t = tot(n)
            basis = "pagu perubahan" if wb.settings.perubahan_berlaku else "pagu murni"
            what = "Σ realisasi ÷ Σ pagu anak" if n.kind != "sub_kegiatan" else "realisasi ÷ pagu"
            return f"Serapan = {what} × 100, pagu = {basis} ({fmt.rupiah(t.pagu)})"

        return [
            Column("Kode", lambda n: item(n).kode, ref=any_ref("kode"), width=20, label="Ubah kode"),
            Column("Program / Kegiatan / Sub Kegiatan", lambda n: item(n).nama, ref=any_ref("nama"), width=40, stretch=True,
                   tooltip=lambda n: f"{fmt.LEVEL_LABEL[item(n).level]}: {item(n).nama}", label="Ubah nama"),
            Column("Pagu murni\n(Rp)", lambda n: fmt.rupiah(tot(n).pagu_murni), ref=leaf_ref("pagu_murni"),
                   edit=lambda n: fmt.rupiah_edit(item(n).pagu_murni), numeric=True, derived=BUDGET, width=19,
                   label="Ubah pagu murni"),
            Column("Pagu perubahan\n(Rp)", lambda n: fmt.rupiah(tot(n).pagu_perubahan),
                   ref=leaf_ref("pagu_perubahan"), edit=lambda n: fmt.rupiah_edit(item(n).pagu_perubahan),
                   numeric=True, derived=BUDGET, width=19, label="Ubah pagu perubahan"),
            Column("Selisih\n(Rp)", lambda n: fmt.rupiah(tot(n).selisih), numeric=True, derived=BUDGET, width=18,
                   header_tip="Selisih = pagu perubahan − pagu murni"),
            Column("Sumber dana", lambda n: item(n).sumber_dana if n.kind == "sub_kegiatan" else "",
                   ref=leaf_ref("sumber_dana"), width=10, label="Ubah sumber dana"),
            Column("Realisasi\n(Rp)", lambda n: fmt.rupiah(tot(n).realisasi), ref=leaf_ref("realisasi"),
                   edit=lambda n: fmt.rupiah_edit(item(n).realisasi), numeric=True, derived=BUDGET, width=19,
                   label="Ubah realisasi anggaran"),
            Column("Serapan\n(%)", lambda n: fmt.pct(tot(n).serapan), numeric=True, derived=BUDGET, width=8,
                   tooltip=ser_tip),
            Column("Satuan\nfisik", lambda n: item(n).satuan_fisik if n.kind == "sub_kegiatan" else "",
                   ref=leaf_ref("satuan_fisik"), width=9, label="Ubah satuan fisik"),
            Column("Kelompok\nprogram", lambda n: item(n).kelompok if n.kind == "program" else "",
                   ref=program_ref("kelompok"), width=10, label="Ubah kelompok program",
                   header_tip="Mis. BLU / Non-BLU: laporan mencetak baris \"Jumlah <kelompok>\" per kelompok"),
        ]


class QuarterModel(_BudgetTreeModel):
    """Rencana and realisasi fisik and keuangan per triwulan of each sub kegiatan. Keuangan
    is a % of the year's pagu; where rupiah amounts are stored the % is derived from them."""

    def make_columns(self):
        wb, calc = self.wb, self.calc

        def item(n):
            return wb.items[n.id]

        def q(n, tw):
            return item(n).quarters.get(tw)

        def qref(tw, field):
            return lambda n: cells.quarter(n.id, tw, field) if n.kind == "sub_kegiatan" else None

        def fisik(tw, field, title):
            def text(n):
                if n.kind != "sub_kegiatan":
                    return ""
                qq = q(n, tw)
                return fmt.decimal_text(getattr(qq, field)) if qq else "-"

            def edit(n):
                qq = q(n, tw)
                return fmt.decimal_edit(getattr(qq, field)) if qq else ""

            return Column(f"TW {fmt.ROMAN[tw]}\n{title}", text, ref=qref(tw, field), edit=edit, numeric=True,
                          width=8, label=f"Ubah {title.lower()} TW {fmt.ROMAN[tw]}",
                          tooltip=lambda n: f"Satuan: {item(n).satuan_fisik}" if n.kind == "sub_kegiatan" else None)

        def keu(tw, kind, title):
            field = f"{kind}_keuangan_persen"

            def text(n):
                if n.kind != "sub_kegiatan":
                    return ""
                return fmt.pct(calc.quarter_keuangan_persen(item(n), tw, kind))

            def ref(n):
                if n.kind != "sub_kegiatan":
                    return None
                qq = q(n, tw)
                if qq is not None and getattr(qq, f"{kind}_keuangan") is not None:
                    return None  # derived from the rupiah amount
                return cells.quarter(n.id, tw, field)

            def edit(n):
                qq = q(n, tw)
                return fmt.decimal_edit(getattr(qq, field)) if qq else ""

            def tip(n):
                qq = q(n, tw)
                if qq is not None and getattr(qq, f"{kind}_keuangan") is not None:
                    return (f"Dihitung: {fmt.rupiah(getattr(qq, f'{kind}_keuangan'))} ÷ pagu "
                            f"{fmt.rupiah(calc.totals(n.id).pagu)} × 100")
                return "Persen dari pagu setahun (bukan kumulatif)"

            return Column(f"TW {fmt.ROMAN[tw]}\n{title} (%)", text, ref=ref, edit=edit, numeric=True,
                          derived=BUDGET, width=9, tooltip=tip, label=f"Ubah {title.lower()} TW {fmt.ROMAN[tw]}")

        def rp(tw, kind, title):
            field = f"{kind}_keuangan"

            def text(n):
                if n.kind != "sub_kegiatan":
                    return ""
                qq = q(n, tw)
                return fmt.rupiah(getattr(qq, field)) if qq else "-"

            def edit(n):
                qq = q(n, tw)
                return fmt.rupiah_edit(getattr(qq, field)) if qq else ""

            return Column(f"TW {fmt.ROMAN[tw]}\n{title} (Rp)", text, ref=qref(tw, field), edit=edit, numeric=True,
                          width=15, label=f"Ubah {title.lower()} TW {fmt.ROMAN[tw]} (Rp)")

        cols = [
            Column("Kode", lambda n: item(n).kode, width=19),
            Column("Program / Kegiatan / Sub Kegiatan", lambda n: item(n).nama, width=38,
                   tooltip=lambda n: item(n).nama),
            Column("Satuan", lambda n: item(n).satuan_fisik if n.kind == "sub_kegiatan" else "", width=10),
        ]
        for tw in range(1, 5):
            cols += [fisik(tw, "target_fisik", "Rencana fisik"), fisik(tw, "realisasi_fisik", "Realisasi fisik"),
                     keu(tw, "target", "Rencana keu."), keu(tw, "realisasi", "Realisasi keu.")]

        def sum_real(n):
            if n.kind != "sub_kegiatan":
                return ""
            total, _ = calc.quarter_share_sum(item(n), "realisasi")
            return fmt.pct(total) if total is not None else "-"

        cols += [
            Column("Σ Realisasi\nkeu. TW (%)", sum_real, numeric=True, derived=BUDGET, width=10,
                   header_tip="Jumlah realisasi keuangan TW I–IV; seharusnya sama dengan serapan"),
            Column("Serapan\n(%)", lambda n: fmt.pct(calc.totals(n.id).serapan), numeric=True, derived=BUDGET,
                   width=8),
        ]
        self.rupiah_start = len(cols)
        for tw in range(1, 5):
            cols += [rp(tw, "target", "Rencana keu."), rp(tw, "realisasi", "Realisasi keu.")]
        return cols


class LinksModel(GridModel):
    """Which budget items support each IKU: one checkbox column per IKU (RULES 6.5)."""

    reshaped_by = frozenset({E.ITEM, E.INDICATOR, "sasaran", "tujuan"})

    def build(self):
        _budget_tree(self)

    def is_group(self, node):
        return node.kind == "program"

    def make_columns(self):
        wb = self.wb

        def item(n):
            return wb.items[n.id]

        cols = [
            Column("Kode", lambda n: item(n).kode, width=19),
            Column("Program / Kegiatan / Sub Kegiatan", lambda n: item(n).nama, width=44, stretch=True,
                   tooltip=lambda n: item(n).nama),
        ]
        self.iku_ids = []
        for k, ind in enumerate(wb.iku_list(), start=1):
            self.iku_ids.append(ind.id)
            cols.append(self._check_col(ind, k))
        return cols

    def _check_col(self, ind, k: int) -> Column:
        wb, ctx = self.wb, self.context
        ind_id = ind.id

        def check(n: Node):
            return (ind_id, n.id) in wb.links

        def toggle(n: Node, on: bool):
            ctx.run(links.set_link, ind_id, n.id, on)

        short = ind.kode or f"IKU {k}"
        return Column(short, lambda n: "", check=check, toggle=toggle,
                      width=9, header_tip=f"{ind.nama}\nCentang program/kegiatan/sub kegiatan yang mendukung IKU ini.")

    def on_changed(self, ch):
        if ch.everything or (ch.reshaped & self.reshaped_by):
            self.reload()
            return
        for ind_id, item_id in ch.touched(E.LINK):
            node = self.made((E.ITEM, item_id))
            if node is None or ind_id not in self.iku_ids:
                continue
            c = 2 + self.iku_ids.index(ind_id)
            idx = self.index_of(node, c)
            self.dataChanged.emit(idx, idx)
