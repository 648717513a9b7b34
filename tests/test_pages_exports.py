"""The secretary's exports page and audit log page, through AppTest."""

from __future__ import annotations

import sqlite3
from datetime import date
from pathlib import Path

from streamlit.testing.v1 import AppTest

from scoring import backup, conference
from scoring.db import Store, forget_store
from tests.apptest_helpers import login_token, page_text, run_app
from tests.conftest import copy_db
from tests.test_exports import run_round

ROOT = Path(__file__).resolve().parent.parent

EXPORTS = "pages/exports.py"
AUDIT = "pages/audit_log.py"


def labels(at) -> list[str]:
    return [b.label for b in at.get("download_button")]


def test_exports_page_offers_every_file_of_a_round(app_env, demo_codes):
    at = run_app(app_env, code=demo_codes["secretary"], page=EXPORTS)
    assert not at.exception
    assert labels(at) == [
        "Bảng xếp hạng (CSV)",
        "Bảng xếp hạng (CSV cho Excel tiếng Việt)",  # Excel on Vietnamese regional settings: ";" and 78,95
        "Sổ kết quả (Excel)",
        "Biên bản kiểm phiếu (Word)",
        "Bảng tổng hợp điểm (Word)",
        "Tải bản sao lưu (.db)",
    ]
    assert at.selectbox(key="export_round").value is not None
    assert "số liệu chưa chốt" in page_text(at)  # round 1 of the demo is still open
    assert "Máy cài đặt vùng Việt Nam (dấu thập phân “,”, dấu ngăn danh sách “;”)" in page_text(at)
    ranking = at.dataframe[0].value
    assert len(ranking) == 12 and "Xếp hạng" in ranking.columns
    # No vote-count minutes while the round is open: its ballots are counted at the close.
    buttons = {b.label: b for b in at.get("download_button")}
    assert buttons["Biên bản kiểm phiếu (Word)"].proto.disabled
    assert not buttons["Bảng xếp hạng (CSV)"].proto.disabled
    assert "Tỷ lệ đồng ý (%)" not in ranking.columns or ranking["Tỷ lệ đồng ý (%)"].isna().all()
    # Nor a backup: two of them, either side of one ballot, would show it (QA).
    assert buttons["Tải bản sao lưu (.db)"].proto.disabled
    assert "chưa tải bản sao lưu về được" in page_text(at)


def test_closed_round_exports_without_the_provisional_warning(app_env, demo_codes):
    store = Store(app_env)
    run_round(store)
    store.close()
    at = run_app(app_env, code=demo_codes["secretary"], page=EXPORTS)
    assert not at.exception
    assert "số liệu chưa chốt" not in page_text(at)
    ranking = at.dataframe[0].value
    assert (ranking["Kết quả"] == "Đạt").sum() >= 1


def test_restore_needs_a_valid_file_and_a_confirmation(app_env, demo_codes, tmp_path):
    other = copy_db(app_env, tmp_path / "other.db")
    other_store = Store(other)
    conference.save_conference(other_store, "thư ký", name="Hội nghị đã sao lưu")
    other_store.close()
    forget_store(other)
    data = backup.snapshot_bytes(other)

    at = run_app(app_env, code=demo_codes["secretary"], page=EXPORTS)
    at.file_uploader(key="restore_file").upload("rac.db", b"khong phai co so du lieu").run()
    assert "không phải bản sao lưu" in page_text(at)

    at.file_uploader(key="restore_file").upload("sao-luu.db", data).run()
    assert "Tệp hợp lệ: “Hội nghị đã sao lưu”" in page_text(at)
    go = at.button(key="restore_go")
    assert go.disabled  # nothing happens without the explicit confirmation
    at.checkbox(key="restore_confirm").check().run()
    at.button(key="restore_go").click().run()
    assert not at.exception
    assert "Đã khôi phục dữ liệu từ “sao-luu.db”" in page_text(at)
    # The backup was taken before this login: the restored data does not know it, and the page says why.
    assert "không có phiên đăng nhập này" in page_text(at)
    check = Store(app_env)
    assert check.scalar("SELECT name FROM conference") == "Hội nghị đã sao lưu"
    assert check.scalar("SELECT action FROM audit_log ORDER BY id DESC LIMIT 1") == "backup.restore"
    check.close()
    assert any("truoc-khoi-phuc" in s["name"] for s in backup.list_snapshots(app_env))


def test_after_a_restore_the_page_shows_the_restored_database_at_once(app_env, demo_codes, tmp_path):
    """QA: restored from a backup whose round was closed, the page still said "Đang có vòng bỏ phiếu"
    and kept the backup button off until the next click: it had read the database before the restore."""
    at = run_app(app_env, code=demo_codes["secretary"], page=EXPORTS)
    assert "chưa tải bản sao lưu về được" in page_text(at)  # the demo's round 1 is open
    other = copy_db(app_env, tmp_path / "other.db")  # taken during this login, as the secretary would
    other_store = Store(other)
    run_round(other_store)  # closed in the backup
    other_store.close()
    forget_store(other)

    at.file_uploader(key="restore_file").upload("sao-luu.db", backup.snapshot_bytes(other)).run()
    at.checkbox(key="restore_confirm").check().run()
    at.button(key="restore_go").click().run()
    assert not at.exception
    assert "Đã khôi phục dữ liệu từ “sao-luu.db”" in page_text(at)
    assert "chưa tải bản sao lưu về được" not in page_text(at)
    assert not {b.label: b for b in at.get("download_button")}["Tải bản sao lưu (.db)"].proto.disabled
    assert "số liệu chưa chốt" not in page_text(at)  # round 1 is closed in what was restored
    # The upload is cleared: the same file is not restored twice by a second click.
    assert not any(b.label == "Khôi phục" for b in at.button)
    assert "Tệp hợp lệ" not in page_text(at)


def test_snapshot_now_lists_the_snapshot(app_env, demo_codes):
    at = run_app(app_env, code=demo_codes["secretary"], page=EXPORTS)
    at.button(key="snapshot_now").click().run()
    assert "Đã lưu bản chụp" in page_text(at)
    names = at.dataframe[-1].value["Tệp"].tolist()
    assert any("thu-cong" in n for n in names)


def test_audit_page_filters_and_offers_csv(app_env, demo_codes):
    at = run_app(app_env, code=demo_codes["secretary"], page=AUDIT)
    assert not at.exception
    total = len(at.dataframe[0].value)
    assert total > 50 and "Thời gian" in at.dataframe[0].value.columns
    first_time = at.dataframe[0].value["Thời gian"][0]
    assert len(first_time) == 16 and first_time[2] == "/" and first_time[13] == ":"  # dd/mm/yyyy HH:MM
    at.text_input(key="audit_text").input("UNG VIEN").run()  # matches "ứng viên" in the details
    filtered = at.dataframe[0].value
    assert 0 < len(filtered) < total
    assert filtered["Chi tiết"].str.contains("ứng viên").all()
    assert f"{len(filtered)} dòng khớp bộ lọc (nhật ký có {total} dòng)." in page_text(at)
    at.text_input(key="audit_text").input("").run()
    at.multiselect(key="audit_actions").select("round.open").run()
    opened = at.dataframe[0].value
    assert opened["Thao tác"].tolist() == ["Mở vòng"]  # what the code means, not the code
    assert opened["Đối tượng"].str.startswith("Vòng #").all()
    assert "Tải nhật ký đang lọc (CSV)" in labels(at)
    at.text_input(key="audit_text").input("không có dòng này").run()
    assert "Không có dòng nào khớp bộ lọc." in page_text(at)


def test_audit_page_filters_by_days_the_log_has_written_dd_mm_yyyy(app_env, demo_codes):
    # A list of the log's own days replaced the date picker, whose calendar spoke English.
    with sqlite3.connect(app_env) as db:
        db.executemany(
            "INSERT INTO audit_log (at, actor, action, entity, detail) VALUES (?, 'Lê Văn Đức', 'auth.login', '', ?)",
            [("2025-04-14T16:30:00", "chiều hôm trước"), ("2025-04-15T07:10:00", "sáng hội nghị")],
        )
    at = run_app(app_env, code=demo_codes["secretary"], page=AUDIT)
    assert not at.exception
    first = at.selectbox(key="audit_from")
    shown = first.options  # as written on screen
    assert shown[:3] == ["Từ đầu", "14/04/2025", "15/04/2025"] and len(shown) >= 4  # and the demo's day
    total = len(at.dataframe[0].value)

    first.select(date(2025, 4, 15)).run()
    assert at.selectbox(key="audit_to").options[0] == "Đến nay"
    assert "14/04/2025" not in at.selectbox(key="audit_to").options  # the end cannot come before the start
    at.selectbox(key="audit_to").select(date(2025, 4, 15)).run()
    assert at.dataframe[0].value["Chi tiết"].tolist() == ["sáng hội nghị"]
    assert at.dataframe[0].value["Thời gian"].tolist() == ["15/04/2025 07:10"]

    at.selectbox(key="audit_from").select(None).run()
    at.selectbox(key="audit_to").select(date(2025, 4, 14)).run()
    assert at.dataframe[0].value["Chi tiết"].tolist() == ["chiều hôm trước"]
    at.selectbox(key="audit_to").select(None).run()
    assert len(at.dataframe[0].value) == total


def test_the_pages_refuse_anyone_but_the_secretary(app_env, demo_codes):
    """Even opened directly (not through the app's menu), the pages check the role."""
    for page in (EXPORTS, AUDIT):
        at = AppTest.from_file(str(ROOT / page), default_timeout=30)
        at.query_params["s"] = login_token(app_env, demo_codes["chair"])
        at.run()
        assert not at.exception
        assert "không có quyền" in page_text(at)
        assert labels(at) == [] and len(at.dataframe) == 0


def test_an_english_screen_is_told_the_files_are_vietnamese(app_env, demo_codes):
    # The preview holds the files' Vietnamese headers and words next to English labels.
    from tests.test_decimal_separator import run_in

    at = run_in("en", app_env, EXPORTS, code=demo_codes["secretary"])
    assert "official files are always in Vietnamese" in page_text(at)
    assert "Xếp hạng" in at.dataframe[0].value.columns
