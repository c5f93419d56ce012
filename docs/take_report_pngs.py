"""Render the report pages of issue 12 to docs/report-*.png from a demo workbook that carries
what real LKIPs carry: a 20,000-character alasan (a row split over pages), a 600-character sub
kegiatan name, figures on every budget row, SDM tables, signature blocks (Plt.), the five-band
scale and a retitled table with its source line and column-number row.

    python docs/take_report_pngs.py [--out docs]      (needs pdftoppm, poppler-utils)
"""

from __future__ import annotations

import argparse
import datetime
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

DOCS = Path(__file__).resolve().parent
sys.path.insert(0, str(DOCS.parent))

from pypdf import PdfReader  # noqa: E402

from lkip_desktop.edits import catalog, rows, scale, values  # noqa: E402
from lkip_desktop.exchange import demo  # noqa: E402
from lkip_desktop.reports.export import export  # noqa: E402
from lkip_desktop.store.ops import CellRef  # noqa: E402
from lkip_desktop.store.service import WorkbookService  # noqa: E402

# (png name, text that finds the page, occurrence)
PAGES = [
    ("report-cover", "LAPORAN KINERJA", 0),
    ("report-signature-kata-pengantar", "KATA PENGANTAR", 0),
    ("report-sdm", "Berdasarkan Golongan", 1),
    ("report-long-row-split", "Tabel 2.2 (lanjutan)", 0),
    ("report-catalogue-retitled", "Capaian Kinerja Utama Menurut Data Kami", 1),
    ("report-skala-lima", "Tabel 3.2\nSkala", 0),
    ("report-budget-rows", "Efisiensi (%)", 0),
    ("report-signature-bab4", "BAB IV PENUTUP", 1),
]

LAWS = " ".join(f"{i}. Peraturan Daerah Nomor {i} Tahun {2010 + i % 14} tentang Penyelenggaraan Urusan "
                f"Pemerintahan bidang ke-{i};" for i in range(1, 260))


def shape(svc: WorkbookService) -> None:
    ind = svc.wb.iku_list()[0]
    values.set_text(svc, CellRef("indicator", (ind.id,), "alasan"), LAWS[:20000])
    sub = next(i for i in svc.wb.items.values() if i.level == "sub_kegiatan")
    name = ("Penyediaan Jasa Pendukung Administrasi dan Operasional Perkantoran " * 10)[:600]
    values.set_text(svc, CellRef("budget_item", (sub.id,), "nama"), name)
    values.set_value(svc, CellRef("settings", (1,), "rincian_anggaran"), True)
    values.set_profile(svc, {"ttd_tempat": "Bekasi", "ttd_tanggal": datetime.date(2025, 2, 14),
                             "kepala_status": "Plt."})
    for kategori, uraian, jumlah in [("golongan", "Golongan IV", 14), ("golongan", "Golongan III", 52),
                                     ("golongan", "Golongan II", 9), ("pendidikan", "S2", 18),
                                     ("pendidikan", "S1/D4", 45), ("pendidikan", "SMA", 12),
                                     ("jabatan", "Struktural", 22), ("jabatan", "Fungsional", 31),
                                     ("jabatan", "Pelaksana", 22)]:
        rows.add_sdm(svc, kategori, uraian, jumlah)
    scale.choose_scale(svc, "lima")
    catalog.set_field(svc, "bab3.capaian", "judul", "Capaian Kinerja Utama Menurut Data Kami")
    catalog.set_field(svc, "bab3.capaian", "sumber", "Sumber: Data Bagian Organisasi, Januari 2025")
    catalog.set_field(svc, "bab3.capaian", "nomor_kolom", True)


def find_page(texts: list[str], needle: str, occurrence: int) -> int | None:
    hits = [i for i, t in enumerate(texts) if needle in t]
    return hits[min(occurrence, len(hits) - 1)] + 1 if hits else None


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--out", type=Path, default=DOCS)
    args = ap.parse_args(argv)
    if shutil.which("pdftoppm") is None:
        print("pdftoppm (poppler-utils) is needed", file=sys.stderr)
        return 1
    tmp = Path(tempfile.mkdtemp())
    path = tmp / "demo.lkip"
    demo.build_demo(path)
    with WorkbookService.open(path) as svc:
        shape(svc)
        export(svc, lengkap=tmp / "lkip.pdf")
    texts = [p.extract_text() or "" for p in PdfReader(tmp / "lkip.pdf").pages]
    for name, needle, occurrence in PAGES:
        page = find_page(texts, needle, occurrence)
        if page is None:
            print(f"{name}: '{needle}' not found", file=sys.stderr)
            continue
        subprocess.run(["pdftoppm", "-f", str(page), "-l", str(page), "-png", "-r", "60", "-singlefile",
                        str(tmp / "lkip.pdf"), str(args.out / name)], check=True)
        print(f"{name}.png: page {page}")
    shutil.rmtree(tmp, ignore_errors=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
