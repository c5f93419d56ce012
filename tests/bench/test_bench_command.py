"""``python -m bench`` runs end to end and writes its results file, so the harness cannot rot.
No timing is asserted: only that every measure ran and was written down.

By default at 0.2x and 0.3x (about 15 s); ``LKIP_BENCH_SMOKE=1`` at 0.5x and 1x (the brief's
``python -m bench --quick --scales 1`` alone takes about 35 s on 2 cores)."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]

MEASURES = ["start -> first painted grid", "one typed edit -> repaint", "open + recompute-all",
            "all tables to PDF", "all tables to XLSX (values-only bare)", "whole LKIP to Word: peak memory"]


def test_bench_command_writes_results(tmp_path):
    """Two scales: the edit and the open take them in turn, each scale's lines stay apart."""
    scales = ["0.5", "1"] if os.environ.get("LKIP_BENCH_SMOKE") == "1" else ["0.2", "0.3"]
    out = tmp_path / "results.md"
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen",
               PYTHONPATH=os.pathsep.join([str(ROOT), os.environ.get("PYTHONPATH", "")]))
    p = subprocess.run([sys.executable, "-m", "bench", "--quick", "--scales", ",".join(scales), "--out", str(out),
                        "--dir", str(tmp_path / "wb")], cwd=ROOT, env=env, capture_output=True, text=True,
                       timeout=600)
    assert p.returncode == 0, p.stderr[-3000:]
    text = out.read_text(encoding="utf-8")
    for m in MEASURES:
        for scale in scales:
            assert f"| {m} | {float(scale):g}× |" in text, (m, scale)
    assert "not run" not in text
    small, big = (float(s) for s in scales)
    figures = text.split("## Figures")[1]
    assert figures.index(f"| start -> first painted grid | {big:g}× |") > figures.index(
        f"| whole LKIP to Word: peak memory | {small:g}× |")  # grouped by scale, in the steps' order
