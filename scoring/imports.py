"""Importing the lists offices send: units, criteria sets, council members and
candidates, from .xlsx or .csv.

Two steps, like the secretary works: `plan_import` reads the files and says, row
by row, what would be created, updated or left as it is, and what is wrong (file,
row as Excel numbers it, column, in Vietnamese). `commit_import` plans again
inside ONE write transaction and applies everything, or nothing if any file has
an error. Several files form one batch, applied in the order units → criteria →
members → candidates, so candidates may name a unit created by the same batch.

This module reads the files, plans and applies the batch, and writes the error
report. The rest lives beside it: `import_plan` (what a plan holds: rows and
problems), `import_columns` (the headers offices write, and what kind a file
holds), `import_rows` (the rows of one file and the batch context every kind
shares), and one planner per kind in `import_units`, `import_criteria` and
`import_people` (members and candidates).

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
from pathlib import Path

from . import audit
from .db import Store
from .errors import DomainError, ValidationError
from .i18n import number_text, t
from .import_columns import ALIASES, KINDS, guess_kind, match_columns
from .import_criteria import plan_criteria
from .import_people import plan_candidates, plan_members, split_position_unit
from .import_plan import FilePlan, ImportPlan, ImportRefused, PlannedRow, Problem
from .import_rows import Batch
from .import_units import plan_units
from .spreadsheet import neutralise
from .tabular import MAX_BYTES, Table, read_table

MAX_ROWS = 2000


# --- reading ----------------------------------------------------------------------------


def _read(filename: str, data: bytes, plan: FilePlan, kind: str | None) -> Table | None:
    # The reader looks for the headers of the kind asked for, or of any kind: it picks the sheet and header row by them.
    expected = [ALIASES[kind]] if kind else [ALIASES[k] for k in KINDS]
    try:
        table = read_table(data, filename, expected=expected)
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


# --- the batch ------------------------------------------------------------------------------

_PLANNERS = {
    "units": plan_units,
    "criteria": plan_criteria,
    "members": plan_members,
    "candidates": plan_candidates,
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
        table = _read(filename, data, plan, kind)
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
    batch = Batch(store)
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
            size=number_text(size / 1e6, ".1f"),
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
    "MAX_ROWS",
    "FilePlan",
    "ImportPlan",
    "ImportRefused",
    "PlannedRow",
    "Problem",
    "Upload",
    "commit_import",
    "guess_kind",
    "kind_label",
    "match_columns",
    "plan_import",
    "read_upload",
    "report_csv",
    "report_rows",
    "split_position_unit",
]
