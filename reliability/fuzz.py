"""Fuzzers over the file inputs: every hostile .lkip is opened (and summarised and reviewed),
every hostile .xlsx planned as an import, every damaged workbook JSON and reference JSON
checked and turned into ops (a sample of them imported whole), all in a bounded worker child.
Findings: any exception other than InputError/StoreError, a hang, a crash, a refusal without
an Indonesian message, a refused .lkip whose bytes changed or that left a file beside it, a
refused import that left a file.

Speed: the parent makes batch k+1 (in a folder of its own) while the worker runs batch k,
so making and checking cases run side by side; the cases live in ``work`` (best on tmpfs).
The hypothesis JSON fuzzers in tests/exchange/test_fuzz_inputs.py also run (``fuzz_json``).
"""

from __future__ import annotations

import hashlib
import json
import os
import random
import shutil
import subprocess
import sys
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable

from .bounded import ROOT, BoundedWorker
from .corpus import XlsxCorpus, hostile_lkip
from .jsoncorpus import JsonCorpus


@dataclass
class Figures:
    name: str
    cases: int = 0
    outcomes: Counter = field(default_factory=Counter)
    findings: list = field(default_factory=list)

    def line(self) -> str:
        return f"{self.name}: {self.cases} cases {dict(self.outcomes)}, {len(self.findings)} findings"


INDONESIAN = ("berkas", "buku kerja", "tidak", "bukan", "rusak", "kolom", "baris", "tabel", "harus", "sel ",
              "lembar", "isi", "terlalu", "melebihi", "kosong", "belum", "gagal", "rumus", "dibuka")
BATCH = 32


def refusal_problem(detail: str) -> str | None:
    """A refusal must say why, in Indonesian (a bare English library message is a finding)."""
    if not detail.strip():
        return "refused without a message"
    if not any(word in detail.lower() for word in INDONESIAN):
        return f"refusal not in Indonesian: {detail[:120]}"
    return None


def _files(folder: Path) -> dict[str, str]:
    return {p.name: hashlib.sha256(p.read_bytes()).hexdigest() for p in folder.iterdir() if p.is_file()}


def _case_folder(work: Path, part: str, slot: int, i: int) -> Path:
    folder = work / part / str(slot) / str(i)
    shutil.rmtree(folder, ignore_errors=True)
    folder.mkdir(parents=True)
    return folder


def drive(figures: Figures, worker: BoundedWorker, cases: int, make: Callable[[int, int, int], dict],
          judge: Callable[[dict, dict], str | None], work: Path, progress: int = 0) -> Figures:
    """``make(n, slot, i)`` writes case n (i-th of its batch, in batch folder ``slot``) and
    returns it; ``judge(case, answer)`` names a problem or None. Batch k+1 is made while the
    worker runs batch k."""
    pending: list[dict] = []

    def settle() -> None:
        for case, answer in zip(pending, worker.answers(pending)):
            figures.cases += 1
            figures.outcomes[answer["outcome"]] += 1
            problem = answer.get("detail") if answer["outcome"] in ("error", "hang") else None
            problem = problem or judge(case, answer)
            if problem:
                keep = work / "findings" / f"{figures.name.split()[0]}-{case['n']}{Path(case['path']).suffix}"
                keep.parent.mkdir(exist_ok=True)
                if Path(case["path"]).exists():
                    shutil.copy(case["path"], keep)
                figures.findings.append((case["n"], case["what"], problem, answer.get("trace", "")[-600:]))
            if progress and figures.cases % progress == 0:
                print(figures.line(), flush=True)

    try:
        for start in range(0, cases, BATCH):
            slot = (start // BATCH) % 2
            batch = [make(n, slot, i) for i, n in enumerate(range(start, min(cases, start + BATCH)))]
            settle()
            worker.send(batch)
            pending = batch
        settle()
    finally:
        worker.close()
    return figures


def lkip_seeds(work: Path, demo: Path) -> list[bytes]:
    fixtures = ROOT / "tests" / "fixtures"
    return [demo.read_bytes()] + [p.read_bytes() for p in sorted(fixtures.glob("workbook-v*.lkip"))]


def fuzz_lkip(cases: int, seed: int, work: Path, demo: Path, timeout: float = 30.0, progress: int = 0) -> Figures:
    rng, seeds = random.Random(seed), lkip_seeds(work, demo)

    def make(n: int, slot: int, i: int) -> dict:
        folder = _case_folder(work, "lkip", slot, i)
        path = folder / "buku.lkip"
        what = hostile_lkip(rng.choice(seeds), rng, path)
        return {"kind": "lkip", "path": str(path), "n": n, "what": what, "before": _files(folder)}

    def judge(case: dict, answer: dict) -> str | None:
        if answer["outcome"] != "refused":
            return None
        problem = refusal_problem(answer["detail"])
        after = _files(Path(case["path"]).parent)
        if problem is None and after != case["before"]:
            problem = f"refused file changed: {sorted(after)} ({answer['detail'][:80]})"
        return problem

    return drive(Figures("lkip open"), BoundedWorker(demo, timeout), cases, make, judge, work, progress)


def xlsx_seeds(work: Path, demo: Path) -> list[bytes]:
    """The blank template, a filled budget sheet (kode matching the demo) and an export."""
    import openpyxl

    from lkip_desktop.store.service import WorkbookService

    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    template = work / "templat.xlsx"
    if not template.exists():
        subprocess.run([sys.executable, "-m", "lkip_desktop", "template", str(demo), str(template)], cwd=ROOT,
                       env=env, check=True, capture_output=True, timeout=120)
    book = openpyxl.Workbook()
    ws = book.active
    ws.append(["Kode", "Uraian", "Pagu", "Realisasi"])
    with WorkbookService.open_snapshot(demo) as svc:
        for item, _depth in list(svc.wb.walk_budget())[:200]:
            ws.append([item.kode, item.nama, 1_000_000, 500_000])
    filled = work / "isian.xlsx"
    book.save(filled)
    return [template.read_bytes(), filled.read_bytes()]


def fuzz_xlsx(cases: int, seed: int, work: Path, demo: Path, timeout: float = 30.0, progress: int = 0) -> Figures:
    rng, corpus = random.Random(seed), XlsxCorpus(xlsx_seeds(work, demo))

    def make(n: int, slot: int, i: int) -> dict:
        path = work / "xlsx" / str(slot) / f"{i}.xlsx"
        path.parent.mkdir(parents=True, exist_ok=True)
        return {"kind": "xlsx", "path": str(path), "n": n, "what": corpus.make(rng, path)}

    def judge(case: dict, answer: dict) -> str | None:
        return refusal_problem(answer["detail"]) if answer["outcome"] == "refused" else None

    return drive(Figures("xlsx import"), BoundedWorker(demo, timeout), cases, make, judge, work, progress)


def fuzz_json_inputs(kind: str, doc: dict, cases: int, seed: int, work: Path, demo: Path, *, whole_every: int = 20,
                     timeout: float = 30.0, progress: int = 0) -> Figures:
    """``kind`` "json" (workbook JSON) or "reference": one-field damage of ``doc``; every
    case is checked and turned into ops, every ``whole_every``-th is imported whole."""
    rng, corpus = random.Random(seed), JsonCorpus(doc)

    def make(n: int, slot: int, i: int) -> dict:
        folder = _case_folder(work, kind, slot, i)
        path = folder / "masukan.json"
        case = {"kind": kind, "path": str(path), "n": n, "what": corpus.make(rng, path)}
        if whole_every and n % whole_every == 0:
            case["out"] = str(folder / "hasil.lkip")
        return case

    def judge(case: dict, answer: dict) -> str | None:
        if answer["outcome"] == "ok" and "out" in case:
            figures.outcomes["imported whole"] += 1
        made = {"masukan.json"} | ({"hasil.lkip"} if answer["outcome"] == "ok" and "out" in case else set())
        left = sorted(p.name for p in Path(case["path"]).parent.iterdir() if p.name not in made)
        problem = refusal_problem(answer["detail"]) if answer["outcome"] == "refused" else None
        return problem or (f"the import left {left} ({answer['outcome']})" if left else None)

    figures = Figures(f"{kind} import")
    return drive(figures, BoundedWorker(demo, timeout), cases, make, judge, work, progress)


def load_json(path: Path) -> dict:
    return json.loads(path.read_text(encoding="utf-8"))


def fuzz_json(cases: int) -> Figures:
    """The hypothesis JSON/reference fuzzers, run with ``cases`` examples each."""
    figures = Figures("json + reference import (hypothesis)")
    proc = subprocess.run([sys.executable, "-m", "pytest", "-p", "no:cacheprovider", "-q", "-x",
                           "tests/exchange/test_fuzz_inputs.py", "-k", "fuzz"], cwd=ROOT,
                          env={**os.environ, "PYTHONPATH": str(ROOT), "LKIP_FUZZ_EXAMPLES": str(cases)},
                          capture_output=True, text=True)
    figures.cases = 2 * cases
    figures.outcomes["passed" if proc.returncode == 0 else "failed"] += 1
    if proc.returncode != 0:
        figures.findings.append((0, "hypothesis", proc.stdout[-1500:], ""))
    return figures
