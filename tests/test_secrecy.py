"""Secrecy of the ballot by construction, proven on the schema and on the rows
after several members vote: nothing links a choice to a member."""

from __future__ import annotations

import re

import pytest

from scoring import aggregate, exports, rounds, voting
from tests.conftest import member_id

ROUND1 = "Vòng 1: Bình xét điển hình tiên tiến giai đoạn 2020-2025"
CHOICE_WORDS = re.compile(r"approve|reject|abstain|đồng ý|không có ý kiến", re.IGNORECASE)
TIME_WORDS = {"at", "time", "date", "created", "updated", "seen", "when", "ts", "timestamp", "order", "seq"}


def columns(store, table: str) -> list[str]:
    return [r["name"] for r in store.query(f"PRAGMA table_info({table})")]


def tables(store) -> list[str]:
    return [r["name"] for r in store.query("SELECT name FROM sqlite_master WHERE type = 'table'")]


def references_members(store, table: str) -> bool:
    return any(r["table"] == "members" for r in store.query(f"PRAGMA foreign_key_list({table})")) or (
        "member_id" in columns(store, table)
    )


def test_no_table_holds_both_a_member_and_a_choice(demo_store):
    for table in tables(demo_store):
        cols = columns(demo_store, table)
        if references_members(demo_store, table):
            assert "choice" not in cols and "count" not in cols, table
    assert set(columns(demo_store, "ballot_tallies")) == {"round_id", "candidate_id", "choice", "count"}


def test_receipts_have_no_time_no_choice_and_no_rowid(demo_store):
    cols = columns(demo_store, "ballot_receipts")
    assert set(cols) == {"round_id", "member_id", "source", "valid"}
    assert not [c for c in cols if set(c.lower().split("_")) & TIME_WORDS]
    sql = demo_store.scalar("SELECT sql FROM sqlite_master WHERE name = 'ballot_receipts'")
    assert "WITHOUT ROWID" in sql.upper()  # no hidden insertion counter
    assert not [c for c in columns(demo_store, "ballot_tallies") if set(c.lower().split("_")) & TIME_WORDS]


def test_no_trigger_copies_a_ballot_anywhere(demo_store):
    for row in demo_store.query("SELECT name, sql FROM sqlite_master WHERE type = 'trigger'"):
        body = row["sql"].upper()
        if "BALLOT" in body:
            assert "INSERT" not in body.split("BEGIN", 1)[1] and "UPDATE " not in body.split("BEGIN", 1)[1], row["name"]


@pytest.fixture
def voted(demo_store):
    """Round 1 right after opening, then five members vote in an order unlike their ids."""
    round_id = demo_store.scalar("SELECT id FROM rounds WHERE name = ?", (ROUND1,))
    before = demo_store.query("SELECT rowid, * FROM ballot_tallies WHERE round_id = ?", (round_id,))
    names = ["Trương Công Khải", "Lê Văn Đức", "Đỗ Thị Hồng Nhung", "Trần Minh Quang", "Bùi Thị Lan"]
    ids = [member_id(demo_store, n) for n in names]
    for n, m in enumerate(ids):
        choices = {
            s["candidate_id"]: ("approve", "reject", "abstain")[(n * 7 + k) % 3]
            for k, s in enumerate(voting.ballot_subjects(demo_store, round_id, m))
        }
        voting.cast_ballot(demo_store, round_id, m, choices)
    return demo_store, round_id, before, ids


def test_tallies_were_created_before_any_ballot_and_votes_only_change_counts(voted):
    store, round_id, before, _ = voted
    assert before and all(r["count"] == 0 for r in before)  # every counter exists at opening
    after = store.query("SELECT rowid, * FROM ballot_tallies WHERE round_id = ?", (round_id,))
    assert [(r["rowid"], r["candidate_id"], r["choice"]) for r in after] == [
        (r["rowid"], r["candidate_id"], r["choice"]) for r in before
    ]
    assert sum(r["count"] for r in after) > 0


def test_receipts_come_back_in_member_order_not_voting_order(voted):
    store, round_id, _, ids = voted
    rows = store.query("SELECT * FROM ballot_receipts WHERE round_id = ?", (round_id,))  # no ORDER BY on purpose
    assert [r["member_id"] for r in rows] == sorted(ids)
    assert [r["member_id"] for r in rows] != ids


def test_the_audit_log_says_who_voted_never_what(voted):
    store, _round_id, _, _ = voted
    rows = store.query("SELECT * FROM audit_log WHERE action LIKE 'ballot.%'")
    assert len(rows) == 5
    for row in store.query("SELECT * FROM audit_log"):
        text = " ".join(str(v) for v in row.values())
        assert not CHOICE_WORDS.search(text), text


def test_no_other_table_changed_by_a_ballot_except_receipts_tallies_and_log(demo_store):
    round_id = demo_store.scalar("SELECT id FROM rounds WHERE name = ?", (ROUND1,))
    skip = {"ballot_receipts", "ballot_tallies", "audit_log"}
    snapshot = {t: demo_store.query(f"SELECT * FROM {t}") for t in tables(demo_store) if t not in skip}
    duc = member_id(demo_store, "Lê Văn Đức")
    voting.cast_ballot(
        demo_store,
        round_id,
        duc,
        {s["candidate_id"]: "reject" for s in voting.ballot_subjects(demo_store, round_id, duc)},
    )
    assert {t: demo_store.query(f"SELECT * FROM {t}") for t in snapshot} == snapshot


def test_reopening_keeps_the_counters_in_place(voted):
    store, round_id, before, _ = voted
    rounds.transition(store, "Thư ký", round_id, "closed")
    rounds.transition(store, "Thư ký", round_id, "open", reason="Bổ sung phiếu")
    after = store.query("SELECT rowid, candidate_id, choice FROM ballot_tallies WHERE round_id = ?", (round_id,))
    assert [tuple(r.values()) for r in after] == [(r["rowid"], r["candidate_id"], r["choice"]) for r in before]


def test_no_ballot_figure_leaves_the_core_before_the_round_closes(voted):
    # A ranking downloaded between two ballots showed the counts: diffed against the
    # previous download, they told what the member who just voted (the audit log says
    # who) had chosen. Until the round closes the counts, the % and the threshold test
    # are blank in the results, the files and the minutes' source.
    store, round_id, _, ids = voted
    results = aggregate.round_results(store, round_id)
    balloted = results.table[results.table["needs_ballot"].astype(bool)]
    assert len(balloted) > 0
    for column in ("approve", "reject", "abstain", "approval_pct", "passes_threshold"):
        assert balloted[column].isna().all(), column
    assert not balloted["passes"].any()
    assert all("chưa kiểm phiếu (vòng chưa khóa)" in r for r in balloted["reason"])
    ranking = exports.ranking_frame(results, headers=False)
    assert ranking["approve"].isna().all() and ranking["approval_pct"].isna().all()
    assert results.ballots.returned == len(ids)  # who has voted is progress, shown to everyone

    rounds.transition(store, "Thư ký", round_id, "closed")
    counted = aggregate.round_results(store, round_id).table
    counted = counted[counted["needs_ballot"].astype(bool)]
    cast = store.scalar("SELECT SUM(count) FROM ballot_tallies WHERE round_id = ?", (round_id,))
    assert cast > 0 and counted[["approve", "reject", "abstain"]].to_numpy().sum() == cast
    assert counted["approval_pct"].notna().all()
    assert not any("chưa kiểm phiếu" in r for r in counted["reason"])
