"""The fast subset of the reliability harness (reliability/): a few kills of the cheaper
operations and a few dozen hostile .lkip and .xlsx files. Zero findings expected.
The full run is ``python -m reliability --kills 1000 --cases 100000`` (docs/reliability.md)."""

from __future__ import annotations

import os

from reliability.run import run_all

KILLS = int(os.environ.get("LKIP_HARNESS_KILLS", "4"))
CASES = int(os.environ.get("LKIP_HARNESS_CASES", "30"))


def test_fast_harness_finds_nothing(tmp_path):
    results = run_all(tmp_path, kills=KILLS, cases=CASES, seed=int(os.environ.get("LKIP_SEED", "15")),
                      json_cases=0, operations=["edits", "sign", "import_json", "migrate"], edit_span=1.5)
    for figures in results:
        print(figures.line())
    assert [f.name for f in results] == ["kill loop", "lkip open", "xlsx import"]
    assert [f.cases for f in results] == [KILLS, CASES, CASES]
    assert results[0].outcomes["edits:acknowledged"] > 0, "the edit child acknowledged edits before its kill"
    assert sum(results[1].outcomes.values()) == CASES and results[1].outcomes["refused"] > 0
    findings = [(f.name, finding[:3]) for f in results for finding in f.findings]
    assert findings == []
