"""The collector pause of bulk work: off inside, back as it was after, overlapping pauses in
two threads end with the last one."""

from __future__ import annotations

import gc
import threading
import weakref

import pytest

from lkip_desktop import collector


def test_a_pause_turns_the_collector_off_and_back_on():
    assert gc.isenabled()
    with collector.paused():
        assert not gc.isenabled()
        with collector.paused():
            assert not gc.isenabled()
        assert not gc.isenabled()  # the outer pause still runs
    assert gc.isenabled()


def test_overlapping_pauses_in_two_threads_end_with_the_last():
    inside, release, done = threading.Event(), threading.Event(), threading.Event()

    def worker():
        with collector.paused():
            inside.set()
            release.wait(5)
        done.set()

    t = threading.Thread(target=worker)
    t.start()
    inside.wait(5)
    with collector.paused():
        pass
    assert not gc.isenabled()  # the worker's pause still runs
    release.set()
    t.join(5)
    assert done.is_set() and gc.isenabled()


def test_a_collector_that_was_off_stays_off():
    gc.disable()
    try:
        with collector.paused():
            pass
        assert not gc.isenabled()
    finally:
        gc.enable()


def test_pause_and_resume_pair_like_a_block():
    collector.pause()
    try:
        assert not gc.isenabled()
        with collector.paused():
            pass
        assert not gc.isenabled()  # the pause begun first still runs
    finally:
        collector.resume()
    assert gc.isenabled()


def _full_passes(fn) -> int:
    seen = []

    def watch(phase, info):
        if phase == "start" and info["generation"] == 2:
            seen.append(1)

    gc.callbacks.append(watch)
    try:
        fn()
    finally:
        gc.callbacks.remove(watch)
    return len(seen)


class _Node:
    """A container the collector tracks (a list is untracked when it holds only atoms)."""

    def __init__(self):
        self.me = self  # a cycle: only the collector can free it


@pytest.fixture
def unfrozen():
    gc.collect()
    yield
    gc.unfreeze()


def test_a_big_pause_freezes_what_it_made_without_a_pass_a_small_one_leaves_it(unfrozen):
    def make(n):
        def run():
            with collector.paused(keep=True):
                return [_Node() for _ in range(n)]
        return run

    kept = []
    assert _full_passes(lambda: kept.append(make(collector.FREEZE_OVER + 20_000)())) == 0
    assert gc.get_freeze_count() >= collector.FREEZE_OVER + 20_000
    gc.unfreeze()
    gc.collect()
    assert _full_passes(lambda: kept.append(make(1_000)())) == 0
    assert gc.get_freeze_count() == 0


def test_the_windows_open_freezes_from_its_own_smaller_count_a_passing_load_does_not(unfrozen):
    """A load for a moment (a rekap's, a carry-over's) freezes only past FREEZE_OVER: a
    freeze also takes garbage cycles not yet found, and only the window's workbook is handed
    back (at its close). The window's open, which nests such loads, freezes from its own."""
    n = (collector.WINDOW_FREEZE_OVER + collector.FREEZE_OVER) // 2
    with collector.paused(keep=True):
        kept = [_Node() for _ in range(n)]
    assert gc.get_freeze_count() == 0  # a load of its own: left to the collector
    gc.collect()
    collector.pause(keep=True, freeze_over=collector.WINDOW_FREEZE_OVER)  # the window's open
    with collector.paused(keep=True):  # the load inside it
        kept += [_Node() for _ in range(n)]
    assert gc.get_freeze_count() == 0  # not before the open ends
    collector.resume()
    assert gc.get_freeze_count() >= n
    gc.unfreeze()
    with collector.paused(keep=True):  # the smaller count does not outlive its pause
        kept += [_Node() for _ in range(n)]
    assert gc.get_freeze_count() == 0


def test_release_hands_frozen_objects_back_and_collects_their_cycles(unfrozen):
    with collector.paused(keep=True):
        made = [_Node() for _ in range(collector.FREEZE_OVER + 1_000)]
    probe = weakref.ref(made[0])
    del made  # cycles: only the collector frees them, and it skips frozen objects
    gc.collect()
    assert probe() is not None
    assert _full_passes(collector.release) == 1
    assert probe() is None and gc.get_freeze_count() == 0
    assert _full_passes(collector.release) == 0  # nothing frozen: nothing to do


def test_a_workbook_closed_while_another_opens_is_collected_when_the_open_ends(unfrozen):
    with collector.paused(keep=True):
        first = [_Node() for _ in range(collector.FREEZE_OVER + 1_000)]
    probe = weakref.ref(first[0])
    collector.pause(keep=True)  # the next workbook is being opened
    second = [_Node() for _ in range(collector.FREEZE_OVER + 1_000)]
    del first  # the first one is closed (its cycles need a pass)
    assert _full_passes(collector.release) == 0 and gc.get_freeze_count() == 0  # not while loading
    assert _full_passes(collector.resume) == 1  # once the open ends, on this (the main) thread
    assert probe() is None
    assert gc.get_freeze_count() >= len(second) and gc.isenabled()  # the new workbook frozen


def test_a_big_pause_that_keeps_freezes_in_any_thread_one_that_does_not_never(unfrozen):
    def big_pause(keep):
        collector.pause(keep)
        made = [_Node() for _ in range(collector.FREEZE_OVER + 20_000)]
        collector.resume()
        return made

    kept = []
    t = threading.Thread(target=lambda: kept.append(big_pause(False)))
    t.start()
    t.join(10)
    assert gc.get_freeze_count() == 0 and gc.isenabled()  # an export's objects: left to the collector
    kept.append(big_pause(False))
    assert gc.get_freeze_count() == 0
    t = threading.Thread(target=lambda: kept.append(big_pause(True)))  # the quarters read after the paint
    t.start()
    t.join(10)
    assert gc.get_freeze_count() >= collector.FREEZE_OVER + 20_000 and gc.isenabled()


def test_a_keeping_pause_inside_another_freezes_when_the_outer_one_ends(unfrozen):
    collector.pause()
    with collector.paused(keep=True):  # the load in the open's worker, inside the window's pause
        made = [_Node() for _ in range(collector.FREEZE_OVER + 1_000)]
    assert gc.get_freeze_count() == 0 and not gc.isenabled()
    collector.resume()
    assert gc.get_freeze_count() >= len(made)
    gc.unfreeze()
    with collector.paused():  # the keep of an ended pause does not leak into the next one
        made = [_Node() for _ in range(collector.FREEZE_OVER + 1_000)]
    assert gc.get_freeze_count() == 0


def test_the_window_s_start_runs_paused_and_freezes_what_it_made(unfrozen):
    collector.begin_start()
    collector.begin_start()  # once only: a second call adds no pause to end
    assert not gc.isenabled()
    with collector.paused(keep=True):  # the first workbook's load, inside the start
        kept = [_Node() for _ in range(1_000)]  # small: a load alone would not freeze it
    assert not gc.isenabled()  # the start still runs
    assert _full_passes(collector.end_start) == 0
    assert gc.isenabled() and gc.get_freeze_count() >= len(kept)
    gc.unfreeze()
    collector.end_start()  # no start running: nothing to end
    with collector.paused():
        assert not gc.isenabled()
    assert gc.isenabled()


def test_a_start_that_never_began_ends_as_nothing():
    collector.end_start()  # ``ui.app.run`` called without ``__main__`` (tests, the smoke run)
    assert gc.isenabled() and gc.get_freeze_count() == 0
    with collector.paused():
        assert not gc.isenabled()
    assert gc.isenabled()
