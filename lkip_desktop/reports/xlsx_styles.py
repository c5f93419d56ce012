"""The cell formats of the Excel export, each made once per workbook and shared by every
cell that looks the same (XlsxWriter writes one style record per Format object)."""

from __future__ import annotations

from . import table as T

FONT = "Calibri"
BORDER = {"border": 1, "border_color": "#444444"}
HEADER_FILL = "#D9E2EC"
PROGRAM_FILL = "#EEF2F6"
TOTAL_FILL = "#E4E9EE"
LINK_COLOR = "#1F4E9E"


def row_fill(level: str | None) -> str | None:
    return PROGRAM_FILL if level == T.PROGRAM else TOTAL_FILL if level == T.TOTAL else None


def _solid(color: str | None) -> dict:
    return {"pattern": 1, "bg_color": color} if color else {}


class Styles:
    """Formats by what they look like; ``body(...)`` caches the table cells' combinations."""

    def __init__(self, workbook):
        add = workbook.add_format
        self._add = add
        self.caption = add({"font_name": FONT, "font_size": 12, "bold": True, "align": "center",
                            "text_wrap": True})
        self.title = add({"font_name": FONT, "font_size": 12, "bold": True})
        self.bold = add({"font_name": FONT, "font_size": 10, "bold": True})
        self.note = add({"font_name": FONT, "font_size": 9, "italic": True, "valign": "top", "text_wrap": True})
        self.small_italic = add({"font_name": FONT, "font_size": 9, "italic": True})
        self.header = add({"font_name": FONT, "font_size": 10, "bold": True, "align": "center",
                           "valign": "vcenter", "text_wrap": True, **BORDER, **_solid(HEADER_FILL)})
        self.wrap_top = add({"valign": "top", "text_wrap": True})
        self.link = add({"font_name": FONT, "font_size": 10, "font_color": LINK_COLOR, "underline": 1,
                         "valign": "top", "text_wrap": True})
        self.whole = add({"num_format": "0"})
        self._body: dict[tuple, object] = {}

    def body(self, num_format: str | None, bold: bool, fill: str | None, halign: str, wrap: bool,
             indent: int):
        key = (num_format, bold, fill, halign, wrap, indent)
        fmt = self._body.get(key)
        if fmt is None:
            props = {"font_name": FONT, "font_size": 10, "bold": bold, "align": halign, "valign": "top",
                     "text_wrap": wrap, "indent": indent, **BORDER, **_solid(fill)}
            if num_format:
                props["num_format"] = num_format
            fmt = self._body[key] = self._add(props)
        return fmt

    def covered(self, fill: str | None):
        """A position under a span whose lead cell is not known (never, for a valid table)."""
        key = ("covered", fill)
        fmt = self._body.get(key)
        if fmt is None:
            fmt = self._body[key] = self._add({**BORDER, **_solid(fill)})
        return fmt
