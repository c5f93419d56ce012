"""The kill loop: real CLI and service operations, each child SIGKILLed at a random moment.

Afterwards: every acknowledged edit is in the file (the child prints ``ACK <n>`` after each
committed edit), every workbook opens or is absent (never half-made), a workbook that only
was read (export) or was refused is byte-identical, an old format is either untouched or
completely migrated.
"""

from __future__ import annotations

import hashlib
import os
import random
import shutil
import signal
import subprocess
import sys
import time
from collections import Counter
from pathlib import Path

from lkip_desktop.store.service import WorkbookService

from .bounded import ROOT
from .fuzz import Figures

EDITS = """
import sys
from lkip_desktop.edits import rows
from lkip_desktop.store.service import WorkbookService
with WorkbookService.open(sys.argv[1]) as svc:
    print("MULAI", flush=True)
    for n in range(100000):
        rows.add_prestasi(svc, f"ack-{n}")
        print(f"ACK {n}", flush=True)
"""

SIGN = """
import sys
from datetime import date
from lkip_desktop.edits import pk
from lkip_desktop.store.service import WorkbookService
with WorkbookService.open(sys.argv[1]) as svc:
    print("MULAI", flush=True)
    for n in range(100000):
        pk_id, _ = pk.create_version(svc, tanggal=date(2024, 1, 2))
        pk.sign(svc, pk_id)
        print(f"ACK {pk_id}", flush=True)
"""

MIGRATE = """
import sys
from lkip_desktop.store.service import WorkbookService
WorkbookService.open(sys.argv[1]).close()
"""


def _sha(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def _cli(*args: str) -> list[str]:
    return [sys.executable, "-m", "lkip_desktop", *args]


def _py(code: str, *args: str) -> list[str]:
    return [sys.executable, "-c", code, *args]


def _opens(path: Path) -> WorkbookService:
    return WorkbookService.open_snapshot(path)


class Loop:
    def __init__(self, work: Path, demo: Path, reference: Path, json_doc: Path, rng: random.Random):
        self.work, self.demo, self.reference, self.json_doc, self.rng = work, demo, reference, json_doc, rng
        self.durations: dict[str, float] = {}
        self.expected: dict[str, int] = {}
        self.edit_span = 3.0

    def _run(self, name: str, argv: list[str], wait_for_start: bool) -> list[str]:
        """Start the child, SIGKILL it at a random moment, return its stdout lines."""
        env = {**os.environ, "PYTHONPATH": str(ROOT)}
        proc = subprocess.Popen(argv, cwd=ROOT, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True, env=env)
        if wait_for_start:
            assert proc.stdout.readline().strip() == "MULAI"
        span = self.durations.get(name, 3.0)
        time.sleep(self.rng.uniform(0, span * 1.2))
        proc.send_signal(signal.SIGKILL)
        out, _ = proc.communicate(timeout=60)
        return out.splitlines()

    def measure(self, name: str, argv: list[str]) -> None:
        start = time.monotonic()
        subprocess.run(argv, cwd=ROOT, capture_output=True, timeout=300, env={**os.environ, "PYTHONPATH": str(ROOT)})
        self.durations[name] = time.monotonic() - start

    # each operation: run one killed child, return (outcome, problem or None)
    def edits(self, case: Path) -> tuple[str, str | None]:
        book = case / "buku.lkip"
        shutil.copy(self.demo, book)
        lines = self._run("edits", _py(EDITS, str(book)), wait_for_start=True)
        acked = {ln.split()[1] for ln in lines if ln.startswith("ACK ")}
        with _opens(book) as svc:
            present = {p.uraian[4:] for p in svc.wb.prestasi.values() if p.uraian.startswith("ack-")}
        lost = acked - present
        return f"{len(acked)} acks", (f"lost acknowledged edits {sorted(lost)[:5]}" if lost else None)

    def sign(self, case: Path) -> tuple[str, str | None]:
        book = case / "buku.lkip"
        shutil.copy(self.demo, book)
        lines = self._run("sign", _py(SIGN, str(book)), wait_for_start=True)
        acked = {ln.split()[1] for ln in lines if ln.startswith("ACK ")}
        with _opens(book) as svc:
            signed = {v.id for v in svc.wb.pk_versions.values() if v.ditandatangani}
        lost = acked - signed
        return f"{len(acked)} signed", (f"lost signatures {sorted(lost)[:5]}" if lost else None)

    def _new_file(self, name: str, case: Path, argv: list[str], target: Path, complete) -> tuple[str, str | None]:
        self._run(name, argv, wait_for_start=False)
        if not target.exists():
            return "absent", None
        try:
            with _opens(target) as svc:
                problem = complete(svc)
        except Exception as exc:  # noqa: BLE001 - a target that does not open is half-made
            return "broken", f"half-made {target.name}: {type(exc).__name__}: {exc}"
        return ("complete", None) if problem is None else ("half-made", problem)

    def _count(self, svc) -> int:
        return len(svc.wb.prestasi) + len(list(svc.wb.walk_budget()))

    def import_json(self, case: Path) -> tuple[str, str | None]:
        target = case / "dari-json.lkip"
        return self._new_file("import_json", case, _cli("import-json", str(self.json_doc), str(target)), target,
                              lambda svc: None if self._count(svc) == self.expected["json"] else
                              f"{self._count(svc)} of {self.expected['json']} rows")

    def import_reference(self, case: Path) -> tuple[str, str | None]:
        target = case / "dari-referensi.lkip"
        return self._new_file("import_reference", case, _cli("import-reference", str(self.reference), str(target)),
                              target, lambda svc: None if self._count(svc) == self.expected["reference"] else
                              f"{self._count(svc)} of {self.expected['reference']} rows")

    def carry(self, case: Path) -> tuple[str, str | None]:
        target = case / "tahun-baru.lkip"
        return self._new_file("carry", case, _cli("new-from", "--from", str(self.demo), str(target)), target,
                              lambda svc: None if self._count(svc) == self.expected["carry"] else
                              f"{self._count(svc)} of {self.expected['carry']} rows")

    def migrate(self, case: Path) -> tuple[str, str | None]:
        book = case / "lama.lkip"
        shutil.copy(ROOT / "tests" / "fixtures" / "workbook-v1.lkip", book)
        before = _sha(book)
        self._run("migrate", _py(MIGRATE, str(book)), wait_for_start=False)
        if _sha(book) == before:
            return "untouched", None
        try:
            with WorkbookService.open(book, readonly=True) as svc:
                svc.calc.opd_average()
        except Exception as exc:  # noqa: BLE001
            return "broken", f"half-migrated: {type(exc).__name__}: {exc}"
        return "migrated", None

    def export(self, case: Path) -> tuple[str, str | None]:
        book = case / "buku.lkip"
        shutil.copy(self.demo, book)
        before = _sha(book)
        self._run("export", _cli("export", str(book), "--pdf", str(case / "lkip.pdf"),
                                  "--xlsx", str(case / "lkip.xlsx")), wait_for_start=False)
        if _sha(book) != before:
            return "changed", "an export changed the workbook"
        with _opens(book):
            pass
        return "unchanged", None

    def operations(self) -> dict:
        return {"edits": self.edits, "import_json": self.import_json, "import_reference": self.import_reference,
                "carry": self.carry, "migrate": self.migrate, "sign": self.sign, "export": self.export}

    def ready(self, name: str) -> None:
        """Time an operation once before killing it (the kill moment is drawn from 0..1.2x
        that) and count the rows its complete result has. Edits and signing run until killed."""
        if name in self.durations:
            return
        base = self.work / "ukur"
        base.mkdir(parents=True, exist_ok=True)
        target = base / f"{name}.lkip"
        argv = {
            "import_json": _cli("import-json", str(self.json_doc), str(target)),
            "import_reference": _cli("import-reference", str(self.reference), str(target)),
            "carry": _cli("new-from", "--from", str(self.demo), str(target)),
            "migrate": _py(MIGRATE, str(shutil.copy(ROOT / "tests/fixtures/workbook-v1.lkip", base / "m.lkip"))),
            "export": _cli("export", str(self.demo), "--pdf", str(base / "x.pdf"), "--xlsx", str(base / "x.xlsx")),
        }.get(name)
        if argv is None:
            self.durations[name] = self.edit_span
            return
        self.measure(name, argv)
        if target.exists():
            with _opens(target) as svc:
                self.expected[name.replace("import_", "")] = self._count(svc)


OPERATIONS = ["edits", "import_json", "import_reference", "carry", "migrate", "sign", "export"]


def kill_loop(kills: int, seed: int, work: Path, demo: Path, reference: Path, json_doc: Path,
              operations: list[str] = OPERATIONS, edit_span: float = 3.0, progress: int = 0) -> Figures:
    """``kills`` children, taking ``operations`` in turn; ``edit_span``: seconds an edit or
    signing loop runs at most before its kill; ``progress``: print the figures every N kills."""
    figures = Figures("kill loop")
    loop = Loop(work, demo, reference, json_doc, random.Random(seed))
    loop.edit_span = edit_span
    per_op: Counter = Counter()
    for n in range(kills):
        name = operations[n % len(operations)]
        case = work / "kill-case"
        shutil.rmtree(case, ignore_errors=True)
        case.mkdir()
        loop.ready(name)
        outcome, problem = loop.operations()[name](case)
        figures.cases += 1
        figures.outcomes[f"{name}:{outcome.split()[-1] if outcome[0].isdigit() else outcome}"] += 1
        if outcome[0].isdigit():
            per_op[name] += int(outcome.split()[0])
        if problem:
            figures.findings.append((n, name, problem, ""))
        if progress and (n + 1) % progress == 0:
            print(f"{figures.line()} acknowledged {dict(per_op)}", flush=True)
    figures.outcomes.update({f"{k}:acknowledged": v for k, v in per_op.items()})
    return figures
