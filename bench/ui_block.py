"""How long the window stops answering: a 5 ms heartbeat timer runs while the app opens a
workbook (until the work it leaves for after the first paint is done) and shows each page for
the first time; the longest gap between two beats is the longest stretch the UI thread was blocked (work in a worker with a progress dialog keeps the
beat going). Not part of ``python -m bench``: a probe for issue 16's "no grid blocks the UI
thread for more than 100 ms at 100x".

    QT_QPA_PLATFORM=offscreen python -m bench.ui_block FILE.lkip [page,page,...]
"""

from __future__ import annotations

import os
import sys
import time
from pathlib import Path


def main(path: str, pages: list[str] | None) -> None:
    from PySide6.QtCore import QTimer

    from lkip_desktop.ui.app import make_app
    from lkip_desktop.ui.main_window import MainWindow
    from lkip_desktop.ui.pages.registry import PAGE_KEYS

    app = make_app()
    win = MainWindow()
    win.resize(1366, 740)
    win.show()
    beats: list[float] = []
    heart = QTimer()
    heart.setInterval(5)
    heart.timeout.connect(lambda: beats.append(time.perf_counter()))
    heart.start()

    def longest_block(step) -> tuple[float, float]:
        beats.clear()
        t0 = time.perf_counter()
        beats.append(t0)
        step()
        settle = time.perf_counter() + 0.3  # what the step left queued runs too
        while time.perf_counter() < settle:
            app.processEvents()
        seen = beats + [time.perf_counter()]
        return max(b - a for a, b in zip(seen, seen[1:])), time.perf_counter() - t0 - 0.3

    def open_all():
        """The open, then what it leaves for after the first paint (the quarterly rows and
        the page check, in a thread): a page is shown once they are there, as a user's
        click a second later would be."""
        win.open_path(Path(path))
        svc = win.context.service
        svc.start_integrity_check()  # as the window's timer does (once); the rows come first
        while svc.integrity_check_running:
            app.processEvents()

    block, took = longest_block(open_all)
    print(f"{'open':10} longest block {block:.3f} s, took {took:.3f} s (quarterly rows and page check included)",
          flush=True)
    for key in pages or PAGE_KEYS:
        block, took = longest_block(lambda: win.show_page(key))
        print(f"{key:10} longest block {block:.3f} s, took {took:.3f} s", flush=True)
    os._exit(0)  # no teardown timed or waited for


if __name__ == "__main__":
    main(sys.argv[1], sys.argv[2].split(",") if len(sys.argv) > 2 else None)
