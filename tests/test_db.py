import sqlite3
import threading

import pytest

from scoring import conference
from scoring.db import Store
from scoring.errors import RoundNotOpen, ValidationError
from scoring.schema import SCHEMA_VERSION


def test_new_database_has_current_schema_wal_and_foreign_keys(store):
    assert store.version == SCHEMA_VERSION
    assert store.scalar("PRAGMA journal_mode") == "wal"
    assert store.scalar("PRAGMA foreign_keys") == 1
    assert store.scalar("PRAGMA busy_timeout") >= 5000
    tables = set(store.db.table_names())
    for name in (
        "conference",
        "units",
        "titles",
        "criteria",
        "members",
        "candidates",
        "rounds",
        "scores",
        "score_submissions",
        "ballot_receipts",
        "ballot_tallies",
        "audit_log",
        "agenda_items",
        "movements",
        "indicators",
        "indicator_values",
    ):
        assert name in tables


def test_reopening_a_database_does_not_migrate_twice(db_path):
    Store(db_path).close()
    again = Store(db_path)
    assert again.version == SCHEMA_VERSION
    again.close()


def test_database_from_a_newer_version_is_refused(db_path):
    s = Store(db_path)
    s._conn().execute(f"PRAGMA user_version = {SCHEMA_VERSION + 1}")
    s.close()
    with pytest.raises(Exception, match="phiên bản mới hơn"):
        Store(db_path)


def test_failed_write_rolls_back_everything(store):
    with pytest.raises(ValidationError), store.write() as db:
        db["units"].insert({"name": "Khoa A"})
        conference.add_unit(store, "t", "")  # invalid: empty name, inside the same transaction
    assert store.scalar("SELECT COUNT(*) FROM units") == 0


def test_triggers_refuse_scores_on_a_round_that_is_not_open(demo_store):
    round_id = demo_store.scalar("SELECT id FROM rounds WHERE status = 'setup' LIMIT 1")
    candidate = demo_store.scalar("SELECT candidate_id FROM round_candidates WHERE round_id = ?", (round_id,))
    criterion = demo_store.scalar("SELECT id FROM criteria LIMIT 1")
    with pytest.raises(RoundNotOpen), demo_store.write() as db:
        db.execute("INSERT INTO scores VALUES (?, 1, ?, ?, 5, 'x')", [round_id, candidate, criterion])


def test_foreign_keys_are_enforced(store):
    with pytest.raises(ValidationError), store.write() as db:
        db.execute("INSERT INTO criteria (set_id, position, name, max_points) VALUES (999, 1, 'x', 10)")


def test_eight_threads_writing_at_once_lose_nothing(store):
    errors: list[BaseException] = []

    def worker(n: int) -> None:
        try:
            for i in range(40):
                conference.add_unit(store, f"luồng {n}", f"Đơn vị {n}-{i}")
        except BaseException as exc:  # pragma: no cover - reported below
            errors.append(exc)

    threads = [threading.Thread(target=worker, args=(n,)) for n in range(8)]
    for th in threads:
        th.start()
    for th in threads:
        th.join()
    assert errors == []
    assert store.scalar("SELECT COUNT(*) FROM units") == 8 * 40
    assert store.scalar("SELECT COUNT(*) FROM audit_log WHERE action = 'unit.add'") == 8 * 40


def test_two_processes_share_the_file(db_path):
    s = Store(db_path)
    conference.add_unit(s, "t", "Khoa A")
    other = sqlite3.connect(db_path)
    assert other.execute("SELECT name FROM units").fetchall() == [("Khoa A",)]
    other.close()
    s.close()
