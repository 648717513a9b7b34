"""The app shell: pages by role, login by code, reload keeps the login."""

import pytest

from tests.apptest_helpers import login_token, page_text, run_app


def test_home_shows_demo_conference_in_vietnamese(app_env):
    at = run_app(app_env)
    assert not at.exception
    text = page_text(at)
    assert "Hội nghị điển hình tiên tiến Trường Chính trị tỉnh Khánh Hòa giai đoạn 2025-2030" in text
    assert "Khánh Hòa, ngày 15 tháng 4 năm 2025" in text
    assert "Chương trình hội nghị" in text
    assert "Thông qua danh sách đại biểu đi dự Đại hội Thi đua yêu nước cấp trên" in text
    assert "Đang chấm, bỏ phiếu" in text  # round 1 is open


def test_public_cannot_reach_member_or_secretary_pages(app_env):
    # Hidden from the menu, a member's page still opens from a link and asks, in Vietnamese,
    # to sign in (Streamlit's own "Page not found" dialog was English).
    for page in ("pages/setup.py", "pages/scoring_sheet.py", "pages/ballot.py", "pages/results.py"):
        at = run_app(app_env, page=page)
        assert not at.exception
        text = page_text(at)
        assert "Trang này cần đăng nhập" in text, page
        assert "Thiết lập hội nghị" not in text and "Phiếu bầu kín" not in [h.value for h in at.title]
    menu = run_app(app_env)
    assert "Thiết lập hội nghị" not in page_text(menu)  # and not in the guest's menu


def test_login_with_code_then_reload_stays_signed_in(app_env, demo_codes):
    at = run_app(app_env, page="pages/login.py")
    at.text_input[0].input(demo_codes["member"])
    at.button[0].click().run()
    assert not at.exception
    token = at.query_params.get("s")
    assert token, "the session token is kept in the URL"
    reloaded = run_app(app_env, token=token)  # a new tab on the same URL
    assert "Đang đăng nhập: Lê Văn Đức (Ủy viên)" in [c.value for c in reloaded.sidebar.caption]


def test_wrong_code_is_refused_in_vietnamese(app_env):
    at = run_app(app_env, page="pages/login.py")
    at.text_input[0].input("sai-ma")
    at.button[0].click().run()
    assert "Mã truy cập không đúng." in page_text(at)


def test_member_cannot_open_secretary_pages(app_env, demo_codes):
    for page in ("pages/setup.py", "pages/member_codes.py", "pages/exports.py", "pages/results.py"):
        at = run_app(app_env, code=demo_codes["member"], page=page)  # a link to it: the page refuses
        assert not at.exception
        text = page_text(at)
        assert "Bạn không có quyền" in text or "dành cho Thư ký" in text, page
        assert not at.button and not at.download_button and not at.dataframe, page


@pytest.mark.parametrize(
    "page",
    [
        "pages/home.py",
        "pages/projector.py",
        "pages/indicators.py",
        "pages/scoring_sheet.py",
        "pages/ballot.py",
        "pages/rounds.py",
        "pages/results.py",
        "pages/setup.py",
        "pages/import_data.py",
        "pages/exports.py",
        "pages/audit_log.py",
        "pages/logout.py",
    ],
)
def test_every_page_opens_for_the_secretary_without_exception(app_env, demo_codes, page):
    at = run_app(app_env, code=demo_codes["secretary"], page=page)
    assert not at.exception, at.exception


def test_token_hash_only_is_stored(app_env, demo_codes):
    from scoring.db import open_store

    token = login_token(app_env, demo_codes["chair"])
    stored = open_store(app_env).query("SELECT token_hash FROM sessions")
    assert token not in {r["token_hash"] for r in stored}


def test_vietnamese_adds_nothing_to_the_address(app_env):
    """The default language keeps the address as it was (English is kept in it: tests/e2e/test_language.py)."""
    at = run_app(app_env)
    assert "lang" not in at.query_params


@pytest.mark.first_sessions
def test_a_page_run_in_streamlits_pages_directory_mode_is_rerun_through_app_py(app_env):
    # Marked, AppTest starts every run as a fresh server's first session does: the page file
    # alone, in Streamlit's pages/-directory mode. The page's first call must rerun it through
    # app.py (its sidebar: the language box and the signed-in line).
    at = run_app(app_env, code="uyvien01", page="pages/ballot.py")
    assert not at.exception
    assert [s.label for s in at.sidebar.selectbox] == ["Ngôn ngữ"]
    assert "Đang đăng nhập: Lê Văn Đức (Ủy viên)" in [c.value for c in at.sidebar.caption]
    assert "Phiếu bầu kín" in [h.value for h in at.title]
