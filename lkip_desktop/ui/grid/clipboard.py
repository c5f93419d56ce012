"""Block edits of a grid, as in Excel: copy/paste tab-separated blocks, clear cells, fill down.
Each paste/clear/fill is one ``values.set_values`` verb = one undo step."""

from __future__ import annotations

from PySide6.QtCore import QItemSelection, QItemSelectionModel, QModelIndex, Qt
from PySide6.QtGui import QGuiApplication

from ...domain.errors import InputError
from ...edits import values
from .. import fmt
from .columns import parse_cell


def parse_tsv(text: str) -> list[list[str]]:
    """Tab-separated text as Excel/LibreOffice put it on the clipboard (quoted cells may hold
    tabs/newlines). A final empty line is dropped."""
    rows: list[list[str]] = []
    row: list[str] = []
    cell: list[str] = []
    i, n = 0, len(text)
    quoted = False
    at_start = True
    while i < n:
        ch = text[i]
        if quoted:
            if ch == '"':
                if i + 1 < n and text[i + 1] == '"':
                    cell.append('"')
                    i += 2
                    continue
                quoted = False
            else:
                cell.append(ch)
            i += 1
            continue
        if ch == '"' and at_start:
            quoted = True
            at_start = False
        elif ch == "\t":
            row.append("".join(cell))
            cell, at_start = [], True
        elif ch in "\r\n":
            if ch == "\r" and i + 1 < n and text[i + 1] == "\n":
                i += 1
            row.append("".join(cell))
            rows.append(row)
            row, cell, at_start = [], [], True
        else:
            cell.append(ch)
            at_start = False
        i += 1
    if cell or row:
        row.append("".join(cell))
        rows.append(row)
    return rows


def to_tsv(rows: list[list[str]]) -> str:
    def q(s: str) -> str:
        return '"' + s.replace('"', '""') + '"' if any(c in s for c in '\t\n"') else s

    return "\n".join("\t".join(q(c) for c in r) for r in rows) + "\n"


class BlockEditMixin:
    """GridView's block actions (mixed into the QTreeView subclass)."""

    # selection helpers
    def visual_rows(self) -> list[QModelIndex]:
        """Column-0 indexes of every visible row, top to bottom."""
        out = []
        idx = self.model().index(0, 0) if self.model().rowCount() else QModelIndex()
        while idx.isValid():
            out.append(idx)
            idx = self.indexBelow(idx)
        return out

    def selected_block(self) -> tuple[list[QModelIndex], list[int]]:
        """(rows as column-0 indexes in visual order, sorted columns) covering the selection."""
        sel = self.selectionModel().selectedIndexes()
        if not sel:
            cur = self.currentIndex()
            sel = [cur] if cur.isValid() else []
        if not sel:
            return [], []
        cols = sorted({i.column() for i in sel if not self.isColumnHidden(i.column())})
        keys = {(i.internalId()) for i in sel}
        rows = [r for r in self.visual_rows() if r.internalId() in keys]
        return rows, cols

    def copy(self) -> None:
        rows, cols = self.selected_block()
        if not rows:
            return
        model = self.model()
        out = []
        for r in rows:
            line = []
            for c in cols:
                idx = r.sibling(r.row(), c)
                col = model.column_of(idx)
                if col.check is not None:
                    st = col.check(model.node(idx))
                    line.append("" if st is None else ("ya" if st else "tidak"))
                else:
                    t = idx.data(Qt.ItemDataRole.DisplayRole)
                    line.append("" if t in (None, "-") else str(t))
            out.append(line)
        QGuiApplication.clipboard().setText(to_tsv(out))
        self.notice.emit(f"{fmt.count(len(rows))} × {fmt.count(len(cols))} sel disalin.")

    def paste(self, text: str | None = None) -> bool:
        """Paste a tab-separated block at the current cell (or fill the selection with one
        value). Every cell is checked first; one bad cell refuses the whole block."""
        text = QGuiApplication.clipboard().text() if text is None else text
        block = parse_tsv(text or "")
        if not block:
            return False
        model = self.model()
        cur = self.currentIndex()
        if not cur.isValid():
            self.message.emit("Pilih sel tujuan terlebih dahulu.")
            return False
        rows_all = self.visual_rows()
        keys = [r.internalId() for r in rows_all]
        sel_rows, sel_cols = self.selected_block()
        if len(block) == 1 and len(block[0]) == 1 and len(sel_rows) * len(sel_cols) > 1:
            # One value over a selection: fill it.
            block = [[block[0][0]] * len(sel_cols) for _ in sel_rows]
            start_row = keys.index(sel_rows[0].internalId())
            start_col = sel_cols[0]
        else:
            start_row = keys.index(cur.sibling(cur.row(), 0).internalId())
            start_col = cur.column()
        ops, errors, skipped = [], [], 0
        # hidden columns (a page's optional group) take no part, as in a spreadsheet
        shown_cols = [c for c in range(start_col, model.columnCount()) if not self.isColumnHidden(c)]
        for i, line in enumerate(block):
            if start_row + i >= len(rows_all):
                errors.append(f"Blok yang ditempel lebih panjang ({fmt.count(len(block))} baris) daripada tabel.")
                break
            r = rows_all[start_row + i]
            for j, value in enumerate(line):
                if j >= len(shown_cols):
                    errors.append(f"Blok yang ditempel lebih lebar ({len(line)} kolom) daripada tabel.")
                    break
                idx = r.sibling(r.row(), shown_cols[j])
                col = model.column_of(idx)
                ref = model.cell_ref(idx)
                if ref is None:
                    shown = idx.data(Qt.ItemDataRole.DisplayRole)
                    if value.strip() in ("", "-") or value.strip() == (shown or ""):
                        skipped += 1
                        continue
                    errors.append(f"Baris {start_row + i + 1}, kolom {col.header.replace(chr(10), ' ')}: "
                                  "sel ini tidak dapat diubah.")
                    continue
                try:
                    ops.append((ref, parse_cell(model.context, ref, value)))
                except InputError as exc:
                    errors.append(f"Baris {start_row + i + 1}, kolom {col.header.replace(chr(10), ' ')}: {exc}")
            if errors and len(errors) > 5:
                break
        if errors:
            msg = "Tempel dibatalkan, tidak ada yang disimpan. " + " ".join(errors[:3])
            self.show_error(cur, msg)
            return False
        if not ops:
            return False
        ch = model.context.run(values.set_values, ops, f"Tempel {fmt.count(len(block))} × {fmt.count(max(len(x) for x in block))} sel")
        if ch is None:
            return False
        # Select what was pasted, as spreadsheets do.
        first = rows_all[start_row].sibling(rows_all[start_row].row(), start_col)
        last_row = rows_all[min(start_row + len(block), len(rows_all)) - 1]
        last = last_row.sibling(last_row.row(), shown_cols[min(max(len(x) for x in block), len(shown_cols)) - 1])
        self.selectionModel().select(QItemSelection(first, last), QItemSelectionModel.SelectionFlag.ClearAndSelect)
        self.notice.emit(f"{fmt.count(len(ops))} sel ditempel." + (f" {fmt.count(skipped)} sel baca-saja dilewati." if skipped else ""))
        return True

    def clear_cells(self) -> bool:
        rows, cols = self.selected_block()
        model = self.model()
        ops = []
        for r in rows:
            for c in cols:
                idx = r.sibling(r.row(), c)
                ref = model.cell_ref(idx)
                if ref is None:
                    continue
                try:
                    value = parse_cell(model.context, ref, "")
                except InputError:
                    continue  # a required choice cannot be emptied: leave it
                if model.context.service.get(ref) != value:
                    ops.append((ref, value))
        if not ops:
            return False
        return model.context.run(values.set_values, ops, f"Kosongkan {fmt.count(len(ops))} sel") is not None

    def fill_down(self) -> bool:
        rows, cols = self.selected_block()
        if len(rows) < 2:
            self.message.emit("Pilih beberapa baris (baris teratas diisikan ke bawah).")
            return False
        model = self.model()
        ops, errors = [], []
        for c in cols:
            top = rows[0].sibling(rows[0].row(), c)
            text = top.data(Qt.ItemDataRole.EditRole) or ""
            for r in rows[1:]:
                idx = r.sibling(r.row(), c)
                ref = model.cell_ref(idx)
                if ref is None:
                    continue
                try:
                    ops.append((ref, parse_cell(model.context, ref, text)))
                except InputError as exc:
                    errors.append(str(exc))
        if errors:
            self.show_error(self.currentIndex(), "Isi ke bawah dibatalkan: " + errors[0])
            return False
        if not ops:
            return False
        return model.context.run(values.set_values, ops, "Isi ke bawah") is not None
