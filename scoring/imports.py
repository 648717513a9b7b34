"""Importing the lists offices send: units, criteria sets, council members and
candidates, from .xlsx or .csv.

Two steps, like the secretary works: `plan_import` reads the files and says, row
by row, what would be created, updated or left as it is, and what is wrong (file,
row as Excel numbers it, column, in Vietnamese). `commit_import` plans again
inside ONE write transaction and applies everything, or nothing if any file has
an error. Several files form one batch, applied in the order units → criteria →
members → candidates, so candidates may name a unit created by the same batch.

Decisions (documented in the README):
- duplicates inside a batch (also case and NFC/NFD variants) are errors naming
  both rows; a row that matches an existing record is "unchanged", or "update"
  when a filled cell differs (empty cells never erase what is stored);
- a criteria set whose maximum points do not total 100 is a warning, not an
  error: totals are rescaled to 100 when scores are aggregated;
- formula cells are refused (the message asks to paste values); a cell starting
  with "=" is refused everywhere, a name starting with + - @ too; free text
  (achievements, notes) may start with "-" or "+", and every export neutralises
  such cells;
- STT, and columns the importer does not know, are ignored (with a warning for
  the latter); rows that hold only an STT, column-number rows "(1) (2) (3)" and
  "Tổng cộng" rows are skipped.
"""

from __future__ import annotations

import csv
import io
import re
import unicodedata
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from . import audit, conference
from . import validation as v
from .db import Store
from .errors import DomainError, ValidationError
from .i18n import t
from .model import CandidateKind, Role, UnitKind
from .spreadsheet import neutralise
from .tabular import MAX_BYTES, Table, read_table
from .text import clean, fold

KINDS = ("units", "criteria", "members", "candidates")  # also the order a batch is applied in
MAX_ROWS = 2000

# Canonical key -> headers as offices write them. Matching ignores case,
# diacritics, spaces and punctuation; the first alias of each key is the
# template's header. Order matters: a header goes to the first key claiming it.
ALIASES: dict[str, dict[str, list[str]]] = {
    "units": {
        "name": ["Tên đơn vị", "Đơn vị", "Tên", "Unit", "Name", "Unit name"],
        "kind": ["Loại", "Loại đơn vị", "Loại hình", "Kind", "Type"],
        "short_name": ["Tên viết tắt", "Viết tắt", "Ký hiệu", "Short name", "Abbreviation"],
        "staff_count": ["Số viên chức", "Số người", "Số lượng", "Số cán bộ", "Quân số", "Staff", "Staff count"],
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
        "unit": ["Đơn vị", "Đơn vị công tác", "Unit"],
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
        "unit": ["Đơn vị", "Đơn vị công tác", "Unit"],
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
# "Tổng cộng", and the forms offices write under a list: "Tổng cộng: 5 người",
# "Tổng số (4 tập thể)", "Cộng: 12" (folded); never "Công đoàn", "Tổng hợp…".
_TOTAL_ROW = re.compile(r"^(?:tong cong|tong so|tong diem|tong|cong|total)\s*(?:$|[:(.\-–]|\d)")
_UNIT_WORDS = {"khoa", "phong", "ban", "bo", "trung", "cong", "doan", "chi", "hoi", "to", "van"}
_COLUMN_NUMBER = re.compile(r"^\(?\d{1,2}\)?$")


# --- results --------------------------------------------------------------------------


@dataclass
class Problem:
    """One thing wrong (or worth knowing) about a file, a row or a cell."""

    file: str
    message: str
    row: int | None = None
    column: str = ""
    level: str = "error"  # or "warning"
    sheet: str = ""

    def location(self) -> str:
        parts = [t("imp.loc.file", file=self.file)]
        if self.row is not None:
            parts.append(t("imp.loc.row", row=self.row))
        if self.column:
            parts.append(t("imp.loc.column", column=self.column))
        return ", ".join(parts)

    def __str__(self) -> str:
        label = t("imp.level.error") if self.level == "error" else t("imp.level.warning")
        return f"{label}: {self.location()}: {self.message}"


@dataclass
class PlannedRow:
    """What one row of a file will do. `apply` writes it (None: nothing to write)."""

    row: int
    action: str  # create | update | unchanged
    label: str
    values: dict[str, str]
    apply: Callable[[Store, str], None] | None = None


@dataclass
class FilePlan:
    file: str
    kind: str | None = None
    sheet: str = ""
    rows: list[PlannedRow] = field(default_factory=list)
    problems: list[Problem] = field(default_factory=list)

    @property
    def errors(self) -> list[Problem]:
        return [p for p in self.problems if p.level == "error"]

    def counts(self) -> dict[str, int]:
        result = {"create": 0, "update": 0, "unchanged": 0}
        for r in self.rows:
            result[r.action] += 1
        return result


@dataclass
class ImportPlan:
    files: list[FilePlan]

    @property
    def problems(self) -> list[Problem]:
        return [p for f in self.files for p in f.problems]

    @property
    def errors(self) -> list[Problem]:
        return [p for p in self.problems if p.level == "error"]

    @property
    def ok(self) -> bool:
        return bool(self.files) and not self.errors

    def counts(self) -> dict[str, int]:
        total = {"create": 0, "update": 0, "unchanged": 0}
        for f in self.files:
            for key, n in f.counts().items():
                total[key] += n
        return total

    def summary(self) -> str:
        c = self.counts()
        return t(
            "imp.summary", create=c["create"], update=c["update"], unchanged=c["unchanged"], errors=len(self.errors)
        )


class ImportRefused(DomainError):
    """The batch has errors: nothing was written."""

    def __init__(self, plan: ImportPlan) -> None:
        self.plan = plan
        super().__init__("imp.refused", errors=len(plan.errors))


# --- reading ----------------------------------------------------------------------------


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


def _read(filename: str, data: bytes, plan: FilePlan) -> Table | None:
    try:
        table = read_table(data, filename)
    except ValidationError as exc:
        plan.problems.append(Problem(filename, str(exc)))
        return None
    plan.sheet = table.sheet
    for note in table.notes:
        plan.problems.append(Problem(filename, note, level="warning", sheet=table.sheet))
    if len(table.rows) > MAX_ROWS:
        plan.problems.append(Problem(filename, t("imp.err.too_many_rows", count=len(table.rows), max=MAX_ROWS)))
        return None
    return table


class _Rows:
    """The rows of one file with the columns of one kind, and the checks every
    kind shares: formulas, blank rows, STT-only rows, problem reporting."""

    def __init__(self, table: Table, kind: str, plan: FilePlan) -> None:
        self.table = table
        self.plan = plan
        self.columns = match_columns(table.headers, ALIASES[kind])
        self.keys = list(ALIASES[kind])
        ignored = set(match_columns(table.headers, {f"_{i}": [name] for i, name in enumerate(IGNORED)}).values())
        for header in table.headers:
            unnamed = header.startswith("Cột ")  # a column without a header: worth a word only if it holds data
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
            return _FAILED


_FAILED = object()


# --- the batch context -----------------------------------------------------------------


@dataclass
class _Batch:
    """What the database holds plus what earlier files of the batch will create,
    keyed by folded name, so that later files may refer to it."""

    store: Store
    units: dict[str, dict] = field(default_factory=dict)  # fold(name or short) -> unit
    new_units: dict[str, tuple[str, int]] = field(default_factory=dict)  # fold(name) -> (file, row)
    members: dict[str, dict] = field(default_factory=dict)
    seen: dict[tuple, tuple[str, int]] = field(default_factory=dict)  # (kind, key) -> (file, row)

    def __post_init__(self) -> None:
        for u in conference.list_units(self.store):
            self.units[fold(u["name"])] = u
            if u["short_name"]:
                self.units.setdefault(fold(u["short_name"]), u)
        for m in self.store.query("SELECT id, full_name FROM members WHERE active = 1"):
            self.members[fold(m["full_name"])] = m

    def first_seen(self, kind: str, key: tuple, file: str, row: int) -> tuple[str, int] | None:
        """None the first time a key appears in the batch, else where it did."""
        earlier = self.seen.get((kind, key))
        if earlier is None:
            self.seen[(kind, key)] = (file, row)
        return earlier

    def unit_names(self) -> list[str]:
        return [u["name"] for u in self.units.values()]


def _duplicate(rows: _Rows, number: int, header: str, name: str, earlier: tuple[str, int]) -> None:
    other_file, other_row = earlier
    if other_file == rows.plan.file:
        rows.error(number, header, t("imp.err.duplicate_in_file", other=other_row, name=name))
    else:
        rows.error(
            number, header, t("imp.err.duplicate_across_files", other_file=other_file, other=other_row, name=name)
        )


def _variant_note(rows: _Rows, number: int, header: str, given: str, stored: str) -> None:
    if given != stored:
        rows.warn(number, header, t("imp.warn.exists_variant", given=given, existing=stored))


# --- units --------------------------------------------------------------------------------

_UNIT_KIND_WORDS = {
    "khoa": UnitKind.KHOA,
    "phong": UnitKind.PHONG,
    "doan the": UnitKind.DOAN_THE,
    "doan": UnitKind.DOAN_THE,
    "to chuc doan the": UnitKind.DOAN_THE,
    "khac": UnitKind.KHAC,
}


def _unit_kind(value: str, name: str) -> UnitKind:
    """The kind from its cell ("Khoa", "Phòng", "Đoàn thể", "Khác"), else from the name."""
    if value:
        folded = fold(value)
        for word, kind in _UNIT_KIND_WORDS.items():
            if folded == word or folded == kind.value:
                return kind
        raise ValidationError("imp.err.bad_unit_kind", value=value)
    first = fold(name).split(" ")[0] if name else ""
    if first == "khoa":
        return UnitKind.KHOA
    if first == "phong":
        return UnitKind.PHONG
    if first in ("cong", "doan", "chi", "hoi"):  # Công đoàn, Đoàn Thanh niên, Chi đoàn, Hội Cựu chiến binh
        return UnitKind.DOAN_THE
    return UnitKind.KHAC


def _plan_units(batch: _Batch, table: Table, plan: FilePlan) -> None:
    rows = _Rows(table, "units", plan)
    if plan.errors:
        return
    for number, cells in rows:
        name = rows.check(number, "name", lambda c=cells: v.text(c["name"], "field.unit_name", max_len=200))
        kind = rows.check(
            number, "kind", lambda c=cells, n=name: _unit_kind(c["kind"], n if isinstance(n, str) else "")
        )
        short = rows.check(
            number,
            "short_name",
            lambda c=cells: v.text(c["short_name"], "field.short_name", required=False, max_len=50),
        )
        staff = (
            rows.check(
                number,
                "staff_count",
                lambda c=cells: v.integer(c["staff_count"], "field.staff_count", low=0, high=100000, required=False),
            )
            if cells.get("staff_count")
            else None
        )
        if _FAILED in (name, kind, short, staff):
            continue
        earlier = batch.first_seen("units", (fold(name),), plan.file, number)
        if earlier:
            _duplicate(rows, number, rows.header("name"), name, earlier)
            continue
        row = {"name": name, "kind": kind.value, "short_name": short, "staff_count": staff}
        existing = batch.units.get(fold(name))
        if existing is not None and fold(existing["name"]) == fold(name):
            _variant_note(rows, number, rows.header("name"), name, existing["name"])
            changes = {k: row[k] for k in ("short_name", "staff_count") if cells.get(k) and row[k] != existing[k]}
            if cells.get("kind") and row["kind"] != existing["kind"]:
                changes["kind"] = row["kind"]
            _planned(
                plan,
                number,
                existing["name"],
                row,
                changes,
                lambda s, a, i=existing["id"], ch=changes: conference.update_unit(s, a, i, **ch),
            )
            continue
        batch.units[fold(name)] = {"id": None, **row}
        if short:
            batch.units.setdefault(fold(short), batch.units[fold(name)])
        plan.rows.append(PlannedRow(number, "create", name, _shown(row), _add_unit(row)))


def _add_unit(row: dict) -> Callable[[Store, str], None]:
    def apply(store: Store, actor: str) -> None:
        conference.add_unit(store, actor, **row)

    return apply


def _planned(
    plan: FilePlan,
    number: int,
    label: str,
    row: dict,
    changes: dict,
    update: Callable[[Store, str], None],
) -> None:
    if changes:
        plan.rows.append(PlannedRow(number, "update", label, _shown(changes), update))
    else:
        plan.rows.append(PlannedRow(number, "unchanged", label, _shown(row)))


def _shown(row: dict) -> dict[str, str]:
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
            out[key] = _num(value)
        else:
            out[key] = str(value)
    return out


# --- criteria -------------------------------------------------------------------------------


def _set_name_from(table: Table, filename: str) -> tuple[str, str]:
    """(name, where it came from) when the file has no "Bộ tiêu chí" column: the
    title line above the header ("PHIẾU CHẤM ĐIỂM CÁ NHÂN"), else the file name."""
    for line in table.preamble:
        folded = fold(line)
        if any(word in folded for word in ("phieu", "tieu chi", "bo ")) and "cong hoa" not in folded:
            return clean(line), "imp.set_from_title"
    stem = clean(re.sub(r"[-_]+", " ", Path(filename).stem))
    return stem[:1].upper() + stem[1:], "imp.set_from_file"


def _kind_value(value: str) -> CandidateKind:
    """ "Tập thể"/"Cá nhân" as offices write them (also TT/CN and the English words)."""
    folded = fold(value)
    if folded in ("tap the", "tt", "collective", "to chuc") or folded.startswith("tap the"):
        return CandidateKind.COLLECTIVE
    if folded in ("ca nhan", "cn", "individual", "person") or folded.startswith("ca nhan"):
        return CandidateKind.INDIVIDUAL
    raise ValidationError("imp.err.bad_kind", value=value)


def _plan_criteria(batch: _Batch, table: Table, plan: FilePlan) -> None:
    rows = _Rows(table, "criteria", plan)
    if plan.errors:
        return
    default_name, source = ("", "")
    if "set_name" not in rows.columns:
        default_name, source = _set_name_from(table, plan.file)
        rows.warn(None, "", t(source, name=default_name))
    sets: dict[str, dict] = {}  # fold(set name) -> {name, applies_to, criteria: [(row, criterion)], first_row}
    failed_sets: set[str] = set()
    for number, cells in rows:
        set_name = cells.get("set_name") or default_name
        key = fold(set_name)
        if not key:
            rows.error(number, rows.header("set_name"), t("err.required", field_name=t("field.criteria_set")))
            continue
        entry = sets.setdefault(key, {"name": set_name, "applies_to": None, "criteria": [], "first_row": number})
        position = len(entry["criteria"]) + 1
        name = rows.check(number, "name", lambda c=cells: v.text(c["name"], "field.criterion_name", max_len=500))
        maximum = rows.check(
            number,
            "max_points",
            lambda c=cells: v.number(c["max_points"], "field.max_points", positive=True, low=0, high=100),
        )
        weight = rows.check(
            number,
            "weight",
            lambda c=cells: v.number(c.get("weight") or 1, "field.weight", positive=True, low=0, high=100),
        )
        step = rows.check(number, "step", lambda c=cells: v.number(c.get("step") or 0.5, "field.step", positive=True))
        if cells.get("applies_to"):
            kind = rows.check(number, "applies_to", lambda c=cells: _kind_value(c["applies_to"]))
            if kind is not _FAILED:
                if entry["applies_to"] and entry["applies_to"] != kind.value:
                    rows.error(number, rows.header("applies_to"), t("imp.err.mixed_applies_to", name=set_name))
                entry["applies_to"] = kind.value
        if _FAILED in (name, maximum, weight, step):
            failed_sets.add(key)
            continue
        if step > maximum:
            rows.error(
                number,
                rows.header("step") or rows.header("max_points"),
                t("imp.err.step_over_max", step=_num(step), max=_num(maximum)),
            )
            failed_sets.add(key)
            continue
        earlier = batch.first_seen("criterion", (key, fold(name)), plan.file, number)
        if earlier:
            _duplicate(rows, number, rows.header("name"), name, earlier)
            failed_sets.add(key)
            continue
        criterion = {
            "name": name,
            "description": clean(cells.get("description", "")),
            "max_points": maximum,
            "weight": weight,
            "step": step,
        }
        entry["criteria"].append((number, position, criterion))
    existing_sets = {fold(s["name"]): s for s in conference.list_criteria_sets(batch.store)}
    for key, entry in sets.items():
        if key in failed_sets or not entry["criteria"]:
            if not entry["criteria"] and key not in failed_sets:
                rows.error(entry["first_row"], rows.header("name"), t("imp.err.set_empty", name=entry["name"]))
            continue
        earlier = batch.first_seen("criteria_set", (key,), plan.file, entry["first_row"])
        if earlier and earlier != (plan.file, entry["first_row"]):
            _duplicate(rows, entry["first_row"], rows.header("set_name"), entry["name"], earlier)
            continue
        criteria = [c for _, _, c in entry["criteria"]]
        if entry["applies_to"] is None:
            folded = fold(entry["name"])
            entry["applies_to"] = "individual" if "ca nhan" in folded else "collective" if "tap the" in folded else None
        for warning in conference.criteria_warnings(criteria):
            rows.warn(None, rows.header("max_points"), f"“{entry['name']}”: {warning}")
        existing = existing_sets.get(key)
        action, apply = "create", None
        if existing is None:
            apply = _add_set(entry["name"], criteria, entry["applies_to"])
        else:
            stored = conference.list_criteria(batch.store, existing["id"])
            if _same_criteria(stored, criteria):
                action = "unchanged"
            else:
                used = batch.store.scalar(
                    "SELECT COUNT(*) FROM scores s JOIN criteria c ON c.id = s.criterion_id WHERE c.set_id = ?",
                    (existing["id"],),
                )
                if used:
                    rows.error(entry["first_row"], rows.header("name"), t("err.criteria_in_use"))
                    continue
                action, apply = "update", _replace_set(existing["id"], criteria)
        for i, (number, position, criterion) in enumerate(entry["criteria"]):
            shown = {
                "set_name": existing["name"] if existing else entry["name"],
                "order": str(position),
                **_shown(criterion),
            }
            plan.rows.append(PlannedRow(number, action, criterion["name"], shown, apply if i == 0 else None))


def _add_set(name: str, criteria: list[dict], applies_to: str | None) -> Callable[[Store, str], None]:
    def apply(store: Store, actor: str) -> None:
        conference.add_criteria_set(store, actor, name, criteria, applies_to=applies_to)

    return apply


def _replace_set(set_id: int, criteria: list[dict]) -> Callable[[Store, str], None]:
    def apply(store: Store, actor: str) -> None:
        conference.replace_criteria(store, actor, set_id, criteria)

    return apply


def _same_criteria(stored: list[dict], new: list[dict]) -> bool:
    def key(c: dict) -> tuple:
        return (
            clean(c["name"]),
            clean(c.get("description", "")),
            float(c["max_points"]),
            float(c["weight"]),
            float(c["step"]),
        )

    return [key(c) for c in stored] == [key(c) for c in new]


def _num(value: float) -> str:
    return f"{value:g}".replace(".", ",")


# --- people: units inside "Chức vụ, đơn vị" --------------------------------------------------


def _fold_chars(text: str) -> str:
    """`fold` one character at a time, so positions match the original text."""
    out = []
    for ch in text:
        base = "".join(c for c in unicodedata.normalize("NFD", ch.lower()) if not unicodedata.combining(c))
        out.append(("d" if base == "đ" else base)[:1] or " ")
    return "".join(out)


def split_position_unit(text: str, unit_names: list[str]) -> tuple[str, str]:
    """("Giảng viên chính", "Khoa Lý luận cơ sở") from "Giảng viên chính, Khoa Lý
    luận cơ sở": the longest known unit name the cell ends with. With no known
    unit, the part after the last comma is taken as the unit (and reported if
    unknown)."""
    text = clean(text)
    folded = _fold_chars(text)
    for name in sorted(unit_names, key=len, reverse=True):
        target = _fold_chars(clean(name))
        if target and folded.endswith(target):
            start = len(folded) - len(target)
            if start == 0 or not folded[start - 1].isalnum():
                return text[:start].strip(" ,;-–"), text[start:]
    if "," in text:
        position, unit = text.rsplit(",", 1)
        return position.strip(), unit.strip()
    if fold(text).split(" ")[0] in _UNIT_WORDS:
        return "", text  # looks like a unit ("Khoa Vật lý"): reported if unknown
    return text, ""  # a position alone ("Hiệu trưởng")


def _person_unit(rows: _Rows, batch: _Batch, number: int, cells: dict[str, str]) -> tuple[str, str] | object:
    """(position, unit name or '') from the "Chức vụ" / "Đơn vị" / "Chức vụ, đơn vị"
    cells; the unit must exist or be created by the batch."""
    position = cells.get("position", "")
    unit = cells.get("unit", "")
    key = "unit"
    if cells.get("position_unit"):
        key = "position_unit"
        split_position, split_unit = split_position_unit(cells["position_unit"], batch.unit_names())
        position = position or split_position
        unit = unit or split_unit
    if unit and fold(unit) not in batch.units:
        rows.error(number, rows.header(key), t("err.unknown_unit", name=unit))
        return _FAILED
    return position, (batch.units[fold(unit)]["name"] if unit else "")


# --- council members -----------------------------------------------------------------------


def _role(value: str) -> Role:
    folded = fold(value)
    if not folded:
        return Role.MEMBER
    for role in Role:
        if folded in (role.value, fold(role.label)):
            return role
    if "thu ky" in folded:
        return Role.SECRETARY
    if "pho chu tich" in folded:
        return Role.VICE_CHAIR
    if "chu tich" in folded:
        return Role.CHAIR
    if "uy vien" in folded or "thanh vien" in folded:
        return Role.MEMBER
    raise ValidationError("imp.err.bad_role", value=value)


def _plan_members(batch: _Batch, table: Table, plan: FilePlan) -> None:
    rows = _Rows(table, "members", plan)
    if plan.errors:
        return
    stored = {fold(m["full_name"]): m for m in batch.store.query("SELECT * FROM members WHERE active = 1")}
    units_by_id = {u["id"]: u["name"] for u in conference.list_units(batch.store)}
    for number, cells in rows:
        name = rows.check(number, "full_name", lambda c=cells: v.text(c["full_name"], "field.full_name", max_len=200))
        role = rows.check(number, "role", lambda c=cells: _role(c.get("role", "")))
        place = _person_unit(rows, batch, number, cells)
        if _FAILED in (name, role, place):
            continue
        position, unit = place
        voting = v.flag(cells["is_voting"]) if cells.get("is_voting") else 1
        earlier = batch.first_seen("members", (fold(name),), plan.file, number)
        if earlier:
            _duplicate(rows, number, rows.header("full_name"), name, earlier)
            continue
        row = {"full_name": name, "role": role.value, "position": position, "unit": unit, "is_voting": voting}
        existing = stored.get(fold(name))
        if existing is not None:
            _variant_note(rows, number, rows.header("full_name"), name, existing["full_name"])
            changes: dict = {}
            if cells.get("role") and role.value != existing["role"]:
                changes["role"] = role.value
            if position and position != existing["position"]:
                changes["position"] = position
            if unit and unit != units_by_id.get(existing["unit_id"]):
                changes["unit"] = unit
            if cells.get("is_voting") and voting != existing["is_voting"]:
                changes["is_voting"] = voting
            _planned(
                plan,
                number,
                existing["full_name"],
                row,
                changes,
                lambda s, a, i=existing["id"], ch=changes: conference.update_member(s, a, i, **ch),
            )
            continue
        batch.members[fold(name)] = {"id": None, "full_name": name}
        plan.rows.append(PlannedRow(number, "create", name, _shown(row), _add_member(row)))


def _add_member(row: dict) -> Callable[[Store, str], None]:
    def apply(store: Store, actor: str) -> None:
        # A random code the secretary replaces (and prints) on the access codes page.
        conference.add_member(
            store, actor, row["full_name"], row["role"], row["unit"] or None, row["position"], bool(row["is_voting"])
        )

    return apply


# --- candidates -----------------------------------------------------------------------------


def _plan_candidates(batch: _Batch, table: Table, plan: FilePlan) -> None:
    rows = _Rows(table, "candidates", plan)
    if plan.errors:
        return
    titles = {fold(t_["name"]): t_ for t_ in conference.list_titles(batch.store)}
    stored = batch.store.query("SELECT * FROM candidates")
    stored_by_key = {(fold(c["full_name"]), c["unit_id"] or 0, c["title_id"]): c for c in stored}
    for number, cells in rows:
        name = rows.check(number, "full_name", lambda c=cells: v.text(c["full_name"], "field.full_name", max_len=300))
        title = titles.get(fold(cells["title"]))
        if not cells["title"]:
            rows.error(number, rows.header("title"), t("err.required", field_name=rows.header("title")))
            title = _FAILED
        elif title is None:
            rows.error(number, rows.header("title"), t("imp.err.unknown_title", name=cells["title"]))
            title = _FAILED
        kind = rows.check(number, "kind", lambda c=cells: _kind_value(c["kind"])) if cells.get("kind") else None
        if kind is None and title is not _FAILED:
            kind = CandidateKind(title["applies_to"])
        if title is not _FAILED and kind not in (None, _FAILED) and title["applies_to"] != kind.value:
            rows.error(
                number,
                rows.header("title"),
                t(
                    "err.title_kind_mismatch",
                    title=title["name"],
                    expected=CandidateKind(title["applies_to"]).label.lower(),
                    given=kind.label.lower(),
                ),
            )
            title = _FAILED
        place = _person_unit(rows, batch, number, cells)
        if _FAILED in (name, title, kind, place):
            continue
        position, unit = place
        if not unit and kind == CandidateKind.COLLECTIVE and fold(name) in batch.units:
            unit = batch.units[fold(name)]["name"]  # a khoa proposed as a collective is its own unit
        unit_row = batch.units.get(fold(unit)) if unit else None
        earlier = batch.first_seen("candidates", (fold(name), fold(unit), title["id"]), plan.file, number)
        if earlier:
            _duplicate(rows, number, rows.header("full_name"), name, earlier)
            continue
        row = {
            "kind": kind.value,
            "full_name": name,
            "title": title["name"],
            "unit": unit,
            "position": position,
            "achievements": clean(cells.get("achievements", "")),
            "has_initiative": v.flag(cells.get("has_initiative", "")),
            "note": clean(cells.get("note", "")),
        }
        existing = stored_by_key.get((fold(name), (unit_row or {}).get("id") or 0, title["id"]))
        if existing is not None:
            _variant_note(rows, number, rows.header("full_name"), name, existing["full_name"])
            changes = {k: row[k] for k in ("position", "achievements", "note") if row[k] and row[k] != existing[k]}
            if cells.get("has_initiative") and row["has_initiative"] != existing["has_initiative"]:
                changes["has_initiative"] = row["has_initiative"]
            _planned(
                plan,
                number,
                existing["full_name"],
                row,
                changes,
                lambda s, a, i=existing["id"], ch=changes: conference.update_candidate(s, a, i, **ch),
            )
            continue
        member = batch.members.get(fold(name)) if kind == CandidateKind.INDIVIDUAL else None
        plan.rows.append(PlannedRow(number, "create", name, _shown(row), _add_candidate(row, member is not None)))


def _add_candidate(row: dict, is_member: bool) -> Callable[[Store, str], None]:
    def apply(store: Store, actor: str) -> None:
        member_id = None
        if is_member:  # the nominee sits on the council: recusal needs the link
            member_id = store.scalar(
                "SELECT id FROM members WHERE active = 1 AND full_name = ?", (clean(row["full_name"]),)
            ) or next(
                (m["id"] for m in conference.list_members(store) if fold(m["full_name"]) == fold(row["full_name"])),
                None,
            )
        conference.add_candidate(
            store,
            actor,
            row["kind"],
            row["full_name"],
            row["title"],
            row["unit"] or None,
            row["position"],
            row["achievements"],
            bool(row["has_initiative"]),
            member_id,
            row["note"],
        )

    return apply


# --- the batch ------------------------------------------------------------------------------

_PLANNERS = {
    "units": _plan_units,
    "criteria": _plan_criteria,
    "members": _plan_members,
    "candidates": _plan_candidates,
}

Upload = tuple[str, bytes]


def plan_import(store: Store, uploads: list[Upload], kind: str | None = None) -> ImportPlan:
    """Read every file and say what importing it would do; writes nothing."""
    if kind is not None and kind not in KINDS:
        raise ValueError(f"unknown import kind {kind!r}")
    plans: list[FilePlan] = []
    tables: list[tuple[FilePlan, Table]] = []
    for filename, data in uploads:
        plan = FilePlan(file=filename)
        plans.append(plan)
        table = _read(filename, data, plan)
        if table is None:
            continue
        plan.kind = kind or guess_kind(table.headers, filename)
        if plan.kind is None:
            plan.problems.append(Problem(filename, t("imp.err.kind_unknown"), sheet=table.sheet))
            continue
        if not table.rows:
            plan.problems.append(Problem(filename, t("err.file_empty", file=filename), sheet=table.sheet))
            continue
        tables.append((plan, table))
    batch = _Batch(store)
    for current in KINDS:
        for plan, table in tables:
            if plan.kind == current:
                _PLANNERS[current](batch, table, plan)
    for plan in plans:
        if not plan.rows and not plan.errors:
            plan.problems.append(Problem(plan.file, t("err.file_empty", file=plan.file), sheet=plan.sheet))
    return ImportPlan(plans)


def commit_import(store: Store, actor: str, uploads: list[Upload], kind: str | None = None) -> ImportPlan:
    """Plan again under the write lock and apply every row in one transaction.
    Raises ImportRefused (nothing written) when any file has an error."""
    with store.write():
        plan = plan_import(store, uploads, kind)
        if not plan.ok:
            raise ImportRefused(plan)
        for current in KINDS:  # units before the members and candidates that name them
            for file_plan in plan.files:
                if file_plan.kind != current:
                    continue
                for row in file_plan.rows:
                    if row.apply is not None:
                        try:
                            row.apply(store, actor)
                        except DomainError as exc:  # a rule the plan did not foresee: undo everything
                            file_plan.problems.append(Problem(file_plan.file, str(exc), row.row))
                            raise ImportRefused(plan) from exc
        c = plan.counts()
        audit.log(
            store.db,
            actor,
            "import",
            "",
            None,
            f"{', '.join(f.file for f in plan.files)}: {c['create']} mới, {c['update']} cập nhật",
        )
    return plan


def read_upload(path: Path) -> Upload:
    """A file from disk, refused by its size before a byte is read."""
    size = path.stat().st_size
    if size > MAX_BYTES:
        raise ValidationError(
            "err.file_too_large",
            file=path.name,
            size=f"{size / 1e6:.1f}".replace(".", ","),
            max=f"{MAX_BYTES / 1e6:.0f}",
        )
    return path.name, path.read_bytes()


# --- the error report -------------------------------------------------------------------------


def report_rows(plan: ImportPlan) -> list[dict[str, str]]:
    return [
        {
            t("imp.report.file"): p.file,
            t("imp.report.sheet"): p.sheet,
            t("imp.report.row"): "" if p.row is None else str(p.row),
            t("imp.report.column"): p.column,
            t("imp.report.level"): t("imp.level.error") if p.level == "error" else t("imp.level.warning"),
            t("imp.report.message"): p.message,
        }
        for p in plan.problems
    ]


def report_csv(plan: ImportPlan) -> bytes:
    """The problems as a CSV Excel opens with its diacritics intact (UTF-8 BOM),
    cells that look like formulas neutralised."""
    rows = report_rows(plan)
    headers = [
        t("imp.report.file"),
        t("imp.report.sheet"),
        t("imp.report.row"),
        t("imp.report.column"),
        t("imp.report.level"),
        t("imp.report.message"),
    ]
    out = io.StringIO()
    writer = csv.DictWriter(out, fieldnames=headers, lineterminator="\r\n")
    writer.writeheader()
    for row in rows:
        writer.writerow({k: neutralise(val) for k, val in row.items()})
    return out.getvalue().encode("utf-8-sig")


def kind_label(kind: str | None) -> str:
    return t(f"imp.kind.{kind}") if kind else "?"


__all__ = [
    "ALIASES",
    "KINDS",
    "ImportPlan",
    "ImportRefused",
    "Problem",
    "commit_import",
    "guess_kind",
    "kind_label",
    "match_columns",
    "plan_import",
    "read_upload",
    "report_csv",
    "split_position_unit",
]
