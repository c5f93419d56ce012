"""Build a workbook from a published report's figures (the ``lkip-reference/1`` JSON of
shared/reference, format in its FORMAT.md).

The reference keeps figures *as printed*; a workbook keeps *inputs*. So a realisasi that
the report computed from komponen is not stored where the komponen and their formula are
(the app recomputes it), and printed capaian, totals and averages are never stored.
"""

from __future__ import annotations

import json
import re
from datetime import date
from decimal import Decimal
from pathlib import Path

from ..domain import model as M
from ..domain.errors import InputError
from ..domain.nip import parse_nip
from ..domain.numbers import parse_number
from ..domain.values import Predikat, parse_indicator_value
from ..store.ops import InsertOp
from ..store.service import WorkbookService
from .builder import NewWorkbook

FORMAT = "lkip-reference/1"


class ReferenceBuilder:
    def __init__(self, data: dict):
        if not isinstance(data, dict) or data.get("format") != FORMAT:
            raise InputError(f"Berkas bukan data referensi LKIP (format '{FORMAT}').")
        self.data = data
        self.book = NewWorkbook()
        self.ops = self.book.ops
        self.warnings: list[str] = []
        self.by_kode: dict[str, str] = {}
        self.by_nama: dict[str, str] = {}
        self.pending_links: list[tuple[str, list[str]]] = []
        self.tahun = int(data["tahun"])

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
        for t in d["renstra"].get("tujuan", []):
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
        self._pk(d.get("pk") or [])
        for i, p in enumerate(d.get("prestasi") or [], 1):
            self.insert("prestasi", tanggal=date.fromisoformat(p["tanggal"]) if p.get("tanggal") else None,
                        uraian=p.get("uraian") or "", pemberi=p.get("pemberi") or "", urut=i)
        return self.ops

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
        awal, akhir = (d.get("renstra") or {}).get("periode") or [self.tahun, self.tahun]
        for f, v in (("tahun", self.tahun), ("renstra_awal", int(awal)), ("renstra_akhir", int(akhir))):
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

    def _pk(self, versions: list[dict]) -> None:
        murni_by_program: dict[str, int] = {}
        for n, pk in enumerate(versions, 1):
            p1, p2 = pk.get("pihak_pertama") or {}, pk.get("pihak_kedua") or {}
            pid = self.insert(
                "pk_version", jenis=pk.get("jenis") or "murni", tempat=pk.get("tempat") or "",
                tanggal=date.fromisoformat(pk["tanggal"]) if pk.get("tanggal") else None,
                pihak1_nama=p1.get("nama") or "", pihak1_jabatan=p1.get("jabatan") or "",
                pihak1_pangkat=p1.get("pangkat") or "", pihak1_golongan=p1.get("golongan") or "",
                pihak1_nip=self._nip(p1.get("nip")), pihak2_nama=p2.get("nama") or "",
                pihak2_jabatan=p2.get("jabatan") or "", ditandatangani=True, urut=n,
            )
            for i, s in enumerate(pk.get("sasaran") or [], 1):
                kode = (s.get("extra") or {}).get("kode_indikator")
                self.insert("pk_sasaran", pk_id=pid, sasaran=s.get("sasaran") or "",
                            indikator=s.get("indikator") or "", satuan=s.get("satuan") or "",
                            target=str(s.get("target") or ""), indicator_id=self._indicator_by_kode(kode), urut=i)
            for i, p in enumerate(pk.get("program") or [], 1):
                kode = (p.get("extra") or {}).get("kode_program")
                anggaran = int(p.get("anggaran") or 0)
                key = kode or p.get("program")
                murni = murni_by_program.get(key) if pk.get("jenis") == "perubahan" else None
                if pk.get("jenis") != "perubahan":
                    murni_by_program[key] = anggaran
                self.insert("pk_program", pk_id=pid, program=p.get("program") or "", anggaran=anggaran,
                            anggaran_murni=murni, keterangan=p.get("keterangan") or "",
                            item_id=self.by_kode.get(kode) if kode else None, urut=i)

    def _indicator_by_kode(self, kode: str | None) -> str | None:
        if not kode:
            return None
        for op in self.ops:
            if isinstance(op, InsertOp) and op.table == "indicator" and op.row.get("kode") == kode:
                return op.row["id"]
        return None


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


def import_reference(json_path: Path | str, out_path: Path | str) -> tuple[WorkbookService, list[str]]:
    """Create a new workbook at ``out_path`` from a reference JSON. Returns the open service
    and the loader's warnings."""
    try:
        data = json.loads(Path(json_path).read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, json.JSONDecodeError) as exc:
        raise InputError(f"Berkas referensi tidak terbaca: {exc}") from exc
    builder = ReferenceBuilder(data)
    builder.build()
    periode = (data.get("renstra") or {}).get("periode") or [builder.tahun, builder.tahun]
    svc = builder.book.write(out_path, "Impor data laporan referensi", tahun=builder.tahun,
                             renstra_awal=int(periode[0]), renstra_akhir=int(periode[1]))
    return svc, builder.warnings


__all__ = ["import_reference", "ReferenceBuilder", "Predikat"]
