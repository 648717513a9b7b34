"""The member pages (scoring sheet, ballot, login) and the officers' pages
(rounds, member codes) in AppTest, against a private copy of the demo."""

from __future__ import annotations

from pathlib import Path

import pytest
from streamlit.testing.v1 import AppTest

from scoring import auth, conference, qr, rounds, voting
from scoring.db import open_store
from tests.apptest_helpers import APP, login_token, page_text, run_app
from tests.conftest import member_id

ROUND1 = "Vòng 1: Bình xét điển hình tiên tiến giai đoạn 2020-2025"
PAGES = Path(APP).parent / "pages"


def r1(store) -> int:
    return store.scalar("SELECT id FROM rounds WHERE name = ?", (ROUND1,))


def fill(store, round_id, member, skip_last: bool = False) -> None:
    items = voting.sheet(store, round_id, member)
    for n, item in enumerate(items):
        criteria = item.criteria[:-1] if skip_last and n == len(items) - 1 else item.criteria
        voting.save_draft(
            store, round_id, member, item.candidate["id"], {c["id"]: c["max_points"] - 2 for c in criteria}
        )


def button(at: AppTest, label: str):
    found = [b for b in at.button if b.label == label]
    assert found, f"no button {label!r} in {[b.label for b in at.button]}"
    return found[0]


# --- scoring sheet ---------------------------------------------------------------


def test_sheet_shows_the_members_candidates_and_saves_each_change(app_env, demo_codes):
    at = run_app(app_env, code=demo_codes["member"], page="pages/scoring_sheet.py")  # Lê Văn Đức, no unit
    assert not at.exception, at.exception
    text = page_text(at)
    assert "Đã chấm 0/12" in text
    assert "Khoa Lý luận cơ sở" in text and "Mai Thị Thanh Hương" in text
    assert "**2. Khoa Lý luận cơ sở**" in text and "— Khoa Lý luận cơ sở" not in text  # a collective: no unit twice
    assert "Mai Thị Thanh Hương** — " in text  # an individual: position and unit after the name
    assert "Còn 60 ô trống" in text
    assert len(at.text_input) == 60
    first = at.text_input[0]
    assert first.label.startswith("1. Hoàn thành chỉ tiêu, nhiệm vụ được giao (tối đa 30)")
    assert "bước 0,5: Kết quả đào tạo, bồi dưỡng" in text  # the criteria guide: max, step, description
    first.set_value("25,5").run()  # a decimal comma, as Vietnamese write it
    store = open_store(app_env)
    duc = member_id(store, "Lê Văn Đức")
    assert store.scalar("SELECT points FROM scores WHERE member_id = ?", (duc,)) == 25.5
    assert "Đã lưu nháp trên máy chủ lúc" in page_text(at)
    assert "Còn 59 ô trống" in page_text(at)
    assert "Tổng tạm tính: 25,5/100" in page_text(at)

    token = at.query_params["s"]
    reloaded = run_app(app_env, token=token, page="pages/scoring_sheet.py")  # a reload: fresh session state
    assert reloaded.text_input[0].value == "25,5"
    assert reloaded.text_input[1].value == ""


def test_sheet_leaves_out_recused_candidates(app_env):
    at = run_app(app_env, code="uyvien02", page="pages/scoring_sheet.py")  # Võ Thanh Bình, Khoa Lý luận cơ sở
    text = page_text(at)
    assert "Đã chấm 0/9" in text
    assert "Nguyễn Văn An**" not in text and "Vũ Đức Thắng**" not in text  # no row on the sheet
    assert "Khoa Xây dựng Đảng" in text
    assert len(at.text_input) == 45


RECUSED_BINH = (
    "Khoa Lý luận cơ sở (cùng đơn vị với bạn); Nguyễn Văn An (cùng đơn vị với bạn); Vũ Đức Thắng (cùng đơn vị với bạn)."
)


def test_the_sheet_and_the_ballot_say_who_is_left_out_and_why(app_env):
    # QA rehearsal: Bình saw 9 of the round's 12 candidates, on his sheet and on his ballot, and
    # nothing said which three were missing or why; he could take it for a fault of the software.
    sheet = page_text(run_app(app_env, code="uyvien02", page="pages/scoring_sheet.py"))
    assert "Bạn không chấm các ứng viên sau (tránh xung đột lợi ích), nên họ không có trong phiếu của bạn: " in sheet
    assert RECUSED_BINH in sheet
    ballot = page_text(run_app(app_env, code="uyvien02", page="pages/ballot.py"))
    assert "Bạn không bỏ phiếu cho những người được đề nghị sau (tránh xung đột lợi ích)" in ballot
    assert "không tính thuận, cũng không tính chống cho họ: " + RECUSED_BINH in ballot
    # A member with nothing to step back from is told nothing; a hand-added conflict gives its reason.
    assert "tránh xung đột lợi ích" not in page_text(run_app(app_env, code="uyvien01", page="pages/scoring_sheet.py"))
    store = open_store(app_env)
    duc = member_id(store, "Lê Văn Đức")
    an = store.scalar("SELECT id FROM candidates WHERE full_name = 'Nguyễn Văn An' AND title_id = 9")
    rounds.add_conflict(store, "Thư ký", duc, an, "Người thân")
    assert "Nguyễn Văn An (xung đột lợi ích: Người thân)." in page_text(
        run_app(app_env, code="uyvien01", page="pages/ballot.py")
    )
    english = page_text(run_in("en", app_env, "uyvien01", "pages/scoring_sheet.py"))
    assert "Not on your sheet, as you do not score them (conflict of interest): Nguyễn Văn An (conflict" in english


def test_a_refused_value_is_explained_and_not_saved(app_env, demo_codes):
    at = run_app(app_env, code=demo_codes["member"], page="pages/scoring_sheet.py")
    at.text_input[0].set_value("10,3").run()
    assert "Hoàn thành chỉ tiêu, nhiệm vụ được giao: điểm phải là bội số của 0,5 (đang là 10,3)." in [
        e.value for e in at.error
    ]
    assert open_store(app_env).scalar("SELECT COUNT(*) FROM scores") == 0
    at.text_input[0].set_value("10.5").run()  # a decimal point is read too, and shown back with a comma
    assert not at.error
    assert open_store(app_env).scalar("SELECT points FROM scores") == 10.5
    assert at.text_input[0].value == "10,5"


def test_a_decimal_comma_is_never_read_as_a_ten_times_larger_score(app_env, demo_codes):
    """The browser's number box dropped the comma: 2,5 became 25, within a maximum of 30,
    saved without a word. A text box sends what was typed and the core reads it."""
    at = run_app(app_env, code=demo_codes["member"], page="pages/scoring_sheet.py")
    at.text_input[0].set_value("2,5").run()
    assert open_store(app_env).scalar("SELECT points FROM scores") == 2.5
    assert "Tổng tạm tính: 2,5/100" in page_text(at)
    at.text_input[1].set_value("7,5 điểm").run()
    assert "Tổ chức phong trào thi đua: “7,5 điểm” không phải là số." in [e.value for e in at.error]
    assert open_store(app_env).scalar("SELECT COUNT(*) FROM scores") == 1
    at.text_input[0].set_value("").run()  # emptied: the draft is gone
    assert open_store(app_env).scalar("SELECT COUNT(*) FROM scores") == 0


def test_an_out_of_range_score_reaches_the_core_and_is_explained_in_vietnamese(app_env, demo_codes):
    """The core's message is shown, under the row of boxes (in a narrow column it pushed its
    box out of line)."""
    at = run_app(app_env, code=demo_codes["member"], page="pages/scoring_sheet.py")
    at.text_input[0].set_value("99").run()
    at.text_input[1].set_value("-1").run()
    messages = [e.value for e in at.error]
    assert any("Hoàn thành chỉ tiêu, nhiệm vụ được giao" in m and "99" in m and "30" in m for m in messages), messages
    assert any("Tổ chức phong trào thi đua" in m and "-1" in m for m in messages), messages
    assert open_store(app_env).scalar("SELECT COUNT(*) FROM scores") == 0
    assert not any(column.error for column in at.columns)  # not squeezed into a criterion's column


def test_a_member_sees_only_their_own_drafts(app_env, demo_codes):
    store = open_store(app_env)
    fill(store, r1(store), member_id(store, "Trần Minh Quang"))  # the chair scored everything
    at = run_app(app_env, code=demo_codes["member"], page="pages/scoring_sheet.py")
    assert all(n.value == "" for n in at.text_input)
    assert "Đã chấm 0/12" in page_text(at)


def test_submit_lists_what_is_submitted_then_sheet_is_read_only(app_env, demo_codes):
    store = open_store(app_env)
    duc = member_id(store, "Lê Văn Đức")
    fill(store, r1(store), duc, skip_last=True)
    at = run_app(app_env, code=demo_codes["member"], page="pages/scoring_sheet.py")
    assert "Đã chấm 11/12" in page_text(at)
    button(at, "Nộp phiếu chấm điểm").click().run()
    assert "Còn 1 ô chưa chấm: Lê Hoàng Yến (1)." in [e.value for e in at.error]
    assert not voting.is_submitted(store, r1(store), duc)

    at.text_input[-1].set_value("13").run()
    assert "Đã chấm 12/12" in page_text(at)
    button(at, "Nộp phiếu chấm điểm").click().run()
    assert "Xác nhận nộp phiếu chấm điểm" in page_text(at)
    confirm = at.table[0].value
    assert len(confirm) == 12
    assert list(confirm.iloc[-1])[1:] == ["Lê Hoàng Yến", "18", "28", "18", "13", "13", "90"]
    assert not voting.is_submitted(store, r1(store), duc)  # nothing submitted before the confirmation
    button(at, "Xác nhận nộp").click().run()
    assert voting.is_submitted(store, r1(store), duc)
    assert "Bạn đã nộp phiếu chấm điểm của vòng này" in page_text(at)
    assert all(n.disabled for n in at.text_input)
    assert not [b for b in at.button if b.label == "Nộp phiếu chấm điểm"]

    # A new session (another laptop, a reload after a restart) shows the stored points, read-only.
    again = run_app(app_env, code=demo_codes["member"], page="pages/scoring_sheet.py")
    assert all(n.disabled for n in again.text_input)
    assert [n.value for n in again.text_input][-5:] == ["18", "28", "18", "13", "13"]
    assert "" not in [n.value for n in again.text_input]


def test_a_stale_tab_is_told_the_sheet_was_submitted_elsewhere_and_shows_the_submitted_scores(app_env, demo_codes):
    """One member, two tabs: tab A submits; tab B still shows editable boxes. B's edit is not
    saved, and B says why (not a bare refusal) and shows what was submitted, read-only."""
    store = open_store(app_env)
    duc = member_id(store, "Lê Văn Đức")
    fill(store, r1(store), duc)
    a, b = (run_app(app_env, code=demo_codes["member"], page="pages/scoring_sheet.py") for _ in range(2))
    button(a, "Nộp phiếu chấm điểm").click().run()
    button(a, "Xác nhận nộp").click().run()
    assert "Bạn đã nộp phiếu chấm điểm của vòng này" in page_text(a)
    assert "ở thẻ hoặc máy khác" not in page_text(a)  # submitted here: not "elsewhere"
    submitted = [n.value for n in b.text_input]
    assert not b.text_input[0].disabled  # stale: B has not rerun since

    b.text_input[0].set_value("5").run()
    assert not b.exception, b.exception
    warnings = [w.value for w in b.warning]
    assert any("đã được nộp ở thẻ hoặc máy khác dùng cùng mã" in w and "không được lưu" in w for w in warnings)
    assert [n.value for n in b.text_input] == submitted and b.text_input[0].value == "28"
    assert all(n.disabled for n in b.text_input)
    assert not [x for x in b.button if x.label == "Nộp phiếu chấm điểm"]
    item = voting.sheet(store, r1(store), duc)[0]
    assert item.points[item.criteria[0]["id"]] == 28  # not 5
    b.run()  # said once; afterwards the sheet reads as submitted
    assert "Bạn đã nộp phiếu chấm điểm của vòng này" in page_text(b) and not b.warning


def test_a_tab_takes_an_edit_made_in_another_tab_and_saves_only_its_own(app_env, demo_codes):
    """One member, two tabs: B changes a box; A's next edit elsewhere must not put A's older
    value back (it deleted B's score, and re-saved all 60 boxes on A's first edit)."""
    store = open_store(app_env)
    duc = member_id(store, "Lê Văn Đức")
    a, b = (run_app(app_env, code=demo_codes["member"], page="pages/scoring_sheet.py") for _ in range(2))
    b.text_input[1].set_value("5").run()
    drafts = store.scalar("SELECT COUNT(*) FROM audit_log WHERE action = 'score.draft'")
    a.text_input[0].set_value("7").run()
    assert not a.exception, a.exception
    item = voting.sheet(store, r1(store), duc)[0]
    assert [item.points.get(c["id"]) for c in item.criteria[:2]] == [7, 5]
    assert [n.value for n in a.text_input][:2] == ["7", "5"]  # A shows B's edit
    assert store.scalar("SELECT COUNT(*) FROM audit_log WHERE action = 'score.draft'") == drafts + 1


def test_a_stale_tab_confirming_its_submission_is_told_it_was_submitted_elsewhere(app_env, demo_codes):
    store = open_store(app_env)
    fill(store, r1(store), member_id(store, "Lê Văn Đức"))
    a, b = (run_app(app_env, code=demo_codes["member"], page="pages/scoring_sheet.py") for _ in range(2))
    for tab in (a, b):
        button(tab, "Nộp phiếu chấm điểm").click().run()
    button(a, "Xác nhận nộp").click().run()
    button(b, "Xác nhận nộp").click().run()
    assert any("đã được nộp ở thẻ hoặc máy khác" in w.value for w in b.warning)
    assert "Bạn đã nộp phiếu chấm điểm" not in page_text(b)
    assert store.scalar("SELECT COUNT(*) FROM score_submissions") == 1


def test_a_sheet_edited_in_another_tab_during_confirmation_is_not_submitted_unseen(app_env, demo_codes):
    """Tab A shows the confirmation table; tab B changes a score; A's "Xác nhận nộp" must not
    submit a value A's table did not show (QA: it submitted B's edit)."""
    store = open_store(app_env)
    duc = member_id(store, "Lê Văn Đức")
    fill(store, r1(store), duc)
    a, b = (run_app(app_env, code=demo_codes["member"], page="pages/scoring_sheet.py") for _ in range(2))
    button(a, "Nộp phiếu chấm điểm").click().run()
    assert list(a.table[0].value.iloc[0])[2] == "28"
    b.text_input[0].set_value("5").run()  # saved as a draft from tab B
    button(a, "Xác nhận nộp").click().run()
    assert not voting.is_submitted(store, r1(store), duc)
    assert any("Chưa nộp: điểm trên phiếu đã thay đổi sau khi bảng xác nhận hiện ra" in e.value for e in a.error)
    assert list(a.table[0].value.iloc[0])[2] == "5"  # the table now shows what would be submitted
    button(a, "Xác nhận nộp").click().run()  # confirmed again, having seen it
    assert voting.is_submitted(store, r1(store), duc)
    item = voting.sheet(store, r1(store), duc)[0]
    assert item.points[item.criteria[0]["id"]] == 5


def test_a_box_emptied_in_another_tab_during_confirmation_returns_to_the_sheet(app_env, demo_codes):
    store = open_store(app_env)
    fill(store, r1(store), member_id(store, "Lê Văn Đức"))
    a, b = (run_app(app_env, code=demo_codes["member"], page="pages/scoring_sheet.py") for _ in range(2))
    button(a, "Nộp phiếu chấm điểm").click().run()
    b.text_input[0].set_value("").run()
    button(a, "Xác nhận nộp").click().run()
    assert not a.exception, a.exception
    assert "Còn 1 ô chưa chấm: Công đoàn Trường (1)." in [e.value for e in a.error]
    assert not voting.is_submitted(store, r1(store), member_id(store, "Lê Văn Đức"))
    assert [x for x in a.button if x.label == "Nộp phiếu chấm điểm"]


# --- ballot ------------------------------------------------------------------------


def test_ballot_is_cast_once_and_the_choices_are_not_kept(app_env, demo_codes):
    store = open_store(app_env)
    round_id = r1(store)
    at = run_app(app_env, code=demo_codes["member"], page="pages/ballot.py")
    assert not at.exception, at.exception
    assert len(at.radio) == 12
    assert [o for o in at.radio[0].options] == ["Đồng ý", "Không đồng ý", "Không có ý kiến"]
    for n, radio in enumerate(at.radio):
        radio.set_value("reject" if n == 0 else "approve")
    at.run()
    button(at, "Bỏ phiếu").click().run()
    assert "Xác nhận bỏ phiếu" in page_text(at)
    assert store.scalar("SELECT COUNT(*) FROM ballot_receipts") == 0
    button(at, "Xác nhận bỏ phiếu").click().run()
    assert not at.exception, at.exception

    assert "Đã bỏ phiếu" in page_text(at)
    assert len(at.radio) == 0
    first = rounds.round_candidates(store, round_id)[0]["id"]
    assert f"ballot_choice_{round_id}_{first}" not in at.session_state  # the choices left the session
    assert "ballot_choice_" not in repr(at.session_state)
    counts = {(r["candidate_id"], r["choice"]): r["count"] for r in voting.tallies(store, round_id)}
    assert counts[(first, "reject")] == 1 and counts[(first, "approve")] == 0
    assert sum(n for (_, choice), n in counts.items() if choice == "approve") == 11
    reloaded = run_app(app_env, token=at.query_params["s"], page="pages/ballot.py")
    assert "Đã bỏ phiếu" in page_text(reloaded) and len(reloaded.radio) == 0


def test_a_second_tab_is_told_its_choices_were_not_counted(app_env, demo_codes):
    # Tab B confirmed "reject" for everyone after tab A had voted, and read "Đã bỏ phiếu. Phiếu
    # của bạn đã được cộng…" although only tab A's choices counted (QA).
    tabs = [run_app(app_env, code=demo_codes["member"], page="pages/ballot.py") for _ in range(2)]
    for at, choice in zip(tabs, ("approve", "reject"), strict=True):
        for radio in at.radio:
            radio.set_value(choice)
        at.run()
        button(at, "Bỏ phiếu").click().run()
    button(tabs[0], "Xác nhận bỏ phiếu").click().run()
    assert "Đã bỏ phiếu" in page_text(tabs[0])
    button(tabs[1], "Xác nhận bỏ phiếu").click().run()
    text = page_text(tabs[1])
    assert "những lựa chọn vừa chọn ở đây không được tính" in text and "đã được cộng vào kết quả" not in text
    store = open_store(app_env)
    assert store.scalar("SELECT SUM(count) FROM ballot_tallies WHERE choice = 'reject'") == 0


def test_ballot_needs_every_choice(app_env, demo_codes):
    at = run_app(app_env, code=demo_codes["member"], page="pages/ballot.py")
    at.radio[0].set_value("approve").run()
    button(at, "Bỏ phiếu").click().run()
    assert any("Bạn chưa đánh dấu lựa chọn cho" in e.value for e in at.error)
    assert open_store(app_env).scalar("SELECT COUNT(*) FROM ballot_receipts") == 0


def test_whole_list_ballot_is_one_choice(app_env, demo_codes):
    store = open_store(app_env)
    delegates = store.scalar("SELECT id FROM rounds WHERE ballot_mode = 'whole_list'")
    rounds.transition(store, "Thư ký", r1(store), "closed")
    rounds.transition(store, "Thư ký", delegates, "open")
    at = run_app(app_env, code=demo_codes["member"], page="pages/ballot.py")
    assert len(at.radio) == 1
    assert "Võ Thanh Bình" in page_text(at) and "Phan Văn Ân" in page_text(at)
    at.radio[0].set_value("approve").run()
    button(at, "Bỏ phiếu").click().run()
    button(at, "Xác nhận bỏ phiếu").click().run()
    assert {(r["candidate_id"], r["choice"]): r["count"] for r in voting.tallies(store, delegates)}[
        (None, "approve")
    ] == 1
    # Võ Thanh Bình is on the list: he does not vote on it.
    bình = run_app(app_env, code="uyvien02", page="pages/ballot.py")
    assert "Bạn không bỏ phiếu trong vòng này" in page_text(bình) and len(bình.radio) == 0


# --- what next: from the sheet to the ballot and back; a round closed under the member ---------


def run_in(lang: str, db_path, code: str, page: str) -> AppTest:
    """A fresh tab signed in by `code`, in `lang` (remembered in the URL, as the language switch does)."""
    at = AppTest.from_file(str(APP), default_timeout=30)
    at.query_params["s"] = login_token(db_path, code)
    at.query_params["lang"] = lang
    at.run()
    at.switch_page(page).run()
    return at


def links(at: AppTest) -> list[tuple[str, str]]:
    """(target page, label) of each page link in the page's body."""
    return [(link.proto.page, link.value) for link in at.page_link]


def test_after_submitting_the_sheet_the_member_is_pointed_to_the_ballot(app_env, demo_codes):
    store = open_store(app_env)
    round_id = r1(store)
    duc = member_id(store, "Lê Văn Đức")
    fill(store, round_id, duc)
    at = run_app(app_env, code=demo_codes["member"], page="pages/scoring_sheet.py")
    assert links(at) == []  # the sheet comes first
    button(at, "Nộp phiếu chấm điểm").click().run()
    button(at, "Xác nhận nộp").click().run()
    assert not at.exception, at.exception
    assert "Bước tiếp theo: bỏ phiếu kín của vòng này." in page_text(at)
    assert links(at) == [("ballot", "Mở phiếu bầu kín")]

    voting.cast_ballot(
        store, round_id, duc, {s["candidate_id"]: "approve" for s in voting.ballot_subjects(store, round_id, duc)}
    )
    at.run()
    assert links(at) == []
    assert "Bạn đã nộp phiếu chấm điểm và bỏ phiếu trong vòng này. Xin cảm ơn!" in page_text(at)
    assert "Bước tiếp theo" not in page_text(at)


def test_after_voting_the_member_is_pointed_to_the_sheet_still_to_submit(app_env, demo_codes):
    store = open_store(app_env)
    round_id = r1(store)
    duc = member_id(store, "Lê Văn Đức")
    at = run_app(app_env, code=demo_codes["member"], page="pages/ballot.py")
    assert links(at) == []
    for radio in at.radio:
        radio.set_value("approve")
    at.run()
    button(at, "Bỏ phiếu").click().run()
    button(at, "Xác nhận bỏ phiếu").click().run()
    assert not at.exception, at.exception
    assert "Việc còn lại: nộp phiếu chấm điểm của vòng này." in page_text(at)
    assert links(at) == [("scoring_sheet", "Mở phiếu chấm điểm")]

    fill(store, round_id, duc)
    voting.submit_scores(store, round_id, duc)
    again = run_app(app_env, token=at.query_params["s"], page="pages/ballot.py")
    assert links(again) == []
    assert "Bạn đã nộp phiếu chấm điểm và bỏ phiếu trong vòng này. Xin cảm ơn!" in page_text(again)


def test_no_link_to_a_task_the_round_does_not_have(app_env, demo_codes):
    """Round 3 (the list of delegates) has a ballot and nothing to score; a round of
    titles that need no ballot has a sheet only."""
    store = open_store(app_env)
    duc = member_id(store, "Lê Văn Đức")
    rounds.transition(store, "Thư ký", r1(store), "closed")
    delegates = store.scalar("SELECT id FROM rounds WHERE ballot_mode = 'whole_list'")
    rounds.transition(store, "Thư ký", delegates, "open")
    sheet = run_app(app_env, code=demo_codes["member"], page="pages/scoring_sheet.py")
    assert "Bạn không có ứng viên nào cần chấm trong vòng này." in page_text(sheet)
    assert links(sheet) == [("ballot", "Mở phiếu bầu kín")]  # nothing to score: the ballot is what is left
    voting.cast_ballot(store, delegates, duc, {None: "approve"})
    at = run_app(app_env, token=sheet.query_params["s"], page="pages/ballot.py")
    assert links(at) == []
    assert "Bạn đã hoàn thành phần việc của mình trong vòng này. Xin cảm ơn!" in page_text(at)
    assert "bỏ phiếu trong vòng này. Xin cảm ơn" not in page_text(at)  # no sheet was asked of him

    rounds.transition(store, "Thư ký", delegates, "closed")
    second = store.scalar("SELECT id FROM rounds WHERE name LIKE 'Vòng 2%'")
    for c in rounds.round_candidates(store, second):
        conference.update_title(store, "Thư ký", c["title_id"], needs_ballot=False)
    rounds.transition(store, "Thư ký", second, "open")
    fill(store, second, duc)
    voting.submit_scores(store, second, duc)
    done = run_app(app_env, token=sheet.query_params["s"], page="pages/scoring_sheet.py")
    assert links(done) == []
    assert "Bạn đã hoàn thành phần việc của mình trong vòng này. Xin cảm ơn!" in page_text(done)


def test_home_lists_what_the_member_still_has_to_do(app_env, demo_codes):
    # A member who signs in by the QR code lands on the home page: it says what is left.
    store = open_store(app_env)
    round_id = r1(store)
    duc = member_id(store, "Lê Văn Đức")
    at = run_app(app_env, code=demo_codes["member"])
    assert not at.exception, at.exception
    assert "Việc của bạn" in page_text(at) and ROUND1 in page_text(at)
    assert links(at) == [("scoring_sheet", "Mở phiếu chấm điểm"), ("ballot", "Mở phiếu bầu kín")]

    fill(store, round_id, duc)
    voting.submit_scores(store, round_id, duc)
    at.run()
    assert links(at) == [("ballot", "Mở phiếu bầu kín")]
    voting.cast_ballot(
        store, round_id, duc, {s["candidate_id"]: "approve" for s in voting.ballot_subjects(store, round_id, duc)}
    )
    at.run()
    assert links(at) == [] and "Đã xong: bạn đã nộp đủ phiếu của vòng này." in page_text(at)

    public = run_app(app_env)  # signed out: nothing of anyone's tasks
    assert "Việc của bạn" not in page_text(public) and links(public) == []


def test_the_next_step_in_english(app_env, demo_codes):
    store = open_store(app_env)
    round_id = r1(store)
    duc = member_id(store, "Lê Văn Đức")
    fill(store, round_id, duc)
    voting.submit_scores(store, round_id, duc)
    at = run_in("en", app_env, demo_codes["member"], "pages/scoring_sheet.py")
    assert not at.exception, at.exception
    assert "Next step: cast your secret ballot for this round." in page_text(at)
    assert links(at) == [("ballot", "Open the secret ballot")]
    voting.cast_ballot(
        store, round_id, duc, {s["candidate_id"]: "approve" for s in voting.ballot_subjects(store, round_id, duc)}
    )
    at = run_in("en", app_env, demo_codes["member"], "pages/ballot.py")
    assert links(at) == []
    assert "You have submitted your scoring sheet and cast your ballot in this round. Thank you!" in page_text(at)


def close_round_1_at(store, when: str) -> int:
    round_id = r1(store)
    rounds.transition(store, "Chủ tịch", round_id, "closed")
    with store.write() as db:
        db.execute("UPDATE rounds SET closed_at = ? WHERE id = ?", [when, round_id])
    return round_id


def test_a_round_closed_before_the_member_finished_says_so_gently(app_env, demo_codes):
    store = open_store(app_env)
    round_id = r1(store)
    fill(store, round_id, member_id(store, "Lê Văn Đức"), skip_last=True)  # drafts, not submitted, no ballot
    close_round_1_at(store, "2025-11-20T10:05:33")
    expected = (
        f"Vòng “{ROUND1}” đã được khóa lúc 20/11/2025 10:05, khi bạn chưa nộp phiếu chấm điểm và chưa bỏ phiếu. "
        "Các điểm bạn đã lưu nháp chưa được nộp nên không được tính. "
        "Nếu cần trao đổi thêm, xin liên hệ Thư ký Hội đồng."
    )
    for page in ("pages/scoring_sheet.py", "pages/ballot.py"):
        at = run_app(app_env, code=demo_codes["member"], page=page)
        assert not at.exception, at.exception
        assert [i.value for i in at.info] == [expected], page
        text = page_text(at)
        assert "Hiện chưa có vòng" not in text
        # Nothing of the round's results: no figures, no tallies, no sheet.
        assert not at.dataframe and not at.table and not at.metric and not at.text_input and not at.radio
        assert "Đồng ý" not in text and "Tổng điểm" not in text


def test_a_closed_round_names_only_what_the_member_left_undone(app_env, demo_codes):
    store = open_store(app_env)
    round_id = r1(store)
    duc = member_id(store, "Lê Văn Đức")
    fill(store, round_id, duc)
    voting.submit_scores(store, round_id, duc)  # the sheet is in, the ballot is not
    chair = member_id(store, "Trần Minh Quang")
    fill(store, round_id, chair)
    voting.submit_scores(store, round_id, chair)
    voting.cast_ballot(
        store, round_id, chair, {s["candidate_id"]: "approve" for s in voting.ballot_subjects(store, round_id, chair)}
    )
    close_round_1_at(store, "2025-11-20T16:45:00")

    at = run_app(app_env, code=demo_codes["member"], page="pages/ballot.py")
    assert [i.value for i in at.info] == [
        f"Vòng “{ROUND1}” đã được khóa lúc 20/11/2025 16:45, khi bạn chưa bỏ phiếu. "
        "Nếu cần trao đổi thêm, xin liên hệ Thư ký Hội đồng."
    ]
    # The chair did everything: the usual message, nothing about the closed round.
    for page, usual in (
        ("pages/scoring_sheet.py", "Hiện chưa có vòng bình xét nào đang mở để chấm điểm."),
        ("pages/ballot.py", "Hiện chưa có vòng nào đang mở để bỏ phiếu."),
    ):
        chair_at = run_app(app_env, code=demo_codes["chair"], page=page)
        assert [i.value for i in chair_at.info] == [usual]

    english = run_in("en", app_env, demo_codes["member"], "pages/scoring_sheet.py")
    assert [i.value for i in english.info] == [
        f"Round “{ROUND1}” was closed at 20/11/2025 16:45, before you cast your ballot. "
        "If you need to discuss it, please contact the council secretary."
    ]


def test_a_closed_round_in_english_says_the_drafts_did_not_count(app_env, demo_codes):
    store = open_store(app_env)
    fill(store, r1(store), member_id(store, "Lê Văn Đức"), skip_last=True)
    close_round_1_at(store, "2025-11-20T10:05:33")
    at = run_in("en", app_env, demo_codes["member"], "pages/ballot.py")
    assert [i.value for i in at.info] == [
        f"Round “{ROUND1}” was closed at 20/11/2025 10:05, before you submitted your scoring sheet or cast your "
        "ballot. The scores you saved as drafts were not submitted, so they were not counted. "
        "If you need to discuss it, please contact the council secretary."
    ]


# --- rounds (officers) ---------------------------------------------------------------


def test_rounds_page_changes_phases_and_refuses_reopen_without_reason(app_env, demo_codes):
    store = open_store(app_env)
    at = run_app(app_env, code=demo_codes["secretary"], page="pages/rounds.py")
    assert not at.exception, at.exception
    assert "Trạng thái: **Đang chấm, bỏ phiếu**" in page_text(at)
    # Nobody has submitted yet: closing would shut everyone out, so it asks first and names them.
    warning = [w.value for w in at.warning if "Còn 11 thành viên chưa nộp phiếu chấm hoặc chưa bỏ phiếu" in w.value]
    assert warning and "Lê Văn Đức" in warning[0]
    assert button(at, "Khóa vòng").disabled
    at.checkbox(key="phase_close_sure").check().run()
    button(at, "Khóa vòng").click().run()
    assert rounds.get_round(store, r1(store))["status"] == "closed"
    assert "Trạng thái: **Đã khóa**" in page_text(at)

    assert button(at, "Mở lại vòng").disabled  # offered only once a reason is typed (the core refuses too)
    assert rounds.get_round(store, r1(store))["status"] == "closed"

    at.text_input(key="phase_reason").input("Bổ sung phiếu của thành viên vắng").run()
    button(at, "Mở lại vòng").click().run()
    assert rounds.get_round(store, r1(store))["status"] == "open"
    assert store.scalar("SELECT detail FROM audit_log WHERE action = 'round.reopen'") == (
        "Bổ sung phiếu của thành viên vắng"
    )


def test_closing_asks_nothing_once_everyone_is_in(app_env, demo_codes):
    store = open_store(app_env)
    round_id = r1(store)
    for m in conference.list_members(store, voting_only=True):
        fill(store, round_id, m["id"])
        voting.submit_scores(store, round_id, m["id"])
        subjects = voting.ballot_subjects(store, round_id, m["id"])
        voting.cast_ballot(store, round_id, m["id"], {s["candidate_id"]: "approve" for s in subjects})
    at = run_app(app_env, code=demo_codes["chair"], page="pages/rounds.py")
    assert not [w for w in at.warning if "chưa nộp" in w.value]
    button(at, "Khóa vòng").click().run()
    assert rounds.get_round(store, round_id)["status"] == "closed"


def test_publish_needs_a_confirmation(app_env, demo_codes):
    store = open_store(app_env)
    rounds.transition(store, "Thư ký", r1(store), "closed")
    at = run_app(app_env, code=demo_codes["chair"], page="pages/rounds.py")
    assert button(at, "Công bố kết quả").disabled
    at.checkbox(key="phase_publish_sure").check().run()
    button(at, "Công bố kết quả").click().run()
    assert rounds.get_round(store, r1(store))["status"] == "published"
    assert "Vòng đã công bố kết quả: không thay đổi được nữa." in page_text(at)


def test_progress_says_who_not_what(app_env, demo_codes):
    store = open_store(app_env)
    round_id = r1(store)
    duc = member_id(store, "Lê Văn Đức")
    fill(store, round_id, duc)
    voting.submit_scores(store, round_id, duc)
    subjects = voting.ballot_subjects(store, round_id, duc)
    voting.cast_ballot(store, round_id, duc, {s["candidate_id"]: "reject" for s in subjects})
    at = run_app(app_env, code=demo_codes["secretary"], page="pages/rounds.py")
    frame = at.dataframe[1].value  # [0] is the list of rounds
    row = frame[frame["Họ và tên"] == "Lê Văn Đức"].iloc[0]
    assert (row["Đã chấm"], row["Đã nộp phiếu chấm"], row["Đã bỏ phiếu"]) == ("12/12", "✓", "✓")
    other = frame[frame["Họ và tên"] == "Bùi Thị Lan"].iloc[0]
    assert (other["Đã nộp phiếu chấm"], other["Đã bỏ phiếu"]) == ("—", "—")
    shown = frame.to_csv() + page_text(at)
    assert "Không đồng ý" not in shown and "reject" not in shown
    assert [m.value for m in at.metric] == ["1/11", "1/11"]
    nudge = page_text(at)
    assert "Chưa nộp phiếu chấm (10):" in nudge and "Bùi Thị Lan" in nudge


def test_conflict_and_invalid_paper_ballot(app_env, demo_codes):
    store = open_store(app_env)
    round_id = r1(store)
    at = run_app(app_env, code=demo_codes["secretary"], page="pages/rounds.py")
    lan = member_id(store, "Bùi Thị Lan")
    candidate = rounds.round_candidates(store, round_id)[2]  # Khoa Xây dựng Đảng
    at.selectbox(key="conflict_member").set_value(lan)
    at.selectbox(key="conflict_candidate").set_value(candidate["id"])
    at.text_input(key="conflict_reason").input("Vợ chồng")
    button(at, "Thêm xung đột lợi ích").click().run()
    assert not at.exception, at.exception
    assert rounds.is_recused(store, round_id, lan, candidate["id"])
    assert "Bùi Thị Lan ↔ Khoa Xây dựng Đảng" in page_text(at)

    # The secretary records that Lê Văn Đức's paper ballot was invalid.
    duc = member_id(store, "Lê Văn Đức")
    at.selectbox(key="paper_member").set_value(duc).run()
    at.checkbox(key=f"paper_invalid_{round_id}_{duc}").check()
    button(at, "Ghi phiếu bầu giấy").click().run()
    assert not at.exception, at.exception
    assert store.query("SELECT source, valid FROM ballot_receipts WHERE member_id = ?", (duc,)) == [
        {"source": "paper", "valid": 0}
    ]
    assert sum(r["count"] for r in voting.tallies(store, round_id)) == 0
    assert "Đã ghi phiếu bầu giấy của Lê Văn Đức." in page_text(at)


def test_a_paper_sheet_typed_with_decimal_commas_is_stored_as_written(app_env, demo_codes):
    # The number boxes read 2,5 as 25: the secretary copying a paper sheet would have stored ten times the points.
    store = open_store(app_env)
    round_id = r1(store)
    lan = member_id(store, "Bùi Thị Lan")
    at = run_app(app_env, code=demo_codes["secretary"], page="pages/rounds.py")
    at.selectbox(key="paper_member").set_value(lan).run()
    boxes = [box for box in at.text_input if (box.key or "").startswith(f"paper_{round_id}_{lan}_")]
    assert len(boxes) == sum(len(item.criteria) for item in voting.sheet(store, round_id, lan)) > 0
    for box in boxes:
        box.input("2,5")
    button(at, "Ghi và nộp phiếu chấm giấy").click().run()
    assert not at.exception, at.exception
    assert store.query("SELECT DISTINCT points FROM scores WHERE member_id = ?", (lan,)) == [{"points": 2.5}]
    assert voting.is_submitted(store, round_id, lan)


@pytest.mark.parametrize("page", ["pages/rounds.py", "pages/member_codes.py"])
def test_a_member_cannot_reach_the_officers_pages(app_env, demo_codes, page):
    # Not in a member's menu; a link to it opens the page, which refuses.
    linked = run_app(app_env, code=demo_codes["member"], page=page)
    assert not linked.exception and not linked.button and not linked.text_input
    assert page_text(linked).count("Trang này chỉ dành cho") == 1
    # Even run directly, the page refuses.
    direct = AppTest.from_file(str(PAGES / Path(page).name), default_timeout=30)
    direct.query_params["s"] = login_token(app_env, demo_codes["member"])
    direct.run()
    assert not direct.exception, direct.exception
    expected = "Trang này chỉ dành cho " + (
        "Chủ tịch, Phó Chủ tịch và Thư ký Hội đồng." if "rounds" in page else "Thư ký Hội đồng."
    )
    assert [e.value for e in direct.error] == [expected]
    assert not direct.button and not direct.text_input


def test_the_chair_cannot_reach_member_codes(app_env, demo_codes):
    at = run_app(app_env, code=demo_codes["chair"], page="pages/member_codes.py")
    assert not at.exception and not at.button
    assert [e.value for e in at.error] == ["Trang này chỉ dành cho Thư ký Hội đồng."]


# --- member codes, login ----------------------------------------------------------------


def test_secretary_regenerates_a_code_and_gets_the_printable_sheet(app_env, demo_codes):
    store = open_store(app_env)
    at = run_app(app_env, code=demo_codes["secretary"], page="pages/member_codes.py")
    assert not at.exception, at.exception
    # Nothing saved yet: the address offered is this server's on the local network, as on the
    # projector, never localhost (on a member's laptop that would be the laptop itself).
    assert store.scalar("SELECT join_url FROM conference") in (None, "")
    assert at.text_input[0].value == qr.guess_lan_url(8501, path="")
    assert "localhost" not in at.text_input[0].value
    duc = member_id(store, "Lê Văn Đức")
    at.text_input[0].input("http://192.168.1.10:8501/")
    at.button[0].click().run()  # the form's "Lưu địa chỉ"
    assert store.scalar("SELECT join_url FROM conference") == "http://192.168.1.10:8501"
    at.multiselect[0].set_value([duc])
    at.checkbox[0].check().run()
    button(at, "Tạo mã mới").click().run()
    assert not at.exception, at.exception
    frame = at.dataframe[0].value
    assert list(frame["Họ và tên"]) == ["Lê Văn Đức"]
    code = frame["Mã truy cập"].iloc[0]
    assert frame["Đường dẫn đăng nhập"].iloc[0] == f"http://192.168.1.10:8501/login?code={code}"
    assert code not in str(store.query("SELECT * FROM members"))
    assert auth.login(store, code, client="t")[0]["full_name"] == "Lê Văn Đức"
    with pytest.raises(Exception, match="Mã truy cập không đúng"):
        auth.login(store, demo_codes["member"], client="t")
    # The secretary is still signed in, and the sheet can be downloaded.
    assert auth.resume(store, at.query_params["s"])["full_name"] == "Phạm Thị Ngọc Ánh"
    assert at.get("download_button")


def test_qr_link_signs_in_and_leaves_no_code_in_the_address(app_env, demo_codes):
    at = AppTest.from_file(str(APP), default_timeout=30)
    at.run()
    at.query_params["code"] = demo_codes["member"]
    at.switch_page("pages/login.py").run()
    assert not at.exception, at.exception
    assert "code" not in at.query_params
    reloaded = run_app(app_env, token=at.query_params["s"])
    assert "Đang đăng nhập: Lê Văn Đức (Ủy viên)" in [c.value for c in reloaded.sidebar.caption]


def test_wrong_codes_are_rate_limited_with_a_message(app_env):
    at = run_app(app_env, page="pages/login.py")
    for _ in range(5):
        at.text_input[0].input("sai-ma-so")
        at.button[0].click().run()
    at.text_input[0].input("uyvien01")  # even the right code waits
    at.button[0].click().run()
    alerts = [e.value for e in at.error] + [w.value for w in at.warning]
    assert len(alerts) == 1, alerts  # one alert, not the notice and the refusal saying the same thing
    assert "Nhập sai quá nhiều lần" in alerts[0] and "Vui lòng chờ" in alerts[0]
    assert not at.query_params.get("s")
    at.run()  # arriving again, nothing tried: the notice alone
    alerts = [e.value for e in at.error] + [w.value for w in at.warning]
    assert len(alerts) == 1 and "Vui lòng chờ" in alerts[0], alerts


def test_wrong_codes_in_english_give_one_alert(app_env):
    at = AppTest.from_file(str(APP), default_timeout=30)
    at.query_params["lang"] = "en"
    at.run()
    at.switch_page("pages/login.py").run()
    for _ in range(6):
        at.text_input[0].input("wrong-code")
        at.button[0].click().run()
    alerts = [e.value for e in at.error] + [w.value for w in at.warning]
    assert len(alerts) == 1 and "Please wait" in alerts[0], alerts


def test_secretary_creates_a_round_by_title(app_env, demo_codes):
    store = open_store(app_env)
    at = run_app(app_env, code=demo_codes["secretary"], page="pages/rounds.py")
    title = store.scalar("SELECT id FROM titles WHERE name = 'Chiến sĩ thi đua cấp tỉnh'")
    at.text_input[0].input("Vòng 4: Thử")
    at.multiselect[0].set_value([title])
    button(at, "Tạo vòng").click().run()
    assert not at.exception, at.exception
    assert "Đã tạo vòng “Vòng 4: Thử” với 1 ứng viên." in page_text(at)
    created = store.query("SELECT * FROM rounds WHERE name = 'Vòng 4: Thử'")[0]
    assert created["status"] == "setup" and created["recuse_same_unit"] == 1
    assert [c["full_name"] for c in rounds.round_candidates(store, created["id"])] == ["Nguyễn Văn An"]


def test_with_two_open_rounds_the_member_picks_one_on_both_pages(app_env, demo_codes):
    store = open_store(app_env)
    second = store.scalar("SELECT id FROM rounds WHERE name LIKE 'Vòng 2%'")
    rounds.transition(store, "Thư ký", second, "open")
    for page, key in (("pages/scoring_sheet.py", "sheet_round"), ("pages/ballot.py", "ballot_round")):
        at = run_app(app_env, code=demo_codes["member"], page=page)
        picker = at.selectbox(key=key)
        assert list(picker.options)[:2] == [
            "Vòng 1: Bình xét điển hình tiên tiến giai đoạn 2020-2025",
            "Vòng 2: Đề nghị khen thưởng cấp tỉnh",
        ]
        picker.set_value(second).run()
        assert not at.exception
        assert "Cờ thi đua của UBND tỉnh" in page_text(at) + " ".join(str(r.label) for r in at.radio)  # round 2 only


def test_once_the_meeting_has_started_no_member_is_preselected_for_new_codes(app_env, demo_codes):
    # Reissuing one lost code mid-round with the whole council preselected replaced every
    # member's code and signed everyone out (QA). Before any round opens, all are preselected.
    at = run_app(app_env, code=demo_codes["secretary"], page="pages/member_codes.py")
    assert not at.exception
    assert at.multiselect[0].value == []  # the demo's round 1 is open
    store = open_store(app_env)
    with store.write() as db:
        db.execute("UPDATE rounds SET status = 'setup'")
    fresh = run_app(app_env, code=demo_codes["secretary"], page="pages/member_codes.py")
    assert len(fresh.multiselect[0].value) == len(conference.list_members(store))
