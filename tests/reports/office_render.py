"""Helpers for the tests that render office files with LibreOffice headless: the
conversion to PDF and the word boxes of a page (poppler's ``pdftotext -bbox``)."""

from __future__ import annotations

import html
import re
import shutil
import subprocess
from pathlib import Path

SOFFICE = shutil.which("soffice") or shutil.which("libreoffice")
PDFTOTEXT = shutil.which("pdftotext")
_WORD = re.compile(r'<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">([^<]*)</word>')
_PAGE = re.compile(r"<page [^>]*>(.*?)</page>", re.S)


def to_pdf(src: Path, outdir: Path) -> Path:
    """``src`` converted by LibreOffice headless (its own profile, so runs never clash)."""
    profile = (outdir / "lo-profile").resolve()
    subprocess.run([SOFFICE, f"-env:UserInstallation=file://{profile}", "--headless", "--convert-to", "pdf",
                    "--outdir", str(outdir), str(src)], check=True, capture_output=True, timeout=240)
    pdf = outdir / (src.stem + ".pdf")
    assert pdf.exists(), f"LibreOffice wrote no PDF for {src.name}"
    return pdf


def word_boxes(pdf: Path) -> list[list[tuple[float, float, float, float, str]]]:
    """Per page, every word with its box (x0, y0, x1, y1, text)."""
    out = subprocess.run([PDFTOTEXT, "-bbox", str(pdf), "-"], check=True, capture_output=True, text=True).stdout
    return [[(float(a), float(b), float(c), float(d), html.unescape(t)) for a, b, c, d, t in _WORD.findall(page)]
            for page in _PAGE.findall(out)]


def overlapping_words(words, tolerance: float = 1.0) -> list[tuple[str, str]]:
    """Pairs of words drawn over each other: boxes that overlap by more than ``tolerance``
    points across and by more than half the smaller box's height (a word box spans the
    font's whole ascent and descent, so the boxes of lines set one under the other touch)."""
    found = []
    words = sorted(words, key=lambda w: w[1])
    for i, a in enumerate(words):
        for b in words[i + 1:]:
            if b[1] >= a[3]:
                break
            half = min(a[3] - a[1], b[3] - b[1]) / 2
            if min(a[2], b[2]) - max(a[0], b[0]) > tolerance and min(a[3], b[3]) - max(a[1], b[1]) > half:
                found.append((a[4], b[4]))
    return found


def page_texts(pdf: Path) -> list[str]:
    """Per page, the text in drawing order (``pdftotext -raw``: a cell's lines stay together)."""
    out = subprocess.run([PDFTOTEXT, "-raw", str(pdf), "-"], check=True, capture_output=True, text=True).stdout
    return out.split("\f")
