"""The secret ballot: one per member per round, cast as a whole, like a paper
ballot dropped in the box. Choices live only in this tab until the member
confirms; then they go into anonymous tallies and are wiped from the session,
so the page can only ever say "Đã bỏ phiếu"."""

from __future__ import annotations

import streamlit as st

from pages._common import get_store, pick_round, require_member
from scoring import conference, exports, rounds, voting
from scoring.db import Store
from scoring.errors import DomainError
from scoring.i18n import t
from scoring.model import BallotMode, Choice

PREFIX = "ballot_choice_"
CONFIRM = "ballot_confirm"


def forget_choices() -> None:
    for key in [k for k in st.session_state if str(k).startswith(PREFIX)]:
        del st.session_state[key]
    st.session_state.pop(CONFIRM, None)


def no_open_round(store: Store, member_id: int) -> None:
    """No round is open at all. If the round closed last shut this member out
    before they voted or submitted, say so (when, and that drafts did not count);
    nothing of its results."""
    missed = voting.missed_in_last_closed_round(store, member_id)
    if missed is None:
        st.info(t("ballot.no_open_round"))
        return
    closed, left = missed
    what = "both" if left.sheet_pending and left.ballot_pending else "sheet" if left.sheet_pending else "ballot"
    lines = [t(f"member.missed.{what}", round=closed["name"], closed_at=exports.format_time(closed["closed_at"]))]
    if left.sheet_pending and left.drafted:
        lines.append(t("member.missed.drafts"))
    lines.append(t("member.missed.contact"))
    st.info(" ".join(lines))


def next_step(store: Store, round_id: int, member_id: int) -> None:
    """The ballot is cast (or there is none for this member): point to the scoring
    sheet if it is still to submit in this round, else say the member's part is done."""
    left = voting.duties(store, round_id, member_id)
    if left.sheet_pending:
        with st.container(border=True):
            st.markdown(f":material/arrow_forward: **{t('member.next.sheet_pending')}**")
            st.page_link("pages/scoring_sheet.py", label=t("member.next.open_sheet"), icon=":material/edit_note:")
    elif left.all_done:
        both = left.to_score and left.to_vote
        st.markdown(":green[:material/task_alt:] " + t("member.next.done_both" if both else "member.next.done"))


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
        no_open_round(store, member["id"])
    st.stop()
round_id = pick_round(with_ballot, key="ballot_round")
current = rounds.get_round(store, round_id)

if voting.has_voted(store, round_id, member["id"]):
    forget_choices()
    st.success(t("ballot.cast"))
    next_step(store, round_id, member["id"])
    st.stop()

subjects = voting.ballot_subjects(store, round_id, member["id"])
if not subjects:
    forget_choices()
    st.info(t("ballot.recused_all"))
    next_step(store, round_id, member["id"])
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
confirming = st.session_state.get(CONFIRM) == round_id
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
st.caption(t("ballot.progress", done=len(subjects) - len(left), total=len(subjects)))

if not confirming:
    if st.button(t("ballot.submit"), type="primary", key="ballot_submit"):
        if left:
            st.error(t("err.incomplete_ballot", detail=", ".join(label_for(s) for s in left)))
        else:
            st.session_state[CONFIRM] = round_id
            st.rerun()
else:
    with st.container(border=True):
        st.subheader(t("ballot.confirm_title"))
        st.write(t("ballot.confirm_text"))
        for s in subjects:
            st.markdown(f"- {label_for(s)}: **{Choice(chosen[s['candidate_id']]).label}**")
        ok, back = st.columns(2)
        if ok.button(t("ballot.confirm_cast"), type="primary", key="ballot_confirm_cast"):
            try:
                voting.cast_ballot(store, round_id, member["id"], chosen)
            except DomainError as exc:
                st.error(str(exc))
            else:
                forget_choices()
                st.rerun()
        if back.button(t("ballot.back"), key="ballot_back"):
            st.session_state.pop(CONFIRM, None)
            st.rerun()
