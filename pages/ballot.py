"""The secret ballot: one per member per round, cast as a whole, like a paper
ballot dropped in the box. Choices live only in this tab until the member
confirms; then they go into anonymous tallies and are wiped from the session,
so the page can only ever say "Đã bỏ phiếu".

After a server restart the open tab reconnects with a new session: the browser
still shows the choices and sends them with every run, but the session knows
nothing of them or of the confirmation step. A `run_every` fragment makes the
browser run the page as soon as it is back (see `rerun_on_reconnect`), so the
page says there and then that the ballot is not cast yet and shows the choices
to check (the confirmation box, if it was open, is gone: "Bỏ phiếu" again).
The choices being confirmed are kept in the session beside the radios (`CONFIRMED`):
a new session's first run loses the browser's values at its `st.rerun()`."""

from __future__ import annotations

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
from scoring.errors import DomainError
from scoring.i18n import t
from scoring.model import BallotMode, Choice

run_through_app_shell()

PREFIX = "ballot_choice_"
CONFIRM = "ballot_confirm"
CONFIRMED = "ballot_confirmed"  # the choices the confirmation box lists, by radio key
DRAWN = "ballot_drawn"  # this session has drawn the radios: choices it did not see came from a reconnected tab


def forget_choices() -> None:
    for key in [k for k in st.session_state if str(k).startswith(PREFIX)]:
        del st.session_state[key]
    st.session_state.pop(CONFIRM, None)
    st.session_state.pop(CONFIRMED, None)


member = require_member()
if not member["is_voting"]:
    st.error(t("err.not_voting_member", name=member["full_name"]))
    st.stop()
store = get_store()

st.title(t("nav.ballot"))
open_now = rounds.open_rounds(store)
with_ballot = [r for r in open_now if any(c["needs_ballot"] for c in rounds.round_candidates(store, r["id"]))]
if not with_ballot:
    forget_choices()
    if open_now:  # a round open for scoring only
        st.info(t("ballot.no_open_round"))
    else:
        no_open_round(store, member["id"], "ballot.no_open_round")
    st.stop()
round_id = pick_round(with_ballot, key="ballot_round")


@st.fragment(run_every="1h")
def rerun_on_reconnect() -> None:
    """Draws nothing. While a page holds a `run_every` fragment, Streamlit's browser side
    asks for a full run as soon as its connection comes back (streamlit/streamlit#11890;
    otherwise it waits for the member's next click, #9083), and widgets are disabled while
    disconnected. So after a server restart the new session draws the ballot from what the
    tab shows and says it is not cast yet before the member acts (see pages/scoring_sheet.py).
    The interval itself does not matter; long, so it hardly ever runs."""


with st.sidebar:
    rerun_on_reconnect()

current = rounds.get_round(store, round_id)

if voting.has_voted(store, round_id, member["id"]):
    # This tab was about to confirm choices, but the ballot was cast elsewhere (another tab or
    # computer with the same code): say that these choices were not counted, not "cast".
    pending = bool(st.session_state.get(CONFIRM))
    forget_choices()
    if pending:
        st.warning(t("ballot.cast_elsewhere"))
    else:
        st.success(t("ballot.cast"))
    next_step(store, round_id, member["id"], "ballot")
    st.stop()

if voting.ballots_sealed(current):  # reopened after its ballots were counted: no more ballots
    forget_choices()
    st.info(t("ballot.sealed"))
    next_step(store, round_id, member["id"], "ballot")
    st.stop()

subjects = voting.ballot_subjects(store, round_id, member["id"])
if not subjects:
    forget_choices()
    st.info(t("ballot.recused_all"))
    next_step(store, round_id, member["id"], "ballot")
    st.stop()


def key_for(subject: dict) -> str:
    return f"{PREFIX}{round_id}_{subject['candidate_id'] or 0}"


def options_for(subject: dict) -> list[str]:
    allowed = [Choice.APPROVE, Choice.REJECT] + ([Choice.ABSTAIN] if subject["allow_abstain"] else [])
    return [c.value for c in allowed]


def label_for(subject: dict) -> str:
    if subject["candidate_id"] is None:
        return t("ballot.whole_list")
    c = subject["candidate"]
    who = conference.affiliation(c)
    return f"{c['full_name']}" + (f" — {who}" if who else "") + f" ({c['title']})"


st.write(t("ballot.help_whole_list") if current["ballot_mode"] == BallotMode.WHOLE_LIST else t("ballot.help"))
if current["ballot_mode"] != BallotMode.WHOLE_LIST:  # a whole list: all of it, or recused_all above
    recusal_note(store, round_id, member["id"], "needs_ballot", "ballot.recused_some")
confirming = st.session_state.get(CONFIRM) == round_id
if confirming:
    # In a new session's first run (a click on "Bỏ phiếu" right after a restart), the radios lose
    # the values the browser sent at its st.rerun(): they are drawn again from the choices seen.
    for key, value in st.session_state.get(CONFIRMED, {}).items():
        st.session_state[key] = value
reconnected = st.empty()
for n, subject in enumerate(subjects, start=1):
    with st.container(border=True):
        if subject["candidate_id"] is None:
            st.markdown(f"**{t('ballot.list_title')}**")
            for i, name in enumerate(subject["names"], start=1):
                st.markdown(f"{i}. {name}")
        st.radio(
            f"{n}. {label_for(subject)}" if subject["candidate_id"] is not None else label_for(subject),
            options_for(subject),
            index=None,
            format_func=lambda value: Choice(value).label,
            horizontal=True,
            key=key_for(subject),
            disabled=confirming,
        )

chosen = {s["candidate_id"]: st.session_state.get(key_for(s)) for s in subjects}
left = [s for s in subjects if not chosen[s["candidate_id"]]]
if DRAWN not in st.session_state and len(left) < len(subjects):  # choices this session never drew
    reconnected.info(t("ballot.reconnected"))
st.session_state[DRAWN] = True
st.caption(t("ballot.progress", done=len(subjects) - len(left), total=len(subjects)))

if not confirming:
    if st.button(t("ballot.submit"), type="primary", key="ballot_submit"):
        if left:
            st.error(t("err.incomplete_ballot", detail=", ".join(label_for(s) for s in left)))
        else:
            st.session_state[CONFIRM] = round_id
            st.session_state[CONFIRMED] = {key_for(s): chosen[s["candidate_id"]] for s in subjects}
            st.rerun()
else:
    with st.container(border=True):
        st.subheader(t("ballot.confirm_title"))
        st.write(t("ballot.confirm_text"))
        for s in subjects:
            st.markdown(f"- {label_for(s)}: **{Choice(chosen[s['candidate_id']]).label}**")
        buttons = st.container(horizontal=True)
        if buttons.button(t("ballot.confirm_cast"), type="primary", key="ballot_confirm_cast"):
            try:
                voting.cast_ballot(store, round_id, member["id"], chosen)
            except DomainError as exc:
                st.error(str(exc))
            else:
                forget_choices()
                st.rerun()
        if buttons.button(t("ballot.back"), key="ballot_back"):
            st.session_state.pop(CONFIRM, None)
            st.session_state.pop(CONFIRMED, None)
            st.rerun()
