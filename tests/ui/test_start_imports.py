"""Start-up loads what the first painted page needs, nothing more: modules that only later
work uses (Babel for typed numbers and dates, the rotating log handler, uuid for new rows,
hashlib for temporary names, QUrl for opening folders) load when that work first runs.
Checked in a fresh interpreter, as the app starts (issue 16); no timing is asserted."""

from __future__ import annotations

import os
import subprocess
import sys
import textwrap
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]

DEFERRED = ("babel", "logging.handlers", "uuid", "secrets", "hashlib", "socket", "pickle",
            "lkip_desktop.ui.tables.anggaran")  # the Realisasi page's quarter tab: made when shown

CHILD = textwrap.dedent("""
    import sys
    from pathlib import Path

    from lkip_desktop.ui.app import install_crash_reports, make_app
    from lkip_desktop.ui.main_window import MainWindow

    app = make_app()
    win = MainWindow()
    install_crash_reports(win)  # as ui.app.run starts
    win.show()
    if sys.argv[1] != "-" and not win.open_path(Path(sys.argv[1])):
        sys.exit(2)
    app.processEvents()
    win.repaint()
    import PySide6.QtCore
    loaded = [m for m in sys.argv[2:] if m in sys.modules]
    if "QUrl" in PySide6.QtCore.__dict__:  # PySide makes a class (and its enums) on first use
        loaded.append("QUrl")
    print("LOADED", *loaded)
""")


def _loaded_after(path: str, tmp_path: Path) -> list[str]:
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", XDG_CONFIG_HOME=str(tmp_path / "cfg"),
               XDG_DATA_HOME=str(tmp_path / "data"), XDG_STATE_HOME=str(tmp_path / "state"),
               PYTHONPATH=str(ROOT) + os.pathsep + os.environ.get("PYTHONPATH", ""))
    r = subprocess.run([sys.executable, "-c", CHILD, path, *DEFERRED], cwd=tmp_path, env=env,
                       capture_output=True, text=True, timeout=120, stdin=subprocess.DEVNULL)
    assert r.returncode == 0, r.stderr
    line = next(x for x in r.stdout.splitlines() if x.startswith("LOADED"))
    return line.split()[1:]


def test_window_alone_loads_none_of_the_later_modules(tmp_path):
    assert _loaded_after("-", tmp_path) == []


def test_first_page_of_a_workbook_loads_none_of_the_later_modules(demo_path, tmp_path):
    assert _loaded_after(str(demo_path), tmp_path) == []


def test_the_pk_page_loads_no_pdf_code_until_its_preview_is_asked_for(demo_path):
    """reportlab and the export code (~70 ms) wait for the preview tab, a PDF or a dialog."""
    code = textwrap.dedent("""
        import sys
        from lkip_desktop.ui.app import make_app
        from lkip_desktop.ui.context import WorkbookContext
        from lkip_desktop.ui.pk.page import PkPage
        from lkip_desktop.store.service import WorkbookService

        app = make_app()
        with WorkbookService.open(sys.argv[1]) as svc:
            page = PkPage(WorkbookContext(svc))
            page.show()
            app.processEvents()
            before = [m for m in ("reportlab", "lkip_desktop.reports.export") if m in sys.modules]
            page.refresh_preview()
            after = [m for m in ("reportlab",) if m in sys.modules]
            print("LOADED", before, after)
    """)
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen",
               PYTHONPATH=str(ROOT) + os.pathsep + os.environ.get("PYTHONPATH", ""))
    r = subprocess.run([sys.executable, "-c", code, str(demo_path)], env=env, capture_output=True, text=True,
                       timeout=120, stdin=subprocess.DEVNULL)
    assert r.returncode == 0, r.stderr
    assert next(x for x in r.stdout.splitlines() if x.startswith("LOADED")) == "LOADED [] ['reportlab']"


READS = textwrap.dedent("""
    import inspect
    import sys
    from pathlib import Path

    read, real = [], inspect.getsource
    inspect.getsource = lambda obj: read.append(obj.__name__) or real(obj)

    from lkip_desktop.ui.app import install_crash_reports, make_app  # the answers are given from here on
    read.clear()
    from lkip_desktop.ui.main_window import MainWindow

    app = make_app()
    win = MainWindow()
    install_crash_reports(win)
    win.show()
    if not win.open_path(Path(sys.argv[1])):
        sys.exit(2)
    app.processEvents()
    mine = [m for m in read if m.partition(".")[0] in sys.stdlib_module_names or m.startswith("lkip_desktop")]
    print("READ", len(read), *mine)
""")


def test_pyside_reads_the_source_of_no_module_of_ours_nor_of_the_standard_library(demo_path, tmp_path):
    """PySide6's ``__feature__`` hook would read the source of each module an import names
    (~15 ms of a start); ``ui.app`` answers for ours and the standard library's."""
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", XDG_CONFIG_HOME=str(tmp_path / "cfg"),
               XDG_DATA_HOME=str(tmp_path / "data"), XDG_STATE_HOME=str(tmp_path / "state"),
               PYTHONPATH=str(ROOT) + os.pathsep + os.environ.get("PYTHONPATH", ""))
    r = subprocess.run([sys.executable, "-c", READS, str(demo_path)], cwd=tmp_path, env=env,
                       capture_output=True, text=True, timeout=120, stdin=subprocess.DEVNULL)
    assert r.returncode == 0, r.stderr
    line = next(x for x in r.stdout.splitlines() if x.startswith("READ"))
    assert line.split()[2:] == []
