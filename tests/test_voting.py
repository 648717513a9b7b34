"""The rules the core enforces on scores and ballots, tried through the core."""

import pytest

from scoring import rounds, voting
from scoring.errors import DomainError, PermissionDenied, RoundNotOpen, ValidationError
from tests.conftest import member_id

ROUND1 = "Vòng 1: Bình xét điển hình tiên tiến giai đoạn 2020-2025"


@pytest.fixture
def r1(demo_store) -> int:
    return demo_store.scalar("SELECT id FROM rounds WHERE name = ?", (ROUND1,))


def fill_sheet(store, round_id, member, value_for=lambda c: c["max_points"] - 1):
    for item in voting.sheet(store, round_id, member):
        voting.save_draft(store, round_id, member, item.candidate["id"], {c["id"]: value_for(c) for c in item.criteria})


def test_sheet_leaves_out_own_unit_and_self(demo_store, r1):
    binh = member_id(demo_store, "Võ Thanh Bình")  # Trưởng khoa Lý luận cơ sở
    names = {i.candidate["full_name"] for i in voting.sheet(demo_store, r1, binh)}
    assert "Khoa Lý luận cơ sở" not in names and "Nguyễn Văn An" not in names
    chair = member_id(demo_store, "Trần Minh Quang")  # no unit: scores everyone
    assert len(voting.sheet(demo_store, r1, chair)) == 12


def test_draft_saved_then_submit_then_frozen(demo_store, r1):
    chair = member_id(demo_store, "Trần Minh Quang")
    fill_sheet(demo_store, r1, chair)
    items = voting.sheet(demo_store, r1, chair)
    assert all(i.complete for i in items)
    assert items[0].total == pytest.approx(95.0)  # each of 5 criteria one point below max
    assert voting.submit_scores(demo_store, r1, chair) == 12
    first = items[0]
    with pytest.raises(DomainError, match="đã nộp"):
        voting.save_draft(demo_store, r1, chair, first.candidate["id"], {first.criteria[0]["id"]: 1})
    with pytest.raises(DomainError, match="đã nộp"):
        voting.submit_scores(demo_store, r1, chair)


def test_incomplete_sheet_cannot_be_submitted(demo_store, r1):
    chair = member_id(demo_store, "Trần Minh Quang")
    item = voting.sheet(demo_store, r1, chair)[0]
    voting.save_draft(demo_store, r1, chair, item.candidate["id"], {item.criteria[0]["id"]: 10})
    with pytest.raises(ValidationError, match="Còn 59 ô chưa chấm"):
        voting.submit_scores(demo_store, r1, chair)


def test_score_out_of_range_or_step_is_refused_and_nothing_saved(demo_store, r1):
    chair = member_id(demo_store, "Trần Minh Quang")
    item = voting.sheet(demo_store, r1, chair)[0]
    c0, c1 = item.criteria[0], item.criteria[1]
    assert c0["max_points"] == 30  # the collective sheet's first criterion
    with pytest.raises(ValidationError, match="phải từ 0 đến 30"):
        voting.save_draft(demo_store, r1, chair, item.candidate["id"], {c1["id"]: 10, c0["id"]: 31})
    with pytest.raises(ValidationError, match="bội số của 0,5"):
        voting.save_draft(demo_store, r1, chair, item.candidate["id"], {c0["id"]: 10.3})
    with pytest.raises(ValidationError):
        voting.save_draft(demo_store, r1, chair, item.candidate["id"], {c0["id"]: -1})
    assert demo_store.scalar("SELECT COUNT(*) FROM scores") == 0


def test_recused_member_cannot_score_or_vote(demo_store, r1):
    binh = member_id(demo_store, "Võ Thanh Bình")
    khoa = demo_store.scalar(
        "SELECT id FROM candidates WHERE full_name = 'Khoa Lý luận cơ sở' AND title_id = "
        "(SELECT id FROM titles WHERE name LIKE 'Tập thể điển hình%')"
    )
    crit = demo_store.scalar("SELECT id FROM criteria WHERE set_id = 2 LIMIT 1")
    with pytest.raises(PermissionDenied, match="tránh xung đột lợi ích"):
        voting.save_draft(demo_store, r1, binh, khoa, {crit: 10})
    choices = {s["candidate_id"]: "approve" for s in voting.ballot_subjects(demo_store, r1, binh)}
    with pytest.raises(PermissionDenied):
        voting.cast_ballot(demo_store, r1, binh, {**choices, khoa: "approve"})


def test_ballot_once_and_tallies_match(demo_store, r1):
    voters = ["Trần Minh Quang", "Lê Văn Đức", "Bùi Thị Lan"]
    for name in voters:
        m = member_id(demo_store, name)
        voting.cast_ballot(
            demo_store, r1, m, {s["candidate_id"]: "approve" for s in voting.ballot_subjects(demo_store, r1, m)}
        )
    m = member_id(demo_store, "Trần Minh Quang")
    with pytest.raises(DomainError, match="đã bỏ phiếu"):
        voting.cast_ballot(
            demo_store, r1, m, {s["candidate_id"]: "reject" for s in voting.ballot_subjects(demo_store, r1, m)}
        )
    counts = {(r["candidate_id"], r["choice"]): r["count"] for r in voting.tallies(demo_store, r1)}
    khoa_dv = demo_store.scalar("SELECT id FROM candidates WHERE full_name = 'Đinh Thị Ánh'")
    assert counts[(khoa_dv, "approve")] == 2  # Bùi Thị Lan (Khoa Dân vận) stepped back
    assert demo_store.scalar("SELECT COUNT(*) FROM ballot_receipts") == 3


def test_no_write_after_round_closes(demo_store, r1):
    chair = member_id(demo_store, "Trần Minh Quang")
    item = voting.sheet(demo_store, r1, chair)[0]
    rounds.transition(demo_store, "Thư ký", r1, "closed")
    with pytest.raises(RoundNotOpen):
        voting.save_draft(demo_store, r1, chair, item.candidate["id"], {item.criteria[0]["id"]: 5})
    with pytest.raises(RoundNotOpen):
        voting.cast_ballot(demo_store, r1, chair, {})
    with pytest.raises(ValidationError, match="lý do"):
        rounds.transition(demo_store, "Thư ký", r1, "open")
    rounds.transition(demo_store, "Thư ký", r1, "open", reason="Bổ sung phiếu của thành viên vắng")
    assert (
        demo_store.scalar("SELECT detail FROM audit_log WHERE action = 'round.reopen'")
        == "Bổ sung phiếu của thành viên vắng"
    )
