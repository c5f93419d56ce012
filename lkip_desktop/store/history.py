"""The audit trail: one row per change (when, who, what, old -> new), written inside each
``apply`` and read back for a cell's history."""

from __future__ import annotations

import json
from dataclasses import dataclass
from typing import Any

from .kinds import from_json, to_json
from .ops import CellRef
from .schema import TABLES


@dataclass(frozen=True)
class AuditEntry:
    """One row of the change history."""
    id: int
    waktu: str
    pengguna: str
    aksi: str
    tabel: str
    kunci: tuple
    kolom: str | None
    lama: Any
    baru: Any
    label: str | None


def write_audit(conn, user, waktu, aksi, tabel, key, kolom, lama, baru, label) -> None:
    conn.execute(
        "INSERT INTO audit (waktu, pengguna, aksi, tabel, kunci, kolom, lama, baru, label) "
        "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
        (waktu, user, aksi, tabel, json.dumps(list(key), ensure_ascii=False), kolom,
         None if lama is None else json.dumps(to_json(lama), ensure_ascii=False) if aksi == "ubah" else lama,
         None if baru is None else json.dumps(to_json(baru), ensure_ascii=False) if aksi == "ubah" else baru,
         label),
    )


def read_history(conn, ref: CellRef | None = None, limit: int = 500) -> list[AuditEntry]:
    if ref is None:
        cur = conn.execute("SELECT * FROM audit ORDER BY id DESC LIMIT ?", (limit,))
    else:
        cur = conn.execute(
            "SELECT * FROM audit WHERE tabel = ? AND kunci = ? AND (kolom = ? OR kolom IS NULL) "
            "ORDER BY id DESC LIMIT ?",
            (ref.table, json.dumps(list(ref.key), ensure_ascii=False), ref.field, limit),
        )
    names = [c[0] for c in cur.description]
    out = []
    for r in cur.fetchall():
        d = dict(zip(names, r))
        kind = TABLES[d["tabel"]].fields.get(d["kolom"]) if d["kolom"] else None
        lama, baru = d["lama"], d["baru"]
        if kind is not None:
            lama = kind.from_db(from_json(json.loads(lama))) if lama is not None else None
            baru = kind.from_db(from_json(json.loads(baru))) if baru is not None else None
        out.append(AuditEntry(d["id"], d["waktu"], d["pengguna"], d["aksi"], d["tabel"],
                              tuple(json.loads(d["kunci"])), d["kolom"], lama, baru, d["label"]))
    return out
