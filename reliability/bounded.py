"""One long-lived worker child, each case bounded by a timeout: a case that takes longer is
a hang (a finding); the child is killed and a fresh one started for the next case."""

from __future__ import annotations

import json
import os
import select
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


class BoundedWorker:
    def __init__(self, demo: Path, timeout: float = 30.0):
        self.demo, self.timeout, self.proc = demo, timeout, None

    def _start(self) -> None:
        self.proc = subprocess.Popen([sys.executable, "-m", "reliability.worker", str(self.demo)], cwd=ROOT,
                                     stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL,
                                     text=True, env={**os.environ, "PYTHONPATH": str(ROOT)})
        assert json.loads(self.proc.stdout.readline())["outcome"] == "ready"

    def run(self, kind: str, path: Path) -> dict:
        if self.proc is None or self.proc.poll() is not None:
            self._start()
        self.proc.stdin.write(json.dumps({"kind": kind, "path": str(path)}) + "\n")
        self.proc.stdin.flush()
        ready, _, _ = select.select([self.proc.stdout], [], [], self.timeout)
        line = self.proc.stdout.readline() if ready else ""
        if not line:
            self.close()
            return {"outcome": "hang" if not ready else "error", "detail": "no answer (hang or crash)"}
        return json.loads(line)

    def close(self) -> None:
        if self.proc is not None:
            self.proc.kill()
            self.proc.wait()
            self.proc = None
