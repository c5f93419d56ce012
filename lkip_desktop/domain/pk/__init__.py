"""Perjanjian Kinerja (RULES §9), one job per module:

* ``levels``: the level a PK is for (eselon II/III/IV), its headings, pihak kedua's data;
* ``wording``: the statement text, title and version labels;
* ``fields``: how targets, pangkat/golongan, NIP and the date line print and parse;
* ``amounts``: program totals, rupiah as printed and in words (terbilang);
* ``drafts``: the rows a new PK starts from;
* ``checks``: consistency warnings and what signing needs;
* ``compare``: what differs between two versions.

Pure rules over the workbook objects: the store builds versions from these, the PDF and
the GUI print what these return, so the three never disagree. The public names are
re-exported here for callers that use several of these modules (``domain import pk as rules``).
"""

from .amounts import angka, rupiah, terbilang, terbilang_kapital, total_anggaran, total_murni
from .checks import KESALAHAN, PERINGATAN, PkWarning, consistency, same_target, sign_gaps, sign_problems
from .compare import DiffEntry, diff
from .drafts import ProgramDraft, SasaranDraft, program_drafts, sasaran_drafts
from .fields import PANGKAT, nip_line, pangkat_golongan, parse_target, tanggal_line, target_text
from .levels import (
    ROMAN,
    UNIT_LEVEL,
    Kolom,
    Tingkat,
    kolom,
    opd_versions,
    pihak2_data,
    pihak2_detail,
    report_version,
    tingkat_of,
    unit_of,
)
from .wording import (
    DEFAULT_TEKS,
    PIHAK_KEDUA,
    PIHAK_PERTAMA,
    PLACEHOLDERS,
    Block,
    body_blocks,
    jenis_label,
    judul,
    teks_of,
    version_label,
)

__all__ = [
    "angka", "rupiah", "terbilang", "terbilang_kapital", "total_anggaran", "total_murni",
    "KESALAHAN", "PERINGATAN", "PkWarning", "consistency", "same_target", "sign_gaps", "sign_problems",
    "DiffEntry", "diff",
    "ProgramDraft", "SasaranDraft", "program_drafts", "sasaran_drafts",
    "PANGKAT", "nip_line", "pangkat_golongan", "parse_target", "tanggal_line", "target_text",
    "ROMAN", "UNIT_LEVEL", "Kolom", "Tingkat", "kolom", "opd_versions", "pihak2_data", "pihak2_detail",
    "report_version", "tingkat_of", "unit_of",
    "DEFAULT_TEKS", "PIHAK_KEDUA", "PIHAK_PERTAMA", "PLACEHOLDERS", "Block", "body_blocks", "jenis_label",
    "judul", "teks_of", "version_label",
]  # fmt: skip
