"""Tab "Bộ tiêu chí": criteria sets and their criteria, edited as one table per set."""

from __future__ import annotations

from typing import Any

import pandas as pd
import streamlit as st

from pages.setup_tabs.widgets import act, delete_box, keep, pick, plain, version
from scoring import conference
from scoring.db import Store
from scoring.i18n import number_text, t
from scoring.model import CandidateKind


def _number_column(label: str, default: float | None = None) -> Any:
    """A numeric column shown with the browser's decimal separator ("localized"), the one its cell
    editor accepts when typing: the data editor has no setting for the page's language. No `step`:
    a step of 0.5 or 0.25 fixed the decimals shown ("30,0", "0,50"); the core checks every value."""
    return st.column_config.NumberColumn(label, min_value=0, default=default, format="localized", width=110)


def render(store: Store, actor: str) -> None:
    """A criteria set: its name and kind, its criteria in a growable table with the running total,
    saved together (the set and all its criteria, or nothing)."""
    sets = conference.list_criteria_sets(store)
    set_names = {s["id"]: s["name"] for s in sets}
    # A save reloads the table; the picker stays on the set just saved, so its total and the warning
    # when that is not 100 stay in view.
    picked_set = pick(
        t("setup.criteria.pick"), "criteria", list(set_names), set_names.get, "set_pick", t("setup.criteria.new")
    )
    current_set = next((s for s in sets if s["id"] == picked_set), None) or {}
    criteria = conference.list_criteria(store, picked_set) if picked_set else []
    c1, c2 = st.columns([3, 1])
    set_key = f"{picked_set}_{version('criteria')}"
    cs_name = c1.text_input(t("setup.criteria.name"), current_set.get("name", ""), key=f"cs_name_{set_key}")
    s_cs_name = c1.empty()
    applies = [None, "individual", "collective"]
    cs_applies = c2.selectbox(
        t("setup.criteria.applies_to"),
        applies,
        index=applies.index(current_set.get("applies_to")),
        format_func=lambda k: t("setup.criteria.any") if k is None else CandidateKind(k).label,
        key=f"cs_applies_{set_key}",
    )
    cs_description = st.text_input(
        t("setup.criteria.description"), current_set.get("description", ""), key=f"cs_desc_{set_key}"
    )
    st.caption(t("setup.criteria.help"))
    frame = pd.DataFrame(
        {
            "name": pd.Series([c["name"] for c in criteria], dtype="object"),
            "description": pd.Series([c["description"] for c in criteria], dtype="object"),
            "max_points": pd.Series([c["max_points"] for c in criteria], dtype="float64"),
            "weight": pd.Series([c["weight"] for c in criteria], dtype="float64"),
            "step": pd.Series([c["step"] for c in criteria], dtype="float64"),
        }
    )
    edited_criteria = st.data_editor(
        frame,
        placeholder="",
        key=f"criteria_editor_{set_key}",
        num_rows="dynamic",
        hide_index=False,
        width="stretch",
        # At 1366 px (sidebar open) two "large" text columns pushed the numbers off-screen: the numbers
        # come right after the name, narrow, and the description takes what is left.
        column_order=("name", "max_points", "weight", "step", "description"),
        column_config={
            "name": st.column_config.TextColumn(t("setup.criteria.criterion"), required=True, width=300),
            "description": st.column_config.TextColumn(t("setup.criteria.criterion_description"), width="medium"),
            "max_points": _number_column(t("setup.criteria.max_points")),
            "weight": _number_column(t("setup.criteria.weight"), default=1.0),
            "step": _number_column(t("setup.criteria.step"), default=0.5),
        },
    )
    rows_in = [
        {k: plain(v) for k, v in row.items()}
        for row in edited_criteria.to_dict("records")
        if any(plain(v) not in (None, "") for v in row.values())
    ]
    maxima = [{"max_points": r.get("max_points") or 0} for r in rows_in]
    st.metric(t("setup.criteria.total"), number_text(conference.criteria_total(maxima)))
    for warning in conference.criteria_warnings(maxima):
        st.warning(warning)
    s_cs = st.empty()
    if st.button(t("setup.save"), type="primary", key=f"cs_save_{set_key}"):
        new_criteria = [
            {
                "name": r.get("name"),
                "description": r.get("description") or "",
                "max_points": r.get("max_points"),
                "weight": r.get("weight") if r.get("weight") is not None else 1,
                "step": r.get("step") if r.get("step") is not None else 0.5,
            }
            for r in rows_in
        ]

        def save_set() -> None:
            """The set and its criteria in one transaction: both saved, or neither."""
            with store.write():
                if picked_set is None:
                    added = conference.add_criteria_set(store, actor, cs_name, new_criteria, cs_applies, cs_description)
                else:
                    conference.update_criteria_set(
                        store, actor, picked_set, name=cs_name, applies_to=cs_applies, description=cs_description
                    )
                    conference.replace_criteria(store, actor, picked_set, new_criteria)
            if picked_set is None:
                keep("set_pick", added)  # once written: the picker opens on it

        act(
            save_set,
            {"field.criteria_set_name": s_cs_name, "name": s_cs_name},
            s_cs,
            t("setup.saved", count=1),
            "criteria",
        )
    delete_box("criteria", sets, lambda s: s["name"], lambda i: conference.delete_criteria_set(store, actor, i))
