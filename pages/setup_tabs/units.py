"""Tab "Đơn vị": the units candidates and members belong to, edited in a table, added with a form."""

from __future__ import annotations

import streamlit as st

from pages.setup_tabs.widgets import act, delete_box, edit_table, version
from scoring import conference
from scoring.db import Store
from scoring.i18n import t
from scoring.model import UnitKind


def render(store: Store, actor: str) -> None:
    """Units: a table of the existing ones (kinds shown by their label), a form to add one, a delete box."""
    units = conference.list_units(store)
    kind_labels = {k.value: t(f"unit_kind.{k.value}") for k in UnitKind}
    kind_values = {label: value for value, label in kind_labels.items()}
    st.caption(t("setup.units.help"))

    def save_unit(unit_id: int, diff: dict) -> None:
        """The table shows the kind by its label; the core wants its value."""
        if "kind" in diff:
            diff["kind"] = kind_values.get(diff["kind"], diff["kind"])
        conference.update_unit(store, actor, unit_id, **diff)

    edit_table(
        store,
        "units",
        units,
        {
            "name": st.column_config.TextColumn(t("setup.units.name"), required=True, width="large"),
            "kind": st.column_config.SelectboxColumn(t("setup.units.kind"), options=list(kind_values), required=True),
            "short_name": st.column_config.TextColumn(t("setup.units.short_name")),
            "staff_count": st.column_config.NumberColumn(t("setup.units.staff_count"), min_value=0, step=1),
        },
        lambda u: {**u, "kind": kind_labels[u["kind"]]},
        save_unit,
        lambda u: u["name"],
    )
    with st.form(f"unit_form_{version('units')}"):
        st.markdown(f"**{t('setup.units.add')}**")
        unit_name = st.text_input(t("setup.units.name"))
        s_unit_name = st.empty()
        unit_kind = st.selectbox(t("setup.units.kind"), list(kind_labels), format_func=kind_labels.get)
        unit_short = st.text_input(t("setup.units.short_name"))
        unit_staff = st.number_input(t("setup.units.staff_count"), min_value=0, step=1, value=None)
        s_unit_staff = st.empty()
        added = st.form_submit_button(t("setup.add"), type="primary")
        s_unit = st.empty()
    if added:
        act(
            lambda: conference.add_unit(store, actor, unit_name, unit_kind, unit_short, unit_staff),
            {"field.unit_name": s_unit_name, "name": s_unit_name, "field.staff_count": s_unit_staff},
            s_unit,
            t("setup.added", name=unit_name.strip()),
            "units",
        )
    delete_box("units", units, lambda u: u["name"], lambda i: conference.delete_unit(store, actor, i))
