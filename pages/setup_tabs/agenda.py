"""Tab "Chương trình": the meeting's agenda steps, their order and the voting round linked to each."""

from __future__ import annotations

import streamlit as st

from pages.setup_tabs.widgets import act, delete_box, edit_table, pick, version
from scoring import conference, rounds
from scoring.db import Store
from scoring.i18n import t


def render(store: Store, actor: str) -> None:
    """Agenda: a table of the steps, moving a step up or down, a form to add one, a delete box."""
    agenda = conference.list_agenda(store)
    round_names = {r["id"]: r["name"] for r in rounds.list_rounds(store)}
    round_ids = {name: rid for rid, name in round_names.items()}

    def save_step(item_id: int, diff: dict) -> None:
        """The table shows the round by name; the core wants its id."""
        if "round" in diff:
            diff["round_id"] = round_ids.get(diff.pop("round") or "")
        conference.update_agenda_item(store, actor, item_id, **diff)

    edit_table(
        store,
        "agenda",
        agenda,
        {
            "position": st.column_config.NumberColumn(t("setup.agenda.position"), disabled=True, width="small"),
            "title": st.column_config.TextColumn(t("setup.agenda.title"), required=True, width="large"),
            "speaker": st.column_config.TextColumn(t("setup.agenda.speaker"), width="medium"),
            "start_time": st.column_config.TextColumn(t("setup.agenda.start_time"), width="small"),
            "duration_min": st.column_config.NumberColumn(t("setup.agenda.duration"), min_value=0, step=1),
            "round": st.column_config.SelectboxColumn(t("setup.agenda.round"), options=["", *round_ids]),
        },
        lambda a: {**a, "round": round_names.get(a["round_id"], "")},
        save_step,
        lambda a: f"{a['position']}. {a['title']}",
        disabled=("position",),
    )
    if agenda:
        with st.expander(t("setup.agenda.move")):
            step_labels = {a["id"]: f"{a['position']}. {a['title']}" for a in agenda}
            # Stays on the step just moved, to move it again.
            moving = pick(t("setup.agenda.which"), "agenda", list(step_labels), step_labels.get, "agenda_move_pick")
            c1, c2 = st.columns(2)
            s_move = st.empty()
            if c1.button(t("setup.agenda.up"), key=f"agenda_up_{version('agenda')}"):
                act(
                    lambda: conference.move_agenda_item(store, actor, moving, -1),
                    {},
                    s_move,
                    t("setup.moved"),
                    "agenda",
                )
            if c2.button(t("setup.agenda.down"), key=f"agenda_down_{version('agenda')}"):
                act(
                    lambda: conference.move_agenda_item(store, actor, moving, 1), {}, s_move, t("setup.moved"), "agenda"
                )
    with st.form(f"agenda_form_{version('agenda')}"):
        st.markdown(f"**{t('setup.agenda.add')}**")
        ag_title = st.text_input(t("setup.agenda.title"))
        s_ag_title = st.empty()
        c1, c2, c3 = st.columns(3)
        ag_speaker = c1.text_input(t("setup.agenda.speaker"))
        ag_time = c2.text_input(t("setup.agenda.start_time"), placeholder="7h30")
        ag_duration = c3.number_input(t("setup.agenda.duration"), min_value=0, step=5, value=None)
        ag_round = st.selectbox(
            t("setup.agenda.round"), [None, *round_names], format_func=lambda r: round_names.get(r, "—")
        )
        ag_added = st.form_submit_button(t("setup.add"), type="primary")
        s_ag = st.empty()
    if ag_added:
        act(
            lambda: conference.add_agenda_item(store, actor, ag_title, ag_speaker, ag_time, ag_duration, ag_round),
            {"field.agenda_item": s_ag_title},
            s_ag,
            t("setup.added", name=ag_title.strip()),
            "agenda",
        )
    delete_box(
        "agenda",
        agenda,
        lambda a: f"{a['position']}. {a['title']}",
        lambda i: conference.delete_agenda_item(store, actor, i),
    )
