"""`python -m lkip_desktop` starts the app; with a command it runs headless (see --help)."""

from __future__ import annotations

import sys


def main(argv: list[str] | None = None) -> int:
    argv = sys.argv[1:] if argv is None else argv
    first = argv[0] if argv else ""
    # No command, or a workbook path (double-click / file association): the GUI.
    if not argv or first.endswith(".lkip") or first in ("--gui", "--demo"):
        from . import collector

        collector.begin_start()  # before the imports too; ui.app.run ends it
        from .ui.app import run

        return run(argv)
    from . import crashlog
    from .cli import main as cli_main

    crashlog.install(_tell_cli)
    return cli_main(argv)


def _tell_cli(detail: str) -> None:
    """One short line instead of a traceback; the traceback is in the log."""
    from . import crashlog

    print(f"Galat: kesalahan tak terduga ({detail[:200]}). Rinciannya dicatat di {crashlog.log_file()}",
          file=sys.stderr)


if __name__ == "__main__":
    sys.exit(main())
