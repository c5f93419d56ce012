"""Flat list models: Prestasi, SDM and the bands of a kustom rating scale (editable), Reviu
findings and the change history (read-only)."""

from __future__ import annotations

from ...domain import reviu
from ...domain.numbers import format_date, format_number
from ...domain.rating import band_order
from ...edits import cells, scale
from ..grid.columns import Column
from ..grid.model import GridModel


class PrestasiModel(GridModel):
    reshaped_by = frozenset({"prestasi"})

    def build(self):
        for p in self.wb.prestasi_list():
            self.add(None, "prestasi", p.id, deps=(("prestasi", p.id),))

    def make_columns(self):
        wb = self.wb

        def p(n):
            return wb.prestasi[n.id]

        def ref(field):
            return lambda n: cells.prestasi(n.id, field)

        return [
            Column("Tanggal", lambda n: format_date(p(n).tanggal) if p(n).tanggal else "-", ref=ref("tanggal"),
                   edit=lambda n: format_date(p(n).tanggal) if p(n).tanggal else "", width=16,
                   header_tip="mis. 16 Desember 2024 atau 16/12/2024", label="Ubah tanggal prestasi"),
            Column("Uraian prestasi / penghargaan", lambda n: p(n).uraian, ref=ref("uraian"), width=60, stretch=True,
                   tooltip=lambda n: p(n).uraian, label="Ubah uraian prestasi"),
            Column("Pemberi", lambda n: p(n).pemberi, ref=ref("pemberi"), width=30, label="Ubah pemberi"),
        ]


SDM_LABEL = {"golongan": "Golongan", "pendidikan": "Pendidikan", "jabatan": "Jenis jabatan"}


class SdmModel(GridModel):
    """Staff lines of Bab I (kategori, uraian, jumlah), grouped by kategori."""

    reshaped_by = frozenset({"sdm"})

    def build(self):
        for kategori in SDM_LABEL:
            for r in self.wb.sdm_rows(kategori):
                self.add(None, "sdm", r.id, deps=(("sdm", r.id),))

    def make_columns(self):
        wb = self.wb

        def r(n):
            return wb.sdm[n.id]

        def ref(field):
            return lambda n: cells.sdm(n.id, field)

        return [
            Column("Kategori", lambda n: SDM_LABEL.get(r(n).kategori, r(n).kategori), width=14),
            Column("Uraian", lambda n: r(n).uraian, ref=ref("uraian"), width=40, stretch=True,
                   header_tip="mis. IV/a, S1, Jabatan Fungsional", label="Ubah uraian SDM"),
            Column("Jumlah (orang)", lambda n: str(r(n).jumlah), ref=ref("jumlah"), numeric=True, width=12,
                   label="Ubah jumlah pegawai"),
        ]


class SkalaPitaModel(GridModel):
    """The bands of the workbook's own scale, highest edge first, as they rate: edge, whether
    the edge itself belongs to the band (≥) or not (>), and the kriteria."""

    reshaped_by = frozenset({"settings"})

    def build(self):
        if self.wb.settings.skala != "kustom":
            return
        for p in band_order(self.wb.skala_pita.values()):
            self.add(None, "skala_pita", p.id, deps=(("settings", p.id),))

    def make_columns(self):
        wb = self.wb

        def p(n):
            return wb.skala_pita[n.id]

        def ref(field):
            return lambda n: cells.skala_pita(n.id, field)

        def toggle(n, on):
            self.context.run(scale.set_band, n.id, "inklusif", "≥" if on else ">")

        return [
            Column("Batas bawah (%)", lambda n: format_number(p(n).batas_bawah, None), ref=ref("batas_bawah"),
                   numeric=True, width=12, label="Ubah batas bawah rentang skala"),
            Column("≥ (termasuk batas)", lambda n: "≥" if p(n).inklusif else ">", check=lambda n: p(n).inklusif,
                   toggle=toggle, width=12, header_tip="Dicentang: nilai sama dengan batas masuk rentang ini "
                   "(≥); tidak: hanya nilai di atasnya (>)."),
            Column("Kriteria", lambda n: p(n).label, ref=ref("label"), width=24, stretch=True,
                   label="Ubah kriteria rentang skala"),
        ]


LEVEL_TEXT = {reviu.KESALAHAN: "Kesalahan", reviu.PERINGATAN: "Peringatan"}


GROUP_OVER = 500  # findings beyond which the list is grouped by check (a 100x workbook has 50,000)


class ReviuModel(GridModel):
    """The core's check list; rebuilt on demand (``refresh``), not on every keystroke. A long
    list comes grouped by check, folded: one row per check with its count, opened on demand
    (laying out 50,000 rows blocked the window for seconds, and nobody reads them in a row)."""

    fold_depth = -1

    def __init__(self, context, parent=None):
        self.findings: list = []
        self.groups: list[tuple[str, list[int]]] = []  # (check code, indices of its findings)
        super().__init__(context, parent)
        context.changed.disconnect(self.on_changed)

    def refresh(self, findings: list) -> None:
        """Show ``findings``: the check is the context's (``reviu_findings``, once per change)
        or a worker's on a big workbook."""
        self.beginResetModel()
        self.findings = list(findings)
        self._rebuild()
        self.endResetModel()

    def build(self):
        self.groups = []
        if len(self.findings) <= GROUP_OVER:
            for i, _f in enumerate(self.findings):
                self.add(None, "finding", i)
            return
        by_code: dict[str, list[int]] = {}
        for i, f in enumerate(self.findings):
            by_code.setdefault(f.code, []).append(i)
        for code, members in by_code.items():
            head = self.add(None, "group", len(self.groups))
            self.groups.append((code, members))
            # a group's rows are made when it is opened (53,000 findings at 100x)
            self.add_later(head, len(members), lambda node, members=members: self._add_findings(node, members))

    def _add_findings(self, head, members: list[int]) -> None:
        for i in members:
            self.add(head, "finding", i)

    def finding(self, node):
        """The finding of a row (a group's row: its first)."""
        return self.findings[node.id if node.kind == "finding" else self.groups[node.id][1][0]]

    def is_group(self, node):
        return node.kind == "group"

    def make_columns(self):
        f = self.finding
        titles = {c.id: c.title for c in reviu.CHECKS}

        def where(n):
            return f(n).where if n.kind == "finding" else f"{format_number(len(self.groups[n.id][1]), 0)} temuan"

        def message(n):
            return f(n).message if n.kind == "finding" else titles.get(f(n).code, f(n).code)

        def color(n):
            return "#fde2e1" if f(n).level == reviu.KESALAHAN else "#fff4d6"

        return [
            Column("Tingkat", lambda n: LEVEL_TEXT.get(f(n).level, f(n).level), color=color, width=11),
            Column("Lokasi", where, width=40, stretch=True, tooltip=where),
            Column("Temuan", message, width=70, stretch=True, tooltip=message),
        ]


class HistoryModel(GridModel):
    """Audit entries of one cell (or the latest of the whole workbook)."""

    def __init__(self, context, parent=None):
        self.ref = None  # the cell shown (None: the whole workbook)
        self.entries: list = []
        super().__init__(context, parent)
        context.changed.disconnect(self.on_changed)

    def show(self, ref) -> None:
        self.ref = ref
        self.refresh()

    def refresh(self) -> None:
        self.beginResetModel()
        self.entries = self.context.service.history(self.ref, limit=300)
        self._rebuild()
        self.endResetModel()

    def build(self):
        for i, _e in enumerate(self.entries):
            self.add(None, "audit", i)

    def make_columns(self):
        def e(n):
            return self.entries[n.id]

        aksi = {"ubah": "Ubah", "tambah": "Tambah", "hapus": "Hapus"}
        return [
            Column("Waktu", lambda n: e(n).waktu.replace("T", " "), width=18),
            Column("Pengguna", lambda n: e(n).pengguna, width=10),
            Column("Aksi", lambda n: aksi.get(e(n).aksi, e(n).aksi), width=7),
            Column("Data", lambda n: cells.entry_label(e(n), self.wb), width=40,
                   tooltip=lambda n: cells.entry_label(e(n), self.wb)),
            Column("Nilai lama", lambda n: cells.entry_value(e(n), "lama"), width=18, numeric=True),
            Column("Nilai baru", lambda n: cells.entry_value(e(n), "baru"), width=18, numeric=True),
            Column("Keterangan", lambda n: e(n).label or "", width=30),
        ]
