"""Emulation movements (phong trào thi đua) and their indicators: baseline,
targets, and yearly values for the school (unit None) or per unit."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass

import pandas as pd

from . import audit
from . import validation as v
from .db import Store
from .errors import PermissionDenied, ValidationError
from .i18n import t
from .model import Direction, Role

# Years a value may carry: wide enough for any plan, narrow enough to catch "20255".
YEAR_MIN = 2000
YEAR_MAX = 2100


def add_movement(
    store: Store, actor: str, name: str, short_name: str = "", period: str = "", description: str = ""
) -> int:
    row = {
        "name": v.text(name, "Tên phong trào", max_len=500),
        "short_name": v.text(short_name, "Tên ngắn", required=False, max_len=100),
        "period": v.text(period, "Giai đoạn", required=False, max_len=50),
        "description": v.text(description, "Mô tả", required=False),
    }
    with store.write() as db:
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
    row = {
        "movement_id": movement_id,
        "name": v.text(name, "Tên chỉ tiêu", max_len=500),
        "unit_of_measure": v.text(unit_of_measure, "Đơn vị tính", required=False, max_len=50),
        "direction": v.choice(direction, "Chiều đánh giá", Direction).value,
        "baseline_year": v.integer(baseline_year, "Năm gốc", low=1990, high=2100),
        "baseline": v.number(baseline, "Giá trị gốc", required=False),
        "target_2025": v.number(target_2025, "Mục tiêu 2025", required=False),
        "target_2030": v.number(target_2030, "Mục tiêu 2030", required=False),
    }
    with store.write() as db:
        row["position"] = db["indicators"].count_where("movement_id = ?", [movement_id]) + 1
        indicator_id = db["indicators"].insert(row).last_pk
        audit.log(db, actor, "indicator.add", "indicators", indicator_id, row["name"])
    return indicator_id


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
        "year": v.integer(year, "Năm", low=1990, high=2100),
        "value": v.number(value, "Giá trị"),
        "source": v.text(source, "Nguồn số liệu", required=False, max_len=500),
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
                "err.out_of_range", field_name=t("ind.col.year"), low=YEAR_MIN, high=YEAR_MAX, value=change.year
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
                    [c.indicator_id, c.unit_id, c.year, c.value, v.text(c.source, "Nguồn", required=False)],
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


def value_years(store: Store, extra: Iterable[int] = ()) -> list[int]:
    """Years with a value, plus `extra` (e.g. the baseline and report years), sorted."""
    years = {int(y) for y in extra}
    years.update(r["year"] for r in store.query("SELECT DISTINCT year FROM indicator_values"))
    return sorted(years)
