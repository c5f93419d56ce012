"""Bulk work that makes many objects and no garbage cycles (loading a workbook, writing a big
export) runs with Python's cyclic collector paused: every full pass walks all live objects, so
with it on such work grows faster than its size (the tables of a 10x workbook to XLSX: 5.2-5.7 s
of CPU against 4.2-4.4 s paused; the load of a 100x workbook ~0.6 s). The pause is process-wide
and counted: overlapping pauses (a load in one worker, an export in another) end when the last
one does, and the collector is then on again if it was on before the first.

A big pause that makes what a workbook keeps (``keep=True``: its load, the window's open, the
quarterly rows read after the first paint) ends by *freezing* it: those objects live as long as
the workbook, so the collector leaves them out of every later pass instead of walking them
again and again (at 100x ~0.1-0.2 s per full pass, a stop of the window each time). Freezing
frees nothing, so any thread may do it. Closing a workbook (``release``) hands them back, so a
cycle among them is still collected.

The window's start (``begin_start`` .. ``end_start``: imports, the window, the first workbook)
is such a pause too: it makes some 50,000 objects that live as long as the process (modules,
classes, widgets) and a few hundred of garbage; the collector would walk them some 50 times
(~10 ms of a 1x start), so it waits and they are frozen once at the end."""

from __future__ import annotations

import gc
import threading
from contextlib import contextmanager
from typing import Iterator

_lock = threading.RLock()  # re-entrant: a finalizer run by the pass in resume may pause too
_state = {"depth": 0, "was_on": True, "keep": False, "sweep": False, "freeze": False, "starting": False,
          "freeze_over": None}

# Objects made while paused sit in the youngest generation; once on again the collector would
# walk them three times (young, middle, full pass: about 0.1 s each for a 100x workbook), and
# every later full pass again. Past this many, the end of the pause freezes them instead.
# Freezing takes every object the collector tracks, garbage cycles not yet found included:
# only a window's workbook is handed back at its close (``release``), so a load for a moment
# (a rekap's, a carry-over's) freezes only when big.
FREEZE_OVER = 100_000
# The window's own workbook (its open passes this): a 10x one's 57,000 objects, left to the
# collector, made an 11 ms pass land on an edit.
WINDOW_FREEZE_OVER = 10_000


def pause(keep: bool = False, freeze_over: int | None = None) -> None:
    """Begin a pause; every ``pause`` needs its ``resume`` (``paused`` pairs them in a block).
    ``keep``: what is made lives as long as the workbook (frozen at the end when more than
    ``FREEZE_OVER`` objects, or ``freeze_over`` if smaller: the window's open)."""
    with _lock:
        if _state["depth"] == 0:
            _state["was_on"] = gc.isenabled()
            gc.disable()
        _state["depth"] += 1
        _state["keep"] = _state["keep"] or keep
        if keep and freeze_over is not None:
            _state["freeze_over"] = min(freeze_over, _state["freeze_over"] or freeze_over)


def resume() -> None:
    """End a pause begun by ``pause``; the last one of a big pause that keeps what it made
    freezes it (an export's or a check's objects are left to the collector: they go soon).
    A workbook closed during the pause (``release``) is collected first, on the main thread."""
    with _lock:
        _state["depth"] -= 1
        if _state["depth"] == 0:
            if _state["was_on"]:
                over = min(FREEZE_OVER, _state["freeze_over"] or FREEZE_OVER)
                big = _state["freeze"] or (_state["keep"] and gc.get_count()[0] > over)
                if _state["sweep"] and threading.current_thread() is threading.main_thread():
                    _state["sweep"] = False
                    gc.collect()
                if big:
                    gc.freeze()
                gc.enable()
            _state["keep"] = _state["freeze"] = False
            _state["freeze_over"] = None


def begin_start() -> None:
    """The GUI's start begins: called before its imports (``__main__``)."""
    with _lock:
        if not _state["starting"]:
            _state["starting"] = True
            pause()


def end_start() -> None:
    """The window is built and the first workbook open: what the start made is frozen (left
    out of every later pass) and the collector is on again. Nothing when no start began."""
    with _lock:
        if _state["starting"]:
            _state["starting"], _state["freeze"] = False, True
            resume()


def release() -> None:
    """Hand frozen objects back to the collector: a workbook was closed, what it made is
    garbage now and a cycle among it must still be found. One full pass at once, on the main
    thread (so a Qt wrapper among the garbage dies on the window's thread); inside a pause
    (another workbook is being opened) that pass waits for the pause's end."""
    with _lock:
        if not gc.get_freeze_count():
            return
        gc.unfreeze()
        if _state["depth"] or threading.current_thread() is not threading.main_thread():
            _state["sweep"] = True
            return
    gc.collect()


@contextmanager
def paused(keep: bool = False) -> Iterator[None]:
    pause(keep)
    try:
        yield
    finally:
        resume()
