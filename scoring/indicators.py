"""Emulation movements (phong trào thi đua) and their indicators: baseline,
targets, and yearly values for the school (unit None) or per unit."""

from __future__ import annotations

import hashlib
import math
from collections.abc import Iterable, Mapping
from dataclasses import dataclass

import pandas as pd
import sqlite_utils

from . import audit
from . import validation as v
from .db import Store, get_row
from .errors import DomainError, PermissionDenied, ValidationError
from .i18n import LANGUAGES, t
from .model import Direction, Role
from .text import clean, fold

# Years a value may carry: wide enough for any plan, narrow enough to catch "20255".
YEAR_MIN = 2000
YEAR_MAX = 2100


def add_movement(
    store: Store, actor: str, name: str, short_name: str = "", period: str = "", description: str = ""
) -> int:
    """A movement at the end of the list. `actor` is trusted (the demo seed); the
    secretary's screen goes through `create_movement`."""
    row = _movement_row({"name": name, "short_name": short_name, "period": period, "description": description})
    with store.write() as db:
        _ensure_movement_name_free(db, row["name"])
        row["position"] = db["movements"].count + 1
        movement_id = db["movements"].insert(row).last_pk
        audit.log(db, actor, "movement.add", "movements", movement_id, row["name"])
    return movement_id


def list_movements(store: Store) -> list[dict]:
    return store.query("SELECT * FROM movements ORDER BY position, id")


def add_indicator(
    store: Store,
    actor: str,
    movement_id: int,
    name: str,
    unit_of_measure: str = "",
    direction: str = "higher",
    baseline: object = None,
    target_2025: object = None,
    target_2030: object = None,
    baseline_year: int = 2020,
) -> int:
    """An indicator at the end of its movement. `actor` is trusted (the demo seed);
    the secretary's screen goes through `save_definitions`."""
    row = _indicator_row(
        {
            "movement_id": movement_id,
            "name": name,
            "unit_of_measure": unit_of_measure,
            "direction": direction,
            "baseline_year": baseline_year,
            "baseline": baseline,
            "target_2025": target_2025,
            "target_2030": target_2030,
        }
    )
    with store.write() as db:
        movement = get_row(db, "movements", row["movement_id"], "what.movement")
        _ensure_indicator_name_free(db, movement, row["name"])
        return _insert_indicator(db, actor, row)


def set_value(
    store: Store,
    actor: str,
    indicator_id: int,
    year: object,
    value: object,
    unit_id: int | None = None,
    source: str = "",
) -> None:
    row = {
        "indicator_id": indicator_id,
        "unit_id": unit_id,
        "year": v.integer(year, "ind.col.year", low=1990, high=2100),
        "value": v.number(value, "field.value"),
        "source": v.text(source, "ind.entry_source", required=False, max_len=500),
    }
    with store.write() as db:
        db.execute(
            "INSERT INTO indicator_values (indicator_id, unit_id, year, value, source) VALUES (?, ?, ?, ?, ?) "
            "ON CONFLICT DO UPDATE SET value = excluded.value, source = excluded.source",
            [row["indicator_id"], row["unit_id"], row["year"], row["value"], row["source"]],
        )
        audit.log(db, actor, "indicator.value", "indicators", indicator_id, f"{row['year']}: {row['value']:g}")


def list_indicators(store: Store, movement_id: int | None = None) -> list[dict]:
    clause = "WHERE i.movement_id = :m" if movement_id else ""
    return store.query(
        "SELECT i.*, m.name AS movement, m.short_name AS movement_short "
        "FROM indicators i JOIN movements m ON m.id = i.movement_id "
        f"{clause} ORDER BY m.position, i.position",
        {"m": movement_id},
    )


def list_values(store: Store, indicator_id: int | None = None) -> list[dict]:
    clause = "WHERE v.indicator_id = :i" if indicator_id else ""
    return store.query(
        "SELECT v.*, u.name AS unit FROM indicator_values v LEFT JOIN units u ON u.id = v.unit_id "
        f"{clause} ORDER BY v.indicator_id, v.unit_id, v.year",
        {"i": indicator_id},
    )


def fingerprint(*tables: Iterable[Mapping]) -> str:
    """A short digest of rows already read (movements, indicators, units, values): equal digests,
    equal rows. The dashboard keys its cached charts by it, so a chart is rebuilt exactly when
    something it is drawn from changed, whoever wrote it (entry, import, catalogue, restore)."""
    digest = hashlib.blake2b(digest_size=16)
    for rows in tables:
        for row in rows:
            digest.update(repr(sorted(row.items())).encode("utf-8"))
            digest.update(b"\x1e")
        digest.update(b"\x1d")
    return digest.hexdigest()


# -- who may write --------------------------------------------------------------
def require_secretary(member: Mapping | None) -> str:
    """Only the council secretary enters indicator values; returns the actor name."""
    if not member or member.get("role") != Role.SECRETARY.value:
        raise PermissionDenied("err.not_authorised")
    return member["full_name"]


# -- bulk changes (the entry table, imports) ----------------------------------------
@dataclass(frozen=True)
class ValueChange:
    """One cell to write: `value` None deletes the stored value."""

    indicator_id: int
    unit_id: int | None
    year: int
    value: float | None
    source: str = ""


def save_values(store: Store, member: Mapping | None, changes: Iterable[ValueChange], action: str = "edit") -> int:
    """Write all changes in one transaction (all or nothing); secretary only.
    Returns how many cells changed."""
    actor = require_secretary(member)
    changes = list(changes)
    for change in changes:
        if not YEAR_MIN <= change.year <= YEAR_MAX:
            raise ValidationError(
                "err.out_of_range", field_name="ind.col.year", low=YEAR_MIN, high=YEAR_MAX, value=change.year
            )
    if not changes:
        return 0
    with store.write() as db:
        for c in changes:
            if c.value is None:
                db.execute(
                    "DELETE FROM indicator_values WHERE indicator_id = ? AND IFNULL(unit_id, 0) = IFNULL(?, 0) "
                    "AND year = ?",
                    [c.indicator_id, c.unit_id, c.year],
                )
            else:
                db.execute(
                    "INSERT INTO indicator_values (indicator_id, unit_id, year, value, source) VALUES (?, ?, ?, ?, ?) "
                    "ON CONFLICT DO UPDATE SET value = excluded.value, source = excluded.source",
                    [c.indicator_id, c.unit_id, c.year, c.value, v.text(c.source, "ind.entry_source", required=False)],
                )
        audit.log(db, actor, f"indicator.values.{action}", "indicator_values", None, f"{len(changes)} ô")
    return len(changes)


# -- the entry table: one row per indicator and unit, one column per year ------------
ROW_KEY = "{indicator_id}:{unit_id}"


def editor_frame(
    indicators: Iterable[Mapping], units: Iterable[Mapping], values: Iterable[Mapping], years: Iterable[int]
) -> pd.DataFrame:
    """The grid the secretary edits: index "indicator:unit" (unit 0 = whole school),
    columns indicator name, unit name, then one float column per year (NaN = no value)."""
    years = [int(y) for y in years]
    stored = {(r["indicator_id"], r["unit_id"] or 0, int(r["year"])): r["value"] for r in values}
    scopes = [(0, t("ind.whole_school"))] + [(u["id"], u["name"]) for u in units]
    records, index = [], []
    for ind in indicators:
        for unit_id, unit_name in scopes:
            record = {"indicator": ind["name"], "unit": unit_name}
            for y in years:
                record[str(y)] = stored.get((ind["id"], unit_id, y), float("nan"))
            records.append(record)
            index.append(ROW_KEY.format(indicator_id=ind["id"], unit_id=unit_id))
    columns = ["indicator", "unit", *[str(y) for y in years]]
    return pd.DataFrame.from_records(records, index=index, columns=columns)


def editor_changes(original: pd.DataFrame, edited: pd.DataFrame, source: str = "") -> list[ValueChange]:
    """The cells that differ between the grid as shown and as edited; a cleared cell
    deletes the value. Raises ValidationError naming the row and year of a cell
    that is not a number."""
    changes = []
    year_columns = [c for c in original.columns if c.isdigit()]
    for key in original.index:
        indicator_id, unit_id = (int(part) for part in str(key).split(":"))
        for col in year_columns:
            before, after = original.at[key, col], edited.at[key, col]
            row_label = f"{original.at[key, 'indicator']} — {original.at[key, 'unit']}"
            try:
                after = v.number(after, col, required=False)
            except ValidationError as exc:
                raise ValidationError("ind.err.cell", row=row_label, column=col, detail=str(exc)) from None
            before = None if pd.isna(before) else float(before)
            if before == after:
                continue
            changes.append(ValueChange(indicator_id, unit_id or None, int(col), after, source))
    return changes


# -- definitions: movements and indicators, managed by the secretary ------------------------------
# Another institution defines its own movements and indicators here instead of editing JSON.
# Every change is one transaction with its audit rows; a delete that would take yearly values
# with it is refused unless the caller confirms with `with_values=True`.

MOVEMENT_FIELDS = ("name", "short_name", "period", "description")
INDICATOR_FIELDS = (
    "movement_id",
    "name",
    "unit_of_measure",
    "direction",
    "baseline_year",
    "baseline",
    "target_2025",
    "target_2030",
)
# The columns of the definitions table, in order ("position" is the row's place in its movement).
DEFINITION_COLUMNS = ("position", *INDICATOR_FIELDS[1:], "movement")


class ValuesWouldBeLost(DomainError):
    """A delete refused because it would also delete `count` yearly values."""

    def __init__(self, key: str, count: int, **params: object) -> None:
        super().__init__(key, count=count, **params)
        self.count = count


class DefinitionsRejected(ValidationError):
    """The definitions table was not saved; `errors` names each row and what is wrong."""

    def __init__(self, errors: list[str]) -> None:
        self.errors = errors
        super().__init__("ind.def.rejected", count=len(errors), details="\n".join(f"- {e}" for e in errors))


def _movement_row(fields: Mapping[str, object]) -> dict:
    return {
        "name": v.text(fields["name"], "ind.field.movement_name", max_len=500),
        "short_name": v.text(fields["short_name"], "ind.field.short_name", required=False, max_len=100),
        "period": v.text(fields["period"], "ind.field.period", required=False, max_len=50),
        "description": v.text(fields["description"], "ind.field.description", required=False),
    }


def _indicator_row(fields: Mapping[str, object]) -> dict:
    return {
        "movement_id": int(fields["movement_id"]),
        "name": v.text(fields["name"], "ind.field.indicator_name", max_len=500),
        "unit_of_measure": v.text(fields["unit_of_measure"], "ind.col.unit_of_measure", required=False, max_len=50),
        "direction": parse_direction(fields["direction"]),
        "baseline_year": v.integer(fields["baseline_year"], "ind.col.baseline_year", low=1990, high=2100),
        "baseline": v.number(fields["baseline"], "ind.col.baseline", required=False),
        "target_2025": v.number(fields["target_2025"], "ind.col.target_2025", required=False),
        "target_2030": v.number(fields["target_2030"], "ind.col.target_2030", required=False),
    }


def direction_label(direction: str) -> str:
    """ "Càng cao càng tốt" / "Càng thấp càng tốt": how the secretary reads a direction."""
    return t(f"ind.dir.{Direction(direction).value}")


def parse_direction(value: object) -> str:
    """A direction from its stored value or its label in any language (case and accents ignored)."""
    wanted = fold(value)
    for direction in Direction:
        labels = {direction.value, *(fold(t(f"ind.dir.{direction.value}", lang)) for lang in LANGUAGES)}
        if wanted in labels:
            return direction.value
    allowed = ", ".join(direction_label(d) for d in Direction)
    field_name = "ind.col.direction"
    raise ValidationError(
        "err.bad_choice", field=field_name, field_name=field_name, value=clean(value), allowed=allowed
    )


def _ensure_movement_name_free(db: sqlite_utils.Database, name: str, exclude_id: int | None = None) -> None:
    """Movement names are unique ignoring case and how accents were typed (NFC/NFD)."""
    for row in db.query("SELECT id, name FROM movements WHERE id IS NOT ?", [exclude_id]):
        if fold(row["name"]) == fold(name):
            raise ValidationError("ind.err.movement_exists", field="name", name=row["name"])


def _ensure_indicator_name_free(
    db: sqlite_utils.Database, movement: Mapping, name: str, exclude_ids: Iterable[int] = ()
) -> None:
    """Indicator names are unique within their movement, ignoring case and accent encoding."""
    excluded = set(exclude_ids)
    for row in db.query("SELECT id, name FROM indicators WHERE movement_id = ?", [movement["id"]]):
        if row["id"] not in excluded and fold(row["name"]) == fold(name):
            raise ValidationError("ind.err.indicator_exists", field="name", name=row["name"], movement=movement["name"])


def _insert_indicator(db: sqlite_utils.Database, actor: str, row: dict) -> int:
    row = {**row, "position": db["indicators"].count_where("movement_id = ?", [row["movement_id"]]) + 1}
    indicator_id = db["indicators"].insert(row).last_pk
    audit.log(db, actor, "indicator.add", "indicators", indicator_id, row["name"])
    return indicator_id


def _renumber(db: sqlite_utils.Database, table: str, ids: Iterable[int]) -> None:
    """Positions 1..n in the order given (keeps orders gap-free after a delete or a move)."""
    for position, row_id in enumerate(ids, start=1):
        db.execute(f"UPDATE {table} SET position = ? WHERE id = ? AND position IS NOT ?", [position, row_id, position])


def _movement_indicator_ids(db: sqlite_utils.Database, movement_id: int) -> list[int]:
    sql = "SELECT id FROM indicators WHERE movement_id = ? ORDER BY position, id"
    return [r["id"] for r in db.query(sql, [movement_id])]


def _changed(before: Mapping, after: Mapping) -> list[str]:
    return [k for k, value in after.items() if before.get(k) != value]


def count_values(store: Store, *, movement_id: int | None = None, indicator_id: int | None = None) -> int:
    """Yearly values a delete would take with it: the screen says how many before asking."""
    if indicator_id is not None:
        return store.scalar("SELECT COUNT(*) FROM indicator_values WHERE indicator_id = ?", [indicator_id])
    return store.scalar(
        "SELECT COUNT(*) FROM indicator_values v JOIN indicators i ON i.id = v.indicator_id WHERE i.movement_id = ?",
        [movement_id],
    )


def create_movement(
    store: Store, member: Mapping | None, name: str, short_name: str = "", period: str = "", description: str = ""
) -> int:
    """`add_movement` for the secretary's screen: only the secretary defines movements."""
    return add_movement(store, require_secretary(member), name, short_name, period, description)


def update_movement(store: Store, member: Mapping | None, movement_id: int, **fields: object) -> list[str]:
    """Change a movement's name, short name, period or description; secretary only.
    Returns the fields that changed (none: nothing written, no audit row)."""
    actor = require_secretary(member)
    v.known_fields(fields, MOVEMENT_FIELDS, "movement")
    with store.write() as db:
        current = get_row(db, "movements", movement_id, "what.movement")
        row = _movement_row({**current, **fields})
        changed = _changed(current, row)
        if not changed:
            return []
        if "name" in changed:
            _ensure_movement_name_free(db, row["name"], exclude_id=movement_id)
        db["movements"].update(movement_id, row)
        audit.log(db, actor, "movement.update", "movements", movement_id, f"{row['name']}: {', '.join(changed)}")
    return changed


def delete_movement(store: Store, member: Mapping | None, movement_id: int, *, with_values: bool = False) -> int:
    """Delete a movement and its indicators; secretary only. Refused (ValuesWouldBeLost)
    when its indicators have yearly values, unless `with_values`. Returns the values deleted."""
    actor = require_secretary(member)
    with store.write() as db:
        movement = get_row(db, "movements", movement_id, "what.movement")
        count = count_values(store, movement_id=movement_id)
        if count and not with_values:
            raise ValuesWouldBeLost("ind.err.movement_has_values", count, name=movement["name"])
        indicator_count = db["indicators"].count_where("movement_id = ?", [movement_id])
        db["movements"].delete(movement_id)  # indicators and their values go by ON DELETE CASCADE
        _renumber(db, "movements", [r["id"] for r in db.query("SELECT id FROM movements ORDER BY position, id")])
        detail = f"{movement['name']} ({indicator_count} chỉ tiêu, {count} số liệu)"
        audit.log(db, actor, "movement.delete", "movements", movement_id, detail)
    return count


def move_movement(store: Store, member: Mapping | None, movement_id: int, position: int) -> None:
    """Put a movement at `position` (1 = first; clamped to the list); secretary only."""
    actor = require_secretary(member)
    with store.write() as db:
        movement = get_row(db, "movements", movement_id, "what.movement")
        ids = [r["id"] for r in db.query("SELECT id FROM movements ORDER BY position, id") if r["id"] != movement_id]
        position = min(max(int(position), 1), len(ids) + 1)
        ids.insert(position - 1, movement_id)
        _renumber(db, "movements", ids)
        audit.log(db, actor, "movement.move", "movements", movement_id, f"{movement['name']}: {position}")


def update_indicator(store: Store, member: Mapping | None, indicator_id: int, **fields: object) -> list[str]:
    """Change any field of an indicator, or move it to another movement (`movement_id`,
    where it goes last); secretary only. Returns the fields that changed."""
    actor = require_secretary(member)
    v.known_fields(fields, INDICATOR_FIELDS, "indicator")
    with store.write() as db:
        current = get_row(db, "indicators", indicator_id, "what.indicator")
        row = _indicator_row({**current, **fields})
        changed = _changed(current, row)
        if not changed:
            return []
        movement = get_row(db, "movements", row["movement_id"], "what.movement")
        if {"name", "movement_id"} & set(changed):
            _ensure_indicator_name_free(db, movement, row["name"], exclude_ids=[indicator_id])
        if "movement_id" in changed:
            row["position"] = db["indicators"].count_where("movement_id = ?", [row["movement_id"]]) + 1
        db["indicators"].update(indicator_id, row)
        if "movement_id" in changed:
            _renumber(db, "indicators", _movement_indicator_ids(db, current["movement_id"]))
        audit.log(db, actor, "indicator.update", "indicators", indicator_id, f"{row['name']}: {', '.join(changed)}")
    return changed


def delete_indicator(store: Store, member: Mapping | None, indicator_id: int, *, with_values: bool = False) -> int:
    """Delete an indicator; secretary only. Refused (ValuesWouldBeLost) when it has
    yearly values, unless `with_values`. Returns the values deleted."""
    actor = require_secretary(member)
    with store.write() as db:
        indicator = get_row(db, "indicators", indicator_id, "what.indicator")
        count = count_values(store, indicator_id=indicator_id)
        if count and not with_values:
            raise ValuesWouldBeLost("ind.err.indicator_has_values", count, name=indicator["name"])
        db["indicators"].delete(indicator_id)  # its values go by ON DELETE CASCADE
        _renumber(db, "indicators", _movement_indicator_ids(db, indicator["movement_id"]))
        audit.log(db, actor, "indicator.delete", "indicators", indicator_id, f"{indicator['name']} ({count} số liệu)")
    return count


def move_indicator(store: Store, member: Mapping | None, indicator_id: int, position: int) -> None:
    """Put an indicator at `position` within its movement (1 = first, clamped); secretary only."""
    actor = require_secretary(member)
    with store.write() as db:
        indicator = get_row(db, "indicators", indicator_id, "what.indicator")
        ids = [i for i in _movement_indicator_ids(db, indicator["movement_id"]) if i != indicator_id]
        position = min(max(int(position), 1), len(ids) + 1)
        ids.insert(position - 1, indicator_id)
        _renumber(db, "indicators", ids)
        audit.log(db, actor, "indicator.move", "indicators", indicator_id, f"{indicator['name']}: {position}")


# -- the definitions table: one row per indicator of a movement, saved all at once ----------------
def movement_labels(movements: Iterable[Mapping]) -> dict[int, str]:
    """The name a movement goes by in the table: its short name, else (or when two
    short names clash) its full name."""
    movements = list(movements)
    shorts = [fold(m["short_name"]) for m in movements if m["short_name"]]
    return {
        m["id"]: m["short_name"] if m["short_name"] and shorts.count(fold(m["short_name"])) == 1 else m["name"]
        for m in movements
    }


def definition_frame(indicators: Iterable[Mapping], movements: Iterable[Mapping]) -> pd.DataFrame:
    """The table the secretary edits: column "id" (hide it; blank on a new row), then
    DEFINITION_COLUMNS, direction and movement as their labels. The index is a plain
    range: the data editor numbers added rows after deleted ones from it, so it cannot
    tell rows apart."""
    labels = movement_labels(movements)
    records = []
    for ind in indicators:
        records.append(
            {
                "id": ind["id"],
                "position": ind["position"],
                **{k: ind[k] for k in INDICATOR_FIELDS[1:]},
                "direction": direction_label(ind["direction"]),
                "movement": labels[ind["movement_id"]],
            }
        )
    frame = pd.DataFrame.from_records(records, columns=["id", *DEFINITION_COLUMNS])
    return frame.astype({"id": "int64"}).astype(
        {c: "float64" for c in ("position", "baseline_year", "baseline", "target_2025", "target_2030")}
    )


@dataclass(frozen=True)
class DefinitionRow:
    """One row of the table as it should be stored; `indicator_id` None is a new row."""

    row: int  # 1-based, as the secretary sees the table
    indicator_id: int | None
    fields: dict


@dataclass(frozen=True)
class DefinitionChanges:
    rows: list[DefinitionRow]  # every remaining or new row, in the order wanted
    deleted: list[int]


@dataclass(frozen=True)
class DefinitionResult:
    added: int
    updated: int
    deleted: int
    values_deleted: int


def _row_label(row: int, name: object) -> str:
    name = "" if v.is_missing(name) else clean(name)
    return t("ind.def.row", row=row, name=name) if name else t("ind.def.row_unnamed", row=row)


def definition_changes(
    original: pd.DataFrame, edited: pd.DataFrame, movement_id: int, movements: Iterable[Mapping]
) -> DefinitionChanges:
    """Rows kept, changed and added, and rows deleted, between the table as shown
    (`definition_frame`) and as edited. Every cell is checked; DefinitionsRejected
    names each row and what is wrong. A new row left blank is ignored."""
    movements = list(movements)
    by_label: dict[str, int] = {}
    for m in movements:
        for name in (m["name"], m["short_name"]):
            if name:
                by_label.setdefault(fold(name), m["id"])
    by_label.update({fold(label): mid for mid, label in movement_labels(movements).items()})
    errors: list[str] = []
    rows: list[tuple[float, int, DefinitionRow]] = []
    seen: dict[tuple[int, str], int] = {}
    shown = {int(i) for i in original["id"]}
    kept = set()
    for number, (_, cells) in enumerate(edited.iterrows(), start=1):
        key = None if v.is_missing(cells.get("id")) else int(cells.get("id"))
        existing = key in shown
        kept.add(key)
        cells = {c: (None if v.is_missing(cells.get(c)) else cells.get(c)) for c in DEFINITION_COLUMNS}
        if not existing and all(cells[c] is None for c in DEFINITION_COLUMNS):
            continue
        label = _row_label(number, cells["name"])
        target = movement_id
        if cells["movement"] is not None:
            target = by_label.get(fold(cells["movement"]))
            if target is None:
                errors.append(f"{label}: {t('ind.imp.unknown_movement', value=clean(cells['movement']))}")
                continue
        fields = {k: cells[k] for k in INDICATOR_FIELDS[1:]}
        if not existing:  # what add_indicator assumes when the secretary leaves them blank
            fields["direction"] = fields["direction"] or Direction.HIGHER.value
            fields["baseline_year"] = fields["baseline_year"] or 2020
        clean_fields = {"movement_id": target}
        for name, value in fields.items():
            try:
                clean_fields.update({name: _indicator_field(name, value)})
            except ValidationError as exc:
                errors.append(f"{label}: {exc}")
        if "name" in clean_fields:
            twin = (target, fold(clean_fields["name"]))
            if twin in seen:
                errors.append(f"{label}: {t('ind.def.duplicate_row', first=seen[twin])}")
            else:
                seen[twin] = number
        try:
            order = v.number(cells["position"], "ind.col.position", required=False)
        except ValidationError as exc:
            errors.append(f"{label}: {exc}")
            order = None
        definition = DefinitionRow(number, key if existing else None, clean_fields)
        rows.append((math.inf if order is None else order, number, definition))
    if errors:
        raise DefinitionsRejected(errors)
    deleted = sorted(shown - kept)
    return DefinitionChanges([r for _, _, r in sorted(rows, key=lambda item: item[:2])], deleted)


def _indicator_field(name: str, value: object) -> object:
    """One cell, validated exactly as `_indicator_row` would."""
    defaults = {"movement_id": 0, "name": "x", "direction": "higher", "baseline_year": 2020}
    defaults.update({k: None for k in INDICATOR_FIELDS if k not in defaults})
    return _indicator_row({**defaults, name: value})[name]


def save_definitions(
    store: Store, member: Mapping | None, movement_id: int, changes: DefinitionChanges, *, with_values: bool = False
) -> DefinitionResult:
    """Write the definitions table of one movement in one transaction, or nothing;
    secretary only. Deleting indicators that have yearly values is refused
    (ValuesWouldBeLost) unless `with_values`."""
    actor = require_secretary(member)
    with store.write() as db:
        movement = get_row(db, "movements", movement_id, "what.movement")
        deleted = [get_row(db, "indicators", i, "what.indicator") for i in changes.deleted]
        deleted = [d for d in deleted if d["movement_id"] == movement_id]
        # Counted before anything is deleted: the audit line says how many values each took with it.
        values_of = {d["id"]: count_values(store, indicator_id=d["id"]) for d in deleted}
        count = sum(values_of.values())
        if count and not with_values:
            names = ", ".join(f"“{d['name']}”" for d in deleted if values_of[d["id"]])
            raise ValuesWouldBeLost("ind.err.indicators_have_values", count, names=names)
        current = {r["id"]: r for r in db.query("SELECT * FROM indicators WHERE movement_id = ?", [movement_id])}
        in_batch = {r.indicator_id for r in changes.rows if r.indicator_id is not None} | {d["id"] for d in deleted}
        errors = []
        for r in changes.rows:
            if r.indicator_id is not None and r.indicator_id not in current:
                raise ValidationError("err.not_found", what="what.indicator", id=r.indicator_id)
            target = movement if r.fields["movement_id"] == movement_id else None
            try:
                target = target or get_row(db, "movements", r.fields["movement_id"], "what.movement")
                others = in_batch if target["id"] == movement_id else ([r.indicator_id] if r.indicator_id else [])
                _ensure_indicator_name_free(db, target, r.fields["name"], exclude_ids=others)
            except ValidationError as exc:
                errors.append(f"{_row_label(r.row, r.fields['name'])}: {exc}")
        if errors:
            raise DefinitionsRejected(errors)
        for d in deleted:
            db["indicators"].delete(d["id"])
            lost = f"{d['name']} ({values_of[d['id']]} số liệu)"
            audit.log(db, actor, "indicator.delete", "indicators", d["id"], lost)
        updates = [(r, _changed(current[r.indicator_id], r.fields)) for r in changes.rows if r.indicator_id]
        updates = [(r, changed) for r, changed in updates if changed]
        for r, _ in updates:  # a free name first: two rows may swap names
            db.execute("UPDATE indicators SET name = ? WHERE id = ?", [f"\x00{r.indicator_id}", r.indicator_id])
        for r, changed in updates:
            row = dict(r.fields)
            if r.fields["movement_id"] != movement_id:
                row["position"] = db["indicators"].count_where("movement_id = ?", [r.fields["movement_id"]]) + 1
            db["indicators"].update(r.indicator_id, row)
            audit.log(
                db, actor, "indicator.update", "indicators", r.indicator_id, f"{row['name']}: {', '.join(changed)}"
            )
        order = []
        for r in changes.rows:
            row_id = r.indicator_id if r.indicator_id else _insert_indicator(db, actor, r.fields)
            if r.fields["movement_id"] == movement_id:
                order.append(row_id)
        # Rows another session added meanwhile were not in the table: they stay, after the others.
        _renumber(db, "indicators", order + [i for i in _movement_indicator_ids(db, movement_id) if i not in order])
    added = sum(1 for r in changes.rows if r.indicator_id is None)
    return DefinitionResult(added, len(updates), len(deleted), count)
