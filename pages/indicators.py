"""Movement indicators: each indicator's progress toward its 2025 and 2030 targets,
the yearly trend, units compared, the summary table for the report; the
secretary enters and imports the yearly values here too. Public, read-only for
everyone else.

One tab per movement (its gauges and trend), then the units compared and the summary
table, then the secretary's tabs. The tabs are lazy: only the open one runs and is
drawn (14 plotly charts at once took the browser 3.5-4 s), and the open tab is kept
across reruns, a change of language and presentation mode.

The secretary's sections (entry and import, the catalogue of movements and
indicators) are modules of `pages/indicator_sections/`, given the rows this
script has already loaded."""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable
from datetime import date
from functools import partial

import pandas as pd
import plotly.graph_objects as go
import streamlit as st
from streamlit.delta_generator import DeltaGenerator

from pages._common import current_member, get_store, run_through_app_shell, show_error
from pages.indicator_sections import catalogue, entry
from scoring import conference, demo, indicator_export, indicators
from scoring import indicator_charts as charts
from scoring import indicator_progress as prog
from scoring.errors import DomainError
from scoring.i18n import current_language, t
from scoring.indicator_progress import Status
from scoring.text import fold

run_through_app_shell()

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
# Everything the charts are drawn from, and the language of their texts: part of every chart's cache key.
version = (store.path, indicators.fingerprint(movements, all_indicators, units, values), current_language())


@st.cache_resource(ttl=3600, max_entries=300, show_spinner=False)
def cached_figure(key: tuple, _build: Callable[[], go.Figure]) -> go.Figure:
    """A chart built once for every session that asks for it with the same data, language and
    filters (building the page's figures took most of its run). Shared, so never modified:
    st.plotly_chart, the HTML and the PNG export only read it."""
    return _build()


def figure(kind: str, params: tuple, build: Callable[[], go.Figure]) -> go.Figure:
    return cached_figure((kind, *version, *params), build)


def keep_valid(key: str, options: list) -> None:
    """Forget a remembered choice that no longer exists (a movement or indicator deleted)."""
    if key in st.session_state and st.session_state[key] not in options:
        del st.session_state[key]


keep_valid("ind_movement", [ALL, *movement_names])  # the units and summary tabs' filter
keep_valid("ind_year", years)
keep_valid("ind_entry_movement", list(movement_names))
keep_valid("ind_def_movement", list(movement_names))

# -- filters -----------------------------------------------------------------------------
present = st.session_state.get("ind_present", st.query_params.get("present") == "1")
# Every tab in sight, on as many lines as it takes, rather than a row scrolled sideways behind an arrow
# (at 1366 x 768 in presentation mode the units and summary tabs were off the screen).
st.html("<style>.st-key-ind_tab [role=tablist]{flex-wrap:wrap;row-gap:.25rem}</style>")
if present:
    # Large type for the projector: Streamlit's own text scales with the root font size. The title at
    # 2.4rem on two lines and less blank space above it bring the tabs and the tab's heading into
    # sight at 1366 x 768.
    st.html(
        "<style>html{font-size:22px} h1{font-size:2.4rem!important} h2{font-size:2.1rem!important}"
        " .block-container{padding-top:1.5rem!important}</style>"
    )

st.title(t("ind.title"))
if demo.shows_sample_values(store, values):
    st.info(t("ind.sample_note"))
if not all_indicators:
    # A new institution's conference: no filters, charts or empty tables to download, and no
    # "tracked for the whole institution only" about indicators that do not exist.
    st.info(t("ind.none_yet_secretary" if is_secretary else "ind.none_yet"))
    if is_secretary:
        catalogue.render(store, member, movements, all_indicators, movement_names)
    st.stop()

filters = st.expander(t("ind.filters"), expanded=not present) if present else st.container()
with filters:
    c1, c2, c3 = st.columns([3, 2, 2], vertical_alignment="bottom")
    unit_id = c1.selectbox(
        t("ind.filter.unit"),
        [ALL, *unit_names],
        format_func=lambda i: t("ind.whole_school") if i == ALL else unit_names[i],
        key="ind_unit",
    )
    as_of = c2.selectbox(t("ind.filter.year"), sorted(years, reverse=True), key="ind_year")
    target_year = c3.radio(
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

st.caption(t("ind.scope", scope=scope_name, year=as_of, target=target_year))
st.markdown(" · ".join(f":{STATUS_DOTS[s]}[●] {s.label}" for s in Status) + " · " + t("ind.threshold_note"))


def slug(text: str) -> str:
    return "-".join(fold(text).replace("/", " ").split())[:60] or "bieu-do"


def signature() -> str:
    """The filters a PNG was made with: a PNG of other filters is not offered for download."""
    return f"{unit_id}-{as_of}-{target_year}-{int(present)}-{st.session_state.get('ind_movement', ALL)}"


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
                st.session_state[png_key] = (signature(), charts.to_png(fig))
            except DomainError as exc:
                show_error(exc)
    made = st.session_state.get(png_key)
    if made and made[0] == signature():
        row.download_button(
            t("ind.export.png"),
            data=made[1],
            file_name=f"{name}.png",
            mime="image/png",
            key=f"{key}-png",
            on_click="ignore",
            icon=":material/download:",
        )


def movement_filter(where: DeltaGenerator) -> int:
    """Which movement's indicators the units comparison and the summary table show (the same
    choice in both tabs; kept while another tab is open)."""
    return where.selectbox(
        t("ind.filter.movement"),
        [ALL, *movement_names],
        format_func=lambda i: t("ind.filter.all_movements") if i == ALL else movement_names[i],
        key="ind_movement",
        persist_state="page",
    )


# -- one tab per movement: its gauges and trend ----------------------------------------------------
def movement_tab(movement: dict) -> None:
    own = [i for i in all_indicators if i["movement_id"] == movement["id"]]
    st.header(movement["short_name"] or movement["name"], divider="gray")
    st.caption(f"{movement['name']} · {movement['period']}" if movement["period"] else movement["name"])
    if not own:
        st.info(t("ind.no_indicators"))
        return
    items = [(ind, prog.progress_for(ind, series, scope, target_year, as_of)) for ind in own]
    counts = Counter(p.status for _, p in items)
    tally = " · ".join(f":{STATUS_DOTS[s]}[●] {counts[s]} {s.label.lower()}" for s in Status if counts[s])
    st.markdown(t("ind.movement_tally", count=len(own), tally=tally))
    label = movement["short_name"] or movement["name"]
    st.subheader(t("ind.progress_title", target=target_year))
    params = (movement["id"], scope, target_year, as_of, present)
    gauge = figure("gauge", params, partial(charts.gauge_figure, items, present))
    show_chart(gauge, f"gauge-{movement['id']}", t("ind.gauge_file", name=label))
    st.subheader(t("ind.trend_title"))
    own_series = {i["id"]: series.get((i["id"], scope), {}) for i in own}
    trend = figure("trend", params, partial(charts.trend_figure, own, own_series, present, as_of))
    show_chart(trend, f"trend-{movement['id']}", t("ind.trend_file", name=label))


# -- units compared ---------------------------------------------------------------------------
def units_tab() -> None:
    st.header(t("ind.units_title"), divider="gray")
    left, right = st.columns([1, 2])
    movement_id = movement_filter(left)
    shown = [i for i in all_indicators if movement_id in (ALL, i["movement_id"])]
    tracked = [i for i in shown if prog.has_unit_values(i["id"], series)]
    if not tracked:
        st.info(t("ind.no_unit_values"))
        return
    names = {i["id"]: i["name"] for i in tracked}
    keep_valid("ind_compare", list(names))
    chosen_id = right.selectbox(
        t("ind.compare_indicator"), list(names), format_func=names.get, key="ind_compare", persist_state="page"
    )
    chosen = next(i for i in tracked if i["id"] == chosen_id)
    comparisons = prog.unit_comparison(chosen, units, series, target_year, as_of)
    school = prog.progress_for(chosen, series, None, target_year, as_of)
    bar = figure(
        "bar",
        (chosen_id, scope, target_year, as_of, present),
        lambda: charts.unit_bar_figure(chosen, comparisons, school, scope, present),
    )
    show_chart(bar, "units-bar", chosen["name"])
    missing = [u["name"] for u, p in comparisons if p.latest is None]
    if missing:
        st.caption(t("ind.units_without_values", units=", ".join(missing)))
    st.subheader(t("ind.heatmap_title", target=target_year))
    heatmap = figure(
        "heatmap",
        (movement_id, target_year, as_of, present),
        lambda: charts.heatmap_figure(*prog.unit_matrix(tracked, units, series, target_year, as_of), present),
    )
    show_chart(heatmap, "units-heatmap", t("ind.heatmap_file"))


# -- the summary table ---------------------------------------------------------------------------
def display_row(row: dict, headers: dict[str, str]) -> dict:
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


def summary_tab() -> None:
    st.header(t("ind.summary_title"), divider="gray")
    movement_id = movement_filter(st.columns([1, 2])[0])
    st.caption(t("ind.summary_caption", scope=scope_name, year=as_of, target=target_year))
    shown = [i for i in all_indicators if movement_id in (ALL, i["movement_id"])]
    rows = prog.summary_rows(shown, series, scope, as_of, target_year)
    headers = prog.summary_headers()
    table = pd.DataFrame([display_row(r, headers) for r in rows])
    st.dataframe(table, hide_index=True, key="ind_summary", placeholder="")
    if not present:
        part = "" if movement_id == ALL else f"{slug(movement_names[movement_id])}-"
        file_base = f"chi-tieu-phong-trao-{part}{slug(scope_name)}-{as_of}"
        row = st.container(horizontal=True)
        row.download_button(
            t("ind.export.xlsx"),
            data=lambda: indicator_export.summary_xlsx(rows),  # built when clicked, not on every run
            file_name=f"{file_base}.xlsx",
            mime="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
            key="ind_summary_xlsx",
            on_click="ignore",
            icon=":material/download:",
        )
        row.download_button(
            t("ind.export.csv"),
            data=lambda: indicator_export.summary_csv(rows),
            file_name=f"{file_base}.csv",
            mime="text/csv",
            key="ind_summary_csv",
            on_click="ignore",
            icon=":material/download:",
        )
    st.caption(t("ind.rules_note"))


# -- the tabs: only the open one runs ------------------------------------------------------------------
def tab_label(view: str) -> str:
    if view.startswith("m"):
        movement = next(m for m in movements if f"m{m['id']}" == view)
        name = movement["short_name"] or movement["name"]
        return name if len(name) <= 40 else name[:39].rstrip() + "…"
    return t(f"ind.tab.{view}")


views = [f"m{m['id']}" for m in movements] + ["units", "summary"]
if is_secretary and not present:
    views += ["entry", "catalogue"]
labels: list[str] = []
for view in views:  # two tabs of one label would be one choice: number the second
    label = tab_label(view)
    labels.append(label if label not in labels else f"{label} ({labels.count(label) + 1})")

# The open tab is a label; remember it as a view too, so it survives labels that change
# (the language, presentation mode hiding the secretary's tabs, a movement renamed or added).
clicked = st.session_state.get("ind_tab")
if st.session_state.get("ind_tab_labels") == labels and clicked in labels:
    view = views[labels.index(clicked)]
else:
    view = st.session_state.get("ind_view")
    view = view if view in views else views[0]
st.session_state["ind_tab_labels"] = labels
st.session_state["ind_view"] = view
if view.startswith("m"):
    st.session_state["ind_last_movement"] = int(view[1:])  # the entry tab opens on the movement last looked at
st.session_state["ind_tab"] = labels[views.index(view)]

for tab, view in zip(st.tabs(labels, key="ind_tab", on_change="rerun"), views, strict=True):
    if not tab.open:
        continue
    with tab:
        if view == "units":
            units_tab()
        elif view == "summary":
            summary_tab()
        elif view == "entry":
            last = st.session_state.get("ind_last_movement", ALL)
            entry.render(store, member, movements, all_indicators, units, values, years, movement_names, last)
        elif view == "catalogue":
            catalogue.render(store, member, movements, all_indicators, movement_names)
        else:
            movement_tab(next(m for m in movements if f"m{m['id']}" == view))
