"""Headless entry points over the same services the GUI uses.

Each command group lives in its own module with a ``register(subparsers)`` function;
``COMMAND_MODULES`` lists them (plain imports, so the wiring is visible here).
"""

from __future__ import annotations

import argparse
import os
import sqlite3
import sys

from .. import __version__
from ..domain.errors import InputError
from ..store.database import StoreError
from . import carry, core, export, pk, rekap

COMMAND_MODULES = [core, pk, carry, export, rekap]


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="lkip-desktop",
        description="LKIP Desktop: buku kerja SAKIP/LKIP satu OPD. Tanpa perintah: membuka aplikasi.",
    )
    parser.add_argument("--version", action="version", version=f"LKIP Desktop {__version__}")
    sub = parser.add_subparsers(dest="command", metavar="PERINTAH")
    for module in COMMAND_MODULES:
        module.register(sub)
    return parser


def main(argv: list[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    if not getattr(args, "func", None):
        parser.print_help()
        return 2
    try:
        return args.func(args) or 0
    except (InputError, StoreError) as exc:
        print(f"Galat: {exc}", file=sys.stderr)
        return 1
    except BrokenPipeError:
        # `summary x.lkip | head`: the reader left; nothing is wrong with the workbook.
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return 0
    except FileNotFoundError as exc:
        print(f"Galat: berkas atau folder tidak ditemukan: {exc.filename or exc}", file=sys.stderr)
        return 1
    except PermissionError as exc:
        print(f"Galat: tidak ada izin menulis/membaca: {exc.filename or exc}", file=sys.stderr)
        return 1
    except sqlite3.OperationalError as exc:
        print(f"Galat: berkas tidak dapat dibuat atau dibuka ({exc}). Periksa folder tujuannya.", file=sys.stderr)
        return 1
