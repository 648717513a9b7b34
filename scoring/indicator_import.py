"""Importing yearly indicator values from .xlsx/.csv: one row per indicator, unit
and year. All or nothing: every row is checked first, every problem is
reported with its row and column, and nothing is written unless the whole file
is clean.

Columns (headers matched ignoring case, diacritics and spacing):
Phong trào (optional when the indicator's name is unique), Chỉ tiêu, Đơn vị
(empty or "Toàn cơ quan, đơn vị" = the whole institution, "Toàn trường" still read
for a school's older files; a unit's name or short name),
Năm, Giá trị (decimal comma accepted; dots grouping thousands as in "12.500.000";
a % sign for an indicator measured in %; "-" for no figure, that row is skipped),
Nguồn (optional).
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass, field

from . import conference, indicators
from . import validation as v
from .db import Store
from .errors import ValidationError
from .i18n import t
from .indicators import YEAR_MAX, YEAR_MIN, ValueChange
from .tabular import match_headers, read_table
from .text import fold

ALIASES: dict[str, list[str]] = {
    "movement": ["Phong trào", "Phong trào thi đua", "Tên phong trào", "Movement"],
    "indicator": ["Chỉ tiêu", "Tên chỉ tiêu", "Chỉ số", "Indicator"],
    "unit": [
        "Đơn vị",
        "Tên đơn vị",
        "Khoa, phòng",
        "Khoa/Phòng",
        "Khoa - Phòng",
        "Khoa phòng",
        "Đơn vị công tác",
        "Unit",
    ],
    "year": ["Năm", "Year"],
    "value": ["Giá trị", "Số liệu", "Kết quả", "Value"],
    "source": ["Nguồn", "Nguồn số liệu", "Source"],
}
REQUIRED = ("indicator", "year", "value")
# The whole institution's figures: the word the screens and the template use, its usual variants, and a
# school's "Toàn trường" (the earlier wording, still in files offices keep).
WHOLE_SCHOOL_WORDS = {
    "",
    "toan co quan, don vi",
    "toan co quan don vi",
    "toan co quan",
    "toan don vi",
    "ca co quan",
    "whole institution",
    "toan truong",
    "truong",
    "ca truong",
    "whole school",
    "school",
}
NO_FIGURE = {"-", "–", "—", "--"}  # what offices write in a cell that has no figure yet
MAX_ERRORS_SHOWN = 50
MAX_SOURCE = 500


class ImportRejected(ValidationError):
    """The file was refused; `errors` lists every problem (row, column, what)."""

    def __init__(self, filename: str, errors: list[str]) -> None:
        self.errors = errors
        shown = errors[:MAX_ERRORS_SHOWN]
        more = len(errors) - len(shown)
        details = "\n".join(f"- {e}" for e in shown) + (f"\n- … (+{more})" if more > 0 else "")
        super().__init__("ind.imp.rejected", file=filename, count=len(errors), details=details)


class _RowProblems:
    """Collects one row's problems, each naming the row and the file's column header."""

    def __init__(self, row: int, columns: Mapping[str, str]) -> None:
        self.row = row
        self.columns = columns
        self.errors: list[str] = []

    def __call__(self, key: str, message_key: str, **params: object) -> None:
        detail = t(message_key, **params)
        self.errors.append(t("ind.imp.cell", row=self.row, column=self.columns[key], detail=detail))


@dataclass
class ImportResult:
    written: int
    rows: int
    notes: list[str] = field(default_factory=list)


@dataclass
class _Catalogue:
    """Names in the database, folded for matching."""

    movements: dict[str, int]
    indicators: dict[tuple[int, str], int]
    indicators_by_name: dict[str, list[int]]
    units: dict[str, int]
    measures: dict[int, str]  # indicator id -> unit of measure ("%", "người"…)

    @classmethod
    def load(cls, store: Store) -> _Catalogue:
        movements: dict[str, int] = {}
        for m in indicators.list_movements(store):
            movements[fold(m["name"])] = m["id"]
            if m["short_name"]:
                movements[fold(m["short_name"])] = m["id"]
        by_movement: dict[tuple[int, str], int] = {}
        by_name: dict[str, list[int]] = {}
        measures: dict[int, str] = {}
        for ind in indicators.list_indicators(store):
            by_movement[(ind["movement_id"], fold(ind["name"]))] = ind["id"]
            by_name.setdefault(fold(ind["name"]), []).append(ind["id"])
            measures[ind["id"]] = ind.get("unit_of_measure") or ""
        units: dict[str, int] = {}
        for u in conference.list_units(store):
            units[fold(u["name"])] = u["id"]
            if u.get("short_name"):
                units[fold(u["short_name"])] = u["id"]
        return cls(movements, by_movement, by_name, units, measures)


def parse_values(store: Store, data: bytes, filename: str) -> tuple[list[ValueChange], list[str], list[str]]:
    """(changes, errors, notes) for a file; nothing is written."""
    table = read_table(data, filename, expected=ALIASES)
    columns = match_headers(table.headers, ALIASES)
    missing = [key for key in REQUIRED if key not in columns]
    if missing:
        return (
            [],
            [t("ind.imp.missing_column", column=ALIASES[key][0], found=", ".join(table.headers)) for key in missing],
            [],
        )
    if not table.rows:
        raise ValidationError("err.file_empty", file=filename)
    catalogue = _Catalogue.load(store)
    changes: list[ValueChange] = []
    errors: list[str] = _unrecognised_unit_column(table.headers, table.rows, columns, catalogue)
    notes = list(table.notes)
    seen: dict[tuple[int, int | None, int], int] = {}
    for row, number in zip(table.rows, table.row_numbers, strict=True):
        if row.get(columns["value"], "") in NO_FIGURE:  # nothing to file for that year yet
            notes.append(t("ind.imp.no_figure", row=number, value=row[columns["value"]]))
            continue
        problem = _RowProblems(number, columns)
        row_errors = problem.errors
        indicator_id = _indicator(row, columns, catalogue, problem)
        unit_id = _unit(row, columns, catalogue, problem)
        year = _year(row.get(columns["year"], ""), problem)
        measure = catalogue.measures.get(indicator_id) if indicator_id is not None else None
        value = _value(row.get(columns["value"], ""), measure, problem)
        source = _source(row.get(columns["source"], ""), problem) if "source" in columns else ""
        if not row_errors and indicator_id is not None and year is not None:
            key = (indicator_id, unit_id, year)
            if key in seen:
                row_errors.append(t("ind.imp.duplicate", row=number, first=seen[key]))
            else:
                seen[key] = number
                changes.append(
                    ValueChange(
                        indicator_id, unit_id, year, value, source or t("ind.imp.default_source", file=filename)
                    )
                )
        errors.extend(row_errors)
    return changes, errors, notes


def import_values(store: Store, member: Mapping | None, data: bytes, filename: str) -> ImportResult:
    """Check the whole file, then write every row in one transaction; raises
    ImportRejected (every problem listed) and writes nothing if any row is wrong."""
    indicators.require_secretary(member)
    changes, errors, notes = parse_values(store, data, filename)
    if errors:
        raise ImportRejected(filename, errors)
    written = indicators.save_values(store, member, changes, action="import")
    return ImportResult(written=written, rows=len(changes), notes=notes)


def template_csv() -> bytes:
    """An example file with the expected headers (UTF-8 BOM, ";" like Vietnamese Excel)."""
    lines = [
        "Phong trào;Chỉ tiêu;Đơn vị;Năm;Giá trị;Nguồn",
        "Văn hóa công sở;Tỷ lệ văn bản đi được ký số;Toàn cơ quan, đơn vị;2025;85,5;Báo cáo tổng kết năm 2025",
        "Xã hội học tập;Số giờ bồi dưỡng bình quân mỗi viên chức trong năm;Khoa Dân vận;2025;41;Báo cáo của Khoa",
    ]
    return ("\n".join(lines) + "\n").encode("utf-8-sig")


# -- one cell at a time ------------------------------------------------------------
def _indicator(
    row: Mapping[str, str], columns: Mapping[str, str], catalogue: _Catalogue, problem: _RowProblems
) -> int | None:
    name = row.get(columns["indicator"], "")
    movement_id = None
    if "movement" in columns and row.get(columns["movement"], ""):
        movement_name = row[columns["movement"]]
        movement_id = catalogue.movements.get(fold(movement_name))
        if movement_id is None:
            problem("movement", "ind.imp.unknown_movement", value=movement_name)
            return None
    if not name:
        problem("indicator", "ind.imp.required")
        return None
    if movement_id is not None:
        found = catalogue.indicators.get((movement_id, fold(name)))
        if found is None:
            problem("indicator", "ind.imp.unknown_indicator_in_movement", value=name, movement=row[columns["movement"]])
        return found
    candidates = catalogue.indicators_by_name.get(fold(name), [])
    if len(candidates) == 1:
        return candidates[0]
    problem("indicator", "ind.imp.ambiguous_indicator" if candidates else "ind.imp.unknown_indicator", value=name)
    return None


def _unit(
    row: Mapping[str, str], columns: Mapping[str, str], catalogue: _Catalogue, problem: _RowProblems
) -> int | None:
    if "unit" not in columns:
        return None
    name = row.get(columns["unit"], "")
    if fold(name) in WHOLE_SCHOOL_WORDS:
        return None
    found = catalogue.units.get(fold(name))
    if found is None:
        problem("unit", "ind.imp.unknown_unit", value=name)
    return found


_INTEGER = re.compile(r"^\d+(?:[.,]0+)?$")


def _year(raw: str, problem: _RowProblems) -> int | None:
    if not raw:
        problem("year", "ind.imp.required")
        return None
    if not _INTEGER.match(raw):
        problem("year", "ind.imp.year_not_integer", value=raw)
        return None
    year = int(re.split(r"[.,]", raw)[0])
    if not YEAR_MIN <= year <= YEAR_MAX:
        problem("year", "ind.imp.year_out_of_range", value=year, low=YEAR_MIN, high=YEAR_MAX)
        return None
    return year


def _source(raw: str, problem: _RowProblems) -> str:
    if len(raw) > MAX_SOURCE:
        problem("source", "ind.imp.too_long", max=MAX_SOURCE)
        return ""
    return raw


# Dots grouping thousands, as Vietnamese write numbers: "12.500.000", "1.234,5".
_GROUPED = re.compile(r"^-?\d{1,3}(?:\.\d{3})+(?:,\d+)?$")


def _value(raw: str, measure: str | None, problem: _RowProblems) -> float | None:
    """The figure; `measure` is the indicator's unit of measure (None: indicator unknown)."""
    if not raw:
        problem("value", "ind.imp.required")
        return None
    text = raw.replace(" ", "")
    if text.endswith("%") and measure is not None and "%" not in measure:
        problem("value", "ind.imp.percent_not_measure", value=raw, measure=measure or "—")
        return None
    text = text.removesuffix("%")
    if _GROUPED.match(text):
        if text.count(".") == 1 and "," not in text:  # "1.234": a thousand and more, or one point something?
            problem(
                "value",
                "ind.imp.ambiguous_dot",
                value=raw,
                grouped=text.replace(".", ""),
                decimal=text.replace(".", ","),
            )
            return None
        text = text.replace(".", "")
    try:
        return v.number(text, "field.value")
    except ValidationError:
        problem("value", "ind.imp.not_a_number", value=raw)
        return None


def _unrecognised_unit_column(
    headers: list[str], rows: list[dict[str, str]], columns: Mapping[str, str], catalogue: _Catalogue
) -> list[str]:
    """Without a unit column every value is the whole school's: refuse a file where
    an unrecognised column holds unit names, rather than file them all school-wide."""
    if "unit" in columns:
        return []
    used = set(columns.values())
    for header in headers:
        if header in used:
            continue
        named = [row[header] for row in rows if fold(row.get(header, "")) in catalogue.units]
        if named:
            return [t("ind.imp.unit_column_unknown", column=header, example=named[0])]
    return []
