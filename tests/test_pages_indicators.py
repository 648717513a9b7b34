"""The indicators page (AppTest): charts per movement, filters, summary table, the
secretary's entry and import; the public sees it read-only."""

from __future__ import annotations

import json

from streamlit.testing.v1 import AppTest

from scoring import conference, indicators
from scoring import indicator_progress as prog
from scoring.db import open_store
from tests.apptest_helpers import APP, page_text, run_app

PAGE = "pages/indicators.py"


def charts(at) -> int:
    return len(at.get("plotly_chart"))


def summary(at):
    return at.dataframe[0].value


UNITS, SUMMARY, ENTRY, CATALOGUE_TAB = "So sánh đơn vị", "Bảng tổng hợp", "Nhập số liệu", "Danh mục"


def tab_labels(at) -> list[str]:
    return [tab.label for tab in at.tabs]


def open_tab(at, label: str):
    """Click a tab (AppTest cannot click: the tab's state is what the click sends)."""
    assert label in tab_labels(at), tab_labels(at)
    at.session_state["ind_tab"] = label
    at.run()
    assert not at.exception, at.exception
    return at


def open_tabs(at) -> list[str]:
    """The tabs that have content: only the open one runs."""
    return [tab.label for tab in at.tabs if len(tab.children)]


def movement_by(store, short_name: str) -> dict:
    return next(m for m in indicators.list_movements(store) if m["short_name"] == short_name)


def gauge_names(at) -> set[str]:
    """The indicator names the page's gauges show (bold, wrapped), from the plotly spec the browser receives."""
    return {
        trace["title"]["text"].split("</b>")[0].removeprefix("<b>").replace("<br>", " ")
        for chart in at.get("plotly_chart")
        for trace in json.loads(chart.proto.spec)["data"]
        if trace.get("type") == "indicator"
    }


def test_public_page_opens_on_the_first_movement_and_has_a_tab_per_movement(app_env):
    at = run_app(app_env, page=PAGE)
    assert not at.exception, at.exception
    store = open_store(app_env)
    movements = indicators.list_movements(store)
    assert tab_labels(at) == [m["short_name"] for m in movements] + [UNITS, SUMMARY]
    first = movements[0]
    assert open_tabs(at) == [first["short_name"]]
    assert charts(at) == 2  # its gauges and its trend, not the 14 charts of every movement
    assert [h.value for h in at.header] == [first["short_name"]]
    text = page_text(at)
    assert first["name"] in text
    own = indicators.list_indicators(store, first["id"])
    assert f"{len(own)} chỉ tiêu:" in text
    assert "Số liệu mẫu" in text
    # Read-only for the public: no entry grid, no import, no secretary's tabs.
    assert ENTRY not in tab_labels(at) and "Nhập, sửa số liệu" not in text
    assert not at.get("file_uploader")


def test_each_movement_tab_shows_its_own_gauges_and_trend(app_env):
    at = run_app(app_env, page=PAGE)
    store = open_store(app_env)
    for movement in indicators.list_movements(store):
        open_tab(at, movement["short_name"])
        assert open_tabs(at) == [movement["short_name"]]
        assert [h.value for h in at.header] == [movement["short_name"]]
        assert charts(at) == 2
        assert gauge_names(at) == {i["name"] for i in indicators.list_indicators(store, movement["id"])}
        assert len(at.get("download_button")) == 2  # HTML of the gauge and of the trend
    assert not at.dataframe  # the summary table runs only in its tab


def test_summary_tab_shows_every_indicator_and_its_exports(app_env):
    at = open_tab(run_app(app_env, page=PAGE), SUMMARY)
    store = open_store(app_env)
    assert open_tabs(at) == [SUMMARY]
    assert charts(at) == 0
    table = summary(at)
    assert len(table) == len(indicators.list_indicators(store)) == 18
    assert list(table.columns)[:5] == ["Phong trào", "Chỉ tiêu", "Đơn vị tính", "Giá trị gốc", "Mới nhất"]
    row = table[table["Chỉ tiêu"] == "Tỷ lệ văn bản được xử lý trên môi trường điện tử"].iloc[0]
    assert row["Mới nhất"] == "93 (2025)"
    assert row["% đạt mục tiêu 2025"] == "106,7 %"  # past the target: raw figure, decimal comma
    assert row["Trạng thái"] == "Đã đạt"
    names = [b.proto.label for b in at.get("download_button")]
    assert names == ["Tải bảng tổng hợp (.xlsx)", "Tải bảng tổng hợp (.csv)"]
    assert "Cách tính: % đạt" in page_text(at)


def test_units_tab_compares_units_for_every_movement_or_one(app_env):
    at = open_tab(run_app(app_env, page=PAGE), UNITS)
    store = open_store(app_env)
    assert open_tabs(at) == [UNITS]
    assert charts(at) == 2  # the bar chart of one indicator, the heatmap
    assert "So sánh giữa các đơn vị" in [h.value for h in at.header]
    everywhere = len(at.selectbox(key="ind_compare").options)
    at.selectbox(key="ind_movement").set_value(movement_by(store, "Văn hóa công sở")["id"]).run()
    assert charts(at) == 2
    assert 0 < len(at.selectbox(key="ind_compare").options) < everywhere
    # Its indicators are tracked for the whole school only: no unit comparison charts.
    at.selectbox(key="ind_movement").set_value(movement_by(store, "Vì người nghèo")["id"]).run()
    assert charts(at) == 0
    assert "chưa có số liệu theo đơn vị" in page_text(at)


def test_movement_filter_of_the_summary_is_kept_while_another_tab_is_open(app_env):
    at = open_tab(run_app(app_env, page=PAGE), SUMMARY)
    store = open_store(app_env)
    at.selectbox(key="ind_movement").set_value(movement_by(store, "Văn hóa công sở")["id"]).run()
    assert set(summary(at)["Phong trào"]) == {"Văn hóa công sở"} and len(summary(at)) == 4
    open_tab(at, "Xóa nhà tạm")
    assert not at.dataframe
    open_tab(at, SUMMARY)
    assert set(summary(at)["Phong trào"]) == {"Văn hóa công sở"} and len(summary(at)) == 4


def test_open_tab_is_kept_across_reruns_and_a_change_of_language(app_env):
    at = open_tab(run_app(app_env, page=PAGE), UNITS)
    at.radio(key="ind_target").set_value(2030).run()
    assert open_tabs(at) == [UNITS] and charts(at) == 2
    at.selectbox(key="lang_select").set_value("en").run()  # the sidebar's language box
    assert not at.exception, at.exception
    assert "Units compared" in tab_labels(at)
    assert open_tabs(at) == ["Units compared"]  # the same tab, under its English name


def test_unit_filter_shows_that_units_figures(app_env):
    at = open_tab(run_app(app_env, page=PAGE), SUMMARY)
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
    at = open_tab(run_app(app_env, page=PAGE), SUMMARY)
    at.selectbox(key="ind_year").set_value(2022).run()
    assert not at.exception
    table = summary(at)
    years = [int(v.split("(")[1].rstrip(")")) for v in table["Mới nhất"] if "(" in v]
    assert years and max(years) <= 2022
    # Xóa nhà tạm starts in 2024: nothing to show up to 2022.
    nha_tam = table[table["Phong trào"] == "Xóa nhà tạm"]
    assert set(nha_tam["Trạng thái"]) == {"Chưa có số liệu"}


def test_target_2030_switches_the_status(app_env):
    at = open_tab(run_app(app_env, page=PAGE), SUMMARY)
    before = summary(at).set_index("Chỉ tiêu")["Trạng thái"]
    at.radio(key="ind_target").set_value(2030).run()
    assert not at.exception
    assert "so với mục tiêu 2030" in page_text(at)
    after = summary(at).set_index("Chỉ tiêu")["Trạng thái"]
    # 95 % by 2024 of the 2025 target is achieved; of the 2030 target it is not.
    assert before["Số lớp đào tạo, bồi dưỡng đã mở"] == "Đã đạt"
    assert after["Số lớp đào tạo, bồi dưỡng đã mở"] != "Đã đạt"


def test_presentation_mode_hides_downloads_keeps_the_tab_and_is_kept_in_the_url(app_env):
    at = open_tab(run_app(app_env, page=PAGE), UNITS)
    assert at.get("download_button")
    at.toggle(key="ind_present").set_value(True).run()
    assert not at.exception
    assert not at.get("download_button")
    assert open_tabs(at) == [UNITS] and charts(at) == 2
    assert at.query_params.get("present") in ("1", ["1"])
    open_tab(at, SUMMARY)
    assert len(summary(at)) == 18 and not at.get("download_button")


def test_presentation_bookmark_opens_in_presentation_mode(app_env):
    at = AppTest.from_file(str(APP), default_timeout=30)
    at.query_params["present"] = "1"
    at.run()
    at.switch_page(PAGE).run()
    assert not at.exception, at.exception
    assert at.toggle(key="ind_present").value is True
    assert charts(at) == 2 and not at.get("download_button")


def test_secretary_enters_figures_in_their_tab_and_imports_a_file(app_env, demo_codes):
    at = run_app(app_env, code=demo_codes["secretary"], page=PAGE)
    assert not at.exception
    assert tab_labels(at)[-4:] == [UNITS, SUMMARY, ENTRY, CATALOGUE_TAB]
    assert "Nhập, sửa số liệu" not in page_text(at) and not at.data_editor  # only in its tab
    open_tab(at, "Văn hóa công sở")
    open_tab(at, ENTRY)
    assert "Nhập, sửa số liệu (Thư ký Hội đồng)" in page_text(at)
    assert charts(at) == 0
    # The grid opens on the movement last looked at.
    store = open_store(app_env)
    assert at.selectbox(key="ind_entry_movement").value == movement_by(store, "Văn hóa công sở")["id"]
    assert len(at.data_editor) == 1
    data = "Phong trào;Chỉ tiêu;Đơn vị;Năm;Giá trị\nVăn hóa công sở;Tỷ lệ văn bản đi được ký số;;2025;82\n"
    at.get("file_uploader")[0].set_value(("so-lieu.csv", data.encode("utf-8-sig"), "text/csv")).run()
    at.button(key="ind_import_run").click().run()
    assert not at.exception
    assert "Đã nhập 1 số liệu từ tệp “so-lieu.csv”." in page_text(at)
    assert open_tabs(at) == [ENTRY]  # still there after the import's rerun
    open_tab(at, SUMMARY)
    table = summary(at)
    signed = table[table["Chỉ tiêu"] == "Tỷ lệ văn bản đi được ký số"].iloc[0]
    assert signed["Mới nhất"] == "82 (2025)"
    assert signed["Trạng thái"] == "Đã đạt"


def test_presentation_mode_hides_the_secretarys_tabs(app_env, demo_codes):
    at = open_tab(run_app(app_env, code=demo_codes["secretary"], page=PAGE), ENTRY)
    at.toggle(key="ind_present").set_value(True).run()
    assert not at.exception, at.exception
    assert ENTRY not in tab_labels(at) and CATALOGUE_TAB not in tab_labels(at)
    assert open_tabs(at) == [tab_labels(at)[0]] and charts(at) == 2  # back on the first movement
    assert not at.get("file_uploader")


def test_secretary_bad_import_shows_row_and_column_and_changes_nothing(app_env, demo_codes):
    at = open_tab(run_app(app_env, code=demo_codes["secretary"], page=PAGE), ENTRY)
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
    assert charts(at) == 2
    assert ENTRY not in tab_labels(at) and CATALOGUE_TAB not in tab_labels(at)
    assert "Nhập, sửa số liệu" not in page_text(at)
    assert not at.get("file_uploader")


# -- the catalogue of movements and indicators (secretary) -------------------------------------------
CATALOGUE = "Danh mục phong trào và chỉ tiêu"


def _open_catalogue(app_env, demo_codes, short_name: str):
    at = open_tab(run_app(app_env, code=demo_codes["secretary"], page=PAGE), CATALOGUE_TAB)
    movement = movement_by(open_store(app_env), short_name)
    at.selectbox(key="ind_def_movement").set_value(movement["id"]).run()
    assert not at.exception, at.exception
    return at, movement


def _edit_catalogue(at, movement_id: int, added=(), deleted=(), edited=None) -> None:
    at.session_state[f"ind_def_editor_{movement_id}_0"] = {
        "edited_rows": edited or {},
        "added_rows": list(added),
        "deleted_rows": list(deleted),
    }
    at.run()
    at.button(key=f"FormSubmitter:ind_def_form_{movement_id}_0-Lưu danh mục chỉ tiêu").click().run()
    assert not at.exception, at.exception


def test_secretary_adds_an_indicator_in_the_catalogue_and_it_appears_on_the_dashboard(app_env, demo_codes):
    at, movement = _open_catalogue(app_env, demo_codes, "Văn hóa công sở")
    assert CATALOGUE in page_text(at)
    editor = at.data_editor[-1].value
    assert len(editor) == 4
    assert set(editor["direction"]) <= {"Càng cao càng tốt", "Càng thấp càng tốt"}
    new = {
        "name": "Tỷ lệ cuộc họp trực tuyến",
        "unit_of_measure": "%",
        "direction": "Càng cao càng tốt",
        "baseline_year": 2020,
        "baseline": 20,
        "target_2025": 60,
        "target_2030": 80,
    }
    _edit_catalogue(at, movement["id"], added=[new])
    assert "Đã lưu danh mục chỉ tiêu: thêm 1, sửa 0, xóa 0 chỉ tiêu." in [s.value for s in at.success]
    assert open_tabs(at) == [CATALOGUE_TAB]  # the save's rerun stays in the catalogue
    open_tab(at, "Văn hóa công sở")
    assert "Tỷ lệ cuộc họp trực tuyến" in gauge_names(at)
    table = summary(open_tab(at, SUMMARY))
    row = table[table["Chỉ tiêu"] == "Tỷ lệ cuộc họp trực tuyến"].iloc[0]
    assert (row["Phong trào"], row["Đơn vị tính"], row["Giá trị gốc"]) == ("Văn hóa công sở", "%", "20 (2020)")
    assert (row["Mục tiêu 2025"], row["Trạng thái"]) == ("60", "Chưa có số liệu")


def test_catalogue_errors_name_the_row_and_change_nothing(app_env, demo_codes):
    at, movement = _open_catalogue(app_env, demo_codes, "Văn hóa công sở")
    store = open_store(app_env)
    before = store.query("SELECT * FROM indicators ORDER BY id")
    twin = {"name": "TỶ LỆ VĂN BẢN ĐI ĐƯỢC KÝ SỐ", "direction": "Càng cao càng tốt", "baseline_year": 2020}
    _edit_catalogue(at, movement["id"], added=[twin], edited={0: {"baseline_year": 1800}})
    errors = [e.value for e in at.error]
    assert len(errors) == 1 and errors[0].startswith("Chưa lưu danh mục chỉ tiêu: có 2 lỗi"), errors
    assert "Dòng 1 (“" in errors[0] and "Năm gốc phải từ 1990 đến 2100 (đang là 1800)" in errors[0]
    assert "Dòng 5 (“TỶ LỆ VĂN BẢN ĐI ĐƯỢC KÝ SỐ”): trùng tên với dòng" in errors[0]
    assert store.query("SELECT * FROM indicators ORDER BY id") == before


def test_deleting_an_indicator_with_values_asks_how_many_then_deletes(app_env, demo_codes):
    at, movement = _open_catalogue(app_env, demo_codes, "Văn hóa công sở")
    store = open_store(app_env)
    first = indicators.list_indicators(store, movement["id"])[0]
    count = indicators.count_values(store, indicator_id=first["id"])
    _edit_catalogue(at, movement["id"], deleted=[0])
    warnings = [w.value for w in at.warning]
    assert any(f"Chỉ tiêu bị xóa “{first['name']}” có {count} số liệu theo năm: chưa lưu gì." in w for w in warnings)
    assert indicators.count_values(store, indicator_id=first["id"]) == count  # nothing deleted yet
    confirm = next(c for c in at.checkbox if c.label.startswith("Tôi đồng ý xóa cả"))
    assert confirm.label == f"Tôi đồng ý xóa cả {count} số liệu theo năm của các chỉ tiêu bị xóa"
    confirm.check()
    at.button(key=f"FormSubmitter:ind_def_form_{movement['id']}_0-Lưu danh mục chỉ tiêu").click().run()
    assert not at.exception, at.exception
    assert f"Đã lưu danh mục chỉ tiêu: thêm 0, sửa 0, xóa 1 chỉ tiêu. Đã xóa {count} số liệu theo năm." in [
        s.value for s in at.success
    ]
    assert first["name"] not in set(summary(open_tab(at, SUMMARY))["Chỉ tiêu"])


def _expander(at, label: str):
    return next(e for e in at.expander if e.label == label)


def test_secretary_adds_renames_and_deletes_a_movement(app_env, demo_codes):
    at = open_tab(run_app(app_env, code=demo_codes["secretary"], page=PAGE), CATALOGUE_TAB)
    adding = _expander(at, "Thêm phong trào")
    adding.text_input[0].input("Thi đua dạy tốt, học tốt")
    adding.text_input[1].input("Dạy tốt")
    adding.button[0].click().run()
    assert not at.exception, at.exception
    assert "Đã thêm phong trào “Thi đua dạy tốt, học tốt”." in [s.value for s in at.success]
    assert "Dạy tốt" in tab_labels(at)  # a new tab of the dashboard, empty for now
    assert open_tabs(at) == [CATALOGUE_TAB]
    assert "Chỉ tiêu của phong trào “Thi đua dạy tốt, học tốt”" in [h.value for h in at.subheader]  # chosen
    open_tab(at, "Dạy tốt")
    assert "Phong trào này chưa có chỉ tiêu nào." in [i.value for i in at.info] and charts(at) == 0
    open_tab(at, CATALOGUE_TAB)  # the movement is still the one chosen
    editing = _expander(at, "Sửa, xóa phong trào “Dạy tốt”")
    editing.text_input[1].input("Dạy và học tốt")
    editing.button[0].click().run()
    assert not at.exception, at.exception
    assert "Đã lưu phong trào “Thi đua dạy tốt, học tốt”." in [s.value for s in at.success]
    assert "Dạy và học tốt" in tab_labels(at) and "Dạy tốt" not in tab_labels(at)
    assert open_tabs(at) == [CATALOGUE_TAB]
    store = open_store(app_env)
    new_id = next(m["id"] for m in indicators.list_movements(store) if m["short_name"] == "Dạy và học tốt")
    at.button(key=f"ind_def_delete_{new_id}_2").click().run()
    assert not at.exception, at.exception
    assert "Đã xóa phong trào “Thi đua dạy tốt, học tốt” (0 số liệu theo năm)." in [s.value for s in at.success]
    assert "Dạy và học tốt" not in tab_labels(at)


def test_deleting_a_movement_with_values_needs_the_confirmation(app_env, demo_codes):
    at, movement = _open_catalogue(app_env, demo_codes, "Xóa nhà tạm")
    store = open_store(app_env)
    count = indicators.count_values(store, movement_id=movement["id"])
    assert f"Phong trào này có 2 chỉ tiêu và {count} số liệu theo năm." in page_text(at)
    at.button(key=f"ind_def_delete_{movement['id']}_0").click().run()
    assert any(f"có {count} số liệu theo năm của các chỉ tiêu" in e.value for e in at.error)
    assert "Xóa nhà tạm" in tab_labels(at)
    at.checkbox(key=f"ind_def_delete_ok_{movement['id']}_0").check().run()
    at.button(key=f"ind_def_delete_{movement['id']}_0").click().run()
    assert not at.exception, at.exception
    assert "Xóa nhà tạm" not in tab_labels(at)
    assert "Xóa nhà tạm" not in set(summary(open_tab(at, SUMMARY))["Phong trào"])


def test_public_and_members_do_not_see_the_catalogue(app_env, demo_codes):
    for code in (None, demo_codes["member"]):
        at = run_app(app_env, code=code, page=PAGE)
        assert not at.exception
        assert CATALOGUE not in page_text(at) and CATALOGUE_TAB not in tab_labels(at)
        assert not [s for s in at.selectbox if s.key == "ind_def_movement"]
        assert not at.data_editor


# -- charts are cached by the data they are drawn from ---------------------------------------------------
def _gauge_value(at, indicator_name: str) -> float:
    """The number a gauge shows for an indicator, from the plotly spec the browser receives."""
    for chart in at.get("plotly_chart"):
        for trace in json.loads(chart.proto.spec)["data"]:
            if trace.get("type") == "indicator" and indicator_name in trace["title"]["text"].replace("<br>", " "):
                return trace["value"]
    raise AssertionError(f"no gauge for {indicator_name}")


def test_cached_charts_follow_a_new_value_entered_in_another_session(app_env, demo_codes):
    signed = "Tỷ lệ văn bản đi được ký số"
    guest = open_tab(run_app(app_env, page=PAGE), "Văn hóa công sở")
    before = _gauge_value(guest, signed)
    other = open_tab(run_app(app_env, page=PAGE), "Văn hóa công sở")
    assert _gauge_value(other, signed) == before  # another browser tab: the same chart
    secretary = open_tab(run_app(app_env, code=demo_codes["secretary"], page=PAGE), ENTRY)
    data = f"Phong trào;Chỉ tiêu;Đơn vị;Năm;Giá trị\nVăn hóa công sở;{signed};;2025;82\n"
    secretary.get("file_uploader")[0].set_value(("so-lieu.csv", data.encode("utf-8-sig"), "text/csv")).run()
    secretary.button(key="ind_import_run").click().run()
    assert not secretary.exception
    guest.run()  # the guest's next rerun draws from the new figure, not the cached one
    after = _gauge_value(guest, signed)
    assert after != before
    assert charts(guest) == 2
    open_tab(guest, SUMMARY)
    row = summary(guest)[summary(guest)["Chỉ tiêu"] == signed].iloc[0]
    assert row["% đạt mục tiêu 2025"] == prog.format_percent(round(after, 1))
