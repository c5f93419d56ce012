"""``python -m reliability [--kills N] [--cases N] [--seed S] [--work DIR]``: the kill loop and
the fuzzers; prints the figures and exits 1 when anything was found.
The full run of issue 15: ``python -m reliability --kills 1000 --cases 100000``."""

from __future__ import annotations

import argparse
import sys
import tempfile
import time
from pathlib import Path

from .run import run_all


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m reliability", description=__doc__)
    parser.add_argument("--kills", type=int, default=1000, help="SIGKILLs in the kill loop (0: skip)")
    parser.add_argument("--cases", type=int, default=100000, help="cases per file input (0: skip)")
    parser.add_argument("--json-cases", type=int, default=1000,
                        help="examples of the hypothesis JSON tests (full imports, slower; 0: skip)")
    parser.add_argument("--inputs", default="lkip,xlsx,json,reference",
                        help="file inputs to fuzz (comma-separated: lkip,xlsx,json,reference)")
    parser.add_argument("--whole-every", type=int, default=20,
                        help="import every N-th damaged JSON whole (all are checked and turned into ops)")
    parser.add_argument("--progress", type=int, default=0, help="print the figures every N cases")
    parser.add_argument("--seed", type=int, default=15)
    parser.add_argument("--work", type=Path, default=None, help="folder for the cases and the findings")
    args = parser.parse_args(argv)
    work = args.work or Path(tempfile.mkdtemp(prefix="lkip-reliability-"))
    work.mkdir(parents=True, exist_ok=True)
    start = time.monotonic()
    results = run_all(work, kills=args.kills, cases=args.cases, seed=args.seed,
                      json_cases=args.json_cases, echo=True,
                      inputs=tuple(args.inputs.split(",")), whole_every=args.whole_every, progress=args.progress)
    found = sum(len(f.findings) for f in results)
    print(f"selesai dalam {time.monotonic() - start:.0f} s; {found} temuan; berkas kerja: {work}")
    return 1 if found else 0


if __name__ == "__main__":
    sys.exit(main())
