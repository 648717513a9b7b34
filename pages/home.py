"""Home: the conference, its programme and the state of each round."""

from __future__ import annotations

import streamlit as st

from pages._common import current_member, get_store, run_through_app_shell, your_tasks
from scoring import conference, demo, rounds, voting
from scoring.i18n import t
from scoring.model import RoundStatus
from scoring.validation import format_place_date

run_through_app_shell()

store = get_store()
conf = conference.get_conference(store)

st.title(conf["name"] or t("app.title"))
if conf.get("organisation"):  # optional in `init`: "****" alone drew a horizontal rule under the title
    st.markdown(f"**{conf['organisation']}**")
if conf.get("date"):
    st.caption(format_place_date(conf["date"], conf.get("place", "")))
st.caption(
    t(
        "home.counts",
        units=len(conference.list_units(store)),
        candidates=len(conference.list_candidates(store)),
        members=len(conference.list_members(store, voting_only=True)),
    )
)
if conference.get_setting(store, "demo_data", "1") == "1" and demo.is_demo(store):
    st.info(t("home.demo_note"))

member = current_member()
if member:
    your_tasks(store, member)

left, right = st.columns([3, 2], gap="large")
with left:
    st.subheader(t("home.agenda"))
    current = conference.current_agenda_item(store)
    agenda = conference.list_agenda(store)
    if not agenda:  # a new institution's conference: the heading alone looked like a page that failed
        st.caption(t("home.no_agenda"))
    for step_no, item in enumerate(agenda, start=1):
        is_current = current is not None and item["id"] == current["id"]
        time = f"`{item['start_time']}` " if item["start_time"] else ""
        speaker = f" — *{item['speaker']}*" if item["speaker"] else ""
        line = f"{step_no}. {time}{item['title']}{speaker}"
        if is_current:
            st.success(f"▶ **{t('home.current_step')}:** {line}")
        else:
            st.markdown(line)
with right:
    st.subheader(t("home.rounds"))
    all_rounds = rounds.list_rounds(store)
    if not all_rounds:
        st.write(t("home.no_rounds"))
    for r in all_rounds:
        status = RoundStatus(r["status"])
        badge = {
            "setup": ":material/edit_calendar:",
            "open": ":green[:material/how_to_vote:]",
            "closed": ":material/lock:",
            "published": ":blue[:material/campaign:]",
        }[status.value]
        with st.container(border=True):
            st.markdown(f"**{r['name']}**")
            label = t("status.open_sealed") if voting.ballots_sealed(r) else status.label  # reopened after the count
            st.caption(f"{badge} {label} · {r['candidate_count']} {t('home.candidates_short')}")
