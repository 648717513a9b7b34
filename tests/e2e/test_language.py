"""English survives a sidebar link and a reload (real Chromium: the links' addresses
are made by the browser, which AppTest does not run)."""

import contextlib
import socket
import threading
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


class HungServer:
    """A listener on the app's port that accepts and never answers: a server still starting,
    or hung. Streamlit's dialog then changes its message while open ("Connection timed out")."""

    def __init__(self, port: int) -> None:
        self.sock = socket.socket()
        self.sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        self.sock.bind(("127.0.0.1", port))
        self.sock.listen(64)
        self.held: list[socket.socket] = []
        self.thread = threading.Thread(target=self._accept, daemon=True)
        self.thread.start()

    def _accept(self) -> None:
        with contextlib.suppress(OSError):
            while True:
                self.held.append(self.sock.accept()[0])

    def close(self) -> None:
        for conn in self.held:
            conn.close()
        self.sock.close()


def shown_texts(dialog) -> list[str]:
    """What the dialog's title and message show: ours (CSS ::after), Streamlit's English at size 0."""
    return dialog.evaluate(
        """d => [d.querySelector("h2"), d.querySelector("h2").nextElementSibling].map(e =>
            getComputedStyle(e).fontSize === "0px"
                ? JSON.parse(getComputedStyle(e, "::after").content) : e.innerText)"""
    )


def test_the_server_stopping_is_told_in_the_page_language_and_the_notice_goes_when_it_is_back(server, context):
    """Streamlit's own dialog said "Connection error: Streamlit server is not responding. Are
    you connected to the internet?" in English, on every member's laptop and on the projector.
    The notice must survive the dialog's own updates: a page opened at localhost (the server's
    laptop) shows a command to type, and a hung server changes the message while it is open."""
    vietnamese, english = context.new_page(), context.new_page()
    open_page(vietnamese, f"http://localhost:{server.port}/projector")
    open_page(english, f"{server.url}/login?lang=en")
    server.kill()
    for page, title, says in [
        (vietnamese, "Mất kết nối với máy chủ", "không mất"),
        (english, "Connection to the server lost", "is not lost"),
    ]:
        dialog = page.locator('section[role="dialog"]')
        dialog.wait_for(timeout=30_000)
        page.locator(f'h2[data-st-said="{title}"]').wait_for(timeout=5_000)
        assert shown_texts(dialog) == [title, dialog.locator("[data-st-said]").nth(1).get_attribute("data-st-said")]
        assert says in shown_texts(dialog)[1]
    hung = HungServer(server.port)
    try:
        vietnamese.wait_for_timeout(8_000)  # retries time out against it: the dialog's message changes
        dialog = vietnamese.locator('section[role="dialog"]')
        assert shown_texts(dialog)[0] == "Mất kết nối với máy chủ" and "không mất" in shown_texts(dialog)[1]
    finally:
        hung.close()
    server.start()
    for page in (vietnamese, english):
        page.locator('section[role="dialog"]').wait_for(state="hidden", timeout=60_000)
        no_exception(page)
    vietnamese.get_by_text("Đã bỏ phiếu", exact=False).first.wait_for(timeout=30_000)  # the page is back


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

    page.locator('[data-testid="stSidebar"] [data-testid="stSelectbox"]').last.click()  # the language box
    page.get_by_role("option", name="English").click()
    page.wait_for_url("**lang=en**", timeout=30_000)
    wait_idle(page)
    page.locator('[data-testid="stDataFrame"]').first.hover()
    toolbar = page.locator('[data-testid="stElementToolbar"]').first.locator("button")
    toolbar.first.wait_for(timeout=10_000)
    labels = [toolbar.nth(i).get_attribute("aria-label") for i in range(toolbar.count())]
    assert labels == ["Show/hide columns", "Download as CSV", "Search", "Fullscreen"], labels
    placeholders = {i.get_attribute("placeholder") for i in page.locator("input[placeholder]").all()}
    assert "Chọn…" not in placeholders, placeholders
