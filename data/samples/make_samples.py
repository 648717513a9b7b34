"""Regenerate the sample files of this folder: `python3 data/samples/make_samples.py`.

The files look like what the units of a school really send: a title line above
the header, "Chức vụ, đơn vị" in one column, a "Tổng cộng" row under the criteria
(a =SUM formula), a CSV from an old Windows machine (Windows-1258, ';'), another
with a decimal comma and decomposed (NFD) diacritics. Their units, criteria and
members are those of the demo conference (data/demo/conference.json); the
nominations are new ones, for titles the demo conference defines.
"""

from __future__ import annotations

import unicodedata
from pathlib import Path

import sys

from openpyxl import Workbook
from openpyxl.styles import Alignment, Font

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))
from scoring.tabular import encode_windows_1258  # noqa: E402 - run as a script from anywhere

HERE = Path(__file__).resolve().parent





def sheet_with_title(title_lines: list[str], header: list[str], rows: list[list[object]]) -> Workbook:
    book = Workbook()
    ws = book.active
    ws.title = "Danh sách"
    for i, line in enumerate(title_lines, start=1):
        ws.cell(row=i, column=1, value=line).font = Font(bold=True)
        ws.merge_cells(start_row=i, start_column=1, end_row=i, end_column=len(header))
        ws.cell(row=i, column=1).alignment = Alignment(horizontal="center")
    start = len(title_lines) + 2  # a blank line between the title and the table
    for c, name in enumerate(header, start=1):
        ws.cell(row=start, column=c, value=name).font = Font(bold=True)
    for r, row in enumerate(rows, start=start + 1):
        for c, value in enumerate(row, start=1):
            ws.cell(row=r, column=c, value=value)
    for c, width in enumerate([6, 30, 45, 14, 40, 60, 16][: len(header)], start=1):
        ws.column_dimensions[ws.cell(row=start, column=c).column_letter].width = width
    return book


UNITS = [
    ("Khoa Lý luận cơ sở", "Khoa", "LLCS", 9),
    ("Khoa Xây dựng Đảng", "Khoa", "XDĐ", 8),
    ("Khoa Nhà nước và pháp luật", "Khoa", "NN&PL", 8),
    ("Khoa Dân vận", "Khoa", "DV", 6),
    ("Phòng Tổ chức, hành chính, thông tin, tư liệu", "Phòng", "TCHC", 14),
    ("Phòng Quản lý đào tạo và Nghiên cứu khoa học", "Phòng", "QLĐT", 7),
    ("Công đoàn Trường", "Đoàn thể", "CĐ", ""),
]


def units_csv() -> None:
    lines = ["DANH SÁCH ĐƠN VỊ TRỰC THUỘC TRƯỜNG;;;;", "STT;Tên đơn vị;Loại;Tên viết tắt;Số viên chức"]
    lines += [f"{i};{name};{kind};{short};{staff}" for i, (name, kind, short, staff) in enumerate(UNITS, start=1)]
    (HERE / "don-vi.csv").write_bytes(encode_windows_1258("\r\n".join(lines) + "\r\n"))


INDIVIDUAL = [
    (
        "Phẩm chất chính trị, đạo đức, lối sống",
        "Chấp hành chủ trương của Đảng, pháp luật của Nhà nước; gương mẫu, đoàn kết; không vi phạm kỷ luật.",
        20,
    ),
    (
        "Kết quả thực hiện nhiệm vụ được giao",
        "Hoàn thành khối lượng giờ giảng, công việc chuyên môn đúng tiến độ, chất lượng; "
        "xếp loại hoàn thành tốt/xuất sắc nhiệm vụ.",
        30,
    ),
    (
        "Sáng kiến, đề tài nghiên cứu khoa học",
        "Sáng kiến được công nhận, đề tài được nghiệm thu, bài báo khoa học, giáo trình, tài liệu biên soạn.",
        20,
    ),
    (
        "Tham gia phong trào thi đua và hoạt động đoàn thể",
        "Văn hóa công sở, học tập suốt đời, vì người nghèo, xóa nhà tạm; hoạt động Công đoàn, Đoàn Thanh niên.",
        15,
    ),
    ("Tính tiêu biểu, khả năng nhân rộng", "Thành tích nổi bật, có sức lan tỏa, được tập thể ghi nhận.", 15),
]

COLLECTIVE = [
    (
        "Hoàn thành chỉ tiêu, nhiệm vụ được giao",
        "Kết quả đào tạo, bồi dưỡng, nghiên cứu khoa học hoặc công tác tham mưu, phục vụ theo kế hoạch năm.",
        30,
    ),
    (
        "Tổ chức phong trào thi đua",
        "Đăng ký thi đua, tổ chức thực hiện các phong trào do Nhà trường và tỉnh phát động.",
        20,
    ),
    ("Đổi mới, sáng tạo, chuyển đổi số", "Sáng kiến, cải tiến quy trình, hồ sơ điện tử, ký số.", 20),
    (
        "Nội bộ đoàn kết, chấp hành kỷ luật",
        "Không có cá nhân bị kỷ luật từ cảnh cáo trở lên; thực hiện văn hóa công sở.",
        15,
    ),
    (
        "Tỷ lệ cá nhân đạt danh hiệu thi đua",
        "Tỷ lệ Lao động tiên tiến, Chiến sĩ thi đua cơ sở trong tập thể.",
        15,
    ),
]


def criteria_xlsx() -> None:
    rows: list[list[object]] = [[i, name, desc, pts] for i, (name, desc, pts) in enumerate(INDIVIDUAL, start=1)]
    first = 5  # title 2 lines, blank, header on row 4
    rows.append(["", "Tổng cộng", "", f"=SUM(D{first}:D{first + len(INDIVIDUAL) - 1})"])
    book = sheet_with_title(
        ["TRƯỜNG CHÍNH TRỊ TỈNH KHÁNH HÒA", "Phiếu chấm điểm cá nhân (thang 100 điểm)"],
        ["STT", "Tiêu chí", "Mô tả", "Điểm tối đa"],
        rows,
    )
    book.save(HERE / "tieu-chi-ca-nhan.xlsx")


def criteria_csv() -> None:
    """UTF-8 with BOM, ',' separated, a decimal comma in the weight column."""
    name = "Phiếu chấm điểm tập thể (thang 100 điểm)"
    lines = ["Bộ tiêu chí,Đối tượng,STT,Tiêu chí,Mô tả,Điểm tối đa,Trọng số"]
    for i, (crit, desc, pts) in enumerate(COLLECTIVE, start=1):
        lines.append(f'"{name}",Tập thể,{i},"{crit}","{desc}",{pts},"1,0"')
    (HERE / "tieu-chi-tap-the.csv").write_bytes(("\r\n".join(lines) + "\r\n").encode("utf-8-sig"))


MEMBERS = [
    ("Trần Minh Quang", "Hiệu trưởng", "Chủ tịch Hội đồng"),
    ("Nguyễn Thị Thu Hà", "Phó Hiệu trưởng", "Phó Chủ tịch Hội đồng"),
    ("Lê Văn Đức", "Phó Hiệu trưởng", "Ủy viên"),
    (
        "Phạm Thị Ngọc Ánh",
        "Trưởng phòng Tổ chức, hành chính, thông tin, tư liệu, Phòng Tổ chức, hành chính, thông tin, tư liệu",
        "Ủy viên, Thư ký Hội đồng",
    ),
    ("Võ Thanh Bình", "Trưởng khoa Lý luận cơ sở, Khoa Lý luận cơ sở", "Ủy viên"),
    ("Huỳnh Thị Mỹ Duyên", "Trưởng khoa Xây dựng Đảng, Khoa Xây dựng Đảng", "Ủy viên"),
    ("Đặng Quốc Hùng", "Trưởng khoa Nhà nước và pháp luật, Khoa Nhà nước và pháp luật", "Ủy viên"),
    ("Bùi Thị Lan", "Trưởng khoa Dân vận, Khoa Dân vận", "Ủy viên"),
    (
        "Ngô Văn Tâm",
        "Trưởng phòng Quản lý đào tạo và Nghiên cứu khoa học, Phòng Quản lý đào tạo và Nghiên cứu khoa học",
        "Ủy viên",
    ),
    ("Đỗ Thị Hồng Nhung", "Chủ tịch Công đoàn Trường, Công đoàn Trường", "Ủy viên"),
    ("Trương Công Khải", "Bí thư Chi đoàn, Khoa Lý luận cơ sở", "Ủy viên"),
]


def members_xlsx() -> None:
    rows = [[i, name, pos_unit, role] for i, (name, pos_unit, role) in enumerate(MEMBERS, start=1)]
    book = sheet_with_title(
        ["DANH SÁCH THÀNH VIÊN HỘI ĐỒNG THI ĐUA - KHEN THƯỞNG"],
        ["STT", "Họ và tên", "Chức vụ, đơn vị", "Vai trò"],
        rows,
    )
    book.save(HERE / "thanh-vien-hoi-dong.xlsx")


NOMINATIONS = [
    (
        "Lương Thị Thảo",
        "Giảng viên, Khoa Dân vận",
        "Cá nhân",
        "Lao động tiên tiến",
        "Hoàn thành tốt nhiệm vụ năm 2024; tham gia biên soạn tài liệu bồi dưỡng công tác dân vận.",
    ),
    (
        "Trịnh Văn Khoa",
        "Giảng viên chính, Khoa Nhà nước và pháp luật",
        "Cá nhân",
        "Lao động tiên tiến",
        "Hoàn thành tốt nhiệm vụ; 320 giờ giảng vượt định mức.",
    ),
    (
        "Cao Thị Minh Thư",
        "Chuyên viên, Phòng Quản lý đào tạo và Nghiên cứu khoa học",
        "Cá nhân",
        "Chiến sĩ thi đua cơ sở",
        "Sáng kiến “Sổ tay học viên điện tử” được công nhận cấp cơ sở năm 2024.",
    ),
    (
        "Khoa Dân vận",
        "",
        "Tập thể",
        "Tập thể lao động tiên tiến",
        "Hoàn thành tốt nhiệm vụ năm 2024; 100% viên chức đạt Lao động tiên tiến.",
    ),
]


def candidates_xlsx() -> None:
    rows = [[i, *nom] for i, nom in enumerate(NOMINATIONS, start=1)]
    book = sheet_with_title(
        ["TRƯỜNG CHÍNH TRỊ TỈNH KHÁNH HÒA", "DANH SÁCH ĐỀ NGHỊ XÉT TẶNG DANH HIỆU THI ĐUA NĂM 2024"],
        ["STT", "Họ và tên", "Chức vụ, đơn vị", "Loại (Tập thể/Cá nhân)", "Danh hiệu đề nghị", "Thành tích"],
        rows,
    )
    book.save(HERE / "de-nghi-khen-thuong.xlsx")


def candidates_csv() -> None:
    """A second unit's list: UTF-8 without BOM, ';', typed with decomposed diacritics."""
    lines = [
        "STT;Họ và tên;Chức vụ;Đơn vị;Danh hiệu đề nghị;Sáng kiến;Ghi chú",
        "1;Tôn Nữ Hoài An;Giảng viên;Khoa Xây dựng Đảng;Lao động tiên tiến;;",
        "2;Lâm Quốc Việt;Phó Trưởng phòng;Phòng Tổ chức, hành chính, thông tin, tư liệu;Chiến sĩ thi đua cơ sở;x;"
        "Sáng kiến số hóa hồ sơ lưu trữ",
    ]
    text = unicodedata.normalize("NFD", "\n".join(lines) + "\n")
    (HERE / "de-nghi-bo-sung.csv").write_bytes(text.encode("utf-8"))


if __name__ == "__main__":
    units_csv()
    criteria_xlsx()
    criteria_csv()
    members_xlsx()
    candidates_xlsx()
    candidates_csv()
    print("\n".join(sorted(p.name for p in HERE.iterdir() if p.suffix in (".csv", ".xlsx"))))
