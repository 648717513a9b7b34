"""The indicators page (AppTest): charts per movement, filters, summary table, the
secretary's entry and import; the public sees it read-only."""

from __future__ import annotations

from scoring import conference, indicators
from scoring import indicator_progress as prog
from scoring.db import open_store
from tests.apptest_helpers import page_text, run_app

PAGE = "pages/indicators.py"


def charts(at) -> int:
    return len(at.get("plotly_chart"))


def summary(at):
    return at.dataframe[0].value


def expected_charts(store, movement_id: int | None = None) -> int:
    """Gauges and trend per movement with indicators, plus bar and heatmap when any is tracked per unit."""
    inds = [i for i in indicators.list_indicators(store) if movement_id in (None, i["movement_id"])]
    series = prog.series_by_scope(indicators.list_values(store))
    tracked = any(prog.has_unit_values(i["id"], series) for i in inds)
    return 2 * len({i["movement_id"] for i in inds}) + (2 if tracked else 0)


def test_public_page_shows_every_movement_chart_and_the_summary(app_env):
    at = run_app(app_env, page=PAGE)
    assert not at.exception, at.exception
    store = open_store(app_env)
    assert charts(at) == expected_charts(store) == 14
    text = page_text(at)
    for movement in indicators.list_movements(store):
        assert movement["name"] in text
    table = summary(at)
    assert len(table) == len(indicators.list_indicators(store))
    assert list(table.columns)[:5] == ["Phong trào", "Chỉ tiêu", "Đơn vị tính", "Giá trị gốc", "Mới nhất"]
    row = table[table["Chỉ tiêu"] == "Tỷ lệ văn bản được xử lý trên môi trường điện tử"].iloc[0]
    assert row["Mới nhất"] == "93 (2025)"
    assert row["% đạt mục tiêu 2025"] == "106,7 %"  # past the target: raw figure, decimal comma
    assert row["Trạng thái"] == "Đã đạt"
    assert "Số liệu mẫu" in text
    # Read-only for the public: no entry grid, no import.
    assert "Nhập, sửa số liệu" not in text
    assert len(at.dataframe) == 1
    assert not at.get("file_uploader")


def test_movement_filter_shows_only_that_movement(app_env):
    at = run_app(app_env, page=PAGE)
    store = open_store(app_env)
    movement = next(m for m in indicators.list_movements(store) if m["short_name"] == "Văn hóa công sở")
    at.selectbox(key="ind_movement").set_value(movement["id"]).run()
    assert not at.exception
    assert charts(at) == expected_charts(store, movement["id"]) == 4
    assert set(summary(at)["Phong trào"]) == {"Văn hóa công sở"}
    assert len(summary(at)) == 4
    other = next(m for m in indicators.list_movements(store) if m["short_name"] == "Vì người nghèo")
    at.selectbox(key="ind_movement").set_value(other["id"]).run()
    # Its indicators are tracked for the whole school only: no unit comparison charts.
    assert charts(at) == expected_charts(store, other["id"]) == 2
    assert "chưa có số liệu theo đơn vị" in page_text(at)


def test_unit_filter_shows_that_units_figures(app_env):
    at = run_app(app_env, page=PAGE)
    store = open_store(app_env)
    unit = next(u for u in conference.list_units(store) if u["name"] == "Khoa Dân vận")
    at.selectbox(key="ind_unit").set_value(unit["id"]).run()
    assert not at.exception
    assert "Phạm vi: Khoa Dân vận" in page_text(at)
    table = summary(at)
    hours = table[table["Chỉ tiêu"] == "Số giờ bồi dưỡng bình quân mỗi viên chức trong năm"].iloc[0]
    stored = {
        r["year"]: r["value"]
        for r in indicators.list_values(store)
        if r["unit_id"] == unit["id"] and r["indicator_id"] == hours_id(store)
    }
    latest_year = max(stored)
    assert hours["Mới nhất"] == f"{prog.format_number(stored[latest_year])} ({latest_year})"
    # A school-only indicator has no figure for the unit.
    signed = table[table["Chỉ tiêu"] == "Tỷ lệ văn bản đi được ký số"].iloc[0]
    assert signed["Trạng thái"] == "Chưa có số liệu"


def hours_id(store) -> int:
    return store.scalar("SELECT id FROM indicators WHERE name LIKE 'Số giờ bồi dưỡng%'")


def test_year_filter_uses_the_latest_value_up_to_that_year(app_env):
    at = run_app(app_env, page=PAGE)
    at.selectbox(key="ind_year").set_value(2022).run()
    assert not at.exception
    table = summary(at)
    years = [int(v.split("(")[1].rstrip(")")) for v in table["Mới nhất"] if "(" in v]
    assert years and max(years) <= 2022
    # Xóa nhà tạm starts in 2024: nothing to show up to 2022.
    nha_tam = table[table["Phong trào"] == "Xóa nhà tạm"]
    assert set(nha_tam["Trạng thái"]) == {"Chưa có số liệu"}


def test_target_2030_switches_the_status(app_env):
    at = run_app(app_env, page=PAGE)
    before = summary(at).set_index("Chỉ tiêu")["Trạng thái"]
    at.radio(key="ind_target").set_value(2030).run()
    assert not at.exception
    assert "so với mục tiêu 2030" in page_text(at)
    after = summary(at).set_index("Chỉ tiêu")["Trạng thái"]
    # 95 % by 2024 of the 2025 target is achieved; of the 2030 target it is not.
    assert before["Số lớp đào tạo, bồi dưỡng đã mở"] == "Đã đạt"
    assert after["Số lớp đào tạo, bồi dưỡng đã mở"] != "Đã đạt"


def test_presentation_mode_hides_downloads_and_is_kept_in_the_url(app_env):
    at = run_app(app_env, page=PAGE)
    assert at.get("download_button")
    at.toggle(key="ind_present").set_value(True).run()
    assert not at.exception
    assert not at.get("download_button")
    assert charts(at) == 14
    assert at.query_params.get("present") in ("1", ["1"])


def test_secretary_sees_the_entry_grid_and_imports_a_file(app_env, demo_codes):
    at = run_app(app_env, code=demo_codes["secretary"], page=PAGE)
    assert not at.exception
    assert "Nhập, sửa số liệu (Thư ký Hội đồng)" in page_text(at)
    assert len(at.dataframe) == 2  # summary + entry grid
    data = "Phong trào;Chỉ tiêu;Đơn vị;Năm;Giá trị\nVăn hóa công sở;Tỷ lệ văn bản đi được ký số;;2025;82\n"
    at.get("file_uploader")[0].set_value(("so-lieu.csv", data.encode("utf-8-sig"), "text/csv")).run()
    at.button(key="ind_import_run").click().run()
    assert not at.exception
    assert "Đã nhập 1 số liệu từ tệp “so-lieu.csv”." in page_text(at)
    table = summary(at)
    signed = table[table["Chỉ tiêu"] == "Tỷ lệ văn bản đi được ký số"].iloc[0]
    assert signed["Mới nhất"] == "82 (2025)"
    assert signed["Trạng thái"] == "Đã đạt"


def test_secretary_bad_import_shows_row_and_column_and_changes_nothing(app_env, demo_codes):
    at = run_app(app_env, code=demo_codes["secretary"], page=PAGE)
    store = open_store(app_env)
    before = store.query("SELECT * FROM indicator_values ORDER BY id")
    data = "Chỉ tiêu;Năm;Giá trị\nTỷ lệ văn bản đi được ký số;2025;82\nTỷ lệ văn bản đi được ký số;hai nghìn;82\n"
    at.get("file_uploader")[0].set_value(("so-lieu.csv", data.encode("utf-8"), "text/csv")).run()
    at.button(key="ind_import_run").click().run()
    errors = [e.value for e in at.error]
    assert any("Dòng 3, cột “Năm”: năm “hai nghìn” không phải là số nguyên" in e for e in errors), errors
    assert store.query("SELECT * FROM indicator_values ORDER BY id") == before


def test_a_council_member_sees_the_dashboard_read_only(app_env, demo_codes):
    at = run_app(app_env, code=demo_codes["member"], page=PAGE)
    assert not at.exception
    assert charts(at) == 14
    assert "Nhập, sửa số liệu" not in page_text(at)
    assert not at.get("file_uploader")
