"""Formula text -> tokens: numbers (Decimal, "." or "," as decimal mark, no thousands
separators), names, bracketed names, operator symbols. Refuses what it cannot read with a
FormulaError naming the position."""

from __future__ import annotations

import re
from decimal import Decimal
from typing import NamedTuple

from lkip_desktop.domain.errors import FormulaError

SYMBOLS = {
    "+": "+", "-": "-", "\u2212": "-", "\u2013": "-",
    "*": "*", "\u00d7": "*", "/": "/", "\u00f7": "/", ":": "/",
    "%": "%", "(": "(", ")": ")", ",": ";", ";": ";",
}  # fmt: skip

_NUMBER = re.compile(r"[0-9]+(?:[.,][0-9]+)?")
_NAME = re.compile(r"[^\W\d]\w*")
_SPACE = re.compile(r"\s+")


class Token(NamedTuple):
    """One piece of a formula's text."""
    kind: str  # num, name, bname (bracketed), op, eof
    text: str
    start: int
    end: int
    value: Decimal | None = None


def tokenize(src: str) -> list[Token]:
    toks: list[Token] = []
    i, n = 0, len(src)
    while i < n:
        c = src[i]
        if c.isspace():
            i += 1
            continue
        if c in "0123456789":
            m = _NUMBER.match(src, i)
            assert m is not None
            text = m.group()
            j = m.end()
            if j + 1 < n and src[j] in ".," and src[j + 1] in "0123456789":
                k = j
                while k < n and (src[k] in "0123456789.,"):
                    k += 1
                raise FormulaError(
                    f"Angka '{src[i:k]}' pada posisi {i + 1} tidak sah: tulis tanpa pemisah ribuan, "
                    "dan pisahkan argumen fungsi dengan ';' atau ', '"
                )
            if j < n and src[j] == ".":
                raise FormulaError(f"Angka '{src[i:j + 1]}' pada posisi {i + 1} tidak lengkap")
            whole, _, frac = text.replace(",", ".").partition(".")
            if "." in text and len(frac) == 3 and whole.strip("0"):
                raise FormulaError(
                    f"Angka '{text}' pada posisi {i + 1} ambigu: tulis {whole}{frac} "
                    f"untuk ribuan atau {whole},{frac} untuk desimal"
                )
            toks.append(Token("num", text, i, j, Decimal(text.replace(",", "."))))
            i = j
        elif c == "[":
            j = src.find("]", i + 1)
            if j < 0:
                raise FormulaError(f"Kurung siku '[' pada posisi {i + 1} tidak ditutup")
            name = _SPACE.sub(" ", src[i + 1 : j]).strip()
            if not name:
                raise FormulaError(f"Nama dalam kurung siku kosong pada posisi {i + 1}")
            if "[" in name:
                raise FormulaError(f"Kurung siku bersarang pada posisi {i + 1}")
            toks.append(Token("bname", name, i, j + 1))
            i = j + 1
        elif c == "]":
            raise FormulaError(f"Kurung siku ']' tanpa pasangan pada posisi {i + 1}")
        elif (m := _NAME.match(src, i)) is not None:
            toks.append(Token("name", m.group(), i, m.end()))
            i = m.end()
        elif c == "^" or src.startswith("**", i):
            raise FormulaError(f"Pangkat tidak didukung (posisi {i + 1})")
        elif c in SYMBOLS:
            toks.append(Token("op", SYMBOLS[c], i, i + 1))
            i += 1
        else:
            raise FormulaError(f"Karakter tidak dikenal '{c}' pada posisi {i + 1}")
    toks.append(Token("eof", "", n, n))
    return toks
