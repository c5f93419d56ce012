"""The printed PK read back from the PDF: parties, NIP, date, every indicator and target,
the totals and the amount in words (issue 6, done-when)."""

from __future__ import annotations

import re
from datetime import date

import pytest
from pypdf import PdfReader

from lkip_desktop.domain.pk import amounts as rules
from lkip_desktop.reports.pk_document import PAPERS, Image, PkOptions, layout, render_pdf
from lkip_desktop.edits import pk as pks
from lkip_desktop.store.ops import CellRef


def _text(path) -> tuple[str, list[str]]:
    reader = PdfReader(str(path))
    pages = [p.extract_text() for p in reader.pages]
    return " ".join(" ".join(pages).split()), pages


def _flat(s: str) -> str:
    return " ".join(s.split())


def _print(demo, tmp_path, which, **opts):
    pk = pks.find_version(demo.wb, which)
    out = tmp_path / f"{which}.pdf"
    render_pdf(demo.wb, pk.id, out, PkOptions(**opts))
    return pk, out


EXPECTED_TARGETS = {
    "Persentase Capaian IKK yang meningkat": "40%",
    "Indeks Pelaksanaan Pembangunan": "88",
    "Persentase OPD yang menerapkan SAKIP Berkualitas": "22,73%",
    "Nilai AKIP SETDA": "A",
    "Nilai IKM SETDA": "83",
}


@pytest.mark.parametrize("which, title, tanggal, pangkat, total, programs", [
    ("murni", "PERJANJIAN KINERJA TAHUN 2024", "Bekasi, 02 Januari 2024", "Pembina Utama Muda / IV.c",
     "Rp 229.444.689.696", ["60.311.339.500", "7.521.272.000", "161.612.078.196"]),
    ("perubahan", "PERJANJIAN KINERJA PERUBAHAN TAHUN 2024", "Bekasi, 04 November 2024",
     "Pembina Utama Madya / IV.d", "Rp 235.997.078.013",
     ["60.816.173.157", "6.941.794.621", "168.239.110.235"]),
])
def test_demo_pk_prints_as_signed(demo, tmp_path, which, title, tanggal, pangkat, total, programs):
    _, out = _print(demo, tmp_path, which)
    text, pages = _text(out)
    assert len(pages) == 2
    statement, lampiran = (_flat(p) for p in pages)
    for page in (statement, lampiran):  # both pages carry the title and both signature blocks
        assert title in page
        assert tanggal in page
        assert "Pihak Kedua," in page and "Pihak Pertama," in page
        assert "R. Gani Muhamad" in page and "Drs. Junaedi" in page
        assert pangkat in page
        assert "NIP. 19661006 198603 1 008" in page
    assert "Pj. Wali Kota Bekasi" in statement and "Sekretaris Daerah" in statement
    assert "kami yang bertandatangan di bawah ini" in statement
    assert "SEKRETARIAT DAERAH KOTA BEKASI" in lampiran
    for indikator, target in EXPECTED_TARGETS.items():
        m = re.search(re.escape(indikator) + r"\s+" + re.escape(target) + r"(\s|$)", lampiran)
        assert m, (indikator, target)
    assert "Meningkatnya efektifitas tata kelola pemerintahan bidang perekonomian dan pembangunan" in lampiran
    assert "Meningkatnya kualitas pelayanan publik dan akuntabilitas kinerja" in lampiran
    for amount in programs:
        assert amount in lampiran
    assert total in lampiran
    assert "Administrasi Umum" in lampiran  # the name the PK was signed with, not the budget's


def test_perubahan_shows_murni_beside_and_terbilang(demo, tmp_path):
    _, out = _print(demo, tmp_path, "perubahan")
    text, _ = _text(out)
    assert "Anggaran Murni (Rp)" in text and "Anggaran Perubahan (Rp)" in text
    assert "229.444.689.696 235.997.078.013" in text  # the Total row: murni, then perubahan
    words = rules.terbilang_kapital(235_997_078_013)
    assert _flat(words) in text
    assert words.startswith("Dua Ratus Tiga Puluh Lima Miliar")


def test_options_paper_zero_pad_logo(demo, tmp_path):
    logo = _png(tmp_path)
    pk = pks.find_version(demo.wb, "murni")
    pages = layout(demo.wb, pk.id, PkOptions(paper="F4", zero_pad=False, logo=logo, terbilang=False))
    assert (pages[0].width, pages[0].height) == PAPERS["F4"]
    out = tmp_path / "f4.pdf"
    render_pdf(demo.wb, pk.id, out, PkOptions(paper="F4", zero_pad=False, logo=logo, terbilang=False))
    reader = PdfReader(str(out))
    w, h = float(reader.pages[0].mediabox.width), float(reader.pages[0].mediabox.height)
    assert round(w / 72 * 25.4) == 215 and round(h / 72 * 25.4) == 330
    text, _ = _text(out)
    assert "Bekasi, 2 Januari 2024" in text
    assert "Rupiah" not in text
    assert reader.pages[0].images  # the logo is on the statement page


def test_bad_logo_is_an_indonesian_error(demo, tmp_path):
    from lkip_desktop.domain.errors import InputError

    bad = tmp_path / "bukan-gambar.png"
    bad.write_text("x")
    pk = pks.find_version(demo.wb, "murni")
    with pytest.raises(InputError, match="Logo"):
        layout(demo.wb, pk.id, PkOptions(logo=bad))


def test_new_pk_from_workbook_prints_with_profile(demo, tmp_path):
    pk_id, _ = pks.create_version(demo, "murni", tanggal=date(2025, 1, 3))
    out = tmp_path / "baru.pdf"
    render_pdf(demo.wb, pk_id, out)
    text, _ = _text(out)
    assert "Bekasi, 03 Januari 2025" in text
    assert "Pembina Utama Madya / IV.d" in text  # today's profile
    assert "Program Penunjang Urusan Pemerintahan Daerah Kabupaten/Kota" in text  # budget's name
    assert "Rp 229.444.689.696" in text


def test_long_pk_breaks_pages_and_keeps_signatures_whole(demo):
    pk_id, _ = pks.create_version(demo, "murni", tanggal=date(2024, 1, 2))
    for n in range(40):
        pks.add_sasaran_row(demo, pk_id, sasaran=f"Sasaran {n // 4}", indikator=f"Indikator tambahan {n}",
                            satuan="%", target="50")
    pages = layout(demo.wb, pk_id)
    assert len(pages) >= 3
    for page in pages:
        for item in page.items:
            if hasattr(item, "y"):
                assert 0 < item.y < page.height
    last = [getattr(i, "text", "") for i in pages[-1].items]
    assert "NIP. 19661006 198603 1 008" in last and "Pihak Pertama," in last


def test_cli_pdf(demo_path, tmp_path, capsys):
    from lkip_desktop.cli import main

    out = tmp_path / "cli.pdf"
    assert main(["pk", str(demo_path), "--pdf", str(out), "--versi", "2", "--paper", "A4"]) == 0
    text, _ = _text(out)
    assert "PERJANJIAN KINERJA PERUBAHAN TAHUN 2024" in text
    assert main(["pk", str(demo_path), "--list"]) == 0
    listed = capsys.readouterr().out
    assert "1. PK · 02 Januari 2024 · ditandatangani" in listed
    assert "Rp 235.997.078.013" in listed
    assert main(["pk", str(demo_path), "--pdf", str(out), "--versi", "9"]) == 1


def test_word_spacing_of_justified_lines_does_not_leak(demo, tmp_path):
    """PDF word spacing (Tw) is text state: each justified line must set it back to 0."""
    import re as _re

    _, out = _print(demo, tmp_path, "murni")
    content = PdfReader(str(out)).pages[0].get_contents().get_data().decode("latin-1")
    tws = [float(v) for v in _re.findall(r"(-?[\d.]+) Tw", content)]
    assert any(tws)
    for n, v in enumerate(tws):
        if v:  # a stretched line is followed by a reset before anything else is drawn
            assert n + 1 < len(tws) and tws[n + 1] == 0


def test_only_bundled_fonts_are_used(demo, tmp_path):
    _, out = _print(demo, tmp_path, "perubahan")
    for page in PdfReader(str(out)).pages:
        fonts_used = {f["/BaseFont"] for f in page["/Resources"]["/Font"].values()}
        assert fonts_used and all("DejaVu" in f for f in fonts_used), fonts_used
        for f in page["/Resources"]["/Font"].values():
            desc = f.get_object()["/FontDescriptor"]
            assert "/FontFile2" in desc  # embedded: prints the same on every PC


def _png(tmp_path, name="logo.png", size=(60, 80), fmt="PNG"):
    from PIL import Image

    path = tmp_path / name
    Image.new("RGB", size, "navy").save(path, fmt)
    return path


def test_workbook_logo_and_date_setting_are_the_defaults(demo, tmp_path):
    """The logo kept in the workbook prints unless this print says otherwise; the date style
    follows settings.tanggal_nol."""
    pk = pks.find_version(demo.wb, "murni")
    assert not any(isinstance(i, Image) for i in layout(demo.wb, pk.id)[0].items)  # demo: no logo
    data = _png(tmp_path).read_bytes()
    demo.set(CellRef("opd", (1,), "logo"), data)
    demo.set(CellRef("settings", (1,), "tanggal_nol"), False)
    images = [i for i in layout(demo.wb, pk.id)[0].items if isinstance(i, Image)]
    assert len(images) == 1 and images[0].data == data
    out = tmp_path / "wb.pdf"
    render_pdf(demo.wb, pk.id, out)
    text, _ = _text(out)
    assert "Bekasi, 2 Januari 2024" in text and PdfReader(str(out)).pages[0].images
    # one print without it, or with another file, or zero-padded after all
    assert not any(isinstance(i, Image) for i in layout(demo.wb, pk.id, PkOptions(use_workbook_logo=False))[0].items)
    other = _png(tmp_path, "lain.jpg", (90, 90), "JPEG")
    images = [i for i in layout(demo.wb, pk.id, PkOptions(logo=other))[0].items if isinstance(i, Image)]
    assert images[0].data == other.read_bytes()
    render_pdf(demo.wb, pk.id, out, PkOptions(zero_pad=True))
    assert "Bekasi, 02 Januari 2024" in _text(out)[0]


def test_wide_logo_is_capped_not_stretched(demo, tmp_path):
    pk = pks.find_version(demo.wb, "murni")
    pages = layout(demo.wb, pk.id, PkOptions(logo=_png(tmp_path, size=(800, 100))))
    img = next(i for i in pages[0].items if isinstance(i, Image))
    assert img.w <= 60 * 72 / 25.4 + 0.01 and abs(img.w / img.h - 8) < 0.01


def test_cli_uses_workbook_logo_and_setting(demo, demo_path, tmp_path):
    from lkip_desktop.cli import main

    demo.set(CellRef("opd", (1,), "logo"), _png(tmp_path).read_bytes())
    demo.set(CellRef("settings", (1,), "tanggal_nol"), True)
    demo.close()
    out = tmp_path / "cli.pdf"
    assert main(["pk", str(demo_path), "--pdf", str(out), "--versi", "1"]) == 0
    assert PdfReader(str(out)).pages[0].images and "Bekasi, 02 Januari 2024" in _text(out)[0]
    assert main(["pk", str(demo_path), "--pdf", str(out), "--versi", "1", "--tanpa-logo", "--tanpa-nol"]) == 0
    assert not PdfReader(str(out)).pages[0].images and "Bekasi, 2 Januari 2024" in _text(out)[0]
    bad = tmp_path / "bukan.png"
    bad.write_text("x")
    assert main(["pk", str(demo_path), "--pdf", str(out), "--logo", str(bad)]) == 1
