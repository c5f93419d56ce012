"""Builders shared by the carry/import tests."""

from __future__ import annotations

import hashlib
import zipfile
from datetime import date
from decimal import Decimal
from pathlib import Path

from lkip_desktop.domain import model as M
from lkip_desktop.domain.values import Predikat
from lkip_desktop.store.ops import CellRef, InsertOp, SetOp
from lkip_desktop.store.service import WorkbookService


def sha(path: Path) -> str:
    return hashlib.sha256(Path(path).read_bytes()).hexdigest()


def value(ind_id, tahun, jenis, nilai, periode=0):
    return InsertOp("indicator_value", {"indicator_id": ind_id, "tahun": tahun, "jenis_nilai": jenis,
                                        "periode": periode, "nilai": nilai})


def build_2023(path: Path) -> dict:
    """A 2023 workbook made through the service: Renstra 2023–2026, two IKU (one typed, one
    from komponen), one predikat, a program tree with pagu, realisasi and a triwulan, links,
    signatories, a signed PK and a prestasi. Returns the ids."""
    ids = {k: M.new_id() for k in ("tujuan", "sasaran", "iku1", "iku2", "iku3", "prog", "keg", "sub", "sub2",
                                    "ind_sub")}
    opd = {"nama": "Dinas Contoh Kota Bekasi", "singkatan": "DCK", "kepala_nama": "Drs. Budi Santoso",
           "kepala_jabatan": "Kepala Dinas", "kepala_pangkat": "Pembina Utama Muda", "kepala_golongan": "IV.c",
           "kepala_nip": "196610061986031008", "atasan_nama": "Tri Adhianto", "atasan_jabatan": "Wali Kota Bekasi"}
    ops = [SetOp(CellRef("opd", (1,), f), v) for f, v in opd.items()]
    ops += [
        InsertOp("tujuan", {"id": ids["tujuan"], "kode": "T1", "nama": "Meningkatkan tata kelola", "urut": 1}),
        InsertOp("sasaran", {"id": ids["sasaran"], "tujuan_id": ids["tujuan"], "kode": "S1",
                             "nama": "Meningkatnya akuntabilitas kinerja", "urut": 1}),
        InsertOp("indicator", {"id": ids["iku1"], "owner_kind": "sasaran", "owner_id": ids["sasaran"],
                               "kode": "IKU-1", "nama": "Persentase dokumen tepat waktu", "satuan": "%",
                               "jenis": "persen", "urut": 1, "analisis_keberhasilan": "Analisis 2023"}),
        InsertOp("indicator", {"id": ids["iku2"], "owner_kind": "sasaran", "owner_id": ids["sasaran"],
                               "kode": "IKU-2", "nama": "Persentase IKK meningkat", "satuan": "%",
                               "jenis": "persen", "rumus_komponen": "naik / jumlah * 100", "urut": 2}),
        InsertOp("indicator", {"id": ids["iku3"], "owner_kind": "sasaran", "owner_id": ids["sasaran"],
                               "kode": "IKU-3", "nama": "Nilai AKIP", "jenis": "predikat", "urut": 3}),
        InsertOp("budget_item", {"id": ids["prog"], "level": "program", "parent_id": None, "kode": "1",
                                 "nama": "Program Penunjang", "urut": 1}),
        InsertOp("budget_item", {"id": ids["keg"], "level": "kegiatan", "parent_id": ids["prog"], "kode": "1.2.01",
                                 "nama": "Perencanaan dan Evaluasi", "urut": 1}),
        InsertOp("budget_item", {"id": ids["sub"], "level": "sub_kegiatan", "parent_id": ids["keg"],
                                 "kode": "1.2.01.1", "nama": "Penyusunan Dokumen Perencanaan",
                                 "pagu_murni": 100_000_000, "pagu_perubahan": 120_000_000,
                                 "realisasi": 90_000_000, "satuan_fisik": "Dokumen", "urut": 1}),
        InsertOp("budget_item", {"id": ids["sub2"], "level": "sub_kegiatan", "parent_id": ids["keg"],
                                 "kode": "1.2.01.2", "nama": "Evaluasi Kinerja", "pagu_murni": 50_000_000,
                                 "pagu_perubahan": 50_000_000, "realisasi": 45_000_000, "urut": 2}),
        InsertOp("indicator", {"id": ids["ind_sub"], "owner_kind": "sub_kegiatan", "owner_id": ids["sub"],
                               "nama": "Jumlah dokumen perencanaan", "satuan": "Dokumen", "urut": 1}),
        InsertOp("budget_quarter", {"item_id": ids["sub"], "triwulan": 1, "realisasi_keuangan": 20_000_000}),
        InsertOp("dukungan", {"indicator_id": ids["iku1"], "item_id": ids["sub"]}),
        InsertOp("dukungan", {"indicator_id": ids["iku2"], "item_id": ids["sub2"]}),
        InsertOp("komponen", {"indicator_id": ids["iku2"], "tahun": 2023, "nama": "naik", "nilai": Decimal("60")}),
        InsertOp("komponen", {"indicator_id": ids["iku2"], "tahun": 2023, "nama": "jumlah", "nilai": Decimal("121")}),
        value(ids["iku1"], 2023, "realisasi", Decimal("85.5")),
        value(ids["iku3"], 2023, "realisasi", Predikat("BB")),
        value(ids["ind_sub"], 2023, "realisasi", Decimal("6")),
        value(ids["ind_sub"], 2024, "target", Decimal("7")),
        value(ids["iku1"], 2022, "realisasi", Decimal("70")),  # earlier history already in the file
    ]
    for y, t in zip(range(2023, 2027), ("80", "85", "90", "95")):
        ops.append(value(ids["iku1"], y, "target", Decimal(t)))
        ops.append(value(ids["iku2"], y, "target", Decimal("40")))
        ops.append(value(ids["iku3"], y, "target", Predikat("A")))
    ops += [
        InsertOp("pk_version", {"id": M.new_id(), "jenis": "murni", "tempat": "Bekasi",
                                "pihak1_nama": "Drs. Budi Santoso", "ditandatangani": True, "urut": 1}),
        InsertOp("prestasi", {"id": M.new_id(), "uraian": "Penghargaan SAKIP", "tanggal": date(2023, 11, 1),
                              "urut": 1}),
    ]
    # 2023 is a closed year: its APBD-P was enacted, so serapan is on pagu perubahan.
    ops.append(SetOp(CellRef("settings", (1,), "perubahan_berlaku"), True))
    with WorkbookService.create(path, tahun=2023, renstra_awal=2023, renstra_akhir=2026) as svc:
        svc.apply(ops, "Bangun buku kerja 2023")
    return ids


def rewrite_member(path: Path, member: str, data: bytes | None, extra: dict[str, bytes] | None = None) -> None:
    """Replace (or drop, with None) one part of a zip file, and add parts."""
    tmp = Path(path).with_suffix(".tmp")
    with zipfile.ZipFile(Path(path)) as zin, zipfile.ZipFile(tmp, "w", zipfile.ZIP_DEFLATED) as zout:
        for info in zin.infolist():
            if info.filename == member:
                if data is not None:
                    zout.writestr(member, data)
            else:
                zout.writestr(info, zin.read(info.filename))
        for name, body in (extra or {}).items():
            zout.writestr(name, body)
    tmp.replace(path)
