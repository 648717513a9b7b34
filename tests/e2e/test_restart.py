"""A scoring sheet left open while the server restarts (QA: "after a server restart, the
first value typed in an open sheet can be lost").

The tab is not reloaded: Streamlit's page reconnects by itself to the restarted server,
which gives it a new session. That session's first run comes from the member's first
edit and carries every box as the browser shows it, but no callback reports the edit (the
new session does not know the boxes yet), and the sheet used to fill every box from the
server before drawing it, overwriting the value just typed: the box emptied and nothing
was saved. Now a value typed into a box empty on the server is saved; a box that differs
from a value on the server (an edit, or a stale tab) shows the server's value again, and
the member is told which box, so nothing is dropped without a word.
"""

from __future__ import annotations

import time

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
    open tab reconnect by itself (no reload)."""
    server.kill()
    server.start()
    page.wait_for_timeout(3000)


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

    restart(server, page)
    type_into(page, 1, "12")  # the first action changes a box that holds a saved value
    page.get_by_text("Trang vừa kết nối lại với máy chủ", exact=False).first.wait_for(timeout=30_000)
    wait_idle(page)
    warning = page.locator('[data-testid="stAlert"]').first.inner_text()
    assert "Công đoàn Trường (TC 2)" in warning and "hãy nhập lại" in warning
    assert page.locator(SCORE_BOXES).nth(1).input_value() == "10"  # what is saved, shown again
    assert stored(store, duc)[:3] == [25, 10, 12.5]
    type_into(page, 1, "12")  # entered again: saved
    assert wait_until(lambda: stored(store, duc)[:3] == [25, 12, 12.5]), stored(store, duc)[:5]
    store.close()
