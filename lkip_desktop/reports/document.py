"""The whole LKIP as a list of neutral blocks: cover, headings, paragraphs, tables.

``build_lkip(svc)`` lays out the report the way [M53] Lamp. II and the reference do it
(RULES §11): cover, Kata Pengantar, Ikhtisar Eksekutif, Daftar Isi, Bab I–IV, Lampiran.
Both the Word renderer (``docx.py``) and the full PDF (``document_pdf.py``) walk these
blocks, so the two files carry the same sentences and the same ``ReportTable`` objects
as the table export.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from ..domain.model import SDM_KATEGORI
from ..domain.signature import Signature, report_signature
from . import narrative as N
from .builders import TableSpec, pk_keys, standard_tables
from .builders.common import opd_name, renstra_label
from .builders.pk import pk_parties
from .narrative import Para
from .table import ReportTable


@dataclass(frozen=True)
class Cover:
    opd: str
    title: str  # "LAPORAN KINERJA INSTANSI PEMERINTAH (LKIP) TAHUN 2024"
    place: str  # "PEMERINTAH KOTA BEKASI"
    tahun: int
    logo: bytes | None = None


@dataclass(frozen=True)
class Heading:
    text: str
    level: int = 1  # 1 = chapter (new page), 2 = section, 3 = sub-section
    toc: bool = True


@dataclass(frozen=True)
class Text:
    para: Para


@dataclass(frozen=True)
class TableBlock:
    table: ReportTable


@dataclass(frozen=True)
class Toc:
    title: str = "DAFTAR ISI"


@dataclass(frozen=True)
class TableList:
    """The Daftar Tabel: every table's caption with its page."""

    title: str = "DAFTAR TABEL"


@dataclass(frozen=True)
class PageBreak:
    pass


@dataclass(frozen=True)
class Numbering:
    """A new page from which pages are numbered afresh: "roman" (i, ii, … for the front
    matter) or "arabic" (1, 2, … from Bab I)."""

    style: str = "arabic"


@dataclass(frozen=True)
class SignatureBlock:
    """The kepala's signature at the right half of the page (place and date, jabatan, room to
    sign, name, pangkat, NIP)."""

    sig: Signature


Block = Cover | Heading | Text | TableBlock | Toc | TableList | PageBreak | Numbering | SignatureBlock


@dataclass
class LkipDocument:
    title: str
    blocks: list[Block] = field(default_factory=list)

    def tables(self) -> list[ReportTable]:
        return [b.table for b in self.blocks if isinstance(b, TableBlock)]

    def paras(self) -> list[Para]:
        return [b.para for b in self.blocks if isinstance(b, Text)]


def report_title(tahun: int) -> str:
    return f"LAPORAN KINERJA INSTANSI PEMERINTAH (LKIP) TAHUN {tahun}"


def _place(wb) -> str:
    kota = (wb.opd.kota or "").strip()
    if not kota:
        return ""
    return kota.upper() if kota.upper().startswith(("PEMERINTAH", "KOTA", "KABUPATEN", "PROVINSI")) \
        else f"PEMERINTAH KOTA {kota.upper()}"


def build_lkip(svc, specs: list[TableSpec] | None = None) -> LkipDocument:
    """Every block of the report, tables built once from ``standard_tables``."""
    wb = svc.wb
    s = wb.settings
    specs = specs if specs is not None else standard_tables(svc)
    by_key = {sp.key: sp for sp in specs}
    doc = LkipDocument(f"LKIP {opd_name(wb)} {s.tahun}")
    b = doc.blocks
    used: set[str] = set()

    def put(sp: TableSpec) -> None:
        used.add(sp.key)
        t = sp.build()
        if t.empty:  # an empty table is left out, with one line saying why
            b.append(Text(Para(f"{t.caption} tidak disajikan karena {t.empty[:1].lower()}{t.empty[1:]}.")))
        else:
            b.append(TableBlock(t))

    def table(key: str) -> None:
        sp = by_key.get(key)
        if sp is None or key in used:
            return
        # a table the catalogue moved earlier in its chapter comes first: numbers stay in order
        for before in specs[:specs.index(sp)]:
            if before.chapter == sp.chapter and before.key not in used:
                put(before)
        put(sp)

    def paras(items) -> None:
        for p in items:
            if p is not None:
                b.append(Text(p))

    def head(text: str, level: int = 1) -> None:
        b.append(Heading(text, level))

    sig = report_signature(wb.opd, s.tanggal_nol)

    def sign() -> None:
        if sig is not None:
            b.append(SignatureBlock(sig))

    b.append(Cover(opd_name(wb).upper(), report_title(s.tahun), _place(wb), s.tahun, wb.opd.logo))
    b.append(Numbering("roman"))
    head("KATA PENGANTAR")
    paras(N.narasi_paras(svc, "kata_pengantar"))
    sign()
    head("IKHTISAR EKSEKUTIF")
    paras(N.ikhtisar(svc))
    b.append(Toc())
    b.append(TableList())
    b.append(Numbering("arabic"))

    # -- Bab I ----------------------------------------------------------------------------
    head("BAB I PENDAHULUAN")
    for key, title in (("bab1.latar_belakang", "A. Latar Belakang"), ("bab1.tugas_fungsi", "B. Tugas Pokok dan Fungsi"),
                       ("bab1.struktur", "C. Struktur Organisasi dan Sumber Daya"),
                       ("bab1.isu_strategis", "D. Aspek Strategis dan Permasalahan Utama")):
        head(title, 2)
        paras(N.narasi_paras(svc, key))
        if key == "bab1.struktur":
            for kategori in SDM_KATEGORI:
                table(f"bab1.sdm_{kategori}")
    head("E. Sistematika Penyajian", 2)
    paras([Para("Laporan ini disusun dengan sistematika sebagai berikut:")]
          + [Para(x, bullet=True) for x in N.SISTEMATIKA])

    # -- Bab II ---------------------------------------------------------------------------
    head("BAB II PERENCANAAN KINERJA")
    head("A. Rencana Strategis", 2)
    paras(N.narasi_paras(svc, "bab2.renstra"))
    if "bab2.matriks" in by_key:  # not when the catalogue hides the table
        paras([Para(f"Tujuan, sasaran strategis dan indikator kinerja {opd_name(wb)} dengan targetnya setiap "
                    f"tahun Renstra {renstra_label(wb)} disajikan pada tabel berikut.")])
    table("bab2.matriks")
    table("bab2.iku")
    table("bab2.strategi")
    head("B. Perjanjian Kinerja", 2)
    pks = pk_keys(wb, "bab2")
    if pks:
        paras([Para(f"Perjanjian Kinerja tahun {s.tahun} memuat sasaran strategis, indikator kinerja dan target "
                    "yang menjadi dasar pengukuran kinerja dalam laporan ini, beserta program dan anggarannya.")])
    else:  # one line, no empty table
        paras([Para(f"Perjanjian Kinerja tahun {s.tahun} belum dimuat dalam buku kerja ini, sehingga tidak "
                    "disajikan.")])
    for jenis, key in pks:
        paras([Para(pk_parties(wb, jenis))])
        table(key)
        table(f"{key}_program")
    head("C. Anggaran", 2)
    table("bab2.triwulan")
    table("bab2.pagu_perubahan")

    # -- Bab III --------------------------------------------------------------------------
    head("BAB III AKUNTABILITAS KINERJA")
    head("A. Capaian Kinerja Organisasi", 2)
    intro = N.bab3_pengantar(svc)
    paras(intro[:1])
    table("bab3.capaian")
    paras([N.skala_para(svc, by_key.get("bab3.skala"))])
    table("bab3.skala")
    paras(intro[1:])
    for i, ind in enumerate(wb.iku_list(), 1):
        k = ind.kode or ind.id
        n = N.iku_narrative(svc, ind.id)
        head(f"{i}. {ind.nama}", 3)
        if ind.penjelasan:
            paras(N.user_paras(ind.penjelasan))
        table(f"iku.{k}.analisis")
        paras([n.capaian])
        if n.komponen is not None:
            table(f"iku.{k}.komponen")
            paras([n.komponen])
        if n.keberhasilan:
            paras([Para("Faktor keberhasilan:")] + n.keberhasilan)
        if n.penghambat:
            paras([Para("Faktor penghambat:")] + n.penghambat)
        # the tables in their registry (numbering) order, each followed by its sentence
        table(f"iku.{k}.pendukung")
        table(f"iku.{k}.renstra")
        paras([n.renstra])
        table(f"iku.{k}.anggaran")
        paras([n.anggaran])
        table(f"iku.{k}.tahun_lalu")
        paras([n.tahun_lalu])
        if n.langkah:
            paras([Para("Langkah perbaikan:")] + n.langkah)
    head("B. Realisasi Anggaran", 2)
    paras(N.bab3_anggaran(svc))
    table("bab3.pagu_program")
    table("bab3.realisasi_program")
    table("bab3.realisasi_sub_kegiatan")
    head("C. Prestasi dan Penghargaan", 2)
    table("bab3.prestasi")

    # -- Bab IV ---------------------------------------------------------------------------
    head("BAB IV PENUTUP")
    head("A. Kesimpulan", 2)
    concl = N.bab4_kesimpulan(svc)
    paras(concl)
    table("bab4.capaian")
    head("B. Langkah ke Depan", 2)
    paras(N.narasi_paras(svc, "bab4.langkah"))
    sign()

    # -- Lampiran -------------------------------------------------------------------------
    head("LAMPIRAN")
    lampiran_pk = dict((key, jenis) for jenis, key in pk_keys(wb, "lampiran"))
    for sp in specs:
        if sp.chapter == "L":
            if sp.key in lampiran_pk and sp.key not in used:
                paras([Para(pk_parties(wb, lampiran_pk[sp.key]))])
            table(sp.key)
    # anything the registry gained that the layout above does not place yet
    rest = [sp for sp in specs if sp.key not in used]
    if rest:
        head("Tabel Lainnya", 2)
        for sp in rest:
            table(sp.key)
    return doc
