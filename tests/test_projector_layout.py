"""The projector's sizing model on its own (pages/_projector_layout.py): what it promises the page,
that one title of up to eight nominees fits the screen, checked on its arithmetic; the browser
checks of the same promise are in tests/e2e/test_projector.py."""

from __future__ import annotations

import pandas as pd
import pytest

from pages import _projector_layout as layout

SCREENS = [(1366, 768), (1920, 1080)]
LONG_NAMES = [f"Phòng Tổ chức cán bộ và Quản lý đào tạo bồi dưỡng số {i}" for i in range(1, 9)]


def test_words_wrap_at_spaces_within_the_width():
    assert layout.wrap_count("a b c", char_em=1, capacity=3) == 2  # "a b" then "c"
    assert layout.wrap_count("a b c", char_em=1, capacity=5) == 1
    assert layout.wrap_count("", char_em=1, capacity=5) == 1
    assert layout.name_lines("Nguyễn Văn An") == "Nguyễn Văn An"
    assert layout.name_lines(LONG_NAMES[0], 20).count("<br>") == 2


@pytest.mark.parametrize("viewport", SCREENS)
def test_the_chart_of_eight_long_names_stays_on_the_screen(viewport):
    rows = pd.DataFrame({"full_name": LONG_NAMES})
    height, font, wrap = layout.chart_size(rows, viewport)
    assert height + layout.reserved_height(viewport) <= viewport[1]
    assert layout.CHART_FONT_MIN <= font <= layout.CHART_FONT_LARGE and wrap in (20, 26, 32)


def table(rows: int) -> tuple[list[str], list[list[tuple[str, str]]]]:
    head = ["Hạng", "Họ và tên", "Điểm", "Đồng ý", "Kết quả"]
    cells = [
        [("num", str(i)), ("nowrap", f"Nguyễn Văn Người Số {i}"), ("num", "78,95"), ("num", "66,67%"),
         ("text", "Không đạt\ndưới điểm tối thiểu; không đạt tỷ lệ đồng ý")]
        for i in range(1, rows + 1)
    ]  # fmt: skip
    return head, cells


@pytest.mark.parametrize("viewport", SCREENS)
def test_the_table_takes_the_largest_type_that_fits_the_height_left(viewport):
    room = viewport[1] - layout.reserved_height(viewport)
    sizes = []
    for rows in (4, 8):  # up to eight nominees: what the projector promises to fit
        font, height_em = layout.table_font(*table(rows), viewport, headings=0, wide=True)
        assert font * height_em <= room  # fits beside the chart, headings and tie-break line kept
        sizes.append(font)
    sixteen, _ = layout.table_font(*table(16), viewport, headings=0, wide=True)
    assert sizes[0] >= sizes[1] >= sixteen and sizes[0] > sixteen  # more rows, smaller type
    assert sizes[1] >= 17  # eight rows with reasons: readable from the back of a hall (QA saw 15 px)
