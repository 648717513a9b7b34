"""The audit log: who changed what, when. Ballot choices are never logged."""

from __future__ import annotations

import sqlite_utils

from .db import Store, now_iso

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
