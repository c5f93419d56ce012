"""The collector pause of bulk work: off inside, back as it was after, overlapping pauses in
two threads end with the last one."""

from __future__ import annotations

import gc
import threading

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


def test_a_big_pause_ends_with_one_full_pass_a_small_one_without():
    def make(n):
        def run():
            with collector.paused():
                kept = [[i] for i in range(n)]  # container objects: counted by the collector
            return kept
        return run

    gc.collect()
    assert _full_passes(make(collector.SWEEP_OVER + 20_000)) == 1
    gc.collect()
    assert _full_passes(make(1_000)) == 0


def test_a_big_pause_ended_in_a_worker_leaves_the_pass_to_the_collector():
    def big_pause():
        collector.pause()
        made = [[i] for i in range(collector.SWEEP_OVER + 20_000)]
        collector.resume()
        del made

    def in_worker():
        t = threading.Thread(target=big_pause)
        t.start()
        t.join(10)

    gc.collect()
    assert _full_passes(in_worker) == 0
    assert gc.isenabled()
