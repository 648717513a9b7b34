"""Upload boxes accept every file the reader reads (.xlsx, .csv, Excel's "Unicode Text" .txt)
or explains (.ods, .xls): the browser no longer refuses those without a word."""

from __future__ import annotations

import pytest

from tests.apptest_helpers import page_text, run_app

ODS = b"PK\x03\x04" + b"\x00" * 26 + b"mimetypeapplication/vnd.oasis.opendocument.spreadsheet"


def accepted(at) -> set[str]:
    return {ext.lstrip(".") for box in at.get("file_uploader") for ext in box.proto.type}


@pytest.mark.parametrize("page", ["pages/import_data.py", "pages/indicators.py"])
def test_upload_boxes_accept_what_the_reader_reads_or_explains(app_env, demo_codes, page):
    at = run_app(app_env, code=demo_codes["secretary"], page=page)
    if page == "pages/indicators.py":
        at.session_state["ind_tab"] = "Nhập số liệu"  # the import is in the secretary's entry tab
        at.run()
    assert not at.exception, at.exception
    assert {"xlsx", "csv", "txt", "ods", "xls"} <= accepted(at)


def test_an_ods_file_gets_the_readers_message(app_env, demo_codes):
    at = run_app(app_env, code=demo_codes["secretary"], page="pages/import_data.py")
    at.file_uploader[0].set_value(("danh-sach.ods", ODS, "application/vnd.oasis.opendocument.spreadsheet")).run()
    assert not at.exception, at.exception
    assert "danh-sach.ods" in page_text(at) and ".xlsx" in page_text(at)


def test_a_unicode_text_file_is_read(app_env, demo_codes):
    at = run_app(app_env, code=demo_codes["secretary"], page="pages/import_data.py")
    data = "Họ và tên\tĐơn vị\tDanh hiệu đề nghị\nLê Văn B\tKhoa Vật lý\tLao động tiên tiến\n"
    at.file_uploader[0].set_value(("loi.txt", data.encode("utf-16"), "text/plain")).run()
    assert not at.exception, at.exception
    assert "Tệp “loi.txt”, dòng 2, cột “Đơn vị”: Không có đơn vị “Khoa Vật lý”." in [e.value for e in at.error]
