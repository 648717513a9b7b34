"""The setup page in real Chromium: the secretary stays on the tab they worked in."""

from tests.e2e.conftest import login, no_exception, open_page, token_of, wait_idle

UNIT = "Văn phòng Sở"


def selected_tab(page) -> str:
    return page.locator('[data-testid="stTabs"] [role="tab"][aria-selected="true"]').inner_text().strip()


def units_panel(page):
    return page.locator('[data-testid="stTabs"] [role="tabpanel"]:visible')


def add_unit(page, name: str) -> None:
    panel = units_panel(page)
    panel.get_by_label("Tên đơn vị").fill(name)
    panel.get_by_role("button", name="Thêm", exact=True).click()
    wait_idle(page)


def test_adding_a_unit_twice_stays_on_the_units_tab_and_shows_the_duplicate_error(server, context):
    # The success message above the tabs came and went between runs, so the tab
    # container moved, was drawn anew and opened the first tab: the duplicate's
    # error was then inside the hidden Units tab and nothing seemed to happen.
    page = context.new_page()
    page.set_viewport_size({"width": 1366, "height": 768})
    login(page, server.url, "thuky2025")
    open_page(page, f"{server.url}/setup?s={token_of(page)}")
    page.get_by_role("tab", name="Đơn vị").click()
    wait_idle(page)
    assert selected_tab(page) == "Đơn vị"

    add_unit(page, UNIT)
    page.get_by_test_id("stAlertContentSuccess").get_by_text(f"Đã thêm “{UNIT}”.").wait_for(timeout=15_000)
    assert page.get_by_test_id("stToastText").get_by_text(f"Đã thêm “{UNIT}”.").is_visible()
    assert selected_tab(page) == "Đơn vị"

    add_unit(page, UNIT)
    error = units_panel(page).get_by_text(f"Đã có “{UNIT}”")
    error.wait_for(state="visible", timeout=15_000)
    assert selected_tab(page) == "Đơn vị"
    assert error.is_visible()
    no_exception(page)
