"""The projector's sizing model on its own (pages/_projector_layout.py): what it promises the page,
that one title of up to eight nominees fits the screen, checked on its arithmetic; the browser
checks of the same promise are in tests/e2e/test_projector.py."""

from __future__ import annotations

import pandas as pd
import pytest

from pages import _projector_layout as layout

SCREENS = [(1366, 768), (1920, 1080)]


def test_words_wrap_at_spaces_within_the_width():
    assert layout.wrap_count("a b c", char_em=1, capacity=3) == 2  # "a b" then "c"
    assert layout.wrap_count("a b c", char_em=1, capacity=5) == 1
    assert layout.wrap_count("", char_em=1, capacity=5) == 1
    assert layout.name_lines("Nguyễn Văn An") == "Nguyễn Văn An"
    assert layout.name_lines("Phòng Tổ chức, hành chính, thông tin, tư liệu", 20).count("<br>") == 2


@pytest.mark.parametrize("viewport", SCREENS)
def test_long_names_take_fewer_rows_to_a_screen_so_the_bars_fit_in_readable_type(viewport):
    # Eight collectives named like the demo's longest ("Phòng Tổ chức, hành chính, thông tin, tư
    # liệu", 45 letters): at the chosen type and wrap, every bar's name lines and the gaps between
    # bars fit the chart's height (less its axis and threshold label), at no less than CHART_FONT_MIN.
    names = [f"Phòng Tổ chức, hành chính, thông tin, tư liệu {i}" for i in range(1, 9)]
    per_screen = layout.rows_per_screen(names, viewport)
    shown = pd.DataFrame({"full_name": names[:per_screen]})
    height, font, wrap = layout.chart_size(shown, viewport)
    assert height + layout.reserved_height(viewport) <= viewport[1]
    lines = max(len(layout.name_lines(name, wrap).split("<br>")) for name in shown["full_name"])
    assert per_screen * (1.25 * lines + 0.45) * font + 100 <= height  # the screen's bars fit, readable
    assert layout.CHART_FONT_MIN <= font <= layout.CHART_FONT_LARGE
    # At 1366 × 768 eight such names do not fit even at the smallest type: seven to a screen.
    assert per_screen == (7 if viewport == (1366, 768) else 8)
    assert layout.rows_per_screen([f"Nguyễn Văn An {i}" for i in range(20)], viewport) == 8  # people's names


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
