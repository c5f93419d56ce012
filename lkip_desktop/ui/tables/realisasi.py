"""The Realisasi grid: one row per indicator with its target, the rencana aksi per
triwulan (target, realisasi and capaian of TW I–IV), the annual realisasi (typed, or from
komponen), capaian and rating. The quarter plan columns carry ``group="rencana_aksi"`` so the page
can show or hide them together (``group``)."""

from __future__ import annotations

from ...domain.numbers import format_number
from ...domain.rencana_aksi import quarter_capaian
from ...edits import cells
from .. import fmt
from ..grid.columns import Column
from ..grid.model import GridModel

IND = frozenset({"indicator"})


def owner_label(wb, ind) -> str:
    if ind.owner_kind == "sasaran" and ind.owner_id in wb.sasaran:
        s = wb.sasaran[ind.owner_id]
        return f"Sasaran {s.kode} {s.nama}".strip()
    if ind.owner_kind == "tujuan" and ind.owner_id in wb.tujuan:
        t = wb.tujuan[ind.owner_id]
        return f"Tujuan {t.kode} {t.nama}".strip()
    if ind.owner_id in wb.items:
        it = wb.items[ind.owner_id]
        return f"{fmt.LEVEL_LABEL[it.level]} {it.kode} {it.nama}".strip()
    return ""



class RealisasiModel(GridModel):
    """Target, TW I–IV, annual realisasi (typed, or from komponen), capaian and rating."""

    reshaped_by = frozenset({"tujuan", "sasaran", "indicator", "item"})

    def __init__(self, context, parent=None, scope: str = "iku"):
        self.scope = scope  # "iku" or "semua"
        super().__init__(context, parent)

    def set_scope(self, scope: str) -> None:
        if scope != self.scope:
            self.scope = scope
            self.reload()

    def indicators(self):
        wb = self.wb
        if self.scope == "iku":
            return wb.iku_list()
        out = [i for t in wb.tujuan_list() for i in wb.indicators_of(t.id)]
        out += wb.iku_list()
        for item, _ in wb.walk_budget():
            out += wb.indicators_of(item.id)
        return out

    def build(self):
        for ind in self.indicators():
            self.add(None, "indicator", ind.id, deps=(("indicator", ind.id),))

    def make_columns(self):
        wb = self.wb
        tahun = wb.settings.tahun
        res = self.calc.indicator

        def ind(n):
            return wb.indicators[n.id]

        def composite(n):
            i = ind(n)
            return bool(i.rumus_komponen and i.komponen.get(tahun))

        def tw_cols(tw):
            roman = fmt.ROMAN[tw]

            def cap(n):
                return quarter_capaian(ind(n), tahun, tw, self.calc.capaian_settings)

            def cap_tip(n):
                c = cap(n)
                return f"Capaian TW {roman} (per triwulan, tidak kumulatif): {c.formula}" + (
                    f"\n{c.note}" if c.note else "")

            return [
                Column(f"Target\nTW {roman}", lambda n: fmt.typed(ind(n).target(tahun, tw)),
                       ref=lambda n: cells.target(n.id, tahun, tw),
                       edit=lambda n: fmt.typed_edit(ind(n).target(tahun, tw)),
                       numeric=True, width=9, label=f"Ubah target TW {roman}", group="rencana_aksi"),
                Column(f"Realisasi\nTW {roman}", lambda n: fmt.typed(ind(n).typed_realisasi(tahun, tw)),
                       ref=lambda n: cells.realisasi(n.id, tahun, tw),
                       edit=lambda n: fmt.typed_edit(ind(n).typed_realisasi(tahun, tw)),
                       numeric=True, width=9, label=f"Ubah realisasi TW {roman}"),
                Column(f"Cap.\nTW {roman} (%)", lambda n: fmt.pct(cap(n).value), numeric=True,
                       derived=IND, inputs=lambda n: (cells.target(n.id, tahun, tw), cells.realisasi(n.id, tahun, tw)),
                       tooltip=cap_tip, width=9, group="rencana_aksi",
                       header_tip=f"Capaian TW {roman}: realisasi TW {roman} dibanding target TW {roman}"),
            ]

        def real_text(n):
            r = res(n.id).realisasi
            if r.source == "komponen":
                return fmt.computed(r.value, ind(n).desimal)
            return fmt.typed(r.value) if r.error is None else "galat"

        def real_tip(n):
            r = res(n.id).realisasi
            if r.error:
                return f"Rumus komponen gagal: {r.error}"
            if r.source == "komponen":
                return f"Dihitung dari komponen: {r.worked}\n(ubah komponen di halaman Renstra & IKU)"
            return "Realisasi tahunan yang diketik."

        def cap_tip(n):
            c = res(n.id).capaian
            lines = [f"Rumus: {c.formula}"]
            if c.note:
                lines.append(c.note)
            if c.value is not None and c.uncapped is not None and c.uncapped != c.value:
                lines.append(f"Sebelum batas: {format_number(c.uncapped)}")
            return "\n".join(lines)

        def band_color(n):
            b = res(n.id).rating
            return b.color if b is not None else None

        def rating_text(n):
            b = res(n.id).rating
            if b is None:
                return "-"
            return f"{b.code} – {b.label}" if b.code else b.label

        return [
            Column("Kode", lambda n: ind(n).kode, width=9),
            Column("Indikator", lambda n: ind(n).nama, width=40, stretch=True,
                   tooltip=lambda n: f"{ind(n).nama}\n{owner_label(wb, ind(n))}"),
            Column("Satuan", lambda n: ind(n).satuan, width=8),
            Column(f"Target\n{tahun}", lambda n: fmt.typed(ind(n).target(tahun)),
                   ref=lambda n: cells.target(n.id, tahun),
                   edit=lambda n: fmt.typed_edit(ind(n).target(tahun)), numeric=True, width=9,
                   label=f"Ubah target {tahun}"),
            *tw_cols(1), *tw_cols(2), *tw_cols(3), *tw_cols(4),
            Column(f"Realisasi\n{tahun}", real_text,
                   ref=lambda n: None if composite(n) else cells.realisasi(n.id, tahun),
                   edit=lambda n: fmt.typed_edit(ind(n).typed_realisasi(tahun)),
                   numeric=True, derived=IND, tooltip=real_tip, width=10, label=f"Ubah realisasi {tahun}"),
            Column("Capaian\n(%)", lambda n: fmt.pct(res(n.id).capaian.value), numeric=True, derived=IND,
                   tooltip=cap_tip, color=band_color, width=9),
            Column("Peringkat", rating_text, derived=IND, color=band_color, width=16,
                   tooltip=lambda n: res(n.id).status),
        ]


