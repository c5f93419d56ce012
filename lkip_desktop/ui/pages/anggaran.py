"""The Program & Anggaran page: the budget tree with its total, and a notice when a pagu
perubahan is typed while serapan is still measured on the pagu murni (RULES 6.3)."""

from __future__ import annotations

from PySide6.QtCore import QPoint, Qt
from PySide6.QtWidgets import QHBoxLayout, QLabel, QToolTip, QVBoxLayout

from ...domain import effects as E
from ...domain.budget import items_perubahan_ignored
from ...edits import cells, rows, values
from .. import fmt
from ..grid.view import GridView
from ..notices import NoticeArea
from ..tables.anggaran import BudgetModel
from .base import Page, after_paint, button, confirm_delete, is_big


PERUBAHAN_ACTION = "Hitung serapan dari pagu perubahan"


class AnggaranPage(Page):
    title = "Program & Anggaran"

    def __init__(self, context, parent=None):
        super().__init__(context, parent)
        self.model = BudgetModel(context, self)
        self.view = self.add_view(GridView(), self.model)
        bar = QHBoxLayout()
        for text, slot, tip in [
            ("Tambah &program", lambda: self.add_item("program"), ""),
            ("Tambah &kegiatan", lambda: self.add_item("kegiatan"), "Di bawah program yang dipilih"),
            ("Tambah &sub kegiatan", lambda: self.add_item("sub_kegiatan"), "Di bawah kegiatan yang dipilih"),
            ("&Hapus baris", self.delete_row, "Hapus baris beserta isinya (dapat diurungkan)"),
        ]:
            bar.addWidget(button(text, slot, tip))
        bar.addStretch(1)
        self.total = QLabel()
        self.total.setWordWrap(True)
        self.total.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        help_ = QLabel("Pagu dan realisasi diketik pada sub kegiatan; baris program dan kegiatan adalah "
                       "jumlah anak-anaknya (tidak dapat diubah).")
        help_.setWordWrap(True)
        self.notices = NoticeArea(self)
        lay = QVBoxLayout(self)
        lay.addWidget(self.notices)
        lay.addLayout(bar)
        lay.addWidget(help_)
        lay.addWidget(self.view, 1)
        lay.addWidget(self.total)
        context.changed.connect(lambda ch: self.update_total() if ch.affected.opd_budget else None)
        context.changed.connect(self._check_perubahan)
        self.update_total()
        if is_big(context.wb):  # a look at every sub kegiatan: after the page's first paint
            after_paint(self, lambda: self._check_perubahan(None))
        else:
            self._check_perubahan(None)

    # RULES 6.3: a pagu perubahan must not be silently measured on murni
    def _check_perubahan(self, ch) -> None:
        if ch is not None and not (ch.everything or ch.touched(E.ITEM) or ch.touched("settings")):
            return
        wb = self.context.wb
        caught = items_perubahan_ignored(
            (i for i in wb.items.values() if i.level == "sub_kegiatan"), wb.settings.perubahan_berlaku)
        if not caught:
            self.notices.remove("apbd-p")
            return
        first = caught[0]
        text = (f"{fmt.count(len(caught))} sub kegiatan punya pagu perubahan (APBD-P), misalnya {first.kode} "
                f"{first.nama[:60]}, tetapi serapan masih dihitung dari pagu murni karena "
                "“APBD-P berlaku” di halaman Profil belum dicentang.")
        typed = ch is not None and any(r == cells.item(i.id, "pagu_perubahan") for r in ch.cells for i in caught)
        if typed or self.notices.find("apbd-p") is None or ch is None:
            self.notices.show_notice("apbd-p", text, [(PERUBAHAN_ACTION, self.use_perubahan)])
        if typed:
            self._tip_at_cell(ch, text)

    def _tip_at_cell(self, ch, text: str) -> None:
        ref = next(r for r in ch.cells if r.field == "pagu_perubahan")
        node = self.model.find((E.ITEM, cells.owner(ref)[1]))
        col = self.model.column_for(node, ref) if node is not None else None
        if col is None:
            return
        rect = self.view.visualRect(self.model.index_of(node, col))
        QToolTip.showText(self.view.viewport().mapToGlobal(QPoint(rect.left(), rect.bottom())),
                          text + f"\nPilih “{PERUBAHAN_ACTION}” di atas tabel.", self.view.viewport(),
                          rect, 8000)

    def use_perubahan(self) -> None:
        """The one-click switch: APBD-P berlaku (an edit verb, undoable)."""
        self.context.run(values.set_value, cells.setting("perubahan_berlaku"), True,
                         "Hitung serapan dari pagu perubahan")

    def update_total(self) -> None:
        t = self.context.calc.opd_totals()
        self.total.setText(
            f"<b>Jumlah OPD</b> – pagu murni Rp {fmt.rupiah(t.pagu_murni)} · pagu perubahan Rp "
            f"{fmt.rupiah(t.pagu_perubahan)} · selisih {fmt.rupiah(t.selisih)} · realisasi Rp "
            f"{fmt.rupiah(t.realisasi)} · serapan {fmt.pct(t.serapan)}%"
        )

    def add_item(self, level: str) -> None:
        idx = self.view.currentIndex()
        node = self.model.node(idx) if idx.isValid() else None
        want_parent = {"program": None, "kegiatan": "program", "sub_kegiatan": "kegiatan"}[level]
        parent_id = None
        if want_parent is not None:
            n = node
            while n is not None and n.kind != "root" and n.kind != want_parent:
                n = n.parent
            if n is None or n.kind != want_parent:
                self.message.emit(f"Pilih sebuah {fmt.LEVEL_LABEL[want_parent].lower()} terlebih dahulu.")
                return
            parent_id = n.id
        new = self.context.run(rows.add_item, level, parent_id)
        if new is not None:
            node = self.model.find((E.ITEM, new))
            if node is not None:
                self.view.select_cell(node, 1)
                self.view.edit(self.view.currentIndex())

    can_edit_rows = True

    def _node(self):
        idx = self.view.currentIndex()
        return self.model.node(idx) if idx.isValid() else None

    def row_add(self) -> None:
        """Ctrl++: a new item at the selected item's level (a program when nothing is chosen)."""
        node = self._node()
        self.add_item(node.kind if node is not None else "program")

    def row_delete(self) -> None:
        self.delete_row()

    def row_move(self, step: int) -> bool:
        node = self._node()
        if node is None:
            return False
        wb = self.context.wb
        item = wb.items[node.id]
        return self._move(self.view, E.ITEM, wb.children(item.parent_id), node.id, step,
                          fmt.LEVEL_LABEL[item.level])

    def subtree_text(self, node) -> str | None:
        wb = self.context.wb
        below: dict[str, int] = {}
        stack = list(wb.children(node.id))
        while stack:
            it = stack.pop()
            below[it.level] = below.get(it.level, 0) + 1
            stack.extend(wb.children(it.id))
        if not below:
            return None
        parts = [f"{below[lv]} {fmt.LEVEL_LABEL[lv].lower()}" for lv in ("kegiatan", "sub_kegiatan") if lv in below]
        item = wb.items[node.id]
        return (f"Hapus {fmt.LEVEL_LABEL[item.level].lower()} {item.kode} \u201c{item.nama[:80]}\u201d beserta "
                f"{' dan '.join(parts)} (dengan pagu, realisasi dan triwulannya)?")

    def delete_row(self) -> None:
        node = self._node()
        if node is None:
            return
        label = f"Hapus {fmt.LEVEL_LABEL[node.kind].lower()}"
        question = self.subtree_text(node)
        if question and not confirm_delete(self, label, question + "\n\nDapat diurungkan dengan Ctrl+Z."):
            return
        if self.context.run(rows.delete, E.ITEM, node.id, label) is not None:
            self.notice.emit("Baris dihapus – dapat diurungkan dengan Ctrl+Z.")

    def locate(self, place):
        if place.kind != E.ITEM:
            return False
        return self._locate_in(self.view, (E.ITEM, place.id), place.ref or cells.item(place.id, "nama"), 1)
