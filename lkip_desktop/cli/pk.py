"""``pk``: list the Perjanjian Kinerja versions, their warnings, and print one as PDF."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from ..domain import pk as rules
from ..domain.errors import InputError
from ..edits.pk import find_version
from ..reports.atomic import write_whole
from ..reports.export import failure_reason
from ..reports.pk_document import PkOptions, render_pdf
from ..store.database import StoreError, check_output_path
from ..store.service import WorkbookService


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("pk", help="Perjanjian Kinerja: daftar versi, peringatan, cetak PDF")
    p.add_argument("workbook", type=Path)
    p.add_argument("--list", action="store_true", help="daftar versi PK beserta peringatannya")
    p.add_argument("--pdf", type=Path, metavar="OUT.pdf", help="tulis dokumen PK sebagai PDF")
    p.add_argument("--versi", default=None,
                   help="nomor versi (1, 2, ...), murni atau perubahan; bawaan: versi terakhir")
    p.add_argument("--paper", choices=["A4", "F4"], default=None, help="ukuran kertas (bawaan: pengaturan)")
    logo = p.add_mutually_exclusive_group()
    logo.add_argument("--logo", type=Path,
                      help="berkas gambar logo Pemda untuk cetakan ini (bawaan: logo yang tersimpan di buku kerja)")
    logo.add_argument("--tanpa-logo", action="store_true", help="cetak tanpa logo")
    p.add_argument("--tanpa-nol", action="store_true",
                   help="tanggal tanpa nol di depan (2 Januari 2024); bawaan: pengaturan buku kerja")
    p.add_argument("--tanpa-terbilang", action="store_true", help="jumlah anggaran tanpa terbilang")
    p.set_defaults(func=cmd_pk)


def cmd_pk(args) -> int:
    with WorkbookService.open_snapshot(args.workbook) as svc:
        wb = svc.wb
        if args.list or not args.pdf:
            versions = wb.pk_list()
            if not versions:
                print("Belum ada Perjanjian Kinerja.")
            for n, pk in enumerate(versions, 1):
                total = rules.total_anggaran(wb.pk_program_rows(pk.id))
                print(f"{n}. {rules.version_label(pk)} · {pk.pihak1_nama} "
                      f"({rules.pangkat_golongan(pk.pihak1_pangkat, pk.pihak1_golongan) or '-'}) · "
                      f"{len(wb.pk_sasaran_rows(pk.id))} indikator · total {rules.rupiah(total)}")
                for w in rules.consistency(wb, svc.calc, pk.id):
                    print(f"   [{w.level}] {w.where}: {w.message}")
        if args.pdf:
            pk = find_version(wb, args.versi)
            options = PkOptions(paper=args.paper, logo=args.logo, use_workbook_logo=not args.tanpa_logo,
                                zero_pad=False if args.tanpa_nol else None, terbilang=not args.tanpa_terbilang)
            check_output_path(args.pdf)  # the temporary name below is not the target
            pages: list = []
            try:
                write_whole(args.pdf, lambda tmp: pages.extend(render_pdf(wb, pk.id, tmp, options)))
            except (InputError, StoreError):
                raise
            except Exception as exc:  # never a traceback: name the file and why
                print(f"Galat: {args.pdf.name} tidak dapat dibuat: {failure_reason(exc)}.", file=sys.stderr)
                return 1
            print(f"PDF ditulis: {args.pdf} ({len(pages)} halaman, {rules.version_label(pk)})")
    return 0
