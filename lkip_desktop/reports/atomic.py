"""One output file written whole or not at all: rendered to a temporary name in the target
folder and renamed over the target only when complete, so a failure or a cancel never leaves
a half-written report (nor replaces a good one with it)."""

from __future__ import annotations

import os
import uuid
from pathlib import Path
from typing import Callable


def temporary_beside(target: Path) -> Path:
    """A fresh name in ``target``'s folder, hidden, keeping its suffix (some writers check it)."""
    return target.with_name(f".{target.stem}-{uuid.uuid4().hex[:8]}.tmp{target.suffix}")


def write_whole(target: str | os.PathLike, write: Callable[[Path], object]) -> Path:
    """``write(temporary)`` then rename it to ``target``; on any error the temporary goes."""
    target = Path(target)
    tmp = temporary_beside(target)
    try:
        write(tmp)
        os.replace(tmp, target)
    finally:
        tmp.unlink(missing_ok=True)
    return target
