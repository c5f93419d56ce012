"""The four office screens of issue 14 (1366x768 at 100 % and 125 %, 1920x1080 at 150 % and
200 %): the real main window, sized as on first start, on every page fits the screen, keeps
its status bar on screen, cuts nothing off without a scroll bar, and keeps the key columns
(Capaian, Peringkat) reachable. Each screen runs in its own process (the scale factor is read
when Qt starts); the four run side by side."""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from lkip_desktop.ui.pages.registry import PAGE_KEYS

from .screen_probe import KEY_COLUMNS, SCREENS, screen_env
from .test_screen_fit import MAX_H, MAX_W

PROBE = Path(__file__).with_name("screen_probe.py")


@pytest.fixture(scope="module")
def measured(_demo_master, tmp_path_factory) -> dict[str, dict]:
    """What each screen's process measured, by screen name (the PNGs lie beside it)."""
    base = tmp_path_factory.mktemp("screens")
    runs = {}
    for name, width, height, scale in SCREENS:
        folder = base / name
        folder.mkdir()
        demo = shutil.copy(_demo_master, folder / "demo.lkip")
        env = screen_env(folder, width, height, scale)
        for var in ("XDG_CONFIG_HOME", "XDG_DATA_HOME", "XDG_CACHE_HOME", "XDG_STATE_HOME"):
            env[var] = str(folder / var.lower())  # a first start: no saved geometry
        runs[name] = (folder, subprocess.Popen([sys.executable, str(PROBE), str(demo), str(folder)], env=env,
                                               stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True))
    out = {}
    for name, (folder, proc) in runs.items():
        stdout, stderr = proc.communicate(timeout=180)
        assert proc.returncode == 0, (name, stderr[-3000:])
        out[name] = json.loads(stdout) | {"folder": str(folder)}
    return out


def _inside(rect, outer) -> bool:
    x, y, w, h = rect
    ox, oy, ow, oh = outer
    return x >= ox and y >= oy and x + w <= ox + ow and y + h <= oy + oh


def _scrolls(view) -> bool:
    """A horizontal scroll bar the user sees and can move (per pixel or per column)."""
    return view["bar_visible"] and view["bar_max"] > 0


@pytest.mark.parametrize("screen", [s[0] for s in SCREENS])
def test_every_page_fits_the_office_screen(measured, screen):
    m = measured[screen]
    scale = next(s[3] for s in SCREENS if s[0] == screen)
    assert m["dpr"] == pytest.approx(scale)  # the real scaling path ran
    assert sorted(m["pages"]) == sorted(PAGE_KEYS)
    for key, p in m["pages"].items():
        where = (screen, key)
        assert _inside(p["frame"], m["available"]), (where, "window off screen", p["frame"], m["available"])
        assert p["status_visible"] and _inside(p["status"], m["available"]), (where, "status bar", p["status"])
        assert p["min_hint"][0] <= MAX_W and p["min_hint"][1] <= MAX_H, (where, p["min_hint"])
        assert p["minimum"][0] <= MAX_W and p["minimum"][1] <= MAX_H, (where, p["minimum"])
        assert p["cut"] == [], (where, "cut off without a scroll bar", p["cut"])
        for view in p["views"]:
            if view["length"] > view["viewport"] + 1:  # wider than shown: a scroll bar reaches the rest
                assert _scrolls(view), (where, view)
        # the grab is the window at the screen's pixel density, saved as a PNG
        grab_w, grab_h, grab_dpr = p["grab"]
        assert grab_dpr == pytest.approx(scale)
        assert abs(grab_w - p["size"][0] * scale) <= 2 and abs(grab_h - p["size"][1] * scale) <= 2, (where, p["grab"])
        assert (Path(m["folder"]) / f"{key}.png").stat().st_size > 5000, where


@pytest.mark.parametrize("screen", [s[0] for s in SCREENS])
def test_capaian_and_peringkat_stay_reachable(measured, screen):
    for key, titles in KEY_COLUMNS.items():
        views = measured[screen]["pages"][key]["views"]
        for title in titles:
            found = [(v, col) for v in views for t, col in v["columns"].items() if t.startswith(title)]
            assert found, (screen, key, title, "column hidden")
            for view, col in found:
                beyond = col["x"] + col["w"] - view["viewport"]
                assert beyond <= 1 or _scrolls(view), (screen, key, title, view)
