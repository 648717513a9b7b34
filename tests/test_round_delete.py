"""A round created by mistake (the wrong titles, a typo in its name) could not be deleted: it stayed
on every page. A round still being prepared can be now, by the secretary; a round that was ever
opened or holds a score, a sheet or a ballot is part of the conference's record and is refused."""

from __future__ import annotations

import pytest

from scoring import audit, conference, rounds
from scoring.errors import ValidationError
from tests.apptest_helpers import page_text, run_app
from tests.test_exports import run_round

ROUND2 = "Vòng 2: Đề nghị khen thưởng cấp tỉnh"
ROUND3 = "Vòng 3: Thông qua danh sách đại biểu dự Đại hội Thi đua yêu nước tỉnh"


def round_id(store, name: str) -> int:
    return store.scalar("SELECT id FROM rounds WHERE name = ?", (name,))


def test_a_round_in_preparation_is_deleted_with_nothing_left_pointing_at_it(demo_store):
    store = demo_store
    mistake = round_id(store, ROUND2)
    nominees = [c["id"] for c in rounds.round_candidates(store, mistake)]
    member = conference.list_members(store, voting_only=True)[0]
    rounds.set_attendance(store, "t", mistake, member["id"], True)
    rounds.delete_round(store, "Thư ký", mistake)

    assert ROUND2 not in [r["name"] for r in rounds.list_rounds(store)]
    for table in ("round_candidates", "attendance", "ballot_tallies"):
        assert store.scalar(f"SELECT COUNT(*) FROM {table} WHERE round_id = ?", (mistake,)) == 0
    # The programme's step for it stays, linked to no round; the nominations stay.
    step = next(a for a in conference.list_agenda(store) if a["title"].startswith("Biểu dương, tôn vinh"))
    assert step["round_id"] is None
    assert {c["id"] for c in conference.list_candidates(store)} >= set(nominees)
    assert store.scalar("PRAGMA foreign_key_check") is None
    last = audit.entries(store, limit=1)[0]
    assert (last["action"], last["entity_id"], last["actor"]) == ("round.delete", mistake, "Thư ký")
    assert ROUND2 in last["detail"] and "1 dòng điểm danh" in last["detail"]

    # A new round comes after the others (it shared round 3's position) and never takes the id of a
    # deleted round, whose lines in the log would read as its history.
    again = rounds.create_round(store, "t", "Vòng 2 (tạo lại)", nominees)
    positions = {r["name"]: r["position"] for r in rounds.list_rounds(store)}
    assert positions["Vòng 2 (tạo lại)"] > positions[ROUND3]
    deleted = {mistake, again, round_id(store, ROUND3)}
    for gone in deleted - {mistake}:
        rounds.delete_round(store, "t", gone)
    third = rounds.create_round(store, "t", "Vòng 2 (lần ba)", nominees)
    assert third not in deleted
    assert [e["detail"] for e in audit.entries(store) if e["entity"] == "rounds" and e["entity_id"] == third] == [
        f"Vòng 2 (lần ba) ({len(nominees)} ứng viên)"
    ]


def test_an_opened_round_is_refused_saying_why(demo_store):
    store = demo_store
    opened = round_id(store, "Vòng 1: Bình xét điển hình tiên tiến giai đoạn 2020-2025")
    with pytest.raises(ValidationError) as refused:
        rounds.delete_round(store, "t", opened)
    assert "Không xóa được vòng “Vòng 1" in str(refused.value)
    assert "vòng đã được mở (đang ở trạng thái “Đang chấm, bỏ phiếu”)" in str(refused.value)
    assert "it has been opened (it is now “Open for scoring and voting”)" in refused.value.message("en")
    run_round(store)  # scored, voted and closed
    with pytest.raises(ValidationError, match="đang ở trạng thái “Đã khóa”"):
        rounds.delete_round(store, "t", opened)
    assert store.scalar("SELECT COUNT(*) FROM rounds WHERE id = ?", (opened,)) == 1


def test_a_round_holding_ballots_or_logged_as_more_than_prepared_is_refused(demo_store):
    store = demo_store
    # A database where a round with ballots reads "setup" again (an old copy, a hand edit): its ballots decide.
    voted = run_round(store)
    with store.write() as db:
        db.execute("UPDATE rounds SET status = 'setup', opened_at = NULL WHERE id = ?", [voted])
    with pytest.raises(ValidationError) as refused:
        rounds.delete_round(store, "t", voted)
    assert "phiếu chấm đã nộp" in str(refused.value) and "không xóa được" in str(refused.value)
    assert store.scalar("SELECT COUNT(*) FROM ballot_receipts WHERE round_id = ?", (voted,)) > 0
    # The log alone: a round the log says was opened is a record, whatever its row says.
    logged = round_id(store, ROUND3)
    with store.write() as db:
        audit.log(db, "t", "round.open", "rounds", logged)
    with pytest.raises(ValidationError, match="nhật ký đã ghi “Mở vòng” cho vòng này"):
        rounds.delete_round(store, "t", logged)
    assert rounds.deletion_refusal(store, logged) is not None
    assert rounds.deletion_refusal(store, round_id(store, ROUND2)) is None


def test_the_secretary_deletes_a_round_from_the_rounds_page_after_confirming(demo_store, app_env, demo_codes):
    mistake = rounds.create_round(
        demo_store,
        "t",
        "Vòng nhầm",
        [c["id"] for c in rounds.round_candidates(demo_store, round_id(demo_store, ROUND2))],
    )
    at = run_app(app_env, code=demo_codes["secretary"], page="pages/rounds.py")
    at.selectbox(key="rounds_pick").select(mistake).run()
    assert "Vòng đang chuẩn bị, chưa mở lần nào, nên xóa được." in page_text(at)
    delete = at.button(key="phase_delete")
    assert delete.disabled  # not without the confirmation
    at.checkbox(key=f"phase_delete_sure_{mistake}").check().run()
    at.button(key="phase_delete").click().run()
    assert not at.exception
    assert "Đã xóa vòng “Vòng nhầm”." in page_text(at)
    assert "Vòng nhầm" not in list(at.dataframe[0].value["Tên"])
    assert at.selectbox(key="rounds_pick").value != mistake
    assert demo_store.scalar("SELECT COUNT(*) FROM rounds WHERE id = ?", (mistake,)) == 0


def test_the_page_offers_no_deletion_of_an_open_round_nor_to_the_chair(demo_store, app_env, demo_codes):
    at = run_app(app_env, code=demo_codes["secretary"], page="pages/rounds.py")  # opens on the open round 1
    assert not at.exception
    assert not [b for b in at.button if b.key == "phase_delete"]
    chair = run_app(app_env, code=demo_codes["chair"], page="pages/rounds.py")
    chair.selectbox(key="rounds_pick").select(round_id(demo_store, ROUND2)).run()
    assert not chair.exception
    assert not [b for b in chair.button if b.key == "phase_delete"]


def test_another_tab_on_the_deleted_round_carries_on(demo_store, app_env, demo_codes):
    other = run_app(app_env, code=demo_codes["secretary"], page="pages/rounds.py")
    gone = round_id(demo_store, ROUND2)
    other.selectbox(key="rounds_pick").select(gone).run()
    rounds.delete_round(demo_store, "t", gone)
    other.run()
    assert not other.exception
    assert other.selectbox(key="rounds_pick").value != gone
