"""The wording shared by every chapter's sentences: the free sections the user writes
(``NARASI``, kept in ``domain.narasi``) and their texts, the ``Para`` a sentence becomes, the
collector of sentence parts and quoted figures, and how a value, a percentage, a rupiah amount
or a count is said."""

from __future__ import annotations

import re
from dataclasses import dataclass

from ...domain.narasi import NARASI, NARASI_TITLES  # noqa: F401 - re-exported: the report prints them
from ...domain.numbers import format_rupiah
from ...domain.values import Predikat
from .. import table as T


def narasi_texts(svc) -> dict[str, str]:
    """Every narasi text of a workbook by key: what the reviu checks and the report prints."""
    return {key: svc.narasi(key) for key, _title, _hint in NARASI}


PERSEN_UNITS = {"%", "persen", "prosen"}
BARE_UNITS = {"", "-", "indeks", "nilai", "poin", "skor", "angka", "predikat"}
STATUS = {"Melampaui target": "melampaui target", "Tercapai": "tercapai", "Belum tercapai": "belum tercapai"}


@dataclass(frozen=True)
class Para:
    """One paragraph. ``figures``: (name, text as printed) of every figure it quotes.
    ``user``: the user's own text (placed as written); ``placeholder``: nothing written yet."""

    text: str
    figures: tuple[tuple[str, str], ...] = ()
    user: bool = False
    placeholder: bool = False
    bullet: bool = False

    def figure(self, name: str) -> str | None:
        return next((t for n, t in self.figures if n == name), None)


class Sentences:
    """Collects sentence parts and the figures quoted in them."""

    def __init__(self) -> None:
        self.parts: list[str] = []
        self.figs: list[tuple[str, str]] = []

    def fig(self, name: str, text: str) -> str:
        self.figs.append((name, text))
        return text

    def say(self, sentence: str) -> None:
        self.parts.append(sentence)

    def para(self, bullet: bool = False) -> Para:
        return Para(" ".join(p for p in self.parts if p), tuple(self.figs), bullet=bullet)


def user_paras(text: str | None, placeholder: str | None = None) -> list[Para]:
    """A user's text as paragraphs (blank lines or line breaks separate them). Control
    characters are dropped by the renderers; the text is never interpreted."""
    text = (text or "").replace("\r\n", "\n").replace("\r", "\n")
    parts = [p.strip() for p in re.split(r"\n\s*\n|\n", text) if p.strip()]
    if parts:
        return [Para(p, user=True) for p in parts]
    return [Para(placeholder, placeholder=True)] if placeholder else []


def narasi_paras(svc, key: str) -> list[Para]:
    title = NARASI_TITLES.get(key, key)
    return user_paras(svc.narasi(key), f"[{title} belum diisi.]")  # says why, never how to fill it


def status_text(word: str | None) -> str:
    return STATUS.get(word or "", word or "-")


def bare_unit(ind) -> bool:
    return (ind.satuan or "").strip().lower() in BARE_UNITS


def with_unit(ind, cell: T.Cell) -> str:
    """A value as prose prints it: "49,59%", "predikat A (82,04)", "20 Dokumen", "88,13";
    the unit as the user typed it."""
    text = cell.text
    if cell.kind == T.PREDIKAT or isinstance(cell.value, Predikat):
        return f"predikat {text}"
    sat = (ind.satuan or "").strip()
    if sat.lower() in PERSEN_UNITS:
        return f"{text}%"
    if bare_unit(ind):
        return text
    return f"{text} {sat}"


def pct(cell: T.Cell) -> str:
    return f"{cell.text}%"


def rp(n: int | None) -> str:
    return format_rupiah(n, prefix=True, dash_zero=False)


def count_words(n: int) -> str:
    """A count as an Indonesian report writes it: "17 (tujuh belas)"."""
    from num2words import num2words  # loaded with the first report, not at start

    return f"{n} ({num2words(n, lang='id')})" if n >= 0 else str(n)


def average_basis(avg) -> str:
    """What an average was taken over: "atas 5 (lima) indikator", or "atas 4 (empat) dari 5 (lima)
    indikator" when some could not be counted."""
    if avg.counted == avg.total:
        return f"atas {count_words(avg.total)} {avg.unit}"
    return f"atas {count_words(avg.counted)} dari {count_words(avg.total)} {avg.unit}"


EFISIENSI_WORDS = {
    "E1": "tingkat efisiensi penggunaan sumber daya (capaian kinerja − serapan anggaran)",
    "E2": "efisiensi (sisa) anggaran (100 − serapan anggaran)",
    "E3": "rasio capaian kinerja terhadap serapan anggaran",
}
