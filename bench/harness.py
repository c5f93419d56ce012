"""The measuring kit of ``python -m bench``: interleaved A/B runs, medians and ranges,
child processes with their peak memory from the OS, growth exponents.

Peak memory: each child prints its own peak RSS (the kernel's VmHWM, see child._maxrss) just
before it exits, so imports, Qt and every allocation are included.
"""

from __future__ import annotations

import math
import os
import statistics
import subprocess
import sys
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable

ROOT = Path(__file__).resolve().parent.parent


@dataclass
class Samples:
    """Repeated measurements of one thing (seconds, or bytes for memory)."""
    values: list[float] = field(default_factory=list)

    def add(self, v: float) -> None:
        self.values.append(v)

    @property
    def median(self) -> float:
        return statistics.median(self.values)

    @property
    def lo(self) -> float:
        return min(self.values)

    @property
    def hi(self) -> float:
        return max(self.values)


@dataclass
class Line:
    """One row of the results table: the app's samples beside the bare's at one scale."""
    measure: str
    scale: float
    app: Samples
    bare: Samples | None
    unit: str = "s"  # "s" or "MB"
    note: str = ""

    @property
    def ratio(self) -> float | None:
        if self.bare is None or not self.bare.median:
            return None
        return self.app.median / self.bare.median


def interleave(fns: list[Callable[[], float | None]], repeat: int,
               before: Callable[[], None] | None = None) -> list[Samples]:
    """A B A B …: each fn timed in turn, ``repeat`` rounds, so both see the same machine.
    A fn may return its own figure (e.g. a child's wall time); else its wall time counts."""
    out = [Samples() for _ in fns]
    for _ in range(repeat):
        for s, fn in zip(out, fns):
            if before is not None:
                before()
            t = time.perf_counter()
            got = fn()
            s.add(time.perf_counter() - t if got is None else got)
    return out


@dataclass
class ChildResult:
    wall: float
    max_rss_mb: float
    stdout: str


def child_env(tmp: Path) -> dict:
    """Environment of a child: offscreen Qt, its own settings folders, this checkout first,
    and compiled bytecode kept (in the run's own folder) as an installed app has it: with
    PYTHONDONTWRITEBYTECODE every start would compile every module from source again."""
    env = dict(os.environ, QT_QPA_PLATFORM=os.environ.get("QT_QPA_PLATFORM", "offscreen"),
               XDG_CONFIG_HOME=str(tmp / "cfg"), XDG_DATA_HOME=str(tmp / "data"),
               XDG_STATE_HOME=str(tmp / "state"),  # the crash log's folder
               PYTHONPYCACHEPREFIX=str(tmp / "pycache"),
               PYTHONPATH=os.pathsep.join([str(ROOT), os.environ.get("PYTHONPATH", "")]).rstrip(os.pathsep))
    env.pop("PYTHONDONTWRITEBYTECODE", None)
    return env


def run_child(args: list[str], env: dict, timeout: float = 1800) -> ChildResult:
    """``python -m bench.child ARGS``: wall time from spawn to exit and the child's peak RSS."""
    t = time.perf_counter()
    p = subprocess.Popen([sys.executable, "-m", "bench.child", *args], cwd=ROOT, env=env,
                         stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    try:
        out, err = p.communicate(timeout=timeout)  # reads the pipes; the child stays a zombie
    except subprocess.TimeoutExpired:
        p.kill()
        raise
    wall = time.perf_counter() - t
    if p.returncode != 0:
        raise RuntimeError(f"bench child {args[0]} failed ({p.returncode}):\n{err[-3000:]}")
    rss = 0.0
    for line in out.splitlines():
        if line.startswith("maxrss_kb "):
            rss = int(line.split()[1]) / 1024
    return ChildResult(wall, rss, out)


def exponent(t_small: float, t_big: float, size_small: float, size_big: float) -> float:
    """Growth exponent k in t ~ size^k between two scales (1.0 = linear)."""
    return math.log(t_big / t_small) / math.log(size_big / size_small)


def fmt(v: float, unit: str) -> str:
    if unit == "MB":
        return f"{v:,.0f} MB"
    if v < 0.01:
        return f"{v * 1e3:.2f} ms"
    if v < 1:
        return f"{v * 1e3:.0f} ms"
    return f"{v:.2f} s"
