"""`python -m scoring check` catches each problem it claims to catch.

Each test starts from the demo conference with real activity written through
the core (three members submit and vote, one keeps a draft), proves `check`
finds it clean, then injects one fault straight into SQLite (dropping the
trigger or turning foreign keys off where the schema would refuse it) and
asserts the report names that fault, and only that kind of fault.
"""

from __future__ import annotations

import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest

from scoring import rounds, voting
from scoring.check import check
from scoring.db import Store
from scoring.schema import SCHEMA_VERSION

ROOT = Path(__file__).resolve().parents[1]
ROUND1 = 1
DUC, BINH, LAN, TAM = 3, 5, 8, 9  # Bình steps back from his unit's 3 nominees, Lan from 1
BINH_RECUSED = 1  # Khoa Lý luận cơ sở: same unit as Võ Thanh Bình


def submit_sheet(store: Store, member_id: int) -> None:
    for item in voting.sheet(store, ROUND1, member_id):
        voting.save_draft(store, ROUND1, member_id, item.candidate["id"], {c["id"]: 10 for c in item.criteria})
    voting.submit_scores(store, ROUND1, member_id)


def vote(store: Store, member_id: int) -> None:
    subjects = voting.ballot_subjects(store, ROUND1, member_id)
    voting.cast_ballot(store, ROUND1, member_id, {s["candidate_id"]: "approve" for s in subjects})


@pytest.fixture
def active(demo_store: Store) -> Store:
    """Round 1 mid-way: Đức, Bình, Lan submitted and voted; Tâm has a partial draft."""
    for member in (DUC, BINH, LAN):
        submit_sheet(demo_store, member)
        vote(demo_store, member)
    first = voting.sheet(demo_store, ROUND1, TAM)[0]
    voting.save_draft(demo_store, ROUND1, TAM, first.candidate["id"], {first.criteria[0]["id"]: 7.5})
    report = check(demo_store)
    assert report.ok, report.problems
    return demo_store


def raw(store: Store, foreign_keys: bool = True) -> sqlite3.Connection:
    """A second connection, as a careless script or a corrupting bug would use."""
    conn = sqlite3.connect(store.path, isolation_level=None)
    conn.execute(f"PRAGMA foreign_keys = {'ON' if foreign_keys else 'OFF'}")
    return conn


def problems(store: Store) -> list[str]:
    report = check(store)
    assert not report.ok
    return report.problems


def test_clean_demo_database_passes(demo_store):
    report = check(demo_store)
    assert report.ok, report.problems
    assert any("scores: 0" in fact for fact in report.facts)


def test_clean_database_after_votes_passes_and_counts_rows(active):
    report = check(active)
    assert report.ok
    assert any("score_submissions: 3, ballot_receipts: 3" in fact for fact in report.facts)


def test_a_member_deactivated_after_voting_is_not_a_fault(active):
    # Recusal is recomputed for every member who voted, active or not: Bình's own-unit
    # nominees must still expect one ballot fewer after he leaves the council.
    active._conn().execute("UPDATE members SET active = 0 WHERE id = ?", (BINH,))
    assert check(active).ok


def test_tally_above_ballots_cast(active):
    raw(active).execute(
        "UPDATE ballot_tallies SET count = count + 5 WHERE round_id = 1 AND candidate_id = 2 AND choice = 'approve'"
    )
    found = problems(active)
    assert any("8 ý kiến nhưng chỉ 3 phiếu hợp lệ" in p for p in found), found
    assert any("Khoa Xây dựng Đảng: 8 ý kiến, nhiều hơn 3" in p for p in found), found


def test_tally_above_ballots_of_members_not_recused(active):
    # Three ballots, but Bình was recused from his unit's nominee: two opinions at most.
    raw(active).execute(
        "UPDATE ballot_tallies SET count = count + 1 WHERE round_id = 1 AND candidate_id = ? AND choice = 'reject'",
        (BINH_RECUSED,),
    )
    found = problems(active)
    assert found == ["Vòng #1, Khoa Lý luận cơ sở: 3 ý kiến, nhiều hơn 2 phiếu hợp lệ của thành viên không tránh."]


def test_half_ballot_receipt_without_its_choices(active):
    # A receipt whose tally increments never landed: every nominee is one short.
    raw(active).execute("INSERT INTO ballot_receipts (round_id, member_id) VALUES (1, ?)", (TAM,))
    found = problems(active)
    nominees = len(voting.ballot_subjects(active, ROUND1, TAM))
    short = [p for p in found if "thiếu so với" in p]
    assert len(short) == nominees == 11, found


def test_orphan_score_for_a_candidate_outside_the_round(active):
    outside = active.scalar(
        "SELECT id FROM candidates WHERE id NOT IN (SELECT candidate_id FROM round_candidates WHERE round_id = 1)"
    )
    criterion = active.scalar("SELECT MIN(id) FROM criteria")
    raw(active).execute("INSERT INTO scores VALUES (1, ?, ?, ?, 5, '2025-04-15T09:00:00')", (TAM, outside, criterion))
    assert problems(active) == ["1 điểm cho ứng viên không thuộc vòng."]


def test_score_of_a_member_that_does_not_exist(active):
    conn = raw(active, foreign_keys=False)
    conn.execute("INSERT INTO scores VALUES (1, 999, 2, (SELECT MIN(id) FROM criteria), 5, '2025-04-15T09:00:00')")
    found = problems(active)
    assert any("foreign_key_check: scores" in p for p in found), found


def test_score_above_the_criterion_maximum(active):
    conn = raw(active)
    conn.execute("DROP TRIGGER scores_max_ins")
    first = voting.sheet(active, ROUND1, TAM)[1]
    criterion = first.criteria[0]
    conn.execute(
        "INSERT INTO scores VALUES (1, ?, ?, ?, ?, '2025-04-15T09:00:00')",
        (TAM, first.candidate["id"], criterion["id"], criterion["max_points"] + 1),
    )
    assert problems(active) == ["1 điểm nằm ngoài khoảng cho phép."]


def test_score_of_a_recused_pair(active):
    # Trương Công Khải works in the same unit as nominee 1: the sheet leaves it out, SQL does not.
    criterion = voting.sheet(active, ROUND1, DUC)[0].criteria[0]["id"]
    raw(active).execute("INSERT INTO scores VALUES (1, 11, ?, ?, 5, '2025-04-15T09:00:00')", (BINH_RECUSED, criterion))
    assert problems(active) == [
        "Vòng #1: Trương Công Khải có 1 điểm cho Khoa Lý luận cơ sở, người mà thành viên này phải tránh."
    ]


def test_submitted_sheet_with_empty_cells(active):
    # Tâm has one score of 55 boxes; a submission row written without the core's completeness check.
    expected = sum(len(i.criteria) for i in voting.sheet(active, ROUND1, TAM)) - 1
    raw(active).execute(
        "INSERT INTO score_submissions (round_id, member_id, submitted_at) VALUES (1, ?, '2025-04-15T09:00:00')",
        (TAM,),
    )
    assert problems(active) == [f"Vòng #1: phiếu chấm đã nộp của Ngô Văn Tâm thiếu {expected} ô điểm."]


def test_score_on_a_criterion_of_another_set(active):
    item = voting.sheet(active, ROUND1, TAM)[0]
    other = active.scalar(
        "SELECT MIN(id) FROM criteria WHERE set_id != (SELECT set_id FROM criteria WHERE id = ?)",
        (item.criteria[0]["id"],),
    )
    raw(active).execute(
        "INSERT INTO scores VALUES (1, ?, ?, ?, 1, '2025-04-15T09:00:00')", (TAM, item.candidate["id"], other)
    )
    assert problems(active) == ["1 điểm theo tiêu chí không thuộc bộ tiêu chí của ứng viên."]


def test_ballot_in_a_round_that_never_opened(active):
    conn = raw(active)
    conn.execute("DROP TRIGGER receipts_round_open")
    conn.execute("INSERT INTO ballot_receipts (round_id, member_id) VALUES (2, ?)", (DUC,))
    assert problems(active) == ["Vòng chưa mở nhưng đã có 1 phiếu bầu, 0 phiếu chấm đã nộp, 0 ý kiến."]


def test_whole_list_ballot_without_its_opinion(active):
    rounds.transition(active, "Thư ký", 3, "open")
    subjects = voting.ballot_subjects(active, 3, DUC)
    voting.cast_ballot(active, 3, DUC, {s["candidate_id"]: "approve" for s in subjects})
    assert check(active).ok
    raw(active).execute("INSERT INTO ballot_receipts (round_id, member_id) VALUES (3, ?)", (LAN,))
    assert problems(active) == ["Vòng #3: 1 ý kiến về danh sách, 2 phiếu."]


def test_schema_version_mismatch(active):
    raw(active).execute("PRAGMA user_version = 0")
    assert problems(active) == [f"Phiên bản lược đồ 0, cần {SCHEMA_VERSION}."]


def test_cli_exit_codes(active):
    def run() -> subprocess.CompletedProcess:
        return subprocess.run(
            [sys.executable, "-m", "scoring", "--db", str(active.path), "check"],
            cwd=ROOT,
            capture_output=True,
            text=True,
            timeout=60,
        )

    clean = run()
    assert clean.returncode == 0, clean.stdout + clean.stderr
    assert "Cơ sở dữ liệu toàn vẹn." in clean.stdout
    raw(active).execute("INSERT INTO ballot_receipts (round_id, member_id) VALUES (1, ?)", (TAM,))
    broken = run()
    assert broken.returncode == 1
    assert "LỖI: Vòng #1" in broken.stdout
    assert "Phát hiện 11 lỗi." in broken.stdout
