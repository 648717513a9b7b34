"""The rules the core enforces on scores and ballots, tried through the core."""

import re

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


def test_sheets_and_ballots_list_candidates_title_by_title_in_vietnamese_order(demo_store, r1):
    """The demo's file lists them as units proposed them; a list of people is read by given
    name (An, Ánh, Ân…), collectives A-Z, each title's candidates together, whatever the ids' order."""
    chair = member_id(demo_store, "Trần Minh Quang")
    on_sheet = [i.candidate["full_name"] for i in voting.sheet(demo_store, r1, chair)]
    assert on_sheet == [
        "Công đoàn Trường", "Khoa Lý luận cơ sở", "Khoa Xây dựng Đảng", "Phòng Tổ chức, hành chính, thông tin, tư liệu",
        "Nguyễn Văn An", "Đinh Thị Ánh", "Phan Văn Ân", "Hồ Minh Châu", "Mai Thị Thanh Hương", "Trần Thị Bích Ngọc",
        "Vũ Đức Thắng", "Lê Hoàng Yến",
    ]  # fmt: skip
    on_ballot = [s["candidate"]["full_name"] for s in voting.ballot_subjects(demo_store, r1, chair)]
    assert on_ballot == on_sheet
    ids = [c["id"] for c in rounds.round_candidates(demo_store, r1)]
    again = rounds.create_round(demo_store, "Thư ký", "Vòng thử", list(reversed(ids)))
    assert [c["full_name"] for c in rounds.round_candidates(demo_store, again)] == on_sheet


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


def test_a_submitted_sheet_refuses_every_later_write_whatever_tab_sends_it(demo_store, r1):
    """Two tabs of one member: once one submitted, the other's draft edits, clears and
    second submission are all refused with a clear message, and the sheet stays as submitted."""
    chair = member_id(demo_store, "Trần Minh Quang")
    fill_sheet(demo_store, r1, chair)
    before = voting.sheet_points(voting.sheet(demo_store, r1, chair))
    voting.submit_scores(demo_store, r1, chair, expected=before)  # tab A
    item = voting.sheet(demo_store, r1, chair)[0]
    first, second = item.criteria[0]["id"], item.criteria[1]["id"]
    message = re.escape("Phiếu chấm điểm của vòng này đã được nộp (ở thẻ này, ở thẻ hoặc máy khác dùng cùng mã")
    for attempt in ({first: 1}, {first: None}, {first: ""}, {second: 2, first: 3}):  # tab B: edit, clear
        with pytest.raises(DomainError, match=message) as refused:
            voting.save_draft(demo_store, r1, chair, item.candidate["id"], attempt)
        assert refused.value.key == "err.sheet_already_submitted"
    with pytest.raises(DomainError, match=message):  # tab B: its own submission
        voting.submit_scores(demo_store, r1, chair, expected=before)
    assert voting.sheet_points(voting.sheet(demo_store, r1, chair)) == before
    assert demo_store.scalar("SELECT COUNT(*) FROM score_submissions WHERE member_id = ?", (chair,)) == 1
    # Reopening the round (closed → open, with a reason) does not reopen the member's sheet.
    rounds.transition(demo_store, "Thư ký", r1, "closed")
    rounds.transition(demo_store, "Thư ký", r1, "open", reason="Nhập bổ sung phiếu giấy")
    with pytest.raises(DomainError, match=message):
        voting.save_draft(demo_store, r1, chair, item.candidate["id"], {first: 1})


def test_a_sheet_changed_after_its_confirmation_was_shown_is_not_submitted(demo_store, r1):
    """Tab A shows the confirmation table; tab B then edits a score: A's confirmation must
    not submit a value the member never saw in the table."""
    chair = member_id(demo_store, "Trần Minh Quang")
    fill_sheet(demo_store, r1, chair)
    shown = voting.sheet_points(voting.sheet(demo_store, r1, chair))  # tab A's confirmation table
    item = voting.sheet(demo_store, r1, chair)[-1]
    voting.save_draft(demo_store, r1, chair, item.candidate["id"], {item.criteria[0]["id"]: 1})  # tab B
    with pytest.raises(DomainError, match="Chưa nộp: điểm trên phiếu đã thay đổi sau khi bảng xác nhận hiện ra"):
        voting.submit_scores(demo_store, r1, chair, expected=shown)
    assert not voting.is_submitted(demo_store, r1, chair)
    now = voting.sheet_points(voting.sheet(demo_store, r1, chair))
    assert voting.submit_scores(demo_store, r1, chair, expected=now) == 12  # confirmed again, as now shown
    assert voting.sheet_points(voting.sheet(demo_store, r1, chair)) == now


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


# --- every rule, tried through the core (issue 3) ---------------------------------------

ROUND2 = "Vòng 2: Đề nghị khen thưởng cấp tỉnh"
ROUND3 = "Vòng 3: Thông qua danh sách đại biểu dự Đại hội Thi đua yêu nước tỉnh"


def round_named(store, name: str) -> int:
    return store.scalar("SELECT id FROM rounds WHERE name = ?", (name,))


def all_approve(store, round_id, member):
    return {s["candidate_id"]: "approve" for s in voting.ballot_subjects(store, round_id, member)}


def test_a_score_above_the_maximum_is_refused_even_by_a_raw_insert(demo_store, r1):
    chair = member_id(demo_store, "Trần Minh Quang")
    item = voting.sheet(demo_store, r1, chair)[0]
    with pytest.raises(ValidationError, match="khoảng từ 0 đến điểm tối đa"), demo_store.write() as db:
        db.execute(
            "INSERT INTO scores VALUES (?, ?, ?, ?, 31, '2025-04-15T09:00:00')",
            [r1, chair, item.candidate["id"], item.criteria[0]["id"]],
        )
    assert demo_store.scalar("SELECT COUNT(*) FROM scores") == 0


def test_a_score_on_the_step_is_accepted_with_a_decimal_comma(demo_store, r1):
    chair = member_id(demo_store, "Trần Minh Quang")
    item = voting.sheet(demo_store, r1, chair)[0]
    voting.save_draft(demo_store, r1, chair, item.candidate["id"], {item.criteria[0]["id"]: "27,5"})
    assert voting.sheet(demo_store, r1, chair)[0].points == {item.criteria[0]["id"]: 27.5}


def test_a_cleared_field_is_deleted(demo_store, r1):
    chair = member_id(demo_store, "Trần Minh Quang")
    item = voting.sheet(demo_store, r1, chair)[0]
    crit = item.criteria[0]["id"]
    voting.save_draft(demo_store, r1, chair, item.candidate["id"], {crit: 20})
    voting.save_draft(demo_store, r1, chair, item.candidate["id"], {crit: None})
    assert voting.sheet(demo_store, r1, chair)[0].points == {}


@pytest.mark.parametrize("status", ["setup", "closed", "published"])
def test_no_score_submission_or_ballot_in_a_round_that_is_not_open(demo_store, r1, status):
    chair = member_id(demo_store, "Trần Minh Quang")
    round_id = round_named(demo_store, ROUND2) if status == "setup" else r1
    items = voting.sheet(demo_store, round_id, chair)
    choices = all_approve(demo_store, round_id, chair)
    if status != "setup":
        fill_sheet(demo_store, r1, chair)  # a complete sheet, still a draft
        rounds.transition(demo_store, "Thư ký", r1, "closed")
        if status == "published":
            rounds.transition(demo_store, "Thư ký", r1, "published")
    before = demo_store.query("SELECT * FROM scores ORDER BY candidate_id, criterion_id")
    with pytest.raises(RoundNotOpen, match="không ở trạng thái mở"):
        voting.save_draft(demo_store, round_id, chair, items[0].candidate["id"], {items[0].criteria[0]["id"]: 5})
    with pytest.raises(RoundNotOpen):
        voting.submit_scores(demo_store, round_id, chair)
    with pytest.raises(RoundNotOpen):
        voting.cast_ballot(demo_store, round_id, chair, choices)
    with pytest.raises(RoundNotOpen):
        voting.enter_paper_sheet(demo_store, round_id, chair, {}, actor="Thư ký")
    assert demo_store.query("SELECT * FROM scores ORDER BY candidate_id, criterion_id") == before
    assert demo_store.scalar("SELECT COUNT(*) FROM score_submissions") == 0
    assert demo_store.scalar("SELECT COUNT(*) FROM ballot_receipts") == 0
    assert demo_store.scalar("SELECT IFNULL(SUM(count), 0) FROM ballot_tallies") == 0


def test_the_triggers_refuse_a_ballot_receipt_or_tally_in_a_closed_round(demo_store, r1):
    rounds.transition(demo_store, "Thư ký", r1, "closed")
    chair = member_id(demo_store, "Trần Minh Quang")
    with pytest.raises(RoundNotOpen), demo_store.write() as db:
        db.execute("INSERT INTO ballot_receipts (round_id, member_id) VALUES (?, ?)", [r1, chair])
    with pytest.raises(RoundNotOpen), demo_store.write() as db:
        db.execute("UPDATE ballot_tallies SET count = count + 1 WHERE round_id = ?", [r1])


def test_a_published_round_is_final(demo_store, r1):
    rounds.transition(demo_store, "Thư ký", r1, "closed")
    rounds.transition(demo_store, "Thư ký", r1, "published")
    with pytest.raises(ValidationError, match="Không thể chuyển vòng"):
        rounds.transition(demo_store, "Thư ký", r1, "open", reason="Sửa lại")
    with pytest.raises(ValidationError, match="đã công bố"):
        rounds.set_attendance(demo_store, "Thư ký", r1, member_id(demo_store, "Lê Văn Đức"), False)


def test_only_officers_change_phases(demo_store, r1):
    with pytest.raises(PermissionDenied, match="không có quyền"):
        rounds.transition(demo_store, "Lê Văn Đức", r1, "closed", actor_role="member")
    assert rounds.get_round(demo_store, r1)["status"] == "open"


def test_no_score_or_vote_on_oneself(demo_store, r1):
    tam = member_id(demo_store, "Ngô Văn Tâm")
    with demo_store.write() as db:  # Ngô Văn Tâm himself is nominated (before the round opened)
        candidate = (
            db["candidates"]
            .insert(
                {
                    "kind": "individual",
                    "full_name": "Ngô Văn Tâm",
                    "title_id": demo_store.scalar("SELECT title_id FROM candidates LIMIT 1 OFFSET 5"),
                    "member_id": tam,
                }
            )
            .last_pk
        )
    round_id = rounds.create_round(demo_store, "Thư ký", "Vòng thử", [candidate], recuse_same_unit=False)
    rounds.transition(demo_store, "Thư ký", round_id, "open")
    assert voting.sheet(demo_store, round_id, tam) == []
    assert voting.ballot_subjects(demo_store, round_id, tam) == []
    crit = demo_store.scalar("SELECT id FROM criteria WHERE set_id = 1 LIMIT 1")
    with pytest.raises(PermissionDenied, match="tránh xung đột lợi ích"):
        voting.save_draft(demo_store, round_id, tam, candidate, {crit: 10})
    with pytest.raises(DomainError):
        voting.cast_ballot(demo_store, round_id, tam, {candidate: "approve"})
    assert demo_store.scalar("SELECT COUNT(*) FROM ballot_receipts") == 0


def test_each_members_recusals_say_why_and_agree_with_the_rules(demo_store, r1):
    duc = member_id(demo_store, "Lê Văn Đức")
    target = voting.sheet(demo_store, r1, duc)[3].candidate
    rounds.add_conflict(demo_store, "Thư ký", duc, target["id"], "Người thân")
    binh = member_id(demo_store, "Võ Thanh Bình")  # Khoa Lý luận cơ sở
    assert [(c["full_name"], c["why"]) for c in rounds.member_recusals(demo_store, r1, binh)] == [
        ("Khoa Lý luận cơ sở", "same_unit"),
        ("Nguyễn Văn An", "same_unit"),
        ("Vũ Đức Thắng", "same_unit"),
    ]
    assert [(c["id"], c["why"], c["reason"]) for c in rounds.member_recusals(demo_store, r1, duc)] == [
        (target["id"], "conflict", "Người thân")
    ]
    recusals = rounds.recusals(demo_store, r1)
    for m in demo_store.query("SELECT id FROM members WHERE is_voting = 1"):
        mine = {c["id"] for c in rounds.member_recusals(demo_store, r1, m["id"])}
        assert mine == {cid for cid, ids in recusals.items() if m["id"] in ids}
        assert mine == {c["id"] for c in rounds.round_candidates(demo_store, r1)} - {
            i.candidate["id"] for i in voting.sheet(demo_store, r1, m["id"])
        }


def test_a_manual_conflict_recuses_and_drops_the_drafts(demo_store, r1):
    duc = member_id(demo_store, "Lê Văn Đức")  # no unit: scores everyone
    fill_sheet(demo_store, r1, duc)
    target = voting.sheet(demo_store, r1, duc)[3].candidate
    rounds.add_conflict(demo_store, "Thư ký", duc, target["id"], "Người thân")
    assert target["id"] not in {i.candidate["id"] for i in voting.sheet(demo_store, r1, duc)}
    assert (
        demo_store.scalar("SELECT COUNT(*) FROM scores WHERE member_id = ? AND candidate_id = ?", (duc, target["id"]))
        == 0
    )
    crit = voting.sheet(demo_store, r1, duc)[0].criteria[0]["id"]
    with pytest.raises(PermissionDenied):
        voting.save_draft(demo_store, r1, duc, target["id"], {crit: 10})
    with pytest.raises(PermissionDenied):
        voting.cast_ballot(demo_store, r1, duc, {**all_approve(demo_store, r1, duc), target["id"]: "approve"})
    assert voting.submit_scores(demo_store, r1, duc) == 11  # the recused pair counts neither way
    assert "Người thân" in demo_store.scalar("SELECT detail FROM audit_log WHERE action = 'conflict.add'")
    rounds.remove_conflict(demo_store, "Thư ký", duc, target["id"])
    assert demo_store.scalar("SELECT COUNT(*) FROM audit_log WHERE action = 'conflict.remove'") == 1


def test_a_conflict_cannot_be_added_after_the_member_voted(demo_store, r1):
    duc = member_id(demo_store, "Lê Văn Đức")
    voting.cast_ballot(demo_store, r1, duc, all_approve(demo_store, r1, duc))
    target = rounds.round_candidates(demo_store, r1)[0]
    with pytest.raises(ValidationError, match="không thể thêm xung đột"):
        rounds.add_conflict(demo_store, "Thư ký", duc, target["id"])
    assert demo_store.scalar("SELECT COUNT(*) FROM conflicts") == 0


def test_a_member_reads_only_their_own_drafts(demo_store, r1):
    chair = member_id(demo_store, "Trần Minh Quang")
    duc = member_id(demo_store, "Lê Văn Đức")
    fill_sheet(demo_store, r1, chair)
    assert all(i.points == {} for i in voting.sheet(demo_store, r1, duc))
    voting.save_draft(
        demo_store,
        r1,
        duc,
        voting.sheet(demo_store, r1, duc)[0].candidate["id"],
        {voting.sheet(demo_store, r1, duc)[0].criteria[0]["id"]: 3},
    )
    assert sum(len(i.points) for i in voting.sheet(demo_store, r1, duc)) == 1
    assert sum(len(i.points) for i in voting.sheet(demo_store, r1, chair)) == 60


def test_tallies_equal_the_ballots_cast_per_nominee(demo_store, r1):
    voters = [m["id"] for m in demo_store.query("SELECT id FROM members WHERE is_voting = 1 ORDER BY id")]
    expected: dict[tuple[int, str], int] = {}
    for n, m in enumerate(voters):
        choices = {}
        for k, s in enumerate(voting.ballot_subjects(demo_store, r1, m)):
            choice = ("approve", "reject", "abstain")[(n + k) % 3]
            choices[s["candidate_id"]] = choice
            expected[(s["candidate_id"], choice)] = expected.get((s["candidate_id"], choice), 0) + 1
        voting.cast_ballot(demo_store, r1, m, choices)
    counts = {(r["candidate_id"], r["choice"]): r["count"] for r in voting.tallies(demo_store, r1)}
    assert {k: v for k, v in counts.items() if v} == expected
    recusals = rounds.recusals(demo_store, r1)
    for c in rounds.round_candidates(demo_store, r1):
        cast = sum(counts[(c["id"], choice)] for choice in ("approve", "reject", "abstain"))
        assert cast == len(voters) - len(recusals.get(c["id"], set()) & set(voters)), c["full_name"]


def test_abstain_only_where_the_title_allows_it(demo_store, r1):
    rounds.transition(demo_store, "Thư ký", r1, "closed")
    r2 = round_named(demo_store, ROUND2)
    rounds.transition(demo_store, "Thư ký", r2, "open")
    duc = member_id(demo_store, "Lê Văn Đức")
    choices = {s["candidate_id"]: "abstain" for s in voting.ballot_subjects(demo_store, r2, duc)}
    with pytest.raises(ValidationError, match="Không có ý kiến"):
        voting.cast_ballot(demo_store, r2, duc, choices)
    assert not voting.has_voted(demo_store, r2, duc)


def test_a_ballot_must_answer_every_nominee(demo_store, r1):
    duc = member_id(demo_store, "Lê Văn Đức")
    choices = all_approve(demo_store, r1, duc)
    choices.pop(next(iter(choices)))
    with pytest.raises(ValidationError, match="Bạn chưa đánh dấu lựa chọn cho") as refused:
        voting.cast_ballot(demo_store, r1, duc, choices)
    assert demo_store.scalar("SELECT COUNT(*) FROM ballot_receipts") == 0
    # Not in the words of the abstain option: "Chưa chọn ý kiến" / "No opinion chosen" read as if it were chosen.
    assert "ý kiến" not in refused.value.message("vi")
    assert "opinion" not in refused.value.message("en").lower()
    assert refused.value.message("en").startswith("You have not made a choice for: ")


def test_whole_list_ballot_counts_once_per_member_and_the_listed_step_back(demo_store, r1):
    r3 = round_named(demo_store, ROUND3)
    rounds.transition(demo_store, "Thư ký", r3, "open")
    duc = member_id(demo_store, "Lê Văn Đức")
    binh = member_id(demo_store, "Võ Thanh Bình")  # on the list of delegates
    khai = member_id(demo_store, "Trương Công Khải")  # same unit as Bình: unit recusal does not apply to a list
    subjects = voting.ballot_subjects(demo_store, r3, duc)
    assert [s["candidate_id"] for s in subjects] == [None]
    assert subjects[0]["names"] == ["Phan Văn Ân", "Võ Thanh Bình", "Lê Hoàng Yến"]  # by given name
    voting.cast_ballot(demo_store, r3, duc, {None: "approve"})
    voting.cast_ballot(demo_store, r3, khai, {None: "reject"})
    with pytest.raises(DomainError, match="đã bỏ phiếu"):
        voting.cast_ballot(demo_store, r3, duc, {None: "reject"})
    with pytest.raises(PermissionDenied, match="có tên trong danh sách"):
        voting.cast_ballot(demo_store, r3, binh, {None: "approve"})
    with pytest.raises(ValidationError):  # a whole-list ballot names no nominee
        voting.cast_ballot(demo_store, r3, member_id(demo_store, "Bùi Thị Lan"), {binh: "approve"})
    with pytest.raises(ValidationError) as blank:  # a paper ballot entered with no choice marked
        voting.cast_ballot(demo_store, r3, member_id(demo_store, "Bùi Thị Lan"), {})
    assert blank.value.message("vi") == "Bạn chưa đánh dấu lựa chọn cho: danh sách."
    assert blank.value.message("en") == "You have not made a choice for: the list."  # was "… for: danh sách."
    counts = {(r["candidate_id"], r["choice"]): r["count"] for r in voting.tallies(demo_store, r3)}
    assert counts == {(None, "approve"): 1, (None, "reject"): 1, (None, "abstain"): 0}


def test_paper_sheet_is_entered_all_or_nothing_and_marked(demo_store, r1):
    lan = member_id(demo_store, "Bùi Thị Lan")
    items = voting.sheet(demo_store, r1, lan)
    points = {i.candidate["id"]: {c["id"]: c["max_points"] - 5 for c in i.criteria} for i in items}
    last = items[-1]
    points[last.candidate["id"]][last.criteria[-1]["id"]] = 99  # a typo on the last line
    with pytest.raises(ValidationError, match="phải từ 0 đến 15"):
        voting.enter_paper_sheet(demo_store, r1, lan, points, actor="Phạm Thị Ngọc Ánh")
    assert demo_store.scalar("SELECT COUNT(*) FROM scores") == 0
    points[last.candidate["id"]][last.criteria[-1]["id"]] = 10
    assert voting.enter_paper_sheet(demo_store, r1, lan, points, actor="Phạm Thị Ngọc Ánh") == 11
    assert demo_store.query("SELECT source FROM score_submissions WHERE member_id = ?", (lan,)) == [{"source": "paper"}]
    sheet_now = voting.sheet(demo_store, r1, lan)
    assert sheet_now[0].total == pytest.approx(75.0)  # counted like an online sheet: 5 points off each criterion
    log = demo_store.query("SELECT actor, action, detail FROM audit_log WHERE action LIKE 'score.%paper%'")
    assert {r["actor"] for r in log} == {"Phạm Thị Ngọc Ánh"}
    assert log[-1]["action"] == "score.submit_paper" and "Bùi Thị Lan" in log[0]["detail"]
    with pytest.raises(DomainError, match="đã nộp"):
        voting.enter_paper_sheet(demo_store, r1, lan, points, actor="Phạm Thị Ngọc Ánh")


def test_paper_ballots_valid_and_invalid(demo_store, r1):
    lan = member_id(demo_store, "Bùi Thị Lan")
    duc = member_id(demo_store, "Lê Văn Đức")
    voting.cast_ballot(demo_store, r1, lan, all_approve(demo_store, r1, lan), source="paper", actor="Thư ký")
    voting.cast_ballot(demo_store, r1, duc, {}, source="paper", valid=False, actor="Thư ký")
    receipts = demo_store.query("SELECT member_id, source, valid FROM ballot_receipts ORDER BY member_id")
    assert sorted((r["member_id"], r["source"], r["valid"]) for r in receipts) == sorted(
        [(lan, "paper", 1), (duc, "paper", 0)]
    )
    assert demo_store.scalar("SELECT SUM(count) FROM ballot_tallies WHERE round_id = ?", (r1,)) == 11
    with pytest.raises(DomainError, match="đã bỏ phiếu"):  # an invalid ballot is still the member's one ballot
        voting.cast_ballot(demo_store, r1, duc, all_approve(demo_store, r1, duc))
    details = [r["detail"] for r in demo_store.query("SELECT detail FROM audit_log WHERE action = 'ballot.cast_paper'")]
    assert any("phiếu không hợp lệ" in d for d in details)


def test_every_change_is_logged(demo_store, r1):
    duc = member_id(demo_store, "Lê Văn Đức")
    item = voting.sheet(demo_store, r1, duc)[0]
    voting.save_draft(demo_store, r1, duc, item.candidate["id"], {item.criteria[0]["id"]: 12.5})
    rounds.set_attendance(demo_store, "Thư ký", r1, duc, False)
    row = demo_store.query("SELECT * FROM audit_log WHERE action = 'score.draft'")[0]
    assert row["actor"] == "Lê Văn Đức" and "tiêu chí 1: 12,5" in row["detail"] and row["at"]
    assert "Lê Văn Đức vắng" in demo_store.scalar("SELECT detail FROM audit_log WHERE action = 'attendance'")


def test_nudge_list_and_absent_members(demo_store, r1):
    duc = member_id(demo_store, "Lê Văn Đức")
    lan = member_id(demo_store, "Bùi Thị Lan")
    fill_sheet(demo_store, r1, duc)
    voting.submit_scores(demo_store, r1, duc)
    voting.cast_ballot(demo_store, r1, duc, all_approve(demo_store, r1, duc))
    rounds.set_attendance(demo_store, "Thư ký", r1, lan, False)
    owed = voting.missing(demo_store, r1)
    names = {kind: [r["full_name"] for r in rows] for kind, rows in owed.items()}
    assert "Lê Văn Đức" not in names["sheet"] + names["ballot"] + names["absent"]
    assert names["absent"] == ["Bùi Thị Lan"]
    assert "Bùi Thị Lan" not in names["sheet"] and len(names["sheet"]) == 9


# --- a member's own tasks: what is left, and a round closed before they finished ---------------


def test_duties_say_what_the_member_still_has_to_do_in_a_round(demo_store, r1):
    duc = member_id(demo_store, "Lê Văn Đức")
    start = voting.duties(demo_store, r1, duc)
    assert (start.to_score, start.to_vote, start.sheet_pending, start.ballot_pending) == (True, True, True, True)
    assert not start.drafted and not start.all_done
    fill_sheet(demo_store, r1, duc)
    voting.submit_scores(demo_store, r1, duc)
    half = voting.duties(demo_store, r1, duc)
    assert half.drafted and not half.sheet_pending and half.ballot_pending and not half.all_done
    voting.cast_ballot(demo_store, r1, duc, all_approve(demo_store, r1, duc))
    assert voting.duties(demo_store, r1, duc).all_done


def test_duties_of_a_round_without_scoring_or_without_a_ballot_for_the_member(demo_store, r1):
    rounds.transition(demo_store, "Thư ký", r1, "closed")
    r3 = round_named(demo_store, ROUND3)  # whole list: a ballot, nothing to score
    rounds.transition(demo_store, "Thư ký", r3, "open")
    duc = member_id(demo_store, "Lê Văn Đức")
    ballot_only = voting.duties(demo_store, r3, duc)
    assert not ballot_only.to_score and ballot_only.ballot_pending
    voting.cast_ballot(demo_store, r3, duc, {None: "approve"})
    assert voting.duties(demo_store, r3, duc).all_done
    binh = voting.duties(demo_store, r3, member_id(demo_store, "Võ Thanh Bình"))  # on the list: nothing to do
    assert not binh.to_score and not binh.to_vote and not binh.all_done


def test_the_last_closed_round_is_named_only_to_a_member_it_shut_out(demo_store, r1):
    duc = member_id(demo_store, "Lê Văn Đức")
    chair = member_id(demo_store, "Trần Minh Quang")
    lan = member_id(demo_store, "Bùi Thị Lan")
    assert voting.missed_in_last_closed_round(demo_store, duc) is None  # nothing closed yet
    item = voting.sheet(demo_store, r1, duc)[0]
    voting.save_draft(demo_store, r1, duc, item.candidate["id"], {item.criteria[0]["id"]: 10})
    fill_sheet(demo_store, r1, chair)
    voting.submit_scores(demo_store, r1, chair)
    voting.cast_ballot(demo_store, r1, chair, all_approve(demo_store, r1, chair))
    fill_sheet(demo_store, r1, lan)
    voting.submit_scores(demo_store, r1, lan)
    rounds.transition(demo_store, "Thư ký", r1, "closed")

    closed, left = voting.missed_in_last_closed_round(demo_store, duc)
    assert closed["id"] == r1 and closed["closed_at"]
    assert left.sheet_pending and left.ballot_pending and left.drafted
    assert voting.missed_in_last_closed_round(demo_store, chair) is None  # did everything
    _, lan_left = voting.missed_in_last_closed_round(demo_store, lan)
    assert not lan_left.sheet_pending and lan_left.ballot_pending

    # A round closed later is the one that counts: Đức voted in it, so nothing is said any more.
    r3 = round_named(demo_store, ROUND3)
    rounds.transition(demo_store, "Thư ký", r3, "open")
    voting.cast_ballot(demo_store, r3, duc, {None: "approve"})
    rounds.transition(demo_store, "Thư ký", r3, "closed")
    assert voting.missed_in_last_closed_round(demo_store, duc) is None
    closed, _ = voting.missed_in_last_closed_round(demo_store, lan)
    assert closed["id"] == r3


def test_participants_follow_the_rules_of_the_sheet_and_the_ballot(demo_store, r1):
    # round_progress counts over voting.participants, a few queries; the pages' member-by-member
    # progress builds each sheet and ballot. Both must name the same people, in every kind of
    # round (per nominee with unit recusal, whole list), also after a hand-added conflict.
    duc = member_id(demo_store, "Lê Văn Đức")
    target = voting.sheet(demo_store, r1, duc)[0].candidate
    rounds.add_conflict(demo_store, "Thư ký", duc, target["id"], "Người thân")
    for round_row in rounds.list_rounds(demo_store):
        rows = voting.progress(demo_store, round_row["id"])
        scorers, voters = voting.participants(demo_store, round_row["id"])
        assert scorers == {r["member_id"] for r in rows if r["to_score"]}, round_row["name"]
        assert voters == {r["member_id"] for r in rows if r["can_vote"]}, round_row["name"]
