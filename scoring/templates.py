"""Blank .xlsx templates for the import, one per kind: the headers the importer
knows best (the first alias of each column) and one example row."""

from __future__ import annotations

import io

from openpyxl import Workbook
from openpyxl.styles import Alignment, Font, PatternFill

from .imports import KINDS

# (header, example value, column width). Examples match the demo conference, so
# a template imported unchanged into it creates nothing surprising.
COLUMNS: dict[str, list[tuple[str, object, int]]] = {
    "units": [
        ("STT", 1, 6),
        ("Tên đơn vị", "Khoa Lý luận cơ sở", 45),
        ("Loại", "Khoa", 12),
        ("Tên viết tắt", "LLCS", 14),
        ("Số cán bộ, viên chức", 9, 14),
    ],
    "criteria": [
        ("Bộ tiêu chí", "Phiếu chấm điểm cá nhân (thang 100 điểm)", 40),
        ("Đối tượng", "Cá nhân", 12),
        ("STT", 1, 6),
        ("Tiêu chí", "Phẩm chất chính trị, đạo đức, lối sống", 45),
        ("Mô tả", "Chấp hành chủ trương của Đảng, pháp luật của Nhà nước; gương mẫu, đoàn kết.", 60),
        ("Điểm tối đa", 20, 12),
        ("Trọng số", 1, 10),
        ("Bước điểm", 0.5, 10),
    ],
    "members": [
        ("STT", 1, 6),
        ("Họ và tên", "Trần Minh Quang", 28),
        ("Vai trò", "Chủ tịch Hội đồng", 24),
        ("Chức vụ", "Hiệu trưởng", 30),
        ("Đơn vị", "", 40),
        ("Biểu quyết", "Có", 11),
    ],
    "candidates": [
        ("STT", 1, 6),
        ("Họ và tên", "Nguyễn Văn An", 28),
        ("Loại (Tập thể/Cá nhân)", "Cá nhân", 14),
        ("Chức vụ", "Giảng viên chính", 24),
        ("Đơn vị", "Khoa Lý luận cơ sở", 36),
        ("Danh hiệu đề nghị", "Lao động tiên tiến", 32),
        ("Thành tích", "Hoàn thành xuất sắc nhiệm vụ năm 2024.", 50),
        ("Sáng kiến", "Có", 10),
        ("Ghi chú", "", 20),
    ],
}

FILE_NAMES = {
    "units": "mau-don-vi.xlsx",
    "criteria": "mau-tieu-chi.xlsx",
    "members": "mau-thanh-vien-hoi-dong.xlsx",
    "candidates": "mau-de-nghi-khen-thuong.xlsx",
}


def template_xlsx(kind: str) -> bytes:
    """The template for one kind of list, as .xlsx bytes."""
    if kind not in KINDS:
        raise ValueError(f"unknown template kind {kind!r}; one of {', '.join(KINDS)}")
    book = Workbook()
    sheet = book.active
    sheet.title = "Danh sách"
    columns = COLUMNS[kind]
    sheet.append([header for header, _, _ in columns])
    sheet.append([example for _, example, _ in columns])
    bold = Font(bold=True)
    fill = PatternFill("solid", fgColor="DDEBF7")
    for i, (_, _, width) in enumerate(columns, start=1):
        cell = sheet.cell(row=1, column=i)
        cell.font = bold
        cell.fill = fill
        cell.alignment = Alignment(wrap_text=True, vertical="center")
        sheet.column_dimensions[cell.column_letter].width = width
    sheet.freeze_panes = "A2"
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()
