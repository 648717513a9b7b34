"""Movement indicators: each indicator's progress toward its 2025 and 2030 targets,
the yearly trend, units compared, the summary table for the report; the
secretary enters and imports the yearly values here too. Public, read-only for
everyone else."""

from __future__ import annotations

from datetime import date

import pandas as pd
import plotly.graph_objects as go
import streamlit as st

from pages._common import current_member, get_store, show_error
from scoring import conference, demo, indicator_export, indicator_import, indicators
from scoring import indicator_charts as charts
from scoring import indicator_progress as prog
from scoring.errors import DomainError
from scoring.i18n import t
from scoring.indicator_progress import Status
from scoring.model import Direction
from scoring.text import fold

STATUS_DOTS = {Status.ACHIEVED: "green", Status.ON_TRACK: "blue", Status.BEHIND: "orange", Status.NO_DATA: "gray"}
ALL = 0

store = get_store()
member = current_member()
is_secretary = bool(member and member["role"] == "secretary")

movements = indicators.list_movements(store)
all_indicators = indicators.list_indicators(store)
units = conference.list_units(store)
values = indicators.list_values(store)
series = prog.series_by_scope(values)
years = sorted({r["year"] for r in values}) or [date.today().year]
movement_names = {m["id"]: m["short_name"] or m["name"] for m in movements}
unit_names = {u["id"]: u["name"] for u in units}


def keep_valid(key: str, options: list) -> None:
    """Forget a remembered choice that no longer exists (a movement or indicator deleted)."""
    if key in st.session_state and st.session_state[key] not in options:
        del st.session_state[key]


keep_valid("ind_movement", [ALL, *movement_names])
keep_valid("ind_year", years)
keep_valid("ind_entry_movement", list(movement_names))
keep_valid("ind_def_movement", list(movement_names))

# -- filters -----------------------------------------------------------------------------
present = st.session_state.get("ind_present", st.query_params.get("present") == "1")
if present:
    # Large type for the projector: Streamlit's own text scales with the root font size.
    st.html("<style>html{font-size:22px} h1{font-size:3rem!important} h2{font-size:2.3rem!important}</style>")

st.title(t("ind.title"))
if demo.shows_sample_values(store, values):
    st.info(t("ind.sample_note"))

filters = st.expander(t("ind.filters"), expanded=not present) if present else st.container()
with filters:
    c1, c2, c3, c4 = st.columns([3, 3, 2, 2], vertical_alignment="bottom")
    movement_id = c1.selectbox(
        t("ind.filter.movement"),
        [ALL, *movement_names],
        format_func=lambda i: t("ind.filter.all_movements") if i == ALL else movement_names[i],
        key="ind_movement",
    )
    unit_id = c2.selectbox(
        t("ind.filter.unit"),
        [ALL, *unit_names],
        format_func=lambda i: t("ind.whole_school") if i == ALL else unit_names[i],
        key="ind_unit",
    )
    as_of = c3.selectbox(t("ind.filter.year"), sorted(years, reverse=True), key="ind_year")
    target_year = c4.radio(
        t("ind.filter.target"),
        list(prog.TARGET_YEARS),
        format_func=lambda y: str(y),
        horizontal=True,
        key="ind_target",
    )
    st.toggle(t("ind.present"), value=present, key="ind_present", help=t("ind.present_help"))

if st.session_state.get("ind_present") != (st.query_params.get("present") == "1"):
    if st.session_state.get("ind_present"):
        st.query_params["present"] = "1"  # a projector bookmark opens straight in presentation mode
    elif "present" in st.query_params:
        del st.query_params["present"]

scope = None if unit_id == ALL else unit_id
scope_name = t("ind.whole_school") if scope is None else unit_names[scope]
shown_movements = [m for m in movements if movement_id in (ALL, m["id"])]
shown_indicators = [i for i in all_indicators if movement_id in (ALL, i["movement_id"])]
signature = f"{movement_id}-{unit_id}-{as_of}-{target_year}-{int(present)}"

st.caption(t("ind.scope", scope=scope_name, year=as_of, target=target_year))
st.markdown(" · ".join(f":{STATUS_DOTS[s]}[●] {s.label}" for s in Status) + " · " + t("ind.threshold_note"))


def slug(text: str) -> str:
    return "-".join(fold(text).replace("/", " ").split())[:60] or "bieu-do"


def show_chart(fig: go.Figure, key: str, title: str) -> None:
    """A chart, then (outside presentation mode) its HTML and PNG downloads."""
    st.plotly_chart(fig, key=key, theme=None, config=charts.PLOTLY_CONFIG)
    if present:
        return
    name = f"{slug(title)}-{as_of}"
    row = st.container(horizontal=True)
    row.download_button(
        t("ind.export.html"),
        data=lambda: charts.to_html(fig, title),
        file_name=f"{name}.html",
        mime="text/html",
        key=f"{key}-html",
        on_click="ignore",
        icon=":material/download:",
    )
    png_key = f"png-{key}"
    if row.button(t("ind.export.make_png"), key=f"{key}-make-png", icon=":material/image:"):
        with st.spinner(t("ind.export.png_wait")):
            try:
                st.session_state[png_key] = (signature, charts.to_png(fig))
            except DomainError as exc:
                show_error(exc)
    made = st.session_state.get(png_key)
    if made and made[0] == signature:
        row.download_button(
            t("ind.export.png"),
            data=made[1],
            file_name=f"{name}.png",
            mime="image/png",
            key=f"{key}-png",
            on_click="ignore",
            icon=":material/download:",
        )


# -- per movement: gauges and trend --------------------------------------------------------
for movement in shown_movements:
    own = [i for i in shown_indicators if i["movement_id"] == movement["id"]]
    st.header(movement["short_name"] or movement["name"], divider="gray")
    st.caption(f"{movement['name']} · {movement['period']}" if movement["period"] else movement["name"])
    if not own:
        st.info(t("ind.no_indicators"))
        continue
    items = [(ind, prog.progress_for(ind, series, scope, target_year, as_of)) for ind in own]
    label = movement["short_name"] or movement["name"]
    st.subheader(t("ind.progress_title", target=target_year))
    show_chart(charts.gauge_figure(items, present), f"gauge-{movement['id']}", t("ind.gauge_file", name=label))
    st.subheader(t("ind.trend_title"))
    trend = charts.trend_figure(own, {i["id"]: series.get((i["id"], scope), {}) for i in own}, present, as_of)
    show_chart(trend, f"trend-{movement['id']}", t("ind.trend_file", name=label))

# -- units compared ---------------------------------------------------------------------------
st.header(t("ind.units_title"), divider="gray")
tracked = [i for i in shown_indicators if prog.has_unit_values(i["id"], series)]
if not tracked:
    st.info(t("ind.no_unit_values"))
else:
    names = {i["id"]: i["name"] for i in tracked}
    keep_valid("ind_compare", list(names))
    chosen_id = st.selectbox(t("ind.compare_indicator"), list(names), format_func=names.get, key="ind_compare")
    chosen = next(i for i in tracked if i["id"] == chosen_id)
    comparisons = prog.unit_comparison(chosen, units, series, target_year, as_of)
    school = prog.progress_for(chosen, series, None, target_year, as_of)
    bar = charts.unit_bar_figure(chosen, comparisons, school, scope, present)
    show_chart(bar, "units-bar", chosen["name"])
    missing = [u["name"] for u, p in comparisons if p.latest is None]
    if missing:
        st.caption(t("ind.units_without_values", units=", ".join(missing)))
    st.subheader(t("ind.heatmap_title", target=target_year))
    labels, heat_names, matrix = prog.unit_matrix(tracked, units, series, target_year, as_of)
    show_chart(charts.heatmap_figure(labels, heat_names, matrix, present), "units-heatmap", t("ind.heatmap_file"))

# -- the summary table ---------------------------------------------------------------------------
st.header(t("ind.summary_title"), divider="gray")
st.caption(t("ind.summary_caption", scope=scope_name, year=as_of, target=target_year))
rows = prog.summary_rows(shown_indicators, series, scope, as_of, target_year)
headers = prog.summary_headers()


def display_row(row: dict) -> dict:
    """Numbers as Vietnamese readers write them (decimal comma), years beside values."""
    baseline = prog.format_number(row["baseline"])
    latest = prog.format_number(row["latest"])
    return {
        headers["movement"]: row["movement"],
        headers["indicator"]: row["indicator"],
        headers["unit_of_measure"]: row["unit_of_measure"],
        headers["baseline"]: f"{baseline} ({row['baseline_year']})",
        headers["latest"]: f"{latest} ({row['latest_year']})" if row["latest_year"] else latest,
        headers["target_2025"]: prog.format_number(row["target_2025"]),
        headers["target_2030"]: prog.format_number(row["target_2030"]),
        headers["percent_2025"]: prog.format_percent(row["percent_2025"]),
        headers["percent_2030"]: prog.format_percent(row["percent_2030"]),
        headers["status"]: row["status"].label,
    }


st.dataframe(pd.DataFrame([display_row(r) for r in rows]), hide_index=True, key="ind_summary", placeholder="")
if not present:
    file_base = f"chi-tieu-phong-trao-{slug(scope_name)}-{as_of}"
    row = st.container(horizontal=True)
    row.download_button(
        t("ind.export.xlsx"),
        data=indicator_export.summary_xlsx(rows),
        file_name=f"{file_base}.xlsx",
        mime="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
        key="ind_summary_xlsx",
        on_click="ignore",
        icon=":material/download:",
    )
    row.download_button(
        t("ind.export.csv"),
        data=indicator_export.summary_csv(rows),
        file_name=f"{file_base}.csv",
        mime="text/csv",
        key="ind_summary_csv",
        on_click="ignore",
        icon=":material/download:",
    )
st.caption(t("ind.rules_note"))

# -- entry and import: the secretary only -------------------------------------------------------------
if is_secretary and not present:
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
    upload = st.file_uploader(t("ind.import_file"), type=["xlsx", "csv"], key="ind_import_file")
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

    # -- the catalogue: movements and their indicators ---------------------------------------------
    st.header(t("ind.def.title"), divider="gray")
    st.caption(t("ind.def.help"))
    def_flash = st.session_state.pop("ind_def_flash", None)
    if def_flash:
        st.success(def_flash)
    def_version = st.session_state.get("ind_def_version", 0)

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

    # No table until a movement is chosen: the page is already long, and this is occasional work.
    def_movement_id = st.selectbox(
        t("ind.def.pick"),
        list(movement_names),
        index=None,
        format_func=movement_names.get,
        placeholder=t("ind.def.pick_placeholder"),
        key="ind_def_movement",
    )
    def_movement = next((m for m in movements if m["id"] == def_movement_id), None)
    if def_movement is not None:
        st.subheader(t("ind.def.indicators_title", name=def_movement["name"]))
        own = [i for i in all_indicators if i["movement_id"] == def_movement["id"]]
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
                    result = indicators.save_definitions(
                        store, member, def_movement["id"], changes, with_values=confirmed
                    )
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
                    st.session_state["ind_def_flash"] = t(
                        "ind.def.movement_deleted", name=def_movement["name"], count=lost
                    )
                    st.session_state["ind_def_version"] = def_version + 1
                    st.rerun()
