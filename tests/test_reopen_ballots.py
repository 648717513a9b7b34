"""A round reopened after its ballots were counted takes no more ballots.

The counts are read (revealed, printed in the minutes) once the round is closed. Had a
reopened round taken one more ballot into the same counters, the difference between the
count before and the count after would be that member's choices. A re-vote is a new round
(vòng bỏ phiếu lại); a reopened round still takes the scoring sheets that are missing."""

from __future__ import annotations

import sqlite3

import pytest

from scoring import cli, minutes, rounds, voting
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
    close_without_the_late_member(demo_store)
    rounds.transition(demo_store, "Chủ tịch", ROUND1, "open", reason="Thiếu phiếu chấm của một thành viên")
    return demo_store


def close_without_the_late_member(store: Store) -> None:
    """Everyone but Lê Văn Đức scores and votes, then the chair closes round 1 (its ballots are counted)."""
    late = member_id(store, LATE)
    for m in members(store):
        if m != late:
            submit(store, m)
            vote(store, m)
    rounds.transition(store, "Chủ tịch", ROUND1, "closed")


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
    close_without_the_late_member(demo_store)
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
    assert f"Còn 1 thành viên chưa nộp phiếu chấm: {LATE}. Khóa vòng bây giờ thì họ không nộp phiếu chấm" in text
    assert "không chấm, không bầu được nữa" not in text and "chưa bỏ phiếu:" not in text
    assert "Trạng thái: **Đang nhận phiếu chấm còn thiếu (phiếu bầu đã kiểm)**" in text
    assert "Thành viên đang chấm điểm và bỏ phiếu" not in text
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


# --- after the second close: when the ballots were counted ---------------------------------------

FIRST_CLOSE, LAST_CLOSE = "2025-04-15T17:21:05", "2025-04-16T17:24:40"


@pytest.fixture
def reclosed(reopened):
    """The late member hands in the sheet; the round is closed again. The first close (which counted
    the ballots) is put at 17:21 on 15/04, the second at 17:24 the day after."""
    submit(reopened, member_id(reopened, LATE))
    rounds.transition(reopened, "Chủ tịch", ROUND1, "closed")
    with reopened.write() as db:
        closes = [r["id"] for r in db.query("SELECT id FROM audit_log WHERE action = 'round.closed' ORDER BY id")]
        assert len(closes) == 2
        db.execute("UPDATE audit_log SET at = ? WHERE id = ?", [FIRST_CLOSE, closes[0]])
        db.execute("UPDATE audit_log SET at = ? WHERE id = ?", [LAST_CLOSE, closes[1]])
        db.execute("UPDATE rounds SET closed_at = ? WHERE id = ?", [LAST_CLOSE, ROUND1])
    return reopened


def test_the_count_is_dated_by_the_close_that_counted_the_ballots(reclosed, tmp_path):
    assert rounds.counted_at(reclosed, ROUND1) == FIRST_CLOSE
    out = tmp_path / "bien-ban.docx"
    assert cli.main(["--db", str(reclosed.path), "export", "--round", str(ROUND1), "--format", "minutes",
                     "--out", str(out)]) == 0  # fmt: skip
    text = minutes.document_text(out.read_bytes())
    assert "Việc kiểm phiếu kết thúc lúc 17 giờ 21 phút, ngày 15 tháng 4 năm 2025." in text
    assert "17 giờ 24 phút" not in text


def test_a_round_closed_once_by_mistake_is_counted_at_the_close_after_its_ballots(demo_store):
    rounds.transition(demo_store, "Chủ tịch", ROUND1, "closed")  # nobody had voted: nothing counted
    assert rounds.counted_at(demo_store, ROUND1) is None
    rounds.transition(demo_store, "Chủ tịch", ROUND1, "open", reason="Khóa nhầm")
    vote(demo_store, members(demo_store)[0])
    rounds.transition(demo_store, "Chủ tịch", ROUND1, "closed")
    assert rounds.counted_at(demo_store, ROUND1) == rounds.get_round(demo_store, ROUND1)["closed_at"]


def test_the_late_member_is_told_the_ballots_stopped_at_the_count(reclosed, app_env, demo_codes):
    at = run_app(app_env, code=demo_codes["member"], page="pages/ballot.py")  # Lê Văn Đức
    assert not at.exception
    text = page_text(at)
    assert "Phiếu bầu của vòng “" in text and "” đã được kiểm lúc 15/04/2025 17:21, khi bạn chưa bỏ phiếu" in text
    assert "một vòng bỏ phiếu lại" in text
    assert "17:24" not in text  # the second close counted no ballot


def test_the_home_card_of_a_reopened_counted_round_says_it_takes_only_sheets(reopened, app_env, demo_codes):
    at = run_app(app_env, code=demo_codes["chair"], page="pages/home.py")
    assert not at.exception
    text = page_text(at)
    assert "Đang nhận phiếu chấm còn thiếu (phiếu bầu đã kiểm)" in text
    assert "Đang chấm, bỏ phiếu" not in text
