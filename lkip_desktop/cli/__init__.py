"""Headless entry points over the same services the GUI uses.

Each command group lives in its own module with a ``register(subparsers)`` function;
``COMMAND_MODULES`` lists them.
"""

from __future__ import annotations

import argparse
import importlib
import sys

from .. import __version__
from ..domain.errors import InputError
from ..store.database import StoreError

COMMAND_MODULES = ["core", "pk", "carry", "export"]


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="lkip-desktop",
        description="LKIP Desktop: buku kerja SAKIP/LKIP satu OPD. Tanpa perintah: membuka aplikasi.",
    )
    parser.add_argument("--version", action="version", version=f"LKIP Desktop {__version__}")
    sub = parser.add_subparsers(dest="command", metavar="PERINTAH")
    for name in COMMAND_MODULES:
        importlib.import_module(f"{__name__}.{name}").register(sub)
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
