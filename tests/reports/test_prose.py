"""Prose lint (issue 12): the generated text of the whole LKIP (every sentence, heading, table
caption, note and source line) reads like a careful writer's, for the demo and for workbooks
of other shapes. It fails on doubled words or clauses, unbalanced brackets, "None", "-%",
placeholders, instructions to the user and English words."""

from __future__ import annotations

import re

import pytest

from lkip_desktop.reports.document import Heading, Text, build_lkip

from .shapes import Shape, build

ENGLISH = {"the", "and", "of", "with", "for", "from", "is", "not", "none", "null", "nan", "true", "false",
           "achieved", "budget", "average", "error", "unknown", "n/a"}
INSTRUCTIONS = re.compile(r"\b(tulis|isi|isikan|klik|pilih|silakan|tambahkan|ketik)\b|halaman laporan|tab narasi",
                          re.IGNORECASE)
DOUBLED_WORD = re.compile(r"(?<![\w-])(\w+)\s+\1(?![\w-])", re.IGNORECASE)
DOUBLED_PAIR = re.compile(r"(?<![\w-])(\w+)\s+(\S+)\s+\1\s+\2(?!\S)", re.IGNORECASE)
PLACEHOLDER = re.compile(r"[{}]|\.\.\.\.|%s|\bTODO\b|\bXXX\b|<[a-z/]")
PAIRS = {")": "(", "]": "[", "}": "{"}


def _balanced(text: str) -> bool:
    stack: list[str] = []
    for ch in text:
        if ch in "([{":
            stack.append(ch)
        elif ch in PAIRS:
            if not stack or stack.pop() != PAIRS[ch]:
                return False
    return not stack


def _clauses(sentence: str) -> list[tuple[str, ...]]:
    """Clauses of a sentence as word tuples, figures and bracketed words left out, "-nya" dropped."""
    out = []
    for part in re.split(r"[,;:]", re.sub(r"\([^()]*\)", " ", sentence)):
        words = tuple(re.sub(r"nya$", "", w) for w in re.findall(r"[a-zA-Z][\w-]*", part.lower()))
        out.append(words)
    return out


def _contains(big: tuple[str, ...], small: tuple[str, ...]) -> bool:
    return any(big[i:i + len(small)] == small for i in range(len(big) - len(small) + 1))


def lint(text: str) -> list[str]:
    """What a careful writer would not have written in ``text``."""
    found = []
    for rx, what in ((DOUBLED_WORD, "kata ganda"), (DOUBLED_PAIR, "frasa ganda"), (PLACEHOLDER, "placeholder"),
                     (INSTRUCTIONS, "instruksi untuk pengguna")):
        m = rx.search(text)
        if m:
            found.append(f"{what}: {m.group(0)!r}")
    m = re.search(r"\s[,.;](\s|$)|\S  +\S", text)  # " : " is a division sign
    if m:
        found.append(f"spasi: {m.group(0)!r}")
    if not _balanced(text):
        found.append("kurung tidak seimbang")
    if re.search(r"\bNone\b", text) or "-%" in text:
        found.append("None / -%")
    english = sorted({w for w in re.findall(r"[A-Za-z/]+", text) if w.lower() in ENGLISH})
    if english:
        found.append(f"kata Inggris: {english}")
    for sentence in re.split(r"(?<=[.!?])\s+", text):
        cl = [c for c in _clauses(sentence) if c]
        for i, a in enumerate(cl):
            if len(a) >= 2 and any(j != i and len(b) > len(a) and _contains(b, a) for j, b in enumerate(cl)):
                found.append(f"klausa ganda: {' '.join(a)!r}")
                break
    return found


def _user_strings(wb) -> list[str]:
    """What the user typed and the app quotes (names, formulas, units), longest first."""
    typed = [wb.opd.nama, wb.opd.singkatan, wb.opd.kota]
    for ind in wb.indicators.values():
        typed += [ind.nama, ind.rumus, ind.rumus_komponen, ind.satuan]
    typed += [x.nama for x in wb.sasaran_list()] + [x.nama for x in wb.tujuan_list()]
    typed += [x.nama for x in wb.items.values()]
    return sorted({t for t in typed if t and len(t) > 1}, key=len, reverse=True)


def report_texts(svc, mask: bool = True) -> list[str]:
    """Every piece of text the app writes into the whole LKIP (not the user's own paragraphs);
    with ``mask``, what the user typed inside it (a name, a formula) reads "NAMA"."""
    doc = build_lkip(svc)
    texts = [b.para.text for b in doc.blocks if isinstance(b, Text) and not b.para.user]
    texts += [b.text for b in doc.blocks if isinstance(b, Heading)]
    for t in doc.tables():
        texts += [t.caption, *(n for n in t.notes if n)] + ([t.source] if t.source else [])
    if mask:
        typed = _user_strings(svc.wb)
        pattern = re.compile("|".join(re.escape(t) for t in typed)) if typed else None
        texts = [pattern.sub("NAMA", t) if pattern else t for t in texts]
    return texts


def _check(svc) -> None:
    problems = [(p, t) for t in report_texts(svc) for p in lint(t)]
    assert not problems, "\n".join(f"{p}\n    {t}" for p, t in problems[:20])


def test_the_lint_finds_what_the_issue_lists():
    assert lint("Rata-rata 112,23% (dihitung dari 2 dari 2 indikator).")
    assert lint("Dari 4 IKU, 2 melampaui target; 2 IKU mencapai atau melampaui targetnya.")
    assert lint("realisasi 4,86 indeks (nilai))")
    assert lint("[Kata Pengantar belum diisi. Tulis pada halaman Laporan, tab Narasi.]")
    assert lint("capaian None") and lint("capaian -%") and lint("target {x}") and lint("the target")
    assert lint("capaian capaian 100%") and lint("sasaran strategis , mengacu")
    assert not lint("Dari 5 (lima) IKU tersebut, 4 (empat) melampaui target dan 1 (satu) tercapai, "
                    "sehingga seluruh IKU memenuhi targetnya.")


def test_demo_prose(demo):
    _check(demo)


SHAPES = {
    "1 IKU": Shape(n_iku=1),
    "12 IKU": Shape(n_iku=12),
    "tanpa anggaran": Shape(budget=False),
    "tanpa PK": Shape(pk=False),
    "predikat saja": Shape(predikat=True),
    "polaritas negatif": Shape(negative=True),
}


@pytest.mark.parametrize("name", list(SHAPES))
def test_prose_of_other_shapes(name, tmp_path):
    svc = build(tmp_path / "w.lkip", SHAPES[name])
    try:
        _check(svc)
    finally:
        svc.close()


def test_units_are_printed_as_typed(tmp_path):
    svc = build(tmp_path / "w.lkip", Shape(n_iku=1, satuan="Indeks (Nilai)"))
    try:
        text = " ".join(report_texts(svc, mask=False))
    finally:
        svc.close()
    assert "Indeks (Nilai)" in text and "indeks (nilai)" not in text


def test_counts_have_words_and_empty_tables_say_why(tmp_path):
    svc = build(tmp_path / "w.lkip", Shape(n_iku=12, budget=False, pk=False))
    try:
        text = " ".join(report_texts(svc))
        tables = [t.key for t in build_lkip(svc).tables()]
    finally:
        svc.close()
    assert "12 (dua belas) Indikator Kinerja Utama" in text
    assert not re.search(r"(?<![\d.,(])\d+ (IKU|indikator|sub kegiatan|sasaran)\b", text)
    assert "bab2.triwulan" not in tables and "tidak disajikan karena belum ada program." in text
