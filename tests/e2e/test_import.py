"""In real Chromium: the secretary uploads the sample Excel list of nominations,
checks the preview, imports it, and a council member then finds the new
nominees on the scoring sheet."""

from __future__ import annotations

from pathlib import Path

from scoring import auth, conference, rounds
from scoring.db import Store
from tests.e2e.conftest import no_exception, open_page, wait_idle

SAMPLE = Path(__file__).resolve().parents[2] / "data" / "samples" / "de-nghi-khen-thuong.xlsx"
NEW = ["Lương Thị Thảo", "Trịnh Văn Khoa", "Cao Thị Minh Thư"]


def signed_in_token(db_path: Path, code: str) -> str:
    """A session as the login page creates it (the login flow has its own tests)."""
    store = Store(db_path)
    try:
        return auth.login(store, code, client="e2e")[1]
    finally:
        store.close()


def dismiss_dialog(page) -> None:
    """Close a modal dialog if one is open (it makes the page behind it inert)."""
    dialog = page.locator('[role="dialog"]')
    if dialog.count():
        page.keyboard.press("Escape")
        dialog.wait_for(state="hidden", timeout=10_000)


def open_signed_in(page, url: str, name: str) -> None:
    """Open a page by its address as a signed-in member."""
    open_page(page, url)
    dismiss_dialog(page)
    assert f"Đang đăng nhập: {name}" in page.inner_text("body"), page.inner_text("body")[:300]


def test_secretary_imports_sample_and_member_scores_the_new_nominees(server, context):
    page = context.new_page()
    token = signed_in_token(server.db_path, "thuky2025")
    open_signed_in(page, f"{server.url}/import_data?s={token}", "Phạm Thị Ngọc Ánh")
    no_exception(page)
    # The uploader speaks Vietnamese: Streamlit's own "Upload" and "20MB per file" are written over.
    shown = page.locator('[data-testid="stFileUploader"]').first.evaluate(
        """el => ["[data-testid='stFileUploaderDropzone'] button p",
                  "[data-testid='stFileUploaderDropzoneInstructions'] span"]
            .map(part => getComputedStyle(el.querySelector(part), "::after").content)"""
    )
    assert shown == ['"Chọn tệp"', '"Tối đa 20 MB mỗi tệp"']

    page.locator('[data-testid="stFileUploader"] input[type="file"]').set_input_files(str(SAMPLE))
    page.get_by_text("4 mục tạo mới, 0 cập nhật, 0 giữ nguyên, 0 lỗi.").wait_for(timeout=30_000)
    wait_idle(page)
    no_exception(page)
    assert page.get_by_text("de-nghi-khen-thuong.xlsx · Đề nghị khen thưởng").count() == 1

    page.get_by_role("button", name="Nhập vào cơ sở dữ liệu").click()
    page.get_by_text("Đã nhập: 4 mục mới, 0 mục cập nhật.").wait_for(timeout=30_000)
    wait_idle(page)
    no_exception(page)

    # A round for the new nominees (the rounds page is another issue's; the core does the same).
    store = Store(server.db_path)
    try:
        ids = [c["id"] for c in conference.list_candidates(store) if c["full_name"] in NEW]
        assert len(ids) == 3
        round_id = rounds.create_round(store, "e2e", "Vòng bổ sung: Lao động tiên tiến, Chiến sĩ thi đua cơ sở", ids)
        rounds.transition(store, "e2e", 1, "closed")  # one open round: the sheet shows it without a picker
        rounds.transition(store, "e2e", round_id, "open")
    finally:
        store.close()

    member = context.browser.new_context(viewport={"width": 1400, "height": 900}, locale="vi-VN")
    try:
        sheet = member.new_page()
        member_token = signed_in_token(server.db_path, "uyvien01")
        open_signed_in(sheet, f"{server.url}/scoring_sheet?s={member_token}", "Lê Văn Đức")
        sheet.get_by_text("Vòng bổ sung: Lao động tiên tiến, Chiến sĩ thi đua cơ sở").wait_for(timeout=30_000)
        no_exception(sheet)
        body = sheet.inner_text("body")
        for name in NEW:
            assert name in body, name
    finally:
        member.close()
