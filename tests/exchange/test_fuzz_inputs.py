"""Fuzzing the JSON inputs: one field of the demo's workbook JSON or of the reference JSON
set to a wrong value (or deleted) gives either a clean import or an InputError/StoreError
with a message, never another exception and never a half-made file.

Fast in the suite; a full run: LKIP_FUZZ_EXAMPLES=100000 pytest tests/exchange/test_fuzz_inputs.py
"""

from __future__ import annotations

import copy
import json
import os
import tempfile
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from lkip_desktop.domain.errors import InputError
from lkip_desktop.exchange import jsonio
from lkip_desktop.exchange.reference import import_reference
from lkip_desktop.store.database import StoreError

from reliability.jsoncorpus import places as json_places

from ..conftest import REFERENCE

EXAMPLES = int(os.environ.get("LKIP_FUZZ_EXAMPLES", "60"))
DELETE_KEY, DELETE_ID = object(), object()
MUTATIONS = [1, "abc", {}, [], None, 2**63, "2024_x", -1, "", DELETE_KEY, DELETE_ID]


def mutate(doc, where, value):
    doc = copy.deepcopy(doc)
    parent = doc
    for k in where[0]:
        parent = parent[k]
    key = where[1]
    if value is DELETE_ID:
        if isinstance(parent, dict):
            parent.pop("id", None)
    elif value is DELETE_KEY:
        parent.pop(key) if isinstance(parent, dict) else parent.pop(key)
    else:
        parent[key] = value
    return doc


def run_import(doc, importer) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        src, out = Path(tmp) / "in.json", Path(tmp) / "out.lkip"
        src.write_text(json.dumps(doc), encoding="utf-8")
        try:
            svc = importer(src, out)
        except (InputError, StoreError) as exc:
            assert str(exc).strip(), "a refusal says why"
            assert not out.exists(), "a refused import leaves no file"
            return
        with svc:
            svc.calc.opd_average()  # the workbook it made can be read and computed


@pytest.fixture(scope="module")
def workbook_json(_demo_master, tmp_path_factory) -> dict:
    from lkip_desktop.store.service import WorkbookService

    out = tmp_path_factory.mktemp("fuzz") / "demo.json"
    with WorkbookService.open_snapshot(_demo_master) as svc:
        jsonio.export_json(svc, out)
    return json.loads(out.read_text(encoding="utf-8"))


@pytest.fixture(scope="module")
def reference_json() -> dict:
    return json.loads(REFERENCE.read_text(encoding="utf-8"))


def _fuzz(doc, importer):
    places = list(json_places(doc))

    @settings(max_examples=EXAMPLES, deadline=None, derandomize=EXAMPLES <= 1000,
              suppress_health_check=list(HealthCheck))
    @given(st.sampled_from(places), st.sampled_from(MUTATIONS))
    def one(where, value):
        run_import(mutate(doc, where, value), importer)

    one()


def test_fuzz_workbook_json(workbook_json):
    _fuzz(workbook_json, jsonio.import_json)


def test_fuzz_reference_json(reference_json):
    _fuzz(reference_json, lambda src, out: import_reference(src, out)[0])


@pytest.mark.parametrize("where, value, message", [
    ((("tujuan", 0), "nama"), 1, "tujuan[0].nama: harus teks"),
    ((("settings",), "tahun"), 2**63, "settings.tahun"),
    ((("settings",), "tahun"), "2024_x", "settings.tahun: harus bilangan bulat"),
    ((("budget_item", 0), "parent_id"), {}, "budget_item[0].parent_id: harus teks"),
    ((("tujuan", 0), "id"), DELETE_KEY, "tujuan[0].id: wajib ada"),
    ((("indicator", 0), "owner_kind"), {}, "indicator[0].owner_kind: harus teks"),  # found by the harness
    ((("komponen", 0), "nama"), "\x00", "komponen[0].nama: berisi karakter kendali"),  # found by the harness
    ((("tujuan", 0), "nama"), "\ud800", "tujuan[0].nama: berisi karakter yang tidak sah"),
    ((("komponen", 0), "nama"), "a\udfff", "komponen[0].nama: berisi karakter yang tidak sah"),
])
def test_workbook_json_damage_is_named_by_its_path(workbook_json, where, value, message):
    doc = mutate(workbook_json, where, value)
    with tempfile.TemporaryDirectory() as tmp:
        src = Path(tmp) / "in.json"
        src.write_text(json.dumps(doc), encoding="utf-8")
        with pytest.raises(InputError, match=message.replace("[", r"\[").replace("]", r"\]")):
            jsonio.import_json(src, Path(tmp) / "out.lkip")
        assert not (Path(tmp) / "out.lkip").exists()


def test_budget_parent_cycle_is_refused(workbook_json):
    doc = copy.deepcopy(workbook_json)
    a, b = doc["budget_item"][0], doc["budget_item"][1]
    a["parent_id"], b["parent_id"] = b["id"], a["id"]
    with tempfile.TemporaryDirectory() as tmp:
        src = Path(tmp) / "in.json"
        src.write_text(json.dumps(doc), encoding="utf-8")
        with pytest.raises(InputError, match="lingkaran"):
            jsonio.import_json(src, Path(tmp) / "out.lkip")


@pytest.mark.parametrize("where, value, message", [
    ((("renstra", "tujuan"), 0), 1, r"renstra.tujuan\[0\]: harus objek"),
    ((("anggaran", "program", 0, "kegiatan", 0, "sub_kegiatan", 0, "triwulan", 0), "target_keuangan_persen"),
     "abc", "target_keuangan_persen: 'abc' bukan angka"),
    (((), "tahun"), "2024_x", "tahun: harus bilangan bulat"),
    (((), "tahun"), 2**63, "tahun: .* di luar batas"),
    ((("pk", 0), "tanggal"), "kemarin", r"pk\[0\].tanggal: 'kemarin' bukan tanggal"),
    ((("renstra", "tujuan", 0, "indikator", 0), "satuan"), "\ud800",
     r"renstra.tujuan\[0\].indikator\[0\].satuan: berisi karakter yang tidak sah"),  # found by the harness
])
def test_reference_damage_is_named_by_its_path(reference_json, where, value, message):
    doc = mutate(reference_json, where, value)
    with tempfile.TemporaryDirectory() as tmp:
        src = Path(tmp) / "in.json"
        src.write_text(json.dumps(doc), encoding="utf-8")
        with pytest.raises(InputError, match=message):
            import_reference(src, Path(tmp) / "out.lkip")
        assert not (Path(tmp) / "out.lkip").exists()


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="named pipes are POSIX")
@pytest.mark.parametrize("importer, message", [
    (jsonio.import_json, "Berkas JSON tidak terbaca"),
    (lambda src, out: import_reference(src, out)[0], "Berkas referensi tidak terbaca"),
])
def test_a_pipe_given_as_json_is_refused_not_waited_on(tmp_path, importer, message):
    """A named pipe given as the JSON (a reader would wait for a writer forever)."""
    pipe = tmp_path / "masukan.json"
    os.mkfifo(pipe)
    with ThreadPoolExecutor(1) as pool:
        future = pool.submit(importer, pipe, tmp_path / "hasil.lkip")
        try:
            with pytest.raises(InputError, match=f"{message}: 'masukan.json' bukan berkas biasa"):
                future.result(timeout=20)
        finally:
            if not future.done():  # the old behaviour: free the blocked reader so the test ends
                os.close(os.open(pipe, os.O_WRONLY | os.O_NONBLOCK))
    assert sorted(p.name for p in tmp_path.iterdir()) == ["masukan.json"]
