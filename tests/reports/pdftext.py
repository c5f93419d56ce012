"""Reading exported PDFs back: text per page and positioned text fragments."""

from __future__ import annotations

from pypdf import PdfReader


def pages_text(path) -> list[str]:
    return [p.extract_text() or "" for p in PdfReader(str(path)).pages]


def fragments(page) -> list[tuple[float, float, str]]:
    """(x, y, text) of every text run on a page, in page coordinates."""
    out: list[tuple[float, float, str]] = []

    def visit(text, cm, tm, _font, _size):
        if text and text.strip():
            # position = tm applied through cm
            x = tm[4] * cm[0] + tm[5] * cm[2] + cm[4]
            y = tm[4] * cm[1] + tm[5] * cm[3] + cm[5]
            out.append((round(x, 1), round(y, 1), text.strip()))

    page.extract_text(visitor_text=visit)
    return out


def rows_by_y(frags, tol: float = 1.5) -> list[list[tuple[float, str]]]:
    """Fragments grouped into lines by their baseline, top to bottom, each left to right."""
    lines: list[tuple[float, list[tuple[float, str]]]] = []
    for x, y, t in sorted(frags, key=lambda f: (-f[1], f[0])):
        if lines and abs(lines[-1][0] - y) <= tol:
            lines[-1][1].append((x, t))
        else:
            lines.append((y, [(x, t)]))
    return [sorted(items) for _y, items in lines]
