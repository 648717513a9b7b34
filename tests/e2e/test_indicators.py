"""The indicators dashboard in real Chromium on the demo data: each tab's charts drawn, only the open tab's."""

from __future__ import annotations

from urllib.parse import parse_qs, urlparse

from scoring import indicators
from scoring.db import Store
from tests.e2e.conftest import login, no_exception, open_page, wait_idle

PLOTLY = '[data-testid="stPlotlyChart"] .js-plotly-plot'


def movement_tabs(db_path) -> list[str]:
    store = Store(db_path)
    try:
        return [m["short_name"] or m["name"] for m in indicators.list_movements(store)]
    finally:
        store.close()


DRAWN_JS = (
    "() => Array.from(document.querySelectorAll('" + PLOTLY + "'))"
    ".filter(el => el.querySelector('svg.main-svg') && el.getBoundingClientRect().height > 50).length"
)


def drawn_charts(page, expected: int) -> int:
    """Charts plotly has actually drawn (an SVG of real height inside each), once `expected` are there."""
    page.wait_for_function(f"n => ({DRAWN_JS})() >= n", arg=expected, timeout=60_000)
    return page.evaluate(DRAWN_JS)


def open_tab(page, label: str) -> None:
    page.get_by_role("tab", name=label, exact=True).click()
    wait_idle(page)
    no_exception(page)
    assert selected_tab(page) == label


def selected_tab(page) -> str:
    return page.locator('[role="tab"][aria-selected="true"]').inner_text().strip()


def test_dashboard_opens_on_one_movement_and_draws_each_tab(server, context):
    movements = movement_tabs(server.db_path)
    page = context.new_page()
    errors: list[str] = []
    page.on("pageerror", lambda exc: errors.append(str(exc)))
    open_page(page, server.url)  # the app's root first, so app.py's navigation (wide layout, sidebar) is set up
    open_page(page, f"{server.url}/indicators")
    no_exception(page)
    tabs = [t.strip() for t in page.get_by_role("tab").all_inner_texts()]
    assert tabs == [*movements, "So sánh đơn vị", "Bảng tổng hợp"]
    assert selected_tab(page) == movements[0]
    # The first movement's gauges and trend only: not the 14 charts of every movement at once.
    assert drawn_charts(page, 2) == 2
    assert page.locator('[data-testid="stPlotlyChart"]').count() == 2
    assert "Chỉ tiêu phong trào thi đua 2020-2025" in page.inner_text("body")

    open_tab(page, "Văn hóa công sở")
    assert drawn_charts(page, 2) == 2 and page.locator('[data-testid="stPlotlyChart"]').count() == 2
    # The gauges carry the indicator names and the raw % (decimal comma).
    assert page.locator(PLOTLY).filter(has_text="106,7").count() >= 1

    open_tab(page, "So sánh đơn vị")
    assert drawn_charts(page, 2) == 2  # the bar chart of one indicator and the heatmap
    assert page.locator('[data-testid="stPlotlyChart"]').count() == 2

    open_tab(page, "Bảng tổng hợp")
    page.locator('[data-testid="stDataFrame"]').first.wait_for(timeout=20_000)
    assert page.locator('[data-testid="stPlotlyChart"]').count() == 0
    assert page.get_by_role("button", name="Tải bảng tổng hợp (.xlsx)").count() == 1
    # A filter's rerun stays on the tab.
    page.get_by_text("2030", exact=True).click()
    wait_idle(page)
    assert selected_tab(page) == "Bảng tổng hợp"
    assert "trạng thái so với mục tiêu 2030" in page.inner_text("body")
    assert not errors, errors


def test_presentation_mode_from_the_bookmark_keeps_the_tab(server, context):
    page = context.new_page()
    page.set_viewport_size({"width": 1366, "height": 768})  # a hall's projector
    open_page(page, server.url)
    # Presentation mode from the URL, as a projector bookmark would open it: large type, no downloads.
    open_page(page, f"{server.url}/indicators?present=1")
    no_exception(page)
    assert drawn_charts(page, 2) == 2
    assert page.locator('[data-testid="stDownloadButton"]').count() == 0
    assert page.evaluate("getComputedStyle(document.documentElement).fontSize") == "22px"
    # Every tab in sight (on two lines), none scrolled off to the right of the tab bar.
    bar = page.get_by_role("tablist").bounding_box()
    for box in (tab.bounding_box() for tab in page.get_by_role("tab").all()):
        assert bar["x"] <= box["x"] and box["x"] + box["width"] <= bar["x"] + bar["width"] + 1, (bar, box)
    open_tab(page, "So sánh đơn vị")
    assert drawn_charts(page, 2) == 2
    assert page.locator('[data-testid="stDownloadButton"]').count() == 0
    assert "present=1" in page.url
    # Leaving presentation mode (the switch in the collapsed filters) keeps the tab, and brings the downloads back.
    page.get_by_text("Bộ lọc", exact=True).click()
    page.get_by_text("Chế độ trình chiếu", exact=True).click()
    wait_idle(page)
    no_exception(page)
    assert selected_tab(page) == "So sánh đơn vị"
    assert page.locator('[data-testid="stDownloadButton"]').count() >= 2
    assert "present=1" not in page.url


def test_secretary_sees_the_entry_grid_and_makes_a_png(server, context):
    page = context.new_page()
    open_page(page, server.url)  # the app's root first, as test_smoke does, so app.py's navigation is set up
    login(page, server.url, "thuky2025")
    token = parse_qs(urlparse(page.url).query)["s"][0]
    open_page(page, f"{server.url}/indicators?s={token}")
    no_exception(page)
    assert "Nhập, sửa số liệu (Thư ký Hội đồng)" not in page.inner_text("body")
    open_tab(page, "Nhập số liệu")
    assert "Nhập, sửa số liệu (Thư ký Hội đồng)" in page.inner_text("body")
    grids = page.locator('[data-testid="stDataFrame"]')
    grids.first.wait_for(timeout=20_000)  # the grid draws after the script run ends
    assert grids.count() == 1  # the entry grid alone: the summary table is in its own tab
    open_tab(page, "Văn hóa công sở")
    # PNG export runs kaleido + Chromium inside the server's script thread, on demand only.
    assert page.get_by_role("button", name="Tải PNG").count() == 0
    page.get_by_role("button", name="Tạo ảnh PNG").first.click()
    wait_idle(page, timeout=60_000)
    no_exception(page)
    assert page.get_by_role("button", name="Tải PNG").count() == 1
    with page.expect_download(timeout=30_000) as download:
        page.get_by_role("button", name="Tải PNG").click()
    path = download.value.path()
    assert download.value.suggested_filename.endswith(".png")
    with open(path, "rb") as f:
        assert f.read(8) == b"\x89PNG\r\n\x1a\n"


def test_secretary_adds_a_movement_and_it_becomes_a_tab(server, context):
    """The catalogue tab in a real browser: the add-movement form, its message, and
    the new movement's tab, while the catalogue stays open."""
    page = context.new_page()
    open_page(page, server.url)
    login(page, server.url, "thuky2025")
    token = parse_qs(urlparse(page.url).query)["s"][0]
    open_page(page, f"{server.url}/indicators?s={token}")
    open_tab(page, "Danh mục")
    page.get_by_text("Thêm phong trào", exact=True).first.click()  # the expander
    page.get_by_label("Tên phong trào").fill("Phong trào Thi đua chuyển đổi số")
    page.get_by_label("Tên ngắn").fill("Chuyển đổi số")
    # Streamlit's English "Press Enter to submit form" under the box being typed in stays hidden.
    assert page.locator('[data-testid="InputInstructions"]').count() >= 1
    assert not page.get_by_text("Press Enter").is_visible()
    page.get_by_role("button", name="Thêm phong trào").click()
    page.get_by_text("Đã thêm phong trào “Phong trào Thi đua chuyển đổi số”.").wait_for(timeout=30_000)
    wait_idle(page)
    no_exception(page)
    store = Store(server.db_path)
    try:
        assert [m["name"] for m in indicators.list_movements(store)][-1] == "Phong trào Thi đua chuyển đổi số"
    finally:
        store.close()
    assert selected_tab(page) == "Danh mục"
    page.get_by_role("tab", name="Chuyển đổi số", exact=True).wait_for(timeout=10_000)
    open_tab(page, "Chuyển đổi số")
    assert "Phong trào này chưa có chỉ tiêu nào." in page.inner_text("body")
