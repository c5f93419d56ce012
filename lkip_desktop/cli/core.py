"""Core commands: new, import/export JSON, import-reference, summary, check, history, restore."""

from __future__ import annotations

import argparse
import re
from pathlib import Path

from ..domain.errors import InputError
from ..domain.numbers import format_number, format_percent, format_rupiah
from ..domain.rating import scale_of
from ..domain.reviu import KESALAHAN, SARAN, check
from ..domain.values import Predikat, format_value
from ..edits import cells, values
from ..exchange import jsonio
from ..exchange.reference import import_reference
from ..exchange.report import ImportReport
from ..reports.narrative import narasi_texts
from ..store.ops import CellRef
from ..store.service import WorkbookService


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("new", help="buat buku kerja baru (kosong)")
    p.add_argument("workbook", type=Path)
    p.add_argument("--tahun", type=int, help="tahun laporan, mis. 2024 (dengan --from: bawaan tahun lalu + 1)")
    p.add_argument("--renstra", help="periode Renstra, mis. 2024-2026")
    p.add_argument("--opd", default="", help="nama OPD")
    p.add_argument("--from", dest="from_", type=Path, metavar="TAHUN_LALU.lkip",
                   help="mulai dari berkas tahun lalu (dibuka baca-saja, tidak diubah)")
    p.add_argument("--bawa-pagu", action="store_true", help="dengan --from: bawa pagu tahun lalu sebagai titik awal")
    p.set_defaults(func=cmd_new)

    p = sub.add_parser("import-json", help="buat buku kerja dari JSON buku kerja (docs/json-format.md)")
    p.add_argument("json", type=Path)
    p.add_argument("workbook", type=Path)
    p.set_defaults(func=cmd_import_json)

    p = sub.add_parser("export-json", help="tulis seluruh buku kerja sebagai JSON")
    p.add_argument("workbook", type=Path)
    p.add_argument("json", type=Path)
    p.set_defaults(func=cmd_export_json)

    p = sub.add_parser("import-reference", help="buat buku kerja dari data laporan referensi (lkip-reference/1)")
    p.add_argument("json", type=Path)
    p.add_argument("workbook", type=Path)
    p.set_defaults(func=cmd_import_reference)

    p = sub.add_parser("demo", help="buat buku kerja contoh (Setda Kota Bekasi 2024)")
    p.add_argument("workbook", type=Path)
    p.set_defaults(func=cmd_demo)

    p = sub.add_parser("summary", help="tabel IKU: target, realisasi, capaian, predikat, efisiensi, rata-rata")
    p.add_argument("workbook", type=Path)
    p.set_defaults(func=cmd_summary)

    p = sub.add_parser("check", help="reviu: daftar hal yang akan ditemukan evaluator")
    p.add_argument("workbook", type=Path)
    p.add_argument("--semua", action="store_true", help="tampilkan juga peringatan")
    p.set_defaults(func=cmd_check)

    p = sub.add_parser("history", help="riwayat perubahan (seluruh berkas atau satu sel)")
    p.add_argument("workbook", type=Path)
    p.add_argument("--indikator", metavar="KODE", help="riwayat target/realisasi indikator ini (kode, mis. IKU-4)")
    p.add_argument("--target", action="store_true", help="dengan --indikator: target, bukan realisasi")
    p.add_argument("--tahun", type=int, help="dengan --indikator: tahun (bawaan: tahun laporan)")
    p.add_argument("--tw", type=int, default=0, help="dengan --indikator: triwulan 1-4 (bawaan: tahunan)")
    p.add_argument("--anggaran", metavar="KODE", help="riwayat sub kegiatan/kegiatan/program dengan kode ini")
    p.add_argument("--tabel", help="tabel (lanjutan), mis. indicator_value")
    p.add_argument("--kunci", help="kunci baris (lanjutan), dipisah koma")
    p.add_argument("--kolom", help="kolom, mis. pagu_murni")
    p.add_argument("--batas", type=int, default=50)
    p.set_defaults(func=cmd_history)

    p = sub.add_parser("restore", help="pulihkan nilai sel sebelum perubahan nomor N dari riwayat")
    p.add_argument("workbook", type=Path)
    p.add_argument("audit_id", type=int)
    p.set_defaults(func=cmd_restore)


def cmd_new(args) -> int:
    if args.from_:
        from .carry import cmd_new_from

        return cmd_new_from(args)
    if args.tahun is None:
        raise InputError("Sebutkan --tahun (mis. --tahun 2025), atau --from BERKAS_TAHUN_LALU.lkip.")
    awal, akhir = renstra_period(args.renstra)
    if not 2000 <= args.tahun <= 2100:
        raise InputError(f"Tahun {args.tahun} tidak wajar; contoh: --tahun 2025.")
    if awal is not None and not awal <= args.tahun <= akhir:
        raise InputError(f"Tahun laporan {args.tahun} di luar periode Renstra {awal}–{akhir}.")
    awal = args.tahun if awal is None else awal
    akhir = awal + 4 if akhir is None else akhir
    # The OPD name goes in with the new file (all or nothing), not as a second edit after it.
    ops = values.profile_ops({"nama": args.opd})
    WorkbookService.create_from(args.workbook, ops, "Buat buku kerja", tahun=args.tahun, renstra_awal=awal,
                                renstra_akhir=akhir).close()
    print(f"Buku kerja dibuat: {args.workbook}")
    return 0


def renstra_period(text: str | None) -> tuple[int | None, int | None]:
    """"2025-2029", also with an en or em dash (pasted from Word) or "2025 s.d. 2029"."""
    if not text:
        return None, None
    m = re.fullmatch(r"\s*((?:19|20|21)\d\d)\s*(?:[-–—]|s\.?\s*d\.?)\s*((?:19|20|21)\d\d)\s*", text)
    if not m:
        raise InputError(f"Periode Renstra '{text}' tidak sah; contoh: 2025-2029.")
    awal, akhir = int(m.group(1)), int(m.group(2))
    if akhir <= awal:
        raise InputError(f"Periode Renstra '{text}': tahun akhir harus sesudah tahun awal.")
    return awal, akhir


def cmd_import_json(args) -> int:
    report = ImportReport()
    jsonio.import_json(args.json, args.workbook, report).close()
    print(report.text())
    print(f"Buku kerja dibuat dari JSON: {args.workbook}")
    return 0


def cmd_export_json(args) -> int:
    with WorkbookService.open_snapshot(args.workbook) as svc:
        jsonio.export_json(svc, args.json)
    print(f"JSON ditulis: {args.json}")
    return 0


def cmd_import_reference(args) -> int:
    svc, report = import_reference(args.json, args.workbook)
    svc.close()
    print(report.text())
    print(f"Buku kerja dibuat dari referensi: {args.workbook}")
    return 0


def cmd_demo(args) -> int:
    from ..exchange.demo import build_demo

    if args.workbook.exists():
        raise InputError(f"Berkas '{args.workbook.name}' sudah ada; contoh tidak menimpa berkas. Pilih nama lain.")
    build_demo(args.workbook)
    print(f"Buku kerja contoh dibuat: {args.workbook}")
    return 0


def cmd_summary(args) -> int:
    with WorkbookService.open_snapshot(args.workbook) as svc:
        wb, calc = svc.wb, svc.calc
        tahun = wb.settings.tahun
        print(f"{wb.opd.nama} — capaian IKU tahun {tahun}")
        scale = scale_of(wb)
        header = (f"{'No':<3} {'Indikator':<52} {'Target':>10} {'Realisasi':>12} {'Capaian':>9} {'Efisiensi':>9}  "
                  f"{'Kriteria':<14} Predikat")
        print(header)
        print("-" * len(header))
        for n, ind in enumerate(wb.iku_list(), 1):
            r = calc.indicator(ind.id)
            budget = calc.iku_budget(ind.id)
            real = r.realisasi.value
            predikat = real.grade if isinstance(real, Predikat) else "-"
            print(f"{n:<3} {ind.nama[:52]:<52} {format_value(r.target, None):>10} "
                  f"{format_value(real, ind.desimal):>12} {format_number(r.capaian.value):>9} "
                  f"{format_number(budget.efisiensi):>9}  {r.rating.label if r.rating else '-':<14} {predikat}")
        avg = calc.opd_average()
        print("-" * len(header))
        print(f"Rata-rata capaian OPD: {format_number(avg.value)} ({avg.note})")
        print(f"Kriteria: {scale.name}. Predikat: nilai indikator yang berupa predikat.")
        t = calc.opd_totals()
        print(f"Pagu murni {format_rupiah(t.pagu_murni, prefix=True)} · pagu perubahan "
              f"{format_rupiah(t.pagu_perubahan, prefix=True)} · realisasi {format_rupiah(t.realisasi, prefix=True)} · "
              f"serapan {format_percent(t.serapan) if t.serapan is not None else '-'}")
    return 0


def cmd_check(args) -> int:
    with WorkbookService.open_snapshot(args.workbook) as svc:
        findings = check(svc.wb, svc.calc, narasi=narasi_texts(svc))
    errors = [f for f in findings if f.level == KESALAHAN]
    shown = findings if args.semua else errors
    for f in shown:
        print(f"[{f.level}] {f.where}: {f.message}")
    saran = sum(1 for f in findings if f.level == SARAN)
    warnings = len(findings) - len(errors) - saran
    hint = " (tambahkan --semua untuk melihat peringatan)" if warnings + saran and not args.semua else ""
    extra = f", {saran} saran" if saran else ""
    print(f"{len(errors)} kesalahan, {warnings} peringatan{extra}.{hint}")
    return 1 if errors else 0


def cmd_history(args) -> int:
    with WorkbookService.open_snapshot(args.workbook) as svc:
        ref = _history_ref(svc, args)
        if ref is None and args.tabel:
            key = tuple(_key_part(k) for k in (args.kunci or "1").split(","))
            ref = CellRef(args.tabel, key, args.kolom or "")  # --tabel names the file's table itself
        for e in svc.history(ref, limit=args.batas):
            cell = f"{e.tabel}{list(e.kunci)}.{e.kolom}" if e.kolom else f"{e.tabel}{list(e.kunci)}"
            print(f"#{e.id} {e.waktu} {e.pengguna} {e.aksi} {cell}: {_show(e.lama)} → {_show(e.baru)}")
    return 0


def _history_ref(svc, args):
    from ..domain.errors import InputError

    if args.indikator:
        ind = next((i for i in svc.wb.indicators.values() if i.kode == args.indikator), None)
        if ind is None:
            raise InputError(f"Indikator berkode '{args.indikator}' tidak ada.")
        tahun = args.tahun or svc.wb.settings.tahun
        return (cells.target if args.target else cells.realisasi)(ind.id, tahun, args.tw)
    if args.anggaran:
        item = svc.wb.item_by_kode(args.anggaran)
        if item is None:
            raise InputError(f"Tidak ada program/kegiatan/sub kegiatan berkode '{args.anggaran}'.")
        return cells.item(item.id, args.kolom or "realisasi")
    return None


def _key_part(text: str):
    text = text.strip()
    return int(text) if text.isdigit() and len(text) < 10 else text


def _show(v) -> str:
    if v is None:
        return "(kosong)"
    return str(v)[:60]


def cmd_restore(args) -> int:
    with WorkbookService.open(args.workbook) as svc:
        entry = next((e for e in svc.history(limit=100000) if e.id == args.audit_id), None)
        if entry is None or not entry.kolom:
            print("Nomor riwayat tidak ditemukan atau bukan perubahan satu sel.")
            return 1
        values.restore(svc, entry)
        print(f"Dipulihkan: {cells.entry_label(entry)} = {_show(entry.lama)}")
    return 0
