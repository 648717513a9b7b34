"""Access codes, login sessions and rate limiting.

Each council member gets a short personal access code, shown once (and on the
printed QR sheet), stored only as a salted scrypt hash. Logging in creates a
session token that the browser keeps in its URL so a reload or a sleeping
laptop comes back signed in; only the token's SHA-256 is stored, and logout
revokes it.
"""

from __future__ import annotations

import hashlib
import hmac
import secrets
import time

from . import audit
from .db import Store, now_iso
from .errors import PermissionDenied, ValidationError

# Unambiguous characters: no 0/O, 1/I/L, so a code read aloud or typed from
# paper is typed right.
_CODE_ALPHABET = "23456789ABCDEFGHJKMNPQRSTUVWXYZ"
_SCRYPT = {"n": 2**14, "r": 8, "p": 1}
MAX_FAILURES = 5
FAILURE_WINDOW_S = 60.0


def generate_code(groups: int = 3, size: int = 4) -> str:
    """A code like "K7PQ-4QXM-9M2T": 12 characters of 31, about 59 bits."""
    return "-".join("".join(secrets.choice(_CODE_ALPHABET) for _ in range(size)) for _ in range(groups))


def normalise_code(code: str) -> str:
    return "".join(ch for ch in code.upper() if ch.isalnum())


def hash_code(code: str) -> str:
    salt = secrets.token_bytes(16)
    digest = hashlib.scrypt(normalise_code(code).encode(), salt=salt, **_SCRYPT)
    return f"scrypt${salt.hex()}${digest.hex()}"


def verify_code(code: str, stored: str | None) -> bool:
    if not stored or not stored.startswith("scrypt$"):
        return False
    _, salt_hex, digest_hex = stored.split("$")
    digest = hashlib.scrypt(normalise_code(code).encode(), salt=bytes.fromhex(salt_hex), **_SCRYPT)
    return hmac.compare_digest(digest.hex(), digest_hex)


def _lookup_key(store: Store) -> bytes:
    """A random per-database key, so lookup digests differ between databases."""
    key = store.scalar("SELECT value FROM settings WHERE key = 'auth.lookup_key'")
    if key is None:
        with store.write() as db:
            key = secrets.token_hex(16)
            db.execute("INSERT OR IGNORE INTO settings (key, value) VALUES ('auth.lookup_key', ?)", [key])
            key = db.execute("SELECT value FROM settings WHERE key = 'auth.lookup_key'").fetchone()[0]
    return bytes.fromhex(key)


def code_lookup(store: Store, code: str) -> str:
    """Finds the member row in one indexed read, so login costs one scrypt, not
    one per member. 64 bits of a keyed digest of a 70-bit random code."""
    return hmac.new(_lookup_key(store), normalise_code(code).encode(), "sha256").hexdigest()[:16]


def set_code(
    store: Store, member_id: int, actor: str, code: str | None = None, *, keep_token: str | None = None
) -> str:
    """Give a member a new access code (returned once); old sessions are revoked,
    except `keep_token` (the secretary resetting their own code stays signed in)."""
    return reset_codes(store, [member_id], actor, {member_id: code} if code else None, keep_token=keep_token)[member_id]


def reset_codes(
    store: Store,
    member_ids: list[int],
    actor: str,
    codes: dict[int, str] | None = None,
    *,
    keep_token: str | None = None,
) -> dict[int, str]:
    """New access codes for several members in one transaction: member id -> code.
    Only hashes are stored, so the codes are shown (or printed) now or never."""
    chosen = {m: (codes or {}).get(m) or generate_code() for m in dict.fromkeys(member_ids)}
    hashed = {m: (hash_code(code), code_lookup(store, code)) for m, code in chosen.items()}
    keep = _token_hash(keep_token) if keep_token else ""
    with store.write() as db:
        for member_id, (code_hash, lookup) in hashed.items():
            name = db.execute("SELECT full_name FROM members WHERE id = ?", [member_id]).fetchone()
            if name is None:
                raise ValidationError("err.not_found", what="what.member", id=member_id)
            db["members"].update(member_id, {"code_hash": code_hash, "code_lookup": lookup})
            db.execute("UPDATE sessions SET revoked = 1 WHERE member_id = ? AND token_hash != ?", [member_id, keep])
            audit.log(db, actor, "member.code_reset", "members", member_id, name[0])
    return chosen


def _token_hash(token: str) -> str:
    return hashlib.sha256(token.encode()).hexdigest()


def seconds_until_allowed(store: Store, client: str) -> int:
    """0 when the client may try again; else how long to wait."""
    since = time.time() - FAILURE_WINDOW_S
    rows = store.query("SELECT at FROM login_failures WHERE client = ? AND at > ? ORDER BY at", (client, since))
    if len(rows) < MAX_FAILURES:
        return 0
    return max(1, int(rows[-MAX_FAILURES]["at"] + FAILURE_WINDOW_S - time.time()) + 1)


def login(store: Store, code: str, client: str = "local") -> tuple[dict, str]:
    """Check a code; return (member, session token). Wrong codes are rate-limited
    per client (a browser session), so guessing codes is impractical."""
    wait = seconds_until_allowed(store, client)
    if wait:
        raise PermissionDenied("err.rate_limited", seconds=wait)
    rows = store.query("SELECT * FROM members WHERE active = 1 AND code_lookup = ?", (code_lookup(store, code),))
    member = rows[0] if rows and verify_code(code, rows[0]["code_hash"]) else None
    if member is None:
        with store.write() as db:
            db["login_failures"].insert({"client": client, "at": time.time()})
        raise PermissionDenied("err.bad_code")
    token = secrets.token_urlsafe(24)
    with store.write() as db:
        now = now_iso()
        db["sessions"].insert(
            {"token_hash": _token_hash(token), "member_id": member["id"], "created_at": now, "last_seen": now}
        )
        db.execute("DELETE FROM login_failures WHERE client = ?", [client])
        audit.log(db, member["full_name"], "login", "members", member["id"])
    return _public(member), token


def resume(store: Store, token: str | None) -> dict | None:
    """The member of a live session token, or None."""
    if not token:
        return None
    rows = store.query(
        "SELECT m.* FROM sessions s JOIN members m ON m.id = s.member_id "
        "WHERE s.token_hash = ? AND s.revoked = 0 AND m.active = 1",
        (_token_hash(token),),
    )
    return _public(rows[0]) if rows else None


def logout(store: Store, token: str) -> None:
    with store.write() as db:
        rows = list(
            db.query(
                "SELECT m.id, m.full_name FROM sessions s JOIN members m ON m.id = s.member_id "
                "WHERE s.token_hash = ? AND s.revoked = 0",
                [_token_hash(token)],
            )
        )
        db.execute("UPDATE sessions SET revoked = 1 WHERE token_hash = ?", [_token_hash(token)])
        if rows:
            audit.log(db, rows[0]["full_name"], "logout", "members", rows[0]["id"])


def _public(member: dict) -> dict:
    return {k: v for k, v in member.items() if k not in ("code_hash", "code_lookup")}
