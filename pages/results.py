"""Results for the chair, vice-chair and secretary (not projected): the full table,
per-criterion means, disagreement flags, each member's scores (never ballots),
ballot counts, and the controls: reveal on the projector (and which title it shows), publish, aggregation
method, the projector's agenda step and the join address."""

from __future__ import annotations

from collections.abc import Callable

import pandas as pd
import streamlit as st
from pandas.io.formats.style import Styler

from pages._common import get_store, join_url, require_member, run_through_app_shell, show_error
from scoring import aggregate, conference, exports, i18n, rounds
from scoring.errors import DomainError
from scoring.i18n import t
from scoring.model import OFFICERS, Method, RoundStatus

run_through_app_shell()

store = get_store()
member = require_member(*OFFICERS)
actor = member["full_name"]

ALL_TITLES = 0  # the projector's choice "every title" (title ids start at 1); stored as NULL

st.title(t("res.title"))
if flash := st.session_state.pop("res_flash", None):
    st.success(flash)


def readable(frame: pd.DataFrame) -> Styler:
    """A table as the screen's readers write numbers: 96,67 in Vietnamese (96.67 in
    English), two decimals; a missing figure (a recused member's cell) left blank,
    not "None". The values underneath stay numbers, so columns still sort."""
    return frame.style.format(precision=2, decimal=i18n.decimal_mark(), thousands="", na_rep="")


def act(action: Callable[[], object], message: str) -> None:
    """Run a core call; on success remember the message and redraw the page."""
    try:
        action()
    except DomainError as exc:
        show_error(exc)
        return
    st.session_state["res_flash"] = message
    st.rerun()


def agenda_controls() -> None:
    st.subheader(t("res.agenda"))
    agenda = conference.list_agenda(store)
    current = conference.current_agenda_item(store)
    ids = [a["id"] for a in agenda]
    index = ids.index(current["id"]) if current else -1
    st.write(t("res.agenda_current", step=current["title"]) if current else t("res.agenda_none"))
    buttons = st.container(horizontal=True)  # side by side, each as wide as its label
    if buttons.button(t("res.agenda_prev"), disabled=index <= 0, key="agenda_prev"):
        act(
            lambda: conference.set_current_agenda_item(store, actor, ids[index - 1]),
            t("res.agenda_moved", step=agenda[index - 1]["title"]),
        )
    if buttons.button(t("res.agenda_next"), disabled=index >= len(ids) - 1 or not ids, key="agenda_next"):
        act(
            lambda: conference.set_current_agenda_item(store, actor, ids[index + 1]),
            t("res.agenda_moved", step=agenda[index + 1]["title"]),
        )
    example = join_url()
    typed_url = st.text_input(
        t("res.join_url"),
        value=conference.get_conference(store).get("join_url") or "",
        placeholder=example,
        help=t("res.join_url_help", example=example),
        key="join_url",
    )
    if st.button(t("res.join_url_save"), key="join_url_save"):
        act(lambda: conference.save_conference(store, actor, join_url=typed_url), t("res.join_url_saved"))


def round_controls(current: dict) -> None:
    status = RoundStatus(current["status"])
    if status in (RoundStatus.CLOSED, RoundStatus.PUBLISHED):
        st.info(t("res.revealed") if current["revealed"] else t("res.hidden"))
        cols = st.columns(2)
        if not current["revealed"]:
            if cols[0].button(t("res.reveal"), type="primary", key="reveal"):
                act(lambda: rounds.reveal(store, actor, current["id"], True), t("res.revealed"))
        elif status == RoundStatus.CLOSED and cols[0].button(t("res.hide"), key="hide"):
            act(lambda: rounds.reveal(store, actor, current["id"], False), t("res.hidden"))
        if current["revealed"]:
            projected_title(current)
        if status == RoundStatus.CLOSED:
            sure = cols[1].checkbox(t("res.publish_confirm"), key="publish_confirm")
            if cols[1].button(t("res.publish"), disabled=not sure, key="publish"):
                act(
                    lambda: rounds.transition(store, actor, current["id"], "published", actor_role=member["role"]),
                    t("res.published"),
                )
    if status != RoundStatus.PUBLISHED:
        methods = [m.value for m in Method]
        cols = st.columns([2, 3, 2], vertical_alignment="bottom")  # room for the long checkbox label
        method = cols[0].selectbox(
            t("res.method"),
            methods,
            index=methods.index(current["method"]),
            format_func=lambda m: t(f"method.{m}"),
            key=f"method_{current['id']}",
        )
        normalise = cols[1].checkbox(t("res.normalise"), value=bool(current["normalise"]), key=f"norm_{current['id']}")
        minimum = cols[2].number_input(
            t("res.normalise_min"), min_value=2, max_value=10000, value=int(current["normalise_min_scores"]), step=1,
            key=f"norm_min_{current['id']}",
        )  # fmt: skip
        if st.button(t("res.save_settings"), key="save_settings"):
            act(
                lambda: rounds.update_round_settings(
                    store, actor, current["id"], method=method, normalise=normalise, normalise_min_scores=minimum
                ),
                t("res.settings_saved"),
            )


def projected_title(current: dict) -> None:
    """What the projector shows of the revealed round: every title (ALL_TITLES) or
    only one. The widget's key carries the saved choice, so a change made from
    another tab redraws it with that choice instead of writing an old one back."""
    titles = {row["id"]: row["name"] for row in rounds.round_titles(store, current["id"])}
    options = [ALL_TITLES, *titles]
    saved = current["projected_title_id"] if current["projected_title_id"] in titles else ALL_TITLES
    choice = st.selectbox(
        t("res.project_title"),
        options,
        index=options.index(saved),
        format_func=lambda tid: titles.get(tid) or t("res.project_title_all"),
        placeholder=t("res.project_title_placeholder"),
        help=t("res.project_title_help", seconds=conference.projector_seconds(store)),
        key=f"project_title_{current['id']}_{saved}",
    )
    if choice is not None and choice != saved:
        title_id = None if choice == ALL_TITLES else choice
        act(
            lambda: rounds.set_projected_title(store, actor, current["id"], title_id, actor_role=member["role"]),
            t("res.project_title_all_set") if title_id is None else t("res.project_title_set", title=titles[choice]),
        )
    saved_seconds = conference.projector_seconds(store)
    low, high = conference.PROJECTOR_SECONDS_RANGE
    seconds = st.number_input(
        t("field.projector_seconds"),
        min_value=low,
        max_value=high,
        value=saved_seconds,
        step=5,
        help=t("res.projector_seconds_help"),
        key=f"projector_seconds_{saved_seconds}",  # a change from another tab redraws it with that value
    )
    if seconds != saved_seconds:
        act(
            lambda: conference.set_projector_seconds(store, actor, seconds),
            t("res.projector_seconds_set", seconds=int(seconds)),
        )


def show_results(current: dict) -> None:
    res = aggregate.round_results(store, current["id"])
    counts = st.columns(6)
    counts[0].metric(t("res.members_total"), res.members_total)
    counts[1].metric(t("res.present"), res.present)
    counts[2].metric(t("res.issued"), res.ballots.issued)
    counts[3].metric(t("res.returned"), res.ballots.returned)
    counts[4].metric(t("res.valid"), res.ballots.valid)
    counts[5].metric(t("res.invalid"), res.ballots.invalid)

    st.subheader(t("res.table"))
    flagged = int(res.table["flagged"].sum())
    if flagged:
        st.warning(t("res.flagged_note", count=flagged, sd=i18n.number_text(current["disagreement_sd"])))
    for n, (title, frame) in enumerate(aggregate.ranking_view(res)):
        st.markdown(f"**{title}**")
        reason = {t("res.col.reason"): st.column_config.TextColumn(width="large")}  # the reasons are sentences
        st.dataframe(readable(frame), hide_index=True, column_config=reason, key=f"ranking_{n}", placeholder="")
    # The steps carry their numbers (a numbered list); a line without one is a paragraph after it.
    steps = "\n".join(line if line[:1].isdigit() else f"\n{line}" for line in res.cascade)
    st.markdown(f"**{t('res.cascade.title')}**\n\n{steps}")
    st.download_button(
        t("res.download_csv"),
        exports.ranking_csv(res),
        file_name=f"vong-{current['position'] or current['id']}-xep-hang.csv",  # as on the exports page
        mime="text/csv",
        key="download_csv",
    )

    names = dict(zip(res.table["candidate_id"], aggregate.candidate_labels(res.table), strict=True))
    st.subheader(t("res.criterion_means"))
    means = res.criterion_means.round(2)
    # One table per title: each title has its own criteria set, so no column of another set's blanks.
    for n, (title, ids) in enumerate(res.table.groupby("title", sort=False)["candidate_id"]):
        block = means.reindex(ids.to_numpy()).dropna(axis=1, how="all")
        if block.shape[1]:
            block.index = pd.Index([names.get(i, i) for i in block.index], name=t("res.col.name"))
            st.markdown(f"**{title}**")
            st.dataframe(readable(block), key=f"criterion_means_{n}", placeholder="")
    st.subheader(t("res.score_matrix"))
    # placeholder: without it the grid writes "None" where the styler left a blank
    st.dataframe(readable(res.score_matrix.round(2)), key="score_matrix", placeholder="")
    st.caption(t("res.score_matrix_blank"))


all_rounds = rounds.list_rounds(store)
if not all_rounds:
    st.info(t("res.no_rounds"))
else:
    ids = [r["id"] for r in all_rounds]
    by_id = {r["id"]: r for r in all_rounds}
    default = next((i for i, r in enumerate(all_rounds) if r["status"] == RoundStatus.CLOSED), 0)
    chosen = st.selectbox(
        t("res.round"),
        ids,
        index=default,
        format_func=lambda rid: f"{by_id[rid]['name']} ({RoundStatus(by_id[rid]['status']).label})",
        key="res_round",
    )
    current = rounds.get_round(store, chosen)
    st.caption(t("res.status", status=RoundStatus(current["status"]).label))
    if current["status"] == RoundStatus.OPEN:
        progress = aggregate.round_progress(store, chosen)  # the same figures as the rounds page's
        if progress["to_score"]:
            st.metric(t("res.progress.scores"), f"{progress['submitted']}/{progress['to_score']}")
        if progress["to_vote"]:
            st.metric(t("res.progress.ballots"), f"{progress['voted']}/{progress['to_vote']}")
        st.info(t("res.open_note"))
    elif current["status"] == RoundStatus.SETUP:
        st.info(t("res.setup_note"))
    round_controls(current)
    if current["status"] in (RoundStatus.CLOSED, RoundStatus.PUBLISHED):
        show_results(current)

st.divider()
agenda_controls()
