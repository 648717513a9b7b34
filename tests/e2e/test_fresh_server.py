"""Laptops reconnecting together to a fresh server (after a restart, or first thing in
the morning) each get their own page, signed in, through app.py.

Streamlit runs a fresh server's first sessions in its old pages/-directory mode until
a script calls st.navigation. Every session that started before the first one got
there ran its page file alone: not signed in, every file of pages/ (`_common` too)
listed in the sidebar. Two of three tabs opened at once did, every time.
"""

from __future__ import annotations

from tests.e2e.conftest import wait_idle
from tests.e2e.test_import import signed_in_token

# (access code, full name, address): members at their pages, the secretary, the vice-chair, the home page
VISITORS = [
    ("uyvien01", "Lê Văn Đức", "scoring_sheet"),
    ("uyvien02", "Võ Thanh Bình", "ballot"),
    ("thuky2025", "Phạm Thị Ngọc Ánh", "rounds"),
    ("phochutich2025", "Nguyễn Thị Thu Hà", "results"),
    ("uyvien03", "Huỳnh Thị Mỹ Duyên", "scoring_sheet"),
    ("chutich2025", "Trần Minh Quang", ""),  # the home page: app.py runs in either mode
]


def test_tabs_opening_a_fresh_server_at_once_each_get_their_page_signed_in(server, browser):
    tokens = [signed_in_token(server.db_path, code) for code, _, _ in VISITORS]
    contexts = [browser.new_context(viewport={"width": 1400, "height": 900}) for _ in VISITORS]
    try:
        pages = [context.new_page() for context in contexts]
        for page, (_, _, address), token in zip(pages, VISITORS, tokens, strict=True):
            page.goto(f"{server.url}/{address}?s={token}", wait_until="commit")  # all at once
        for page, (_, name, address) in zip(pages, VISITORS, strict=True):
            page.wait_for_selector('[data-testid="stApp"]', timeout=30_000)
            page.get_by_text(f"Đang đăng nhập: {name}", exact=False).first.wait_for(timeout=30_000)
            wait_idle(page)
            assert page.url.split("?")[0] == f"{server.url}/{address}", name
            menu = page.locator('[data-testid="stSidebarNav"]').inner_text()
            assert "common" not in menu.lower() and "projector layout" not in menu.lower(), menu
            assert page.locator('[data-testid="stException"]').count() == 0
    finally:
        for context in contexts:
            context.close()
