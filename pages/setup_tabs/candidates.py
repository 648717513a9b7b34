"""Tab "Đề nghị khen thưởng": the people and collectives proposed for a title."""

from __future__ import annotations

import streamlit as st

from pages.setup_tabs.widgets import act, delete_box, edit_table, unit_options, version
from scoring import conference
from scoring.db import Store
from scoring.i18n import t
from scoring.model import CandidateKind


def title_options(store: Store) -> list[str]:
    """Title names for the candidates' title pickers, read fresh each run."""
    return [ti["name"] for ti in conference.list_titles(store)]


def render(store: Store, actor: str) -> None:
    """Candidates: a table of the proposals, a form to add one, a delete box."""
    candidates = conference.list_candidates(store)
    units_list = unit_options(store)
    titles_list = title_options(store)
    st.caption(t("setup.candidates.count", count=len(candidates)))

    def save_candidate(candidate_id: int, diff: dict) -> None:
        """An emptied unit cell means no unit; the initiative cell is saved as a plain bool."""
        if "unit" in diff:
            diff["unit"] = diff["unit"] or None
        if "has_initiative" in diff:
            diff["has_initiative"] = bool(diff["has_initiative"])
        conference.update_candidate(store, actor, candidate_id, **diff)

    edit_table(
        store,
        "candidates",
        candidates,
        {
            "full_name": st.column_config.TextColumn(t("setup.candidates.full_name"), required=True, width="medium"),
            "kind_label": st.column_config.TextColumn(t("setup.candidates.kind")),
            "position": st.column_config.TextColumn(t("setup.candidates.position")),
            "unit": st.column_config.SelectboxColumn(t("setup.candidates.unit"), options=["", *units_list]),
            "title": st.column_config.SelectboxColumn(
                t("setup.candidates.title"), options=titles_list, required=True, width="medium"
            ),
            "achievements": st.column_config.TextColumn(t("setup.candidates.achievements"), width="large"),
            "has_initiative": st.column_config.CheckboxColumn(t("setup.candidates.has_initiative")),
            "note": st.column_config.TextColumn(t("setup.candidates.note")),
        },
        lambda c: {
            **c,
            "kind_label": CandidateKind(c["kind"]).label,
            "unit": c["unit"] or "",
            "has_initiative": bool(c["has_initiative"]),
        },
        save_candidate,
        lambda c: c["full_name"],
        disabled=("kind_label",),
    )
    with st.form(f"candidate_form_{version('candidates')}"):
        st.markdown(f"**{t('setup.candidates.add')}**")
        c1, c2 = st.columns(2)
        ca_kind = c1.radio(
            t("setup.candidates.kind"),
            [k.value for k in CandidateKind],
            index=1,
            format_func=lambda k: CandidateKind(k).label,
            horizontal=True,
        )
        ca_name = c2.text_input(t("setup.candidates.full_name"))
        s_ca_name = c2.empty()
        c1, c2 = st.columns(2)
        ca_position = c1.text_input(t("setup.candidates.position"))
        ca_unit = c2.selectbox(t("setup.candidates.unit"), [None, *units_list], format_func=lambda u: u or "—")
        ca_title = st.selectbox(t("setup.candidates.title"), titles_list)
        s_ca_title = st.empty()
        ca_achievements = st.text_area(t("setup.candidates.achievements"), height=80)
        c1, c2 = st.columns([1, 3])
        ca_initiative = c1.checkbox(t("setup.candidates.has_initiative"))
        ca_note = c2.text_input(t("setup.candidates.note"))
        ca_added = st.form_submit_button(t("setup.add"), type="primary")
        s_ca = st.empty()
    if ca_added:
        act(
            lambda: conference.add_candidate(
                store,
                actor,
                ca_kind,
                ca_name,
                ca_title or "",
                ca_unit,
                ca_position,
                ca_achievements,
                ca_initiative,
                None,
                ca_note,
            ),
            {
                "field.full_name": s_ca_name,
                "field.collective_name": s_ca_name,
                "full_name": s_ca_name,
                "title": s_ca_title,
            },
            s_ca,
            t("setup.added", name=ca_name.strip()),
            "candidates",
        )
    delete_box(
        "candidates",
        candidates,
        lambda c: f"{c['full_name']} · {c['title']}",
        lambda i: conference.delete_candidate(store, actor, i),
    )
