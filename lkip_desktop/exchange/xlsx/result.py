"""What a preview found: the matched rows with their changes, the problems, the ops to
apply, and how it reads for the user."""

from __future__ import annotations

from dataclasses import dataclass, field

from ...domain.numbers import format_rupiah
from ...domain.values import format_value
from ...store.ops import Op
from .cells import clipped
from .columns import FIELD_BY_KEY, IND_FIELD_BY_KEY, KOMPONEN_PREFIX
from .sheetdata import SheetData


@dataclass
class RowMatch:
    row: int  # 1-based sheet row
    kode: str
    nama: str  # as in the file
    item_id: str
    item_nama: str
    changes: list[tuple[str, object, object]] = field(default_factory=list)  # (field key, old, new)


@dataclass
class Problem:
    row: int
    kolom: str  # column letter ("" for the whole row)
    kode: str
    text: str  # the cell text or the row's name
    pesan: str  # Indonesian

    def __str__(self) -> str:
        where = f"baris {self.row}" + (f", kolom {self.kolom}" if self.kolom else "")
        what = f" ({clipped(self.kode)})" if self.kode else ""
        return f"{where}{what}: {self.pesan}"


@dataclass
class Preview:
    sheet: SheetData
    mapping: dict[str, int]
    matched: list[RowMatch] = field(default_factory=list)
    unmatched: list[Problem] = field(default_factory=list)  # kode not in the workbook: not imported
    ambiguous: list[Problem] = field(default_factory=list)  # kode on several items, or a parent row
    errors: list[Problem] = field(default_factory=list)  # values that do not parse: block the import
    blocking: list[str] = field(default_factory=list)  # whole-file reasons (wrong year, duplicate kode)
    ops: list[Op] = field(default_factory=list)
    jenis: str = "anggaran"  # or "indikator"
    triwulan: int | None = None  # the quarter a cumulative ("s.d.") column went into
    notes: list[str] = field(default_factory=list)  # how columns were read (cumulative, ignored)
    formulas: list[Problem] = field(default_factory=list)  # formula cells read from their cached value

    @property
    def ok(self) -> bool:
        return not self.errors and not self.blocking

    def refuse_other_year(self, tahun: int) -> None:
        """Block a sheet that states a year other than the workbook's."""
        if self.sheet.tahun is not None and self.sheet.tahun != tahun:
            self.blocking.append(f"Berkas ini untuk tahun {self.sheet.tahun}, sedangkan buku kerja untuk tahun "
                                 f"{tahun}. Pilih berkas tahun yang benar.")

    @property
    def n_changes(self) -> int:
        return sum(len(m.changes) for m in self.matched)

    def refusal(self) -> str:
        """One Indonesian message saying why the import cannot go ahead ('' when it can)."""
        lines = list(self.blocking)
        if self.errors:
            lines.append(f"{len(self.errors)} nilai tidak dapat dibaca:")
            lines += [f"  {p}" for p in self.errors[:20]]
            if len(self.errors) > 20:
                lines.append(f"  … dan {len(self.errors) - 20} lagi")
        if lines:
            lines.append("Tidak ada yang diimpor. Perbaiki berkasnya lalu coba lagi.")
        return "\n".join(lines)

    def report(self) -> str:
        out = [f"Lembar '{self.sheet.sheet}': {len(self.matched)} baris cocok, {self.n_changes} nilai berubah."]
        out += self.notes
        if self.formulas:
            out.append(f"{len(self.formulas)} sel berisi rumus; dipakai nilai tersimpannya (hasil terakhir Excel):")
            out += [f"  {p}" for p in self.formulas[:30]]
        if self.unmatched:
            what = "indikator" if self.jenis == "indikator" else "kode"
            out.append(f"{len(self.unmatched)} baris tidak cocok ({what} tidak ada di buku kerja; tidak diimpor):")
            out += [f"  {p}" for p in self.unmatched[:30]]
        if self.ambiguous:
            out.append(f"{len(self.ambiguous)} baris dilewati:")
            out += [f"  {p}" for p in self.ambiguous[:30]]
        refusal = self.refusal()
        if refusal:
            out.append(refusal)
        return "\n".join(out)


def format_change(key: str, old, new, jenis: str = "anggaran") -> str:
    if key.startswith(KOMPONEN_PREFIX):
        return f"Komponen {key[len(KOMPONEN_PREFIX):]}: {format_value(old, None)} → {format_value(new, None)}"
    if jenis == "indikator":
        return f"{IND_FIELD_BY_KEY[key].label}: {format_value(old, None)} → {format_value(new, None)}"
    f = FIELD_BY_KEY[key]
    return f"{f.label}: {format_rupiah(old) if isinstance(old, int) else '-'} → {format_rupiah(new)}"
