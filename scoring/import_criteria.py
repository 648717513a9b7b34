"""Importing criteria sets: one or several sets per file, each created whole, or
replaced whole while no score uses it."""

from __future__ import annotations

import re
from collections.abc import Callable
from pathlib import Path

from . import conference
from . import validation as v
from .db import Store
from .i18n import t
from .import_plan import FilePlan, PlannedRow
from .import_rows import FAILED, Batch, Rows, decimal_comma, kind_value, note_duplicate, preview_cells
from .tabular import Table
from .text import clean, fold


def _set_name_from(table: Table, filename: str) -> tuple[str, str]:
    """(name, where it came from) when the file has no "Bộ tiêu chí" column: the
    title line above the header that names a scoring sheet ("PHIẾU CHẤM ĐIỂM CÁ
    NHÂN"), else one that names criteria, else the file name. Never the issuing
    body's lines above it ("ĐẢNG BỘ KHỐI …", "TRƯỜNG CHÍNH TRỊ …", "CỘNG HÒA …")."""
    for words in (("phieu", "bang cham", "bang diem"), ("tieu chi",)):
        for line in table.preamble:
            folded = fold(line)
            if any(word in folded for word in words) and "cong hoa" not in folded:
                return clean(line), "imp.set_from_title"
    stem = clean(re.sub(r"[-_]+", " ", Path(filename).stem))
    return stem[:1].upper() + stem[1:], "imp.set_from_file"


def plan_criteria(batch: Batch, table: Table, plan: FilePlan) -> None:
    rows = Rows(table, "criteria", plan)
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
            kind = rows.check(number, "applies_to", lambda c=cells: kind_value(c["applies_to"]))
            if kind is not FAILED:
                if entry["applies_to"] and entry["applies_to"] != kind.value:
                    rows.error(number, rows.header("applies_to"), t("imp.err.mixed_applies_to", name=set_name))
                entry["applies_to"] = kind.value
        if FAILED in (name, maximum, weight, step):
            failed_sets.add(key)
            continue
        if step > maximum:
            rows.error(
                number,
                rows.header("step") or rows.header("max_points"),
                t("imp.err.step_over_max", step=decimal_comma(step), max=decimal_comma(maximum)),
            )
            failed_sets.add(key)
            continue
        earlier = batch.first_seen("criterion", (key, fold(name)), plan.file, number)
        if earlier:
            note_duplicate(rows, number, rows.header("name"), name, earlier)
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
            note_duplicate(rows, entry["first_row"], rows.header("set_name"), entry["name"], earlier)
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
                **preview_cells(criterion),
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
