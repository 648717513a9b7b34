"""The indicators dashboard in real Chromium on the demo data: every chart drawn."""

from __future__ import annotations

from urllib.parse import parse_qs, urlparse

from scoring import indicator_progress as prog
from scoring import indicators
from scoring.db import Store
from tests.e2e.conftest import login, no_exception, open_page, wait_idle

PLOTLY = '[data-testid="stPlotlyChart"] .js-plotly-plot'


def expected_charts(db_path) -> int:
    """Gauges and trend per movement with indicators, plus the unit bar chart and heatmap."""
    store = Store(db_path)
    try:
        inds = indicators.list_indicators(store)
        series = prog.series_by_scope(indicators.list_values(store))
        tracked = any(prog.has_unit_values(i["id"], series) for i in inds)
        return 2 * len({i["movement_id"] for i in inds}) + (2 if tracked else 0)
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


def test_dashboard_draws_every_chart(server, context):
    expected = expected_charts(server.db_path)
    assert expected == 14
    page = context.new_page()
    errors: list[str] = []
    page.on("pageerror", lambda exc: errors.append(str(exc)))
    open_page(page, server.url)  # the app's root first, so app.py's navigation (wide layout, sidebar) is set up
    open_page(page, f"{server.url}/indicators")
    no_exception(page)
    assert drawn_charts(page, expected) == expected
    assert page.locator('[data-testid="stPlotlyChart"]').count() == expected
    body = page.inner_text("body")
    assert "Chỉ tiêu phong trào thi đua 2020-2025" in body
    assert "Bảng tổng hợp" in body
    # The gauges carry the indicator names and the raw % (decimal comma).
    assert page.locator(PLOTLY).filter(has_text="106,7").count() >= 1
    assert not errors, errors

    # Filter one movement: its gauge and trend, and the unit comparison charts.
    page.get_by_label("Phong trào", exact=True).click()
    page.get_by_role("option", name="Văn hóa công sở").click()
    wait_idle(page)
    no_exception(page)
    assert drawn_charts(page, 4) == 4

    # Presentation mode (from the URL, as a projector bookmark would open it): the same charts, no downloads.
    open_page(page, f"{server.url}/indicators?present=1")
    no_exception(page)
    assert drawn_charts(page, expected) == expected
    assert page.locator('[data-testid="stDownloadButton"]').count() == 0
    assert not errors, errors


def test_secretary_sees_the_entry_grid_and_makes_a_png(server, context):
    page = context.new_page()
    open_page(page, server.url)  # the app's root first, as test_smoke does, so app.py's navigation is set up
    login(page, server.url, "thuky2025")
    token = parse_qs(urlparse(page.url).query)["s"][0]
    open_page(page, f"{server.url}/indicators?s={token}")
    no_exception(page)
    assert "Nhập, sửa số liệu (Thư ký Hội đồng)" in page.inner_text("body")
    grids = page.locator('[data-testid="stDataFrame"]')
    grids.nth(1).wait_for(timeout=20_000)  # the grids draw after the script run ends
    assert grids.count() == 2  # summary + entry grid
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


def test_secretary_adds_a_movement_and_it_becomes_a_filter(server, context):
    """The catalogue section in a real browser: the add-movement form, its message, and
    the new movement offered by the movement filter at the top of the page."""
    page = context.new_page()
    open_page(page, server.url)
    login(page, server.url, "thuky2025")
    token = parse_qs(urlparse(page.url).query)["s"][0]
    open_page(page, f"{server.url}/indicators?s={token}")
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
    page.locator('[data-testid="stMain"] [data-testid="stSelectbox"]').first.click()  # the movement filter
    page.keyboard.press("ArrowDown")  # opens its list of options
    page.get_by_role("option", name="Chuyển đổi số").wait_for(timeout=10_000)
    assert page.get_by_role("option", name="Chuyển đổi số").count() == 1
