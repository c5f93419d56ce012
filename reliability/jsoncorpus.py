"""Damaged JSON documents from a good one (the demo's workbook JSON, the reference JSON):
``JsonCorpus(doc).make(rng, dest)`` writes one and returns what was done.

One place of the document (a key of an object or an element of a list, anywhere) gets a
wrong value (wrong type, huge or odd number, odd unicode, deep nesting), is deleted,
loses its row's ``id``, takes the value of the same key in a sibling row (duplicate keys,
cycles, references to the wrong row) or is duplicated; a few files are cut or get flipped
bytes. Only the containers on the path to the place are copied, so a case costs little more
than writing the text.
"""

from __future__ import annotations

import json
import random
from pathlib import Path

DEEP = "\u2063deep\u2063"  # replaced in the text by nested lists (json.dumps cannot write them)
VALUES = [1, -1, 0, True, False, 0.5, -0.0, 2**63, -(2**63) - 1, 10**40, 1e308, -1e308, float("inf"),
          float("nan"), "abc", "", " ", "2024_x", "1e999", "NaN", "-0", "0x10", "\uff11\uff12", "\ud800",
          "\x00", "a\x07b", "\u202eabc", "e\u0301", "\U0001d54f" * 3, "x" * 200_000, {}, [], None, [None],
          {"id": 1}, "2024-02-30", "9999-12-31", "kemarin", "=HYPERLINK(\"http://x\")", DEEP]
DEPTHS = [50, 900, 100_000]


def places(node, prefix: tuple = ()):
    """Every place in a JSON document: (path to its container, key or index)."""
    if isinstance(node, dict):
        for k, v in node.items():
            yield prefix, k
            yield from places(v, prefix + (k,))
    elif isinstance(node, list):
        for i, v in enumerate(node):
            yield prefix, i
            yield from places(v, prefix + (i,))


def _along(doc, path: tuple):
    """A shallow copy of ``doc`` with every container on ``path`` copied: (root, container)."""
    root = node = doc.copy()
    for k in path:
        node[k] = node[k].copy()
        node = node[k]
    return root, node


def _sibling_value(doc, path: tuple, key, rng: random.Random):
    """The value of ``key`` in another element of the list that holds this row."""
    if not path or not isinstance(key, str):
        return None
    grand = doc
    for k in path[:-1]:
        grand = grand[k]
    rows = [r for r in grand if isinstance(r, dict) and key in r] if isinstance(grand, list) else []
    return rng.choice(rows)[key] if rows else None


class JsonCorpus:
    def __init__(self, doc: dict):
        self.doc = doc
        self.places = list(places(doc))
        self.text = json.dumps(doc)

    def make(self, rng: random.Random, dest: Path) -> str:
        what = rng.choices(["value", "delete", "no-id", "sibling", "twin", "text"], [60, 10, 5, 15, 5, 5])[0]
        if what == "text":
            data = bytearray(self.text.encode("utf-8"))
            if rng.random() < 0.5:
                cut = rng.randrange(len(data))
                data, what = data[:cut], f"cut{cut}"
            else:
                for _ in range(rng.choice([1, 4])):
                    data[rng.randrange(len(data))] = rng.randrange(256)
                what = "flip"
            dest.write_bytes(bytes(data))
            return what
        path, key = rng.choice(self.places)
        root, node = _along(self.doc, path)
        where = "".join(f"[{k}]" if isinstance(k, int) else f".{k}" for k in path + (key,))
        if what == "value":
            value = rng.choice(VALUES)
            node[key] = value
            what = f"{where}={str(value)[:20]!r}"
        elif what == "delete":
            del node[key]
            what = f"del {where}"
        elif what == "no-id":
            node.pop("id", None) if isinstance(node, dict) else None
            what = f"no id at {where}"
        elif what == "sibling":
            node[key] = _sibling_value(self.doc, path, key, rng)
            what = f"{where}=sibling {str(node[key])[:20]!r}"
        else:
            if isinstance(node, list):
                node.insert(key, node[key])
            else:
                node[key] = [node[key], node[key]]
            what = f"twin {where}"
        text = json.dumps(root)
        if DEEP in what or '"\\u2063deep\\u2063"' in text:
            depth = rng.choice(DEPTHS)
            text = text.replace('"\\u2063deep\\u2063"', "[" * depth + "]" * depth, 1)
            what += f" depth {depth}"
        dest.write_text(text, encoding="utf-8")
        return what
