import codecs
import io

import openpyxl
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


# --- messy office files (QA round 2): the reader picks the sheet, separator and header row by the headers it expects


CANDIDATE_ALIASES = {
    "full_name": ["Họ và tên", "Họ tên"],
    "position_unit": ["Chức vụ, đơn vị"],
    "kind": ["Loại (Tập thể/Cá nhân)"],
    "title": ["Danh hiệu đề nghị"],
    "achievements": ["Thành tích"],
}
HEADER = ["STT", "Họ và tên", "Chức vụ, đơn vị", "Danh hiệu đề nghị", "Thành tích"]
ROW = [1, "Lương Thị Thảo", "Giảng viên, Khoa Dân vận", "Lao động tiên tiến", "Hoàn thành tốt nhiệm vụ, giảng dạy tốt"]


def _book(sheets: dict[str, list[list]], *, hidden: tuple[str, ...] = (), merges: tuple[str, ...] = ()) -> bytes:
    book = openpyxl.Workbook()
    book.remove(book.active)
    for title, rows in sheets.items():
        ws = book.create_sheet(title)
        for r, row in enumerate(rows, start=1):
            for c, value in enumerate(row, start=1):
                if value is not None:
                    ws.cell(r, c, value)
        if title in hidden:
            ws.sheet_state = "hidden"
        for m in merges:
            ws.merge_cells(m)
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()


def test_header_under_the_official_heading_is_the_row_naming_expected_headers():
    rows = [
        ["TRƯỜNG CHÍNH TRỊ TỈNH KHÁNH HÒA", None, None, "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"],
        ["HỘI ĐỒNG THI ĐUA - KHEN THƯỞNG", None, None, "Độc lập - Tự do - Hạnh phúc"],
        [],
        ["DANH SÁCH ĐỀ NGHỊ KHEN THƯỞNG NĂM 2024"],
        [],
        HEADER,
        ROW,
    ]
    data = _book({"Sheet1": rows}, merges=("A1:C1", "D1:F1", "A2:C2", "D2:F2", "A4:F4"))
    table = read_table(data, "ds.xlsx", expected=CANDIDATE_ALIASES)
    assert table.headers[:5] == HEADER  # and "Cột 6", the merged heading's width
    assert table.row_numbers == [7]
    assert table.preamble[0] == "TRƯỜNG CHÍNH TRỊ TỈNH KHÁNH HÒA CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"
    assert table.preamble[-1] == "DANH SÁCH ĐỀ NGHỊ KHEN THƯỞNG NĂM 2024"
    # no expected header in the file: the old rule (first row with two cells)
    assert read_table(data, "ds.xlsx", expected={"x": ["Không có"]}).headers[0] == "TRƯỜNG CHÍNH TRỊ TỈNH KHÁNH HÒA"


def test_import_finds_the_header_under_the_official_heading(demo_store):
    from scoring import imports

    rows = [["TRƯỜNG CHÍNH TRỊ TỈNH KHÁNH HÒA", None, "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"], [], HEADER, ROW]
    plan = imports.plan_import(demo_store, [("de-nghi.xlsx", _book({"Sheet1": rows}))])
    assert plan.ok, [str(p) for p in plan.problems]
    assert [(r.row, r.label) for r in plan.files[0].rows] == [(4, "Lương Thị Thảo")]


SEMICOLON_LINES = [
    "STT;Họ và tên;Chức vụ, đơn vị;Danh hiệu đề nghị;Thành tích",
    "1;Lương Thị Thảo;Giảng viên, Khoa Dân vận;Lao động tiên tiến;Hoàn thành tốt, giảng dạy 320 giờ, 2 đề tài, 3 bài",
    "2;Trịnh Văn Khoa;Chuyên viên, Phòng Tổ chức, hành chính;Lao động tiên tiến;Tham mưu kịp thời, chính xác, đúng",
]


@pytest.mark.parametrize("expected", [CANDIDATE_ALIASES, {}])
def test_semicolon_csv_whose_cells_are_full_of_commas(expected):
    data = ("\r\n".join(SEMICOLON_LINES) + "\r\n").encode("utf-8-sig")
    table = read_table(data, "ds.csv", expected=expected)
    assert table.headers == HEADER
    assert [r["Chức vụ, đơn vị"] for r in table.rows] == [
        "Giảng viên, Khoa Dân vận",
        "Chuyên viên, Phòng Tổ chức, hành chính",
    ]


@pytest.mark.parametrize("name", ["ds.txt", "ds.csv"])
def test_excel_unicode_text_is_utf16_with_tabs(name):
    text = "\r\n".join(line.replace(";", "\t") for line in SEMICOLON_LINES) + "\r\n"
    table = read_table(codecs.BOM_UTF16_LE + text.encode("utf-16-le"), name, expected=CANDIDATE_ALIASES)
    assert table.headers == HEADER
    assert table.rows[1]["Thành tích"] == "Tham mưu kịp thời, chính xác, đúng"


def test_a_comma_csv_with_quoted_semicolons_stays_comma():
    data = 'Họ và tên,Danh hiệu đề nghị,Thành tích\nLê Bình,Lao động tiên tiến,"a; b; c"\n'.encode()
    table = read_table(data, "ds.csv", expected=CANDIDATE_ALIASES)
    assert table.rows == [{"Họ và tên": "Lê Bình", "Danh hiệu đề nghị": "Lao động tiên tiến", "Thành tích": "a; b; c"}]


def test_the_data_sheet_after_an_instructions_sheet_or_a_hidden_list_sheet():
    guide = [["HƯỚNG DẪN"], ["Ghi đúng tên danh hiệu như danh mục."]]
    data = _book({"Hướng dẫn": guide, "Danh sách": [HEADER, ROW]})
    table = read_table(data, "ds.xlsx", expected=CANDIDATE_ALIASES)
    assert (table.sheet, table.row_numbers) == ("Danh sách", [2])
    assert table.notes == ["Chỉ đọc trang “Danh sách”; bỏ qua: Hướng dẫn."]
    lists = [["Lao động tiên tiến", "Cá nhân"], ["Họ và tên", "Danh hiệu đề nghị"]]  # a hidden sheet may name headers
    data = _book({"DM": lists, "Danh sách": [HEADER, ROW]}, hidden=("DM",))
    assert read_table(data, "ds.xlsx", expected=CANDIDATE_ALIASES).sheet == "Danh sách"
    # a hidden sheet is read when it is the only one that holds the list
    data = _book({"Ghi chú": [["Xem trang sau"]], "Dữ liệu": [HEADER, ROW]}, hidden=("Dữ liệu",))
    assert read_table(data, "ds.xlsx", expected=CANDIDATE_ALIASES).sheet == "Dữ liệu"


def test_two_sheets_of_the_same_list_are_refused_naming_both():
    collective = [HEADER, [1, "Khoa Dân vận", "", "Tập thể lao động xuất sắc", ""]]
    data = _book({"Cá nhân": [HEADER, ROW], "Tập thể": collective, "Tổng hợp": [["Tổng số", 2]]})
    with pytest.raises(ValidationError) as info:
        read_table(data, "ds.xlsx", expected=CANDIDATE_ALIASES)
    assert "“Cá nhân”, “Tập thể”" in str(info.value)
    assert "một tệp riêng" in str(info.value)
    assert read_table(data, "ds.xlsx", sheet="Tập thể").rows[0]["Họ và tên"] == "Khoa Dân vận"  # asked for: read


def test_a_sheet_naming_a_few_of_the_headers_is_not_the_same_list():
    summary = [["STT", "Họ và tên", "Ghi chú"], [1, "Lương Thị Thảo", ""]]
    data = _book({"Danh sách": [HEADER, ROW], "Tổng hợp": summary})
    assert read_table(data, "ds.xlsx", expected=CANDIDATE_ALIASES).sheet == "Danh sách"


UNITS = "STT,Ten don vi,Loai,Ten viet tat\n1,Trung tâm Ngoại ngữ - Tin học,Khác,TTNN\n2,Ban Quản lý Dự án,Khác,BQLDA\n"


def test_a_legacy_csv_that_lost_its_letters_is_refused_saying_how_to_save_it():
    data = UNITS.encode("cp1252", errors="replace")  # Excel "CSV" on an English Windows
    with pytest.raises(ValidationError) as info:
        read_table(data, "don-vi.csv")
    message = str(info.value)
    assert "bảng mã" in message and "“Ngo?i”" in message and "CSV UTF-8 (Comma delimited)" in message
    # Every letter lost, nothing left outside ASCII: it reads as UTF-8, and is refused all the same.
    ascii_only = "Tên đơn vị;Tên viết tắt\nKhoa Lý luận cơ sở;LLCS\n".encode("ascii", errors="replace")
    with pytest.raises(ValidationError, match="bảng mã"):
        read_table(ascii_only, "don-vi.csv")
    assert read_table(b"Ten don vi;Ghi chu\nKhoa A;Co?\n", "x.csv").rows[0]["Ghi chu"] == "Co?"  # a "?" at a word's end


def test_a_utf8_csv_with_a_line_in_another_encoding_is_refused_naming_the_line():
    data = "STT;Tên đơn vị\r\n1;Khoa Lý luận cơ sở\r\n".encode() + encode_windows_1258("2;Ban Quản lý ký túc xá\r\n")
    with pytest.raises(ValidationError, match=r"trộn hai bảng mã.*dòng 3"):
        read_table(data, "don-vi.csv")


def test_windows_1258_with_a_question_mark_after_a_word_is_still_read():
    text = "Họ và tên;Ghi chú\nNguyễn Văn An;Có sáng kiến? Chưa rõ\n"
    table = read_table(encode_windows_1258(text), "ds.csv")
    assert table.rows[0] == {"Họ và tên": "Nguyễn Văn An", "Ghi chú": "Có sáng kiến? Chưa rõ"}


def test_a_percent_cell_reads_as_excel_shows_it():
    book = openpyxl.Workbook()
    ws = book.active
    ws.append(["Chỉ tiêu", "Giá trị", "Số"])
    ws.append(["Tỷ lệ ký số", 0.855, 0.855])
    ws.append(["Tỷ lệ hoàn thành", 1, 12])
    ws["B2"].number_format = "0.0%"
    ws["B3"].number_format = "0%"
    out = io.BytesIO()
    book.save(out)
    table = read_table(out.getvalue(), "ct.xlsx")
    assert [(r["Giá trị"], r["Số"]) for r in table.rows] == [("85.5%", "0.855"), ("100%", "12")]


def test_a_signature_block_under_the_list_is_left_out_and_noted():
    rows = [
        ["STT", "Tên đơn vị", "Loại", "Tên viết tắt"],
        [1, "Trung tâm Thông tin - Thư viện", "Khác", "TTTV"],
        [2, "Ban Quản lý dự án", "Khác", "BQLDA"],
        [],
        [None, None, "Khánh Hòa, ngày 15 tháng 4 năm 2025"],
        [None, "Người lập biểu", None, "Thủ trưởng đơn vị"],
        [None, "(Ký, ghi rõ họ tên)", None, "(Ký tên, đóng dấu)"],
        [],
        [None, "Lê Thị Hoa", None, "Trần Minh Quang"],
    ]
    table = read_table(_book({"Sheet1": rows}), "don-vi.xlsx")
    assert table.row_numbers == [2, 3]
    assert table.notes == ["Bỏ qua phần ký tên ở cuối (dòng 5–9)."]
    rows[4:5] = []  # no place/date line: the blank row and the headings are enough
    rows[4][3] = "HIỆU TRƯỞNG"
    table = read_table(_book({"Sheet1": rows}), "don-vi.xlsx")
    assert (table.row_numbers, table.notes) == ([2, 3], ["Bỏ qua phần ký tên ở cuối (dòng 5–8)."])


def test_data_rows_after_a_blank_row_are_kept():
    rows = [
        ["STT", "Họ và tên", "Chức vụ", "Vai trò"],
        [1, "Nguyễn Hữu Một", "Giảng viên", "Ủy viên"],
        [],
        [2, "Trần Minh Quang", "Hiệu trưởng", "Chủ tịch Hội đồng"],
        [],
        [None, "Lê Thị Hoa", "Hiệu trưởng"],
        ["Võ Thị Lan", "Khen thưởng ngày 1 tháng 5 năm 2024"],  # a date inside a sentence: not a place/date line
    ]
    table = read_table(_book({"Sheet1": rows}), "thanh-vien.xlsx")
    assert (table.row_numbers, table.notes) == ([2, 4, 6, 7], [])


def test_an_ods_file_is_asked_for_as_xlsx():
    data = b"PK\x03\x04" + b"\x00" * 26 + b"mimetypeapplication/vnd.oasis.opendocument.spreadsheet"
    for name in ("don-vi.ods", "don-vi.xlsx"):
        with pytest.raises(ValidationError, match=r"OpenDocument \(\.ods\).*Tệp → Lưu thành → “Excel 2007-365"):
            read_table(data, name)


@pytest.mark.parametrize("kind", ["xlsx", "csv"])
def test_a_group_title_over_sub_headers_without_vertical_merges(kind):
    # "Đề nghị" merged across its two sub-columns only, and nothing merged downwards:
    # the sub-headers were taken for a data row ("Thiếu cột Danh hiệu đề nghị").
    rows = [
        ["STT", "Họ và tên", "Chức vụ, đơn vị", "Đề nghị", None],
        [None, None, None, "Danh hiệu đề nghị", "Thành tích"],
        ROW,
    ]
    if kind == "xlsx":
        data = _book({"Sheet1": rows}, merges=("D1:E1",))
    else:
        data = "\n".join(";".join("" if v is None else str(v) for v in row) for row in rows).encode("utf-8-sig")
    table = read_table(data, f"ds.{kind}", expected=CANDIDATE_ALIASES)
    assert table.headers == HEADER
    assert table.row_numbers == [3] and table.rows[0]["Danh hiệu đề nghị"] == "Lao động tiên tiến"
    # A data row under a one-row header is never read as sub-headers.
    plain = read_table(_book({"Sheet1": [HEADER, ROW]}), "ds.xlsx", expected=CANDIDATE_ALIASES)
    assert plain.headers == HEADER and plain.row_numbers == [2]
