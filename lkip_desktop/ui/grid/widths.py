"""Column widths the user set by dragging a header edge, remembered per grid (per model
class, by column header, so a new column does not shift them) in the app settings."""

from __future__ import annotations

import json

from PySide6.QtCore import QEvent, QObject

from .. import appsettings


def settings_key(model) -> str:
    return f"grid/{type(model).__name__}/widths"


def _header_name(col) -> str:
    return col.header.replace("\n", " ")


def saved(model) -> dict[str, int]:
    raw = appsettings.settings().value(settings_key(model), "")
    try:
        data = json.loads(raw) if raw else {}
    except (TypeError, ValueError):
        return {}
    return {str(k): int(v) for k, v in data.items() if isinstance(v, int) and v > 0} if isinstance(data, dict) else {}


def restore(view) -> None:
    """Apply the remembered widths of the view's non-stretching columns."""
    model = view.model()
    known = saved(model)
    for c, col in enumerate(model.columns):
        w = known.get(_header_name(col))
        if w and not col.stretch:
            view.header().resizeSection(c, w)


def remember(view) -> None:
    """Store the current widths of the non-stretching columns (merged with other widths kept)."""
    model = view.model()
    if model is None:
        return
    known = saved(model)
    for c, col in enumerate(model.columns):
        if not col.stretch and not view.isColumnHidden(c):
            known[_header_name(col)] = view.header().sectionSize(c)
    s = appsettings.settings()
    s.setValue(settings_key(model), json.dumps(known, ensure_ascii=False))
    s.sync()


class HeaderDragWatcher(QObject):
    """Remembers the widths when a mouse button is released on the header (a drag or a
    double-click on a column edge ends there); programmatic fitting is never stored."""

    def __init__(self, view):
        super().__init__(view)
        self.view = view
        view.header().viewport().installEventFilter(self)

    def eventFilter(self, obj, event) -> bool:
        if event.type() == QEvent.Type.MouseButtonRelease:
            remember(self.view)
        return False
