"""How a grid cell looks, made once: the item-data roles Qt asks for, alignments, brushes
and item flags. Qt asks about seven roles per painted cell and the flags of each: enum
lookups and flag arithmetic are Python-level, so they are not redone per call."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QBrush, QColor

READONLY_BG = QColor("#f3f4f6")
GROUP_BG = QColor("#e8eef7")

_R = Qt.ItemDataRole
DISPLAY, EDIT, CHECK, ALIGN, BACKGROUND, FOREGROUND, FONT, TOOLTIP = (
    int(_R.DisplayRole), int(_R.EditRole), int(_R.CheckStateRole), int(_R.TextAlignmentRole),
    int(_R.BackgroundRole), int(_R.ForegroundRole), int(_R.FontRole), int(_R.ToolTipRole))
ALIGN_NUMBER = int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
ALIGN_TEXT = int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
READONLY_BRUSH = QBrush(READONLY_BG)
GROUP_BRUSH = QBrush(GROUP_BG)
COLORED_TEXT = QBrush(QColor("#111111"))
CELL = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
CELL_CHECKABLE = CELL | Qt.ItemFlag.ItemIsUserCheckable
CELL_EDITABLE = CELL | Qt.ItemFlag.ItemIsEditable
