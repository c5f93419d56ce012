"""The fast subset of the reliability harness (reliability/): a few kills of the cheaper
operations and a few dozen hostile .lkip, .xlsx, workbook JSON and reference JSON files.
Zero findings expected. The full run is in docs/reliability.md."""

from __future__ import annotations

import json
import os
import random

import pytest

from reliability.bounded import BoundedWorker
from reliability.corpus import XlsxCorpus
from reliability.jsoncorpus import JsonCorpus
from reliability.run import make_inputs, run_all

KILLS = int(os.environ.get("LKIP_HARNESS_KILLS", "4"))
CASES = int(os.environ.get("LKIP_HARNESS_CASES", "30"))


@pytest.fixture(scope="module")
def work(tmp_path_factory):
    """One folder with the demo, its JSON and the xlsx seeds for every test here."""
    folder = tmp_path_factory.mktemp("harness")
    make_inputs(folder)
    return folder


def test_fast_harness_finds_nothing(work):
    results = run_all(work, kills=KILLS, cases=CASES, seed=int(os.environ.get("LKIP_SEED", "15")),
                      json_cases=0, operations=["edits", "sign", "import_json", "migrate"], edit_span=1.5,
                      whole_every=5)
    for figures in results:
        print(figures.line())
    assert [f.name for f in results] == ["kill loop", "lkip open", "xlsx import", "json import", "reference import"]
    assert [f.cases for f in results] == [KILLS] + [CASES] * 4
    assert results[0].outcomes["edits:acknowledged"] > 0, "the edit child acknowledged edits before its kill"
    assert sum(results[1].outcomes[o] for o in ("ok", "refused")) == CASES and results[1].outcomes["refused"] > 0
    for json_part in results[3:]:
        assert json_part.outcomes["refused"] > 0 and json_part.outcomes["ok"] > 0
        assert json_part.outcomes["imported whole"] > 0, "some damaged JSON was imported whole"
    findings = [(f.name, finding[:3]) for f in results for finding in f.findings]
    assert findings == []


def test_a_case_over_its_time_is_a_hang_and_the_rest_of_the_batch_still_runs(work):
    demo, _doc, _reference = make_inputs(work)
    worker = BoundedWorker(demo, timeout=30)
    # opening the demo takes longer than 2 ms: the first two cases are hangs by their own bound
    cases = [{"kind": "lkip", "path": str(demo), "timeout": 0.002}] * 2 + [{"kind": "lkip", "path": str(demo)},
                                                                          {"kind": "xlsx", "path": "nope.xlsx"}]
    try:
        worker.send(cases)
        outcomes = [a["outcome"] for a in worker.answers(cases)]
    finally:
        worker.close()
    assert outcomes == ["hang", "hang", "ok", "refused"]
    assert worker.restarts == 2


def test_the_corpora_damage_one_place_and_leave_their_seeds_alone(work, tmp_path):
    demo, doc, _reference = make_inputs(work)
    data = json.loads(doc.read_text(encoding="utf-8"))
    corpus, rng = JsonCorpus(data), random.Random(1)
    whats = {corpus.make(rng, tmp_path / "x.json").split("=")[0] for _ in range(60)}
    assert len(whats) > 30 and corpus.text == json.dumps(data), "the good document is never changed"
    from reliability.fuzz import xlsx_seeds

    xlsx = XlsxCorpus(xlsx_seeds(work, demo))
    before = [[dict((k, c.value) for k, c in ws._cells.items()) for ws in b.worksheets] for b in xlsx.books]
    for _ in range(10):
        xlsx.make(rng, tmp_path / "x.xlsx")
    after = [[dict((k, c.value) for k, c in ws._cells.items()) for ws in b.worksheets] for b in xlsx.books]
    assert before == after, "each cell mutation is undone on the parsed seed"
