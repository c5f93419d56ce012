"""Year-to-year and Excel commands: new-from (and `new --from`), attach-history,
import-xlsx, template."""

from __future__ import annotations

import argparse
from pathlib import Path

from ..domain.errors import InputError
from ..domain.numbers import format_rupiah
from ..exchange import carry
from ..edits import imports
from ..exchange import xlsx as xlsx_import
from ..store.service import WorkbookService


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("new-from", help="buat buku kerja tahun baru dari berkas tahun lalu")
    p.add_argument("workbook", type=Path, help="berkas baru (.lkip)")
    _carry_args(p, required=True)
    p.set_defaults(func=cmd_new_from)

    p = sub.add_parser("attach-history", help="tambahkan realisasi/target dari berkas tahun-tahun sebelumnya")
    p.add_argument("workbook", type=Path)
    p.add_argument("older", type=Path, nargs="+", help="berkas .lkip tahun sebelumnya")
    p.set_defaults(func=cmd_attach_history)

    p = sub.add_parser("import-xlsx", help="impor pagu/realisasi anggaran atau nilai indikator dari Excel (.xlsx)")
    p.add_argument("workbook", type=Path)
    p.add_argument("file", type=Path, help="berkas .xlsx")
    p.add_argument("--jenis", choices=xlsx_import.JENIS_DATA,
                   help="anggaran (pagu/realisasi sub kegiatan, menurut kode) atau indikator (target/realisasi "
                        "dan komponen, menurut kode lalu nama indikator); bawaan: dikenali dari judul kolom")
    p.add_argument("--map", dest="mapping",
                   help="pemetaan kolom, mis. kode=A,pagu_murni=C,realisasi=E,tw1=F "
                        "(tanpa --map: menurut judul kolom). Anggaran: "
                        + ", ".join(f.key for f in xlsx_import.FIELDS) + ". Indikator: "
                        + ", ".join(f.key for f in xlsx_import.IND_FIELDS) + ", komponen:NAMA")
    p.add_argument("--sheet", help="nama lembar (bawaan: lembar pertama yang berjudul kolom)")
    p.add_argument("--triwulan", type=int, choices=(1, 2, 3, 4),
                   help="triwulan tujuan kolom realisasi kumulatif ('Realisasi s.d. …'): jumlah triwulan itu "
                        "= kumulatif dikurangi triwulan-triwulan sebelumnya yang tersimpan")
    p.add_argument("--dry-run", action="store_true", help="hanya pratinjau, tidak menyimpan")
    p.set_defaults(func=cmd_import_xlsx)

    p = sub.add_parser("template", help="tulis templat isian anggaran dan indikator (.xlsx) kosong")
    p.add_argument("workbook", type=Path)
    p.add_argument("out", type=Path)
    p.set_defaults(func=cmd_template)


def _carry_args(p: argparse.ArgumentParser, *, required: bool) -> None:
    p.add_argument("--from", dest="from_", type=Path, required=required, metavar="TAHUN_LALU.lkip",
                   help="berkas tahun lalu (dibuka baca-saja, tidak diubah)")
    p.add_argument("--bawa-pagu", action="store_true", help="bawa pagu tahun lalu sebagai titik awal")
    if required:
        p.add_argument("--tahun", type=int, help="tahun baru (bawaan: tahun lalu + 1)")
        p.add_argument("--renstra", help="periode Renstra baru, mis. 2027-2031 (wajib bila periode lama berakhir)")


def _period(text: str | None) -> tuple[int | None, int | None]:
    if not text:
        return None, None
    a, _, b = text.partition("-")
    try:
        return int(a), int(b or a)
    except ValueError:
        raise InputError(f"Periode Renstra '{text}' tidak sah; contoh: 2027-2031.") from None


def cmd_new_from(args) -> int:
    awal, akhir = _period(getattr(args, "renstra", None))
    opts = carry.CarryOptions(tahun=getattr(args, "tahun", None), bawa_pagu=args.bawa_pagu,
                              renstra_awal=awal, renstra_akhir=akhir)
    summary = carry.new_from_last_year(args.from_, args.workbook, opts)
    print(summary.text())
    print(f"Buku kerja dibuat: {args.workbook}")
    return 0


def cmd_attach_history(args) -> int:
    with WorkbookService.open(args.workbook) as svc:
        for older in args.older:
            print(imports.attach_history(svc, svc.path, older).text())
    return 0


def cmd_import_xlsx(args) -> int:
    readonly = bool(args.dry_run)
    with WorkbookService.open(args.workbook, readonly=readonly) as svc:
        jenis = getattr(args, "jenis", None)
        data = xlsx_import.read_sheet(args.file, args.sheet, jenis=jenis)
        jenis = jenis or xlsx_import.detect_jenis(data, svc.wb)
        mapping = xlsx_import.parse_mapping(args.mapping, data, jenis) if args.mapping else \
            xlsx_import.auto_mapping(data, jenis, svc.wb)
        print(f"Jenis data: {jenis}. Pemetaan: {xlsx_import.describe_mapping(mapping)}")
        pv = xlsx_import.preview(svc.wb, data, mapping, jenis, triwulan=getattr(args, "triwulan", None))
        print(pv.report())
        for m in pv.matched:
            for key, old, new in m.changes:
                print(f"  baris {m.row} {m.kode} {m.item_nama[:40]}: "
                      f"{xlsx_import.format_change(key, old, new, jenis)}")
        if not pv.ok:
            return 1
        if args.dry_run:
            print("Pratinjau saja (--dry-run): tidak ada yang disimpan.")
            return 0
        imports.import_sheet(svc, pv)
        if jenis == "indikator":
            print(f"Diimpor: {pv.n_changes} nilai dari {len(pv.matched)} indikator; capaian dihitung ulang.")
        else:
            print(f"Diimpor: {pv.n_changes} nilai dari {len(pv.matched)} baris. "
                  f"Total pagu sekarang {format_rupiah(svc.calc.opd_totals().pagu, prefix=True)}.")
    return 0


def cmd_template(args) -> int:
    from ..reports.entry_template import write_entry_template

    with WorkbookService.open_snapshot(args.workbook) as svc:
        write_entry_template(svc.wb, args.out)
    print(f"Templat isian ditulis: {args.out}")
    return 0
