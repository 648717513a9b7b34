"""Import of the lists offices send: a corpus of bad inputs (each refused with a
Vietnamese message naming file, row and column, the database untouched), the
awkward-but-valid files offices really produce, the sample files, templates and
the command line."""

from __future__ import annotations

import csv
import io
import time
import unicodedata
from pathlib import Path

import pytest
from openpyxl import Workbook

from scoring import conference, imports, voting
from scoring.cli import main
from scoring.db import Store
from scoring.errors import ValidationError
from scoring.tabular import encode_windows_1258, read_table
from scoring.templates import template_xlsx
from tests.conftest import member_id

SAMPLES = Path(__file__).resolve().parent.parent / "data" / "samples"
CANDIDATE_HEADER = "STT;Họ và tên;Chức vụ;Đơn vị;Loại (Tập thể/Cá nhân);Danh hiệu đề nghị;Thành tích"
CRITERIA_HEADER = "Bộ tiêu chí;STT;Tiêu chí;Điểm tối đa;Trọng số;Bước điểm"


# --- building files -------------------------------------------------------------------------------


def csv_bytes(*lines: str, encoding: str = "utf-8") -> bytes:
    return ("\n".join(lines) + "\n").encode(encoding)


def xlsx_bytes(rows: list[list[object]], *, merges: list[str] = (), extra_sheets: dict | None = None) -> bytes:
    book = Workbook()
    ws = book.active
    ws.title = "Danh sách"
    for r, row in enumerate(rows, start=1):
        for c, value in enumerate(row, start=1):
            if value is not None:
                ws.cell(row=r, column=c, value=value)
    for merged in merges:
        ws.merge_cells(merged)
    for name, sheet_rows in (extra_sheets or {}).items():
        extra = book.create_sheet(name)
        for row in sheet_rows:
            extra.append(row)
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()


def candidates_csv(*rows: str) -> bytes:
    return csv_bytes(CANDIDATE_HEADER, *rows)


def criteria_csv(*rows: str) -> bytes:
    return csv_bytes(CRITERIA_HEADER, *rows)


def dump(store: Store) -> dict[str, list[tuple]]:
    """Every row of every table: what "the database is unchanged" means."""
    tables = [r["name"] for r in store.query("SELECT name FROM sqlite_master WHERE type = 'table'")]
    return {t: sorted(tuple(r.values()) for r in store.query(f"SELECT * FROM {t}")) for t in tables}


GOOD_CANDIDATE = "1;Lương Thị Thảo;Giảng viên;Khoa Dân vận;Cá nhân;Lao động tiên tiến;Hoàn thành tốt nhiệm vụ"

# (id, files, kind, message, row, column): each must be refused, naming the row and column.
BAD: list[tuple[str, list[tuple[str, bytes]], str | None, str, int | None, str]] = [
    (
        "missing title column",
        [("ds.csv", csv_bytes("STT;Họ và tên;Đơn vị", "1;Lê Văn B;Khoa Dân vận"))],
        "candidates",
        "Thiếu cột “Danh hiệu đề nghị”",
        None,
        "",
    ),
    (
        "wrong columns for units",
        [("dv.csv", csv_bytes("Mã;Ghi chú", "1;x"))],
        "units",
        "Thiếu cột “Tên đơn vị”",
        None,
        "",
    ),
    (
        "columns nobody knows",
        [("bang.csv", csv_bytes("Cột A;Cột B", "1;2"))],
        None,
        "Không nhận ra tệp chứa gì",
        None,
        "",
    ),
    (
        "empty name",
        [("ds.csv", candidates_csv(GOOD_CANDIDATE, "2;;Giảng viên;Khoa Dân vận;Cá nhân;Lao động tiên tiến;x"))],
        None,
        "Thiếu Họ và tên",
        3,
        "Họ và tên",
    ),
    (
        "empty unit name",
        [("don-vi.csv", csv_bytes("STT;Tên đơn vị;Tên viết tắt", "1;;KX"))],
        None,
        "Thiếu Tên đơn vị",
        2,
        "Tên đơn vị",
    ),
    (
        "duplicate in file",
        [("ds.csv", candidates_csv(GOOD_CANDIDATE, GOOD_CANDIDATE.replace("1;", "2;", 1)))],
        None,
        "trùng với dòng 2",
        3,
        "Họ và tên",
    ),
    (
        "case variant in file",
        [("ds.csv", candidates_csv(GOOD_CANDIDATE, GOOD_CANDIDATE.replace("Lương Thị Thảo", "LƯƠNG THỊ THẢO")))],
        None,
        "trùng với dòng 2",
        3,
        "Họ và tên",
    ),
    (
        "NFC/NFD twins in file",
        [
            (
                "ds.csv",
                candidates_csv(
                    GOOD_CANDIDATE, unicodedata.normalize("NFD", GOOD_CANDIDATE.replace("Hoàn thành", "Xuất sắc"))
                ),
            )
        ],
        None,
        "trùng với dòng 2",
        3,
        "Họ và tên",
    ),
    (
        "duplicate across two files",
        [("a.csv", candidates_csv(GOOD_CANDIDATE)), ("b.csv", candidates_csv(GOOD_CANDIDATE))],
        None,
        "trùng với tệp “a.csv”, dòng 2",
        2,
        "Họ và tên",
    ),
    (
        "unknown unit",
        [("ds.csv", candidates_csv("1;Lê Văn B;Giảng viên;Khoa Vật lý;Cá nhân;Lao động tiên tiến;x"))],
        None,
        "Không có đơn vị “Khoa Vật lý”",
        2,
        "Đơn vị",
    ),
    (
        "unknown unit inside Chức vụ, đơn vị",
        [
            (
                "ds.csv",
                csv_bytes(
                    "Họ và tên;Chức vụ, đơn vị;Danh hiệu đề nghị", "Lê Văn B;Giảng viên, Khoa Vật lý;Lao động tiên tiến"
                ),
            )
        ],
        None,
        "Không có đơn vị “Khoa Vật lý”",
        2,
        "Chức vụ, đơn vị",
    ),
    (
        "unknown title",
        [("ds.csv", candidates_csv("1;Lê Văn B;Giảng viên;Khoa Dân vận;Cá nhân;Chiến sĩ thi đua toàn quốc;x"))],
        None,
        "Không có danh hiệu “Chiến sĩ thi đua toàn quốc”",
        2,
        "Danh hiệu đề nghị",
    ),
    (
        "title for the other kind",
        [("ds.csv", candidates_csv("1;Khoa Dân vận;;Khoa Dân vận;Tập thể;Chiến sĩ thi đua cơ sở;x"))],
        None,
        "dành cho cá nhân, không dành cho tập thể",
        2,
        "Danh hiệu đề nghị",
    ),
    (
        "kind neither collective nor individual",
        [("ds.csv", candidates_csv("1;Lê Văn B;Giảng viên;Khoa Dân vận;Nhóm;Lao động tiên tiến;x"))],
        None,
        "“Nhóm” không phải “Tập thể” hay “Cá nhân”",
        2,
        "Loại (Tập thể/Cá nhân)",
    ),
    (
        "max points not a number",
        [("tc.csv", criteria_csv("Bộ mới;1;Tiêu chí A;mười;1;1"))],
        None,
        "Điểm tối đa: “mười” không phải là số",
        2,
        "Điểm tối đa",
    ),
    (
        "weight not a number",
        [("tc.csv", criteria_csv("Bộ mới;1;Tiêu chí A;50;cao;1"))],
        None,
        "Trọng số: “cao” không phải là số",
        2,
        "Trọng số",
    ),
    (
        "negative max points",
        [("tc.csv", criteria_csv("Bộ mới;1;Tiêu chí A;-5;1;1"))],
        None,
        "Điểm tối đa phải lớn hơn 0",
        2,
        "Điểm tối đa",
    ),
    (
        "max points over 100",
        [("tc.csv", criteria_csv("Bộ mới;1;Tiêu chí A;150;1;1"))],
        None,
        "Điểm tối đa phải từ 0 đến 100 (đang là 150)",
        2,
        "Điểm tối đa",
    ),
    (
        "negative weight",
        [("tc.csv", criteria_csv("Bộ mới;1;Tiêu chí A;50;-1;1", "Bộ mới;2;Tiêu chí B;50;1;1"))],
        None,
        "Trọng số phải lớn hơn 0",
        2,
        "Trọng số",
    ),
    (
        "step larger than the maximum",
        [("tc.csv", criteria_csv("Bộ mới;1;Tiêu chí A;2;1;5"))],
        None,
        "Bước điểm 5 lớn hơn điểm tối đa 2",
        2,
        "Bước điểm",
    ),
    (
        "same criterion twice in a set",
        [("tc.csv", criteria_csv("Bộ mới;1;Tiêu chí A;50;1;1", "Bộ mới;2;tiêu chí a;50;1;1"))],
        None,
        "trùng với dòng 2",
        3,
        "Tiêu chí",
    ),
    (
        "negative staff count",
        [("don-vi.csv", csv_bytes("Tên đơn vị;Số viên chức", "Khoa Kinh tế;-3"))],
        None,
        "Số cán bộ, viên chức phải từ 0 đến 100000 (đang là -3)",
        2,
        "Số viên chức",
    ),
    (
        "staff count not a number",
        [("don-vi.csv", csv_bytes("Tên đơn vị;Số viên chức", "Khoa Kinh tế;mười hai"))],
        None,
        "Số cán bộ, viên chức: “mười hai” không phải là số",
        2,
        "Số viên chức",
    ),
    (
        "unit kind unknown",
        [("don-vi.csv", csv_bytes("Tên đơn vị;Loại", "Viện Nghiên cứu;Viện"))],
        None,
        "Loại đơn vị “Viện” không hợp lệ",
        2,
        "Loại",
    ),
    (
        "member role unknown",
        [("tv.csv", csv_bytes("Họ và tên;Vai trò;Đơn vị", "Lê Văn B;Khách mời;Khoa Dân vận"))],
        None,
        "Vai trò “Khách mời” không hợp lệ",
        2,
        "Vai trò",
    ),
    (
        "member in an unknown unit",
        [("thanh-vien.csv", csv_bytes("Họ và tên;Vai trò;Đơn vị", "Lê Văn B;Ủy viên;Phòng Kế toán"))],
        None,
        "Không có đơn vị “Phòng Kế toán”",
        2,
        "Đơn vị",
    ),
    ("empty file", [("ds.csv", b"")], None, "Tệp “ds.csv” trống", None, ""),
    ("only separators", [("ds.csv", b";;;\r\n;;;\r\n")], None, "trống", None, ""),
    ("header without rows", [("ds.csv", csv_bytes(CANDIDATE_HEADER))], None, "không có dòng dữ liệu", None, ""),
    (
        "image named .xlsx",
        [("ds.xlsx", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR")],
        None,
        "không phải bảng tính",
        None,
        "",
    ),
    ("binary named .csv", [("ds.csv", bytes(range(256)) * 4)], None, "không phải bảng tính", None, ""),
    (
        "a zip that is not a workbook",
        [("ds.xlsx", b"PK\x05\x06" + b"\x00" * 18)],
        None,
        "không phải bảng tính",
        None,
        "",
    ),
    ("Word file", [("ds.docx", b"%PDF-1.4 not a sheet")], None, "không phải bảng tính", None, ""),
    (
        "Excel 97-2003",
        [("ds.xls", b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 64)],
        None,
        "Excel 97-2003",
        None,
        "",
    ),
    (
        "formula typed into a CSV name",
        [("ds.csv", candidates_csv('1;=HYPERLINK("http://x");Giảng viên;Khoa Dân vận;Cá nhân;Lao động tiên tiến;x'))],
        None,
        "Ô bắt đầu bằng “=”",
        2,
        "Họ và tên",
    ),
    (
        "name starting with @",
        [("ds.csv", candidates_csv("1;@SUM(A1);Giảng viên;Khoa Dân vận;Cá nhân;Lao động tiên tiến;x"))],
        None,
        "Ô bắt đầu bằng “@”",
        2,
        "Họ và tên",
    ),
    (
        "formula cell in an xlsx name",
        [
            (
                "ds.xlsx",
                xlsx_bytes(
                    [
                        ["STT", "Họ và tên", "Đơn vị", "Danh hiệu đề nghị"],
                        [1, "=1+1", "Khoa Dân vận", "Lao động tiên tiến"],
                    ]
                ),
            )
        ],
        None,
        "Ô chứa công thức “=1+1”",
        2,
        "Họ và tên",
    ),
    (
        "formula cell in criteria points",
        [
            (
                "tc.xlsx",
                xlsx_bytes([["Bộ tiêu chí", "Tiêu chí", "Điểm tối đa"], ["Bộ mới", "Tiêu chí A", "=50*2"]]),
            )
        ],
        None,
        "Ô chứa công thức “=50*2”",
        2,
        "Điểm tối đa",
    ),
    (
        "different applies-to inside one set",
        [
            (
                "tc.csv",
                csv_bytes("Bộ tiêu chí;Đối tượng;Tiêu chí;Điểm tối đa", "Bộ mới;Cá nhân;A;50", "Bộ mới;Tập thể;B;50"),
            )
        ],
        None,
        "ghi đối tượng khác nhau",
        3,
        "Đối tượng",
    ),
    (
        "good file refused with a bad one",
        [("tot.csv", candidates_csv(GOOD_CANDIDATE)), ("xau.csv", b"")],
        None,
        "Tệp “xau.csv” trống",
        None,
        "",
    ),
    (
        "too many rows",
        [("don-vi.csv", csv_bytes("Tên đơn vị", *[f"Tổ {i}" for i in range(imports.MAX_ROWS + 1)]))],
        None,
        f"quá giới hạn {imports.MAX_ROWS} dòng",
        None,
        "",
    ),
]


@pytest.mark.parametrize(("files", "kind", "message", "row", "column"), [b[1:] for b in BAD], ids=[b[0] for b in BAD])
def test_bad_input_is_refused_with_its_row_and_column_and_nothing_changes(
    demo_store, files, kind, message, row, column
):
    before = dump(demo_store)
    plan = imports.plan_import(demo_store, files, kind)
    assert not plan.ok
    matching = [p for p in plan.errors if message in p.message]
    assert matching, [str(p) for p in plan.errors]
    assert (matching[0].row, matching[0].column) == (row, column)
    with pytest.raises(imports.ImportRefused, match="Không nhập dòng nào"):
        imports.commit_import(demo_store, "test", files, kind)
    assert dump(demo_store) == before


def test_the_corpus_is_large_enough():
    assert len(BAD) >= 30


def test_criteria_of_a_set_already_scored_cannot_be_replaced(demo_store):
    round_candidates = [c for c in voting.sheet(demo_store, 1, member_id(demo_store, "Lê Văn Đức"))]
    item = next(i for i in round_candidates if i.candidate["kind"] == "individual")
    voting.save_draft(
        demo_store, 1, member_id(demo_store, "Lê Văn Đức"), item.candidate["id"], {item.criteria[0]["id"]: 10}
    )
    before = dump(demo_store)
    name = "Phiếu chấm điểm cá nhân (thang 100 điểm)"
    files = [("tc.csv", criteria_csv(f"{name};1;Một tiêu chí duy nhất;100;1;1"))]
    plan = imports.plan_import(demo_store, files)
    assert [p.message for p in plan.errors] == ["Bộ tiêu chí đã có điểm chấm: không thể thay đổi tiêu chí."]
    with pytest.raises(imports.ImportRefused):
        imports.commit_import(demo_store, "test", files)
    assert dump(demo_store) == before


# --- size: refused before parsing ---------------------------------------------------------------


def test_a_50_mb_file_is_refused_by_its_size_before_it_is_read(tmp_path, demo_store, capsys):
    big = tmp_path / "khong-lo.xlsx"
    with big.open("wb") as f:  # sparse: 50 MB on paper, nothing to write
        f.seek(50 * 1024 * 1024 - 1)
        f.write(b"\0")
    started = time.perf_counter()
    with pytest.raises(ValidationError, match=r"quá lớn \(52,4 MB; tối đa 10 MB\)"):
        imports.read_upload(big)
    assert time.perf_counter() - started < 0.5
    started = time.perf_counter()
    plan = imports.plan_import(demo_store, [("khong-lo.csv", b"a" * (50 * 1024 * 1024))])
    assert time.perf_counter() - started < 1.0
    assert "quá lớn" in plan.errors[0].message
    before = dump(demo_store)
    assert main(["--db", str(demo_store.path), "import", str(big)]) == 1
    assert "quá lớn" in capsys.readouterr().err
    assert dump(demo_store) == before


# --- awkward but valid: handled --------------------------------------------------------------------


def _created(plan: imports.ImportPlan) -> list[str]:
    return [r.label for f in plan.files for r in f.rows if r.action == "create"]


def test_merged_header_cells_and_a_two_row_header(demo_store):
    # Row 1 title merged across; "STT", "Họ và tên", "Đơn vị" merged down over rows 2-3;
    # "Đề nghị" merged across two sub-headers; "Đơn vị" merged down over two people.
    rows = [
        ["DANH SÁCH ĐỀ NGHỊ KHEN THƯỞNG NĂM 2024"],
        ["STT", "Họ và tên", "Đơn vị", "Đề nghị", None],
        [None, None, None, "Danh hiệu", "Thành tích"],
        [1, "Lương Thị Thảo", "Khoa Dân vận", "Lao động tiên tiến", "Tốt"],
        [2, "Trịnh Văn Khoa", None, "Lao động tiên tiến", "Khá"],
    ]
    data = xlsx_bytes(rows, merges=["A1:E1", "A2:A3", "B2:B3", "C2:C3", "D2:E2", "C4:C5"])
    plan = imports.plan_import(demo_store, [("ds.xlsx", data)])
    assert plan.ok, [str(p) for p in plan.problems]
    assert [(r.row, r.values["unit"], r.values["achievements"]) for r in plan.files[0].rows] == [
        (4, "Khoa Dân vận", "Tốt"),
        (5, "Khoa Dân vận", "Khá"),
    ]


def test_a_header_merged_across_two_columns(demo_store):
    rows = [["STT", "Họ và tên", None, "Danh hiệu đề nghị"], [1, "Lương Thị Thảo", None, "Lao động tiên tiến"]]
    plan = imports.plan_import(demo_store, [("ds.xlsx", xlsx_bytes(rows, merges=["B1:C1"]))])
    assert plan.ok and _created(plan) == ["Lương Thị Thảo"]


def test_extra_blank_rows_keep_excel_row_numbers(demo_store):
    rows = [
        [],
        [],
        ["STT", "Họ và tên", "Đơn vị", "Danh hiệu đề nghị"],
        [],
        [1, "Lương Thị Thảo", "Khoa Dân vận", "Lao động tiên tiến"],
        [],
        [],
        [2, "Trịnh Văn Khoa", "Khoa Vật lý", "Lao động tiên tiến"],
        [3],  # a numbered line left empty
    ]
    plan = imports.plan_import(demo_store, [("ds.xlsx", xlsx_bytes(rows))])
    assert [(p.row, p.column) for p in plan.errors] == [(8, "Đơn vị")]
    assert [r.row for r in plan.files[0].rows] == [5]


def test_a_second_sheet_is_ignored_and_said_so(demo_store):
    rows = [["Họ và tên", "Danh hiệu đề nghị"], ["Lương Thị Thảo", "Lao động tiên tiến"]]
    data = xlsx_bytes(rows, extra_sheets={"Ghi chú": [["Chỉ để tham khảo", "x"]]})
    plan = imports.plan_import(demo_store, [("ds.xlsx", data)])
    assert plan.ok
    assert any("bỏ qua: Ghi chú" in p.message and p.level == "warning" for p in plan.problems)


def test_data_on_the_second_sheet_when_the_first_is_empty(demo_store):
    data = xlsx_bytes(
        [], extra_sheets={"DS": [["Họ và tên", "Danh hiệu đề nghị"], ["Lương Thị Thảo", "Lao động tiên tiến"]]}
    )
    plan = imports.plan_import(demo_store, [("ds.xlsx", data)])
    assert plan.ok and plan.files[0].sheet == "DS"


@pytest.mark.parametrize(("lang", "warning"), [("vi", "Cột “Cột 4” không dùng đến, bỏ qua."),
                                               ("en", "Column “Column 4” is not used; ignored.")])  # fmt: skip
def test_a_column_without_a_header_is_mentioned_only_if_it_holds_data(demo_store, lang, warning):
    from scoring import i18n

    i18n.set_language(lang)
    empty = [("ds.csv", csv_bytes("STT;Họ và tên;Danh hiệu đề nghị;", "1;Lương Thị Thảo;Lao động tiên tiến;"))]
    assert imports.plan_import(demo_store, empty).problems == []
    filled = [("ds.csv", csv_bytes("STT;Họ và tên;Danh hiệu đề nghị;", "1;Lương Thị Thảo;Lao động tiên tiến;x"))]
    assert [p.message for p in imports.plan_import(demo_store, filled).problems] == [warning]


def test_unknown_columns_are_ignored_with_a_warning(demo_store):
    files = [
        (
            "ds.csv",
            csv_bytes("STT;Họ và tên;Danh hiệu đề nghị;Số điện thoại", "1;Lương Thị Thảo;Lao động tiên tiến;0905"),
        )
    ]
    plan = imports.plan_import(demo_store, files)
    assert plan.ok
    assert [p.message for p in plan.problems] == ["Cột “Số điện thoại” không dùng đến, bỏ qua."]


def test_criteria_total_not_100_is_a_warning_and_the_set_is_created(demo_store):
    files = [("tc.csv", criteria_csv("Bộ mới;1;Tiêu chí A;40;1;1", "Bộ mới;2;Tiêu chí B;50;1;0,5"))]
    plan = imports.plan_import(demo_store, files)
    assert plan.ok
    assert any("Tổng điểm tối đa các tiêu chí là 90, không phải 100" in p.message for p in plan.problems)
    imports.commit_import(demo_store, "test", files)
    created = next(s for s in conference.list_criteria_sets(demo_store) if s["name"] == "Bộ mới")
    assert [(c["name"], c["max_points"], c["step"]) for c in conference.list_criteria(demo_store, created["id"])] == [
        ("Tiêu chí A", 40, 1),
        ("Tiêu chí B", 50, 0.5),
    ]


def test_column_number_row_total_row_and_stt_only_rows_are_skipped(demo_store):
    files = [
        (
            "tc.csv",
            csv_bytes(
                "STT;Tiêu chí;Điểm tối đa",
                "(1);(2);(3)",
                "1;Tiêu chí A;60",
                "2;Tiêu chí B;40",
                "3;;",
                ";Tổng cộng;100",
            ),
        )
    ]
    plan = imports.plan_import(demo_store, files, "criteria")
    assert plan.ok
    assert _created(plan) == ["Tiêu chí A", "Tiêu chí B"]
    assert any(p.row == 6 and "tổng cộng" in p.message for p in plan.problems)


@pytest.mark.parametrize("total", ["Tổng cộng: 2 người", "TỔNG SỐ (2 cá nhân)", "Cộng: 2", "Tổng số 2"])
def test_a_total_row_with_a_count_is_skipped_not_an_error(demo_store, total):
    # Offices close a list of nominees with "Tổng cộng: 2 người" in the name column and
    # nothing in "Danh hiệu đề nghị": a total line, not a nominee missing a title.
    files = [
        (
            "de-nghi.csv",
            csv_bytes(
                "STT;Họ và tên;Chức vụ, đơn vị;Danh hiệu đề nghị",
                "1;Hồ Thị Lan;Giảng viên, Khoa Xây dựng Đảng;Lao động tiên tiến",
                "2;Lê Văn Mạnh;Giảng viên, Khoa Dân vận;Lao động tiên tiến",
                f";{total};;",
            ),
        )
    ]
    plan = imports.plan_import(demo_store, files)
    assert plan.ok, [p.message for p in plan.errors]
    assert _created(plan) == ["Hồ Thị Lan", "Lê Văn Mạnh"]
    assert any(p.row == 4 and "tổng cộng" in p.message for p in plan.problems)


def test_a_name_that_starts_like_a_total_is_not_a_total_row(demo_store):
    files = [("don-vi.csv", csv_bytes("Tên đơn vị;Loại", "Cộng đồng học tập;Khác", "Tổng hợp Thư viện;Khác"))]
    plan = imports.plan_import(demo_store, files)
    assert plan.ok
    assert _created(plan) == ["Cộng đồng học tập", "Tổng hợp Thư viện"]


def test_windows_1258_semicolons_and_decimal_comma(demo_store):
    text = "STT;Tên đơn vị;Loại;Số viên chức\n1;Khoa Kinh tế phát triển;Khoa;12\n2;Đoàn Thanh niên;;\n"
    files = [("don-vi.csv", encode_windows_1258(text))]
    imports.commit_import(demo_store, "test", files)
    units = {u["name"]: u for u in conference.list_units(demo_store)}
    assert units["Khoa Kinh tế phát triển"]["staff_count"] == 12
    assert units["Đoàn Thanh niên"]["kind"] == "doan_the"  # guessed from the name


def test_nfd_text_is_stored_nfc_and_a_case_variant_of_an_existing_row_is_unchanged(demo_store):
    files = [
        (
            "ds.csv",
            unicodedata.normalize(
                "NFD",
                "Họ và tên;Chức vụ, đơn vị;Danh hiệu đề nghị\n"
                "TRẦN THỊ BÍCH NGỌC;Phó Trưởng khoa, Khoa Xây dựng Đảng;"
                "Cá nhân điển hình tiên tiến giai đoạn 2020-2025\n"
                "Hồ Thị Lan;Giảng viên, Khoa Xây dựng Đảng;Lao động tiên tiến\n",
            ).encode(),
        )
    ]
    plan = imports.plan_import(demo_store, files)
    assert plan.ok
    assert [r.action for r in plan.files[0].rows] == ["unchanged", "create"]
    assert any("là “Trần Thị Bích Ngọc” đã có" in p.message for p in plan.problems)
    imports.commit_import(demo_store, "test", files)
    assert demo_store.scalar("SELECT full_name FROM candidates WHERE full_name LIKE 'H%Lan'") == "Hồ Thị Lan"
    stored = demo_store.scalar("SELECT position FROM candidates WHERE full_name = 'Hồ Thị Lan'")
    assert stored == unicodedata.normalize("NFC", stored) == "Giảng viên"


def test_a_title_written_sy_for_si_is_the_declared_title_and_an_unknown_one_lists_the_declared(demo_store):
    # Offices write "Chiến sỹ thi đua" as often as the official "Chiến sĩ": the row was refused with
    # only "Không có danh hiệu …", leaving the secretary to guess which names the app expects.
    files = [
        (
            "ds.csv",
            candidates_csv(
                "1;Lê Văn Bảo;Giảng viên;Khoa Dân vận;Cá nhân;Chiến sỹ thi đua cơ sở;x",
                "2;Lê Văn Cường;Giảng viên;Khoa Dân vận;Cá nhân;LĐTT;x",
            ),
        )
    ]
    plan = imports.plan_import(demo_store, files)
    assert [(r.row, r.values["title"]) for r in plan.files[0].rows] == [(2, "Chiến sĩ thi đua cơ sở")]
    [error] = plan.errors
    assert error.row == 3 and error.message.startswith("Không có danh hiệu “LĐTT”. Các danh hiệu đã khai báo")
    assert "“Lao động tiên tiến”" in error.message and "“Chiến sĩ thi đua cơ sở”" in error.message


def test_a_role_cell_saying_not_voting_is_not_counted_as_a_voting_member(demo_store):
    # "Thư ký (không biểu quyết)" was imported as a voting member: one more in every title's
    # denominator ("tổng số thành viên Hội đồng"), so every approval rate came out lower.
    files = [
        (
            "thanh-vien.csv",
            csv_bytes(
                "Họ và tên;Chức vụ;Vai trò",
                "Tạ Thị Nga;Chuyên viên;Thư ký (không biểu quyết)",
                "Mai Văn Lộc;Chánh Văn phòng;Thư ký, không phải thành viên Hội đồng",
                "Đoàn Thị Hương;Chủ tịch Công đoàn;UV",
                "Nguyễn Văn Sơn;Giám đốc;PCT",
            ),
        )
    ]
    plan = imports.plan_import(demo_store, files)
    assert plan.ok, [p.message for p in plan.problems]
    assert [(r.values["role"], r.values["is_voting"]) for r in plan.files[0].rows] == [
        ("Thư ký Hội đồng", "Không"),
        ("Thư ký Hội đồng", "Không"),
        ("Ủy viên", "Có"),
        ("Phó Chủ tịch Hội đồng", "Có"),
    ]
    contradiction = [("tv.csv", csv_bytes("Họ và tên;Vai trò;Biểu quyết", "Tạ Thị Nga;Thư ký (không biểu quyết);Có"))]
    [error] = imports.plan_import(demo_store, contradiction).errors
    assert error.message == "Ghi “Có” biểu quyết nhưng cột vai trò ghi “Thư ký (không biểu quyết)”."


def test_group_heading_rows_of_a_nomination_list_are_skipped_with_a_word(demo_store):
    # "I | DANH HIỆU LAO ĐỘNG TIÊN TIẾN", "II | TẬP THỂ": every office's list groups its rows so, and
    # each heading was an error ("Thiếu Danh hiệu"): nothing could be imported until they were deleted.
    data = xlsx_bytes(
        [
            ["STT", "Họ và tên", "Chức vụ, đơn vị", "Danh hiệu đề nghị"],
            ["I", "DANH HIỆU LAO ĐỘNG TIÊN TIẾN", None, None],
            [1, "Nguyễn Văn Hùng", "Giảng viên, Khoa Dân vận", "Lao động tiên tiến"],
            ["II", "TẬP THỂ", None, None],
            [1, "Khoa Dân vận", None, "Tập thể lao động xuất sắc"],
            [None, "B. Danh sách bổ sung", None, None],
            [1, "Trần Thị Lan Anh", "Giảng viên, Khoa Lý luận cơ sở", "Lao động tiên tiến"],
            ["A", "Lê Văn Chưa Có Danh Hiệu", "Giảng viên, Khoa Dân vận", None],
        ]
    )
    plan = imports.plan_import(demo_store, [("de-nghi.xlsx", data)])
    assert [r.values["full_name"] for r in plan.files[0].rows] == [
        "Nguyễn Văn Hùng",
        "Khoa Dân vận",
        "Trần Thị Lan Anh",
    ]
    warnings = [(p.row, p.message) for p in plan.problems if p.level == "warning"]
    assert (2, "Dòng tiêu đề nhóm “I DANH HIỆU LAO ĐỘNG TIÊN TIẾN”, bỏ qua.") in warnings
    assert (4, "Dòng tiêu đề nhóm “II TẬP THỂ”, bỏ qua.") in warnings
    assert (6, "Dòng tiêu đề nhóm “B. Danh sách bổ sung”, bỏ qua.") in warnings
    # a person's row with a letter for STT but more than a name is still read, and still refused
    assert [(p.row, p.message) for p in plan.errors] == [(8, "Thiếu Danh hiệu đề nghị.")]


SAMPLES = Path(__file__).resolve().parent.parent / "data" / "samples"


def test_a_new_conference_importing_its_council_is_told_to_import_units_and_of_a_second_secretary(store):
    # A new institution (init with its secretary) imports its council list before its units: each row
    # said "Không có đơn vị “tư liệu”" (the end of a unit's name with commas), nothing said the units
    # come first; with the units the list added a second secretary without a word.
    conference.start(store, "init", name="Hội nghị", organisation="Sở", secretary="Hồ Thị Kim Oanh")
    members = imports.read_upload(SAMPLES / "thanh-vien-hoi-dong.xlsx")
    alone = imports.plan_import(store, [members])
    first = next(p for p in alone.errors if p.row == 7)
    assert first.message.startswith("Không có đơn vị “Phòng Tổ chức, hành chính, thông tin, tư liệu”: hội nghị chưa")
    assert "Nhập danh sách đơn vị trước" in first.message
    together = imports.plan_import(store, [members, imports.read_upload(SAMPLES / "don-vi.csv")])
    assert together.ok
    warnings = [p.message for p in together.problems if p.level == "warning"]
    assert any("Hồ Thị Kim Oanh, Phạm Thị Ngọc Ánh cùng là Thư ký Hội đồng" in w for w in warnings), warnings


def test_changed_details_of_an_existing_candidate_are_an_update(demo_store):
    line = "Nguyễn Văn An;Giảng viên chính;Khoa Lý luận cơ sở;Chiến sĩ thi đua cấp tỉnh;Thành tích mới bổ sung"
    files = [("ds.csv", csv_bytes("Họ và tên;Chức vụ;Đơn vị;Danh hiệu đề nghị;Thành tích", line))]
    plan = imports.plan_import(demo_store, files)
    assert [r.action for r in plan.files[0].rows] == ["update"]
    before = demo_store.scalar("SELECT COUNT(*) FROM candidates")
    imports.commit_import(demo_store, "test", files)
    assert demo_store.scalar("SELECT COUNT(*) FROM candidates") == before
    assert (
        demo_store.scalar(
            "SELECT achievements FROM candidates c JOIN titles t ON t.id = c.title_id "
            "WHERE c.full_name = 'Nguyễn Văn An' AND t.name = 'Chiến sĩ thi đua cấp tỉnh'"
        )
        == "Thành tích mới bổ sung"
    )


def test_a_batch_may_name_a_unit_created_by_another_file_of_the_batch(demo_store):
    files = [
        ("ds.csv", candidates_csv("1;Lê Văn Mới;Giảng viên;Khoa Kinh tế;Cá nhân;Lao động tiên tiến;x")),
        ("don-vi.csv", csv_bytes("Tên đơn vị", "Khoa Kinh tế")),
    ]
    plan = imports.commit_import(demo_store, "test", files)
    assert plan.counts()["create"] == 2
    new = next(c for c in conference.list_candidates(demo_store) if c["full_name"] == "Lê Văn Mới")
    assert new["unit"] == "Khoa Kinh tế"


def test_a_nominee_who_sits_on_the_council_is_linked_for_recusal(demo_store):
    files = [("ds.csv", csv_bytes("Họ và tên;Đơn vị;Danh hiệu đề nghị", "Bùi Thị Lan;Khoa Dân vận;Lao động tiên tiến"))]
    imports.commit_import(demo_store, "test", files)
    linked = demo_store.scalar("SELECT member_id FROM candidates WHERE full_name = 'Bùi Thị Lan'")
    assert linked == member_id(demo_store, "Bùi Thị Lan")


def test_import_is_audited_once_with_its_files(demo_store):
    imports.commit_import(demo_store, "Phạm Thị Ngọc Ánh", [("ds.csv", candidates_csv(GOOD_CANDIDATE))])
    row = demo_store.query("SELECT * FROM audit_log WHERE action = 'import'")[0]
    assert row["actor"] == "Phạm Thị Ngọc Ánh" and "ds.csv: 1 mới" in row["detail"]


# --- reading, matching, splitting -------------------------------------------------------------


def test_headers_match_without_case_diacritics_or_punctuation():
    found = imports.match_columns(
        ["stt", "HO VA TEN", "CHỨC VỤ - ĐƠN VỊ", "Loai (Tap the / Ca nhan)", "danh hieu de nghi", "Full name"],
        imports.ALIASES["candidates"],
    )
    assert found == {
        "full_name": "HO VA TEN",
        "kind": "Loai (Tap the / Ca nhan)",
        "position_unit": "CHỨC VỤ - ĐƠN VỊ",
        "title": "danh hieu de nghi",
    }
    english = imports.match_columns(["name", "unit", "title", "kind"], imports.ALIASES["candidates"])
    assert english == {"full_name": "name", "kind": "kind", "unit": "unit", "title": "title"}


@pytest.mark.parametrize(
    ("headers", "filename", "kind"),
    [
        (["STT", "Tiêu chí", "Điểm tối đa"], "x.csv", "criteria"),
        (["Họ và tên", "Danh hiệu đề nghị"], "x.csv", "candidates"),
        (["Họ và tên", "Vai trò"], "x.csv", "members"),
        (["Tên đơn vị", "Loại"], "x.csv", "units"),
        (["Họ và tên", "Chức vụ"], "thanh-vien-hoi-dong.xlsx", "members"),
        (["Họ và tên", "Chức vụ"], "Danh sach de nghi.xlsx", "candidates"),
        (["Họ và tên", "Chức vụ"], "bang.xlsx", None),
    ],
)
def test_kind_guessed_from_headers_then_file_name(headers, filename, kind):
    assert imports.guess_kind(headers, filename) == kind


@pytest.mark.parametrize(
    ("cell", "expected"),
    [
        ("Giảng viên chính, Khoa Lý luận cơ sở", ("Giảng viên chính", "Khoa Lý luận cơ sở")),
        (
            "Trưởng phòng, Phòng Tổ chức, hành chính, thông tin, tư liệu",
            ("Trưởng phòng", "Phòng Tổ chức, hành chính, thông tin, tư liệu"),
        ),
        ("Phó Trưởng khoa DV", ("Phó Trưởng khoa", "DV")),
        ("Hiệu trưởng", ("Hiệu trưởng", "")),
        ("Khoa Vật lý", ("", "Khoa Vật lý")),
        ("Giảng viên, Khoa Vật lý", ("Giảng viên", "Khoa Vật lý")),
    ],
)
def test_position_and_unit_split_from_one_cell(cell, expected):
    units = ["Khoa Lý luận cơ sở", "Phòng Tổ chức, hành chính, thông tin, tư liệu", "DV"]
    assert imports.split_position_unit(cell, units) == expected


def test_xlsx_rows_are_numbered_as_excel_shows_them_and_title_lines_kept():
    data = xlsx_bytes([[None], [None], ["PHIẾU CHẤM ĐIỂM"], ["Tiêu chí", "Điểm tối đa"], ["A", 50]])
    table = read_table(data, "a.xlsx")
    assert table.row_numbers == [5]
    assert table.preamble == ["PHIẾU CHẤM ĐIỂM"]


# --- error report, templates, samples, CLI ------------------------------------------------------


def test_error_report_is_a_bom_csv_naming_file_row_and_column(demo_store):
    files = [("ds.csv", candidates_csv("1;=1+1;Giảng viên;Khoa Vật lý;Cá nhân;Lao động tiên tiến;x"))]
    data = imports.report_csv(imports.plan_import(demo_store, files))
    assert data.startswith(b"\xef\xbb\xbf")
    rows = list(csv.DictReader(io.StringIO(data.decode("utf-8-sig"))))
    assert rows == [
        {
            "Tệp": "ds.csv",
            "Trang": "",
            "Dòng": "2",
            "Cột": "Họ và tên",
            "Mức": "Lỗi",
            "Nội dung": "Ô bắt đầu bằng “=” như một công thức Excel: hãy bỏ ký tự đó.",
        }
    ]
    injected = imports.ImportPlan([imports.FilePlan("=cmd.csv", problems=[imports.Problem("=cmd.csv", "x")])])
    assert "'=cmd.csv" in imports.report_csv(injected).decode("utf-8-sig")


@pytest.mark.parametrize("kind", imports.KINDS)
def test_each_template_has_its_headers_and_an_example_row_that_imports(demo_store, kind):
    data = template_xlsx(kind)
    table = read_table(data, f"mau-{kind}.xlsx")
    assert len(table.rows) == 1
    plan = imports.plan_import(demo_store, [(f"mau-{kind}.xlsx", data)])
    assert plan.files[0].kind == kind
    assert plan.ok, [str(p) for p in plan.problems]
    assert not [p for p in plan.problems if "không dùng đến" in p.message]


def _samples(*names: str) -> list[tuple[str, bytes]]:
    return [imports.read_upload(SAMPLES / name) for name in names]


def test_samples_match_the_demo_and_add_only_new_nominations(demo_store):
    plan = imports.plan_import(
        demo_store, _samples(*sorted(p.name for p in SAMPLES.iterdir() if p.suffix in (".csv", ".xlsx")))
    )
    assert plan.ok, [str(p) for p in plan.errors]
    by_kind = {f.file: (f.kind, f.counts()) for f in plan.files}
    assert by_kind["don-vi.csv"] == ("units", {"create": 0, "update": 0, "unchanged": 7})
    assert by_kind["thanh-vien-hoi-dong.xlsx"] == ("members", {"create": 0, "update": 0, "unchanged": 11})
    assert by_kind["tieu-chi-ca-nhan.xlsx"][1]["unchanged"] == 5
    assert by_kind["tieu-chi-tap-the.csv"][1]["unchanged"] == 5
    assert by_kind["de-nghi-khen-thuong.xlsx"] == ("candidates", {"create": 4, "update": 0, "unchanged": 0})
    assert by_kind["de-nghi-bo-sung.csv"] == ("candidates", {"create": 2, "update": 0, "unchanged": 0})


def test_samples_import_into_an_empty_database_in_order(store):
    plan = imports.commit_import(
        store,
        "test",
        _samples("don-vi.csv", "tieu-chi-ca-nhan.xlsx", "tieu-chi-tap-the.csv", "thanh-vien-hoi-dong.xlsx"),
    )
    assert plan.counts() == {"create": 28, "update": 0, "unchanged": 0}
    secretary = next(m for m in conference.list_members(store) if m["full_name"] == "Phạm Thị Ngọc Ánh")
    assert (secretary["role"], secretary["unit"]) == ("secretary", "Phòng Tổ chức, hành chính, thông tin, tư liệu")
    assert secretary["position"] == "Trưởng phòng Tổ chức, hành chính, thông tin, tư liệu"
    nominations = _samples("de-nghi-khen-thuong.xlsx")
    refused = imports.plan_import(store, nominations)
    assert "Không có danh hiệu “Lao động tiên tiến”" in refused.errors[0].message  # titles come from setup
    for name, applies in [
        ("Lao động tiên tiến", "individual"),
        ("Chiến sĩ thi đua cơ sở", "individual"),
        ("Tập thể lao động tiên tiến", "collective"),
    ]:
        conference.add_title(store, "test", name, applies)
    assert imports.commit_import(store, "test", nominations).counts()["create"] == 4


def test_cli_dry_run_then_import_with_the_same_messages(demo_store, capsys):
    db = str(demo_store.path)
    sample = str(SAMPLES / "de-nghi-khen-thuong.xlsx")
    before = demo_store.scalar("SELECT COUNT(*) FROM candidates")
    assert main(["--db", db, "import", sample, "--dry-run"]) == 0
    out = capsys.readouterr().out
    assert "4 mục tạo mới" in out and "dòng 5: Tạo mới: Lương Thị Thảo" in out and "Chạy thử" in out
    assert demo_store.scalar("SELECT COUNT(*) FROM candidates") == before
    assert main(["--db", db, "import", sample]) == 0
    assert "Đã nhập: 4 mục mới" in capsys.readouterr().out
    assert demo_store.scalar("SELECT COUNT(*) FROM candidates") == before + 4


def test_cli_refuses_every_file_when_one_has_an_error(demo_store, tmp_path, capsys):
    bad = tmp_path / "de-nghi-loi.csv"
    bad.write_bytes(candidates_csv("1;Lê Văn B;Giảng viên;Khoa Vật lý;Cá nhân;Lao động tiên tiến;x"))
    report = tmp_path / "loi.csv"
    before = dump(demo_store)
    code = main(
        [
            "--db",
            str(demo_store.path),
            "import",
            str(SAMPLES / "de-nghi-khen-thuong.xlsx"),
            str(bad),
            "--report",
            str(report),
        ]
    )
    assert code == 1
    err = capsys.readouterr().err
    assert "Lỗi: Tệp “de-nghi-loi.csv”, dòng 2, cột “Đơn vị”: Không có đơn vị “Khoa Vật lý”." in err
    assert "Không nhập dòng nào: còn 1 lỗi" in err
    assert "Khoa Vật lý" in report.read_bytes().decode("utf-8-sig")
    assert dump(demo_store) == before


def test_cli_writes_a_template(tmp_path, demo_store, capsys):
    out = tmp_path / "mau.xlsx"
    assert main(["--db", str(demo_store.path), "template", "members", str(out)]) == 0
    assert read_table(out.read_bytes(), out.name).headers[:3] == ["STT", "Họ và tên", "Vai trò"]


def test_utf16_text_from_excel_is_read(demo_store):
    data = "Họ và tên\tDanh hiệu đề nghị\r\nLương Thị Thảo\tLao động tiên tiến\r\n".encode("utf-16")
    plan = imports.plan_import(demo_store, [("ds.txt", data)])
    assert plan.ok and _created(plan) == ["Lương Thị Thảo"]


# --- how fields are understood (messy office files) ------------------------------------------


def _messages(plan: imports.ImportPlan) -> list[tuple[int | None, str, str, str]]:
    return [(p.row, p.column, p.level, p.message) for p in plan.problems]


def test_the_voting_column_understands_ticks_and_words_and_refuses_the_rest(demo_store):
    header = ["STT", "Họ và tên", "Chức danh trong Hội đồng", "Biểu quyết"]
    cells = ["✓", "v", "Có quyền biểu quyết", "X", "không", None, "Không biểu quyết"]
    rows = [header] + [[i, f"Nguyễn Hữu {i}", "Ủy viên", cell] for i, cell in enumerate(cells, start=1)]
    imports.commit_import(demo_store, "test", [("thanh-vien.xlsx", xlsx_bytes(rows))])
    stored = {r["full_name"]: r["is_voting"] for r in demo_store.query("SELECT * FROM members")}
    assert [stored[f"Nguyễn Hữu {i}"] for i in range(1, 8)] == [1, 1, 1, 1, 0, 1, 0]  # empty: votes, as before

    bad = xlsx_bytes([header, *rows[1:5], [5, "Lê Văn Năm", "Ủy viên", "Biểu quyết?"]])  # row 6 in Excel
    before = dump(demo_store)
    plan = imports.plan_import(demo_store, [("thanh-vien-2.xlsx", bad)])
    assert _messages(plan) == [
        (6, "Biểu quyết", "error", "“Biểu quyết?” ở cột “Biểu quyết” không rõ là có hay không; ghi x hoặc để trống.")
    ]
    with pytest.raises(imports.ImportRefused):
        imports.commit_import(demo_store, "test", [("thanh-vien-2.xlsx", bad)])
    assert dump(demo_store) == before


def test_an_initiative_ticked_counted_or_described_is_yes_and_its_description_kept(demo_store):
    described = "Có (Sáng kiến “Đổi mới phương pháp giảng dạy”, QĐ số 12/QĐ-TCT)"
    cells = [described, "01 sáng kiến", "✓", "x", "0", "không", None, "Đề tài cấp trường về dân vận"]
    rows = [["STT", "Họ và tên", "Đơn vị", "Danh hiệu đề nghị", "Sáng kiến", "Ghi chú"]]
    rows += [[i, f"Lê Sáng {i}", "Khoa Dân vận", "Chiến sĩ thi đua cơ sở", c, None] for i, c in enumerate(cells, 1)]
    rows[2][5] = "Đã xác minh"
    plan = imports.commit_import(demo_store, "test", [("de-nghi.xlsx", xlsx_bytes(rows))])
    assert plan.ok
    stored = {r["full_name"]: r for r in demo_store.query("SELECT * FROM candidates WHERE full_name LIKE 'Lê Sáng %'")}
    assert [stored[f"Lê Sáng {i}"]["has_initiative"] for i in range(1, 9)] == [1, 1, 1, 1, 0, 0, 0, 1]
    assert stored["Lê Sáng 1"]["note"] == f"Sáng kiến: {described}"
    assert stored["Lê Sáng 2"]["note"] == "Đã xác minh; Sáng kiến: 01 sáng kiến"
    assert stored["Lê Sáng 3"]["note"] == ""
    assert stored["Lê Sáng 8"]["note"] == "Sáng kiến: Đề tài cấp trường về dân vận"

    bad = xlsx_bytes([rows[0], [1, "Lê Văn Hỏi", "Khoa Dân vận", "Chiến sĩ thi đua cơ sở", "?", None]])
    assert _messages(imports.plan_import(demo_store, [("de-nghi-2.xlsx", bad)])) == [
        (2, "Sáng kiến", "error", "“?” ở cột “Sáng kiến” không rõ là có hay không; ghi x hoặc để trống.")
    ]


@pytest.mark.parametrize("header", ["Tên đơn vị", "Khoa/Phòng", "Khoa, phòng", "Đơn vị/Khoa/Phòng", "Đơn vị công tác"])
def test_the_unit_column_is_recognised_under_the_headers_offices_write(demo_store, header):
    rows = [["STT", "Họ và tên", "Chức vụ", header, "Danh hiệu đề nghị"]]
    rows.append([1, "Lương Thị Thảo", "Giảng viên", "Khoa Dân vận", "Lao động tiên tiến"])
    plan = imports.commit_import(demo_store, "test", [("de-nghi.xlsx", xlsx_bytes(rows))])
    assert plan.problems == []  # no "Cột … không dùng đến"
    unit = demo_store.scalar(
        "SELECT u.name FROM candidates c JOIN units u ON u.id = c.unit_id WHERE c.full_name = 'Lương Thị Thảo'"
    )
    assert unit == "Khoa Dân vận"  # so the same-unit recusal applies


@pytest.mark.parametrize("header", ["Tên đơn vị", "Khoa/Phòng"])
def test_the_unit_column_of_members_too(demo_store, header):
    rows = [["Họ và tên", "Vai trò", header], ["Lê Văn Mới", "Ủy viên", "Khoa Dân vận"]]
    imports.commit_import(demo_store, "test", [("thanh-vien.xlsx", xlsx_bytes(rows))])
    assert demo_store.scalar("SELECT unit_id FROM members WHERE full_name = 'Lê Văn Mới'") == demo_store.scalar(
        "SELECT id FROM units WHERE name = 'Khoa Dân vận'"
    )


def test_a_staff_count_reads_thousands_dots_and_refuses_a_fraction(demo_store):
    # Headed as the screens and the template now name it (any institution's staff), or as a school wrote it.
    files = [
        ("don-vi.csv", csv_bytes("STT;Tên đơn vị;Số cán bộ, viên chức", "1;Trung tâm A;1.250", "2;Trung tâm B;12.500"))
    ]
    imports.commit_import(demo_store, "test", files)
    counts = {u["name"]: u["staff_count"] for u in conference.list_units(demo_store)}
    assert (counts["Trung tâm A"], counts["Trung tâm B"]) == (1250, 12500)

    before = dump(demo_store)
    bad = [("don-vi-2.csv", csv_bytes("STT;Tên đơn vị;Số viên chức", "1;Trung tâm C;12", "2;Trung tâm D;9,5"))]
    with pytest.raises(imports.ImportRefused) as refused:
        imports.commit_import(demo_store, "test", bad)
    assert _messages(refused.value.plan) == [
        (3, "Số viên chức", "error", "Số cán bộ, viên chức: “9,5” phải là số nguyên.")
    ]
    assert dump(demo_store) == before


def test_a_unit_written_with_other_punctuation_or_ampersand_is_the_stored_unit(demo_store):
    units = demo_store.scalar("SELECT COUNT(*) FROM units")
    lines = [
        "Phòng Tổ chức - Hành chính - Thông tin - Tư liệu;Phòng;TCHC;15",
        "Khoa Nhà nước & Pháp luật;Khoa;NN&PL;8",
    ]
    plan = imports.commit_import(
        demo_store, "test", [("don-vi.csv", csv_bytes("Tên đơn vị;Loại;Viết tắt;Số người", *lines))]
    )
    assert [r.action for r in plan.files[0].rows] == ["update", "unchanged"]
    assert demo_store.scalar("SELECT COUNT(*) FROM units") == units
    tchc = demo_store.query("SELECT * FROM units WHERE short_name = 'TCHC'")
    assert [(u["name"], u["staff_count"]) for u in tchc] == [("Phòng Tổ chức, hành chính, thông tin, tư liệu", 15)]
    # a person's row naming the unit that way finds it too
    line = "Lê Văn Mới;Khoa Nhà nước & Pháp luật;Lao động tiên tiến"
    imports.commit_import(demo_store, "test", [("de-nghi.csv", csv_bytes("Họ và tên;Đơn vị;Danh hiệu đề nghị", line))])
    assert demo_store.scalar("SELECT unit_id FROM candidates WHERE full_name = 'Lê Văn Mới'") == 3


def test_a_new_unit_with_a_stored_units_short_name_is_refused_naming_both(demo_store):
    before = dump(demo_store)
    files = [("don-vi.csv", csv_bytes("Tên đơn vị;Viết tắt", "Phòng Hành chính;tchc"))]
    with pytest.raises(imports.ImportRefused) as refused:
        imports.commit_import(demo_store, "test", files)
    assert _messages(refused.value.plan) == [
        (
            2,
            "Viết tắt",
            "error",
            "“Phòng Hành chính” có tên viết tắt “tchc” trùng với đơn vị “Phòng Tổ chức, hành chính, thông tin, tư "
            "liệu” đã có: nếu là cùng một đơn vị, ghi đúng tên “Phòng Tổ chức, hành chính, thông tin, tư liệu”; nếu "
            "là đơn vị khác, đổi tên viết tắt.",
        )
    ]
    assert dump(demo_store) == before


def test_a_name_typed_with_eth_is_the_stored_member_and_finds_its_unit(demo_store):
    members = demo_store.scalar("SELECT COUNT(*) FROM members")
    line = "1;\u00d0ặng Quốc Hùng;Trưởng khoa;Khoa Nhà nước và pháp luật;Ủy viên"
    plan = imports.commit_import(
        demo_store, "test", [("tv.csv", csv_bytes("STT;Họ và tên;Chức vụ;Đơn vị;Vai trò", line))]
    )
    assert [r.label for r in plan.files[0].rows] == ["Đặng Quốc Hùng"]
    assert demo_store.scalar("SELECT COUNT(*) FROM members") == members
    line = "1;\u00d0inh Văn Mới;Giảng viên, Khoa Xây dựng \u00d0ảng;Lao động tiên tiến"
    files = [("dn.csv", csv_bytes("STT;Họ và tên;Chức vụ, đơn vị;Danh hiệu đề nghị", line))]
    imports.commit_import(demo_store, "test", files)
    row = demo_store.query("SELECT full_name, unit_id FROM candidates WHERE full_name = 'Đinh Văn Mới'")
    assert row == [{"full_name": "Đinh Văn Mới", "unit_id": 2}]


@pytest.mark.parametrize(
    ("cell", "position", "unit"),
    [
        ("Phó Trưởng khoa Dân vận", "Phó Trưởng khoa", "Khoa Dân vận"),
        ("Trưởng khoa Dân vận", "Trưởng khoa", "Khoa Dân vận"),
        (
            "Trưởng phòng Tổ chức, hành chính, thông tin, tư liệu",
            "Trưởng phòng",
            "Phòng Tổ chức, hành chính, thông tin, tư liệu",
        ),
        ("Giảng viên chính Khoa Lý luận cơ sở", "Giảng viên chính", "Khoa Lý luận cơ sở"),
        ("Phó Trưởng khoa, Khoa Dân vận", "Phó Trưởng khoa", "Khoa Dân vận"),
    ],
)
def test_a_heads_position_keeps_the_word_it_shares_with_the_unit(demo_store, cell, position, unit):
    files = [
        ("dn.csv", csv_bytes("Họ và tên;Chức vụ, đơn vị;Danh hiệu đề nghị", f"Lê Văn Mới;{cell};Lao động tiên tiến"))
    ]
    imports.commit_import(demo_store, "test", files)
    stored = demo_store.query(
        "SELECT c.position, u.name AS unit FROM candidates c JOIN units u ON u.id = c.unit_id "
        "WHERE c.full_name = 'Lê Văn Mới'"
    )
    assert stored == [{"position": position, "unit": unit}]


def test_a_collective_written_tap_the_is_its_unit_and_one_nominee(demo_store):
    header = ["STT", "Tên tập thể, cá nhân", "Đơn vị", "Danh hiệu đề nghị"]
    one = [1, "Tập thể Khoa Dân vận", None, "Tập thể lao động xuất sắc"]
    plan = imports.commit_import(demo_store, "test", [("dn.xlsx", xlsx_bytes([header, one]))])
    assert plan.ok
    stored = demo_store.query(
        "SELECT c.full_name, u.name AS unit FROM candidates c JOIN units u ON u.id = c.unit_id "
        "JOIN titles t ON t.id = c.title_id WHERE t.name = 'Tập thể lao động xuất sắc'"
    )
    assert stored == [{"full_name": "Khoa Dân vận", "unit": "Khoa Dân vận"}]
    # written both ways in one file: the second is the same nominee
    two = [2, "Khoa Dân vận", None, "Tập thể lao động tiên tiến"]
    plan = imports.plan_import(
        demo_store, [("dn2.xlsx", xlsx_bytes([header, [1, *one[1:]], two, [3, "TẬP THỂ KHOA DÂN VẬN", None, two[3]]]))]
    )
    assert [r.action for r in plan.files[0].rows] == ["unchanged", "create"]
    assert _messages(plan) == [
        (
            4,
            "Tên tập thể, cá nhân",
            "error",
            "“TẬP THỂ KHOA DÂN VẬN” trùng với dòng 3 của tệp (không phân biệt hoa thường, cách gõ dấu).",
        )
    ]


def test_a_criteria_set_is_named_after_the_scoring_sheet_line_not_the_issuing_body(demo_store):
    rows = [
        ["ĐẢNG BỘ KHỐI CÁC CƠ QUAN TỈNH"],
        ["TRƯỜNG CHÍNH TRỊ TỈNH KHÁNH HÒA"],
        ["PHIẾU CHẤM ĐIỂM THI ĐUA CÁ NHÂN NĂM 2024"],
        [None],
        ["STT", "Tiêu chí", "Điểm tối đa"],
        [1, "Phẩm chất chính trị", 40],
        [2, "Kết quả thực hiện nhiệm vụ", 60],
    ]
    imports.commit_import(demo_store, "test", [("tieu-chi.xlsx", xlsx_bytes(rows))])
    stored = demo_store.query("SELECT name, applies_to FROM criteria_sets WHERE name LIKE '%2024'")
    assert stored == [{"name": "PHIẾU CHẤM ĐIỂM THI ĐUA CÁ NHÂN NĂM 2024", "applies_to": "individual"}]
