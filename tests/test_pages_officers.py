"""The officers' pages during the meeting (Vòng bình xét, Kết quả bình xét) as the chair
reads them: numbers in the screen's language, every member in sight, no figure without
its meaning."""

from __future__ import annotations

import pandas as pd
import pyarrow as pa
import pytest
from streamlit.testing.v1 import AppTest

from scoring import rounds
from tests.apptest_helpers import APP, login_token, page_text, run_app
from tests.test_pages_results import ROUND1, approve_all, members, submit


def shown(el) -> pd.DataFrame:
    """What a table shows on screen (the Styler's display text), not its raw values."""
    styler = el.proto.arrow_data.styler
    assert styler.display_values, "the table carries no display format"
    return pa.ipc.open_stream(styler.display_values).read_all().to_pandas()


def english(db_path, code: str, page: str) -> AppTest:
    """A tab signed in with `code`, in English (the language is remembered in the URL)."""
    at = AppTest.from_file(str(APP), default_timeout=30)
    at.query_params["s"] = login_token(db_path, code)
    at.query_params["lang"] = "en"
    at.run()
    at.switch_page(page)
    at.run()
    return at


@pytest.fixture
def closed(app_env, demo_store):
    for m in members(demo_store):
        submit(demo_store, m)
        approve_all(demo_store, m)
    rounds.transition(demo_store, "Chủ tịch", ROUND1, "closed")
    return demo_store


def test_results_tables_write_decimal_commas_in_vietnamese_and_blanks_not_none(closed, app_env, demo_codes):
    at = run_app(app_env, code=demo_codes["chair"], page="pages/results.py")
    assert not at.exception
    ranking = shown(at.dataframe[1])  # the individuals' ranking
    assert ranking["Điểm"].str.fullmatch(r"\d+,\d\d").all(), list(ranking["Điểm"])
    assert ranking["Tỷ lệ đồng ý (%)"].str.fullmatch(r"\d+,\d\d").all()
    assert set(ranking["Hạng"]) <= {str(n) for n in range(1, 9)}  # ranks stay whole numbers
    means = shown(at.dataframe[3])
    assert not means.map(lambda v: "." in str(v)).any().any()
    matrix = shown(at.dataframe[4])
    cells = set(matrix.to_numpy().ravel().tolist())
    assert "None" not in cells and "nan" not in cells
    assert "" in cells  # a member does not score their own unit: a blank cell, explained under the table
    assert "Ô trống: thành viên không chấm ứng viên đó" in page_text(at)
    assert pd.api.types.is_numeric_dtype(at.dataframe[1].value["Điểm"])  # still numbers: columns sort


def test_results_tables_keep_decimal_points_in_english(closed, app_env, demo_codes):
    at = english(app_env, demo_codes["chair"], "pages/results.py")
    assert not at.exception
    ranking = shown(at.dataframe[1])
    assert ranking["Score"].str.fullmatch(r"\d+\.\d\d").all(), list(ranking["Score"])


def table_heights(monkeypatch) -> list[tuple[int, object]]:
    """(rows, height) of every table the page draws."""
    import streamlit

    seen: list[tuple[int, object]] = []
    for name in ("dataframe", "data_editor"):
        original = getattr(streamlit, name)

        def record(data=None, *args, _original=original, **kwargs):
            seen.append((len(data), kwargs.get("height", "auto")))
            return _original(data, *args, **kwargs)

        monkeypatch.setattr(streamlit, name, record)
    return seen


def test_progress_and_attendance_show_all_eleven_members(app_env, demo_store, demo_codes, monkeypatch):
    """Ten rows fit in a table's default height: the eleventh member (to nudge, to mark
    absent) was hidden below a scroll bar inside the table."""
    seen = table_heights(monkeypatch)
    at = run_app(app_env, code=demo_codes["secretary"], page="pages/rounds.py")
    assert not at.exception
    member_tables = [height for rows, height in seen if rows == 11]
    assert len(member_tables) == 2, seen  # progress and attendance
    assert member_tables == ["content", "content"]


def test_progress_of_a_round_without_scoring_shows_no_empty_figure(app_env, demo_store, demo_codes):
    """Round 3 (the whole list) has a ballot and no scoring sheet: no "0/0" sheets and
    no column of "không cần"; the ballots count only those who may vote."""
    rounds.transition(demo_store, "Chủ tịch", 3, "open")
    at = run_app(app_env, code=demo_codes["chair"], page="pages/rounds.py")
    at.selectbox(key="rounds_pick").select(3).run()
    assert not at.exception
    metrics = {m.label: m.value for m in at.metric}
    assert "Đã nộp phiếu chấm" not in metrics
    assert metrics["Đã bỏ phiếu"] == "0/10"  # one council member is on the list and does not vote
    progress = at.dataframe[1].value
    assert "Đã chấm" not in progress.columns and "Đã nộp phiếu chấm" not in progress.columns
    assert "Đã bỏ phiếu" in progress.columns


def test_results_page_counts_ballots_over_those_who_may_vote(app_env, demo_store, demo_codes):
    """Round 3: one council member is on the list and does not vote. With every other
    ballot in, the results page says 10/10, as the rounds page does, not 10/11."""
    rounds.transition(demo_store, "Chủ tịch", 3, "open")
    from scoring import voting

    for m in members(demo_store):
        subjects = voting.ballot_subjects(demo_store, 3, m)
        if subjects:
            voting.cast_ballot(demo_store, 3, m, {s["candidate_id"]: "approve" for s in subjects})
    at = run_app(app_env, code=demo_codes["chair"], page="pages/results.py")
    at.selectbox(key="res_round").select(3).run()
    assert not at.exception
    assert [(m.label, m.value) for m in at.metric] == [("Đã bỏ phiếu", "10/10")]


def test_reopen_waits_for_a_reason(closed, app_env, demo_codes):
    """Reopening needs a logged reason: the button is offered only once one is typed."""
    at = run_app(app_env, code=demo_codes["chair"], page="pages/rounds.py")
    at.selectbox(key="rounds_pick").select(ROUND1).run()
    assert at.button(key="phase_reopen").disabled
    at.text_input(key="phase_reason").input("Nhập thiếu phiếu giấy").run()
    assert not at.button(key="phase_reopen").disabled
    at.button(key="phase_reopen").click().run()
    assert rounds.get_round(closed, ROUND1)["status"] == "open"


def test_a_round_just_created_is_the_one_shown_ready_to_open(app_env, demo_store, demo_codes):
    """It stayed on the open round picked before: 'Đã tạo vòng …' over another round's
    status, and the new round had to be found in the list to open it."""
    at = run_app(app_env, code=demo_codes["secretary"], page="pages/rounds.py")
    before = at.selectbox(key="rounds_pick").value
    at.text_input[0].input("Vòng bỏ phiếu lại: Lao động tiên tiến")
    title_id = demo_store.scalar("SELECT title_id FROM candidates ORDER BY id LIMIT 1")
    at.multiselect[0].select(title_id)
    next(b for b in at.button if b.label == "Tạo vòng").click().run()
    assert not at.exception
    new_id = demo_store.scalar("SELECT MAX(id) FROM rounds")
    assert new_id != before
    assert at.selectbox(key="rounds_pick").value == new_id
    assert "Trạng thái: **Đang chuẩn bị**" in page_text(at)
    assert any(b.label == "Mở vòng" for b in at.button)
