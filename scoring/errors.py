"""Errors the core raises, each carrying a catalogue key so the UI, the CLI and
import reports show the same Vietnamese sentence."""

from __future__ import annotations

import sqlite3
from typing import Any

from .i18n import is_key, t


class DomainError(Exception):
    """A rule of the domain refused an action. `str()` is the user's message."""

    def __init__(self, key: str, *, field: str | None = None, **params: Any) -> None:
        self.key = key
        self.field = field
        self.params = params
        super().__init__(key)

    def message(self, lang: str | None = None) -> str:
        # A parameter that names a catalogue entry (a field's label, "what.unit"…) is
        # shown in the language asked, like the sentence around it.
        params = {
            name: t(value, lang) if isinstance(value, str) and is_key(value) else value
            for name, value in self.params.items()
        }
        return t(self.key, lang, **params)

    def __str__(self) -> str:
        return self.message()


class ValidationError(DomainError):
    """Input that is malformed: a missing name, a score out of range…"""


class PermissionDenied(DomainError):
    """The actor may not do this (wrong role, recused, not logged in)."""


class RoundNotOpen(DomainError):
    """A write to a round that is not open."""


_TRIGGER_ERRORS = {
    "err.round_not_open": RoundNotOpen,
    "err.sheet_already_submitted": DomainError,
    "err.ballot_already_cast": DomainError,
    "err.ballots_counted": RoundNotOpen,
    "err.score_out_of_range": ValidationError,
}


def from_sqlite(exc: sqlite3.DatabaseError) -> Exception:
    """Translate a constraint or trigger failure into a DomainError; other errors pass."""
    text = str(exc)
    for key, cls in _TRIGGER_ERRORS.items():
        if key in text:
            return cls(key)
    if isinstance(exc, sqlite3.IntegrityError):
        if "UNIQUE" in text:
            return ValidationError("err.duplicate", detail=text.split(":", 1)[-1].strip())
        if "FOREIGN KEY" in text:
            return ValidationError("err.foreign_key")
        if "CHECK" in text:
            return ValidationError("err.check_failed", detail=text)
        if "NOT NULL" in text:
            column = text.split(".")[-1]
            label = f"field.{column}"
            return ValidationError("err.required", field=column, field_name=label if is_key(label) else column)
    return exc
