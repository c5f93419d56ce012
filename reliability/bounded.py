"""One long-lived worker child answering batches of cases, each case bounded by a timeout.

The child times each case itself (a CPU-time and a real-time timer whose signals end it, see
worker.py), so the parent needs no clock per case: a child that dies by SIGPROF or SIGALRM had
a hang (a finding), any other death is a crash (a finding). Either way a fresh child takes the
rest of the batch. The parent also gives up on a child silent for longer than both timers.
"""

from __future__ import annotations

import json
import os
import select
import signal
import subprocess
import sys
from pathlib import Path
from typing import Iterator

from .worker import WALL_FACTOR

ROOT = Path(__file__).resolve().parents[1]


class BoundedWorker:
    def __init__(self, demo: Path, timeout: float = 30.0):
        self.demo, self.timeout, self.proc = demo, timeout, None
        self._buffer = b""
        self.restarts = 0

    def _start(self) -> None:
        self.proc = subprocess.Popen([sys.executable, "-m", "reliability.worker", str(self.demo), str(self.timeout)],
                                     cwd=ROOT, stdin=subprocess.PIPE, stdout=subprocess.PIPE,
                                     stderr=subprocess.DEVNULL, env={**os.environ, "PYTHONPATH": str(ROOT)})
        self._buffer = b""
        line = self._line(300.0)
        assert line is not None and json.loads(line)["outcome"] == "ready", "the worker did not start"

    def _line(self, wait: float) -> bytes | None:
        """The next answer line, or None when the child died or stayed silent ``wait`` s."""
        fd = self.proc.stdout.fileno()
        while b"\n" not in self._buffer:
            ready, _, _ = select.select([fd], [], [], wait)
            chunk = os.read(fd, 1 << 16) if ready else b""
            if not chunk:
                return None
            self._buffer += chunk
        line, self._buffer = self._buffer.split(b"\n", 1)
        return line

    def send(self, cases: list[dict]) -> None:
        if self.proc is None or self.proc.poll() is not None:
            self._start()
        self.proc.stdin.write(b"".join(json.dumps(c).encode() + b"\n" for c in cases))
        self.proc.stdin.flush()

    def answers(self, cases: list[dict]) -> Iterator[dict]:
        """The answers to ``cases`` (all sent with ``send``), in order."""
        i = 0
        while i < len(cases):
            line = self._line(2 * WALL_FACTOR * self.timeout)
            if line is not None:
                yield json.loads(line)
                i += 1
                continue
            silent = self.proc.poll() is None
            code = self._stop()
            hang = silent or code in (-signal.SIGALRM, -signal.SIGPROF)
            limit = f"over {self.timeout:g} s of CPU or {WALL_FACTOR * self.timeout:g} s in all"
            yield {"outcome": "hang" if hang else "error",
                   "detail": f"{limit} (hang)" if hang else f"the worker died (exit {code})"}
            i += 1
            self.restarts += 1
            if i < len(cases):
                self.send(cases[i:])

    def run(self, kind: str, path: Path) -> dict:
        """One case on its own."""
        case = {"kind": kind, "path": str(path)}
        self.send([case])
        return next(self.answers([case]))

    def _stop(self) -> int | None:
        if self.proc is None:
            return None
        if self.proc.poll() is None:
            self.proc.kill()
        code = self.proc.wait()
        for pipe in (self.proc.stdin, self.proc.stdout):
            try:
                pipe.close()
            except OSError:  # a dead child's pipe
                pass
        self.proc = None
        return code

    def close(self) -> None:
        self._stop()
