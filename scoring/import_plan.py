"""What an import would do: a plan per file, row by row, and the problems found
(file, row as Excel numbers it, column, in Vietnamese). `imports.plan_import`
builds it, `imports.commit_import` applies it or refuses it whole."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field

from .db import Store
from .errors import DomainError
from .i18n import t


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
