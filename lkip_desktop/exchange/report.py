"""What an import did, in lines for the user: loaded, linked, skipped (with the reason) and
warnings. Every import (JSON, reference, carry-over, history) ends with one of these."""

from __future__ import annotations

from dataclasses import dataclass, field

NOT_LOADED_NO_HOME = "tidak dimuat: belum ada tempatnya di buku kerja"


@dataclass
class ImportReport:
    judul: str = ""
    dimuat: list[str] = field(default_factory=list)
    ditautkan: list[str] = field(default_factory=list)
    dilewati: list[str] = field(default_factory=list)  # each line says why
    peringatan: list[str] = field(default_factory=list)

    # Section titles, in the order of the fields above (carry-over says "Dibawa").
    HEADINGS = ("Dimuat:", "Ditautkan:", "Dilewati / tidak dimuat:", "Perhatian:")

    def sections(self) -> list[tuple[str, list[str]]]:
        return list(zip(self.HEADINGS, (self.dimuat, self.ditautkan, self.dilewati, self.peringatan)))

    def text(self) -> str:
        out = [self.judul] if self.judul else []
        for heading, lines in self.sections():
            if lines:
                out += ["", heading] + [f"  • {s}" for s in lines]
        return "\n".join(out).strip()

    def count_loaded(self, counts: dict[str, int], labels: dict[str, str]) -> None:
        """One 'dimuat' line per table with rows, e.g. '12 Indikator'."""
        for table, n in counts.items():
            if n:
                self.dimuat.append(f"{n} {labels.get(table, table)}")
