"""The PK versions of a reference JSON: each sasaran row linked to its indicator and each
program row to its budget program, by kode first, then by normalised name; a version
without its date or parties is loaded unsigned. Every link and every miss is reported."""

from __future__ import annotations

import re
from datetime import date
from typing import Callable

from .report import ImportReport


def normalised(name) -> str:
    """A name as compared: case, spaces and punctuation do not matter."""
    return " ".join(re.sub(r"[^0-9a-z]+", " ", str(name or "").casefold()).split())


def program_name(name) -> str:
    """A program name without its leading word "Program" (PK tables often drop it)."""
    n = normalised(name)
    return n[len("program "):] if n.startswith("program ") else n


class Linker:
    """Finds a row's target by kode, then by (normalised) name; says how it matched."""

    def __init__(self, norm: Callable[[str], str] = normalised):
        self.norm = norm
        self.by_kode: dict[str, str] = {}
        self.by_name: dict[str, set[str]] = {}

    def add(self, target_id: str, kode: str | None, *names) -> None:
        if kode:
            self.by_kode.setdefault(kode.strip(), target_id)
        for n in names:
            if n:
                self.by_name.setdefault(self.norm(n), set()).add(target_id)

    def find(self, kode: str | None, name: str | None) -> tuple[str | None, str]:
        """(target id or None, how: "kode" / "nama" / the reason it was not found)."""
        if kode and kode.strip() in self.by_kode:
            return self.by_kode[kode.strip()], "kode"
        found = self.by_name.get(self.norm(name), set()) if name else set()
        if len(found) == 1:
            return next(iter(found)), "nama"
        if len(found) > 1:
            return None, f"nama cocok dengan {len(found)} baris"
        return None, f"kode '{kode}' dan nama tidak ditemukan" if kode else "nama tidak ditemukan"


def load_pk(insert: Callable[..., str], nip: Callable, versions: list[dict], indicators: Linker,
            programs: Linker, report: ImportReport) -> None:
    murni_by_program: dict[str, int] = {}
    for n, pk in enumerate(versions, 1):
        p1, p2 = pk.get("pihak_pertama") or {}, pk.get("pihak_kedua") or {}
        jenis = pk.get("jenis") or "murni"
        title = f"PK {jenis} ({n})"
        missing = [what for what, v in (("tanggal", pk.get("tanggal")), ("nama pihak pertama", p1.get("nama")),
                                         ("nama pihak kedua", p2.get("nama"))) if not v]
        if missing:
            report.peringatan.append(f"{title}: {', '.join(missing)} belum ada; dimuat sebagai BELUM ditandatangani.")
        pid = insert(
            "pk_version", jenis=jenis, tempat=pk.get("tempat") or "",
            tanggal=date.fromisoformat(pk["tanggal"]) if pk.get("tanggal") else None,
            pihak1_nama=p1.get("nama") or "", pihak1_jabatan=p1.get("jabatan") or "",
            pihak1_pangkat=p1.get("pangkat") or "", pihak1_golongan=p1.get("golongan") or "",
            pihak1_nip=nip(p1.get("nip")), pihak2_nama=p2.get("nama") or "",
            pihak2_jabatan=p2.get("jabatan") or "", ditandatangani=not missing, urut=n,
        )
        how: dict[str, int] = {}
        for i, s in enumerate(pk.get("sasaran") or [], 1):
            kode = (s.get("extra") or {}).get("kode_indikator")
            iid, via = indicators.find(kode, s.get("indikator"))
            _tally(report, how, via, iid, f"{title}, sasaran baris {i} '{(s.get('indikator') or '')[:60]}'")
            insert("pk_sasaran", pk_id=pid, sasaran=s.get("sasaran") or "", indikator=s.get("indikator") or "",
                   satuan=s.get("satuan") or "", target=str(s.get("target") or ""), indicator_id=iid, urut=i)
        _linked(report, title, "sasaran → indikator", how)
        how = {}
        for i, p in enumerate(pk.get("program") or [], 1):
            kode = (p.get("extra") or {}).get("kode_program")
            item_id, via = programs.find(kode, p.get("program"))
            _tally(report, how, via, item_id, f"{title}, program baris {i} '{(p.get('program') or '')[:60]}'")
            anggaran = int(p.get("anggaran") or 0)
            key = item_id or kode or p.get("program")
            murni = murni_by_program.get(key) if jenis == "perubahan" else None
            if jenis != "perubahan":
                murni_by_program[key] = anggaran
            insert("pk_program", pk_id=pid, program=p.get("program") or "", anggaran=anggaran,
                   anggaran_murni=murni, keterangan=p.get("keterangan") or "", item_id=item_id, urut=i)
        _linked(report, title, "program → anggaran", how)


def _tally(report: ImportReport, how: dict[str, int], via: str, target: str | None, where: str) -> None:
    if target is None:
        report.dilewati.append(f"{where}: tidak tertaut ({via}); dimuat tanpa tautan.")
        via = "tidak"
    how[via] = how.get(via, 0) + 1


def _linked(report: ImportReport, title: str, what: str, how: dict[str, int]) -> None:
    total = sum(how.values())
    if total:
        linked = total - how.get("tidak", 0)
        report.ditautkan.append(f"{title} {what}: {linked} dari {total} (menurut kode {how.get('kode', 0)}, "
                                f"menurut nama {how.get('nama', 0)})")
