"""Backups: a consistent snapshot of the whole database, restore with checks,
and automatic snapshots.

Snapshots use SQLite's online backup API (`sqlite3.Connection.backup`): it
copies every page under a read lock, WAL content included, so a snapshot taken
while members are scoring is consistent. A restore is checked first (a SQLite
file, `PRAGMA integrity_check` ok, schema not newer than this software, the
expected tables present), the current data is snapshotted, then the file is
copied into the live database through the backup API again (which takes the
write lock), and the shared `Store` is dropped so the next request reopens it
and applies any missing migration.

Automatic snapshots go to `backups/` beside the database (data/backups/ for the
app, git-ignored): when a round changes phase, and every few minutes while a
round is open; only the newest N are kept (settings `backup_keep`,
`backup_interval_min`).
"""

from __future__ import annotations

import contextlib
import logging
import os
import re
import sqlite3
import tempfile
import threading
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from .db import BUSY_TIMEOUT_S, Store, forget_store, open_store
from .errors import ValidationError
from .schema import SCHEMA_VERSION

log = logging.getLogger(__name__)

SQLITE_HEADER = b"SQLite format 3\x00"
REQUIRED_TABLES = (
    "conference",
    "settings",
    "units",
    "titles",
    "criteria",
    "members",
    "candidates",
    "rounds",
    "round_candidates",
    "scores",
    "score_submissions",
    "ballot_receipts",
    "ballot_tallies",
    "audit_log",
)
KEEP_SETTING = "backup_keep"
DEFAULT_KEEP = 20
INTERVAL_SETTING = "backup_interval_min"
DEFAULT_INTERVAL_MIN = 5.0
BACKUP_DIR_NAME = "backups"


@dataclass
class BackupInfo:
    """What a checked backup file holds, shown before the user confirms a restore."""

    file_name: str
    schema_version: int
    conference: str
    rounds: int
    members: int
    candidates: int
    receipts: int
    submissions: int
    audit_rows: int
    size_bytes: int


# --- snapshots --------------------------------------------------------------------------


def _connect(path: Path | str) -> sqlite3.Connection:
    conn = sqlite3.connect(str(path), timeout=BUSY_TIMEOUT_S, isolation_level=None, check_same_thread=False)
    conn.execute(f"PRAGMA busy_timeout = {int(BUSY_TIMEOUT_S * 1000)}")
    return conn


def snapshot_to(db_path: Path | str, target: Path | str) -> Path:
    """A consistent copy of the database at `db_path`, written to `target`
    (atomically: a half-written file never carries the final name)."""
    target = Path(target)
    target.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp_name = tempfile.mkstemp(prefix=".snapshot-", suffix=".db", dir=target.parent)
    os.close(fd)
    try:
        source = _connect(db_path)
        dest = _connect(tmp_name)
        try:
            source.backup(dest)
            # One self-contained file: no -wal/-shm to carry along when it is copied.
            dest.execute("PRAGMA journal_mode = DELETE")
        finally:
            dest.close()
            source.close()
        os.replace(tmp_name, target)
    except BaseException:
        Path(tmp_name).unlink(missing_ok=True)
        raise
    return target


def snapshot_bytes(db_path: Path | str) -> bytes:
    """The whole database as bytes, for a download."""
    with tempfile.TemporaryDirectory(prefix="backup-") as folder:
        return snapshot_to(db_path, Path(folder) / "snapshot.db").read_bytes()


def download_bytes(db_path: Path | str) -> bytes:
    """The whole database for the secretary to download, refused while a round is being
    voted on: two downloads either side of one ballot would show it (the automatic
    snapshots stay on this computer meanwhile)."""
    if any_round_open(db_path):
        raise ValidationError("xp.backup_sealed")
    return snapshot_bytes(db_path)


def backup_file_name(when: datetime | None = None) -> str:
    """hoi-nghi-sao-luu-20250415-0930.db: sortable, no spaces or diacritics."""
    return f"hoi-nghi-sao-luu-{(when or datetime.now()):%Y%m%d-%H%M}.db"


# --- checking a file -------------------------------------------------------------------------


def inspect(path: Path | str, file_name: str | None = None) -> BackupInfo:
    """Check that `path` is a database this software can restore; say what it holds."""
    path = Path(path)
    name = file_name or path.name
    size = path.stat().st_size if path.exists() else 0
    if size == 0:
        raise ValidationError("bk.err.empty", field="file", file=name)
    with open(path, "rb") as handle:
        if handle.read(len(SQLITE_HEADER)) != SQLITE_HEADER:
            raise ValidationError("bk.err.not_sqlite", field="file", file=name)
    conn = _connect(path)
    try:
        try:
            problems = [row[0] for row in conn.execute("PRAGMA integrity_check").fetchall()]
        except sqlite3.DatabaseError as exc:
            raise ValidationError("bk.err.integrity", field="file", file=name, detail=str(exc)) from None
        if problems != ["ok"]:
            raise ValidationError("bk.err.integrity", field="file", file=name, detail="; ".join(problems[:3]))
        version = conn.execute("PRAGMA user_version").fetchone()[0]
        if version > SCHEMA_VERSION:
            raise ValidationError("bk.err.too_new", field="file", file=name, found=version, expected=SCHEMA_VERSION)
        tables = {row[0] for row in conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
        missing = [t for t in REQUIRED_TABLES if t not in tables]
        if version < 1 or missing:
            raise ValidationError(
                "bk.err.missing_tables", field="file", file=name, tables=", ".join(missing or REQUIRED_TABLES)
            )

        def count(table: str) -> int:
            return conn.execute(f"SELECT COUNT(*) FROM {table}").fetchone()[0]

        problems = _consistency_problems(path)
        if problems:  # e.g. a tally edited by hand: more opinions than ballots cast
            raise ValidationError("bk.err.inconsistent", field="file", file=name, detail="; ".join(problems[:3]))
        conference = conn.execute("SELECT name FROM conference WHERE id = 1").fetchone()
        return BackupInfo(
            file_name=name,
            schema_version=version,
            conference=conference[0] if conference else "",
            rounds=count("rounds"),
            members=count("members"),
            candidates=count("candidates"),
            receipts=count("ballot_receipts"),
            submissions=count("score_submissions"),
            audit_rows=count("audit_log"),
            size_bytes=size,
        )
    finally:
        conn.close()


def _consistency_problems(path: Path) -> list[str]:
    """What `python -m scoring check` finds wrong in the file (tallies above the ballots
    cast, scores out of range, orphan rows…), run on a copy so the file itself is not
    migrated or touched."""
    from .check import check  # check reads through Store, which this module also serves

    with tempfile.TemporaryDirectory(prefix="check-") as folder:
        copy = Path(folder) / "copy.db"
        source, target = _connect(path), sqlite3.connect(copy)
        try:
            source.backup(target)
        finally:
            source.close()
            target.close()
        store = open_store(copy)
        try:
            return check(store).problems
        finally:
            store.close()
            forget_store(copy)


def inspect_bytes(data: bytes, file_name: str) -> BackupInfo:
    with tempfile.TemporaryDirectory(prefix="restore-") as folder:
        path = Path(folder) / "upload.db"
        path.write_bytes(data)
        return inspect(path, file_name)


# --- restoring -----------------------------------------------------------------------------------


def restore(db_path: Path | str, source: Path | str | bytes, *, file_name: str = "", actor: str = "") -> BackupInfo:
    """Replace the database at `db_path` with a backup (a path or uploaded bytes).
    The backup is checked first and the current data snapshotted, so a wrong
    file can be undone. Raises ValidationError (Vietnamese) for a bad file."""
    db_path = Path(db_path)
    db_path.parent.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory(prefix="restore-", dir=db_path.parent) as folder:
        staged = Path(folder) / "staged.db"
        if isinstance(source, bytes):
            staged.write_bytes(source)
            name = file_name or "upload.db"
        else:
            # Copy through the backup API: the source may itself be a live WAL database.
            snapshot_to(source, staged)
            name = file_name or Path(source).name
        info = inspect(staged, name)
        live_exists = db_path.exists() and db_path.stat().st_size > 0
        if live_exists:
            with contextlib.suppress(sqlite3.Error):  # keep what can be kept; a damaged file must not block
                auto_snapshot(db_path, "truoc-khoi-phuc")
        # Writers of this process queue on the store's writer lock (db.Store.write);
        # the backup API then takes SQLite's write lock, so other processes wait
        # too, and readers see the old data or the new, never half of each.
        live = None
        if live_exists:
            with contextlib.suppress(Exception):  # a damaged live file is why one restores
                live = open_store(db_path)
        writer = getattr(live, "_writer", None) or contextlib.nullcontext()
        src = _connect(staged)
        dest = _connect(db_path)
        try:
            if live_exists:
                _match_page_size(src, dest)
            with writer:
                src.backup(dest)
        finally:
            dest.close()
            src.close()
    forget_store(db_path)  # every thread reconnects and migrates on its next request
    store = open_store(db_path)
    from . import audit  # audit imports db only; kept local so backup stays importable from rounds

    with store.write() as db:
        audit.log(db, actor, "backup.restore", "database", None, f"{name} (lược đồ {info.schema_version})")
    return info


def _match_page_size(src: sqlite3.Connection, dest: sqlite3.Connection) -> None:
    """A WAL database only accepts a backup of the same page size: convert the staged copy."""
    wanted = dest.execute("PRAGMA page_size").fetchone()[0]
    if src.execute("PRAGMA page_size").fetchone()[0] != wanted:
        src.execute("PRAGMA journal_mode = DELETE")
        src.execute(f"PRAGMA page_size = {int(wanted)}")
        src.execute("VACUUM")


# --- automatic snapshots ---------------------------------------------------------------------------


def backups_dir(db_path: Path | str) -> Path:
    return Path(db_path).resolve().parent / BACKUP_DIR_NAME


def _setting(db_path: Path | str, key: str, default: float) -> float:
    try:
        conn = _connect(db_path)
        try:
            row = conn.execute("SELECT value FROM settings WHERE key = ?", (key,)).fetchone()
        finally:
            conn.close()
        return float(row[0]) if row else default
    except (sqlite3.Error, ValueError):
        return default


def keep_count(db_path: Path | str) -> int:
    return max(1, int(_setting(db_path, KEEP_SETTING, DEFAULT_KEEP)))


def interval_minutes(db_path: Path | str) -> float:
    return max(0.5, _setting(db_path, INTERVAL_SETTING, DEFAULT_INTERVAL_MIN))


def _slug(text: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", text.lower()).strip("-")[:40] or "chup"


def auto_snapshot(db_path: Path | str, reason: str, *, keep: int | None = None) -> Path:
    """A snapshot into backups/ named by time and reason; keeps the newest `keep`."""
    db_path = Path(db_path).resolve()
    folder = backups_dir(db_path)
    stamp = datetime.now().strftime("%Y%m%d-%H%M%S")
    target = folder / f"{db_path.stem}-{stamp}-{_slug(reason)}.db"
    n = 2
    while target.exists():
        target = folder / f"{db_path.stem}-{stamp}-{_slug(reason)}-{n}.db"
        n += 1
    snapshot_to(db_path, target)
    prune(db_path, keep if keep is not None else keep_count(db_path))
    return target


def list_snapshots(db_path: Path | str) -> list[dict]:
    """This database's automatic snapshots, newest first."""
    db_path = Path(db_path).resolve()
    folder = backups_dir(db_path)
    if not folder.is_dir():
        return []
    found = []
    for path in folder.glob(f"{db_path.stem}-*.db"):
        with contextlib.suppress(FileNotFoundError):
            stat = path.stat()
            found.append({"path": path, "name": path.name, "mtime": stat.st_mtime, "size": stat.st_size})
    found.sort(key=lambda s: (s["mtime"], s["name"]), reverse=True)
    for s in found:
        s["at"] = datetime.fromtimestamp(s["mtime"]).isoformat(timespec="seconds")
    return found


def prune(db_path: Path | str, keep: int) -> list[Path]:
    """Delete all but the newest `keep` snapshots; returns what was deleted."""
    removed = []
    for old in list_snapshots(db_path)[max(keep, 1) :]:
        with contextlib.suppress(FileNotFoundError):
            old["path"].unlink()
            removed.append(old["path"])
    return removed


def on_phase_change(store: Store, round_id: int, status: str) -> Path | None:
    """Called after a round changes phase. A failed snapshot must never block the
    meeting, so errors are logged, not raised."""
    if store._conn().in_transaction:  # called inside a caller's transaction: the change is not committed yet
        log.warning("snapshot after round %s -> %s skipped: inside a transaction", round_id, status)
        return None
    try:
        return auto_snapshot(store.path, f"vong-{round_id}-{status}")
    except Exception:  # a backup problem is reported, never fatal
        log.exception("automatic snapshot after round %s -> %s failed", round_id, status)
        return None


def any_round_open(db_path: Path | str) -> bool:
    try:
        conn = _connect(db_path)
        try:
            return conn.execute("SELECT COUNT(*) FROM rounds WHERE status = 'open'").fetchone()[0] > 0
        finally:
            conn.close()
    except sqlite3.Error:
        return False


def periodic_tick(db_path: Path | str) -> Path | None:
    """One beat of the periodic snapshot: a snapshot only while a round is open."""
    db_path = Path(db_path)
    if not db_path.exists() or not any_round_open(db_path):
        return None
    return auto_snapshot(db_path, "dinh-ky")


_periodic: dict[Path, threading.Event] = {}
_periodic_lock = threading.Lock()


def start_periodic_snapshots(db_path: Path | str, *, interval_s: float | None = None) -> threading.Event | None:
    """Start (once per process and database) a daemon thread that snapshots every
    `backup_interval_min` minutes while a round is open. Returns the thread's
    stop event, or None if one already runs for this database."""
    db_path = Path(db_path).resolve()
    with _periodic_lock:
        if db_path in _periodic and not _periodic[db_path].is_set():
            return None
        stop = threading.Event()
        _periodic[db_path] = stop

    def loop() -> None:
        while not stop.wait(interval_s if interval_s is not None else interval_minutes(db_path) * 60):
            if not db_path.exists():
                break  # the database went away (a test's temporary file): nothing left to protect
            try:
                periodic_tick(db_path)
            except Exception:  # keep trying at the next beat
                log.exception("periodic snapshot of %s failed", db_path)
        stop.set()

    threading.Thread(target=loop, name=f"auto-backup {db_path.name}", daemon=True).start()
    return stop
