import io

import pandas as pd
import pytest

from scoring import i18n
from scoring.errors import ValidationError
from scoring.tabular import encode_windows_1258, match_headers, read_table


def test_csv_windows_1258_semicolon_and_title_line():
    text = "DANH SÁCH ĐỀ NGHỊ\nSTT;Họ và tên;Đơn vị\n1;Nguyễn Văn An;Khoa Lý luận cơ sở\n\n2;Lê Thị Bé;Khoa Dân vận\n"
    table = read_table(encode_windows_1258(text), "ds.csv")
    assert table.headers == ["STT", "Họ và tên", "Đơn vị"]
    assert [r["Họ và tên"] for r in table.rows] == ["Nguyễn Văn An", "Lê Thị Bé"]
    assert table.row_numbers == [3, 5]  # the blank line keeps its number


def test_csv_utf8_bom_comma():
    table = read_table('\ufeffHọ và tên,Điểm\nĐặng Hùng,"12,5"\n'.encode(), "a.csv")
    assert table.rows == [{"Họ và tên": "Đặng Hùng", "Điểm": "12,5"}]


def test_xlsx_reads_first_filled_sheet_and_notes_others():
    buf = io.BytesIO()
    with pd.ExcelWriter(buf, engine="openpyxl") as xl:
        pd.DataFrame({"Họ và tên": ["Võ Bình"], "Điểm": [9.0]}).to_excel(xl, sheet_name="Danh sách", index=False)
        pd.DataFrame({"x": [1]}).to_excel(xl, sheet_name="Khác", index=False)
    table = read_table(buf.getvalue(), "a.xlsx")
    assert table.rows == [{"Họ và tên": "Võ Bình", "Điểm": "9"}]
    assert table.notes == ["Chỉ đọc trang “Danh sách”; bỏ qua: Khác."]
    i18n.set_language("en")
    assert read_table(buf.getvalue(), "a.xlsx").notes == ["Only sheet “Danh sách” was read; ignored: Khác."]


@pytest.mark.parametrize(
    ("data", "name", "message"),
    [
        (b"", "a.csv", "trống"),
        (b"\x89PNG\r\n\x1a\n\x00\x00", "a.png", "không phải bảng tính"),
        (b"PK\x03\x04garbage", "a.xlsx", "không phải bảng tính"),
    ],
)
def test_bad_files_are_named(data, name, message):
    with pytest.raises(ValidationError, match=message):
        read_table(data, name)


def test_headers_matched_without_case_or_diacritics():
    found = match_headers(
        ["STT", "HO VA TEN", "Danh hiệu đề nghị"],
        {"full_name": ["Họ và tên", "Full name"], "title": ["Danh hiệu đề nghị"], "unit": ["Đơn vị"]},
    )
    assert found == {"full_name": "HO VA TEN", "title": "Danh hiệu đề nghị"}
