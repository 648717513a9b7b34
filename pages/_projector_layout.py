"""The projector's sizing model, pure arithmetic on the window's size: how much height the
headings leave, how large the chart's and the table's type may be so that one title of up to eight
nominees fits a 1366 × 768 or 1920 × 1080 screen without scrolling, and how names and reasons wrap
at that size. Kept apart from the page (`pages/projector.py`) so it reads, and can be tested, on
its own; no Streamlit here."""

from __future__ import annotations

import math
import textwrap

import pandas as pd

# Names and values on the bars at most this large (one title on a 1920 × 1080 screen); at 20 px they
# were the smallest text on the screen, unreadable from the back of a hall.
CHART_FONT_LARGE = 32
# The smallest type on the chart when many rows or a small screen squeeze it (1366 × 768, eight
# collectives' names on two lines each): still the size of the table's text there.
CHART_FONT_MIN = 16
# The same height in CSS, for the table beside the chart: 1.25 × (1.6 + 2 + 2.8 + 1.6 + 2 × 1.2) vw + 120 px
# (in px: the page's rem is 17 px, and 7.5rem made the table's guard smaller than its type).
RESERVED_CSS = "(120px + 13vw)"


def css_px(viewport_width: int, vw: float, low: float, high: float) -> float:
    """What CSS's clamp(low px, vw vw, high px) gives on this screen."""
    return min(high, max(low, viewport_width * vw / 100))


def reserved_height(viewport: tuple[int, int]) -> float:
    """Pixels of a title's screen above and below its chart: the conference, the round, the
    title and its rule line over it, the tie-break cascade (two lines) under it, at their CSS
    sizes (line height 1.25), plus the page's padding, margins and Streamlit's gaps between blocks
    and a few pixels to spare (measured in Chromium: 285 px at 1366 × 768, 353 px at 1920 × 1080).
    RESERVED_CSS says the same to the table."""
    width, _ = viewport
    lines = (
        css_px(width, 1.6, 16, 30)  # .pj-conf
        + css_px(width, 2, 20, 40)  # .pj-h1-compact
        + css_px(width, 2.8, 24, 56)  # .pj-h2
        + css_px(width, 1.6, 16, 30)  # .pj-rule
        + 2 * css_px(width, 1.2, 14, 22)  # .pj-cascade, two lines
    )
    return 1.25 * lines + 120


def wrapped_headings(viewport: tuple[int, int], title: str, rule: str) -> float:
    """Pixels the title's name and its rule line take beyond one line each, when they are too
    long for the screen's width (a missed quorum lengthens the rule line): so much less for the
    chart and the table."""
    width, _ = viewport
    extra = 0.0
    for text, size, em in ((title, css_px(width, 2.8, 24, 56), 0.55), (rule, css_px(width, 1.6, 16, 30), 0.5)):
        lines = math.ceil(len(text) * em * size / (width - 170))  # an average letter: em × the type's size
        extra += max(0, lines - 1) * 1.25 * size
    return extra


# The revealed table's type: at most TABLE_FONT_MAX (and 2.2vw), at least TABLE_FONT_MIN. An average
# letter's width in em (Arial/Segoe: digits .556, Vietnamese words about .52, the bold header .56).
TABLE_FONT_MAX = 40
TABLE_FONT_MIN = 12
_CHAR_EM = {"num": 0.56, "nowrap": 0.53, "text": 0.53, "head": 0.57}
_REASON_EM = 0.72  # .pj-reason's size
_PAD_EM = 0.8  # a cell's padding left and right (.4em each)


def wrap_count(text: str, char_em: float, capacity: float) -> int:
    """Lines `text` takes, wrapped at spaces in a box `capacity` em wide (letters `char_em` wide)."""
    lines, used = 1, 0.0
    for word in text.split():
        width = len(word) * char_em
        if used and used + char_em + width > capacity:
            lines, used = lines + 1, width
        else:
            used += (char_em if used else 0) + width
    return lines


def cell_widths(kind: str, text: str) -> tuple[float, float]:
    """(narrowest, widest) a cell can be, in em without its padding, as a browser's automatic
    table layout sees it: a number or a person's name never wraps; a verdict and the smaller
    reason under it ("\n") wrap at spaces."""
    char = _CHAR_EM[kind]
    if kind in ("num", "nowrap"):
        return len(text) * char, len(text) * char
    widest = narrowest = 0.0
    for i, part in enumerate(text.split("\n")):
        scale = 1 if i == 0 else _REASON_EM
        widest = max(widest, len(part) * char * scale)
        narrowest = max([narrowest] + [len(w) * char * scale for w in part.split()])
    return narrowest, widest


def cell_height(kind: str, text: str, width: float) -> float:
    """Lines of a cell `width` em wide (without padding), in em: lines of 1.25em, a reason's of .864em."""
    if kind in ("num", "nowrap"):
        return 1.25
    height = 0.0
    for i, part in enumerate(text.split("\n")):
        scale = 1 if i == 0 else _REASON_EM
        lines = wrap_count(part, _CHAR_EM[kind] * scale, width)
        height += lines * (1.25 if i == 0 else 1.2 * _REASON_EM)
    return height


def table_height(head: list[str], rows: list[list[tuple[str, str]]], width_em: float) -> float | None:
    """The table's height in em when it is `width_em` wide, or None if its unwrappable cells do not
    fit that width. Columns share the width as Chromium's automatic layout does: each its narrowest,
    then what is left in proportion to how much wider it would like to be."""
    table = [[("head", h) for h in head], *rows]
    spans = [[cell_widths(kind, text) for kind, text in row] for row in table]
    low = [max(s[j][0] for s in spans) + _PAD_EM for j in range(len(head))]
    high = [max(s[j][1] for s in spans) + _PAD_EM for j in range(len(head))]
    if sum(low) > width_em:
        return None
    if sum(high) <= width_em:
        widths = high
    else:
        spare, stretch = width_em - sum(low), sum(h - lo for h, lo in zip(high, low, strict=True))
        widths = [lo + spare * (h - lo) / stretch for h, lo in zip(high, low, strict=True)]
    return sum(
        0.5 + max(cell_height(kind, text, w - _PAD_EM) for (kind, text), w in zip(row, widths, strict=True))
        for row in table
    )


def table_font(
    head: list[str], rows: list[list[tuple[str, str]]], viewport: tuple[int, int], headings: float, wide: bool
) -> tuple[float, float]:
    """(font size in px, height in em) of the revealed table: the largest type at which every row,
    its reasons and long names wrapped as they will be at that size, fits the height the headings
    and the tie-break line leave (QA: sized as if every reason took three lines, eight rows at
    1366 × 768 had 15 px type and left a third of the screen empty). `wide`: beside a chart, in
    three fifths of the width; alone, in two fifths."""
    width, height = viewport
    column = (width - 186) * (3 / 5 if wide else 2 / 5)  # the page's side padding, the columns' gap
    room = height - reserved_height(viewport) - headings
    top = min(TABLE_FONT_MAX, width * 2.2 / 100)
    font = top
    while font > TABLE_FONT_MIN:
        em = table_height(head, rows, column / font)
        # 2 px of border under each row; 2 % to spare for the estimate's letters (measured in Chromium,
        # eight rows at 1366 × 768: 22.2 em estimated, 22.2 em drawn)
        if em is not None and 1.02 * em * font + 2 * len(rows) + 2 <= room:
            return font, 1.02 * em + (2 * len(rows) + 2) / font
        font -= 0.5
    em = table_height(head, rows, column / TABLE_FONT_MIN) or 3.0 + 2.6 * len(rows)
    return TABLE_FONT_MIN, 1.02 * em


def name_lines(name: str, width: int = 20) -> str:
    """A long name on two or three lines: plotly does not wrap axis labels."""
    return "<br>".join(textwrap.wrap(name, width)) or name


def chart_size(rows: pd.DataFrame, viewport: tuple[int, int], headings: float = 0) -> tuple[int, int, int]:
    """(height, font, wrap) of one title's chart so that its last bar stays on the screen: the
    height left under the headings, and type as large as CHART_FONT_LARGE where the rows and the
    chart's column (two fifths of the width) leave room for it, with the names wrapped at the width
    (in characters) that lets it be largest: long collectives' names on three short lines left
    eight rows at 1366 × 768 no room. `headings`: pixels of wrapped headings (wrapped_headings)."""
    width, height = viewport
    chart_height = max(240, int(height - reserved_height(viewport) - headings))
    # Inside the chart: the threshold's label over the bars, the axis' numbers under them.
    per_row = (chart_height - 100) / max(1, len(rows))
    column = (width - 170) * 2 / 5  # the chart's column ([2, 3]) inside the page's side padding
    best = (0.0, -20)
    for wrap in (20, 26, 32):
        wrapped = [name_lines(name, wrap).split("<br>") for name in rows["full_name"]]
        lines = max((len(w) for w in wrapped), default=1)
        longest = max((len(line) for w in wrapped for line in w), default=10)
        by_rows = per_row / (1.25 * lines + 0.45)  # a bar's row: its name's lines and the gap between bars
        by_width = 0.65 * column / (0.48 * longest + 3.5)  # name and value, a third of the width left for the bar
        best = max(best, (min(CHART_FONT_LARGE, by_rows, by_width), -wrap))  # on a tie, the narrower
    font, wrap = best[0], -best[1]
    return chart_height, int(max(CHART_FONT_MIN, font)), wrap


def chart_fits(rows: pd.DataFrame, viewport: tuple[int, int], headings: float = 0) -> bool:
    """Whether every bar's name lines and the gaps between bars fit the chart's height at the
    type `chart_size` chooses (never below CHART_FONT_MIN, so this is where many long names stop
    fitting)."""
    height, font, wrap = chart_size(rows, viewport, headings)
    lines = max((len(name_lines(name, wrap).split("<br>")) for name in rows["full_name"]), default=1)
    return len(rows) * (1.25 * lines + 0.45) * font + 100 <= height


def rows_per_screen(names: list[str], viewport: tuple[int, int], headings: float = 0, most: int = 8) -> int:
    """How many of a title's rows one screen shows: `most`, or fewer when even the smallest chart
    type cannot fit that many bars of these names (eight collectives named like "Phòng Tổ chức,
    hành chính, thông tin, tư liệu" at 1366 × 768). Judged on the title's longest names."""
    longest = sorted(names, key=len, reverse=True)
    for n in range(min(most, len(names)), 1, -1):
        if chart_fits(pd.DataFrame({"full_name": longest[:n]}), viewport, headings):
            return n
    return 1
