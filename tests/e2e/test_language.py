"""English survives a sidebar link and a reload (real Chromium: the links' addresses
are made by the browser, which AppTest does not run)."""

from urllib.parse import parse_qs, urlparse

from tests.e2e.conftest import no_exception, open_page, wait_idle


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
