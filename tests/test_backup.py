"""Backup and restore: a snapshot taken mid-round restores identically, bad files
are refused with a Vietnamese reason, automatic snapshots rotate."""

from __future__ import annotations

import sqlite3
import time
from pathlib import Path

import pytest

from scoring import backup, conference, rounds, voting
from scoring.db import Store, forget_store, open_store
from scoring.errors import ValidationError
from tests.conftest import member_id
from tests.test_exports import ROUND1, SECRETARY

# Everything a vote count depends on, compared row for row.
TABLES = {
    "ballot_receipts": "round_id, member_id",
    "ballot_tallies": "round_id, IFNULL(candidate_id, 0), choice",
    "scores": "round_id, member_id, candidate_id, criterion_id",
    "score_submissions": "round_id, member_id",
    "rounds": "id",
    "candidates": "id",
    "members": "id",
    "attendance": "round_id, member_id",
}


def dump(path: Path) -> dict[str, list[tuple]]:
    conn = sqlite3.connect(path)
    try:
        return {
            table: conn.execute(f"SELECT * FROM {table} ORDER BY {order}").fetchall() for table, order in TABLES.items()
        }
    finally:
        conn.close()


@pytest.fixture
def mid_round(demo_store) -> Store:
    """Round 1 open: some sheets submitted, some drafts only, ballots cast (one spoiled)."""
    store = demo_store
    round_id = store.scalar("SELECT id FROM rounds WHERE name = ?", (ROUND1,))
    members = conference.list_members(store, voting_only=True)
    for i, m in enumerate(members[:6]):
        for item in voting.sheet(store, round_id, m["id"]):
            voting.save_draft(
                store,
                round_id,
                m["id"],
                item.candidate["id"],
                {c["id"]: c["max_points"] - i * 0.5 for c in item.criteria},
            )
        if i < 3:
            voting.submit_scores(store, round_id, m["id"])
        choices = {
            s["candidate_id"]: ("approve", "reject")[i % 2] for s in voting.ballot_subjects(store, round_id, m["id"])
        }
        voting.cast_ballot(store, round_id, m["id"], choices)
    voting.cast_ballot(store, round_id, members[6]["id"], {}, valid=False, source="paper", actor=SECRETARY)
    rounds.set_attendance(store, SECRETARY, round_id, members[0]["id"], True)
    return store


def test_snapshot_mid_round_restores_identically_into_an_empty_path(mid_round, tmp_path):
    live = dump(mid_round.path)
    assert len(live["ballot_receipts"]) == 7 and len(live["score_submissions"]) == 3
    assert any(count for *_, count in live["ballot_tallies"])
    drafts_only = mid_round.scalar("SELECT COUNT(DISTINCT member_id) FROM scores") - 3
    assert drafts_only == 3
    snapshot = backup.snapshot_to(mid_round.path, tmp_path / "out" / "snap.db")
    info = backup.inspect(snapshot)
    assert (info.receipts, info.submissions, info.rounds) == (7, 3, 3)
    target = tmp_path / "elsewhere" / "restored.db"
    backup.restore(target, snapshot, actor=SECRETARY)
    assert dump(target) == live
    restored = open_store(target)
    assert restored.scalar("SELECT action FROM audit_log ORDER BY id DESC LIMIT 1") == "backup.restore"
    audit_before = mid_round.scalar("SELECT COUNT(*) FROM audit_log")
    assert restored.scalar("SELECT COUNT(*) FROM audit_log") == audit_before + 1
    # The restored round goes on: a member who had not voted still can, once.
    round_id = restored.scalar("SELECT id FROM rounds WHERE name = ?", (ROUND1,))
    late = member_id(restored, conference.list_members(restored, voting_only=True)[8]["full_name"])
    voting.cast_ballot(
        restored,
        round_id,
        late,
        {s["candidate_id"]: "approve" for s in voting.ballot_subjects(restored, round_id, late)},
    )
    assert restored.scalar("SELECT COUNT(*) FROM ballot_receipts") == 8
    forget_store(target)


def test_snapshot_bytes_is_one_self_contained_file(mid_round, tmp_path):
    data = backup.snapshot_bytes(mid_round.path)
    assert data.startswith(backup.SQLITE_HEADER)
    path = tmp_path / "download.db"
    path.write_bytes(data)
    conn = sqlite3.connect(path)
    assert conn.execute("PRAGMA journal_mode").fetchone()[0] == "delete"  # no -wal file to carry along
    conn.close()
    assert dump(path) == dump(mid_round.path)


def test_restore_into_the_live_database_replaces_data_and_keeps_a_snapshot(demo_store, mid_round, tmp_path):
    backup_data = backup.snapshot_bytes(mid_round.path)
    expected = dump(mid_round.path)
    live_path = tmp_path / "live.db"
    live = open_store(live_path)  # a fresh, empty conference that the app has open
    conference.save_conference(live, SECRETARY, name="Hội nghị khác")
    assert live.scalar("SELECT COUNT(*) FROM ballot_receipts") == 0
    info = backup.restore(live_path, backup_data, file_name="sao-luu.db", actor=SECRETARY)
    assert info.file_name == "sao-luu.db" and info.receipts == 7
    assert dump(live_path) == expected
    again = open_store(live_path)  # the next request reopens and sees the restored data
    assert again.scalar("SELECT name FROM conference") == conference.get_conference(mid_round)["name"]
    assert again.scalar("SELECT COUNT(*) FROM ballot_receipts") == 7
    before = backup.list_snapshots(live_path)
    assert len(before) == 1 and "truoc-khoi-phuc" in before[0]["name"]
    saved = sqlite3.connect(before[0]["path"])
    assert saved.execute("SELECT name FROM conference").fetchone()[0] == "Hội nghị khác"
    saved.close()
    forget_store(live_path)


def test_bad_files_are_refused_with_the_reason(tmp_path, demo_store):
    text = tmp_path / "notes.db"
    text.write_bytes(b"STT,Ho va ten\n1,An\n")
    with pytest.raises(ValidationError, match="không phải bản sao lưu"):
        backup.inspect(text)
    with pytest.raises(ValidationError, match="trống"):
        backup.inspect_bytes(b"", "empty.db")

    other = tmp_path / "other.db"
    conn = sqlite3.connect(other)
    conn.execute("CREATE TABLE notes (x)")
    conn.execute("PRAGMA user_version = 1")
    conn.close()
    with pytest.raises(ValidationError, match="thiếu bảng: conference"):
        backup.inspect(other)

    newer = backup.snapshot_to(demo_store.path, tmp_path / "newer.db")
    conn = sqlite3.connect(newer)
    conn.execute("PRAGMA user_version = 999")
    conn.close()
    with pytest.raises(ValidationError, match="phiên bản mới hơn"):
        backup.inspect(newer)

    broken = backup.snapshot_to(demo_store.path, tmp_path / "broken.db")
    data = bytearray(broken.read_bytes())
    page = 4096
    data[page * 3 : page * 3 + 200] = b"\xff" * 200  # garble a b-tree page
    broken.write_bytes(bytes(data))
    with pytest.raises(ValidationError, match="bị hỏng"):
        backup.inspect(broken)
    # A refused file leaves the live database untouched.
    before = dump(demo_store.path)
    with pytest.raises(ValidationError):
        backup.restore(demo_store.path, broken)
    assert dump(demo_store.path) == before


def test_automatic_snapshots_keep_the_newest(demo_store):
    made = [backup.auto_snapshot(demo_store.path, f"lan {i}", keep=3) for i in range(5)]
    kept = backup.list_snapshots(demo_store.path)
    assert [s["path"] for s in kept] == made[:1:-1]
    assert all(not p.exists() for p in made[:2])
    assert backup.backups_dir(demo_store.path) == demo_store.path.parent / "backups"


def test_keep_and_interval_are_settings(demo_store):
    assert backup.keep_count(demo_store.path) == backup.DEFAULT_KEEP
    conference.set_setting(demo_store, backup.KEEP_SETTING, "2", SECRETARY)
    conference.set_setting(demo_store, backup.INTERVAL_SETTING, "1,5".replace(",", "."), SECRETARY)
    assert backup.keep_count(demo_store.path) == 2
    assert backup.interval_minutes(demo_store.path) == 1.5
    for i in range(4):
        backup.auto_snapshot(demo_store.path, f"lan {i}")
    assert len(backup.list_snapshots(demo_store.path)) == 2


def test_a_phase_change_takes_a_snapshot(demo_store):
    round2 = demo_store.scalar("SELECT id FROM rounds WHERE position = 2")
    rounds.transition(demo_store, SECRETARY, round2, "open")
    names = [s["name"] for s in backup.list_snapshots(demo_store.path)]
    assert any(f"vong-{round2}-open" in n for n in names)
    snap = next(s for s in backup.list_snapshots(demo_store.path) if f"vong-{round2}-open" in s["name"])
    conn = sqlite3.connect(snap["path"])
    assert conn.execute("SELECT status FROM rounds WHERE id = ?", (round2,)).fetchone()[0] == "open"
    conn.close()


def test_a_failed_snapshot_never_blocks_the_round(demo_store, monkeypatch):
    def boom(*args, **kwargs):
        raise OSError("disk full")

    monkeypatch.setattr(backup, "snapshot_to", boom)
    round2 = demo_store.scalar("SELECT id FROM rounds WHERE position = 2")
    rounds.transition(demo_store, SECRETARY, round2, "open")
    assert rounds.get_round(demo_store, round2)["status"] == "open"


def test_periodic_snapshots_only_while_a_round_is_open(demo_store):
    assert backup.any_round_open(demo_store.path)  # the demo's round 1
    assert backup.periodic_tick(demo_store.path) is not None
    round1 = demo_store.scalar("SELECT id FROM rounds WHERE name = ?", (ROUND1,))
    rounds.transition(demo_store, SECRETARY, round1, "closed")
    assert backup.periodic_tick(demo_store.path) is None


def test_periodic_thread_runs_once_per_database(demo_store):
    stop = backup.start_periodic_snapshots(demo_store.path, interval_s=0.05)
    try:
        assert stop is not None
        assert backup.start_periodic_snapshots(demo_store.path, interval_s=0.05) is None  # already running
        deadline = time.monotonic() + 10
        while time.monotonic() < deadline and not any(
            "dinh-ky" in s["name"] for s in backup.list_snapshots(demo_store.path)
        ):
            time.sleep(0.05)
        assert any("dinh-ky" in s["name"] for s in backup.list_snapshots(demo_store.path))
    finally:
        stop.set()


def test_cli_backup_then_restore(mid_round, tmp_path, capsys, monkeypatch):
    from scoring.cli import main

    out = tmp_path / "cli" / "sao-luu.db"
    assert main(["--db", str(mid_round.path), "backup", str(out)]) == 0
    assert dump(out) == dump(mid_round.path)
    target = tmp_path / "cli" / "khoi-phuc.db"
    monkeypatch.setattr("sys.stdin.isatty", lambda: False)
    assert main(["--db", str(target), "restore", str(out)]) == 1  # no --yes, no terminal: refuse
    assert "--yes" in capsys.readouterr().err and not target.exists()
    assert main(["--db", str(target), "restore", str(out), "--yes"]) == 0
    assert dump(target) == dump(mid_round.path)
    bad = tmp_path / "bad.db"
    bad.write_bytes(b"not a database at all")
    assert main(["--db", str(target), "restore", str(bad), "--yes"]) == 1
    assert "không phải bản sao lưu" in capsys.readouterr().err
    forget_store(target)


def test_a_tampered_backup_is_refused_before_anything_is_replaced(mid_round, tmp_path):
    # Four "approve" added by hand to a downloaded backup restored without a word and turned a
    # published "Không đạt" into "Đạt"; only `scoring check` saw it afterwards (QA).
    data = bytearray(backup.snapshot_bytes(mid_round.path))
    forged = tmp_path / "forged.db"
    forged.write_bytes(bytes(data))
    conn = sqlite3.connect(forged)
    with conn:
        conn.execute(
            "UPDATE ballot_tallies SET count = count + 4 WHERE rowid = (SELECT MIN(rowid) FROM ballot_tallies "
            "WHERE choice = 'approve')"
        )
    conn.close()
    before = dump(Path(mid_round.path))
    with pytest.raises(ValidationError, match="không khớp nhau, không khôi phục"):
        backup.inspect(forged)
    with pytest.raises(ValidationError, match="không khớp nhau"):
        backup.restore(mid_round.path, forged.read_bytes(), file_name="forged.db", actor=SECRETARY)
    assert dump(Path(mid_round.path)) == before
    assert backup.inspect_bytes(bytes(data), "good.db").receipts > 0  # the untouched backup still restores


def test_no_download_of_the_database_while_a_round_is_being_voted_on(mid_round):
    # The exports page disables the button; the rule itself lives here.
    with pytest.raises(ValidationError, match="chưa tải bản sao lưu về được"):
        backup.download_bytes(mid_round.path)
    round_id = mid_round.scalar("SELECT id FROM rounds WHERE name = ?", (ROUND1,))
    rounds.transition(mid_round, SECRETARY, round_id, "closed")
    assert backup.download_bytes(mid_round.path)[:16] == b"SQLite format 3\x00"
