"""English survives a sidebar link and a reload (real Chromium: the links' addresses
are made by the browser, which AppTest does not run)."""

from urllib.parse import parse_qs, urlparse

from tests.e2e.conftest import no_exception, open_page, wait_idle
from tests.e2e.test_import import signed_in_token


def test_english_stays_in_the_address_after_a_sidebar_link_and_a_reload(server, context):
    page = context.new_page()
    open_page(page, f"{server.url}/login?lang=en")
    page.wait_for_selector("text=Access code", timeout=30_000)
    page.get_by_label("Access code").fill("uyvien01")
    page.get_by_role("button", name="Sign in").click()
    page.wait_for_selector("text=Signed in", timeout=30_000)
    wait_idle(page)
    page.locator('[data-testid="stSidebarNav"] a', has_text="Secret ballot").click()
    wait_idle(page)
    page.wait_for_url("**/ballot**", timeout=30_000)
    wait_idle(page)
    query = parse_qs(urlparse(page.url).query)
    assert query.get("lang") == ["en"], page.url
    assert query.get("s"), page.url
    page.reload()
    page.wait_for_selector('[data-testid="stApp"]', timeout=30_000)
    wait_idle(page)
    page.wait_for_selector("text=Signed in", timeout=30_000)
    no_exception(page)
    assert "Phiếu bầu kín" not in page.inner_text("body")


def test_the_server_stopping_is_told_in_the_page_language_and_the_notice_goes_when_it_is_back(server, context):
    """Streamlit's own dialog said "Connection error: Streamlit server is not responding. Are
    you connected to the internet?" in English, on every member's laptop and on the projector."""
    vietnamese, english = context.new_page(), context.new_page()
    open_page(vietnamese, f"{server.url}/projector")
    open_page(english, f"{server.url}/login?lang=en")
    server.kill()
    for page, title, says in [
        (vietnamese, "Mất kết nối với máy chủ", "không mất"),
        (english, "Connection to the server lost", "is not lost"),
    ]:
        dialog = page.locator('section[role="dialog"]')
        dialog.wait_for(timeout=30_000)
        page.get_by_role("heading", name=title).wait_for(timeout=5_000)
        text = dialog.inner_text()
        assert says in text and "Connection error" not in text and "internet" not in text, text
    server.start()
    for page in (vietnamese, english):
        page.locator('section[role="dialog"]').wait_for(state="hidden", timeout=60_000)
        no_exception(page)


def open_first_column_menu(page, table) -> None:
    """Click the ⋮ at the right end of a table's first header cell (the grid is a canvas: its
    right edge is where the pointer becomes a column resizer)."""
    box = table.bounding_box()
    cursor = "e => [...e.querySelectorAll('canvas, div')].map(d => getComputedStyle(d).cursor)"
    for x in range(40, int(box["width"]), 4):
        page.mouse.move(box["x"] + x, box["y"] + 18)
        if "col-resize" in table.evaluate(cursor):
            page.mouse.move(box["x"] + x - 14, box["y"] + 18)
            page.wait_for_timeout(400)  # the ⋮ fades in
            page.mouse.click(box["x"] + x - 14, box["y"] + 18)
            return
    raise AssertionError("no column edge found in the table's header")


def test_the_tables_toolbar_speaks_the_page_language(server, context):
    """Streamlit writes its tables' toolbar (buttons and tooltips) and a select box's
    "Choose an option" in English whatever the page's language."""
    page = context.new_page()
    open_page(page, f"{server.url}/rounds?s={signed_in_token(server.db_path, 'thuky2025')}")
    page.locator('[data-testid="stDataFrame"]').first.hover()
    toolbar = page.locator('[data-testid="stElementToolbar"]').first.locator("button")
    toolbar.first.wait_for(timeout=10_000)
    labels = [toolbar.nth(i).get_attribute("aria-label") for i in range(toolbar.count())]
    assert labels == ["Hiện/ẩn cột", "Tải về dạng CSV", "Tìm kiếm", "Toàn màn hình"], labels
    toolbar.nth(1).hover()
    page.locator('[data-testid="stTooltipContent"]', has_text="Tải về dạng CSV").wait_for(timeout=10_000)
    open_first_column_menu(page, page.locator('[data-testid="stDataFrame"]').first)
    menu = page.locator('[data-testid="stDataFrameColumnMenu"]')
    menu.wait_for(timeout=10_000)
    assert "Sắp xếp tăng dần" in menu.inner_text() and "Sort" not in menu.inner_text(), menu.inner_text()
    page.keyboard.press("Escape")
    placeholders = {i.get_attribute("placeholder") for i in page.locator("input[placeholder]").all()}
    assert "Choose an option" not in placeholders and "Chọn…" in placeholders, placeholders
    no_exception(page)
