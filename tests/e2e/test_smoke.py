"""Open every page in real Chromium, as the public and as the secretary."""

from urllib.parse import parse_qs, urlparse

from tests.e2e.conftest import login, no_exception, open_page

PUBLIC = ["home", "projector", "indicators", "login"]
SECRETARY = [
    "scoring_sheet",
    "ballot",
    "rounds",
    "results",
    "setup",
    "member_codes",
    "import_data",
    "exports",
    "audit_log",
    "logout",
]


def test_every_page_opens_without_exception(server, context):
    page = context.new_page()
    open_page(page, server.url)
    page.wait_for_selector("text=Chương trình hội nghị", timeout=30_000)  # the first visit reruns once
    body = page.inner_text("body")
    assert "Hội nghị điển hình tiên tiến Trường Chính trị tỉnh Khánh Hòa" in body
    assert "Deploy" not in body  # toolbar mode minimal
    for path in PUBLIC:
        open_page(page, f"{server.url}/{path}")
        no_exception(page)
    login(page, server.url, "thuky2025")
    token = parse_qs(urlparse(page.url).query)["s"][0]
    for path in SECRETARY:
        # Opening the address directly is what a reload does: the login must survive it.
        open_page(page, f"{server.url}/{path}?s={token}")
        no_exception(page)
        assert "Đang đăng nhập: Phạm Thị Ngọc Ánh" in page.inner_text("body"), path


def test_first_visit_of_a_fresh_server_by_qr_link_signs_in(server, context):
    """A member scanning their QR code may be the server's very first visitor:
    the deep link must run through app.py (roles), not the page file alone."""
    page = context.new_page()
    open_page(page, f"{server.url}/login?code=uyvien01")
    page.wait_for_selector("text=Đang đăng nhập: Lê Văn Đức", timeout=30_000)
    body = page.inner_text("body")
    assert "_common" not in body and "member codes" not in body  # no raw list of pages/ files
    no_exception(page)


def test_first_visit_of_a_fresh_server_to_a_secretary_page_is_refused(server, context):
    page = context.new_page()
    open_page(page, f"{server.url}/setup")
    # The first session of a fresh server imports pandas and plotly and reruns
    # once through app.py: on a slow machine the page is idle before it has run.
    page.wait_for_selector("text=Trang này cần đăng nhập", timeout=30_000)  # asked to sign in, in Vietnamese…
    body = page.inner_text("body")
    assert "Thiết lập hội nghị" not in body  # …nothing of the page, nor of it in the guest's menu
    assert "Page not found" not in body and "member codes" not in body  # no English dialog, no raw page list


def test_first_visit_of_a_fresh_server_deep_link_to_a_members_page(server, context):
    """/scoring_sheet?s=… as the very first request (a laptop reopening its tab
    after the server restarted) lands on that page, signed in."""
    from scoring import auth
    from scoring.db import Store

    store = Store(server.db_path)
    token = auth.login(store, "uyvien01", client="e2e")[1]
    store.close()
    page = context.new_page()
    open_page(page, f"{server.url}/scoring_sheet?s={token}")
    page.wait_for_selector("text=Đã chấm", timeout=30_000)
    assert "Page not found" not in page.inner_text("body")
    assert "Đang đăng nhập: Lê Văn Đức" in page.inner_text("body")
