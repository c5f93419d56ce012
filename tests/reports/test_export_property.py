"""Property: any text a user can store (up to 30,000 characters, every Unicode category:
right-to-left, combining marks, emoji, control characters, no spaces) in every text field
of a generated workbook exports to every format, complete.

The suite runs a few examples. To run it long:
    LKIP_PROPERTY_EXAMPLES=500 pytest tests/reports/test_export_property.py
"""

from __future__ import annotations

import itertools
import os
import zlib

from hypothesis import HealthCheck, Phase, given, settings
from hypothesis import strategies as st

from lkip_desktop.reports.export import export

from .shapes import Shape, build

EXAMPLES = int(os.environ.get("LKIP_PROPERTY_EXAMPLES", "6"))

SAMPLES = ["مرحبا بالعالم", "שלום", "e\u0301\u0302\u0303", "👩‍👩‍👧‍👦🎉", "\u200f\u202e\u2028\u2029",
           "\x00\x01\x1f\x7f\x85\r\t\n", "Ｗ", "<b>&amp;</b>{x}%s", "ภาษาไทย", "\ufeff\u00ad"]
PIECE = st.one_of(st.sampled_from(SAMPLES),
                  st.text(st.characters(blacklist_categories=("Cs",)), min_size=1, max_size=40))


def _text(sizes):
    return st.builds(lambda pieces, size: ("".join(pieces) * size)[:size],
                     st.lists(PIECE, min_size=1, max_size=6), st.sampled_from(sizes))


# Every text field of the generated workbook (shapes.build asks for these by name).
FIELDS = ["opd.nama", "opd.singkatan", "opd.kota", "opd.provinsi", "opd.kepala_nama", "opd.kepala_jabatan",
          "opd.kepala_pangkat", "opd.atasan_nama", "opd.atasan_jabatan", "tujuan.nama",
          "sasaran.nama", "budget.nama", "budget.sumber_dana", "budget.satuan_fisik", "indicator.nama",
          "indicator.satuan", "indicator.alasan", "indicator.penjelasan", "indicator.rumus",
          "indicator.analisis_keberhasilan", "indicator.analisis_penghambat", "indicator.langkah_perbaikan",
          "pk.tempat", "pk.nama", "prestasi.uraian", "prestasi.pemberi", "narasi.kata_pengantar",
          "narasi.bab1.latar_belakang", "narasi.bab4.langkah"]


@settings(max_examples=EXAMPLES, deadline=None, derandomize=True, print_blob=False,
          phases=[Phase.explicit, Phase.generate],  # shrinking 30,000-character texts takes too long
          suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large,
                                 HealthCheck.function_scoped_fixture])
@given(short=st.lists(_text([1, 7, 300]), min_size=1, max_size=4), long=_text([3_000, 30_000]),
       long_field=st.sampled_from(FIELDS))
def test_any_text_in_every_field_exports_every_format(short, long, long_field, tmp_path_factory):
    """Every field gets a text; one of them (a different one per example) a long one."""
    folder = tmp_path_factory.mktemp("prop")
    pick = itertools.cycle(short)
    chosen: dict[str, str] = {long_field: long}

    def text(field: str) -> str:
        if field not in chosen:
            chosen[field] = next(pick)
        return chosen[field]

    svc = build(folder / "w.lkip", Shape(n_iku=3), text)
    try:
        out = {"pdf": folder / "t.pdf", "xlsx": folder / "t.xlsx", "docx": folder / "l.docx",
               "lengkap": folder / "l.pdf"}
        result = export(svc, **out)
    finally:
        svc.close()
    assert set(FIELDS) >= set(chosen)  # the list above names every field the builder fills
    assert result.paths == list(out.values())
    _complete(out)
    assert not [p for p in folder.iterdir() if p.name.startswith(".")]


def _complete(out) -> None:
    """Each file opens in a reader of its format, whole."""
    from docx import Document
    from openpyxl import load_workbook
    from pypdf import PdfReader

    for key in ("pdf", "lengkap"):
        reader = PdfReader(str(out[key]))
        assert len(reader.pages) > 0
        assert reader.pages[-1].extract_text() is not None  # the last page too: not truncated
    assert load_workbook(out["xlsx"]).worksheets
    assert Document(str(out["docx"])).tables
    for path in out.values():
        zlib.crc32(path.read_bytes())  # readable to the end
