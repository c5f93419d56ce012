"""Fuzzers over the file inputs: every hostile .lkip is opened (and summarised and reviewed),
every hostile .xlsx planned as an import, each in a bounded child. Findings: any exception
other than InputError/StoreError, a hang, a refusal without a message, a refused .lkip whose
bytes changed or that left a file beside it. The JSON and reference fuzzers are the
hypothesis tests in tests/exchange/test_fuzz_inputs.py (run with LKIP_FUZZ_EXAMPLES)."""

from __future__ import annotations

import hashlib
import os
import random
import shutil
import subprocess
import sys
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

from .bounded import ROOT, BoundedWorker
from .corpus import hostile_lkip, hostile_xlsx


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


def refusal_problem(detail: str) -> str | None:
    """A refusal must say why, in Indonesian (a bare English library message is a finding)."""
    if not detail.strip():
        return "refused without a message"
    if not any(word in detail.lower() for word in INDONESIAN):
        return f"refusal not in Indonesian: {detail[:120]}"
    return None


def _files(folder: Path) -> dict[str, str]:
    return {p.name: hashlib.sha256(p.read_bytes()).hexdigest() for p in folder.iterdir() if p.is_file()}


def lkip_seeds(work: Path, demo: Path) -> list[bytes]:
    fixtures = ROOT / "tests" / "fixtures"
    return [demo.read_bytes()] + [p.read_bytes() for p in sorted(fixtures.glob("workbook-v*.lkip"))]


def fuzz_lkip(cases: int, seed: int, work: Path, demo: Path, timeout: float = 30.0) -> Figures:
    figures, rng = Figures("lkip open"), random.Random(seed)
    seeds = lkip_seeds(work, demo)
    worker = BoundedWorker(demo, timeout)
    try:
        for n in range(cases):
            case = work / "lkip-case"
            shutil.rmtree(case, ignore_errors=True)
            case.mkdir()
            path = case / "buku.lkip"
            what = hostile_lkip(rng.choice(seeds), rng, path)
            before = _files(case)
            answer = worker.run("lkip", path)
            figures.cases += 1
            figures.outcomes[answer["outcome"]] += 1
            problem = None
            if answer["outcome"] in ("error", "hang"):
                problem = answer.get("detail")
            elif answer["outcome"] == "refused":
                problem = refusal_problem(answer["detail"])
                if problem is None and _files(case) != before:
                    problem = f"refused file changed: {sorted(_files(case))} ({answer['detail'][:80]})"
            if problem:
                keep = work / "findings" / f"lkip-{n}.lkip"
                keep.parent.mkdir(exist_ok=True)
                if path.exists():
                    shutil.copy(path, keep)
                figures.findings.append((n, what, problem, answer.get("trace", "")[-600:]))
    finally:
        worker.close()
    return figures


def xlsx_seeds(work: Path, demo: Path) -> list[bytes]:
    """The blank template, a filled budget sheet (kode matching the demo) and an export."""
    import openpyxl

    from lkip_desktop.store.service import WorkbookService

    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    template = work / "templat.xlsx"
    subprocess.run([sys.executable, "-m", "lkip_desktop", "template", str(demo), str(template)], cwd=ROOT, env=env,
                   check=True, capture_output=True, timeout=120)
    book = openpyxl.Workbook()
    ws = book.active
    ws.append(["Kode", "Uraian", "Pagu", "Realisasi"])
    with WorkbookService.open_snapshot(demo) as svc:
        for item, _depth in list(svc.wb.walk_budget())[:200]:
            ws.append([item.kode, item.nama, 1_000_000, 500_000])
    filled = work / "isian.xlsx"
    book.save(filled)
    return [template.read_bytes(), filled.read_bytes()]


def fuzz_xlsx(cases: int, seed: int, work: Path, demo: Path, timeout: float = 30.0) -> Figures:
    figures, rng = Figures("xlsx import"), random.Random(seed)
    seeds = xlsx_seeds(work, demo)
    worker = BoundedWorker(demo, timeout)
    path = work / "kasus.xlsx"
    try:
        for n in range(cases):
            what = hostile_xlsx(rng.choice(seeds), rng, path)
            answer = worker.run("xlsx", path)
            figures.cases += 1
            figures.outcomes[answer["outcome"]] += 1
            problem = answer.get("detail") if answer["outcome"] in ("error", "hang") else None
            if answer["outcome"] == "refused":
                problem = refusal_problem(answer["detail"])
            if problem:
                keep = work / "findings" / f"xlsx-{n}.xlsx"
                keep.parent.mkdir(exist_ok=True)
                shutil.copy(path, keep)
                figures.findings.append((n, what, problem, answer.get("trace", "")[-600:]))
    finally:
        worker.close()
    return figures


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
