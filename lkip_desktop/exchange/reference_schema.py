"""The schema check of a reference JSON (``lkip-reference/1``, shared/reference/FORMAT.md)
before any op is built. The format is lenient (fields may be absent or null), so this checks
the types and ranges of what is there, and names every problem by its JSON path."""

from __future__ import annotations

import re

from ..domain.errors import InputError
from .validate import YEAR_MAX, YEAR_MIN, Checker, child, type_name

_PERIOD = re.compile(r"\s*(\d{4})\s*(?:[-–—]|s\.?\s*d\.?)\s*(\d{4})\s*")
_PERSON = ("nama", "jabatan", "pangkat", "golongan", "nip")
_IND_TEXTS = ("kode", "satuan", "jenis", "alasan", "rumus", "rumus_komponen")


def parse_periode(v, tahun: int) -> tuple[int, int]:
    """``renstra.periode``: [2019, 2023], "2019-2023", "2019 - 2023", "2019–2023"; absent: the year."""
    if v is None:
        return tahun, tahun
    if isinstance(v, str):
        m = _PERIOD.fullmatch(v)
        if not m:
            raise InputError(f"'{v[:40]}' bukan periode (mis. \"2019-2023\" atau [2019, 2023])")
        awal, akhir = int(m.group(1)), int(m.group(2))
    elif isinstance(v, list) and len(v) == 2 and all(type(x) is int for x in v):
        awal, akhir = v
    else:
        raise InputError(f"harus periode (mis. \"2019-2023\" atau [2019, 2023]), bukan {type_name(v)}")
    if not (YEAR_MIN <= awal <= YEAR_MAX and YEAR_MIN <= akhir <= YEAR_MAX):
        raise InputError(f"tahun periode di luar batas ({YEAR_MIN}..{YEAR_MAX})")
    if akhir < awal:
        raise InputError("tahun akhir harus sesudah tahun awal")
    return awal, akhir


def check_reference(data: dict) -> None:
    """Refuse (InputError listing every problem) a reference JSON the loader cannot trust."""
    c = Checker("data referensi")
    c.year(data, "tahun", "", required=True)
    opd = c.obj(data.get("opd"), "opd")
    for f in ("nama", "singkatan", "kota", "provinsi"):
        c.text(opd, f, "opd")
    for who in ("kepala", "atasan"):
        _person(c, opd.get(who), child("opd", who))
    c.text(c.obj(opd.get("extra"), "opd.extra"), "kode_opd", "opd.extra")
    renstra = c.obj(data.get("renstra"), "renstra")
    if type(data.get("tahun")) is int:
        try:
            parse_periode(renstra.get("periode"), data["tahun"])
        except InputError as exc:
            c.bad("renstra.periode", str(exc))
    c.text(c.obj(renstra.get("extra"), "renstra.extra"), "strategi", "renstra.extra")
    for p, t in c.items(renstra.get("tujuan"), "renstra.tujuan"):
        _named(c, t, p)
        _indicators(c, t, p)
        for ps, s in c.items(t.get("sasaran"), child(p, "sasaran")):
            _named(c, s, ps)
            _indicators(c, s, ps)
    anggaran = c.obj(data.get("anggaran"), "anggaran")
    for p, prog in c.items(anggaran.get("program"), "anggaran.program"):
        _item(c, prog, p)
        for pk_, keg in c.items(prog.get("kegiatan"), child(p, "kegiatan")):
            _item(c, keg, pk_)
            for ps, sub in c.items(keg.get("sub_kegiatan"), child(pk_, "sub_kegiatan")):
                _item(c, sub, ps)
                _sub(c, sub, ps)
    for p, pk in c.items(data.get("pk"), "pk"):
        _pk(c, pk, p)
    for p, pr in c.items(data.get("prestasi"), "prestasi"):
        c.iso_date(pr.get("tanggal"), child(p, "tanggal"))
        c.text(pr, "uraian", p)
        c.text(pr, "pemberi", p)
    c.raise_if_any()


def _person(c: Checker, v, path: str) -> None:
    person = c.obj(v, path)
    for f in _PERSON:
        c.text(person, f, path)


def _named(c: Checker, d: dict, p: str) -> None:
    c.text(d, "kode", p)
    c.text(d, "nama", p, required=True)


def _item(c: Checker, d: dict, p: str) -> None:
    _named(c, d, p)
    _indicators(c, d, p)
    extra = c.obj(d.get("extra"), child(p, "extra"))
    c.text(extra, "nama_pk", child(p, "extra"))
    plan = extra.get("alokasi_triwulan")
    if plan is not None:
        pp = child(p, "extra.alokasi_triwulan")
        if not isinstance(plan, list) or len(plan) > 4:
            c.bad(pp, "harus daftar paling banyak 4 angka rupiah")
        else:
            for i, v in enumerate(plan):
                if v is not None:
                    c.int_value(v, child(pp, i))


def _sub(c: Checker, d: dict, p: str) -> None:
    c.text(d, "sumber_dana", p)
    for f in ("pagu_murni", "pagu_perubahan", "realisasi"):
        c.rupiah(d, f, p)
    quarters = d.get("triwulan")
    if isinstance(quarters, list) and len(quarters) > 4:
        c.bad(child(p, "triwulan"), f"paling banyak 4 triwulan, ada {len(quarters)}")
    for pq, q in c.items(quarters, child(p, "triwulan")):
        for f in ("target_fisik", "realisasi_fisik"):
            if q.get(f) is not None and (isinstance(q[f], bool) or not isinstance(q[f], (str, int))):
                c.bad(child(pq, f), f"harus teks, bukan {type_name(q[f])}")
        for f in ("target_keuangan_persen", "realisasi_keuangan_persen"):
            c.decimal_text(q.get(f), child(pq, f))


def _indicators(c: Checker, owner: dict, path: str) -> None:
    for p, ind in c.items(owner.get("indikator"), child(path, "indikator")):
        c.text(ind, "nama", p, required=True)
        for f in _IND_TEXTS:
            c.text(ind, f, p)
        c.text(ind, "polaritas", p, choices=("positif", "negatif"))
        for f in ("target", "realisasi", "capaian_tercetak"):
            by_year = c.obj(ind.get(f), child(p, f))
            for year, v in by_year.items():
                py = child(child(p, f), year)
                if not re.fullmatch(r"\d{4}", year) or not YEAR_MIN <= int(year) <= YEAR_MAX:
                    c.bad(py, f"kunci harus tahun {YEAR_MIN}..{YEAR_MAX}")
                elif v is not None and (isinstance(v, bool) or not isinstance(v, (str, int))):
                    c.bad(py, f"harus teks, bukan {type_name(v)}")
                elif isinstance(v, int) and abs(v) >= 10**12:
                    c.bad(py, f"{v} di luar batas angka yang wajar")
        for name, v in c.obj(ind.get("komponen"), child(p, "komponen")).items():
            c.decimal_text(v, child(child(p, "komponen"), name))
        refs = ind.get("didukung_oleh")
        if refs is not None and not (isinstance(refs, list) and all(isinstance(r, str) for r in refs)):
            c.bad(child(p, "didukung_oleh"), "harus daftar teks (kode atau nama)")
        c.text(c.obj(ind.get("extra"), child(p, "extra")), "penjelasan", child(p, "extra"))


def _pk(c: Checker, pk: dict, p: str) -> None:
    c.text(pk, "jenis", p, choices=("murni", "perubahan"))
    c.text(pk, "tempat", p)
    c.iso_date(pk.get("tanggal"), child(p, "tanggal"))
    _person(c, pk.get("pihak_pertama"), child(p, "pihak_pertama"))
    _person(c, pk.get("pihak_kedua"), child(p, "pihak_kedua"))
    c.rupiah(pk, "total_anggaran", p)
    for ps, s in c.items(pk.get("sasaran"), child(p, "sasaran")):
        for f in ("sasaran", "indikator", "satuan"):
            c.text(s, f, ps)
        if s.get("target") is not None and (isinstance(s["target"], bool) or not isinstance(s["target"], (str, int))):
            c.bad(child(ps, "target"), f"harus teks, bukan {type_name(s['target'])}")
        c.text(c.obj(s.get("extra"), child(ps, "extra")), "kode_indikator", child(ps, "extra"))
    for pp, prog in c.items(pk.get("program"), child(p, "program")):
        c.text(prog, "program", pp)
        c.text(prog, "keterangan", pp)
        c.rupiah(prog, "anggaran", pp)
        c.text(c.obj(prog.get("extra"), child(pp, "extra")), "kode_program", child(pp, "extra"))
