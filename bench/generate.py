"""Synthetic LKIP workbooks for benchmarks: N x the size of a large OPD.

1x = 500 sub kegiatan, 150 indicators, 4 quarters filled. The shape follows a real
Renstra/DPA: about n^(1/3) programs x n^(1/3) kegiatan each x n^(1/3) sub kegiatan each
(8 x 8 x 8 at 1x), tujuan -> sasaran with IKU (about 10 % of the indicators), one
indicator per tujuan, the rest on programs, kegiatan and sub kegiatan; a target for every
Renstra year, realisasi for the years so far (and per triwulan for IKU), a few composite
indicators (komponen + rumus_komponen), predikat and negative-polarity IKU, links IKU ->
sub kegiatan, and for every sub kegiatan pagu murni/perubahan/realisasi (rupiah ``int``)
with four quarters of fisik and keuangan (rupiah and %, ``Decimal``).

Deterministic: the same (scale, seed) gives the same rows (ids included; only the audit
timestamps differ). The rows are described with ``lkip_desktop.exchange.builder.NewWorkbook``
(the builder carry-over uses) and written the real way: ``WorkbookService.create_from``, one
``service.apply(ops)`` (one transaction, audit rows included).

    python -m bench.generate OUT.lkip --scale 10 [--seed 0]

Other benchmarks import ``generate(path, scale, seed)``; ``build_ops`` gives the ops
without writing (the bare-sqlite baseline of bench_core inserts the same rows).
"""

from __future__ import annotations

import argparse
import random
import sys
import time
import uuid
from dataclasses import dataclass, field
from decimal import Decimal
from pathlib import Path

from lkip_desktop.domain.values import Predikat
from lkip_desktop.exchange.builder import NewWorkbook

TAHUN = 2024
RENSTRA_AWAL = 2022
RENSTRA_AKHIR = 2026
BASE_SUB_KEGIATAN = 500
BASE_INDICATORS = 150

__all__ = ["generate", "build_ops", "Plan", "TAHUN", "RENSTRA_AWAL", "RENSTRA_AKHIR"]


@dataclass
class Plan:
    """What was generated (counts and a few ids the benchmarks use)."""

    scale: float
    seed: int
    book: NewWorkbook = field(default_factory=NewWorkbook)  # the ops, counted per table
    iku_ids: list[str] = field(default_factory=list)
    composite_ids: list[str] = field(default_factory=list)
    sub_ids: list[str] = field(default_factory=list)

    @property
    def ops(self) -> list:
        return self.book.ops

    @property
    def counts(self) -> dict[str, int]:
        return self.book.counts

    def rows(self, table: str) -> list[dict]:
        return self.book.rows(table)


def _split(total: int, parts: int) -> list[int]:
    """``total`` as ``parts`` near-equal non-negative ints (larger first)."""
    base, extra = divmod(total, parts)
    return [base + (1 if i < extra else 0) for i in range(parts)]


def _dec(cents: int) -> Decimal:
    """Hundredths as an exact Decimal (never through float)."""
    return Decimal(cents).scaleb(-2)


class _Builder:
    def __init__(self, scale: float, seed: int):
        if scale <= 0:
            raise ValueError("scale must be > 0")
        self.rng = random.Random(seed)
        self.plan = Plan(scale, seed, NewWorkbook(new_id=self.new_id))
        self.book = self.plan.book
        self.n_sub = max(1, round(BASE_SUB_KEGIATAN * scale))
        self.n_ind = max(5, round(BASE_INDICATORS * scale))
        self.fisik: dict[str, tuple[int, int]] = {}  # sub kegiatan -> (target, realisasi) fisik of the year

    # -- helpers ---------------------------------------------------------------------
    def new_id(self) -> str:
        return uuid.UUID(int=self.rng.getrandbits(128), version=4).hex

    def insert(self, table: str, **row) -> str | None:
        return self.book.insert(table, **row)

    def value(self, iid: str, tahun: int, jenis_nilai: str, periode: int, nilai) -> None:
        self.insert("indicator_value", indicator_id=iid, tahun=tahun, jenis_nilai=jenis_nilai,
                    periode=periode, nilai=nilai)

    # -- the workbook ------------------------------------------------------------------
    def build(self) -> Plan:
        rng = self.rng
        for f, v in (("nama", "Dinas Sintetis Kota Contoh"), ("singkatan", "DSKC"), ("kode", "9.99.0.00"),
                     ("kota", "Kota Contoh"), ("provinsi", "Jawa Barat"), ("kepala_nama", "Dr. Kepala Dinas, M.Si"),
                     ("kepala_jabatan", "Kepala Dinas"), ("kepala_pangkat", "Pembina Utama Muda"),
                     ("kepala_golongan", "IV/c"), ("kepala_nip", "197001012000031001"),
                     ("atasan_nama", "Wali Kota Contoh"), ("atasan_jabatan", "Wali Kota")):
            self.book.set("opd", f, v)

        # budget tree: ~n^(1/3) programs, ~n^(2/3) kegiatan, n sub kegiatan
        fan = self.n_sub ** (1 / 3)
        n_prog = max(1, round(fan))
        n_keg = max(n_prog, round(fan * fan))
        programs: list[str] = []
        kegiatan: list[str] = []
        subs_by_prog: list[list[str]] = []
        keg_per_prog = _split(n_keg, n_prog)
        sub_per_keg = _split(self.n_sub, n_keg)
        rng.shuffle(sub_per_keg)
        k_index = 0
        for p in range(n_prog):
            kode_p = f"9.99.{p + 1:02d}"
            pid = self.insert("budget_item", level="program", parent_id=None, kode=kode_p,
                              nama=f"Program Sintetis {p + 1}", urut=p + 1)
            programs.append(pid)
            subs_by_prog.append([])
            for k in range(keg_per_prog[p]):
                kode_k = f"{kode_p}.2.{k + 1:02d}"
                kid = self.insert("budget_item", level="kegiatan", parent_id=pid, kode=kode_k,
                                  nama=f"Kegiatan Sintetis {p + 1}.{k + 1}", urut=k + 1)
                kegiatan.append(kid)
                for s in range(sub_per_keg[k_index]):
                    sid = self._sub_kegiatan(kid, f"{kode_k}.{s + 1:04d}", f"Sub Kegiatan {p + 1}.{k + 1}.{s + 1}", s + 1)
                    subs_by_prog[p].append(sid)
                    self.plan.sub_ids.append(sid)
                k_index += 1

        # Renstra: tujuan -> sasaran -> IKU
        n_iku = max(1, round(self.n_ind * 0.10))
        n_sasaran = max(1, round(n_iku / 2.5))
        n_tujuan = max(1, round(n_sasaran / 2))
        tujuan_ids = []
        for t in range(n_tujuan):
            tid = self.insert("tujuan", kode=f"T{t + 1}", nama=f"Tujuan sintetis {t + 1}", urut=t + 1)
            tujuan_ids.append(tid)
            self._indicator("tujuan", tid, f"IT{t + 1}", 1)
        sasaran_ids = []
        per_tujuan = _split(n_sasaran, n_tujuan)
        for t, tid in enumerate(tujuan_ids):
            for j in range(per_tujuan[t]):
                sasaran_ids.append(self.insert("sasaran", tujuan_id=tid, kode=f"S{t + 1}.{j + 1}",
                                               nama=f"Sasaran strategis {t + 1}.{j + 1}", urut=j + 1))
        iku_per_sasaran = _split(n_iku, n_sasaran)
        n_composite = max(2, round(n_iku * 0.2))
        for s, sid in enumerate(sasaran_ids):
            for j in range(iku_per_sasaran[s]):
                n = len(self.plan.iku_ids)
                composite = n < n_composite
                jenis = "predikat" if n % 7 == 3 else ("persen" if n % 2 == 0 else "indeks")
                polaritas = "negatif" if n % 9 == 5 else "positif"
                iid = self._indicator("sasaran", sid, f"IKU {n + 1}", j + 1, jenis=jenis, polaritas=polaritas,
                                      composite=composite and jenis != "predikat", quarterly=True)
                self.plan.iku_ids.append(iid)

        # the rest: programs, kegiatan, sub kegiatan indicators
        rest = max(0, self.n_ind - n_iku - n_tujuan)
        n_p = min(n_prog, rest)
        n_k = min(n_keg, (rest - n_p) // 2)
        n_s = rest - n_p - n_k
        for i, pid in enumerate(programs[:n_p]):
            self._indicator("program", pid, f"IP{i + 1}", 1, jenis="persen")
        for i, kid in enumerate(rng.sample(kegiatan, n_k)):
            self._indicator("kegiatan", kid, f"IK{i + 1}", 1)
        for i, sid in enumerate(rng.sample(self.plan.sub_ids, min(n_s, len(self.plan.sub_ids)))):
            self._indicator("sub_kegiatan", sid, f"IS{i + 1}", 1, jenis="angka", fisik=self.fisik[sid])

        # IKU -> sub kegiatan: each program's sub kegiatan support one IKU (about 2 % support
        # nothing, as in real files); a few IKU are linked to a whole kegiatan instead.
        ikus = self.plan.iku_ids
        for p, subs in enumerate(subs_by_prog):
            for n, sid in enumerate(subs):
                if rng.random() < 0.02:
                    continue
                self.insert("dukungan", indicator_id=ikus[(p + n) % len(ikus)], item_id=sid)
        for n in range(0, len(ikus), 5):
            self.insert("dukungan", indicator_id=ikus[n], item_id=kegiatan[(n * 7) % len(kegiatan)])
        return self.plan

    def _sub_kegiatan(self, parent: str, kode: str, nama: str, urut: int) -> str:
        rng = self.rng
        murni = rng.randrange(50_000, 2_000_000) * 1000  # Rp 50 juta .. 2 miliar
        perubahan = murni * rng.randrange(85, 116) // 100 // 1000 * 1000
        realisasi = perubahan * rng.randrange(60, 100) // 100
        sid = self.insert("budget_item", level="sub_kegiatan", parent_id=parent, kode=kode, nama=nama,
                          sumber_dana="APBD" if rng.random() < 0.9 else "DAK", pagu_murni=murni,
                          pagu_perubahan=perubahan, realisasi=realisasi, satuan_fisik="Dokumen", urut=urut)
        target_fisik = rng.randrange(4, 40)
        fisik_split = _split(target_fisik, 4)
        real_fisik = [max(0, f - (1 if rng.random() < 0.3 else 0)) for f in fisik_split]
        self.fisik[sid] = (target_fisik, sum(real_fisik))
        shares = [rng.randrange(10, 40) for _ in range(4)]
        plan_split = [perubahan * s // sum(shares) for s in shares]
        plan_split[-1] += perubahan - sum(plan_split)
        real_split = [realisasi * s // sum(shares) for s in shares]
        real_split[-1] += realisasi - sum(real_split)
        for tw in range(4):
            self.insert(
                "budget_quarter", item_id=sid, triwulan=tw + 1,
                target_fisik=Decimal(fisik_split[tw]),
                realisasi_fisik=Decimal(real_fisik[tw]),
                target_keuangan=plan_split[tw], realisasi_keuangan=real_split[tw],
                target_keuangan_persen=_dec(plan_split[tw] * 10000 // perubahan) if perubahan else None,
                realisasi_keuangan_persen=_dec(real_split[tw] * 10000 // perubahan) if perubahan else None,
            )
        return sid

    def _indicator(self, owner_kind: str, owner_id: str, kode: str, urut: int, *, jenis: str = "persen",
                   polaritas: str = "positif", composite: bool = False, quarterly: bool = False,
                   fisik: tuple[int, int] | None = None) -> str:
        rng = self.rng
        rumus_k = ""
        if composite:
            rumus_k = "opd_predikat_a / jumlah_opd * 100" if jenis == "persen" else "(i1 + i2 + i3 + i4) / 4"
        iid = self.insert(
            "indicator", owner_kind=owner_kind, owner_id=owner_id, kode=kode,
            nama=f"Indikator sintetis {kode}", satuan={"persen": "%", "indeks": "Indeks", "predikat": "Predikat",
                                                       "angka": "Dokumen"}[jenis],
            jenis=jenis, polaritas=polaritas, rumus="Realisasi / Target x 100%" if not rumus_k else rumus_k,
            rumus_komponen=rumus_k, desimal=2, urut=urut,
        )
        if composite:
            self.plan.composite_ids.append(iid)
        years = range(RENSTRA_AWAL, RENSTRA_AKHIR + 1)
        if jenis == "predikat":
            for y in years:
                self.value(iid, y, "target", 0, Predikat("A" if y >= 2024 else "BB"))
            for y in range(RENSTRA_AWAL, TAHUN + 1):
                self.value(iid, y, "realisasi", 0, Predikat(rng.choice(["A", "BB", "B"]),
                                                            _dec(rng.randrange(6500, 9000))))
            return iid
        if fisik is not None:  # a sub kegiatan output: its target is the sum of the quarterly fisik
            for y in years:
                self.value(iid, y, "target", 0, Decimal(fisik[0]))
            for y in range(RENSTRA_AWAL, TAHUN + 1):
                self.value(iid, y, "realisasi", 0, Decimal(fisik[1] if y == TAHUN else fisik[0]))
            return iid
        base = {"persen": rng.randrange(5000, 9500), "indeks": rng.randrange(250, 450),
                "angka": rng.randrange(4, 120) * 100}[jenis]
        step = max(1, base // 50)
        for n, y in enumerate(years):
            t = base + n * step if polaritas == "positif" else max(1, base - n * step)
            self.value(iid, y, "target", 0, _dec(t))
        for n, y in enumerate(range(RENSTRA_AWAL, TAHUN + 1)):
            target = base + n * step if polaritas == "positif" else max(1, base - n * step)
            real = target * rng.randrange(80, 125) // 100
            if composite and y == TAHUN:
                self._komponen(iid, rumus_k, real)  # this year's realisasi comes from the komponen
                continue
            self.value(iid, y, "realisasi", 0, _dec(real))
            if quarterly and y == TAHUN:
                for tw in range(1, 5):
                    self.value(iid, y, "target", tw, _dec(target * tw // 4))
                    self.value(iid, y, "realisasi", tw, _dec(real * tw // 4))
        return iid

    def _komponen(self, iid: str, rumus: str, approx_cents: int) -> None:
        rng = self.rng
        if rumus.startswith("(i1"):
            for k in range(1, 5):
                self.insert("komponen", indicator_id=iid, tahun=TAHUN, nama=f"i{k}",
                            nilai=_dec(max(1, approx_cents + rng.randrange(-50, 51))))
        else:
            jumlah = rng.randrange(40, 61)
            self.insert("komponen", indicator_id=iid, tahun=TAHUN, nama="opd_predikat_a",
                        nilai=Decimal(min(jumlah, max(1, jumlah * approx_cents // 10000))))
            self.insert("komponen", indicator_id=iid, tahun=TAHUN, nama="jumlah_opd", nilai=Decimal(jumlah))


def build_ops(scale: float = 1, seed: int = 0) -> Plan:
    """The ops that build a workbook of ``scale`` x a large OPD (nothing written)."""
    return _Builder(scale, seed).build()


def generate(path, scale: float = 1, seed: int = 0, *, plan: Plan | None = None) -> Path:
    """Write a new synthetic workbook at ``path`` (must not exist) and return its path.

    Built through ``NewWorkbook.write`` (``WorkbookService.create_from``: one ``service.apply(ops)``)."""
    path = Path(path)
    plan = plan or build_ops(scale, seed)
    plan.book.write(path, f"Buku kerja sintetis {scale:g}x (seed {seed})", tahun=TAHUN,
                    renstra_awal=RENSTRA_AWAL, renstra_akhir=RENSTRA_AKHIR).close()
    return path


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(prog="python -m bench.generate", description=__doc__.splitlines()[0])
    ap.add_argument("out", type=Path, help="the .lkip file to create (must not exist)")
    ap.add_argument("--scale", type=float, default=1.0, help="x a large OPD (1 = 500 sub kegiatan, 150 indicators)")
    ap.add_argument("--seed", type=int, default=0)
    ap.add_argument("--force", action="store_true", help="replace OUT if it exists")
    args = ap.parse_args(argv)
    if args.out.exists():
        if not args.force:
            print(f"{args.out} exists (use --force to replace it)", file=sys.stderr)
            return 1
        args.out.unlink()
    t0 = time.perf_counter()
    plan = build_ops(args.scale, args.seed)
    t1 = time.perf_counter()
    generate(args.out, args.scale, args.seed, plan=plan)
    t2 = time.perf_counter()
    counts = ", ".join(f"{k} {v}" for k, v in sorted(plan.counts.items()))
    print(f"{args.out}: {args.scale:g}x seed {args.seed}: {counts}")
    print(f"ops built in {t1 - t0:.2f} s, written through the service in {t2 - t1:.2f} s "
          f"({args.out.stat().st_size / 1e6:.1f} MB)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
