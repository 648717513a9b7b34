"""Movement indicators: progress arithmetic, the entry grid, the demo data, exports."""

from __future__ import annotations

import io
import itertools
import json
import re
import shutil
import time
from pathlib import Path

import pandas as pd
import pytest

from scoring import conference, demo, indicator_export, indicators
from scoring import indicator_progress as p
from scoring.db import Store
from scoring.errors import PermissionDenied, ValidationError
from scoring.indicator_charts import CHROMIUM
from scoring.indicator_progress import Status

HIGHER = {
    "id": 1,
    "name": "Tỷ lệ A",
    "direction": "higher",
    "baseline_year": 2020,
    "baseline": 80.0,
    "target_2025": 90.0,
}
LOWER = {
    "id": 2,
    "name": "Số vụ B",
    "direction": "lower",
    "baseline_year": 2020,
    "baseline": 4.0,
    "target_2025": 0.0,
    "target_2030": 0.0,
}


# -- % achieved -----------------------------------------------------------------
def test_percent_for_higher_is_better():
    assert p.percent_achieved(80, 90, 85, "higher") == pytest.approx(50)
    assert p.percent_achieved(80, 90, 80, "higher") == 0
    assert p.percent_achieved(80, 90, 90, "higher") == 100


def test_percent_for_lower_is_better_counts_a_drop_as_progress():
    assert p.percent_achieved(4, 0, 3, "lower") == pytest.approx(25)
    assert p.percent_achieved(4, 0, 1, "lower") == pytest.approx(75)
    # A rise is going the wrong way: negative, not progress.
    assert p.percent_achieved(4, 0, 6, "lower") == pytest.approx(-50)


def test_values_past_the_target_report_the_raw_figure_but_the_gauge_caps_at_100():
    result = p.progress(HIGHER, {2020: 80, 2024: 95})
    assert result.percent == pytest.approx(150)
    assert result.gauge_percent == 100
    assert result.status is Status.ACHIEVED
    below = p.progress(HIGHER, {2020: 80, 2024: 70})
    assert below.percent == pytest.approx(-100)
    assert below.gauge_percent == 0
    assert below.status is Status.BEHIND


@pytest.mark.parametrize(
    ("direction", "value", "expected"),
    [("higher", 100, 100.0), ("higher", 98.5, 0.0), ("lower", 0, 100.0), ("lower", 1, 0.0)],
)
def test_target_equal_to_baseline_is_met_or_not_without_division_by_zero(direction, value, expected):
    level = 100 if direction == "higher" else 0
    assert p.percent_achieved(level, level, value, direction) == expected
    indicator = {"id": 3, "direction": direction, "baseline": level, "target_2025": level}
    status = p.progress(indicator, {2023: value}).status
    assert status is (Status.ACHIEVED if expected == 100 else Status.BEHIND)


def test_a_target_on_the_wrong_side_of_the_baseline_is_a_floor_to_keep():
    # "Keep at least 90 %" from 95 %: met while the value stays at 90 or more.
    assert p.percent_achieved(95, 90, 92, "higher") == 100
    assert p.percent_achieved(95, 90, 89, "higher") == 0


def test_missing_years_use_the_latest_value_and_say_which_year():
    series = {2020: 80.0, 2021: 82.0, 2023: 86.0}  # 2022 and 2024 missing
    result = p.progress(HIGHER, series)
    assert (result.latest, result.latest_year) == (86.0, 2023)
    assert p.progress(HIGHER, series, as_of=2022).latest_year == 2021
    assert p.progress(HIGHER, series, as_of=2019).status is Status.NO_DATA
    assert p.progress(HIGHER, {}).status is Status.NO_DATA


def test_on_track_means_at_or_ahead_of_the_straight_line_from_baseline_to_target():
    # 2023 is 60 % of the way from 2020 to 2025: 60 % achieved is on track, 50 % is behind.
    assert p.progress(HIGHER, {2023: 86.0}).status is Status.ON_TRACK
    assert p.progress(HIGHER, {2023: 85.0}).status is Status.BEHIND
    assert p.progress(HIGHER, {2023: 86.0}).expected_percent == pytest.approx(60)


def test_lower_is_better_status_and_2030_target():
    assert p.progress(LOWER, {2022: 2.0}).status is Status.ON_TRACK  # 50 % done, 40 % of time elapsed
    assert p.progress(LOWER, {2022: 3.0}).status is Status.BEHIND
    assert p.progress(LOWER, {2024: 0.0}).status is Status.ACHIEVED
    toward_2030 = p.progress(LOWER, {2024: 2.0}, target_year=2030)
    assert toward_2030.percent == pytest.approx(50)
    assert toward_2030.expected_percent == pytest.approx(40)


def test_no_baseline_falls_back_on_the_baseline_year_value_else_no_data():
    indicator = {**HIGHER, "baseline": None}
    assert p.progress(indicator, {2020: 70.0, 2024: 80.0}).percent == pytest.approx(50)
    assert p.progress(indicator, {2024: 80.0}).status is Status.NO_DATA
    assert p.progress({**HIGHER, "target_2025": None}, {2024: 80.0}).status is Status.NO_DATA


def test_a_unit_is_measured_from_its_own_baseline_year_value():
    series = {(1, None): {2020: 80.0, 2024: 88.0}, (1, 5): {2020: 70.0, 2024: 80.0}, (1, 6): {2024: 85.0}}
    assert p.progress_for(HIGHER, series, 5).percent == pytest.approx(50)  # from its own 70
    assert p.progress_for(HIGHER, series, 6).percent == pytest.approx(50)  # no 2020 value: the school's 80
    labels, names, rows = p.unit_matrix(
        [HIGHER, LOWER], [{"id": 5, "name": "Khoa A"}, {"id": 7, "name": "Khoa B"}], series
    )
    assert names == ["Tỷ lệ A"]  # only the indicator tracked per unit
    assert labels == ["Khoa A", "Khoa B"]
    assert rows[0][0] == pytest.approx(50) and rows[1][0] is None


def test_format_number_uses_a_decimal_comma_in_vietnamese():
    assert p.format_number(1234.5) == "1.234,5"
    assert p.format_number(92.0) == "92"
    assert p.format_percent(106.66) == "106,7 %"
    assert p.format_number(None) == "—"


# -- the demo data ----------------------------------------------------------------------
def test_demo_has_2_to_4_indicators_per_movement_labelled_as_sample(demo_store):
    per_movement = {}
    for ind in indicators.list_indicators(demo_store):
        per_movement.setdefault(ind["movement"], []).append(ind)
    assert len(per_movement) == 6
    assert all(2 <= len(v) <= 4 for v in per_movement.values())
    sources = {r["source"] for r in indicators.list_values(demo_store)}
    assert sources == {"Số liệu mẫu"}
    kinds = {i["direction"] for i in indicators.list_indicators(demo_store)}
    assert kinds == {"higher", "lower"}


def test_demo_values_leave_gaps_and_cover_units(demo_store):
    values = indicators.list_values(demo_store)
    series = p.series_by_scope(values)
    assert any(u is not None for (_, u) in series), "some values per unit"
    school_years = [sorted(s) for (_, u), s in series.items() if u is None]
    assert any(years != list(range(years[0], years[-1] + 1)) for years in school_years), "a missing year"
    assert {r["year"] for r in values} <= set(range(2020, 2026))


def test_demo_statuses_cover_every_case(demo_store):
    rows = p.summary_rows(indicators.list_indicators(demo_store), p.series_by_scope(indicators.list_values(demo_store)))
    assert {r["status"] for r in rows} >= {Status.ACHIEVED, Status.ON_TRACK, Status.BEHIND}
    assert any(r["percent_2025"] > 100 for r in rows), "a value past its target"


def test_demo_indicators_load_fast_in_one_transaction(tmp_path):
    """The demo is loaded by many tests: the indicators' share must stay small (measured ~20 ms
    of a ~0.7 s demo load; the rest is hashing the access codes). Generous bound for a loaded CI machine."""
    for f in demo.DEMO_DIR.iterdir():
        if f.is_file() and f.name != "indicators.json":
            shutil.copy(f, tmp_path / f.name)
    store = Store(tmp_path / "d.db")
    demo.load_demo(store, tmp_path)
    assert store.scalar("SELECT COUNT(*) FROM indicator_values") == 0
    start = time.perf_counter()
    demo.load_indicators(store, json.loads((demo.DEMO_DIR / "indicators.json").read_text(encoding="utf-8")))
    assert time.perf_counter() - start < 0.5
    assert store.scalar("SELECT COUNT(*) FROM indicator_values") > 150


def test_demo_json_is_well_formed():
    data = json.loads((demo.DEMO_DIR / "indicators.json").read_text(encoding="utf-8"))
    assert "Số liệu mẫu" in data["note"]


# -- entry ---------------------------------------------------------------------------
def _secretary(store):
    return store.query("SELECT * FROM members WHERE role = 'secretary'")[0]


def _member(store):
    return store.query("SELECT * FROM members WHERE role = 'member'")[0]


def _values(store):
    return store.query("SELECT indicator_id, unit_id, year, value, source FROM indicator_values ORDER BY id")


def test_editor_grid_round_trip_writes_only_changed_cells(demo_store):
    movement = indicators.list_movements(demo_store)[2]
    inds = indicators.list_indicators(demo_store, movement["id"])
    units = conference.list_units(demo_store)
    grid = indicators.editor_frame(inds, units, indicators.list_values(demo_store), range(2020, 2026))
    assert len(grid) == len(inds) * (len(units) + 1)
    school_key = f"{inds[0]['id']}:0"
    assert grid.at[school_key, "unit"] == "Toàn cơ quan, đơn vị"  # any institution, not only a school
    edited = grid.astype(object)  # cells as typed: text, numbers, blanks
    edited.at[school_key, "2025"] = "91,5"  # typed with a decimal comma
    edited.at[school_key, "2020"] = None  # cleared: delete
    changes = indicators.editor_changes(grid, edited, "Báo cáo năm")
    assert [(c.year, c.value) for c in changes] == [(2020, None), (2025, 91.5)]
    before = len(_values(demo_store))
    assert indicators.save_values(demo_store, _secretary(demo_store), changes) == 2
    stored = {r["year"]: r["value"] for r in indicators.list_values(demo_store, inds[0]["id"]) if r["unit_id"] is None}
    assert stored[2025] == 91.5 and 2020 not in stored
    assert len(_values(demo_store)) == before  # one added, one deleted


def test_editor_refuses_text_naming_row_and_year(demo_store):
    inds = indicators.list_indicators(demo_store)[:1]
    grid = indicators.editor_frame(inds, [], [], [2024])
    edited = grid.astype(object)  # cells as typed: text, numbers, blanks
    edited.iloc[0, 2] = "khoảng 90"
    with pytest.raises(ValidationError) as exc:
        indicators.editor_changes(grid, edited)
    assert "Toàn cơ quan, đơn vị" in str(exc.value) and "2024" in str(exc.value) and "khoảng 90" in str(exc.value)


def test_only_the_secretary_saves_values(demo_store):
    change = indicators.ValueChange(indicators.list_indicators(demo_store)[0]["id"], None, 2025, 1.0)
    before = _values(demo_store)
    with pytest.raises(PermissionDenied):
        indicators.save_values(demo_store, _member(demo_store), [change])
    with pytest.raises(PermissionDenied):
        indicators.save_values(demo_store, None, [change])
    assert _values(demo_store) == before


# -- exports ---------------------------------------------------------------------------
def test_summary_csv_has_bom_and_neutralises_formulas(demo_store):
    rows = p.summary_rows(indicators.list_indicators(demo_store), p.series_by_scope(indicators.list_values(demo_store)))
    rows[0]["indicator"] = '=HYPERLINK("x")'
    data = indicator_export.summary_csv(rows)
    assert data.startswith(b"\xef\xbb\xbf")
    text = data.decode("utf-8-sig")
    assert "'=HYPERLINK" in text
    assert "Chỉ tiêu" in text.splitlines()[0]
    assert "Đã đạt" in text


def test_summary_xlsx_keeps_numbers_numeric(demo_store):
    rows = p.summary_rows(indicators.list_indicators(demo_store), p.series_by_scope(indicators.list_values(demo_store)))
    frame = pd.read_excel(io.BytesIO(indicator_export.summary_xlsx(rows)))
    assert "Chỉ tiêu" in frame.columns
    assert pd.api.types.is_numeric_dtype(frame["Mục tiêu 2025"])
    assert len(frame) == len(rows)


# -- charts ------------------------------------------------------------------------------
def test_gauge_shows_the_raw_percent_on_a_0_100_axis_and_handles_no_data():
    from scoring import indicator_charts as charts

    items = [
        (HIGHER, p.progress(HIGHER, {2024: 95.0})),  # 150 %
        (LOWER, p.progress(LOWER, {})),  # no data
    ]
    fig = charts.gauge_figure(items)
    passed, empty = fig.data
    assert passed.value == pytest.approx(150) and list(passed.gauge.axis.range) == [0, 100]
    assert passed.gauge.bar.color == Status.ACHIEVED.colour
    assert empty.mode == "gauge" and "Chưa có số liệu" in empty.title.text


def test_gauges_sit_at_most_three_a_row_so_their_figures_stay_inside_the_arc():
    from scoring import indicator_charts as charts

    four = [({**HIGHER, "id": n, "name": f"Chỉ tiêu {n}"}, p.progress(HIGHER, {2024: 80.0})) for n in range(4)]
    fig = charts.gauge_figure(four)
    columns = {round(trace.domain.x[0], 3) for trace in fig.data}
    assert len(columns) == 3 and len({round(trace.domain.y[0], 3) for trace in fig.data}) == 2
    assert len({round(trace.domain.x[0], 3) for trace in charts.gauge_figure(four, present=True).data}) == 2


def test_trend_panels_side_by_side_label_years_at_least_two_apart():
    # Three panels in a row leave about 20 px per year: yearly labels ran together
    # ("20202021202220232024"). A panel alone in its row still labels every year.
    from scoring import indicator_charts as charts

    three = [{**HIGHER, "id": n, "name": f"Chỉ tiêu {n}", "target_2030": 95.0} for n in (1, 2, 3)]
    series = {n: {y: 80.0 + y - 2020 for y in range(2020, 2026)} for n in (1, 2, 3)}
    fig = charts.trend_figure(three, series)
    for axis in ("xaxis", "xaxis2", "xaxis3"):
        ticks = list(fig.layout[axis].tickvals)
        assert ticks[0] == 2020 and 2025 in ticks and ticks[-1] == 2030
        assert all(b - a >= 2 for a, b in itertools.pairwise(ticks)), ticks
    alone = charts.trend_figure(three[:1], series)
    assert list(alone.layout.xaxis.tickvals) == [2020, 2021, 2022, 2023, 2024, 2025, 2030]


def test_heatmap_colours_are_clamped_but_cells_show_the_raw_figure():
    from scoring import indicator_charts as charts

    fig = charts.heatmap_figure(["A", "B"], ["Tỷ lệ A"], [[126.0], [None]])
    heat = fig.data[0]
    assert list(heat.z[0]) == [100.0, None]
    assert list(heat.text[0]) == ["126 %", "—"]


def test_charts_carry_only_the_light_template_a_white_background_and_pale_grid():
    # plotly's full "plotly_white" template is ~7 KB of defaults in every figure, copied for each
    # figure when built and read again by plotly.js for each chart: the page carried 14 of them.
    from scoring import indicator_charts as charts

    three = [{**HIGHER, "id": n, "name": f"Chỉ tiêu {n}", "target_2030": 95.0} for n in (1, 2, 3)]
    series = {n: {y: 80.0 + y - 2020 for y in range(2020, 2026)} for n in (1, 2, 3)}
    figures = [
        charts.gauge_figure([(HIGHER, p.progress(HIGHER, {2024: 85.0}))]),
        charts.trend_figure(three, series),
        charts.unit_bar_figure(HIGHER, [({"id": 1, "name": "Khoa A"}, p.progress(HIGHER, {2024: 85.0}))]),
        charts.heatmap_figure(["A"], ["Tỷ lệ A"], [[50.0]]),
    ]
    for fig in figures:
        spec = json.loads(fig.to_json())
        template = spec["layout"]["template"]
        assert len(json.dumps(template)) < 1_000, len(json.dumps(template))
        assert template["layout"]["plot_bgcolor"] == template["layout"]["paper_bgcolor"] == "white"
        assert template["layout"]["xaxis"]["gridcolor"] == "#EBF0F8"
        assert len(fig.to_json()) < 8_000


def test_fingerprint_changes_exactly_when_the_rows_change():
    movements = [{"id": 1, "name": "Văn hóa công sở", "short_name": "", "position": 1}]
    values = [{"id": 1, "indicator_id": 1, "unit_id": None, "year": 2024, "value": 90.0, "source": ""}]
    before = indicators.fingerprint(movements, [HIGHER], [], values)
    assert before == indicators.fingerprint([dict(reversed(movements[0].items()))], [dict(HIGHER)], [], list(values))
    assert before != indicators.fingerprint(movements, [HIGHER], [], [{**values[0], "value": 90.5}])
    assert before != indicators.fingerprint(movements, [{**HIGHER, "target_2025": 95.0}], [], values)
    assert before != indicators.fingerprint(movements, [HIGHER], [{"id": 1, "name": "Khoa A"}], values)
    # A row is not confused with the next table's first row.
    assert indicators.fingerprint(movements, [], values) != indicators.fingerprint(movements, values, [])


def test_fingerprint_of_the_demo_follows_every_kind_of_write(demo_store):
    member = {"role": "secretary", "full_name": "Thư ký"}

    def current() -> str:
        return indicators.fingerprint(
            indicators.list_movements(demo_store),
            indicators.list_indicators(demo_store),
            conference.list_units(demo_store),
            indicators.list_values(demo_store),
        )

    seen = [current()]
    assert current() == seen[0]  # stable between reads
    first = indicators.list_indicators(demo_store)[0]
    indicators.save_values(demo_store, member, [indicators.ValueChange(first["id"], None, 2025, 12.5)])
    seen.append(current())
    indicators.update_indicator(demo_store, member, first["id"], target_2030=first["target_2030"] + 1)
    seen.append(current())
    movement = indicators.list_movements(demo_store)[0]
    indicators.update_movement(demo_store, member, movement["id"], short_name="Tên ngắn mới")
    seen.append(current())
    assert len(set(seen)) == len(seen)


def test_chart_html_is_standalone_without_internet():
    from scoring import indicator_charts as charts

    html = charts.to_html(charts.heatmap_figure(["A"], ["Tỷ lệ A"], [[50.0]]), "Mức đạt <chỉ tiêu>").decode("utf-8")
    assert "<title>Mức đạt &lt;chỉ tiêu&gt;</title>" in html
    loads_from_network = bool(re.search(r"<script[^>]*\bsrc=", html))  # a bool: a 4 MB failing diff takes ages
    assert not loads_from_network
    assert len(html) > 1_000_000  # plotly.js inlined


@pytest.mark.skipif(not Path(CHROMIUM).exists(), reason="Debian chromium is not installed")
def test_chart_png_export_with_kaleido():
    from scoring import indicator_charts as charts

    png = charts.to_png(charts.heatmap_figure(["A"], ["Tỷ lệ A"], [[50.0]]), width=600)
    assert png.startswith(b"\x89PNG\r\n\x1a\n")
