"""Emulation movements (phong trào thi đua) and their indicators: baseline,
targets, and yearly values for the school (unit None) or per unit."""

from __future__ import annotations

from . import audit
from . import validation as v
from .db import Store
from .model import Direction


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
        "SELECT i.*, m.name AS movement FROM indicators i JOIN movements m ON m.id = i.movement_id "
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
