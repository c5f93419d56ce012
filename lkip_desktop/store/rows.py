"""How one op becomes SQL on the open file: the row it touches, its audit row, and the ops
that undo it (``WorkbookService.apply`` runs these inside its one transaction)."""

from __future__ import annotations

import json
import sqlite3

from ..domain.errors import InputError
from .history import write_audit
from .kinds import to_json
from .ops import DeleteOp, InsertOp, Op, SetOp
from .schema import CHILDREN, TABLES, UPSERT_TABLES, VALUE_TABLES


# UPDATE ... RETURNING (the row as stored, not read back) from SQLite 3.35; an older SQLite
# (a Linux Python built on it) reads the row back as before.
RETURNING = sqlite3.sqlite_version_info >= (3, 35, 0)


def read_row(conn, table: str, key: tuple) -> dict | None:
    cols = TABLES[table].key
    where = " AND ".join(f"[{c}] = ?" for c in cols)
    cur = conn.execute(f"SELECT * FROM [{table}] WHERE {where}", tuple(key))
    r = cur.fetchone()
    if r is None:
        return None
    return dict(zip([c[0] for c in cur.description], r))


def execute(conn, user: str, op: Op, waktu: str, label: str, touched: list, audit: bool = True,
            stored: dict | None = None) -> list[Op]:
    """Run ``op``; ``stored`` (if given) gets the row as stored after an UPDATE, by (table,
    key), so the caller need not read it back (other writes drop their key from it)."""
    if isinstance(op, SetOp):
        t = TABLES[op.ref.table]
        kind = t.fields[op.ref.field]
        key = tuple(op.ref.key)
        new_db = kind.to_db(op.value) if not (op.value is None and t.name in VALUE_TABLES) else None
        row = read_row(conn, t.name, key)
        old_db = row.get(op.ref.field) if row else None
        old_value = kind.from_db(old_db)
        if row is None and new_db is None:
            return []
        if stored is not None:
            stored.pop((t.name, key), None)
        if t.name in VALUE_TABLES and new_db is None:
            where = " AND ".join(f"[{c}] = ?" for c in t.key)
            conn.execute(f"DELETE FROM [{t.name}] WHERE {where}", key)
            touched.append((t.name, key, False))
        elif row is None:
            if t.name not in UPSERT_TABLES:
                raise InputError(f"{t.label} tidak ditemukan (mungkin sudah dihapus).")
            cols = list(t.key) + [op.ref.field]
            conn.execute(
                f"INSERT INTO [{t.name}] ({', '.join(f'[{c}]' for c in cols)}) VALUES ({', '.join('?' * len(cols))})",
                key + (new_db,),
            )
            touched.append((t.name, key, True))
            write_audit(conn, user, waktu, "ubah", t.name, key, op.ref.field, None, new_db, label)
            return [DeleteOp(t.name, key)]  # the row did not exist before: undo removes it
        else:
            if old_db == new_db:
                return []
            where = " AND ".join(f"[{c}] = ?" for c in t.key)
            returning = " RETURNING *" if RETURNING else ""
            cur = conn.execute(f"UPDATE [{t.name}] SET [{op.ref.field}] = ? WHERE {where}{returning}",
                               (new_db,) + key)
            after = cur.fetchall()  # to the end: a statement left running would hold the commit
            if stored is not None and len(after) == 1:
                stored[(t.name, key)] = dict(zip([c[0] for c in cur.description], after[0]))
            touched.append((t.name, key, True))
        write_audit(conn, user, waktu, "ubah", t.name, key, op.ref.field, old_db, new_db, label)
        return [SetOp(op.ref, old_value)]
    if isinstance(op, InsertOp):
        t = TABLES[op.table]
        data = {}
        for col, v in op.row.items():
            data[col] = t.fields[col].to_db(v) if col in t.fields else v
        cols = list(data)
        conn.execute(
            f"INSERT INTO [{t.name}] ({', '.join(f'[{c}]' for c in cols)}) VALUES ({', '.join('?' * len(cols))})",
            tuple(data.values()),
        )
        key = tuple(data[c] for c in t.key)
        touched.append((t.name, key, True))
        if audit:
            write_audit(conn, user, waktu, "tambah", t.name, key, None, None,
                        json.dumps({k: to_json(v) for k, v in data.items()}, ensure_ascii=False), label)
        return [DeleteOp(t.name, key)]
    if isinstance(op, DeleteOp):
        t = TABLES[op.table]
        captured = capture(conn, t.name, tuple(op.key))
        if not captured:
            return []
        # Children first: indicators hang off their owner without a foreign key.
        for table, row in reversed(captured):
            cols = TABLES[table].key
            where = " AND ".join(f"[{c}] = ?" for c in cols)
            conn.execute(f"DELETE FROM [{table}] WHERE {where}", tuple(row[c] for c in cols))
        for table, row in captured:
            touched.append((table, tuple(row[c] for c in TABLES[table].key), False))
        write_audit(conn, user, waktu, "hapus", t.name, tuple(op.key), None,
                    json.dumps({k: to_json(v) for k, v in captured[0][1].items()}, ensure_ascii=False),
                    None, label)
        return [InsertOp(table, from_db_row(table, row)) for table, row in captured]
    raise TypeError(op)

def capture(conn, table: str, key: tuple) -> list[tuple[str, dict]]:
    """The row and everything hanging off it, parents first and links last (the order to
    re-insert: a link needs both ends), each row once."""
    seen: set = set()
    entities: list[tuple[str, dict]] = []
    links: list[tuple[str, dict]] = []
    for t, r in _capture_tree(conn, table, key):
        ident = (t, tuple(r[c] for c in TABLES[t].key))
        if ident in seen:
            continue
        seen.add(ident)
        (links if t == "dukungan" else entities).append((t, r))
    return entities + links

def _capture_tree(conn, table: str, key: tuple) -> list[tuple[str, dict]]:
    row = read_row(conn, table, key)
    if row is None:
        return []
    out = [(table, row)]
    for child_table, fk in CHILDREN.get(table, []):
        cur = conn.execute(f"SELECT * FROM [{child_table}] WHERE [{fk}] = ?", (key[0],))
        names = [c[0] for c in cur.description]
        for r in cur.fetchall():
            child = dict(zip(names, r))
            if child_table == "budget_item" or TABLES[child_table].key == ("id",):
                out.extend(_capture_tree(conn, child_table, (child["id"],)))
            else:
                out.append((child_table, child))
    return out


def from_db_row(table: str, row: dict) -> dict:
    fields = TABLES[table].fields
    return {k: (fields[k].from_db(v) if k in fields else v) for k, v in row.items()}


def integrity_message(exc: sqlite3.IntegrityError) -> str:
    text = str(exc)
    if "UNIQUE" in text or "PRIMARY KEY" in text:
        return "Data yang sama sudah ada."
    if "FOREIGN KEY" in text:
        return "Data rujukan (induk) tidak ada."
    if "CHECK" in text:
        return "Nilai di luar batas yang diizinkan (mis. pagu negatif)."
    if "NOT NULL" in text:
        return "Ada kolom wajib yang belum diisi."
    return f"Data tidak sah: {text}"
