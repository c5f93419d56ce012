"""`summary` says what each column is: the rating-scale kriteria under "Kriteria", and the
indicator's own predikat under "Predikat" (issue 12)."""

from __future__ import annotations

from lkip_desktop.cli import main


def test_summary_heads_the_kriteria_and_shows_a_predikat(demo_path, capsys):
    assert main(["summary", str(demo_path)]) == 0
    lines = capsys.readouterr().out.splitlines()
    header = lines[1]
    assert header.split()[-2:] == ["Kriteria", "Predikat"]
    akip = next(x for x in lines if "Nilai AKIP SETDA" in x)
    assert akip.split()[-3:] == ["Sangat", "Tinggi", "A"]  # the kriteria, then its predikat
    ikk = next(x for x in lines if "IKK yang meningkat" in x)
    assert ikk.rstrip().endswith("Sangat Tinggi  -")
    assert any(x.startswith("Kriteria: Skala nilai peringkat kinerja (Permendagri 86/2017)") for x in lines)
