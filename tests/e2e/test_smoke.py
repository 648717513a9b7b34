"""Open every page in real Chromium, as the public and as the secretary."""

from urllib.parse import parse_qs, urlparse

from tests.e2e.conftest import login, no_exception, open_page

PUBLIC = ["home", "projector", "indicators", "login"]
SECRETARY = ["scoring", "ballot", "rounds", "results", "setup", "import", "exports", "audit", "logout"]


def test_every_page_opens_without_exception(server, context):
    page = context.new_page()
    open_page(page, server.url)
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
