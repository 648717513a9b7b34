"""The vocabulary of the domain: kinds, roles, statuses and choices.

Values are the strings stored in SQLite (and checked there by CHECK
constraints); labels come from the i18n catalogue.
"""

from __future__ import annotations

from enum import StrEnum

from .i18n import t


class CandidateKind(StrEnum):
    COLLECTIVE = "collective"
    INDIVIDUAL = "individual"

    @property
    def label(self) -> str:
        return t(f"kind.{self.value}")


class Role(StrEnum):
    CHAIR = "chair"
    VICE_CHAIR = "vice_chair"
    MEMBER = "member"
    SECRETARY = "secretary"

    @property
    def label(self) -> str:
        return t(f"role.{self.value}")


# The council's officers: they run the rounds (open, close, reveal, publish) and see the results.
OFFICERS = frozenset({Role.CHAIR, Role.VICE_CHAIR, Role.SECRETARY})


class UnitKind(StrEnum):
    KHOA = "khoa"
    PHONG = "phong"
    DOAN_THE = "doan_the"
    KHAC = "khac"


class RoundStatus(StrEnum):
    SETUP = "setup"
    OPEN = "open"
    CLOSED = "closed"
    PUBLISHED = "published"

    @property
    def label(self) -> str:
        return t(f"status.{self.value}")


class BallotMode(StrEnum):
    PER_NOMINEE = "per_nominee"
    WHOLE_LIST = "whole_list"


class Choice(StrEnum):
    APPROVE = "approve"
    REJECT = "reject"
    ABSTAIN = "abstain"

    @property
    def label(self) -> str:
        return t(f"choice.{self.value}")


class Denominator(StrEnum):
    ALL = "all"
    PRESENT = "present"


class ThresholdRule(StrEnum):
    AT_LEAST = "at_least"
    MORE_THAN = "more_than"


class QuotaKind(StrEnum):
    NONE = "none"
    TOP_N = "top_n"
    PCT_OF_TITLE = "pct_of_title"


class Method(StrEnum):
    MEAN = "mean"
    MEDIAN = "median"
    TRIMMED_MEAN = "trimmed_mean"


class Direction(StrEnum):
    HIGHER = "higher"
    LOWER = "lower"


class Source(StrEnum):
    ONLINE = "online"
    PAPER = "paper"
