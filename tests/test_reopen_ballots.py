"""A round reopened after its ballots were counted takes no more ballots.

The counts are read (revealed, printed in the minutes) once the round is closed. Had a
reopened round taken one more ballot into the same counters, the difference between the
count before and the count after would be that member's choices. A re-vote is a new round
(vòng bỏ phiếu lại); a reopened round still takes the scoring sheets that are missing."""

from __future__ import annotations

import sqlite3

import pytest

from scoring import rounds, voting
from scoring.db import Store, _split_sql, forget_store
from scoring.errors import RoundNotOpen
from scoring.schema import MIGRATIONS, SCHEMA_VERSION
from tests.apptest_helpers import page_text, run_app
from tests.conftest import member_id
from tests.test_pages_results import ROUND1, members, submit

LATE = "Lê Văn Đức"  # the demo's uyvien01


def vote(store: Store, member: int, choice: str = "approve", source: str = "online") -> None:
    subjects = voting.ballot_subjects(store, ROUND1, member)
    voting.cast_ballot(store, ROUND1, member, {s["candidate_id"]: choice for s in subjects}, source=source)


def counts(store: Store) -> dict:
    return {(r["candidate_id"], r["choice"]): r["count"] for r in voting.tallies(store, ROUND1)}


@pytest.fixture
def reopened(demo_store):
    """Round 1: everyone but Lê Văn Đức scored and voted; closed (the count is read), then reopened."""
    late = member_id(demo_store, LATE)
    for m in members(demo_store):
        if m != late:
            submit(demo_store, m)
            vote(demo_store, m)
    rounds.transition(demo_store, "Chủ tịch", ROUND1, "closed")
    rounds.transition(demo_store, "Chủ tịch", ROUND1, "open", reason="Thiếu phiếu chấm của một thành viên")
    return demo_store


def test_a_reopened_round_refuses_the_late_ballot_so_two_counts_reveal_nothing(reopened):
    late = member_id(reopened, LATE)
    first_count = counts(reopened)
    with pytest.raises(RoundNotOpen) as refused:
        vote(reopened, late, "reject")
    assert "vòng bỏ phiếu lại" in refused.value.message("vi")
    assert "re-vote round" in refused.value.message("en")
    with pytest.raises(RoundNotOpen):  # nor as a written opinion entered by the secretary
        vote(reopened, late, "reject", source="paper")
    assert not voting.has_voted(reopened, ROUND1, late)
    # What a reopen is for still works: the missing scoring sheet is handed in.
    submit(reopened, late)
    rounds.transition(reopened, "Chủ tịch", ROUND1, "closed")
    assert counts(reopened) == first_count  # the second count says nothing about anyone


def test_the_schema_refuses_a_ballot_written_around_the_core(reopened):
    late = member_id(reopened, LATE)
    receipt = "INSERT INTO ballot_receipts (round_id, member_id, source, valid) VALUES (?, ?, 'online', 1)"
    with pytest.raises(RoundNotOpen), reopened.write() as db:
        db.execute(receipt, [ROUND1, late])
    with pytest.raises(RoundNotOpen), reopened.write() as db:
        db.execute("UPDATE ballot_tallies SET count = count + 1 WHERE round_id = ?", [ROUND1])


def test_nobody_is_asked_for_a_ballot_the_reopened_round_would_refuse(reopened):
    late = member_id(reopened, LATE)
    owed = voting.missing(reopened, ROUND1)
    assert owed["ballot"] == []
    assert [r["full_name"] for r in owed["sheet"]] == [LATE]  # the sheet is still owed
    left = voting.duties(reopened, ROUND1, late)
    assert left.sheet_pending and not left.ballot_pending


def test_a_round_closed_before_any_ballot_still_takes_ballots_when_reopened(demo_store):
    rounds.transition(demo_store, "Chủ tịch", ROUND1, "closed")  # closed by mistake, nobody had voted
    assert not rounds.get_round(demo_store, ROUND1)["ballots_counted"]
    rounds.transition(demo_store, "Chủ tịch", ROUND1, "open", reason="Khóa nhầm")
    first = members(demo_store)[0]
    vote(demo_store, first)
    assert voting.has_voted(demo_store, ROUND1, first)
    assert voting.missing(demo_store, ROUND1)["ballot"]  # the others are still asked to vote


def test_an_older_database_seals_the_rounds_it_had_already_counted(tmp_path):
    """Migration 3: a round closed with ballots before this rule takes no more either."""
    path = tmp_path / "old.db"
    conn = sqlite3.connect(path)
    for migration in MIGRATIONS[:2]:
        for statement in _split_sql(migration):
            conn.execute(statement)
    conn.execute("INSERT INTO conference (id, name) VALUES (1, 'Hội nghị cũ')")
    conn.execute("INSERT INTO members (id, full_name) VALUES (1, 'Nguyễn Văn A')")
    for round_id, status in ((1, "open"), (2, "open")):
        conn.execute("INSERT INTO rounds (id, name, status) VALUES (?, ?, ?)", (round_id, f"Vòng {round_id}", status))
        conn.execute("INSERT INTO ballot_receipts (round_id, member_id) VALUES (?, 1)", (round_id,))
    conn.execute("UPDATE rounds SET status = 'closed', closed_at = '2025-04-05T09:00:00' WHERE id = 1")
    conn.execute("PRAGMA user_version = 2")
    conn.commit()
    conn.close()
    store = Store(path)
    try:
        assert store.version == SCHEMA_VERSION >= 3
        assert store.query("SELECT id, ballots_counted FROM rounds ORDER BY id") == [
            {"id": 1, "ballots_counted": 1},  # closed with a ballot: counted
            {"id": 2, "ballots_counted": 0},  # still open, never closed
        ]
    finally:
        store.close()
        forget_store(path)


# --- what the chair, the secretary and the late member see --------------------------------------


def test_the_rounds_page_says_what_a_reopen_does_before_and_after(app_env, demo_store, demo_codes):
    late = member_id(demo_store, LATE)
    for m in members(demo_store):
        if m != late:
            submit(demo_store, m)
            vote(demo_store, m)
    rounds.transition(demo_store, "Chủ tịch", ROUND1, "closed")
    at = run_app(app_env, code=demo_codes["chair"], page="pages/rounds.py")
    assert not at.exception
    text = page_text(at)
    assert "vòng mở lại không nhận thêm phiếu bầu nào" in text and "tạo một vòng bỏ phiếu lại" in text

    at.text_input(key="phase_reason").input("Thiếu phiếu chấm của một thành viên").run()
    at.button(key="phase_reopen").click().run()
    assert rounds.get_round(demo_store, ROUND1)["status"] == "open"
    text = page_text(at)
    assert "Vòng được mở lại sau khi đã kiểm phiếu: chỉ nhận thêm phiếu chấm điểm còn thiếu" in text
    # Closing again: only the missing sheet is waited for, not a ballot nobody may cast.
    assert f"Còn 1 thành viên chưa nộp phiếu chấm hoặc chưa bỏ phiếu: {LATE}." in text
    assert "Chưa bỏ phiếu (" not in text  # the nudge list asks for no ballot
    assert "Chưa nộp phiếu chấm (1):" in text


def test_the_late_member_and_the_secretary_are_told_no_ballot_is_taken(reopened, app_env, demo_codes):
    at = run_app(app_env, code=demo_codes["member"], page="pages/ballot.py")  # Lê Văn Đức
    assert not at.exception
    assert "không nhận thêm phiếu bầu" in page_text(at)
    assert len(at.radio) == 0  # no ballot to fill in and be refused
    assert "Việc còn lại: nộp phiếu chấm điểm của vòng này." in page_text(at)  # what the reopen is for

    secretary = run_app(app_env, code=demo_codes["secretary"], page="pages/rounds.py")
    secretary.selectbox(key="paper_member").select(member_id(reopened, LATE)).run()
    assert not secretary.exception
    assert "vòng mở lại không nhận thêm phiếu bầu" in page_text(secretary)
    assert not [r for r in secretary.radio if str(r.key).startswith("paper_vote_")]
