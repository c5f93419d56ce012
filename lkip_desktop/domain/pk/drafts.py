"""The rows a new PK starts from, built from the workbook: its IKU (or a unit's indicators)
with the year's targets, and its programs (or a unit's children) with their pagu."""

from __future__ import annotations

from dataclasses import dataclass

from ..compute import Calculator
from ..model import Workbook
from ..values import value_to_text


@dataclass(frozen=True)
class SasaranDraft:
    sasaran: str
    indikator: str
    satuan: str
    target: str
    indicator_id: str | None


@dataclass(frozen=True)
class ProgramDraft:
    program: str
    anggaran: int
    anggaran_murni: int | None
    keterangan: str
    item_id: str | None


def sasaran_drafts(wb: Workbook, tahun: int | None = None, unit_id: str | None = None) -> list[SasaranDraft]:
    """One row per IKU, in Renstra order, with its target of the year (RULES §9); for a
    lower-level PK one row per indicator of the program/kegiatan ``unit_id``."""
    tahun = tahun or wb.settings.tahun
    out = []
    if unit_id is not None:
        unit = wb.items[unit_id]
        return [SasaranDraft(unit.nama, ind.nama, ind.satuan, value_to_text(ind.target(tahun)) or "", ind.id)
                for ind in wb.indicators_of(unit_id)]
    for s in wb.sasaran_list():
        for ind in wb.indicators_of(s.id):
            out.append(SasaranDraft(s.nama, ind.nama, ind.satuan, value_to_text(ind.target(tahun)) or "", ind.id))
    return out


def program_drafts(wb: Workbook, calc: Calculator, jenis: str, unit_id: str | None = None) -> list[ProgramDraft]:
    """One row per program of the budget tree: pagu murni for a PK, pagu perubahan (with the
    murni beside it) for a PK Perubahan; keterangan = the sumber dana of its sub kegiatan.
    For a lower-level PK: one row per kegiatan of the program (per sub kegiatan of the
    kegiatan) ``unit_id``."""
    out = []
    for prog in (wb.children(unit_id) if unit_id is not None else wb.programs()):
        t = calc.totals(prog.id)
        sumber = sorted({leaf.sumber_dana.strip() for leaf in wb.leaves_under(prog.id) if leaf.sumber_dana.strip()})
        ket = "/".join(sumber) if sumber else (prog.sumber_dana or "APBD")
        if jenis == "perubahan":
            out.append(ProgramDraft(prog.nama, t.pagu_perubahan, t.pagu_murni, ket, prog.id))
        else:
            out.append(ProgramDraft(prog.nama, t.pagu_murni, None, ket, prog.id))
    return out
