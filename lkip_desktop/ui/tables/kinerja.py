"""Item models of the performance side: Renstra tree, Realisasi grid, Capaian & Analisis.

Every figure comes from ``calc``; every editable column names the stored cell it writes.
"""

from __future__ import annotations

from PySide6.QtCore import Qt

from ...domain.model import ANNUAL, JENIS, POLARITAS, REALISASI, TARGET
from ...domain.numbers import format_number
from ...edits import cells, values
from .. import fmt
from ..grid.columns import Column, Node
from ..grid.model import GridModel

IND = frozenset({"indicator"})
IND_BUDGET = frozenset({"indicator", "budget"})


def _val_ref(ind_id: str, tahun: int, jenis: str, periode: int = ANNUAL):
    return (cells.target if jenis == TARGET else cells.realisasi)(ind_id, tahun, periode)


# -- Renstra: Tujuan -> Sasaran -> indicators -----------------------------------------------

class RenstraModel(GridModel):
    reshaped_by = frozenset({"tujuan", "sasaran", "indicator"})

    def make_columns(self):
        wb = self.wb

        def obj_ref(field):
            def ref(n: Node):
                return cells.of_thing(n.kind, n.id, field)
            return ref

        def ind_ref(field):
            def ref(n: Node):
                return cells.indicator(n.id, field) if n.kind == "indicator" else None
            return ref

        def get(field):
            def text(n: Node):
                obj = self._obj(n)
                return getattr(obj, field, "") if obj is not None else ""
            return text

        def ind_text(field):
            def text(n: Node):
                return getattr(wb.indicators[n.id], field) if n.kind == "indicator" else ""
            return text

        cols = [
            Column("Kode", get("kode"), ref=obj_ref("kode"), width=10, label="Ubah kode"),
            Column("Uraian (Tujuan / Sasaran / Indikator)", get("nama"), ref=obj_ref("nama"), width=40, stretch=True,
                   tooltip=self._tip, label="Ubah uraian"),
            Column("Satuan", ind_text("satuan"), ref=ind_ref("satuan"), width=9, label="Ubah satuan"),
            Column("Jenis", ind_text("jenis"), ref=ind_ref("jenis"), choices=JENIS, width=9,
                   header_tip="angka, persen, indeks atau predikat", label="Ubah jenis"),
            Column("Polaritas", ind_text("polaritas"), ref=ind_ref("polaritas"), choices=POLARITAS, width=9,
                   header_tip="positif: makin tinggi makin baik; negatif: makin rendah makin baik",
                   label="Ubah polaritas"),
        ]
        for y in wb.settings.renstra_years:
            cols.append(self._target_col(y))
        cols.append(Column("Rumus komponen", ind_text("rumus_komponen"), width=24,
                           tooltip=lambda n: "Ubah rumus di panel indikator komposit." if n.kind == "indicator" else None))
        return cols

    def _target_col(self, y: int) -> Column:
        wb = self.wb

        def text(n):
            return fmt.typed(wb.indicators[n.id].target(y)) if n.kind == "indicator" else ""

        def edit(n):
            return fmt.typed_edit(wb.indicators[n.id].target(y)) if n.kind == "indicator" else ""

        def ref(n):
            return _val_ref(n.id, y, TARGET) if n.kind == "indicator" else None

        return Column(f"Target\n{y}", text, ref=ref, edit=edit, numeric=True, width=9, label=f"Ubah target {y}")

    def _obj(self, n: Node):
        wb = self.wb
        return {"tujuan": wb.tujuan, "sasaran": wb.sasaran, "indicator": wb.indicators}[n.kind].get(n.id)

    def _tip(self, n: Node):
        if n.kind == "indicator":
            ind = self.wb.indicators[n.id]
            parts = [ind.nama]
            if ind.rumus:
                parts.append(f"Rumus: {ind.rumus}")
            if ind.alasan:
                parts.append(f"Alasan: {ind.alasan}")
            return "\n".join(parts)
        obj = self._obj(n)
        return obj.nama if obj else None

    def build(self):
        wb = self.wb
        for t in wb.tujuan_list():
            tn = self.add(None, "tujuan", t.id, deps=(("tujuan", t.id),))
            for ind in wb.indicators_of(t.id):
                self.add(tn, "indicator", ind.id, deps=(("indicator", ind.id),))
            for s in wb.sasaran_of(t.id):
                sn = self.add(tn, "sasaran", s.id, deps=(("sasaran", s.id),))
                for ind in wb.indicators_of(s.id):
                    self.add(sn, "indicator", ind.id, deps=(("indicator", ind.id),))

    def is_group(self, node):
        return node.kind in ("tujuan", "sasaran")


# -- Capaian & Analisis: the IKU table of Bab III ------------------------------------------------

class CapaianModel(GridModel):
    reshaped_by = frozenset({"tujuan", "sasaran", "indicator", "item"})

    def build(self):
        for ind in self.wb.iku_list():
            self.add(None, "indicator", ind.id, deps=(("indicator", ind.id),))

    def make_columns(self):
        wb, calc = self.wb, self.calc
        s = wb.settings
        tahun, lalu, akhir = s.tahun, s.tahun - 1, s.renstra_akhir

        def ind(n):
            return wb.indicators[n.id]

        def res(n):
            return calc.indicator(n.id)

        def band_color(n):
            b = res(n).rating
            return b.color if b is not None else None

        def sasaran(n):
            sa = wb.sasaran.get(ind(n).owner_id)
            return f"{sa.kode} {sa.nama}".strip() if sa else ""

        def budget(n):
            return calc.iku_budget(n.id)

        def akhir_cap(n):
            try:
                return fmt.pct(calc.capaian_akhir_renstra(n.id).value)
            except Exception as exc:  # noqa: BLE001 - e.g. a cumulative predikat: say why
                return str(exc)

        def eff_tip(n):
            b = budget(n)
            return (f"Efisiensi {s.efisiensi}: capaian {fmt.pct(b.capaian)} dan serapan {fmt.pct(b.serapan)} "
                    f"dari {fmt.count(len(b.items))} sub kegiatan pendukung (atur di halaman Dukungan).")

        last_real = lambda n: calc.last_year(n.id).realisasi.value  # noqa: E731
        return [
            Column("Sasaran", lambda n: (wb.sasaran[ind(n).owner_id].kode if ind(n).owner_id in wb.sasaran else ""),
                   width=6, tooltip=sasaran),
            Column("Indikator Kinerja Utama", lambda n: ind(n).nama, width=30, stretch=True, tooltip=lambda n: ind(n).nama),
            Column("Satuan", lambda n: ind(n).satuan, width=7),
            Column(f"Target\n{tahun}", lambda n: fmt.typed(res(n).target), numeric=True, derived=IND, width=9),
            Column(f"Realisasi\n{tahun}", lambda n: fmt.computed(res(n).realisasi.value, ind(n).desimal)
                   if res(n).realisasi.source == "komponen" else fmt.typed(res(n).realisasi.value),
                   numeric=True, derived=IND, width=9,
                   tooltip=lambda n: res(n).realisasi.worked or res(n).realisasi.error),
            Column("Capaian\n(%)", lambda n: fmt.pct(res(n).capaian.value), numeric=True, derived=IND,
                   color=band_color, tooltip=lambda n: "\n".join(x for x in (res(n).capaian.formula, res(n).capaian.note) if x),
                   width=9),
            Column("Peringkat", lambda n: res(n).rating.label if res(n).rating else "-", derived=IND,
                   color=band_color, width=14),
            Column("Pagu\n(Rp)", lambda n: fmt.rupiah(budget(n).pagu), numeric=True, derived=IND_BUDGET, width=15),
            Column("Realisasi\nanggaran (Rp)", lambda n: fmt.rupiah(budget(n).realisasi), numeric=True,
                   derived=IND_BUDGET, width=15),
            Column("Serapan\n(%)", lambda n: fmt.pct(budget(n).serapan), numeric=True, derived=IND_BUDGET, width=8),
            Column(f"Efisiensi\n({s.efisiensi})", lambda n: fmt.pct(budget(n).efisiensi), numeric=True,
                   derived=IND_BUDGET, tooltip=eff_tip, width=9),
            Column(f"Realisasi\n{lalu}", lambda n: fmt.shown(last_real(n), ind(n).desimal),
                   ref=lambda n: _val_ref(n.id, lalu, REALISASI), edit=lambda n: fmt.typed_edit(last_real(n)),
                   numeric=True, derived=IND, width=9, label=f"Ubah realisasi {lalu}",
                   header_tip="Realisasi tahun lalu (dari buku kerja tahun lalu, atau diketik)"),
            Column(f"Capaian\n{lalu} (%)", lambda n: fmt.pct(calc.last_year(n.id).capaian.value), numeric=True,
                   derived=IND, width=9),
            Column("Selisih\nrealisasi", lambda n: format_number(calc.selisih_tahun_lalu(n.id)), numeric=True,
                   derived=IND, width=9, header_tip="Realisasi tahun ini − tahun lalu (poin)"),
            Column(f"Target akhir\nRenstra {akhir}", lambda n: fmt.typed(calc.target_akhir(n.id)), numeric=True,
                   derived=IND, width=11),
            Column("Capaian thd.\ntarget akhir (%)", akhir_cap, numeric=True, derived=IND, width=11),
        ]


# -- komponen of a composite indicator for the reporting year --------------------------------

class KomponenModel(GridModel):
    """Name and value of each komponen of one indicator in the reporting year. Renaming a
    komponen moves its value to the new name (two ops, one undo step)."""

    def __init__(self, context, parent=None):
        self.indicator_id: str | None = None
        super().__init__(context, parent)

    def set_indicator(self, ind_id: str | None) -> None:
        self.indicator_id = ind_id
        self.reload()

    @property
    def tahun(self) -> int:
        return self.wb.settings.tahun

    def names(self) -> list[str]:
        ind = self.wb.indicators.get(self.indicator_id) if self.indicator_id else None
        if ind is None:
            return []
        return list(ind.komponen.get(self.tahun, {}))

    def build(self):
        for name in self.names():
            self.add(None, "komponen", name, deps=(("indicator", self.indicator_id),))

    def value_ref(self, name: str):
        return cells.komponen(self.indicator_id, self.tahun, name)

    def make_columns(self):
        def value(n):
            ind = self.wb.indicators.get(self.indicator_id)
            return ind.komponen.get(self.tahun, {}).get(n.id) if ind else None

        return [
            Column("Komponen", lambda n: n.id, ref=lambda n: cells.komponen_name(self.indicator_id, self.tahun, n.id),
                   edit=lambda n: n.id, width=18, stretch=True, label="Ganti nama komponen"),
            Column(f"Nilai {self.tahun}", lambda n: fmt.decimal_text(value(n)), ref=lambda n: self.value_ref(n.id),
                   edit=lambda n: fmt.decimal_edit(value(n)), numeric=True, width=14, label="Ubah nilai komponen"),
        ]

    def validate(self, index, text):
        if index.column() == 0:
            return values.komponen_name_problem(self.context, self.indicator_id, self.tahun,
                                                self.node(index).id, text)
        return super().validate(index, text)

    def setData(self, index, value, role=Qt.ItemDataRole.EditRole):
        if index.isValid() and index.column() == 0 and role == Qt.ItemDataRole.EditRole:
            old, new = self.node(index).id, str(value).strip()
            if new == old:
                return True
            self._renamed = (old, new)
            return self.context.run(values.rename_komponen, self.indicator_id, self.tahun, old, new) is not None
        return super().setData(index, value, role)

    def successor(self, kind, ident):
        old, new = getattr(self, "_renamed", (None, None))
        return new if kind == "komponen" and ident == old else ident

    def on_changed(self, ch):
        if self.indicator_id is None:
            return
        if ch.everything or self.indicator_id in ch.affected.indicators and (
            any(cells.is_komponen(r) and cells.owner(r)[1] == self.indicator_id for r in ch.cells)
            or "indicator" in ch.reshaped
        ):
            self.reload()
