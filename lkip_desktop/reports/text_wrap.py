"""Text broken into lines of a given width for the PDF renderers (tables and the PK): at
spaces first, and a word or name longer than the width (a URL, a code, text typed without
spaces) broken between characters, so no text ever runs past its cell."""

from __future__ import annotations

from reportlab.lib.utils import simpleSplit
from reportlab.pdfbase.pdfmetrics import stringWidth


def wrap_lines(text: str, font: str, size: float, width: float) -> list[str]:
    """``text`` as lines no wider than ``width`` (each "\\n" starts a line); never empty."""
    lines: list[str] = []
    for part in (text or "").split("\n"):
        for line in simpleSplit(part, font, size, width) or [""]:
            if stringWidth(line, font, size) <= width:
                lines.append(line)
            else:
                lines.extend(_break_chars(line, font, size, width))
    return lines or [""]


def _break_chars(line: str, font: str, size: float, width: float) -> list[str]:
    """A line too wide for ``width`` cut between characters (at least one per line)."""
    out: list[str] = []
    widths: dict[str, float] = {}
    start, used = 0, 0.0
    for i, ch in enumerate(line):
        w = widths.get(ch)
        if w is None:
            w = widths[ch] = stringWidth(ch, font, size)
        if i > start and used + w > width:
            out.append(line[start:i])
            start, used = i, 0.0
        used += w
    out.append(line[start:])
    return out
