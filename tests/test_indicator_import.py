"""Importing indicator values from .xlsx/.csv: all or nothing, messages naming row and column."""

from __future__ import annotations

import io

import openpyxl
import pytest

from scoring import indicator_import, indicators
from scoring.errors import PermissionDenied, ValidationError
from scoring.indicator_import import ImportRejected

HEADER = "Phong trào;Chỉ tiêu;Đơn vị;Năm;Giá trị;Nguồn"
SIGNED = "Văn hóa công sở;Tỷ lệ văn bản đi được ký số"
HOURS = "Xã hội học tập;Số giờ bồi dưỡng bình quân mỗi viên chức trong năm"


def csv(*lines: str, header: str = HEADER) -> bytes:
    return ("\n".join([header, *lines]) + "\n").encode("utf-8-sig")


def secretary(store):
    return store.query("SELECT * FROM members WHERE role = 'secretary'")[0]


def snapshot(store) -> tuple:
    """Everything an import could touch."""
    return (
        store.query("SELECT * FROM indicator_values ORDER BY id"),
        store.scalar("SELECT COUNT(*) FROM audit_log"),
    )


def value_of(store, name: str, year: int, unit: str | None = None) -> float | None:
    for r in indicators.list_values(store):
        ind = store.scalar("SELECT name FROM indicators WHERE id = ?", (r["indicator_id"],))
        if ind == name and r["year"] == year and r["unit"] == unit:
            return r["value"]
    return None


def test_good_csv_writes_every_row_with_decimal_comma_and_units(demo_store):
    data = csv(
        f"{SIGNED};Toàn trường;2025;85,5;Báo cáo năm 2025",
        f"{HOURS};Khoa Dân vận;2025;41;",
        f"{HOURS};LLCS;2024;39,5;",  # a unit by its short name
        f"{SIGNED};;2023;56;",  # empty unit: the whole school (updates the stored 55)
    )
    result = indicator_import.import_values(demo_store, secretary(demo_store), data, "so-lieu.csv")
    assert result.written == 4
    assert value_of(demo_store, "Tỷ lệ văn bản đi được ký số", 2025) == 85.5
    assert value_of(demo_store, "Tỷ lệ văn bản đi được ký số", 2023) == 56
    assert value_of(demo_store, "Số giờ bồi dưỡng bình quân mỗi viên chức trong năm", 2025, "Khoa Dân vận") == 41
    assert (
        value_of(demo_store, "Số giờ bồi dưỡng bình quân mỗi viên chức trong năm", 2024, "Khoa Lý luận cơ sở") == 39.5
    )
    sources = {r["source"] for r in demo_store.query("SELECT source FROM indicator_values WHERE year = 2025")}
    assert "Báo cáo năm 2025" in sources and "Tệp so-lieu.csv" in sources


@pytest.mark.parametrize("word", ["Toàn cơ quan, đơn vị", "toàn cơ quan đơn vị", "Toàn cơ quan", "Whole institution"])
def test_the_whole_institution_is_named_for_any_institution(demo_store, word):
    # QA (a provincial department): the screens said “Toàn trường”; they now say “Toàn cơ quan, đơn vị”,
    # and a file written with it files the figure for the whole institution, like an empty cell or a
    # school's “Toàn trường” (test above).
    data = csv(f"{SIGNED};{word};2025;77;")
    result = indicator_import.import_values(demo_store, secretary(demo_store), data, "so-lieu.csv")
    assert result.written == 1
    assert value_of(demo_store, "Tỷ lệ văn bản đi được ký số", 2025) == 77


def test_xlsx_with_header_aliases_and_no_movement_column(demo_store):
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.append(["SỐ LIỆU CHỈ TIÊU PHONG TRÀO"])  # a title line above the header, as office forms have
    sheet.append(["Tên chỉ tiêu", "Tên đơn vị", "NAM", "Số liệu"])
    sheet.append(["Tỷ lệ văn bản đi được ký số", "Toàn trường", 2025, 88.25])
    buffer = io.BytesIO()
    book.save(buffer)
    result = indicator_import.import_values(demo_store, secretary(demo_store), buffer.getvalue(), "so-lieu.xlsx")
    assert result.written == 1
    assert value_of(demo_store, "Tỷ lệ văn bản đi được ký số", 2025) == 88.25


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        (
            "Phong trào lạ;Tỷ lệ văn bản đi được ký số;;2025;1;",
            "Dòng 2, cột “Phong trào”: không có phong trào “Phong trào lạ”",
        ),
        (
            "Văn hóa công sở;Chỉ tiêu lạ;;2025;1;",
            "Dòng 2, cột “Chỉ tiêu”: phong trào “Văn hóa công sở” không có chỉ tiêu",
        ),
        (f"{SIGNED};Khoa Không Có;2025;1;", "Dòng 2, cột “Đơn vị”: không có đơn vị “Khoa Không Có”"),
        (f"{SIGNED};;năm nay;1;", "Dòng 2, cột “Năm”: năm “năm nay” không phải là số nguyên"),
        (f"{SIGNED};;2025,5;1;", "Dòng 2, cột “Năm”: năm “2025,5” không phải là số nguyên"),
        (f"{SIGNED};;1890;1;", "Dòng 2, cột “Năm”: năm 1890 nằm ngoài khoảng 2000-2100"),
        (f"{SIGNED};;20255;1;", "Dòng 2, cột “Năm”: năm 20255 nằm ngoài khoảng 2000-2100"),
        (f"{SIGNED};;2025;khoảng 80;", "Dòng 2, cột “Giá trị”: “khoảng 80” không phải là số"),
        (f"{SIGNED};;2025;;", "Dòng 2, cột “Giá trị”: còn trống"),
        (f"{SIGNED};;;80;", "Dòng 2, cột “Năm”: còn trống"),
        (f"{SIGNED};;2025;1.234;", "Dòng 2, cột “Giá trị”: “1.234” là 1234 (dấu chấm ngăn cách hàng nghìn) hay 1,234?"),
        (f"{HOURS};DV;2025;41%;", "Dòng 2, cột “Giá trị”: “41%” có dấu %, nhưng chỉ tiêu này tính bằng “giờ/người”"),
        (f"{SIGNED};;2025;1;" + "x" * 501, "Dòng 2, cột “Nguồn”: quá dài"),
    ],
)
def test_a_bad_cell_rejects_the_file_names_row_and_column_and_changes_nothing(demo_store, line, expected):
    before = snapshot(demo_store)
    good = f"{SIGNED};;2024;70;"  # a good row after the bad one is not written either
    with pytest.raises(ImportRejected) as exc:
        indicator_import.import_values(demo_store, secretary(demo_store), csv(line, good), "x.csv")
    assert expected in str(exc.value)
    assert "chưa ghi gì vào cơ sở dữ liệu" in str(exc.value)
    assert snapshot(demo_store) == before


def test_figures_as_vietnamese_offices_write_them(demo_store):
    # "12.500.000": dots group thousands; "1.234,5": and a decimal comma; "85,5%" for an
    # indicator measured in %; "-": no figure yet, the row is skipped with a note.
    money = "Vì người nghèo;Số tiền ủng hộ Quỹ Vì người nghèo"
    learners = "Xã hội học tập;Số lượt học viên"
    data = csv(
        f"{money};;2024;12.500.000;",
        f"{learners};;2024;1.234,5;",
        f"{SIGNED};;2024;85,5%;",
        f"{SIGNED};;2023;-;",
    )
    before_2023 = value_of(demo_store, "Tỷ lệ văn bản đi được ký số", 2023)
    result = indicator_import.import_values(demo_store, secretary(demo_store), data, "x.csv")
    assert result.written == 3
    assert value_of(demo_store, "Số tiền ủng hộ Quỹ Vì người nghèo", 2024) == 12_500_000
    assert value_of(demo_store, "Số lượt học viên", 2024) == 1234.5
    assert value_of(demo_store, "Tỷ lệ văn bản đi được ký số", 2024) == 85.5
    assert value_of(demo_store, "Tỷ lệ văn bản đi được ký số", 2023) == before_2023  # "-" left it alone
    assert "Dòng 5: “-” (chưa có số liệu), bỏ qua dòng này." in result.notes


@pytest.mark.parametrize("header", ["Khoa/Phòng", "KHOA - PHÒNG", "Đơn vị công tác"])
def test_a_unit_column_as_offices_head_it_files_values_for_that_unit(demo_store, header):
    data = csv(f"{HOURS};Khoa Dân vận;2025;41;", header=f"Phong trào;Chỉ tiêu;{header};Năm;Giá trị;Nguồn")
    indicator_import.import_values(demo_store, secretary(demo_store), data, "x.csv")
    assert value_of(demo_store, "Số giờ bồi dưỡng bình quân mỗi viên chức trong năm", 2025, "Khoa Dân vận") == 41
    assert value_of(demo_store, "Số giờ bồi dưỡng bình quân mỗi viên chức trong năm", 2025) != 41


def test_unit_names_under_an_unknown_header_refuse_the_file(demo_store):
    # Read as a file without a unit column, every unit's figure became the whole school's.
    before = snapshot(demo_store)
    data = csv(
        f"{HOURS};Khoa Dân vận;2025;41;", f"{HOURS};;2025;40;", header="Phong trào;Chỉ tiêu;Bộ phận;Năm;Giá trị;Nguồn"
    )
    with pytest.raises(ImportRejected) as exc:
        indicator_import.import_values(demo_store, secretary(demo_store), data, "x.csv")
    assert "Cột “Bộ phận” ghi tên đơn vị (như “Khoa Dân vận”) nhưng không được nhận là cột Đơn vị" in str(exc.value)
    assert snapshot(demo_store) == before


def test_duplicates_within_the_file_name_both_rows(demo_store):
    before = snapshot(demo_store)
    data = csv(f"{SIGNED};;2025;80;", f"{HOURS};DV;2025;40;", f"{SIGNED};Toàn trường;2025;81;")
    with pytest.raises(ImportRejected) as exc:
        indicator_import.import_values(demo_store, secretary(demo_store), data, "x.csv")
    assert "Dòng 4: trùng chỉ tiêu, đơn vị và năm với dòng 2." in str(exc.value)
    assert snapshot(demo_store) == before


def test_every_error_is_listed_not_only_the_first(demo_store):
    data = csv(f"{SIGNED};;abc;1;", f"{SIGNED};;2025;x;", f"{HOURS};Phòng Ma;2025;1;")
    with pytest.raises(ImportRejected) as exc:
        indicator_import.import_values(demo_store, secretary(demo_store), data, "x.csv")
    assert len(exc.value.errors) == 3
    assert [e.split(",")[0] for e in exc.value.errors] == ["Dòng 2", "Dòng 3", "Dòng 4"]


def test_an_indicator_name_alone_must_be_unambiguous(demo_store):
    movement = indicators.list_movements(demo_store)[0]["id"]
    indicators.add_indicator(demo_store, "test", movement, "Tỷ lệ văn bản đi được ký số", "%")
    before = snapshot(demo_store)
    data = csv("Tỷ lệ văn bản đi được ký số;2025;90", header="Chỉ tiêu;Năm;Giá trị")
    with pytest.raises(ImportRejected) as exc:
        indicator_import.import_values(demo_store, secretary(demo_store), data, "x.csv")
    assert "có ở nhiều phong trào: ghi rõ cột Phong trào" in str(exc.value)
    assert snapshot(demo_store) == before


def test_missing_required_column_is_named(demo_store):
    before = snapshot(demo_store)
    data = csv(f"{SIGNED};;2025", header="Phong trào;Chỉ tiêu;Đơn vị;Năm")
    with pytest.raises(ImportRejected) as exc:
        indicator_import.import_values(demo_store, secretary(demo_store), data, "x.csv")
    assert "Tệp thiếu cột “Giá trị”" in str(exc.value)
    assert snapshot(demo_store) == before


@pytest.mark.parametrize(
    ("data", "name", "expected"),
    [
        (b"", "x.csv", "trống"),
        (HEADER.encode("utf-8") + b"\n", "x.csv", "trống"),
        (b"\x89PNG\r\n\x1a\n\x00\x00", "anh.png", "không phải bảng tính"),
    ],
)
def test_empty_or_foreign_files_are_refused(demo_store, data, name, expected):
    before = snapshot(demo_store)
    with pytest.raises(ValidationError) as exc:
        indicator_import.import_values(demo_store, secretary(demo_store), data, name)
    assert expected in str(exc.value)
    assert snapshot(demo_store) == before


def test_only_the_secretary_imports(demo_store):
    member = demo_store.query("SELECT * FROM members WHERE role = 'member'")[0]
    before = snapshot(demo_store)
    with pytest.raises(PermissionDenied):
        indicator_import.import_values(demo_store, member, csv(f"{SIGNED};;2025;80;"), "x.csv")
    assert snapshot(demo_store) == before


def test_the_template_imports_cleanly(demo_store):
    result = indicator_import.import_values(
        demo_store, secretary(demo_store), indicator_import.template_csv(), "mau.csv"
    )
    assert result.written == 2
