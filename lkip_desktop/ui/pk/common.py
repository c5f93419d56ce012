"""What the parts of the PK page share: the stored cells it reads, the sasaran table columns,
a table item, the listing of warnings, and the preview desk that shows rendered pages."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QPainter
from PySide6.QtWidgets import QTableWidgetItem, QWidget

from ...edits import cells


LOGO_REF = cells.opd("logo")  # the Pemda logo lives in the workbook (Profil OPD)
ZERO_REF = cells.setting("tanggal_nol")
SASARAN_COLS = [("sasaran", "Sasaran Strategis"), ("indikator", "Indikator Kinerja"), ("satuan", "Satuan"),
                 ("target", "Target")]


def warning_lines(warnings, limit: int = 8) -> list[str]:
    """ "• where: message" for the first ``limit`` consistency warnings, then how many more."""
    out = [f"• {w.where}: {w.message}" for w in warnings[:limit]]
    if len(warnings) > limit:
        out.append(f"… dan {len(warnings) - limit} lainnya")
    return out


def table_item(text: str, editable: bool, align=None) -> QTableWidgetItem:
    it = QTableWidgetItem(text)
    flags = Qt.ItemFlag.ItemIsSelectable | Qt.ItemFlag.ItemIsEnabled
    if editable:
        flags |= Qt.ItemFlag.ItemIsEditable
    it.setFlags(flags)
    if align is not None:
        it.setTextAlignment(align)
    return it


class PagesView(QWidget):
    """The preview: the rendered pages one under another on a grey desk."""

    GAP = 16

    def __init__(self):
        super().__init__()
        self.images: list = []

    def set_images(self, images: list) -> None:
        self.images = images
        w = max((i.width() for i in images), default=0) + 2 * self.GAP
        h = sum(i.height() + self.GAP for i in images) + self.GAP
        self.setMinimumSize(w, h)
        self.update()

    def paintEvent(self, _event) -> None:
        p = QPainter(self)
        p.fillRect(self.rect(), QColor("#7f7f7f"))
        y = self.GAP
        for img in self.images:
            x = max(self.GAP, (self.width() - img.width()) // 2)
            p.fillRect(x + 4, y + 4, img.width(), img.height(), QColor("#555555"))  # shadow
            p.drawImage(x, y, img)
            y += img.height() + self.GAP
        p.end()
