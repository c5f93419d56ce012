"""How a grid cell looks, made once: the item-data roles Qt asks for, alignments, colours
and item flags. Qt asks about seven roles per painted cell and the flags of each: enum
lookups and flag arithmetic are Python-level, so they are not redone per call. Colours are
given as QColor (Qt paints a background or text colour from it as from a brush): a QBrush
makes PySide build the QGradient, QImage and QPixmap enums on the way to the first paint."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor

READONLY_BG = QColor("#f3f4f6")
GROUP_BG = QColor("#e8eef7")

_R = Qt.ItemDataRole
DISPLAY, EDIT, CHECK, ALIGN, BACKGROUND, FOREGROUND, FONT, TOOLTIP = (
    int(_R.DisplayRole), int(_R.EditRole), int(_R.CheckStateRole), int(_R.TextAlignmentRole),
    int(_R.BackgroundRole), int(_R.ForegroundRole), int(_R.FontRole), int(_R.ToolTipRole))
ALIGN_NUMBER = int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
ALIGN_TEXT = int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
COLORED_TEXT = QColor("#111111")
CELL = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
CELL_CHECKABLE = CELL | Qt.ItemFlag.ItemIsUserCheckable
CELL_EDITABLE = CELL | Qt.ItemFlag.ItemIsEditable
