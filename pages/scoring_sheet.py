"""A council member's scoring sheet for the open round.

Every change is saved to the server at once (an `on_change` callback calls
`voting.save_draft`), so a reload or a crashed laptop loses nothing: the
widgets are filled from SQLite whenever they are (re)created. As a safety net
for a callback lost in a burst of fast typing, each run also saves any widget
value that differs from what was last synced with the server.

After a server restart the open tab reconnects with a new session, which knows
none of the boxes: a run started by an edit could not tell the edit from a
stale box. A `run_every` fragment makes Streamlit's browser side rerun the page
as soon as it reconnects (see `rerun_on_reconnect`), so the member's first edit
afterwards reaches a session that already drew the boxes, like any other edit.
"""

from __future__ import annotations

from datetime import datetime

import streamlit as st

from pages._common import (
    get_store,
    next_step,
    no_open_round,
    pick_round,
    recusal_note,
    require_member,
    run_through_app_shell,
)
from scoring import conference, rounds, voting
from scoring.db import Store
from scoring.errors import DomainError
from scoring.i18n import t

run_through_app_shell()

SYNC = "sheet_synced"  # widget key -> the value known to be on the server
ERRORS = "sheet_errors"  # widget key -> the message of a refused value
SAVED_AT = "sheet_saved_at"
EDITABLE = "sheet_editable"  # rounds whose sheet this tab last showed with editable boxes
CONFIRM = "sheet_confirm"  # the round whose submission this tab is confirming
SHOWN = "sheet_confirm_shown"  # the points in the confirmation table as last drawn
RESET = "sheet_reset"  # widget key -> its name: boxes to set back to the server's value in the next run

member = require_member()
if not member["is_voting"]:
    st.error(t("err.not_voting_member", name=member["full_name"]))
    st.stop()
store = get_store()
st.session_state.setdefault(SYNC, {})
st.session_state.setdefault(ERRORS, {})
st.session_state.setdefault(EDITABLE, set())


st.title(t("nav.scoring"))
open_rounds = rounds.open_rounds(store)
if not open_rounds:
    no_open_round(store, member["id"], "sheet.no_open_round")
    st.stop()
round_id = pick_round(open_rounds, key="sheet_round")


@st.fragment(run_every="1h")
def rerun_on_reconnect() -> None:
    """Draws nothing. While a page holds a `run_every` fragment, Streamlit's browser side
    asks for a full run as soon as its connection comes back (streamlit/streamlit#11890;
    otherwise it waits for the next user action, #9083), and widgets are disabled while
    disconnected. So after a server restart the new session draws every box from what the
    tab shows, and the member's first edit fires its callback: it is saved as typed (QA:
    the first edit of a box holding a saved value was set back and had to be typed twice).
    Only an edit committed while that first run is still going (2-3 s on a server that has
    just started) still reaches a session that has not drawn the box: `adopt`. The interval
    itself does not matter; long, so it hardly ever runs."""


with st.sidebar:
    rerun_on_reconnect()


def widget_key(candidate_id: int, criterion_id: int) -> str:
    return f"score_{round_id}_{candidate_id}_{criterion_id}"


def save(store: Store, candidate_id: int, criterion_id: int, key: str) -> None:
    value = st.session_state.get(key)
    try:
        voting.save_draft(store, round_id, member["id"], candidate_id, {criterion_id: value})
    except DomainError as exc:
        st.session_state[ERRORS][key] = str(exc)
    else:
        st.session_state[ERRORS].pop(key, None)
        st.session_state[SYNC][key] = value
        st.session_state[SAVED_AT] = datetime.now().strftime("%H:%M:%S")


def reconcile(items: list[voting.SheetItem], fresh: dict[str, str], reset: dict[str, str]) -> bool:
    """Note the boxes this session has not drawn yet (`fresh`: key -> the server's
    value), save changes a callback missed, set back the boxes in `reset`, and take
    changes made elsewhere (another tab). True if something was saved."""
    synced = st.session_state[SYNC]
    saved = False
    for item in items:
        for c in item.criteria:
            key = widget_key(item.candidate["id"], c["id"])
            on_server = voting.format_points(item.points.get(c["id"]))
            if key not in st.session_state:
                # Filled from the server through `value=` when drawn, not set here: a tab that
                # reconnects after a server restart sends what its boxes show, including a value
                # typed just now that no callback reports (the new session does not know the box
                # yet); setting the box here overwrote that value (QA: the first value after a
                # restart was lost). `adopt` reads it once the box is drawn.
                fresh[key] = on_server
                synced[key] = on_server  # as drawn: a later run takes a change saved elsewhere, not resave this
            elif key in reset:
                st.session_state[key] = on_server
                synced[key] = on_server
            elif st.session_state[key] != synced.get(key):
                if key not in st.session_state[ERRORS]:  # a refused value stays refused until edited
                    save(store, item.candidate["id"], c["id"], key)
                    saved = True
            elif on_server != synced.get(key):  # saved elsewhere, or "8.5" typed and shown back as "8,5"
                st.session_state[key] = on_server
                synced[key] = on_server
    return saved


def adopt(late: dict[str, tuple[int, int, str]], fresh: dict[str, str]) -> None:
    """A reconnected tab's boxes that differ from the server, in the new session's first run
    (`rerun_on_reconnect` starts it): a box changed in another tab or computer since this tab
    drew it, a value whose save the restart cut off, or one committed during that first run.
    A value in a box empty on the server is saved; any other difference may be a stale tab's,
    so the box is set back to the server's value in the next run, and the member is told which."""
    for key, (candidate_id, criterion_id, name) in late.items():
        if fresh[key]:
            st.session_state.setdefault(RESET, {})[key] = name
        else:
            save(store, candidate_id, criterion_id, key)
    st.rerun()


items = voting.sheet(store, round_id, member["id"])
if not items:
    st.info(t("sheet.nothing_to_score"))
    next_step(store, round_id, member["id"], "sheet")
    st.stop()
submitted = voting.is_submitted(store, round_id, member["id"])
# This tab still showed an editable sheet, but the sheet was submitted elsewhere (another tab or
# computer with the same code): say that what was just done here was not saved, not "submitted".
submitted_elsewhere = submitted and round_id in st.session_state[EDITABLE]
fresh: dict[str, str] = {}  # boxes not drawn yet in this session -> the server's value
if submitted:  # read-only: show exactly what is stored, in a new session too
    st.session_state[EDITABLE].discard(round_id)
    st.session_state.pop(CONFIRM, None)
    st.session_state.pop(SHOWN, None)
    for key in [k for k in st.session_state[ERRORS] if k.startswith(f"score_{round_id}_")]:
        del st.session_state[ERRORS][key]  # the refusals of this tab's edits: said once, below
    for item in items:
        for c in item.criteria:
            st.session_state[widget_key(item.candidate["id"], c["id"])] = voting.format_points(item.points.get(c["id"]))
else:
    resetting = st.session_state.pop(RESET, {})
    if reconcile(items, fresh, resetting):
        items = voting.sheet(store, round_id, member["id"])
    if resetting:
        st.warning(t("sheet.reset_after_reconnect", list="; ".join(resetting.values())))
late: dict[str, tuple[int, int, str]] = {}  # fresh boxes whose browser value is not the server's


done = sum(1 for i in items if i.complete)
empty = sum(len(i.missing) for i in items)
progress_text = t("sheet.progress", done=done, total=len(items))
st.progress(done / len(items), text=progress_text)
with st.sidebar:
    st.markdown(f"**{progress_text}**")
    if not submitted:
        st.caption(t("sheet.empty_cells", n=empty) if empty else t("sheet.all_filled"))
if submitted_elsewhere:
    st.warning(t("sheet.submitted_elsewhere"))
    next_step(store, round_id, member["id"], "sheet")
elif submitted:
    st.success(t("sheet.submitted_readonly"))
    next_step(store, round_id, member["id"], "sheet")
else:
    st.session_state[EDITABLE].add(round_id)
    saved_at = st.session_state.get(SAVED_AT)
    st.caption(
        (t("sheet.saved_at", time=saved_at) if saved_at else t("sheet.autosave"))
        + " · "
        + (t("sheet.empty_cells", n=empty) if empty else t("sheet.all_filled"))
    )


recusal_note(store, round_id, member["id"], "needs_scoring", "sheet.recused_some")

# Criterion descriptions live in one guide rather than in per-field help icons:
# a help icon is a tab stop, and Tab must go straight from one score to the next.
with st.expander(t("sheet.guide")):
    shown: set[int] = set()
    for item in items:
        if item.criteria and item.criteria[0]["set_id"] not in shown:
            shown.add(item.criteria[0]["set_id"])
            st.markdown(f"**{t('kind.' + item.candidate['kind'])}**")
            for crit in item.criteria:
                st.markdown(
                    t(
                        "sheet.guide_line",
                        n=crit["position"],
                        name=crit["name"],
                        max=voting.format_points(crit["max_points"]),
                        step=voting.format_points(crit["step"]),
                        description=crit["description"],
                    )
                )


for index, item in enumerate(items, start=1):
    c = item.candidate
    with st.container(border=True):
        who = conference.affiliation(c)
        mark = ":green[:material/check_circle:]" if item.complete else ":orange[:material/radio_button_unchecked:]"
        st.markdown(f"{mark} **{index}. {c['full_name']}**" + (f" — {who}" if who else ""))
        st.caption(f"{t('col.title')}: {c['title']}")
        if c["achievements"]:
            st.caption(f"{t('col.achievements')}: {c['achievements']}")
        # Labels wrap to different heights: the boxes line up along the bottom.
        columns = st.columns(len(item.criteria) or 1, vertical_alignment="bottom")
        for column, crit in zip(columns, item.criteria, strict=False):
            key = widget_key(c["id"], crit["id"])
            with column:
                # A text box, not a number box: Vietnamese write 8,5, and the browser's number box
                # dropped the comma and sent 85 (or 25 for 2,5, silently within a maximum of 30).
                # The core reads 8,5 and 8.5 alike and refuses anything else with a message.
                shown = st.text_input(
                    t(
                        "sheet.criterion_label",
                        n=crit["position"],
                        name=crit["name"],
                        max=voting.format_points(crit["max_points"]),
                    ),
                    value=fresh.get(key, ""),
                    key=key,
                    autocomplete="off",
                    placeholder=t("sheet.empty_placeholder"),
                    on_change=save,
                    args=(store, c["id"], crit["id"], key),
                    disabled=submitted,
                )
                if not submitted and key in fresh and shown.strip() != fresh[key]:
                    late[key] = (
                        c["id"],
                        crit["id"],
                        f"{c['full_name']} ({t('sheet.criterion_short', n=crit['position'])})",
                    )
        # Messages under the row, full width: in a narrow column they pushed their box out of line.
        for crit in item.criteria:
            if (message := st.session_state[ERRORS].get(widget_key(c["id"], crit["id"]))) is not None:
                st.error(message)
        total = voting.format_points(item.total, 1)
        if item.complete:
            st.markdown(t("sheet.total", total=total))
        else:
            missing = ", ".join(str(m["position"]) for m in item.missing)
            st.markdown(t("sheet.total_partial", total=total) + " · :orange[" + t("sheet.missing", list=missing) + "]")

if late:
    adopt(late, fresh)
if submitted:
    st.stop()

st.divider()
incomplete = [i for i in items if not i.complete]
incomplete_text = t(
    "err.incomplete_sheet",
    count=empty,
    detail="; ".join(f"{i.candidate['full_name']} ({len(i.missing)})" for i in incomplete),
)
confirming = st.session_state.get(CONFIRM) == round_id
if confirming and incomplete:  # a box was emptied in another tab while this one was confirming
    st.session_state.pop(CONFIRM, None)
    st.session_state.pop(SHOWN, None)
    confirming = False
    st.error(incomplete_text)
if not confirming:
    if st.button(t("sheet.submit"), type="primary", key="sheet_submit"):
        if incomplete:
            st.error(incomplete_text)
        else:
            st.session_state[CONFIRM] = round_id
            st.session_state.pop(SHOWN, None)
            st.rerun()
else:
    # What the member saw when clicking "confirm" is the table as drawn in the previous run; the
    # core refuses the submission if the stored points differ (edited meanwhile in another tab).
    seen = st.session_state.get(SHOWN)
    st.session_state[SHOWN] = voting.sheet_points(items)
    with st.container(border=True):
        st.subheader(t("sheet.confirm_title"))
        st.write(t("sheet.confirm_text", n=len(items)))
        st.table(
            [
                {
                    t("col.stt"): n,
                    t("col.full_name"): i.candidate["full_name"],
                    **{
                        t("sheet.criterion_short", n=crit["position"]): voting.format_points(i.points[crit["id"]])
                        for crit in i.criteria
                    },
                    t("sheet.total_short"): voting.format_points(i.total, 1),
                }
                for n, i in enumerate(items, start=1)
            ]
        )
        buttons = st.container(horizontal=True)
        if buttons.button(t("sheet.confirm_submit"), type="primary", key="sheet_confirm_submit"):
            try:
                voting.submit_scores(
                    store, round_id, member["id"], expected=seen if seen is not None else st.session_state[SHOWN]
                )
            except DomainError as exc:
                st.error(str(exc))
            else:
                st.session_state.pop(CONFIRM, None)
                st.session_state.pop(SHOWN, None)
                st.session_state[EDITABLE].discard(round_id)  # submitted here: not "elsewhere"
                st.rerun()
        if buttons.button(t("sheet.back"), key="sheet_back"):
            st.session_state.pop(CONFIRM, None)
            st.session_state.pop(SHOWN, None)
            st.rerun()
