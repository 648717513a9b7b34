"""Section "entry": the secretary types a movement's yearly values into a grid, or imports them
from a spreadsheet. Both bump one version counter, so the grid reloads what was just written."""

from __future__ import annotations

from datetime import date

import streamlit as st

from pages._common import show_error
from scoring import indicator_import, indicators, tabular
from scoring.db import Store
from scoring.errors import DomainError
from scoring.i18n import t


def render(
    store: Store,
    member: dict,
    movements: list[dict],
    all_indicators: list[dict],
    units: list[dict],
    values: list[dict],
    years: list[int],
    movement_names: dict[int, str],
    movement_id: int,
) -> None:
    """The yearly-values grid of one movement (preselected: the movement whose tab was open last), then the
    import; the rows come from the page, so the grid shows exactly what the charts were drawn from."""
    st.header(t("ind.entry_title"), divider="gray")
    flash = st.session_state.pop("ind_flash", None)
    if flash:
        st.success(flash)
    entry_movement = st.selectbox(
        t("ind.entry_movement"),
        [m["id"] for m in movements],
        index=next((n for n, m in enumerate(movements) if m["id"] == movement_id), 0),
        format_func=movement_names.get,
        key="ind_entry_movement",
    )
    entry_indicators = [i for i in all_indicators if i["movement_id"] == entry_movement]
    entry_years = range(min(2020, *years), max(2025, date.today().year, *years) + 1)
    grid = indicators.editor_frame(entry_indicators, units, values, entry_years)
    version = st.session_state.get("ind_editor_version", 0)
    with st.form(f"ind_entry_{entry_movement}_{version}"):
        st.caption(t("ind.entry_help"))
        column_config = {
            "indicator": st.column_config.TextColumn(t("ind.col.indicator"), width="large", disabled=True),
            "unit": st.column_config.TextColumn(t("ind.col.unit"), disabled=True),
        }
        for y in entry_years:
            column_config[str(y)] = st.column_config.NumberColumn(str(y), step=0.01)
        edited = st.data_editor(
            grid,
            placeholder="",
            hide_index=True,
            num_rows="fixed",
            column_config=column_config,
            key=f"ind_editor_{entry_movement}_{version}",
        )
        source = st.text_input(t("ind.entry_source"), value=t("ind.entry_source_default"))
        if st.form_submit_button(t("ind.entry_save"), type="primary"):
            try:
                changed = indicators.save_values(store, member, indicators.editor_changes(grid, edited, source))
            except DomainError as exc:
                show_error(exc)
            else:
                st.session_state["ind_flash"] = t("ind.entry_saved", count=changed)
                st.session_state["ind_editor_version"] = version + 1
                st.rerun()

    st.subheader(t("ind.import_title"))
    st.caption(t("ind.import_help"))
    st.download_button(
        t("ind.import_template"),
        data=indicator_import.template_csv(),
        file_name="mau-nhap-chi-tieu.csv",
        mime="text/csv",
        key="ind_template",
        on_click="ignore",
    )
    upload = st.file_uploader(t("ind.import_file"), type=list(tabular.UPLOAD_TYPES), key="ind_import_file")
    if upload is not None and st.button(t("ind.import_run"), type="primary", key="ind_import_run"):
        data = upload.getvalue()
        try:
            result = indicator_import.import_values(store, member, data, upload.name)
        except DomainError as exc:
            show_error(exc)
        else:
            message = t("ind.import_done", count=result.written, file=upload.name)
            st.session_state["ind_flash"] = " ".join([message, *result.notes])
            st.session_state["ind_editor_version"] = version + 1
            st.rerun()
