"""Everything in one call (the runner and the fast test in the suite share it)."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

from .bounded import ROOT
from .fuzz import Figures, fuzz_json, fuzz_json_inputs, fuzz_lkip, fuzz_xlsx, load_json
from .killloop import OPERATIONS, kill_loop


def make_inputs(work: Path) -> tuple[Path, Path, Path]:
    """The demo workbook, its workbook JSON and the reference JSON it is made from."""
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    demo, doc = work / "demo.lkip", work / "demo.json"
    if not demo.exists():
        subprocess.run([sys.executable, "-m", "lkip_desktop", "demo", str(demo)], cwd=ROOT, env=env, check=True,
                       capture_output=True, timeout=300)
    if not doc.exists():
        subprocess.run([sys.executable, "-m", "lkip_desktop", "export-json", str(demo), str(doc)], cwd=ROOT,
                       env=env, check=True, capture_output=True, timeout=300)
    json.loads(doc.read_text(encoding="utf-8"))
    return demo, doc, ROOT / "resources" / "setda2024.json"


def run_all(work: Path, *, kills: int, cases: int, seed: int, json_cases: int, echo: bool = False,
            operations: list[str] = OPERATIONS, edit_span: float = 3.0,
            inputs: tuple[str, ...] = ("lkip", "xlsx", "json", "reference"), whole_every: int = 20,
            progress: int = 0) -> list[Figures]:
    """The kill loop, the fuzzers of ``inputs`` (``cases`` each) and the hypothesis JSON
    fuzzers (``json_cases`` examples each)."""
    demo, doc, reference = make_inputs(work)
    results = []

    def done(figures: Figures) -> None:
        results.append(figures)
        if echo:
            print(figures.line(), flush=True)
            for n, what, problem, trace in figures.findings[:30]:
                print(f"  #{n} {what}: {problem}\n    {trace.strip().splitlines()[-1] if trace.strip() else ''}")

    if kills:
        done(kill_loop(kills, seed, work, demo, reference, doc, operations, edit_span, progress=progress // 20))
    if cases and "lkip" in inputs:
        done(fuzz_lkip(cases, seed, work, demo, progress=progress))
    if cases and "xlsx" in inputs:
        done(fuzz_xlsx(cases, seed, work, demo, progress=progress))
    for kind, source in (("json", doc), ("reference", reference)):
        if cases and kind in inputs:
            done(fuzz_json_inputs(kind, load_json(source), cases, seed, work, demo, whole_every=whole_every,
                                  progress=progress))
    if json_cases:
        done(fuzz_json(json_cases))
    return results
