"""The audit log: who changed what, when. Ballot choices are never logged."""

from __future__ import annotations

import json
from collections import defaultdict

import sqlite_utils

from .db import Store, now_iso
from .i18n import is_key, t

SYSTEM = "hệ thống"


def log(
    db: sqlite_utils.Database,
    actor: str,
    action: str,
    entity: str = "",
    entity_id: int | None = None,
    detail: str = "",
) -> None:
    """Append a row; call inside the transaction of the change it records."""
    db["audit_log"].insert(
        {
            "at": now_iso(),
            "actor": actor or SYSTEM,
            "action": action,
            "entity": entity,
            "entity_id": entity_id,
            "detail": detail,
        }
    )


def count(store: Store) -> int:
    """How many entries the log holds in all."""
    return int(store.scalar("SELECT COUNT(*) FROM audit_log"))


def entries(store: Store, *, actor: str | None = None, action: str | None = None, limit: int = 5000) -> list[dict]:
    where, params = [], {}
    if actor:
        where.append("actor = :actor")
        params["actor"] = actor
    if action:
        where.append("action = :action")
        params["action"] = action
    clause = ("WHERE " + " AND ".join(where)) if where else ""
    params["limit"] = limit
    return store.query(f"SELECT * FROM audit_log {clause} ORDER BY id DESC LIMIT :limit", params)


def action_label(action: str) -> str:
    """What an action code ("round.closed") means to the secretary ("Khóa vòng");
    an unknown code shows as itself."""
    key = f"audit.action.{action}"
    return t(key) if is_key(key) else action


def entity_label(entity: str, entity_id: int | None = None, name: str = "") -> str:
    """What a row is about, as the secretary calls it: "Vòng #3", or with the
    thing's current name "Chỉ tiêu #18 — Tỷ lệ văn bản điện tử"."""
    key = f"audit.entity.{entity}"
    kind = t(key) if is_key(key) else entity
    label = kind if entity_id is None else f"{kind} #{entity_id}"
    return f"{label} — {name}" if name else label


# The column that names a row of each table the log refers to.
_NAME_COLUMNS = {
    "agenda_items": "title",
    "candidates": "full_name",
    "counting_board": "full_name",
    "criteria_sets": "name",
    "indicators": "name",
    "members": "full_name",
    "movements": "name",
    "rounds": "name",
    "titles": "name",
    "units": "name",
}


def current_names(store: Store, rows: list[dict]) -> dict[tuple[str, int], str]:
    """(entity, id) -> the current name of each row the entries refer to, one query
    per table; a row deleted since has no name (its entries keep the number)."""
    wanted: dict[str, set[int]] = defaultdict(set)
    for row in rows:
        if row["entity"] in _NAME_COLUMNS and row["entity_id"] is not None:
            wanted[row["entity"]].add(int(row["entity_id"]))
    names: dict[tuple[str, int], str] = {}
    for table, ids in wanted.items():
        # Table and column come from _NAME_COLUMNS, never from the log's text.
        found = store.query(
            f"SELECT id, {_NAME_COLUMNS[table]} AS name FROM {table} WHERE id IN (SELECT value FROM json_each(?))",
            (json.dumps(sorted(ids)),),
        )
        names.update({(table, r["id"]): r["name"] or "" for r in found})
    return names
