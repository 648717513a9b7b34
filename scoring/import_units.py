"""Importing units (khoa, phòng, đoàn thể)."""

from __future__ import annotations

from collections.abc import Callable

from . import conference
from . import validation as v
from .db import Store
from .errors import ValidationError
from .i18n import t
from .import_plan import FilePlan, PlannedRow
from .import_rows import FAILED, Batch, Rows, note_duplicate, note_variant, planned, preview_cells
from .model import UnitKind
from .tabular import Table
from .text import fold, loose

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


def plan_units(batch: Batch, table: Table, plan: FilePlan) -> None:
    rows = Rows(table, "units", plan)
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
        if FAILED in (name, kind, short, staff):
            continue
        earlier = batch.first_seen("units", (loose(name),), plan.file, number)
        if earlier:
            note_duplicate(rows, number, rows.header("name"), name, earlier)
            continue
        row = {"name": name, "kind": kind.value, "short_name": short, "staff_count": staff}
        existing = batch.unit_named(name)
        owner = batch.units.get(fold(short)) if short else None
        if existing is None and owner is not None and fold(owner["short_name"] or "") == fold(short):
            # Same short name, another name: the same unit renamed, or two units given one
            # short name by mistake. Guessing either way could file people in the wrong unit.
            rows.error(
                number,
                rows.header("short_name"),
                t("imp.err.short_name_taken", name=name, short=short, other=owner["name"]),
            )
            continue
        if existing is not None:
            note_variant(rows, number, rows.header("name"), name, existing["name"])
            changes = {k: row[k] for k in ("short_name", "staff_count") if cells.get(k) and row[k] != existing[k]}
            if cells.get("kind") and row["kind"] != existing["kind"]:
                changes["kind"] = row["kind"]
            planned(
                plan,
                number,
                existing["name"],
                row,
                changes,
                conference.update_unit,
                existing["id"],
            )
            continue
        batch.add_unit({"id": None, **row})
        plan.rows.append(PlannedRow(number, "create", name, preview_cells(row), _add_unit(row)))


def _add_unit(row: dict) -> Callable[[Store, str], None]:
    def apply(store: Store, actor: str) -> None:
        conference.add_unit(store, actor, **row)

    return apply
