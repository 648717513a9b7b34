"""The columns of an import file: the headers offices write for each kind of
list, how a file's headers are matched to them, and what kind a file holds."""

from __future__ import annotations

import re
from pathlib import Path

from .text import fold

KINDS = ("units", "criteria", "members", "candidates")  # also the order a batch is applied in


# Where a person works, as lists of people head it. Punctuation is ignored, so
# "Khoa/Phòng" also stands for "Khoa, phòng" and "Khoa - Phòng".
UNIT_HEADERS = [
    "Đơn vị",
    "Đơn vị công tác",
    "Tên đơn vị",
    "Khoa/Phòng",
    "Phòng/Khoa",
    "Đơn vị/Khoa/Phòng",
    "Khoa/Phòng/Đơn vị",
    "Khoa, phòng, đơn vị",
    "Phòng, khoa, đơn vị",
    "Cơ quan, đơn vị",
    "Nơi công tác",
    "Unit",
]

# Canonical key -> headers as offices write them. Matching ignores case,
# diacritics, spaces and punctuation; the first alias of each key is the
# template's header. Order matters: a header goes to the first key claiming it.
ALIASES: dict[str, dict[str, list[str]]] = {
    "units": {
        "name": ["Tên đơn vị", "Đơn vị", "Tên", "Unit", "Name", "Unit name"],
        "kind": ["Loại", "Loại đơn vị", "Loại hình", "Kind", "Type"],
        "short_name": ["Tên viết tắt", "Viết tắt", "Ký hiệu", "Short name", "Abbreviation"],
        # Staff as any institution counts them (a school or hospital has viên chức, a department công chức).
        "staff_count": [
            "Số cán bộ, viên chức",
            "Số viên chức",
            "Số cán bộ, công chức, viên chức",
            "Số công chức",
            "Số người",
            "Số lượng",
            "Số cán bộ",
            "Quân số",
            "Staff",
            "Staff count",
        ],
    },
    "criteria": {
        "set_name": ["Bộ tiêu chí", "Tên bộ tiêu chí", "Phiếu chấm điểm", "Criteria set", "Set"],
        "applies_to": ["Đối tượng", "Áp dụng cho", "Loại", "Applies to", "Kind"],
        "name": ["Tiêu chí", "Tên tiêu chí", "Nội dung tiêu chí", "Nội dung", "Criterion", "Name"],
        "description": ["Mô tả", "Nội dung", "Yêu cầu", "Hướng dẫn chấm", "Diễn giải", "Description"],
        "max_points": ["Điểm tối đa", "Điểm chuẩn", "Thang điểm", "Điểm", "Max points", "Max"],
        "weight": ["Trọng số", "Hệ số", "Weight"],
        "step": ["Bước điểm", "Bước", "Step"],
    },
    "members": {
        "full_name": ["Họ và tên", "Họ tên", "Full name", "Name"],
        "role": ["Vai trò", "Chức danh trong Hội đồng", "Chức vụ trong Hội đồng", "Nhiệm vụ", "Role"],
        "position": ["Chức vụ", "Chức danh", "Position"],
        "unit": UNIT_HEADERS,
        "position_unit": ["Chức vụ, đơn vị", "Chức vụ, đơn vị công tác", "Position, unit"],
        "is_voting": ["Biểu quyết", "Có quyền biểu quyết", "Voting"],
    },
    "candidates": {
        "full_name": [
            "Họ và tên",
            "Họ tên",
            "Tên tập thể, cá nhân",
            "Tập thể, cá nhân",
            "Tên tập thể",
            "Tên",
            "Full name",
            "Name",
        ],
        "kind": ["Loại (Tập thể/Cá nhân)", "Loại", "Tập thể/Cá nhân", "Đối tượng", "Kind", "Type"],
        "position": ["Chức vụ", "Chức danh", "Position"],
        "unit": UNIT_HEADERS,
        "position_unit": ["Chức vụ, đơn vị", "Chức vụ, đơn vị công tác", "Position, unit"],
        "title": [
            "Danh hiệu đề nghị",
            "Danh hiệu",
            "Hình thức khen thưởng",
            "Hình thức đề nghị",
            "Danh hiệu, hình thức đề nghị",
            "Title",
        ],
        "achievements": ["Thành tích", "Tóm tắt thành tích", "Thành tích tiêu biểu", "Achievements"],
        "has_initiative": ["Sáng kiến", "Có sáng kiến", "Sáng kiến, đề tài", "Initiative"],
        "note": ["Ghi chú", "Note", "Notes"],
    },
}
REQUIRED: dict[str, list[str]] = {
    "units": ["name"],
    "criteria": ["name", "max_points"],
    "members": ["full_name"],
    "candidates": ["full_name", "title"],
}
IGNORED = ["STT", "TT", "Số thứ tự", "No", "No.", "#", "Số phiếu", "Tỷ lệ (%)", "Tỷ lệ"]
NAME_FIELDS = {"name", "full_name", "set_name"}
# File name words that say what a file holds, when its headers do not.
_NAME_HINTS = {
    "units": ("don vi", "don-vi", "donvi", "unit"),
    "criteria": ("tieu chi", "tieu-chi", "tieuchi", "criteria"),
    "members": ("thanh vien", "thanh-vien", "hoi dong", "hoi-dong", "member", "council"),
    "candidates": ("de nghi", "de-nghi", "ung vien", "ung-vien", "khen thuong", "khen-thuong", "candidate"),
}


def match_columns(headers: list[str], aliases: dict[str, list[str]]) -> dict[str, str]:
    """Canonical key -> the file's header. Ignores case, diacritics, spaces and
    punctuation ("CHỨC VỤ - ĐƠN VỊ" is "Chức vụ, đơn vị"); each header serves one key."""
    keyed = {}
    for h in headers:
        keyed.setdefault(_header_key(h), h)
    found: dict[str, str] = {}
    claimed: set[str] = set()
    for key, names in aliases.items():
        for name in [*names, key]:
            header = keyed.get(_header_key(name))
            if header is not None and header not in claimed:
                found[key] = header
                claimed.add(header)
                break
    return found


def _header_key(text: str) -> str:
    return re.sub(r"[^0-9a-z]", "", fold(text))


def guess_kind(headers: list[str], filename: str) -> str | None:
    """What a file holds, from its headers, else from its name."""
    keys = {k: set(match_columns(headers, ALIASES[k])) for k in KINDS}
    if "max_points" in keys["criteria"]:
        return "criteria"
    if "title" in keys["candidates"]:
        return "candidates"
    if "role" in keys["members"]:
        return "members"
    stem = fold(Path(filename).stem).replace("_", " ")
    for kind, hints in _NAME_HINTS.items():
        if any(h in stem for h in hints):
            return kind
    has_person = "full_name" in keys["members"]
    if "name" in keys["units"] and not has_person:
        return "units"
    return None
