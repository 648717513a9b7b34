"""Section "catalogue": the secretary defines the movements and their indicators. Occasional work,
so it is the page's last tab and shows a movement's table only once one is picked."""

from __future__ import annotations

import streamlit as st

from pages._common import show_error
from scoring import indicators
from scoring.db import Store
from scoring.errors import DomainError
from scoring.i18n import t
from scoring.model import Direction


def render(
    store: Store, member: dict, movements: list[dict], all_indicators: list[dict], movement_names: dict[int, str]
) -> None:
    """Add a movement; pick one to edit its indicators, rename, move or delete it.

    Every change bumps "ind_def_version", which is part of each form's key, so forms reload from the database."""
    st.header(t("ind.def.title"), divider="gray")
    st.caption(t("ind.def.help"))
    def_flash = st.session_state.pop("ind_def_flash", None)
    if def_flash:
        st.success(def_flash)
    def_version = st.session_state.get("ind_def_version", 0)

    _add_movement(store, member, def_version)

    # No table until a movement is chosen: the page is already long, and this is occasional work.
    def_movement_id = st.selectbox(
        t("ind.def.pick"),
        list(movement_names),
        index=None,
        format_func=movement_names.get,
        placeholder=t("ind.def.pick_placeholder"),
        key="ind_def_movement",
        persist_state="page",  # kept while another tab of the page is open
    )
    def_movement = next((m for m in movements if m["id"] == def_movement_id), None)
    if def_movement is not None:
        st.subheader(t("ind.def.indicators_title", name=def_movement["name"]))
        own = [i for i in all_indicators if i["movement_id"] == def_movement["id"]]
        _indicators_form(store, member, def_movement, own, movements, def_version)
        _movement_box(store, member, def_movement, own, movements, def_version)


def _add_movement(store: Store, member: dict, def_version: int) -> None:
    """A new movement, then picked so the secretary can give it indicators straight away."""
    with st.expander(t("ind.def.add_movement")), st.form(f"ind_def_add_{def_version}"):
        new_name = st.text_input(t("ind.field.movement_name"))
        new_short = st.text_input(t("ind.field.short_name"))
        new_period = st.text_input(t("ind.field.period"))
        new_description = st.text_area(t("ind.field.description"))
        if st.form_submit_button(t("ind.def.add_movement"), type="primary"):
            try:
                new_id = indicators.create_movement(store, member, new_name, new_short, new_period, new_description)
            except DomainError as exc:
                show_error(exc)
            else:
                st.session_state["ind_def_flash"] = t("ind.def.movement_added", name=new_name.strip())
                st.session_state["ind_def_movement"] = new_id
                st.session_state["ind_def_version"] = def_version + 1
                st.rerun()


def _indicators_form(
    store: Store, member: dict, def_movement: dict, own: list[dict], movements: list[dict], def_version: int
) -> None:
    """The movement's indicators in one table, saved all at once; deleting indicators that hold values
    is refused once, then asked for with their count (the pending key remembers it across the rerun)."""
    table = indicators.definition_frame(own, movements)
    labels = indicators.movement_labels(movements)
    pending_key = f"ind_def_pending_{def_movement['id']}_{def_version}"
    with st.form(f"ind_def_form_{def_movement['id']}_{def_version}"):
        st.caption(t("ind.def.editor_help"))
        edited_table = st.data_editor(
            table,
            placeholder="",
            hide_index=True,
            num_rows="dynamic",
            column_order=indicators.DEFINITION_COLUMNS,
            column_config={
                "position": st.column_config.NumberColumn(t("ind.col.position"), step=1, format="%d", width=95),
                "name": st.column_config.TextColumn(t("ind.field.indicator_name"), width="large", required=True),
                "unit_of_measure": st.column_config.TextColumn(t("ind.col.unit_of_measure")),
                "direction": st.column_config.SelectboxColumn(
                    t("ind.col.direction"),
                    options=[indicators.direction_label(d) for d in Direction],
                    default=indicators.direction_label(Direction.HIGHER),
                    required=True,
                ),
                "baseline_year": st.column_config.NumberColumn(
                    t("ind.col.baseline_year"), min_value=1990, max_value=2100, step=1, format="%d", default=2020
                ),
                "baseline": st.column_config.NumberColumn(t("ind.col.baseline")),
                "target_2025": st.column_config.NumberColumn(t("ind.col.target_2025")),
                "target_2030": st.column_config.NumberColumn(t("ind.col.target_2030")),
                "movement": st.column_config.SelectboxColumn(
                    t("ind.col.movement"), options=list(labels.values()), default=labels[def_movement["id"]]
                ),
            },
            key=f"ind_def_editor_{def_movement['id']}_{def_version}",
        )
        pending = st.session_state.get(pending_key)
        confirmed = bool(pending) and st.checkbox(
            t("ind.def.confirm_values", count=pending), key=f"{pending_key}_ok_{pending}"
        )
        saved = st.form_submit_button(t("ind.def.save"), type="primary")
        if saved:
            try:
                changes = indicators.definition_changes(table, edited_table, def_movement["id"], movements)
                result = indicators.save_definitions(store, member, def_movement["id"], changes, with_values=confirmed)
            except indicators.ValuesWouldBeLost as exc:
                st.session_state[pending_key] = exc.count  # ask, naming how many values would go
                st.session_state["ind_def_refused"] = str(exc)
                st.rerun()
            except DomainError as exc:
                show_error(exc)
            else:
                if not (result.added or result.updated or result.deleted):
                    st.info(t("ind.def.no_changes"))
                else:
                    message = t("ind.def.saved", added=result.added, updated=result.updated, deleted=result.deleted)
                    if result.values_deleted:
                        message += " " + t("ind.def.values_deleted", count=result.values_deleted)
                    st.session_state["ind_def_flash"] = message
                    st.session_state["ind_def_version"] = def_version + 1
                    st.rerun()
        refused = st.session_state.pop("ind_def_refused", None)
        if refused:
            st.warning(refused)


def _movement_box(
    store: Store, member: dict, def_movement: dict, own: list[dict], movements: list[dict], def_version: int
) -> None:
    """Rename, reorder or delete the movement, folded away; a delete that would take values asks first."""
    with st.expander(t("ind.def.edit_movement", name=def_movement["short_name"] or def_movement["name"])):
        with st.form(f"ind_def_movement_{def_movement['id']}_{def_version}"):
            name = st.text_input(t("ind.field.movement_name"), value=def_movement["name"])
            short_name = st.text_input(t("ind.field.short_name"), value=def_movement["short_name"])
            period = st.text_input(t("ind.field.period"), value=def_movement["period"])
            description = st.text_area(t("ind.field.description"), value=def_movement["description"])
            position = st.number_input(
                t("ind.col.position"),
                min_value=1,
                max_value=len(movements),
                value=min(def_movement["position"], len(movements)),
            )
            if st.form_submit_button(t("ind.def.movement_save")):
                try:
                    indicators.update_movement(
                        store,
                        member,
                        def_movement["id"],
                        name=name,
                        short_name=short_name,
                        period=period,
                        description=description,
                    )
                    if position != def_movement["position"]:
                        indicators.move_movement(store, member, def_movement["id"], position)
                except DomainError as exc:
                    show_error(exc)
                else:
                    st.session_state["ind_def_flash"] = t("ind.def.movement_saved", name=name.strip())
                    st.session_state["ind_def_version"] = def_version + 1
                    st.rerun()
        value_count = indicators.count_values(store, movement_id=def_movement["id"])
        st.caption(t("ind.def.movement_contents", indicators=len(own), values=value_count))
        with_values = value_count > 0 and st.checkbox(
            t("ind.def.confirm_movement_values", count=value_count),
            key=f"ind_def_delete_ok_{def_movement['id']}_{def_version}",
        )
        if st.button(t("ind.def.delete_movement"), key=f"ind_def_delete_{def_movement['id']}_{def_version}"):
            try:
                lost = indicators.delete_movement(store, member, def_movement["id"], with_values=with_values)
            except DomainError as exc:
                show_error(exc)
            else:
                st.session_state["ind_def_flash"] = t("ind.def.movement_deleted", name=def_movement["name"], count=lost)
                st.session_state["ind_def_version"] = def_version + 1
                st.rerun()
