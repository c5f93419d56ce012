import pytest

from lkip_desktop.domain.errors import InputError
from lkip_desktop.domain.nip import format_nip, nip_problems, parse_nip


@pytest.mark.parametrize(
    "text, digits",
    [
        ("19661006 198603 1 008", "196610061986031008"),
        ("19660801.198803.1.001", "196608011988031001"),
        ("19770126 199703 1 003", "197701261997031003"),
        ("197701261997032003", "197701261997032003"),
        ("  19661006\u00a0198603 1 008 ", "196610061986031008"),
    ],
)
def test_parse_nip_ok(text, digits):
    assert nip_problems(text) == []
    assert parse_nip(text) == digits


def test_format_nip_round_trip():
    assert format_nip("196610061986031008") == "19661006 198603 1 008"
    assert format_nip("19661006 198603 1 008") == "19661006 198603 1 008"
    assert format_nip(parse_nip("19660801.198803.1.001")) == "19660801 198803 1 001"
    with pytest.raises(InputError):
        format_nip("123")


def test_tmt_month_13_flagged():
    problems = nip_problems("19661006 198613 1 008")
    assert len(problems) == 1 and "Bulan TMT CPNS" in problems[0]
    with pytest.raises(InputError, match="Bulan TMT CPNS"):
        parse_nip("19661006 198613 1 008")


@pytest.mark.parametrize(
    "text, fragment",
    [
        ("", "NIP kosong"),
        ("1966100619860310", "18 digit"),
        ("1966100619860310081", "18 digit"),
        ("19661006-198603-1-008", "hanya boleh berisi angka"),
        ("19661306 198603 1 008", "Tanggal lahir"),
        ("19660230 198603 1 008", "Tanggal lahir"),
        ("19661006 198603 3 008", "Digit ke-15"),
        ("19661006 196003 1 008", "TMT CPNS"),
    ],
)
def test_nip_problems(text, fragment):
    problems = nip_problems(text)
    assert any(fragment in p for p in problems), problems
    with pytest.raises(InputError) as e:
        parse_nip(text)
    assert e.value.field == "nip"


def test_several_problems_reported_together():
    problems = nip_problems("19661306 198613 3 008")
    assert len(problems) == 3
