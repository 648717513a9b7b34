"""The projector and the results page in AppTest: progress only before the chair's
reveal, the ranking after; the chair's controls act on the database."""

from __future__ import annotations

import sqlite3
import time
from contextlib import closing
from datetime import datetime
from unittest import mock

import pytest
import streamlit as st
from streamlit.testing.v1 import AppTest

from scoring import aggregate, conference, rounds, synthetic, voting
from scoring.db import Store, forget_store
from tests.apptest_helpers import APP, page_text, run_app

ROUND1 = 1
ROUND1_NAMES = ["Khoa Xây dựng Đảng", "Công đoàn Trường", "Hồ Minh Châu", "Mai Thị Thanh Hương", "Lê Hoàng Yến"]


def members(store) -> list[int]:
    return [m["id"] for m in conference.list_members(store, voting_only=True)]


def submit(store, member_id: int) -> None:
    """Each candidate gets its own total (100 - 2.5 × (id mod 12)), the same from every member."""
    for item in voting.sheet(store, ROUND1, member_id):
        cid = item.candidate["id"]
        points = {c["id"]: c["max_points"] - 0.5 * (cid % 12) for c in item.criteria}
        voting.save_draft(store, ROUND1, member_id, cid, points)
    voting.submit_scores(store, ROUND1, member_id)


def approve_all(store, member_id: int) -> None:
    subjects = voting.ballot_subjects(store, ROUND1, member_id)
    voting.cast_ballot(store, ROUND1, member_id, {s["candidate_id"]: "approve" for s in subjects})


# The projector's seconds per screen when it shows every title in turn, unless the chair sets others.
PAGE_SECONDS = conference.DEFAULT_PROJECTOR_SECONDS


def projected_since(path) -> float:
    """When the chair's latest move put a round's results on the projector (its turns count from it)."""
    with closing(sqlite3.connect(path)) as db:
        (round_id,) = db.execute(
            "SELECT entity_id FROM audit_log WHERE action IN ('round.reveal', 'round.published', "
            "'round.project_title') ORDER BY id DESC LIMIT 1"
        ).fetchone()
    return rounds.projected_since(Store(path), round_id)


def projector(path, turn: int | None = None, *, at_time: float | None = None) -> object:
    """The projector page. `turn`: with every title of a revealed round on it, the clock is
    set to that title's turn (1, 2…; the round's order of titles), else it is the real one
    (or `at_time`)."""
    st.cache_data.clear()  # AppTest does not tick the clock: no stale snapshot between runs
    if turn is not None:  # its first turn after the reveal; with 2 titles, the same as 2 turns later
        at_time = projected_since(path) + PAGE_SECONDS * (turn - 1) + 1.0
    if at_time is None:
        at = run_app(path, page="pages/projector.py")
    else:
        with mock.patch("time.time", return_value=at_time):
            at = run_app(path, page="pages/projector.py")
    assert not at.exception
    return at


def plotly_charts(at) -> list:
    """The page's plotly charts (AppTest knows them only as unknown elements, like the
    projector's window-size reporter)."""
    return [el for el in at.main if type(el).__name__ == "UnknownElement" and el.type == "plotly_chart"]


def charts(at) -> int:
    return len(plotly_charts(at))


@pytest.fixture
def scored(app_env, demo_store):
    """Round 1 of the demo with every member's sheet and ballot in."""
    for m in members(demo_store):
        submit(demo_store, m)
        approve_all(demo_store, m)
    return demo_store


def test_projector_before_reveal_shows_progress_only(app_env, demo_store):
    ids = members(demo_store)
    submit(demo_store, ids[0])
    submit(demo_store, ids[1])
    approve_all(demo_store, ids[0])
    text = page_text(projector(app_env))
    assert "Đã nộp phiếu chấm: 2/11" in text
    assert "Đã bỏ phiếu: 1/11" in text
    assert "Báo cáo tham luận của các điển hình tiên tiến" in text  # the agenda's current step
    assert "Quét mã để tham gia" in text and "<svg" in text
    for name in ROUND1_NAMES:
        assert name not in text
    assert "Kết quả:" not in text and "Đạt" not in text


def test_projector_counts_each_round_over_those_who_hand_something_in(app_env, demo_store):
    # Round 3 votes on the list of delegates: the member on the list does not vote and nobody
    # scores. The projector read "Đã bỏ phiếu: 0/11" and offered no way to reach 11.
    round3 = demo_store.scalar("SELECT id FROM rounds WHERE ballot_mode = 'whole_list'")
    rounds.transition(demo_store, "Thư ký", round3, "open")
    scorers, voters = voting.participants(demo_store, round3)
    listed = {c["member_id"] for c in rounds.round_candidates(demo_store, round3)} - {None}
    everyone = set(members(demo_store))
    assert scorers == set() and listed and voters == everyone - listed
    for member in sorted(voters)[:2]:
        voting.cast_ballot(demo_store, round3, member, {None: "approve"})
    progress = aggregate.round_progress(demo_store, round3)
    assert (progress["to_score"], progress["voted"], progress["to_vote"]) == (0, 2, len(everyone) - len(listed))
    text = page_text(projector(app_env))
    assert f"Đã bỏ phiếu: 2/{len(everyone) - len(listed)}" in text
    assert "Đã bỏ phiếu: 0/11" in text and "Đã nộp phiếu chấm: 0/11" in text  # round 1: everyone has both


def test_projector_after_close_without_reveal_still_hides_the_ranking(scored, app_env):
    rounds.transition(scored, "Chủ tịch", ROUND1, "closed")
    at = projector(app_env)
    text = page_text(at)
    assert charts(at) == 0
    for name in ROUND1_NAMES:
        assert name not in text


def test_projector_after_reveal_shows_the_ranking(scored, app_env):
    rounds.transition(scored, "Chủ tịch", ROUND1, "closed")
    rounds.reveal(scored, "Chủ tịch", ROUND1)
    table = aggregate.round_results(scored, ROUND1).table
    # Every title in turn, one on the screen at a time (all of them scrolled below the screen).
    for turn, (_, rows) in enumerate(table.groupby("title_id", sort=False), start=1):
        at = projector(app_env, turn)
        text = page_text(at)
        assert "Kết quả: Vòng 1: Bình xét điển hình tiên tiến giai đoạn 2020-2025" in text
        assert f"Danh hiệu {turn}/2 (tự chuyển)" in text
        for row in rows.itertuples():
            assert row.full_name in text
            assert f"{100 - 2.5 * (row.candidate_id % 12):.2f}".replace(".", ",") in text
        assert not any(name in text for name in table[table["title_id"] != rows["title_id"].iloc[0]]["full_name"])
        assert "100,00%" in text  # everyone approved: recused members are out of the denominator too
        assert "Thứ tự xếp hạng trong mỗi danh hiệu" in text
        assert charts(at) == 1  # the title's bar chart
        # The ranking starts high on the screen: no QR code while results are read out.
        assert "Quét mã để tham gia" not in text and "<svg" not in text
        assert "Họ và tên / Tên tập thể" not in text
    # The name column says "Tên tập thể" over collectives, "Họ và tên" over people.
    collectives, people = page_text(projector(app_env, 1)), page_text(projector(app_env, 2))
    assert "Tập thể điển hình tiên tiến giai đoạn 2020-2025" in collectives and "Hạn mức: 3" in collectives
    assert "<th>Tên tập thể</th>" in collectives and "<th>Họ và tên</th>" in people


def test_projector_shows_the_first_title_for_its_full_turn_right_after_the_reveal(scored, app_env):
    # QA: the turns ran on the bare wall clock (time // 15), so the title on the screen when the
    # chair revealed was whichever one the clock had reached, and it changed up to 15 s later:
    # the room saw the first title for 3 s. Counted from the reveal, the first title is on the
    # screen for 15 s, then the next one; every screen reads the same reveal, so all agree.
    rounds.transition(scored, "Chủ tịch", ROUND1, "closed")
    rounds.reveal(scored, "Chủ tịch", ROUND1)
    # A reveal at a moment whose wall-clock turn is the second title's, 14 s before it ends.
    since = (int(time.time()) // (2 * PAGE_SECONDS) + 1) * 2 * PAGE_SECONDS + PAGE_SECONDS + 1
    stamp = datetime.fromtimestamp(since).isoformat(timespec="seconds")
    scored.db.execute("UPDATE audit_log SET at = ? WHERE action = 'round.reveal'", [stamp])
    scored.db.conn.commit()
    for seconds_after, turn in ((0.5, 1), (14.5, 1), (15.5, 2), (29.5, 2), (30.5, 1)):
        text = page_text(projector(app_env, at_time=since + seconds_after))
        assert f"Danh hiệu {turn}/2 (tự chuyển)" in text, seconds_after
        assert ("Tập thể điển hình tiên tiến" in text) == (turn == 1)


def test_the_chair_sets_the_seconds_per_projector_screen(scored, app_env, demo_codes):
    # Fifteen seconds were too short to read eight names and verdicts aloud: the chair sets the pace.
    rounds.transition(scored, "Chủ tịch", ROUND1, "closed")
    at = run_app(app_env, code=demo_codes["chair"], page="pages/results.py")
    at.button(key="reveal").click().run()
    box = at.number_input(key="projector_seconds_15")
    assert box.label == "Số giây mỗi màn hình trình chiếu" and box.value == 15
    assert "mỗi danh hiệu 15 giây" in at.selectbox(key=f"project_title_{ROUND1}_0").help
    box.set_value(40).run()
    assert not at.exception
    assert conference.projector_seconds(scored) == 40
    assert "Màn hình trình chiếu chuyển sau mỗi 40 giây." in page_text(at)
    assert at.number_input(key="projector_seconds_40").value == 40
    assert "mỗi danh hiệu 40 giây" in at.selectbox(key=f"project_title_{ROUND1}_0").help
    since = projected_since(app_env)
    for seconds_after, turn in ((14.5, 1), (39.5, 1), (40.5, 2), (79.5, 2), (80.5, 1)):
        assert f"Danh hiệu {turn}/2 (tự chuyển)" in page_text(projector(app_env, at_time=since + seconds_after))


def test_projector_says_a_missed_quorum_once_and_fits_the_rows_to_the_screen(scored, app_env):
    # "không đủ số thành viên có mặt theo quy định" on every row had made each row three lines
    # high: at 1920 × 1080 the last rows fell below the screen.
    ids = members(scored)
    for m in ids[:7]:
        rounds.set_attendance(scored, "Thư ký", ROUND1, m, True)
    for m in ids[7:]:
        rounds.set_attendance(scored, "Thư ký", ROUND1, m, False)
    rounds.transition(scored, "Chủ tịch", ROUND1, "closed")
    rounds.reveal(scored, "Chủ tịch", ROUND1)
    for turn in (1, 2):
        text = page_text(projector(app_env, turn))
        assert text.count("Không đủ số thành viên có mặt theo quy định (7/11)") == 1  # once for the title
        assert "không đủ số thành viên có mặt theo quy định" not in text  # no row repeats it
        assert "calc((100vh - (120px + 13vw) - " in text  # the table's type shrinks with its number of rows


def test_projector_follows_the_agenda_after_the_chair_moves_on(scored, app_env):
    rounds.transition(scored, "Chủ tịch", ROUND1, "closed")
    rounds.reveal(scored, "Chủ tịch", ROUND1)
    step5 = conference.list_agenda(scored)[4]
    conference.set_current_agenda_item(scored, "Chủ tịch", step5["id"])
    text = page_text(projector(app_env))
    assert step5["title"] in text and "5/8" in text
    assert "Kết quả:" not in text


def test_results_page_while_open_shows_no_figures(app_env, demo_store, demo_codes):
    submit(demo_store, members(demo_store)[0])
    at = run_app(app_env, code=demo_codes["secretary"], page="pages/results.py")
    assert not at.exception
    assert "Vòng đang mở: chỉ hiển thị tiến độ" in page_text(at)
    assert len(at.dataframe) == 0
    assert [m.value for m in at.metric][:2] == ["1/11", "0/11"]


def test_results_page_shows_the_table_and_reveal_works(scored, app_env, demo_codes):
    rounds.transition(scored, "Chủ tịch", ROUND1, "closed")
    at = run_app(app_env, code=demo_codes["chair"], page="pages/results.py")
    assert not at.exception
    # One ranking per title, rank first; together they hold every candidate of the round.
    collectives, individuals = at.dataframe[0].value, at.dataframe[1].value
    names = set(collectives["Họ và tên / Tên tập thể"]) | set(individuals["Họ và tên / Tên tập thể"])
    assert names == set(aggregate.round_results(scored, ROUND1).table["full_name"])
    assert list(individuals.columns[:7]) == ["Hạng", "Họ và tên / Tên tập thể", "Đơn vị", "Điểm",
                                              "Tỷ lệ đồng ý (%)", "Kết quả", "Lý do"]  # fmt: skip
    assert "Đơn vị" not in collectives.columns  # each collective is its own unit
    assert individuals["Hạng"].is_monotonic_increasing
    assert set(individuals["Kết quả"]) == {"Đạt", "Không đạt"}  # top-6 quota on 8 individuals
    assert "Thứ tự xếp hạng trong mỗi danh hiệu" in page_text(at)
    # Criterion means, one table per title: each with its own criteria, no blank columns of another set.
    collective, individual = at.dataframe[2].value, at.dataframe[3].value
    assert set(collective.index) == {"Khoa Lý luận cơ sở", "Khoa Xây dựng Đảng", "Công đoàn Trường",
                                     "Phòng Tổ chức, hành chính, thông tin, tư liệu"}  # fmt: skip
    assert "Nguyễn Văn An" in individual.index
    assert not set(collective.columns) & set(individual.columns)
    assert collective.notna().all().all() and individual.notna().all().all()
    matrix = at.dataframe[4].value
    assert len(matrix) == 11 and "Trần Minh Quang" in matrix.index
    # A recused member's cell is blank on screen, not the grid's "None".
    assert all(
        at.dataframe[i].proto.placeholder == "" and at.dataframe[i].proto.HasField("placeholder") for i in range(5)
    )
    assert [m.value for m in at.metric] == ["11", "11", "11", "11", "11", "0"]
    assert "Kết quả chưa hiện trên màn hình trình chiếu." in page_text(at)

    at.button(key="reveal").click().run()
    assert rounds.get_round(scored, ROUND1)["revealed"] == 1
    assert "Kết quả đang hiện trên màn hình trình chiếu." in page_text(at)
    assert "Nguyễn Văn An" in page_text(projector(app_env, 2))  # the second title, in its turn

    at.button(key="hide").click().run()
    assert rounds.get_round(scored, ROUND1)["revealed"] == 0
    assert "Nguyễn Văn An" not in page_text(projector(app_env, 2))


def test_results_page_method_publish_and_agenda_controls(scored, app_env, demo_codes):
    rounds.transition(scored, "Chủ tịch", ROUND1, "closed")
    at = run_app(app_env, code=demo_codes["secretary"], page="pages/results.py")
    at.selectbox(key=f"method_{ROUND1}").select("median").run()
    at.button(key="save_settings").click().run()
    assert rounds.get_round(scored, ROUND1)["method"] == "median"
    assert "trung vị" in page_text(at)

    before = conference.current_agenda_item(scored)["position"]
    at.button(key="agenda_next").click().run()
    assert conference.current_agenda_item(scored)["position"] == before + 1
    assert "Màn hình trình chiếu chuyển sang" in page_text(at)

    at.checkbox(key="publish_confirm").check().run()
    at.button(key="publish").click().run()
    assert not at.exception
    assert rounds.get_round(scored, ROUND1)["status"] == "published"
    assert "Nguyễn Văn An" in page_text(projector(app_env, 2))  # publishing reveals


def chart_specs(at) -> list[dict]:
    import json

    return [json.loads(el.proto.spec) for el in plotly_charts(at)]


def test_projector_bars_measure_what_ranks_so_they_read_in_order(app_env, demo_store):
    """Ranked by approval first: bars of scores would look shuffled (the best score
    rejected by all is ranked last). The bars show the approval percentage."""
    best = max(rounds.round_candidates(demo_store, ROUND1), key=lambda c: 100 - 2.5 * (c["id"] % 12))
    for m in members(demo_store):
        submit(demo_store, m)
        subjects = voting.ballot_subjects(demo_store, ROUND1, m)
        voting.cast_ballot(
            demo_store,
            ROUND1,
            m,
            {s["candidate_id"]: "reject" if s["candidate_id"] == best["id"] else "approve" for s in subjects},
        )
    rounds.transition(demo_store, "Chủ tịch", ROUND1, "closed")
    rounds.reveal(demo_store, "Chủ tịch", ROUND1)
    specs = chart_specs(projector(app_env, 1)) + chart_specs(projector(app_env, 2))
    assert len(specs) == 2
    table = aggregate.round_results(demo_store, ROUND1).table
    for spec, (_, rows) in zip(specs, table.groupby("title_id", sort=False), strict=True):
        bars = spec["data"][0]["x"]
        assert bars == sorted(bars, reverse=True), bars  # rank 1 on top, the longest bar
        assert bars == pytest.approx(list(rows["approval_pct"]))
    assert specs[1]["data"][0]["x"][-1] == 0  # the best score, rejected by all: last, an empty bar


def test_projector_chart_text_is_as_large_as_the_table(scored, app_env):
    """Names and values at 20 px were the smallest text on the projector."""
    rounds.transition(scored, "Chủ tịch", ROUND1, "closed")
    rounds.reveal(scored, "Chủ tịch", ROUND1)
    for spec in chart_specs(projector(app_env, 1)) + chart_specs(projector(app_env, 2)):
        assert spec["layout"]["yaxis"]["tickfont"]["size"] >= 24  # the names
        assert spec["data"][0]["textfont"]["size"] >= 24  # the values after the bars


def test_results_page_chooses_the_title_the_projector_shows(scored, app_env, demo_codes):
    """With two or three titles only the first fits on the projector: the chair shows one at a time."""
    rounds.transition(scored, "Chủ tịch", ROUND1, "closed")
    titles = {row["name"]: row["id"] for row in rounds.round_titles(scored, ROUND1)}
    collective, individual = titles
    table = aggregate.round_results(scored, ROUND1).table
    names = {title: list(rows["full_name"]) for title, rows in table.groupby("title", sort=False)}

    at = run_app(app_env, code=demo_codes["chair"], page="pages/results.py")
    assert not [box for box in at.selectbox if str(box.key).startswith("project_title_")]  # not on the projector

    at.button(key="reveal").click().run()
    box = at.selectbox(key=f"project_title_{ROUND1}_0")
    assert box.label == "Màn hình trình chiếu hiện"
    assert box.options == ["Lần lượt từng danh hiệu", collective, individual]
    assert box.value == 0 and rounds.get_round(scored, ROUND1)["projected_title_id"] is None

    box.select(titles[individual]).run()
    assert not at.exception
    assert rounds.get_round(scored, ROUND1)["projected_title_id"] == titles[individual]
    assert f"Màn hình trình chiếu chỉ hiện danh hiệu: {individual}." in page_text(at)
    assert at.selectbox(key=f"project_title_{ROUND1}_{titles[individual]}").value == titles[individual]
    chair = scored.scalar("SELECT full_name FROM members WHERE role = 'chair'")
    assert scored.query("SELECT actor, detail FROM audit_log WHERE action = 'round.project_title'") == [
        {"actor": chair, "detail": individual}
    ]

    shown = projector(app_env)
    text = page_text(shown)
    assert "Danh hiệu 2/2" in text and individual in text and collective not in text
    assert all(name in text for name in names[individual])
    assert not any(name in text for name in names[collective])
    assert charts(shown) == 1
    assert 'class="pj pj-table pj-table-lg"' in text  # the one title, in larger type
    spec = chart_specs(shown)[0]
    assert spec["layout"]["yaxis"]["tickfont"]["size"] > 26 and spec["data"][0]["textfont"]["size"] > 26

    at.selectbox(key=f"project_title_{ROUND1}_{titles[individual]}").select(0).run()
    assert rounds.get_round(scored, ROUND1)["projected_title_id"] is None
    assert "Màn hình trình chiếu hiện lần lượt từng danh hiệu." in page_text(at)
    shown = projector(app_env, 1)
    text = page_text(shown)
    assert charts(shown) == 1 and collective in text and individual not in text and "Danh hiệu 1/2 (tự chuyển)" in text

    at.selectbox(key=f"project_title_{ROUND1}_0").select(titles[collective]).run()
    at.button(key="hide").click().run()
    assert rounds.get_round(scored, ROUND1)["projected_title_id"] is None  # hiding resets the choice
    assert not [box for box in at.selectbox if str(box.key).startswith("project_title_")]


def test_projector_follows_the_chosen_title_without_a_reload(scored, app_env):
    rounds.transition(scored, "Chủ tịch", ROUND1, "closed")
    rounds.reveal(scored, "Chủ tịch", ROUND1)
    titles = {row["name"]: row["id"] for row in rounds.round_titles(scored, ROUND1)}
    collective, individual = titles
    at = projector(app_env, 2)
    assert charts(at) == 1 and individual in page_text(at)
    rounds.set_projected_title(scored, "Chủ tịch", ROUND1, titles[collective])
    st.cache_data.clear()  # AppTest does not tick the clock: the version's 1-second cache
    at.run()
    text = page_text(at)
    assert "Danh hiệu 1/2" in text and collective in text and individual not in text
    assert "Hạn mức: 3" in text and "Thứ tự xếp hạng trong mỗi danh hiệu" in text
    assert charts(at) == 1


def test_projector_writes_a_minimum_score_as_set(scored, app_env):
    # 80,5 was shown as "Điểm tối thiểu 80" on the title line and on the chart.
    title_id = aggregate.round_results(scored, ROUND1).table["title_id"].iloc[0]
    conference.update_title(scored, "Thư ký", int(title_id), min_score="80,5")
    rounds.transition(scored, "Chủ tịch", ROUND1, "closed")
    rounds.reveal(scored, "Chủ tịch", ROUND1)
    text = page_text(projector(app_env, 1))
    assert "Điểm tối thiểu 80,5" in text


def test_marking_one_member_absent_leaves_the_others_present(scored):
    # With only Bùi Thị Lan marked absent, the results read "Có mặt 0" and failed every
    # candidate on the quorum (QA): members not marked count as present when they handed in.
    ids = members(scored)
    rounds.set_attendance(scored, "Thư ký", ROUND1, ids[0], False)
    rounds.transition(scored, "Chủ tịch", ROUND1, "closed")
    res = aggregate.round_results(scored, ROUND1)
    assert res.present == len(ids) - 1
    assert res.table["quorum_met"].all()
    rounds.set_attendance(scored, "Thư ký", ROUND1, ids[1], True)  # marking present changes nothing more
    assert aggregate.round_results(scored, ROUND1).present == len(ids) - 1


def test_a_long_agenda_title_is_set_smaller_so_the_progress_stays_on_screen(app_env, demo_store):
    # At 1366 × 768 the second step's four-line title pushed "Đã bỏ phiếu" below the screen (QA).
    steps = conference.list_agenda(demo_store)
    conference.set_current_agenda_item(demo_store, "Thư ký", steps[1]["id"])
    assert len(steps[1]["title"]) > 80
    assert 'class="pj-title pj-title-long"' in page_text(projector(app_env))
    conference.set_current_agenda_item(demo_store, "Thư ký", steps[0]["id"])
    text = page_text(projector(app_env))
    assert 'class="pj-title">' in text and "pj-title-long" not in text.split("</style>")[-1]


def english_projector(path, turn: int | None = None) -> object:
    """The projector in English (the language is in the address), at `turn` as projector() does."""
    st.cache_data.clear()
    at_time = projected_since(path) + PAGE_SECONDS * (turn - 1) + 1.0 if turn is not None else time.time()
    with mock.patch("time.time", return_value=at_time):
        at = AppTest.from_file(str(APP), default_timeout=30)
        at.query_params["lang"] = "en"
        at.run()
        at.switch_page("pages/projector.py")
        at.run()
    assert not at.exception
    return at


def test_projector_says_a_closed_round_waits_for_the_chairs_reveal(scored, app_env):
    # QA: between the close and the reveal the round's line vanished; the room did not know
    # the round was closed and the results were waiting for the chair.
    round_name = rounds.get_round(scored, ROUND1)["name"]
    rounds.transition(scored, "Chủ tịch", ROUND1, "closed")
    text = page_text(projector(app_env))
    assert round_name in text
    assert "Đã khóa vòng, đang chờ Chủ tịch Hội đồng công bố kết quả" in text
    assert "Đã bỏ phiếu" not in text and not any(name in text for name in ROUND1_NAMES)
    english = page_text(english_projector(app_env))
    assert round_name in english and "Round closed, waiting for the chair to reveal the results" in english
    rounds.reveal(scored, "Chủ tịch", ROUND1)  # revealed: the ranking, no more waiting
    assert "đang chờ Chủ tịch" not in page_text(projector(app_env, 1))
    # Hidden again, the chair moving on: the room is not told it waits for a reveal that was made.
    rounds.reveal(scored, "Chủ tịch", ROUND1, revealed=False)
    hidden = page_text(projector(app_env))
    assert "đang chờ Chủ tịch" not in hidden and not any(name in hidden for name in ROUND1_NAMES)


def test_projector_asks_a_reopened_counted_round_only_for_its_scoring_sheets(app_env, demo_store):
    # QA: reopened after its ballots were counted (rounds.ballots_counted), the round still read
    # "Đã bỏ phiếu: 9/11" as if two more ballots were expected; the round takes none.
    ids = members(demo_store)
    for m in ids[:9]:
        submit(demo_store, m)
        approve_all(demo_store, m)
    rounds.transition(demo_store, "Chủ tịch", ROUND1, "closed")
    rounds.transition(demo_store, "Chủ tịch", ROUND1, "open", reason="Hai thành viên nộp phiếu chấm muộn")
    text = page_text(projector(app_env))
    assert "Đã nộp phiếu chấm: 9/11" in text
    assert "Đã bỏ phiếu" not in text
    assert "Phiếu bầu đã kiểm; chỉ nhận thêm phiếu chấm điểm còn thiếu" in text
    english = page_text(english_projector(app_env))
    assert "Scoring sheets in: 9/11" in english and "Ballots cast" not in english
    assert "Ballots already counted; only the missing scoring sheets are taken" in english


def test_projector_chart_draws_the_threshold_over_the_bars_and_large_axis_numbers(scored, app_env):
    # QA: the dashed line was behind the bars (hidden where they cross it), the axis' numbers
    # were the smallest text on the screen, and English read "Minimum 80".
    rounds.transition(scored, "Chủ tịch", ROUND1, "closed")
    rounds.reveal(scored, "Chủ tịch", ROUND1)
    for spec in chart_specs(projector(app_env, 1)) + chart_specs(projector(app_env, 2)):
        (line,) = spec["layout"]["shapes"]
        assert line["layer"] == "above" and line["line"]["dash"] == "dash"
        assert spec["layout"]["xaxis"]["tickfont"]["size"] == spec["layout"]["yaxis"]["tickfont"]["size"] >= 24
    assert "Điểm tối thiểu 80" in page_text(projector(app_env, 1))
    english = page_text(english_projector(app_env, 1))
    assert "Minimum score 80" in english and "Minimum 80" not in english


def test_projector_table_type_is_as_large_as_the_screen_allows(app_env, demo_store):
    # QA: sized as if every reason under "Không đạt" took three lines, eight rows had 23 px type at
    # 1920 × 1080 (15 px at 1366 × 768) with a quarter of the screen left empty under the table.
    for m in members(demo_store):
        submit(demo_store, m)
        approve_all(demo_store, m)
    rounds.transition(demo_store, "Chủ tịch", ROUND1, "closed")
    rounds.reveal(demo_store, "Chủ tịch", ROUND1)
    import re

    for turn in (1, 2):  # AppTest's window: 1920 × 1080 (DEFAULT_VIEWPORT)
        text = page_text(projector(app_env, turn))
        (size,) = re.findall(r'class="pj pj-table pj-table-lg" style="font-size: min\(([\d.]+)px, calc', text)
        assert float(size) >= 28, size


def test_a_title_longer_than_a_screen_turns_through_its_rows(tmp_path, monkeypatch):
    # A whole institution's list (Lao động tiên tiến) has dozens of nominees; eight fit a screen
    # (pages/_projector_layout.py). Twenty ran below it; now at most eight at a time (7, 7, 6), in turn,
    # in rank order, the rule line saying which rows are on the screen and still counting the whole title.
    path = tmp_path / "long.db"
    store = Store(path)
    built = synthetic.build(store, members=3, candidates=20, criteria=2)
    for m in built.member_ids:
        for item in voting.sheet(store, built.round_id, m):
            cid = item.candidate["id"]
            points = {c["id"]: c["max_points"] - cid % 7 for c in item.criteria}
            voting.save_draft(store, built.round_id, m, cid, points)
        voting.submit_scores(store, built.round_id, m)
        subjects = voting.ballot_subjects(store, built.round_id, m)
        voting.cast_ballot(store, built.round_id, m, {s["candidate_id"]: "approve" for s in subjects})
    rounds.transition(store, "Chủ tịch", built.round_id, "closed")
    rounds.reveal(store, "Chủ tịch", built.round_id)
    table = aggregate.round_results(store, built.round_id).table
    ranked, passing = table["full_name"].tolist(), int(table["passes"].sum())
    store.close()
    monkeypatch.setenv("HOI_NGHI_DB", str(path))
    st.cache_resource.clear()
    try:
        for turn, (first, last) in ((1, (1, 7)), (2, (8, 14)), (3, (15, 20)), (4, (1, 7))):  # evened out
            text = page_text(projector(path, turn))
            assert f"Dòng {first}-{last}/20 (tự chuyển)" in text
            assert [name for name in ranked if name in text] == ranked[first - 1 : last]
            assert f"Đạt: {passing}/20" in text
    finally:
        st.cache_resource.clear()
        forget_store(path)
