"""Numbers on screen follow the reader: a decimal comma in Vietnamese, a point in
English. Input takes both either way; the official files stay Vietnamese."""

from __future__ import annotations

import pytest
import streamlit as st
from streamlit.testing.v1 import AppTest

from scoring import aggregate, conference, i18n, rounds, voting
from scoring.db import open_store
from scoring.errors import ValidationError
from tests.apptest_helpers import APP, login_token, page_text
from tests.conftest import member_id

ROUND1 = 1


def run_in(lang: str, db_path, page: str, code: str | None = None) -> AppTest:
    at = AppTest.from_file(str(APP), default_timeout=30)
    if code:
        at.query_params["s"] = login_token(db_path, code)
    at.query_params["lang"] = lang
    at.run()
    at.switch_page(page).run()
    assert not at.exception, at.exception
    return at


# --- the core's formatters ------------------------------------------------------------------


def test_numbers_follow_the_language_of_the_thread_unless_one_is_asked():
    assert voting.format_points(8.5) == "8,5" and i18n.number_text(66.67) == "66,67"
    i18n.set_language("en")
    assert voting.format_points(8.5) == "8.5"
    assert voting.format_points(55.556, 1) == "55.6"
    assert voting.format_points(95.0) == "95"
    assert i18n.number_text(66.67) == "66.67" and i18n.number_text(50, ".2f") == "50.00"
    # A document asks for Vietnamese whatever the screen's language.
    assert voting.format_points(8.5, lang="vi") == "8,5"
    assert i18n.number_text(66.67, lang="vi") == "66,67"


def test_a_refused_score_is_explained_with_the_readers_separator(demo_store):
    round_id = ROUND1
    member = member_id(demo_store, "Lê Văn Đức")
    item = voting.sheet(demo_store, round_id, member)[0]
    criterion = item.criteria[0]
    i18n.set_language("en")
    with pytest.raises(ValidationError) as refused:
        voting.save_draft(demo_store, round_id, member, item.candidate["id"], {criterion["id"]: "7,3"})
    assert "multiple of 0.5 (now 7.3)" in str(refused.value)
    i18n.set_language("vi")
    with pytest.raises(ValidationError) as refused:
        voting.save_draft(demo_store, round_id, member, item.candidate["id"], {criterion["id"]: "7.3"})
    assert "bội số của 0,5 (đang là 7,3)" in str(refused.value)


def test_the_ranking_tables_threshold_follows_the_reader():
    assert aggregate._pct_text(66.67) == "66,67"
    i18n.set_language("en")
    assert aggregate._pct_text(66.67) == "66.67"


# --- pages ------------------------------------------------------------------------------------


def test_english_scoring_sheet_shows_points(app_env, demo_codes):
    at = run_in("en", app_env, "pages/scoring_sheet.py", demo_codes["member"])
    at.text_input[0].set_value("8,5").run()  # a comma is still read
    assert open_store(app_env).scalar("SELECT points FROM scores") == 8.5
    assert at.text_input[0].value == "8.5"  # and shown back as an English reader writes it
    text = page_text(at)
    assert "8.5/100" in text and "8,5" not in text
    at.text_input[1].set_value("7.3").run()
    assert any("multiple of 0.5 (now 7.3)" in e.value for e in at.error), [e.value for e in at.error]


def test_vietnamese_scoring_sheet_keeps_the_comma(app_env, demo_codes):
    at = run_in("vi", app_env, "pages/scoring_sheet.py", demo_codes["member"])
    at.text_input[0].set_value("8.5").run()
    assert at.text_input[0].value == "8,5"


def test_english_setup_titles_show_points(app_env, demo_codes):
    at = run_in("en", app_env, "pages/setup.py", demo_codes["secretary"])
    titles = next(tb for tb in at.tabs if tb.label == "Titles")
    frame = titles.dataframe[0].value
    shown = " ".join(str(v) for c in frame.columns for v in frame[c])
    assert "66.67" in shown and "66,67" not in shown  # the quorum column and the pass rule
    assert "66.67% or more" in shown or "more than 50%" in shown


def test_english_projector_shows_points(app_env, demo_store):
    store = demo_store
    for m in conference.list_members(store, voting_only=True):
        for item in voting.sheet(store, ROUND1, m["id"]):
            points = {c["id"]: c["max_points"] - 0.5 for c in item.criteria}
            voting.save_draft(store, ROUND1, m["id"], item.candidate["id"], points)
        voting.submit_scores(store, ROUND1, m["id"])
        subjects = voting.ballot_subjects(store, ROUND1, m["id"])
        voting.cast_ballot(store, ROUND1, m["id"], {s["candidate_id"]: "approve" for s in subjects})
    rounds.transition(store, "Chủ tịch", ROUND1, "closed")
    rounds.reveal(store, "Chủ tịch", ROUND1)
    st.cache_data.clear()
    text = page_text(run_in("en", app_env, "pages/projector.py"))
    assert "100.00%" in text and "100,00%" not in text
    st.cache_data.clear()
    assert "100,00%" in page_text(run_in("vi", app_env, "pages/projector.py"))
