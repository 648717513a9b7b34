"""What every kind of import shares: the rows of one file read with the columns of
its kind (`Rows`), the batch context that lets later files refer to what earlier
ones create (`Batch`), and the helpers that record a row's plan or its problem."""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field

from . import conference
from .db import Store
from .errors import DomainError, ValidationError
from .i18n import number_text, t
from .import_columns import ALIASES, IGNORED, NAME_FIELDS, REQUIRED, match_columns
from .import_plan import FilePlan, PlannedRow, Problem
from .model import CandidateKind, Role, UnitKind
from .tabular import Table
from .text import fold, loose

# "Tổng cộng", and the forms offices write under a list: "Tổng cộng: 5 người",
# "Tổng số (4 tập thể)", "Cộng: 12" (folded); never "Công đoàn", "Tổng hợp…".
_TOTAL_ROW = re.compile(r"^(?:tong cong|tong so|tong diem|tong|cong|total)\s*(?:$|[:(.\-–]|\d)")
_COLUMN_NUMBER = re.compile(r"^\(?\d{1,2}\)?$")
# A list's group headings: "I | DANH HIỆU LAO ĐỘNG TIÊN TIẾN", "B | TẬP THỂ" (a Roman numeral or a
# capital letter in the STT column, one text beside it), or "II. Tập thể" alone in its row.
_GROUP_NUMBER = re.compile(r"^(?:[IVXL]+|[A-Z])\.?$")
_GROUP_HEADING = re.compile(r"^(?:[IVXL]+|[A-Z])\s*[.\-–)]\s*\S")
_STT_HEADERS = {fold(name) for name in IGNORED[:5]}


def group_heading(raw: dict[str, str]) -> str | None:
    """The heading text if this row only heads a group of the list, else None."""
    filled = {header: text for header, text in raw.items() if text}
    stt = next((text for header, text in filled.items() if fold(header) in _STT_HEADERS), None)
    others = [text for header, text in filled.items() if fold(header) not in _STT_HEADERS]
    if stt is not None and len(others) == 1 and _GROUP_NUMBER.match(stt):
        return f"{stt} {others[0]}"
    if stt is None and len(others) == 1 and _GROUP_HEADING.match(others[0]):
        return others[0]
    return None


# --- the rows of one file ---------------------------------------------------------------


class Rows:
    """The rows of one file with the columns of one kind, and the checks every
    kind shares: formulas, blank rows, STT-only rows, problem reporting."""

    def __init__(self, table: Table, kind: str, plan: FilePlan) -> None:
        self.table = table
        self.plan = plan
        self.columns = match_columns(table.headers, ALIASES[kind])
        self.keys = list(ALIASES[kind])
        ignored = set(match_columns(table.headers, {f"_{i}": [name] for i, name in enumerate(IGNORED)}).values())
        for header in table.headers:
            unnamed = header in table.unnamed  # a column without a header: worth a word only if it holds data
            used = header in self.columns.values() or header in ignored
            if not used and (not unnamed or any(row.get(header) for row in table.rows)):
                self.warn(None, header, t("imp.warn.unused_column", column=header))
        for key in REQUIRED[kind]:
            if key not in self.columns:
                aliases = ", ".join(f"“{a}”" for a in ALIASES[kind][key][:3])
                self.error(None, "", t("imp.err.missing_column", column=ALIASES[kind][key][0], aliases=aliases))

    def error(self, row: int | None, column: str, message: str) -> None:
        self.plan.problems.append(Problem(self.plan.file, message, row, column, "error", self.table.sheet))

    def warn(self, row: int | None, column: str, message: str) -> None:
        self.plan.problems.append(Problem(self.plan.file, message, row, column, "warning", self.table.sheet))

    def header(self, key: str) -> str:
        return self.columns.get(key, "")

    def __iter__(self):
        """(row number, {key: text}) for rows worth reading; formula cells are
        reported and the row skipped."""
        for number, raw in zip(self.table.row_numbers, self.table.rows, strict=True):
            cells = {key: raw.get(self.columns[key], "") if key in self.columns else "" for key in self.keys}
            if not any(cells.values()):
                continue  # only STT or unknown columns filled: an unused numbered line
            heading = group_heading(raw)
            if heading is not None:
                self.warn(number, "", t("imp.warn.group_row", text=heading))
                continue
            filled = [c for c in raw.values() if c]
            if len(filled) >= 3 and all(_COLUMN_NUMBER.match(c) for c in filled):
                continue  # the "(1) (2) (3)" line under a header
            if any(_TOTAL_ROW.match(fold(cells.get(key, ""))) for key in NAME_FIELDS if cells.get(key)):
                self.warn(number, "", t("imp.warn.total_row"))
                continue  # "Tổng cộng" under a list of criteria, often a =SUM() formula
            bad = False
            for key, header in self.columns.items():
                formula = self.table.formulas.get((number, header))
                text = cells[key]
                if formula is not None:
                    self.error(number, header, t("imp.err.formula", formula=formula))
                    bad = True
                elif text.startswith("=") or (key in NAME_FIELDS and text[:1] in ("+", "-", "@")):
                    self.error(number, header, t("imp.err.formula_text", char=text[:1]))
                    bad = True
            if not bad:
                yield number, cells

    def check(self, number: int, key: str, func: Callable[[], object]) -> object:
        """Run a validator; on failure record its message at this row and column."""
        try:
            return func()
        except DomainError as exc:
            self.error(number, self.header(key), str(exc))
            return FAILED


FAILED = object()  # what Rows.check returns for a cell it refused (the problem is already recorded)


# --- the batch context -----------------------------------------------------------------


@dataclass
class Batch:
    """What the database holds plus what earlier files of the batch will create,
    keyed by folded name, so that later files may refer to it."""

    store: Store
    units: dict[str, dict] = field(default_factory=dict)  # fold(name or short) -> unit
    loose_units: dict[str, dict] = field(default_factory=dict)  # loose(name) -> unit
    new_units: dict[str, tuple[str, int]] = field(default_factory=dict)  # fold(name) -> (file, row)
    members: dict[str, dict] = field(default_factory=dict)
    seen: dict[tuple, tuple[str, int]] = field(default_factory=dict)  # (kind, key) -> (file, row)

    def __post_init__(self) -> None:
        for u in conference.list_units(self.store):
            self.add_unit(u)
        for m in self.store.query("SELECT id, full_name FROM members WHERE active = 1"):
            self.members[fold(m["full_name"])] = m

    def first_seen(self, kind: str, key: tuple, file: str, row: int) -> tuple[str, int] | None:
        """None the first time a key appears in the batch, else where it did."""
        earlier = self.seen.get((kind, key))
        if earlier is None:
            self.seen[(kind, key)] = (file, row)
        return earlier

    def add_unit(self, unit: dict) -> None:
        """Known by its name, its short name, and its name written another way."""
        self.units[fold(unit["name"])] = unit
        if unit["short_name"]:
            self.units.setdefault(fold(unit["short_name"]), unit)
        self.loose_units.setdefault(loose(unit["name"]), unit)

    def unit_named(self, name: str) -> dict | None:
        """The unit of this name, also with other punctuation or "&" for "và"
        ("Khoa Nhà nước & Pháp luật"); not a unit whose short name this is."""
        unit = self.units.get(fold(name))
        if unit is not None and fold(unit["name"]) == fold(name):
            return unit
        return self.loose_units.get(loose(name))

    def find_unit(self, name: str) -> dict | None:
        """The unit a person's or nominee's row names: by name or short name."""
        return self.units.get(fold(name)) or self.loose_units.get(loose(name))

    def unit_names(self) -> list[str]:
        return [u["name"] for u in self.units.values()]


def note_duplicate(rows: Rows, number: int, header: str, name: str, earlier: tuple[str, int]) -> None:
    other_file, other_row = earlier
    if other_file == rows.plan.file:
        rows.error(number, header, t("imp.err.duplicate_in_file", other=other_row, name=name))
    else:
        rows.error(
            number, header, t("imp.err.duplicate_across_files", other_file=other_file, other=other_row, name=name)
        )


def note_variant(rows: Rows, number: int, header: str, given: str, stored: str) -> None:
    if given != stored:
        rows.warn(number, header, t("imp.warn.exists_variant", given=given, existing=stored))


# --- a row's plan ---------------------------------------------------------------------------


def planned(
    plan: FilePlan,
    number: int,
    label: str,
    row: dict,
    changes: dict,
    update: Callable[..., None],
    stored_id: int,
) -> None:
    """A row that matches something stored: unchanged, or an update of `stored_id`
    through `update(store, actor, stored_id, **changes)` when the batch is committed."""
    if changes:

        def action(store: Store, actor: str) -> None:
            update(store, actor, stored_id, **changes)

        plan.rows.append(PlannedRow(number, "update", label, preview_cells(changes), action))
    else:
        plan.rows.append(PlannedRow(number, "unchanged", label, preview_cells(row)))


def preview_cells(row: dict) -> dict[str, str]:
    """Values for the preview table, as the user reads them."""
    out = {}
    for key, value in row.items():
        if value is None:
            out[key] = ""
        elif key in ("is_voting", "has_initiative"):
            out[key] = t("imp.yes") if value else t("imp.no")
        elif key == "kind" and value in set(CandidateKind):
            out[key] = CandidateKind(value).label
        elif key == "kind" and value in set(UnitKind):
            out[key] = t(f"unit_kind.{value}")
        elif key == "role" and value in set(Role):
            out[key] = Role(value).label
        elif isinstance(value, float):
            out[key] = decimal_comma(value)
        else:
            out[key] = str(value)
    return out


def decimal_comma(value: float) -> str:
    """A number in a preview cell or message, with the reader's decimal separator."""
    return number_text(value)


def kind_value(value: str) -> CandidateKind:
    """ "Tập thể"/"Cá nhân" as offices write them (also TT/CN and the English words)."""
    folded = fold(value)
    if folded in ("tap the", "tt", "collective", "to chuc") or folded.startswith("tap the"):
        return CandidateKind.COLLECTIVE
    if folded in ("ca nhan", "cn", "individual", "person") or folded.startswith("ca nhan"):
        return CandidateKind.INDIVIDUAL
    raise ValidationError("imp.err.bad_kind", value=value)
