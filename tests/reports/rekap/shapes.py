"""Workbooks of other shapes than the demo, for the rekap tests: built the real way
(NewWorkbook ops -> WorkbookService.create_from)."""

from __future__ import annotations

import hashlib
from decimal import Decimal
from pathlib import Path

from lkip_desktop.exchange.builder import NewWorkbook


def _opd(book: NewWorkbook, nama: str, singkatan: str) -> None:
    book.set("opd", "nama", nama)
    book.set("opd", "singkatan", singkatan)


def _iku(book: NewWorkbook, sasaran: str, n: int, tahun: int, target: str, realisasi: str | None,
         polaritas: str = "positif") -> str:
    iid = book.insert("indicator", owner_kind="sasaran", owner_id=sasaran, kode=f"IKU-{n}",
                      nama=f"Indikator {n}", satuan="%", jenis="persen", polaritas=polaritas, desimal=2, urut=n)
    book.insert("indicator_value", indicator_id=iid, tahun=tahun, jenis_nilai="target", periode=0,
                nilai=Decimal(target))
    if realisasi is not None:
        book.insert("indicator_value", indicator_id=iid, tahun=tahun, jenis_nilai="realisasi", periode=0,
                    nilai=Decimal(realisasi))
    return iid


def small_opd(path: Path, tahun: int = 2024, nama: str = "Kecamatan Kecil") -> Path:
    """One IKU, no budget at all."""
    book = NewWorkbook()
    _opd(book, nama, "KK")
    tid = book.insert("tujuan", kode="T1", nama="Tujuan", urut=1)
    sid = book.insert("sasaran", tujuan_id=tid, kode="S1", nama="Sasaran", urut=1)
    _iku(book, sid, 1, tahun, "80", "72.5")
    book.write(path, "uji", tahun=tahun, renstra_awal=tahun, renstra_akhir=tahun + 2).close()
    return path


def wide_opd(path: Path, tahun: int = 2024) -> Path:
    """Twelve IKU over four sasaran, half of negative polarity, one without realisasi,
    a budget of 2 programs that supports them."""
    book = NewWorkbook()
    _opd(book, "Dinas Lebar Kota Contoh", "DLKC")
    tid = book.insert("tujuan", kode="T1", nama="Tujuan", urut=1)
    sasaran = [book.insert("sasaran", tujuan_id=tid, kode=f"S{k}", nama=f"Sasaran {k}", urut=k) for k in range(1, 5)]
    ikus = []
    for n in range(1, 13):
        neg = n % 2 == 0
        real = None if n == 7 else str(Decimal(60 + 7 * n) / 2)
        ikus.append(_iku(book, sasaran[(n - 1) // 3], n, tahun, str(20 + 3 * n), real,
                         "negatif" if neg else "positif"))
    for p in range(1, 3):
        pid = book.insert("budget_item", level="program", parent_id=None, kode=f"1.0{p}", nama=f"Program {p}",
                          urut=p)
        kid = book.insert("budget_item", level="kegiatan", parent_id=pid, kode=f"1.0{p}.1", nama=f"Kegiatan {p}",
                          urut=1)
        for s in range(1, 4):
            murni = 100_000_000 * (p + s)
            sub = book.insert("budget_item", level="sub_kegiatan", parent_id=kid, kode=f"1.0{p}.1.{s}",
                              nama=f"Sub kegiatan {p}.{s}", pagu_murni=murni, pagu_perubahan=murni + 7_000_000 * s,
                              realisasi=murni * 9 // 10 - 1234 * s, urut=s)
            book.insert("dukungan", indicator_id=ikus[(p * 3 + s) % 12], item_id=sub)
    book.write(path, "uji", tahun=tahun, renstra_awal=tahun - 1, renstra_akhir=tahun + 2).close()
    return path


def sha256(path: Path) -> str:
    return hashlib.sha256(Path(path).read_bytes()).hexdigest()
