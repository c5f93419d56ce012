"""Small workbooks of other shapes than the demo, built through the service (create + one
apply of ops): any number of IKU, with or without budget and PK, predikat-only indicators,
negative polarity, and any text in every text field (``text(field) -> str``)."""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal
from pathlib import Path
from typing import Callable

from lkip_desktop.domain import model as M
from lkip_desktop.domain.values import Predikat
from lkip_desktop.store.ops import CellRef, InsertOp, SetOp
from lkip_desktop.store.service import WorkbookService

TAHUN = 2024


@dataclass(frozen=True)
class Shape:
    n_iku: int = 3
    budget: bool = True
    pk: bool = True
    predikat: bool = False  # every IKU valued by predikat
    negative: bool = False  # every numeric IKU "semakin rendah semakin baik"
    satuan: str = "Indeks (Nilai)"


def _plain(field: str) -> str:
    return {"opd.nama": "Dinas Contoh", "opd.singkatan": "DC", "opd.kota": "Bekasi"}.get(field, "")


def build(path: Path, shape: Shape = Shape(), text: Callable[[str], str] | None = None) -> WorkbookService:
    """The workbook at ``path``, open (the caller closes it). ``text(field)`` fills each text
    field ("indicator.alasan"); without it the fields hold plain short names."""
    t = text or _plain

    def name(field: str, default: str) -> str:
        return t(field) or default

    ops: list = [SetOp(CellRef("opd", (1,), f), name(f"opd.{f}", d)) for f, d in (
        ("nama", "Dinas Contoh"), ("singkatan", "DC"), ("kota", "Bekasi"), ("provinsi", ""), ("kepala_nama", "Budi"),
        ("kepala_jabatan", "Kepala Dinas"), ("kepala_pangkat", ""), ("atasan_nama", ""), ("atasan_jabatan", ""))]
    tujuan, sasaran = M.new_id(), [M.new_id(), M.new_id()]
    ops.append(InsertOp("tujuan", {"id": tujuan, "kode": "T1", "nama": name("tujuan.nama", "Tujuan"), "urut": 1}))
    for k, sid in enumerate(sasaran, 1):
        ops.append(InsertOp("sasaran", {"id": sid, "tujuan_id": tujuan, "kode": f"S{k}",
                                        "nama": name("sasaran.nama", f"Sasaran {k}"), "urut": k}))
    subs = []
    if shape.budget:
        prog, keg = M.new_id(), M.new_id()
        ops.append(InsertOp("budget_item", {"id": prog, "level": "program", "parent_id": None, "kode": "1",
                                            "nama": name("budget.nama", "Program Penunjang"), "urut": 1}))
        ops.append(InsertOp("budget_item", {"id": keg, "level": "kegiatan", "parent_id": prog, "kode": "1.01",
                                            "nama": name("budget.nama", "Kegiatan Perencanaan"), "urut": 1}))
        for j in range(2):
            sub = M.new_id()
            subs.append(sub)
            ops.append(InsertOp("budget_item", {
                "id": sub, "level": "sub_kegiatan", "parent_id": keg, "kode": f"1.01.{j + 1}",
                "nama": name("budget.nama", f"Sub Kegiatan {j + 1}"), "sumber_dana": name("budget.sumber_dana", "APBD"),
                "satuan_fisik": name("budget.satuan_fisik", "Dokumen"), "pagu_murni": 100_000_000 + j,
                "pagu_perubahan": 90_000_000, "realisasi": 85_000_000 - j, "urut": j + 1}))
    for i in range(shape.n_iku):
        ind = M.new_id()
        predikat = shape.predikat or (i == 2 and not shape.negative)
        row = {"id": ind, "owner_kind": "sasaran", "owner_id": sasaran[i % 2], "kode": f"IKU-{i + 1}",
               "nama": name("indicator.nama", f"Indikator {i + 1}"), "urut": i + 1,
               "satuan": "" if predikat else (name("indicator.satuan", shape.satuan) if i % 2 == 0 else "%"),
               "jenis": "predikat" if predikat else "angka",
               "polaritas": "negatif" if shape.negative and not predikat else "positif"}
        for f in ("alasan", "penjelasan", "rumus", "analisis_keberhasilan", "analisis_penghambat",
                  "langkah_perbaikan"):
            row[f] = t(f"indicator.{f}")
        ops.append(InsertOp("indicator", row))
        for y in range(TAHUN - 1, TAHUN + 4):
            ops.append(_value(ind, y, "target", Predikat("A") if predikat else Decimal(80 + i)))
        if i % 5 != 4:  # some IKU without realisasi: "belum dapat dihitung"
            real = Predikat("BB" if i % 2 else "A") if predikat else Decimal(70 + 7 * i)
            ops.append(_value(ind, TAHUN, "realisasi", real))
            ops.append(_value(ind, TAHUN - 1, "realisasi", real))
        for sub in subs[: 1 + i % 2]:
            ops.append(InsertOp("dukungan", {"indicator_id": ind, "item_id": sub}))
    if shape.pk:
        ops.append(InsertOp("pk_version", {"id": M.new_id(), "jenis": "murni", "tempat": name("pk.tempat", "Bekasi"),
                                           "pihak1_nama": name("pk.nama", "Budi"),
                                           "pihak2_nama": name("pk.nama", "Wali Kota"), "urut": 1}))
    ops.append(InsertOp("prestasi", {"id": M.new_id(), "uraian": name("prestasi.uraian", "Penghargaan"),
                                     "pemberi": t("prestasi.pemberi"), "urut": 1}))
    for key in ("kata_pengantar", "bab1.latar_belakang", "bab4.langkah"):
        if t(f"narasi.{key}"):
            ops.append(InsertOp("narasi", {"kunci": key, "teks": t(f"narasi.{key}")}))
    svc = WorkbookService.create(path, tahun=TAHUN, renstra_awal=TAHUN, renstra_akhir=TAHUN + 3)
    try:
        svc.apply(ops, "Bangun buku kerja uji")
    except BaseException:
        svc.close()
        raise
    return svc


def _value(ind_id, tahun, jenis, nilai):
    return InsertOp("indicator_value", {"indicator_id": ind_id, "tahun": tahun, "jenis_nilai": jenis,
                                        "periode": 0, "nilai": nilai})
