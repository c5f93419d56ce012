"""The words of a PK: the statement text (PermenPANRB 53/2014 form, placeholders filled in),
its title, and the one-line labels of a version in lists."""

from __future__ import annotations

import re
from dataclasses import dataclass

from ..model import PkVersion, Workbook
from ..numbers import format_date
from .levels import ROMAN, tingkat_of, unit_of


PIHAK_PERTAMA = "{pihak_pertama}"  # a line holding only this prints the Nama/Jabatan block
PIHAK_KEDUA = "{pihak_kedua}"

# PermenPANRB 53/2014 Lampiran I form, as SETDA Kota Bekasi printed it (Lampiran I of the
# reference). Stored per version only when the user changes it ("" = this default).
DEFAULT_TEKS = """\
Dalam rangka mewujudkan manajemen pemerintahan yang efektif, transparan dan akuntabel serta \
berorientasi pada hasil, kami yang bertandatangan di bawah ini:

{pihak_pertama}

selanjutnya disebut pihak pertama

{pihak_kedua}

selaku atasan pihak pertama, selanjutnya disebut pihak kedua.

Pihak pertama berjanji akan mewujudkan target kinerja yang seharusnya sesuai lampiran perjanjian \
ini, dalam rangka mencapai target kinerja jangka menengah seperti yang telah ditetapkan dalam \
dokumen perencanaan. Keberhasilan dan kegagalan pencapaian target kinerja tersebut menjadi \
tanggung jawab kami.

Pihak kedua akan melakukan supervisi yang diperlukan serta akan melakukan evaluasi terhadap \
capaian kinerja dari perjanjian ini dan mengambil tindakan yang diperlukan dalam rangka \
memberikan penghargaan dan sanksi."""

# Placeholders a user may type in the wording; anything else in braces prints as typed.
PLACEHOLDERS = ("tahun", "opd", "pihak1_nama", "pihak1_jabatan", "pihak2_nama", "pihak2_jabatan", "tempat")


@dataclass(frozen=True)
class Block:
    kind: str  # "para" | "pihak1" | "pihak2"
    text: str = ""


def teks_of(pk: PkVersion) -> str:
    return pk.teks if pk.teks.strip() else DEFAULT_TEKS


def body_blocks(pk: PkVersion, tahun: int, opd_nama: str = "") -> list[Block]:
    """The statement body as paragraphs and party blocks, placeholders filled in."""
    values = {
        "tahun": str(tahun), "opd": opd_nama, "pihak1_nama": pk.pihak1_nama,
        "pihak1_jabatan": pk.pihak1_jabatan, "pihak2_nama": pk.pihak2_nama,
        "pihak2_jabatan": pk.pihak2_jabatan, "tempat": pk.tempat,
    }
    out: list[Block] = []
    for para in re.split(r"\n\s*\n", teks_of(pk).replace("\r\n", "\n")):
        para = para.strip()
        if not para:
            continue
        if para == PIHAK_PERTAMA:
            out.append(Block("pihak1"))
        elif para == PIHAK_KEDUA:
            out.append(Block("pihak2"))
        else:
            text = " ".join(para.split())  # a paragraph reflows: single line breaks are spaces
            text = re.sub(r"\{(\w+)\}", lambda m: values.get(m.group(1), m.group(0)), text)
            out.append(Block("para", text))
    return out


def judul(pk: PkVersion, tahun: int) -> str:
    """"PERJANJIAN KINERJA TAHUN 2024" / "PERJANJIAN KINERJA PERUBAHAN TAHUN 2024"."""
    return f"PERJANJIAN KINERJA{' PERUBAHAN' if pk.jenis == 'perubahan' else ''} TAHUN {tahun}"


def jenis_label(pk: PkVersion, wb: Workbook | None = None) -> str:
    """"PK", "PK Perubahan", "PK eselon III", "PK Perubahan eselon IV"."""
    base = "PK Perubahan" if pk.jenis == "perubahan" else "PK"
    if wb is not None:
        t = tingkat_of(wb, pk)
        if t.eselon > 2:
            base += f" eselon {ROMAN[t.eselon]}"
    return base


def version_label(pk: PkVersion, wb: Workbook | None = None) -> str:
    """One line for lists: "PK Perubahan · 04 November 2024 · ditandatangani"; with the
    workbook a lower-level PK names its unit: "PK eselon III (Program …) · …"."""
    when = format_date(pk.tanggal, zero_pad=True) if pk.tanggal else "tanggal belum diisi"
    label = jenis_label(pk, wb)
    if wb is not None:
        unit = unit_of(wb, pk)
        if unit is not None:
            label += f" ({unit.nama})"
    return f"{label} · {when} · {'ditandatangani' if pk.ditandatangani else 'draf'}"
