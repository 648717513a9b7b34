"""Validation in one place: each helper returns the clean value or raises a
`ValidationError` whose message (Vietnamese) names the field and the problem."""

from __future__ import annotations

import math
import re
from collections.abc import Iterable, Mapping
from datetime import date, datetime, time
from enum import StrEnum
from typing import TypeVar

import pandas as pd

from .errors import ValidationError
from .i18n import current_language, number_text
from .text import clean, fold

E = TypeVar("E", bound=StrEnum)

MAX_TEXT = 4000


def is_missing(value: object) -> bool:
    """An empty cell as pandas, openpyxl or a form gives it: None, NaN, NaT or pd.NA."""
    if value is None:
        return True
    return pd.api.types.is_scalar(value) and bool(pd.isna(value))  # a list is never an empty cell


def known_fields(fields: Mapping[str, object], allowed: Iterable[str], what: str) -> None:
    """A caller's mistake, not a user's: an update naming a field the row does not have."""
    unknown = set(fields) - set(allowed)
    if unknown:
        raise ValueError(f"unknown {what} fields: {sorted(unknown)}")


def text(value: object, field_name: str, *, required: bool = True, max_len: int = MAX_TEXT) -> str:
    cleaned = clean(value)
    if cleaned.lower() in ("nan", "none") and not isinstance(value, str):
        cleaned = ""
    if required and not cleaned:
        raise ValidationError("err.required", field=field_name, field_name=field_name)
    if len(cleaned) > max_len:
        raise ValidationError("err.text_too_long", field=field_name, field_name=field_name, max=max_len)
    return cleaned


def number(
    value: object,
    field_name: str,
    *,
    low: float | None = None,
    high: float | None = None,
    positive: bool = False,
    required: bool = True,
    percent: bool = False,
) -> float | None:
    """A float from a number or a string ("12,5" with a decimal comma is 12.5). With
    `percent`, a trailing % sign is allowed ("66,67%" is 66.67), as people write a rate."""
    if is_missing(value) or clean(value) == "":
        if required:
            raise ValidationError("err.required", field=field_name, field_name=field_name)
        return None
    if isinstance(value, bool):
        raise ValidationError("err.not_a_number", field=field_name, field_name=field_name, value=value)
    if isinstance(value, int | float):
        result = float(value)
    else:
        raw = clean(value).replace(" ", "")
        if percent and raw.endswith("%"):
            raw = raw[:-1]
        if "," in raw and "." not in raw:
            raw = raw.replace(",", ".")
        try:
            result = float(raw)
        except ValueError:
            raise ValidationError(
                "err.not_a_number", field=field_name, field_name=field_name, value=clean(value)
            ) from None
    if not math.isfinite(result):
        raise ValidationError("err.not_a_number", field=field_name, field_name=field_name, value=value)
    if positive and result <= 0:
        raise ValidationError("err.not_positive", field=field_name, field_name=field_name, value=_fmt(result))
    if (low is not None and result < low) or (high is not None and result > high):
        raise ValidationError(
            "err.out_of_range",
            field=field_name,
            field_name=field_name,
            low=_fmt(low if low is not None else -math.inf),
            high=_fmt(high if high is not None else math.inf),
            value=_fmt(result),
        )
    return result


# "1.250", "12.500", "1 250" (and "1,250" from an English Excel): digits grouped by
# threes with one separator throughout. Only whole numbers are read this way:
# where a decimal is allowed, "8.5" and "8,5" stay 8.5 (`number`).
_GROUPED = re.compile(r"[+-]?\d{1,3}([., ])\d{3}(?:\1\d{3})*")


def integer(value: object, field_name: str, **kwargs: object) -> int | None:
    """A whole number; Vietnamese thousands dots are grouping ("1.250" is 1250), and a
    fraction ("9,5") is refused rather than rounded: a count is never 9.5."""
    if isinstance(value, str) and _GROUPED.fullmatch(clean(value)):
        value = re.sub(r"[., ]", "", clean(value))
    result = number(value, field_name, **kwargs)
    if result is None:
        return None
    if not result.is_integer():
        shown = clean(value) if isinstance(value, str) else _fmt(result)
        raise ValidationError("err.not_integer", field=field_name, field_name=field_name, value=shown)
    return int(result)


def choice(value: object, field_name: str, enum: type[E]) -> E:
    raw = clean(value)
    try:
        return enum(raw)
    except ValueError:
        allowed = ", ".join(member.value for member in enum)
        raise ValidationError(
            "err.bad_choice", field=field_name, field_name=field_name, value=raw, allowed=allowed
        ) from None


# A yes/no cell as offices write it, folded (no case, no diacritics). A cell of
# several words answers with its first word: "Có quyền biểu quyết", "Không biểu quyết".
_YES = {"x", "v", "c", "1", "y", "yes", "true", "co", "dung", "ok", "✓", "✔", "☑", "✅", "🗸"}
_NO = {"0", "k", "ko", "n", "no", "false", "khong", "sai", "chua"}
_YES_NO_PUNCTUATION = " .,;:!()[]\"'“”‘’"


def yes_no(value: object, field_name: str) -> bool | None:
    """True/False from a yes/no cell, None when it is empty (the caller decides what
    empty means). Anything else is refused: guessing "no" for "✓" would store a wrong
    answer without a word."""
    raw = clean(value)
    folded = fold(raw).strip(_YES_NO_PUNCTUATION)
    if not folded:
        return None
    first = re.split(r"[\s,;:(]+", folded, maxsplit=1)[0].strip(_YES_NO_PUNCTUATION)
    if folded in _YES or first in ("co", "yes", "true", "dung"):
        return True
    if folded in _NO or first in ("khong", "ko", "chua", "no", "false"):
        return False
    raise ValidationError("err.not_yes_no", field=field_name, field_name=field_name, value=raw)


def parse_date(value: object) -> str | None:
    """dd/mm/yyyy (or a date, or ISO) to ISO yyyy-mm-dd; '' to None."""
    if value is None or clean(value) == "":
        return None
    if isinstance(value, datetime):
        return value.date().isoformat()
    if isinstance(value, date):
        return value.isoformat()
    raw = clean(value)
    for fmt in ("%d/%m/%Y", "%d-%m-%Y", "%d.%m.%Y", "%Y-%m-%d"):
        try:
            return datetime.strptime(raw, fmt).date().isoformat()
        except ValueError:
            continue
    raise ValidationError("err.bad_date", field="date", value=raw)


# A time of day as Vietnamese programmes write it: "7h30", "7h", "07:30", "7 giờ 30", "7g30", "13h30'",
# "7 giờ 30 phút". Minutes after ":" have two digits ("7:5" is a typo); after h / g / giờ one is read
# as spoken ("7 giờ 5" is 07:05). Letters are folded first, so "7H30" and "7 GIỜ" read the same.
_CLOCK = re.compile(r"(?P<h>\d{1,2})\s*(?::\s*(?P<m2>\d{2})|(?:h|g|gio)\s*(?:(?P<m>\d{1,2})\s*(?:'|p|ph|phut)?)?)")


def clock_time(value: object, field_name: str = "field.start_time") -> str:
    """A time of day to the one stored form, "HH:MM" ("7h30" -> "07:30"); '' stays ''.
    Anything else, or an hour past 23 or minutes past 59 ("25h", "abc"), is refused
    with a message that names the field and the value."""
    if isinstance(value, datetime):
        value = value.time()
    if isinstance(value, time):  # a time cell of a spreadsheet
        return f"{value.hour:02d}:{value.minute:02d}"
    raw = text(value, field_name, required=False, max_len=40)
    if not raw:
        return ""
    found = _CLOCK.fullmatch(fold(raw).replace("\u2019", "'"))
    if found:
        hour, minute = int(found["h"]), int(found["m2"] or found["m"] or 0)
        if hour <= 23 and minute <= 59:
            return f"{hour:02d}:{minute:02d}"
    raise ValidationError("err.bad_time", field=field_name.removeprefix("field."), field_name=field_name, value=raw)


def format_date(iso: str | None) -> str:
    """ISO to dd/mm/yyyy, as users read dates."""
    if not iso:
        return ""
    return date.fromisoformat(iso[:10]).strftime("%d/%m/%Y")


def format_date_long(iso: str | None, place: str = "") -> str:
    """ "Khánh Hòa, ngày 05 tháng 4 năm 2025" (Nghị định 30/2020: leading zero for
    days below 10 and for months 1 and 2)."""
    if not iso:
        return ""
    d = date.fromisoformat(iso[:10])
    month = f"{d.month:02d}" if d.month <= 2 else str(d.month)
    text = f"ngày {d.day:02d} tháng {month} năm {d.year}"
    return f"{place}, {text}" if place else text


def format_place_date(iso: str | None, place: str = "") -> str:
    """Where and when, as the screen's reader writes it: the Vietnamese long form
    (as on the conference's documents), or "Khánh Hòa, 15/04/2025" in English."""
    if current_language() == "vi":
        return format_date_long(iso, place)
    when = format_date(iso)
    return f"{place}, {when}" if place and when else when


def _fmt(value: float) -> str:
    if math.isinf(value):
        return "∞" if value > 0 else "-∞"
    return number_text(value)
