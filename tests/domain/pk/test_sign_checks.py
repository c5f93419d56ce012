"""Before the irreversible signature: what blocks (date, names, rows) and what is only asked
about (anggaran "-", NIP, targets, place) - one PK missing each thing."""

from datetime import date

import pytest

from lkip_desktop.domain import pk as rules
from lkip_desktop.edits import pk as pks


@pytest.fixture
def draft(demo):
    pk_id, _ = pks.create_version(demo, "murni", tanggal=date(2024, 1, 2), tempat="Bekasi")
    pks.set_fields(demo, pk_id, {"pihak1_nama": "A", "pihak2_nama": "B", "pihak1_nip": "196610061986031008"})
    return demo, pk_id


def test_a_complete_draft_has_no_gaps(draft):
    svc, pk_id = draft
    assert rules.sign_problems(svc.wb, pk_id) == []
    assert rules.sign_gaps(svc.wb, pk_id) == []


@pytest.mark.parametrize("field, value, words", [
    ("tanggal", None, "tanggal"),
    ("pihak1_nama", "", "pihak pertama"),
    ("pihak2_nama", "", "pihak kedua"),
])
def test_blocking(draft, field, value, words):
    svc, pk_id = draft
    pks.set_field(svc, pk_id, field, value)
    assert any(words in p for p in rules.sign_problems(svc.wb, pk_id))


@pytest.mark.parametrize("field, value, words", [
    ("pihak1_nip", "", "NIP pihak pertama belum diisi"),
    ("tempat", "", "tempat"),
])
def test_asked_about_parties(draft, field, value, words):
    svc, pk_id = draft
    pks.set_field(svc, pk_id, field, value)
    assert rules.sign_problems(svc.wb, pk_id) == []
    assert any(words in g for g in rules.sign_gaps(svc.wb, pk_id))


def test_anggaran_dash_is_listed(draft):
    svc, pk_id = draft
    rows = svc.wb.pk_program_rows(pk_id)
    for row in rows:
        pks.set_row(svc, "pk_program", row.id, "anggaran", 0)
    gaps = rules.sign_gaps(svc.wb, pk_id)
    assert any(f"{len(rows)} dari {len(rows)}" in g and '"-"' in g for g in gaps), gaps


def test_empty_target_is_listed(draft):
    svc, pk_id = draft
    row = svc.wb.pk_sasaran_rows(pk_id)[0]
    pks.set_row(svc, "pk_sasaran", row.id, "target", "")
    gaps = rules.sign_gaps(svc.wb, pk_id)
    assert any("target 1 indikator" in g and row.indikator[:20] in g for g in gaps), gaps
