"""The audit log: who changed what, when. Ballot choices are never logged."""

from __future__ import annotations

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


def entity_label(entity: str, entity_id: int | None = None) -> str:
    """The table a row is about, as the secretary calls it ("Vòng #3")."""
    key = f"audit.entity.{entity}"
    name = t(key) if is_key(key) else entity
    return name if entity_id is None else f"{name} #{entity_id}"
