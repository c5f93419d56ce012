"""The report's sentences, generated from the same data as its tables.

The reference report writes these by hand and gets them wrong (22,95 for a realisasi of
29,55; 106,13 for 106,18; "sebesar 50%" for 49,59; 89,19 for 86,19). Here every figure in
a sentence is the text of the very table cell that prints it: the cells are made by the
builders' own helpers (``target_cell``, ``realisasi_cell``, ``T.percent``, ``T.rupiah``) and
their ``text`` is what the sentence quotes, so a sentence cannot disagree with its table.
Nothing here computes a rule: every figure comes from ``service.calc`` or a domain
function; this module only words it.

A missing figure gives an honest sentence ("realisasi belum diisi"), never "0".

Each ``Para`` records the figures it quotes (``figures``: name -> text as printed), so tests
can check them against the table cells of the exported files.
"""

from .chapters import SISTEMATIKA, bab3_anggaran, bab3_pengantar, bab4_kesimpulan, ikhtisar, skala_para
from .iku import (
    IkuNarrative, iku_anggaran, iku_capaian, iku_komponen, iku_narrative, iku_renstra, iku_tahun_lalu,
)
from .opd import average_para, budget_para
from .wording import NARASI, NARASI_TITLES, Para, narasi_paras, narasi_texts, pct, rp, user_paras, with_unit

__all__ = [
    "NARASI", "NARASI_TITLES", "SISTEMATIKA", "IkuNarrative", "Para", "average_para", "bab3_anggaran",
    "bab3_pengantar", "bab4_kesimpulan", "budget_para", "ikhtisar", "iku_anggaran", "iku_capaian", "iku_komponen",
    "iku_narrative", "iku_renstra", "iku_tahun_lalu", "narasi_paras", "narasi_texts", "pct", "rp", "skala_para", "user_paras", "with_unit",
]
