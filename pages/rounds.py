"""Rounds for the chair, vice-chair and secretary: create, open, close, publish
(reopen with a logged reason); progress (who has submitted and voted, never
what); conflicts of interest; attendance; paper sheets and ballots entered by
the secretary for absent members."""

from __future__ import annotations

import pandas as pd
import streamlit as st

from pages._common import get_store, require_member, run_through_app_shell, show_error
from scoring import conference, rounds, voting
from scoring.errors import DomainError
from scoring.i18n import t
from scoring.model import OFFICERS, BallotMode, Choice, Method, Role, RoundStatus

run_through_app_shell()

member = require_member()
if member["role"] not in OFFICERS:
    st.error(t("err.page_for_officers"))
    st.stop()
store = get_store()
actor = member["full_name"]
is_secretary = member["role"] == Role.SECRETARY

st.title(t("nav.rounds"))
if flash := st.session_state.pop("rounds_flash", None):
    st.success(flash)


def done(message: str) -> None:
    st.session_state["rounds_flash"] = message
    st.rerun()


all_rounds = rounds.list_rounds(store)
if all_rounds:
    st.dataframe(
        pd.DataFrame(
            [
                {
                    t("col.name"): r["name"],
                    t("col.status"): RoundStatus(r["status"]).label,
                    t("rounds.col_candidates"): r["candidate_count"],
                    t("rounds.col_ballot_mode"): t(f"rounds.mode.{r['ballot_mode']}"),
                    t("rounds.col_method"): t(f"method.{r['method']}"),
                }
                for r in all_rounds
            ]
        ),
        hide_index=True,
    )
else:
    st.info(t("home.no_rounds"))

with st.expander(t("rounds.create"), expanded=not all_rounds):
    titles = conference.list_titles(store)
    with st.form("create_round", clear_on_submit=False):
        name = st.text_input(t("rounds.name"))
        title_ids = st.multiselect(
            t("rounds.titles"),
            [x["id"] for x in titles],
            format_func={x["id"]: x["name"] for x in titles}.get,
            placeholder=t("common.choose"),
        )
        mode = st.radio(
            t("rounds.col_ballot_mode"), [m.value for m in BallotMode], format_func=lambda m: t(f"rounds.mode.{m}")
        )
        method = st.selectbox(t("rounds.col_method"), [m.value for m in Method], format_func=lambda m: t(f"method.{m}"))
        recuse_unit = st.checkbox(t("rounds.recuse_same_unit"), value=True)
        if st.form_submit_button(t("rounds.create_button"), type="primary"):
            ids = [c["id"] for c in conference.list_candidates(store) if c["title_id"] in title_ids]
            try:
                new_id = rounds.create_round(
                    store, actor, name, ids, ballot_mode=mode, method=method, recuse_same_unit=recuse_unit
                )
            except DomainError as exc:
                show_error(exc)
            else:
                # Shown at once below, ready to open: it stayed on the round picked before (a closed
                # round's "Đã khóa" under "Đã tạo vòng …"), and the new one had to be found in the list.
                st.session_state["rounds_pick"] = new_id
                done(t("rounds.created", name=name.strip(), n=len(ids)))

if not all_rounds:
    st.stop()

names = {r["id"]: r["name"] for r in all_rounds}
nominee_counts = {r["id"]: r["candidate_count"] for r in all_rounds}
default = next((i for i, r in enumerate(all_rounds) if r["status"] == RoundStatus.OPEN), 0)
round_id = st.selectbox(t("rounds.pick"), list(names), index=default, format_func=names.get, key="rounds_pick")
current = rounds.get_round(store, round_id)
status = RoundStatus(current["status"])
st.markdown(t("rounds.status_line", status=t("status.open_sealed") if voting.ballots_sealed(current) else status.label))

tab_names = [t("rounds.tab_phase"), t("rounds.tab_progress"), t("rounds.tab_conflicts"), t("rounds.tab_attendance")]
if is_secretary:
    tab_names.append(t("rounds.tab_paper"))
tabs = st.tabs(tab_names)


def move(target: RoundStatus, reason: str = "") -> None:
    try:
        rounds.transition(store, actor, round_id, target.value, reason=reason, actor_role=member["role"])
    except DomainError as exc:
        show_error(exc)
    else:
        done(t("rounds.moved", name=current["name"], status=target.label))


with tabs[0]:
    if status == RoundStatus.SETUP:
        st.write(t("rounds.setup_help"))
        late = rounds.missing_nominations(store, round_id)  # a supplementary list imported after the round
        if late:
            st.warning(t("rounds.missing_nominations", n=len(late), names=", ".join(c["full_name"] for c in late)))
            if st.button(t("rounds.add_missing", n=len(late)), key="phase_add_missing"):
                try:  # refused if another tab opened the round meanwhile
                    added = rounds.add_missing_nominations(store, actor, round_id)
                except DomainError as exc:
                    show_error(exc)
                else:
                    done(t("rounds.added_missing", n=added, name=current["name"]))
        if st.button(t("rounds.open"), type="primary", key="phase_open"):
            move(RoundStatus.OPEN)
        if is_secretary:  # a round created by mistake; the rule (never opened, nothing recorded) is in scoring
            with st.expander(t("rounds.delete_title")):
                refusal = rounds.deletion_refusal(store, round_id)
                if refusal is not None:
                    st.info(str(refusal))
                else:
                    st.write(t("rounds.delete_help", n=nominee_counts[round_id]))
                    steps = [
                        f"{a['position']}. {a['title']}"
                        for a in conference.list_agenda(store)
                        if a["round_id"] == round_id
                    ]
                    if steps:
                        st.warning(t("rounds.delete_agenda", steps="; ".join(steps)))
                    if recorded_rows := len(rounds.attendance(store, round_id)):
                        st.warning(t("rounds.delete_attendance", n=recorded_rows))
                    sure = st.checkbox(
                        t("rounds.delete_confirm", name=current["name"]), key=f"phase_delete_sure_{round_id}"
                    )
                    if st.button(t("rounds.delete_button"), key="phase_delete", disabled=not sure):
                        try:
                            rounds.delete_round(store, actor, round_id)
                        except DomainError as exc:
                            show_error(exc)
                        else:
                            del st.session_state["rounds_pick"]  # gone: the picker opens on its default again
                            done(t("rounds.deleted", name=current["name"]))
    elif status == RoundStatus.OPEN:
        late = rounds.missing_nominations(store, round_id)
        if late:  # too late for this round: said, so they are not forgotten
            st.info(t("rounds.missing_open", n=len(late), names=", ".join(c["full_name"] for c in late)))
        sealed = voting.ballots_sealed(current)  # reopened after its ballots were counted: sheets only
        st.write(t("rounds.open_help_sealed" if sealed else "rounds.open_help"))
        if sealed:
            st.info(t("rounds.sealed_open"))
        # Closing is the lock: a member still scoring or voting would be shut out without warning.
        owed = voting.missing(store, round_id)
        pending = list(dict.fromkeys(r["full_name"] for kind in ("sheet", "ballot", "absent") for r in owed[kind]))
        sure = True
        if pending:
            key = "rounds.close_pending_sealed" if sealed else "rounds.close_pending"
            st.warning(t(key, n=len(pending), names=", ".join(pending)))
            sure = st.checkbox(t("rounds.close_confirm"), key="phase_close_sure")
        if st.button(t("rounds.close"), type="primary", key="phase_close", disabled=not sure):
            move(RoundStatus.CLOSED)
    elif status == RoundStatus.CLOSED:
        st.write(t("rounds.closed_help"))
        sure = st.checkbox(t("rounds.publish_confirm"), key="phase_publish_sure")
        if st.button(t("rounds.publish"), type="primary", key="phase_publish", disabled=not sure):
            move(RoundStatus.PUBLISHED)
        st.divider()
        # What a reopen does, before the chair does it: a round whose ballots were counted takes no more.
        st.info(t("rounds.reopen_help_counted" if current["ballots_counted"] else "rounds.reopen_help"))
        reason = st.text_input(t("rounds.reopen_reason"), key="phase_reason")
        if st.button(t("rounds.reopen"), key="phase_reopen", disabled=not reason.strip()):  # a reason is required
            move(RoundStatus.OPEN, reason)
    else:
        st.info(t("rounds.published_help"))


@st.fragment(run_every="5s")
def show_progress() -> None:
    rows = voting.progress(store, round_id)
    if not rows:
        st.info(t("rounds.no_members"))
        return
    to_score = [r for r in rows if r["to_score"]]
    to_vote = [r for r in rows if r["can_vote"]]
    # A round without scoring (round 3, the whole list) or without a ballot has no "0/0" to show.
    metrics = []
    if to_score:
        metrics.append((t("rounds.metric_submitted"), f"{sum(r['submitted'] for r in to_score)}/{len(to_score)}"))
    if to_vote:
        metrics.append((t("rounds.metric_voted"), f"{sum(r['voted'] for r in to_vote)}/{len(to_vote)}"))
    for column, (label, value) in zip(st.columns(2), metrics, strict=False):
        column.metric(label, value)
    yes, no, na = "✓", "—", t("rounds.not_needed")
    table = []
    for r in rows:
        line = {t("col.full_name"): r["full_name"], t("col.unit"): r["unit"] or ""}
        if to_score:
            line[t("rounds.col_scored")] = f"{r['scored']}/{r['to_score']}" if r["to_score"] else na
            line[t("rounds.col_submitted")] = (yes if r["submitted"] else no) if r["to_score"] else na
        if r["needs_ballot"]:
            line[t("rounds.col_voted")] = (yes if r["voted"] else no) if r["can_vote"] else na
        line[t("rounds.col_source")] = t(f"rounds.source.{r['source']}") if r["source"] else ""
        table.append(line)
    # Every member in sight: the default height stops at ten rows and hid the eleventh below a scroll bar.
    st.dataframe(pd.DataFrame(table), hide_index=True, height="content")
    owed = voting.missing(store, round_id)
    st.markdown(f"**{t('rounds.nudge')}**")
    if not any(owed.values()):
        st.success(t("rounds.nobody_missing"))
    for kind in ("sheet", "ballot", "absent"):
        if owed[kind]:
            st.markdown(
                t(f"rounds.missing_{kind}", n=len(owed[kind])) + " " + ", ".join(r["full_name"] for r in owed[kind])
            )


with tabs[1]:
    show_progress()

members = conference.list_members(store, voting_only=True)
member_names = {m["id"]: m["full_name"] for m in members}
candidates = rounds.round_candidates(store, round_id)
candidate_names = {c["id"]: f"{c['full_name']} ({c['title']})" for c in candidates}

with tabs[2]:
    st.write(t("rounds.conflicts_help"))
    with st.form("add_conflict", clear_on_submit=True):
        who = st.selectbox(
            t("rounds.member"),
            list(member_names),
            format_func=member_names.get,
            index=None,
            placeholder=t("common.choose"),
            key="conflict_member",
        )
        whom = st.selectbox(
            t("rounds.candidate"),
            list(candidate_names),
            format_func=candidate_names.get,
            index=None,
            placeholder=t("common.choose"),
            key="conflict_candidate",
        )
        why = st.text_input(t("rounds.reason"), key="conflict_reason")
        if st.form_submit_button(t("rounds.add_conflict")):
            if who is None or whom is None:
                st.error(t("rounds.pick_both"))
            else:
                try:
                    rounds.add_conflict(store, actor, who, whom, why)
                except DomainError as exc:
                    show_error(exc)
                else:
                    done(t("rounds.conflict_added", member=member_names[who], candidate=candidate_names[whom]))
    for row in rounds.list_conflicts(store):
        left, right = st.columns([5, 1])
        left.markdown(
            f"{row['member']} ↔ {row['candidate']} ({row['title']})" + (f" — {row['reason']}" if row["reason"] else "")
        )
        if right.button(t("rounds.remove"), key=f"conflict_rm_{row['member_id']}_{row['candidate_id']}"):
            try:
                rounds.remove_conflict(store, actor, row["member_id"], row["candidate_id"])
            except DomainError as exc:
                show_error(exc)
            else:
                done(t("rounds.conflict_removed"))

with tabs[3]:
    st.write(t("rounds.attendance_help"))
    recorded = rounds.attendance(store, round_id)
    states = {None: t("rounds.att.unknown"), True: t("rounds.att.present"), False: t("rounds.att.absent")}
    table = pd.DataFrame(
        [
            {"id": m["id"], t("col.full_name"): m["full_name"], t("rounds.attendance"): states[recorded.get(m["id"])]}
            for m in members
        ]
    )
    edited = st.data_editor(
        table,
        hide_index=True,
        disabled=["id", t("col.full_name")],
        column_config={
            "id": None,
            t("rounds.attendance"): st.column_config.SelectboxColumn(options=list(states.values()), required=True),
        },
        key=f"attendance_{round_id}",
        height="content",
    )
    present_count = sum(1 for v in recorded.values() if v)
    st.caption(t("rounds.attendance_count", present=present_count, total=len(members)))
    if st.button(t("rounds.save_attendance"), key="save_attendance"):
        by_label = {label: value for value, label in states.items()}
        changes = 0
        try:
            for _, row in edited.iterrows():
                value = by_label.get(row[t("rounds.attendance")])
                if value is not None and recorded.get(int(row["id"])) != value:
                    rounds.set_attendance(store, actor, round_id, int(row["id"]), value)
                    changes += 1
        except DomainError as exc:
            show_error(exc)
        else:
            done(t("rounds.attendance_saved", n=changes))


def paper_sheet(member_id: int) -> None:
    items = voting.sheet(store, round_id, member_id)
    if not items:
        st.info(t("paper.nothing_to_score"))
        return
    if voting.is_submitted(store, round_id, member_id):
        st.success(t("paper.sheet_done"))
        return
    with st.form(f"paper_sheet_{round_id}_{member_id}"):
        st.markdown(f"**{t('paper.sheet_title', name=member_names[member_id])}**")
        for n, item in enumerate(items, start=1):
            st.markdown(f"{n}. {item.candidate['full_name']} — {item.candidate['title']}")
            columns = st.columns(len(item.criteria) or 1)
            for column, crit in zip(columns, item.criteria, strict=False):
                # Text, not a number box: the browser's number box reads 2,5 as 25 (see the scoring sheet).
                column.text_input(
                    t("sheet.criterion_short", n=crit["position"]) + f" (≤ {voting.format_points(crit['max_points'])})",
                    value=voting.format_points(item.points.get(crit["id"])),
                    key=f"paper_{round_id}_{member_id}_{item.candidate['id']}_{crit['id']}",
                    help=crit["name"],
                    autocomplete="off",
                )
        if st.form_submit_button(t("paper.sheet_submit"), type="primary"):
            points = {
                item.candidate["id"]: {
                    crit["id"]: st.session_state.get(
                        f"paper_{round_id}_{member_id}_{item.candidate['id']}_{crit['id']}"
                    )
                    for crit in item.criteria
                }
                for item in items
            }
            try:
                voting.enter_paper_sheet(store, round_id, member_id, points, actor=actor)
            except DomainError as exc:
                show_error(exc)
            else:
                done(t("paper.sheet_saved", name=member_names[member_id]))


def paper_ballot(member_id: int) -> None:
    if not any(c["needs_ballot"] for c in candidates):
        return
    if voting.has_voted(store, round_id, member_id):
        st.success(t("paper.ballot_done"))
        return
    if voting.ballots_sealed(current):  # reopened after the count: no ballot, paper ones neither
        st.info(t("err.ballots_counted"))
        return
    subjects = voting.ballot_subjects(store, round_id, member_id)
    if not subjects:
        st.info(t("ballot.recused_all"))
        return
    with st.form(f"paper_ballot_{round_id}_{member_id}", clear_on_submit=True):
        st.markdown(f"**{t('paper.ballot_title', name=member_names[member_id])}**")
        invalid = st.checkbox(
            t("paper.invalid"), help=t("paper.invalid_help"), key=f"paper_invalid_{round_id}_{member_id}"
        )
        keys = {}
        for s in subjects:
            label = t("ballot.whole_list") if s["candidate_id"] is None else s["candidate"]["full_name"]
            options = [Choice.APPROVE.value, Choice.REJECT.value] + (
                [Choice.ABSTAIN.value] if s["allow_abstain"] else []
            )
            keys[s["candidate_id"]] = f"paper_vote_{round_id}_{member_id}_{s['candidate_id'] or 0}"
            st.radio(
                label,
                options,
                index=None,
                format_func=lambda v: Choice(v).label,
                horizontal=True,
                key=keys[s["candidate_id"]],
            )
        if st.form_submit_button(t("paper.ballot_submit"), type="primary"):
            choices = {sid: st.session_state.get(key) for sid, key in keys.items()}
            try:
                voting.cast_ballot(
                    store,
                    round_id,
                    member_id,
                    {} if invalid else choices,
                    source="paper",
                    valid=not invalid,
                    actor=actor,
                )
            except DomainError as exc:
                show_error(exc)
            else:
                done(t("paper.ballot_saved", name=member_names[member_id]))


if is_secretary:
    with tabs[4]:
        st.write(t("paper.help"))
        if status != RoundStatus.OPEN:
            st.info(t("err.round_not_open"))
        else:
            absent = [m for m, present in rounds.attendance(store, round_id).items() if not present]
            order = sorted(member_names, key=lambda m: (m not in absent, list(member_names).index(m)))
            chosen = st.selectbox(
                t("paper.member"),
                order,
                index=None,
                placeholder=t("common.choose"),
                format_func=lambda m: member_names[m] + (f" ({t('rounds.att.absent')})" if m in absent else ""),
                key="paper_member",
            )
            if chosen is not None:
                paper_sheet(chosen)
                paper_ballot(chosen)
