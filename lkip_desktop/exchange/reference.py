"""Build a workbook from a published report's figures (the ``lkip-reference/1`` JSON of
shared/reference, format in its FORMAT.md).

The reference keeps figures *as printed*; a workbook keeps *inputs*. So a realisasi that
the report computed from komponen is not stored where the komponen and their formula are
(the app recomputes it), and printed capaian, totals and averages are never stored.
"""

from __future__ import annotations

import re
from datetime import date
from decimal import Decimal
from pathlib import Path

from ..domain import model as M
from ..domain.errors import InputError
from ..domain.nip import parse_nip
from ..domain.numbers import parse_number
from ..domain.values import Predikat, parse_indicator_value
from ..store.schema import TABLES
from ..store.service import WorkbookService
from .builder import NewWorkbook
from .reference_pk import Linker, load_pk, program_name
from .reference_schema import check_reference, parse_periode
from .report import NOT_LOADED_NO_HOME, ImportReport
from .validate import read_json_file

FORMAT = "lkip-reference/1"


class ReferenceBuilder:
    def __init__(self, data: dict):
        if not isinstance(data, dict) or data.get("format") != FORMAT:
            raise InputError(f"Berkas bukan data referensi LKIP (format '{FORMAT}').")
        check_reference(data)
        self.data = data
        self.book = NewWorkbook()
        self.ops = self.book.ops
        self.report = ImportReport()
        self.warnings = self.report.dilewati  # values that could not be read, links not found
        self.by_kode: dict[str, str] = {}
        self.by_nama: dict[str, str] = {}
        self.pending_links: list[tuple[str, list[str]]] = []
        self.tahun = data["tahun"]
        self.periode = parse_periode((data.get("renstra") or {}).get("periode"), self.tahun)
        self.indicators = Linker()
        self.programs = Linker(program_name)
        self.history: dict[str, int] = {}  # "target 2023" -> values loaded for years before tahun

    # -- helpers -----------------------------------------------------------------------
    def insert(self, table: str, **row) -> str:
        return self.book.insert(table, **row)

    @staticmethod
    def _dec(text) -> Decimal | None:
        if text is None or str(text).strip() in ("", "-"):
            return None
        return Decimal(str(text))  # reference decimals are dot strings

    def build(self) -> list:
        d = self.data
        self._profile(d)
        urut = 0
        for t in (d.get("renstra") or {}).get("tujuan") or []:
            urut += 1
            tid = self.insert("tujuan", kode=t.get("kode") or "", nama=t["nama"], urut=urut)
            self._indicators(t.get("indikator") or [], "tujuan", tid)
            for j, s in enumerate(t.get("sasaran") or [], 1):
                sid = self.insert("sasaran", tujuan_id=tid, kode=s.get("kode") or "", nama=s["nama"], urut=j)
                self._indicators(s.get("indikator") or [], "sasaran", sid)
        strategi = ((d.get("renstra") or {}).get("extra") or {}).get("strategi")
        if strategi:
            self.book.set("narasi", "teks", str(strategi), key=("renstra.strategi",))
        self._budget(d.get("anggaran") or {})
        self._links()
        load_pk(self.insert, self._nip, d.get("pk") or [], self.indicators, self.programs, self.report)
        for i, p in enumerate(d.get("prestasi") or [], 1):
            self.insert("prestasi", tanggal=date.fromisoformat(p["tanggal"]) if p.get("tanggal") else None,
                        uraian=p.get("uraian") or "", pemberi=p.get("pemberi") or "", urut=i)
        self._finish_report()
        return self.ops

    def _finish_report(self) -> None:
        r = self.report
        r.judul = f"Buku kerja tahun {self.tahun} dari data referensi ({self.data.get('format')})."
        r.count_loaded(self.book.counts, {t: TABLES[t].label for t in TABLES})
        for what, n in sorted(self.history.items()):
            r.dimuat.append(f"{n} nilai {what} (riwayat tahun sebelumnya)")
        for row in self.book.rows("pk_version"):
            state = "ditandatangani" if row["ditandatangani"] else "belum ditandatangani"
            r.dimuat.append(f"PK {row['jenis']}: tempat {row['tempat'] or '(kosong)'}, tanggal "
                            f"{row['tanggal'].isoformat() if row['tanggal'] else '(kosong)'}, {state}")
        for path in no_home_fields(self.data):
            r.dilewati.append(f"{path}: {NOT_LOADED_NO_HOME}.")

    def _profile(self, d: dict) -> None:
        opd, kepala, atasan = d.get("opd") or {}, (d.get("opd") or {}).get("kepala") or {}, \
            (d.get("opd") or {}).get("atasan") or {}
        values = {
            "nama": opd.get("nama"), "singkatan": opd.get("singkatan"),
            "kode": (opd.get("extra") or {}).get("kode_opd"), "kota": opd.get("kota"),
            "provinsi": opd.get("provinsi"), "kepala_nama": kepala.get("nama"),
            "kepala_jabatan": kepala.get("jabatan"), "kepala_pangkat": kepala.get("pangkat"),
            "kepala_golongan": kepala.get("golongan"), "kepala_nip": self._nip(kepala.get("nip")),
            "atasan_nama": atasan.get("nama"), "atasan_jabatan": atasan.get("jabatan"),
        }
        for f, v in values.items():
            if v:
                self.book.set("opd", f, v)
        awal, akhir = self.periode
        for f, v in (("tahun", self.tahun), ("renstra_awal", awal), ("renstra_akhir", akhir)):
            self.book.set("settings", f, v)
        # A published report with pagu perubahan was written after the APBD-P (RULES 6.3).
        has_perubahan = any(s.get("pagu_perubahan") for p in (d.get("anggaran") or {}).get("program") or []
                            for k in p.get("kegiatan") or [] for s in k.get("sub_kegiatan") or [])
        self.book.set("settings", "perubahan_berlaku", bool(has_perubahan))

    def _nip(self, text) -> str:
        if not text:
            return ""
        try:
            return parse_nip(text)
        except InputError as exc:
            self.warnings.append(f"NIP '{text}' tidak sah ({exc}); disimpan kosong.")
            return ""

    def _indicators(self, inds: list[dict], owner_kind: str, owner_id: str) -> None:
        for n, ind in enumerate(inds, 1):
            jenis = ind.get("jenis") or "angka"
            if jenis not in M.JENIS:
                jenis = "angka"
            rumus_k = ind.get("rumus_komponen") or ""
            extra = ind.get("extra") or {}
            iid = self.insert(
                "indicator", owner_kind=owner_kind, owner_id=owner_id, kode=ind.get("kode") or "",
                nama=ind["nama"], satuan=ind.get("satuan") or "", jenis=jenis,
                polaritas=ind.get("polaritas") or "positif", alasan=ind.get("alasan") or "",
                rumus=ind.get("rumus") or "", rumus_komponen=rumus_k, urut=n,
                penjelasan=extra.get("penjelasan") or "",
            )
            if owner_kind in ("tujuan", "sasaran"):
                self.indicators.add(iid, ind.get("kode"), ind["nama"])
            komponen = ind.get("komponen") or {}
            for tahun, text in (ind.get("target") or {}).items():
                self._value(iid, int(tahun), M.TARGET, text, jenis)
            for tahun, text in (ind.get("realisasi") or {}).items():
                tahun = int(tahun)
                if komponen and rumus_k and tahun == self.tahun and jenis != "predikat":
                    continue  # computed from komponen: storing the printed, rounded value would be a second truth
                self._value(iid, tahun, M.REALISASI, text, jenis)
            for name, text in komponen.items():
                v = self._dec(text)
                if v is not None:
                    self.insert("komponen", indicator_id=iid, tahun=self.tahun, nama=name, nilai=v)
            if ind.get("didukung_oleh"):
                self.pending_links.append((iid, list(ind["didukung_oleh"])))

    def _value(self, iid: str, tahun: int, jenis_nilai: str, text, jenis: str) -> None:
        if text is None:
            return
        try:
            v = _reference_value(str(text), jenis)
        except InputError as exc:
            self.warnings.append(f"Nilai '{text}' dilewati: {exc}")
            return
        if v is not None:
            self.insert("indicator_value", indicator_id=iid, tahun=tahun, jenis_nilai=jenis_nilai,
                        periode=M.ANNUAL, nilai=v)
            if tahun < self.tahun:
                what = f"{jenis_nilai} {tahun}"
                self.history[what] = self.history.get(what, 0) + 1

    def _budget(self, anggaran: dict) -> None:
        for i, p in enumerate(anggaran.get("program") or [], 1):
            pid = self._item("program", None, p, i)
            for j, k in enumerate(p.get("kegiatan") or [], 1):
                kid = self._item("kegiatan", pid, k, j)
                for m, s in enumerate(k.get("sub_kegiatan") or [], 1):
                    self._item("sub_kegiatan", kid, s, m)

    def _item(self, level: str, parent: str | None, src: dict, urut: int) -> str:
        row = dict(level=level, parent_id=parent, kode=src.get("kode") or "", nama=src["nama"], urut=urut)
        satuan = ""
        for ind in src.get("indikator") or []:
            satuan = satuan or (ind.get("satuan") or "")
        if level == "sub_kegiatan":
            row.update(sumber_dana=src.get("sumber_dana") or "APBD",
                       pagu_murni=int(src.get("pagu_murni") or 0),
                       pagu_perubahan=int(src.get("pagu_perubahan") or 0),
                       realisasi=None if src.get("realisasi") is None else int(src["realisasi"]),
                       satuan_fisik=satuan)
        iid = self.insert("budget_item", **row)
        if row["kode"]:
            self.by_kode[row["kode"]] = iid
        if level == "program":
            extra = src.get("extra") or {}
            self.programs.add(iid, row["kode"], row["nama"],
                              *(v for k, v in extra.items() if k.startswith("nama_") and isinstance(v, str)))
        # A program's own quarterly plan in rupiah (SETDA Tabel 2.5), where the report has one.
        for tw, amount in enumerate((src.get("extra") or {}).get("alokasi_triwulan") or [], 1):
            if amount is not None:
                self.insert("budget_quarter", item_id=iid, triwulan=tw, target_keuangan=int(amount))
        self.by_nama.setdefault(row["nama"].strip().lower(), iid)
        self._indicators(src.get("indikator") or [], level, iid)
        for tw, q in enumerate(src.get("triwulan") or [], 1):
            self._quarter(iid, tw, q, row["nama"])
        return iid

    def _quarter(self, iid: str, tw: int, q: dict, nama: str) -> None:
        row = {"item_id": iid, "triwulan": tw}
        for f in ("target_fisik", "realisasi_fisik"):
            v = _leading_number(q.get(f))
            if q.get(f) and v is None:
                self.warnings.append(f"{nama} TW {tw}: fisik '{q.get(f)}' tidak terbaca; dilewati.")
            row[f] = v
        row["target_keuangan_persen"] = self._dec(q.get("target_keuangan_persen"))
        row["realisasi_keuangan_persen"] = self._dec(q.get("realisasi_keuangan_persen"))
        if any(v is not None for k, v in row.items() if k not in ("item_id", "triwulan")):
            self.insert("budget_quarter", **row)

    def _links(self) -> None:
        for iid, refs in self.pending_links:
            seen = set()
            for ref in refs:
                target = self.by_kode.get(ref) or self.by_nama.get(str(ref).strip().lower())
                if target is None:
                    self.warnings.append(f"Dukungan '{ref}' tidak ditemukan di pohon anggaran.")
                elif target not in seen:
                    seen.add(target)
                    self.insert("dukungan", indicator_id=iid, item_id=target)


def _reference_value(text: str, jenis: str):
    """Reference figures are dot-decimal strings ("89.414" is 89,414, not 89.414 in id-ID
    grouping); predikat values ("A", "A (82.04)") go through the predikat parser."""
    try:
        value = Decimal(text.strip())
    except ArithmeticError:
        return parse_indicator_value(text, jenis)
    if not value.is_finite():
        raise InputError(f"'{text}' bukan angka yang sah.")
    return value


_NUM = re.compile(r"^\s*(\(?[-−]?[\d.,]+\)?)\s*(.*)$")


def _leading_number(text) -> Decimal | None:
    """'6 Dokumen' -> 6; '1368 OB' -> 1368; '100%' -> 100."""
    if text is None:
        return None
    m = _NUM.match(str(text))
    if not m:
        return None
    try:
        return parse_number(m.group(1))
    except InputError:
        return None


def no_home_fields(data: dict) -> list[str]:
    """JSON paths of figures the workbook has no place for yet: evaluation-component
    weights (bobot) and program groups (kelompok)."""
    out: list[str] = []

    def walk(v, path: str) -> None:
        if isinstance(v, dict):
            for k, x in v.items():
                p = f"{path}.{k}" if path else k
                if k.startswith(("bobot", "kelompok")) and x not in (None, "", [], {}):
                    out.append(p)
                elif k not in ("discrepancies", "tercetak", "notes"):
                    walk(x, p)
        elif isinstance(v, list):
            for i, x in enumerate(v):
                walk(x, f"{path}[{i}]")

    walk(data, "")
    return out


def import_reference(json_path: Path | str, out_path: Path | str) -> tuple[WorkbookService, ImportReport]:
    """Create a new workbook at ``out_path`` from a reference JSON. Returns the open service
    and the import report (loaded, linked, skipped and why, warnings)."""
    data = read_json_file(json_path, "Berkas referensi")
    builder = ReferenceBuilder(data)
    builder.build()
    awal, akhir = builder.periode
    svc = builder.book.write(out_path, "Impor data laporan referensi", tahun=builder.tahun,
                             renstra_awal=awal, renstra_akhir=akhir)
    return svc, builder.report


__all__ = ["import_reference", "ReferenceBuilder", "Predikat", "no_home_fields"]
