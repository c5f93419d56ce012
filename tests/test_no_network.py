"""The app never touches the network: a full session (open the demo, edit, CLI, GUI, PDF and XLSX
export) runs with every Python socket entry point rigged to fail the test.

Qt's own C++ networking cannot be caught from Python, so the session also checks that
PySide6.QtNetwork is never imported (the bundle leaves it out: build_installer.py)."""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
INET = {socket.AF_INET, getattr(socket, "AF_INET6", socket.AF_INET)}

# Installs the same guard in a child process (the GUI run through its real entry point).
GUARD = textwrap.dedent("""
    import socket, sys
    _hits = []
    def _refuse(what):
        def f(*a, **k):
            _hits.append(what)
            print(f"LKIP-NETWORK-USE: {what} {a!r}", file=sys.stderr, flush=True)
            raise OSError(f"network use refused in test: {what}")
        return f
    socket.socket.connect = _refuse("socket.connect")
    socket.socket.connect_ex = _refuse("socket.connect_ex")
    socket.create_connection = _refuse("socket.create_connection")
    socket.getaddrinfo = _refuse("socket.getaddrinfo")
    _init = socket.socket.__init__
    def _guarded_init(self, family=-1, type=-1, proto=-1, fileno=None):
        if fileno is None and (socket.AF_INET if family == -1 else family) in {INET}:
            _refuse(f"socket({family})")()
        _init(self, family, type, proto, fileno)
    socket.socket.__init__ = _guarded_init
""").replace("{INET}", repr({int(f) for f in INET}))


class NetworkUse(AssertionError):
    pass


@pytest.fixture
def no_network(monkeypatch):
    """Fail on any attempt to resolve a name, open an internet socket or connect anything."""
    hits: list[str] = []

    def refuse(what):
        def f(*args, **kwargs):
            hits.append(f"{what} {args!r}")
            raise NetworkUse(f"the app tried to use the network: {what} {args!r}")
        return f

    monkeypatch.setattr(socket.socket, "connect", refuse("socket.connect"))
    monkeypatch.setattr(socket.socket, "connect_ex", refuse("socket.connect_ex"))
    monkeypatch.setattr(socket, "create_connection", refuse("socket.create_connection"))
    monkeypatch.setattr(socket, "getaddrinfo", refuse("socket.getaddrinfo"))
    real_init = socket.socket.__init__

    def guarded_init(self, family=-1, type=-1, proto=-1, fileno=None):
        # family -1 means AF_INET unless wrapping an existing descriptor.
        if fileno is None and (socket.AF_INET if family == -1 else family) in INET:
            refuse(f"socket.socket(family={family})")()
        real_init(self, family, type, proto, fileno)

    monkeypatch.setattr(socket.socket, "__init__", guarded_init)
    yield hits
    assert not hits, f"network used: {hits}"


def test_guard_catches_a_connection(no_network):
    with pytest.raises(NetworkUse):
        socket.create_connection(("example.org", 80))
    with pytest.raises(NetworkUse):
        socket.socket(socket.AF_INET, socket.SOCK_STREAM)
    no_network.clear()  # these two were the guard's own self-test


def _first_iku_realisasi(svc):
    from lkip_desktop.store.ops import CellRef

    ind = svc.wb.iku_list()[0]
    return CellRef("indicator_value", (ind.id, svc.wb.settings.tahun, "realisasi", 0), "nilai")


def test_core_session_uses_no_network(no_network, tmp_path, capsys):
    from lkip_desktop.cli import main as cli_main
    from lkip_desktop.exchange.demo import build_demo
    from lkip_desktop.store.service import WorkbookService

    path = build_demo(tmp_path / "demo.lkip")
    with WorkbookService.open(path) as svc:
        ref = _first_iku_realisasi(svc)
        svc.set_text(ref, "50")
        assert svc.get(ref) is not None
        svc.save_copy(tmp_path / "salinan.lkip")
    assert cli_main(["summary", str(path)]) == 0
    assert "Rata-rata capaian OPD" in capsys.readouterr().out
    assert cli_main(["check", str(path)]) in (0, 1)  # 1 = the reviu found errors, still no network


def test_reports_export_uses_no_network(no_network, demo, tmp_path):
    export_mod = pytest.importorskip("lkip_desktop.reports.export")
    result = export_mod.export(demo, pdf=tmp_path / "lkip.pdf", xlsx=tmp_path / "lkip.xlsx",
                               tables=_some_tables(demo))
    assert (tmp_path / "lkip.pdf").read_bytes()[:5] == b"%PDF-"
    assert (tmp_path / "lkip.xlsx").read_bytes()[:2] == b"PK"
    assert result.tables


def _some_tables(svc):
    # Three tables keep the test fast; the full export is the CLI's and the bundle smoke's job.
    from lkip_desktop.reports.builders import standard_tables

    return [spec.key for spec in standard_tables(svc)][:3]


def test_gui_edit_uses_no_network(no_network, demo, qtbot):
    pytest.importorskip("lkip_desktop.ui.context")
    from lkip_desktop.ui.context import WorkbookContext

    ctx = WorkbookContext(demo)
    widgets = []
    from lkip_desktop.ui.pages.anggaran import AnggaranPage
    from lkip_desktop.ui.pages.capaian import CapaianPage
    from lkip_desktop.ui.pages.realisasi import RealisasiPage

    for cls in (RealisasiPage, CapaianPage, AnggaranPage):
        w = cls(ctx)
        qtbot.addWidget(w)
        w.show()
        widgets.append(w)
    ref = _first_iku_realisasi(demo)
    with qtbot.waitSignal(ctx.changed, timeout=5000):
        assert ctx.set_text(ref, "51") is not None
    ctx.undo_stack.undo()
    ctx.undo_stack.redo()
    qtbot.wait(50)  # let the pages repaint after the change
    assert "PySide6.QtNetwork" not in sys.modules


@pytest.mark.skipif(not (ROOT / "lkip_desktop" / "ui" / "app.py").exists(),
                    reason="lkip_desktop/ui/app.py (GUI entry point) not written yet")
def test_full_gui_start_uses_no_network(tmp_path):
    """The real entry point in a child process: welcome/main window with the demo, quit by timer."""
    code = GUARD + textwrap.dedent("""
        from lkip_desktop.ui.app import run
        rc = run(["--demo"])
        if "PySide6.QtNetwork" in sys.modules:
            print("LKIP-NETWORK-USE: PySide6.QtNetwork imported", file=sys.stderr)
            rc = rc or 98
        sys.exit(97 if _hits else rc)
    """)
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", LKIP_SMOKE_EXIT_MS="1500",
               PYTHONPATH=str(ROOT) + os.pathsep + os.environ.get("PYTHONPATH", ""))
    proc = subprocess.run([sys.executable, "-c", code], cwd=tmp_path, env=env, capture_output=True,
                          text=True, timeout=60, stdin=subprocess.DEVNULL)
    assert "LKIP-NETWORK-USE" not in proc.stderr, proc.stderr
    assert proc.returncode == 0, proc.stderr[-3000:]
