"""Regenerate docs/pk-*.png (the printed PK at 80 dpi) from the demo workbook:

    python tests/reports/render_pk_docs.py

PK murni (A4, with a stand-in logo kept in the workbook), PK Perubahan (F4, no logo), a PK
eselon III for Program Perekonomian Dan Pembangunan (A4) and a PK eselon IV for one of its
kegiatan (F4). Needs pdftoppm (poppler-utils). Look at the PNGs before committing them."""

from __future__ import annotations

import subprocess
import sys
import tempfile
from datetime import date
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))

from PIL import Image, ImageDraw  # noqa: E402

from lkip_desktop.reports.pk_document import PkOptions, render_pdf  # noqa: E402
from lkip_desktop.edits import pk as pks  # noqa: E402
from lkip_desktop.exchange.reference import import_reference  # noqa: E402
from lkip_desktop.store.ops import CellRef  # noqa: E402


def stand_in_logo(path: Path) -> bytes:
    """A plain shield: the real emblem of a Pemda is the user's to choose."""
    img = Image.new("RGBA", (300, 360), (255, 255, 255, 0))
    d = ImageDraw.Draw(img)
    d.polygon([(10, 10), (290, 10), (290, 200), (150, 350), (10, 200)], fill=(20, 90, 160, 255))
    d.polygon([(150, 60), (220, 200), (80, 200)], fill=(230, 180, 0, 255))
    img.save(path)
    return path.read_bytes()


def main() -> None:
    tmp = Path(tempfile.mkdtemp())
    svc, _ = import_reference(ROOT / "resources" / "setda2024.json", tmp / "demo.lkip")
    with svc:
        wb = svc.wb
        murni, perubahan = wb.pk_list()
        render_pdf(wb, perubahan.id, tmp / "pk-perubahan.pdf", PkOptions(paper="F4"))
        svc.set(CellRef("opd", (1,), "logo"), stand_in_logo(tmp / "logo.png"))
        render_pdf(wb, murni.id, tmp / "pk-murni.pdf", PkOptions(paper="A4"))
        prog = next(p for p in wb.programs() if p.kode == "3")
        es3, _ = pks.create_version(svc, "murni", unit_id=prog.id, tanggal=date(2024, 1, 5))
        pks.set_fields(svc, es3, {
            "pihak1_nama": "Dr. Ahmad Fauzi, S.E., M.Si.", "pihak1_jabatan": "Asisten Perekonomian dan Pembangunan",
            "pihak1_pangkat": "Pembina Tingkat I", "pihak1_golongan": "IV.b", "pihak1_nip": "197503152000031002"})
        render_pdf(wb, es3, tmp / "pk-eselon3.pdf", PkOptions(paper="A4"))
        keg = wb.children(prog.id)[1]
        es4, _ = pks.create_version(svc, "murni", unit_id=keg.id, tanggal=date(2024, 1, 8))
        pks.set_fields(svc, es4, {
            "pihak1_nama": "Siti Rahmawati, S.T.", "pihak1_jabatan": "Kepala Bagian Administrasi Pembangunan",
            "pihak1_pangkat": "Penata Tingkat I", "pihak1_golongan": "III.d", "pihak1_nip": "198204102006042005"})
        render_pdf(wb, es4, tmp / "pk-eselon4.pdf", PkOptions(paper="F4"))
    for name in ("pk-murni", "pk-perubahan", "pk-eselon3", "pk-eselon4"):
        subprocess.run(["pdftoppm", "-png", "-r", "80", str(tmp / f"{name}.pdf"), str(ROOT / "docs" / name)],
                       check=True)
        print(f"docs/{name}-*.png")


if __name__ == "__main__":
    main()
