"""The one module that owns SQLite.

Streamlit runs every browser session in a thread of one process, so a single
shared connection is not safe. A `Store` keeps one connection per thread (all
configured the same way: WAL, foreign keys, busy timeout, autocommit so that
transactions are explicit) and wraps it in a sqlite-utils `Database`.

Writes go through `Store.write()`, which opens `BEGIN IMMEDIATE`: the write lock
is taken at the start, so two sessions that read-then-write cannot deadlock
into "database is locked" halfway through.
"""

from __future__ import annotations

import contextlib
import os
import sqlite3
import threading
from collections.abc import Iterator
from datetime import datetime
from pathlib import Path
from typing import Any

import sqlite_utils

from .errors import DomainError, ValidationError, from_sqlite
from .schema import MIGRATIONS, SCHEMA_VERSION
from .text import fold

BUSY_TIMEOUT_S = 15.0
DEFAULT_DB_PATH = Path(__file__).resolve().parent.parent / "data" / "hoi-nghi.db"


def default_db_path() -> Path:
    """The database path: `$HOI_NGHI_DB` if set, else a git-ignored file under data/."""
    env = os.environ.get("HOI_NGHI_DB")
    return Path(env) if env else DEFAULT_DB_PATH


def now_iso() -> str:
    """Local time to the second, ISO 8601: what audit rows and submissions record."""
    return datetime.now().isoformat(timespec="seconds")


def _connect(path: Path | str) -> sqlite3.Connection:
    conn = sqlite3.connect(
        str(path),
        timeout=BUSY_TIMEOUT_S,
        isolation_level=None,  # autocommit: we issue BEGIN/COMMIT ourselves
        check_same_thread=False,
    )
    conn.execute(f"PRAGMA busy_timeout = {int(BUSY_TIMEOUT_S * 1000)}")
    conn.execute("PRAGMA foreign_keys = ON")
    conn.execute("PRAGMA synchronous = NORMAL")  # safe with WAL; a crash loses no committed write
    # fold(name) in SQL: duplicate checks ignore case and how diacritics were typed.
    conn.create_function("fold", 1, fold, deterministic=True)
    return conn


class Store:
    """A SQLite database file, safe to share between threads."""

    def __init__(self, path: Path | str) -> None:
        self.path = Path(path)
        self._local = threading.local()
        self._all: list[sqlite3.Connection] = []
        self._lock = threading.Lock()
        self._writer = threading.Lock()
        self.path.parent.mkdir(parents=True, exist_ok=True)
        conn = self._conn()
        conn.execute("PRAGMA journal_mode = WAL")
        self.migrate()

    def _conn(self) -> sqlite3.Connection:
        conn = getattr(self._local, "conn", None)
        if conn is None:
            conn = _connect(self.path)
            self._local.conn = conn
            with self._lock:
                self._all.append(conn)
        return conn

    @property
    def db(self) -> sqlite_utils.Database:
        """This thread's sqlite-utils view of the database."""
        db = getattr(self._local, "db", None)
        if db is None:
            db = sqlite_utils.Database(self._conn())
            self._local.db = db
        return db

    # -- schema -----------------------------------------------------------
    @property
    def version(self) -> int:
        return self._conn().execute("PRAGMA user_version").fetchone()[0]

    def migrate(self) -> None:
        """Apply the migrations this file lacks, each in its own transaction."""
        conn = self._conn()
        current = self.version
        if current > SCHEMA_VERSION:
            raise DomainError("err.schema_too_new", found=current, expected=SCHEMA_VERSION)
        for number in range(current, SCHEMA_VERSION):
            conn.execute("BEGIN IMMEDIATE")
            try:
                # Re-read under the lock: another process may have migrated meanwhile.
                if conn.execute("PRAGMA user_version").fetchone()[0] > number:
                    conn.execute("COMMIT")
                    continue
                for statement in _split_sql(MIGRATIONS[number]):
                    conn.execute(statement)
                conn.execute(f"PRAGMA user_version = {number + 1}")
                conn.execute("COMMIT")
            except BaseException:
                conn.execute("ROLLBACK")
                raise

    # -- transactions -------------------------------------------------------
    @contextlib.contextmanager
    def write(self) -> Iterator[sqlite_utils.Database]:
        """A write transaction (BEGIN IMMEDIATE); nested calls join the outer one."""
        conn = self._conn()
        if conn.in_transaction:
            yield self.db
            return
        # One writer per process at a time: threads queue on this lock and are
        # woken at once, instead of sleeping in SQLite's busy handler. Other
        # processes are still kept out by BEGIN IMMEDIATE and the busy timeout.
        with self._writer:
            conn.execute("BEGIN IMMEDIATE")
            try:
                yield self.db
            except BaseException as exc:
                if conn.in_transaction:
                    conn.execute("ROLLBACK")
                if isinstance(exc, sqlite3.DatabaseError):
                    raise from_sqlite(exc) from exc
                raise
            else:
                conn.execute("COMMIT")

    def query(self, sql: str, params: dict[str, Any] | tuple | None = None) -> list[dict]:
        """Rows as dicts."""
        return list(self.db.query(sql, params or {}))

    def scalar(self, sql: str, params: dict[str, Any] | tuple | None = None) -> Any:
        row = self._conn().execute(sql, params or {}).fetchone()
        return None if row is None else row[0]

    def close(self) -> None:
        with self._lock:
            for conn in self._all:
                with contextlib.suppress(sqlite3.Error):
                    conn.close()
            self._all.clear()
        self._local = threading.local()


def get_row(db: sqlite_utils.Database, table: str, row_id: object, what: str) -> dict:
    """Row `row_id` of `table`, else a "not found" error naming `what`, a catalogue
    key ("what.unit"…) shown in the reader's language."""
    rows = list(db.query(f"SELECT * FROM {table} WHERE id = ?", [row_id]))
    if not rows:
        raise ValidationError("err.not_found", what=what, id=row_id)
    return rows[0]


def _split_sql(script: str) -> list[str]:
    """Split a migration into statements, keeping trigger bodies whole."""
    statements: list[str] = []
    buffer = ""
    for line in script.splitlines(keepends=True):
        if line.strip().startswith("--") and not buffer.strip():
            continue
        buffer += line
        if sqlite3.complete_statement(buffer):
            if buffer.strip():
                statements.append(buffer.strip())
            buffer = ""
    if buffer.strip():
        statements.append(buffer.strip())
    return statements


_stores: dict[Path, Store] = {}
_stores_lock = threading.Lock()


def open_store(path: Path | str | None = None) -> Store:
    """The shared `Store` for a path (one per process and file)."""
    resolved = Path(path or default_db_path()).resolve()
    with _stores_lock:
        store = _stores.get(resolved)
        if store is None:
            store = Store(resolved)
            _stores[resolved] = store
        return store


def forget_store(path: Path | str) -> None:
    """Close and drop the shared store for a path (after a restore, in tests)."""
    resolved = Path(path).resolve()
    with _stores_lock:
        store = _stores.pop(resolved, None)
    if store is not None:
        store.close()
