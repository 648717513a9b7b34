"""A scoring sheet left open while the server restarts (QA: "after a server restart, the
first value typed in an open sheet can be lost"; then "the first edit of a box that held a
saved value is set back and has to be typed twice").

The tab is not reloaded: Streamlit's page reconnects by itself to the restarted server,
which gives it a new session that knows none of the boxes. The browser used to wait for
the member's first edit to run the page: that run carried every box as the browser shows
it but fired no callback, so the sheet could not tell the edit from a stale box. A box that
was empty on the server was saved; a changed saved value was set back with a warning. The
sheet now holds a `run_every` fragment, so the browser runs the page as soon as it is back
(widgets stay disabled while disconnected), and the first edit is saved like any other. A
box that differs from the server for a genuine reason (changed in another tab meanwhile)
still shows the server's value again, with a warning that names it.
"""

from __future__ import annotations

import contextlib
import time

from playwright.sync_api import TimeoutError as PlaywrightTimeoutError

from scoring import voting
from scoring.db import Store
from tests.e2e.conftest import login, no_exception, open_page, token_of, wait_idle

SCORE_BOXES = '[data-testid="stTextInput"] input'
ROUND1 = 1


def stored(store: Store, member_id: int) -> list[float | None]:
    """The member's sheet as saved, box by box in page order."""
    return [i.points.get(c["id"]) for i in voting.sheet(store, ROUND1, member_id) for c in i.criteria]


def restart(server, page) -> None:
    """Stop the server (its own process), start it on the same port and file, and let the
    open tab reconnect by itself (no reload), as a member sees it: the boxes come back
    (disabled while disconnected), the page runs if it is going to, then they type."""
    server.kill()
    server.start()
    page.wait_for_function(
        "() => [...document.querySelectorAll('[data-testid=\"stTextInput\"] input')].some(b => !b.disabled)",
        timeout=60_000,
    )
    with contextlib.suppress(PlaywrightTimeoutError):  # the run on reconnect (none without the fix)
        page.wait_for_selector('[data-testid="stApp"][data-test-script-state="running"]', timeout=10_000)
    wait_idle(page)


def type_into(page, n: int, text: str) -> None:
    box = page.locator(SCORE_BOXES).nth(n)
    box.fill(text)
    box.press("Tab")


def wait_until(check, timeout: float = 20) -> bool:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if check():
            return True
        time.sleep(0.3)
    return check()


def test_the_first_value_typed_after_a_server_restart_is_saved(server, context):
    store = Store(server.db_path)
    duc = store.scalar("SELECT id FROM members WHERE full_name = ?", ("Lê Văn Đức",))
    page = context.new_page()
    login(page, server.url, "uyvien01")
    open_page(page, f"{server.url}/scoring_sheet?s={token_of(page)}")
    page.locator(SCORE_BOXES).first.wait_for(timeout=30_000)
    type_into(page, 1, "10")
    assert wait_until(lambda: stored(store, duc)[1] == 10)
    wait_idle(page)

    restart(server, page)
    type_into(page, 0, "25")  # the first value after the restart, into an empty box
    assert wait_until(lambda: stored(store, duc)[0] == 25), stored(store, duc)[:5]
    wait_idle(page)
    no_exception(page)
    boxes = page.locator(SCORE_BOXES)
    assert [boxes.nth(n).input_value() for n in range(3)] == ["25", "10", ""]
    type_into(page, 2, "12,5")  # and the sheet goes on as before
    assert wait_until(lambda: stored(store, duc)[:3] == [25, 10, 12.5]), stored(store, duc)[:5]
    wait_idle(page)  # idle first: a run the restart cuts off is rerun on reconnect even without the fix

    restart(server, page)
    type_into(page, 1, "12")  # the first action after the restart edits a box that holds a saved value
    assert wait_until(lambda: stored(store, duc)[:3] == [25, 12, 12.5]), stored(store, duc)[:5]
    wait_idle(page)
    no_exception(page)
    assert [boxes.nth(n).input_value() for n in range(3)] == ["25", "12", "12,5"]  # kept as typed
    assert page.get_by_text("Trang vừa kết nối lại với máy chủ", exact=False).count() == 0
    store.close()


def test_a_tab_left_stale_by_another_tab_is_told_after_a_restart(server, context):
    """Two tabs of one member: B changes a box that A still shows with its older value, then
    the server restarts. A must not put its older value back, and says which box it shows
    again (the genuine reason for the warning); A's own next edit is saved."""
    store = Store(server.db_path)
    duc = store.scalar("SELECT id FROM members WHERE full_name = ?", ("Lê Văn Đức",))
    a = context.new_page()
    login(a, server.url, "uyvien01")
    sheet_url = f"{server.url}/scoring_sheet?s={token_of(a)}"
    open_page(a, sheet_url)
    a.locator(SCORE_BOXES).first.wait_for(timeout=30_000)
    type_into(a, 1, "10")
    assert wait_until(lambda: stored(store, duc)[1] == 10)
    wait_idle(a)
    b = context.new_page()
    open_page(b, sheet_url)
    type_into(b, 1, "15")  # A still shows 10
    assert wait_until(lambda: stored(store, duc)[1] == 15)
    wait_idle(b)

    restart(server, a)
    a.get_by_text("Trang vừa kết nối lại với máy chủ", exact=False).first.wait_for(timeout=30_000)
    wait_idle(a)
    warning = a.locator('[data-testid="stAlert"]').first.inner_text()
    assert "Công đoàn Trường (TC 2)" in warning and "hãy nhập lại" in warning
    type_into(a, 0, "20")
    assert wait_until(lambda: stored(store, duc)[:2] == [20, 15]), stored(store, duc)[:5]
    wait_idle(a)
    no_exception(a)
    assert [a.locator(SCORE_BOXES).nth(n).input_value() for n in range(2)] == ["20", "15"]
    wait_idle(b)
    assert b.get_by_text("Trang vừa kết nối lại với máy chủ", exact=False).count() == 0
    assert stored(store, duc)[:2] == [20, 15]
    store.close()
