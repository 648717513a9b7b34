"""Results of a round: weighted totals, aggregate scores, approval against the
title's threshold, quorum, minimum score, quotas and ranks.

Two layers. The pure functions (`member_totals`, `normalise_totals`,
`aggregate_scores`, `approval`, `rank`, `quota_caps`, `apply_quota`, `decide`,
`compute_table`) take and return DataFrames and are vectorised with numpy (no
per-row Python), so they can be tested on hand-made frames and benchmarked on
500,000 scores. `round_results(store, round_id)` reads a round from SQLite into
those frames and assembles a `RoundResults`.

Rules everyone in the room can check by hand (the README has a worked example):
- a member's total for a candidate is 100 × Σ(weight·points) / Σ(weight·max) over
  the candidate's criteria set;
- the round's method aggregates members' totals: mean, median, or trimmed mean
  (one highest and one lowest dropped when there are at least 3 scores);
- approval % = approve / eligible, where eligible is the title's denominator
  (all voting members, or those present) minus members recused from the nominee;
- percentages and scores are compared with thresholds as they are written in
  the minutes, rounded half-up to 2 decimals: 2/3 = 66,67% meets "từ 66,67%".
"""

from __future__ import annotations

import math
from collections.abc import Mapping
from dataclasses import dataclass

import numpy as np
import pandas as pd
from threadpoolctl import threadpool_limits

from . import conference, rounds, voting
from .db import Store
from .errors import ValidationError
from .i18n import number_text, t
from .model import BallotMode, Method, QuotaKind, RoundStatus, ThresholdRule
from .text import display_sort_key, name_sort_key

CHOICES = ("approve", "reject", "abstain")
_EPS = 1e-9

# One BLAS thread for the process. OpenBLAS runs the whole-sheet product below (50,000 × 10) on a second
# thread, whose wake-up waits for a free core: on a 2-core machine with the other core busy, recomputations took
# 34-85 ms against 9.5-28 ms with one thread (benchmarks/aggregate.py, README), for no gain on products this small.
threadpool_limits(limits=1, user_api="blas")

# --- results API (issue 7 builds exports on it: add columns, never rename) ------------


@dataclass
class BallotCounts:
    issued: int
    returned: int
    valid: int
    invalid: int


@dataclass
class RoundResults:
    round: dict
    members_total: int
    present: int
    ballots: BallotCounts
    cascade: list[str]
    table: pd.DataFrame
    criterion_means: pd.DataFrame
    score_matrix: pd.DataFrame


TABLE_COLUMNS = [
    "candidate_id",
    "full_name",
    "kind",
    "unit",
    "title_id",
    "title",
    "n_scores",
    "mean",
    "median",
    "trimmed_mean",
    "score",
    "sd",
    "spread",
    "flagged",
    "approve",
    "reject",
    "abstain",
    "eligible",
    "approval_pct",
    "threshold_pct",
    "threshold_rule",
    "passes_threshold",
    "meets_min_score",
    "quorum_met",
    "within_quota",
    "passes",
    "reason",
    "rank",
    # additions beyond the contract
    "needs_scoring",
    "needs_ballot",
    "min_score",
    "quota_kind",
    "quota_cap",
]


# --- small numeric helpers ----------------------------------------------------------------


def round2(values: np.ndarray | float) -> np.ndarray:
    """Round half-up to 2 decimals, as a percentage is written in the minutes
    (numpy's round is half-to-even; the tiny epsilon absorbs binary noise)."""
    return np.floor(np.asarray(values, dtype=float) * 100 + 0.5 + _EPS) / 100


def _codes(values: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """(codes, uniques) for integer ids: a direct lookup table when ids are small
    (they are SQLite rowids), else a hash factorisation."""
    ids = np.asarray(values)
    if ids.size == 0:
        return np.zeros(0, dtype=np.int64), np.zeros(0, dtype=np.int64)
    if ids.dtype.kind in "iu" and ids.min() >= 0 and ids.max() < 10_000_000:
        present = np.bincount(ids) > 0
        uniques = np.flatnonzero(present)
        lookup = np.empty(present.size, dtype=np.int64)
        lookup[uniques] = np.arange(uniques.size)
        return lookup[ids], uniques
    codes, uniques = pd.factorize(ids, sort=True)
    return codes.astype(np.int64), np.asarray(uniques)


def _positions(ids: np.ndarray, wanted: np.ndarray) -> np.ndarray:
    """Where each of `wanted` sits in the distinct `ids`, -1 where absent: a lookup
    table when ids are small rowids, else a hash index."""
    ids, wanted = np.asarray(ids, dtype=np.int64), np.asarray(wanted, dtype=np.int64)
    top = max(int(ids.max(initial=-1)), int(wanted.max(initial=-1)))
    if top < 10_000_000 and ids.min(initial=0) >= 0 and wanted.min(initial=0) >= 0:
        lookup = np.full(top + 1, -1, dtype=np.int64)
        lookup[ids] = np.arange(ids.size)
        return lookup[wanted]
    return pd.Index(ids).get_indexer(wanted)


# --- 1. each member's weighted total per candidate ---------------------------------------


def member_totals(scores: pd.DataFrame, criteria: pd.DataFrame) -> pd.DataFrame:
    """Columns member_id, candidate_id, total (0-100), sorted by candidate then member.

    `scores`: member_id, candidate_id, criterion_id, points. `criteria`: id, set_id,
    weight, max_points. A criterion a member left empty counts 0 (drafts only:
    a submitted sheet is complete), as in `voting.weighted_total`."""
    if scores.empty:
        return pd.DataFrame(
            {"member_id": np.zeros(0, np.int64), "candidate_id": np.zeros(0, np.int64), "total": np.zeros(0)}
        )
    # Each point is worth 100·weight / Σ(weight·max) of its criteria set, so one
    # weighted bincount over (candidate, member) cells gives every total. A cell
    # whose total is not 0 was scored; the few cells that hold a point of 0 (or
    # less) are found separately, so a member who gave 0 everywhere still counts.
    crit_id = criteria["id"].to_numpy(np.int64)
    weight = criteria["weight"].to_numpy(float)
    set_codes, _ = _codes(criteria["set_id"].to_numpy(np.int64))
    full_of_set = np.bincount(set_codes, weights=weight * criteria["max_points"].to_numpy(float))
    worth = np.full(int(crit_id.max()) + 1, np.nan)  # NaN: a criterion the frame does not know
    worth[crit_id] = 100 * weight / full_of_set[set_codes]

    points = scores["points"].to_numpy(float)
    member = scores["member_id"].to_numpy(np.int64)
    candidate = scores["candidate_id"].to_numpy(np.int64)
    criterion = scores["criterion_id"].to_numpy(np.int64)
    sheet = _whole_sheets(member, candidate, criterion)
    if sheet is not None:  # one row of `sheet` criteria per cell: a matrix product gives the totals
        _require_known(sheet, worth)
        value = points.reshape(-1, sheet.size) @ worth[sheet]
        # One strided pass each into small contiguous arrays, read three times below.
        member, candidate = member[:: sheet.size].copy(), candidate[:: sheet.size].copy()
        zero_rows = slice(None)  # every row is a scored cell
    else:
        _require_known(criterion, worth)
        value = worth[criterion]
        value *= points
        zero_rows = np.flatnonzero(points <= 0)
    # Ids are read as unsigned: a negative id becomes huge, so one max() finds both
    # a negative and a too-large id.
    m_span, c_span = int(member.view(np.uint64).max()) + 1, int(candidate.view(np.uint64).max()) + 1
    m_ids = c_ids = None  # None: the ids are small rowids, they are their own codes
    if m_span * c_span <= 4_000_000:
        cell = candidate * m_span
        cell += member
    else:  # negative or very large ids: factorise first
        m_codes, m_ids = _codes(member)
        c_codes, c_ids = _codes(candidate)
        m_span, c_span = m_ids.size, c_ids.size
        cell = c_codes * m_span + m_codes
    grid = np.bincount(cell, weights=value, minlength=c_span * m_span)
    scored = grid != 0
    scored[cell[zero_rows]] = True
    occupied = np.flatnonzero(scored)  # candidate-major: the output comes out grouped by candidate
    total = grid[occupied]
    if np.isnan(total).any():
        raise ValueError("a score refers to a criterion missing from the criteria frame")
    rows, columns = np.divmod(occupied, m_span)
    if m_ids is not None:
        rows, columns = c_ids[rows], m_ids[columns]
    return pd.DataFrame({"member_id": columns, "candidate_id": rows, "total": total}, copy=False)


def _require_known(criterion: np.ndarray, worth: np.ndarray) -> None:
    if criterion.size and int(criterion.view(np.uint64).max()) >= worth.size:  # negative ids become huge
        raise ValueError("a score refers to a criterion missing from the criteria frame")


def _whole_sheets(member: np.ndarray, candidate: np.ndarray, criterion: np.ndarray) -> np.ndarray | None:
    """The criteria of one sheet, when every k rows are one (member, candidate) cell
    holding the same k criteria in the same order: how the store returns a round of
    one criteria set with submitted sheets (`ORDER BY member_id, candidate_id,
    criterion_id`). None for any other layout (drafts, mixed sets, shuffled rows)."""
    head = slice(1, 1025)  # a sheet has far fewer criteria than this
    first = np.flatnonzero((member[head] != member[0]) | (candidate[head] != candidate[0]))
    k = int(first[0]) + 1 if first.size else member.size  # rows of the first cell
    if k > 1024 or member.size % k or not np.array_equal(criterion[k:], criterion[:-k]):
        return None  # not every k rows repeat the first cell's criteria
    # The ids may change from one k rows to the next, never inside them.
    changes = member[1:] != member[:-1]
    changes |= candidate[1:] != candidate[:-1]
    if np.count_nonzero(changes) != np.count_nonzero(changes[k - 1 :: k]):
        return None
    return criterion[:k]


# --- 2. optional per-member normalisation -------------------------------------------------


class _ByMember:
    """Sums per member, and per-member values set against every total. Totals that
    repeat one sequence of distinct members (every candidate scored by the same
    members, as `member_totals` returns whole sheets) are seen as a matrix with a
    column per member: sums run down its columns and a per-member value broadcasts
    along its rows, with no array as long as the totals built. Any other layout goes
    through member codes."""

    def __init__(self, member: np.ndarray) -> None:
        head = member[: 1 << 12]  # a council has far fewer members than this; the check below covers the rest
        repeats = np.flatnonzero(head[1:] <= head[:-1])
        width = int(repeats[0]) + 1 if repeats.size else head.size
        grid = width > 0 and member.size % width == 0 and bool((member.reshape(-1, width) == member[:width]).all())
        self.width, self.rows = (width, member.size // width) if grid else (0, 0)
        self.codes = None
        if not grid:  # small rowids serve as their own codes (ids nobody used get n = 0, never looked up)
            self.codes = member if int(member.view(np.uint64).max(initial=0)) < 1_000_000 else _codes(member)[0]

    def shape(self, x: np.ndarray) -> np.ndarray:
        """`x` as the matrix (a view) when the totals form one, else as it is."""
        return x.reshape(self.rows, self.width) if self.width else x

    def count(self) -> np.ndarray:
        return np.full(self.width, self.rows) if self.width else np.bincount(self.codes)

    def sum(self, x: np.ndarray) -> np.ndarray:
        return x.sum(axis=0) if self.width else np.bincount(self.codes, weights=x)

    def spread(self, per_member: np.ndarray) -> np.ndarray:
        return per_member if self.width else per_member[self.codes]  # a matrix's rows broadcast it


def _normalise(
    member: np.ndarray, x: np.ndarray, min_scores: int, *, flags: bool = True
) -> tuple[np.ndarray, np.ndarray | None]:
    """(adjusted totals, normalised flag per total, or None unless `flags`). Per member
    the rescaling is a line, adjusted = slope·x + intercept, so it is applied in one pass."""
    by_member = _ByMember(member)
    shaped = by_member.shape(x)
    n = by_member.count()
    sums = by_member.sum(shaped)
    with np.errstate(invalid="ignore", divide="ignore"):
        mean = sums / n
    dev = shaped - by_member.spread(mean)
    dev *= dev
    squares = by_member.sum(dev)  # Σ(x - member's mean)² per member
    # The pooled sd from the same sums: Σ(x - pooled mean)² = Σ squares + Σ n·(member mean - pooled mean)².
    pooled_mean = sums.sum() / x.size
    scored = n > 0
    between = (n[scored] * (mean[scored] - pooled_mean) ** 2).sum()
    pooled_sd = math.sqrt((squares.sum() + between) / (x.size - 1)) if x.size > 1 else 0.0
    use = n >= min_scores
    with np.errstate(invalid="ignore", divide="ignore"):
        sd = np.sqrt(squares / (n - 1))
        slope = np.where(use, np.where(sd > 0, pooled_sd / sd, 0.0), 1.0)
    intercept = np.where(use, pooled_mean - slope * mean, 0.0)
    adjusted = shaped * by_member.spread(slope)
    adjusted += by_member.spread(intercept)
    normalised = np.broadcast_to(by_member.spread(use), shaped.shape).ravel() if flags else None
    return adjusted.ravel(), normalised


def normalise_totals(totals: pd.DataFrame, min_scores: int) -> pd.DataFrame:
    """Per-member z-scores rescaled to the pooled mean and standard deviation of all
    totals, for members who gave at least `min_scores` totals; the others keep their
    raw totals (too few scores to estimate a member's leniency). A member who gave
    every candidate the same total has z = 0 (the pooled mean): no preference to keep.
    Adds a boolean column `normalised`."""
    out = totals.copy()
    if totals.empty:
        out["normalised"] = np.zeros(0, dtype=bool)
        return out
    out["total"], out["normalised"] = _normalise(
        totals["member_id"].to_numpy(np.int64), totals["total"].to_numpy(float), min_scores
    )
    return out


# --- 3. aggregate across members ----------------------------------------------------------

_STATS = ("n_scores", "mean", "median", "trimmed_mean", "sd", "spread")


@dataclass(frozen=True)
class _Runs:
    """Totals arranged in contiguous runs, one run per candidate. `member_totals`
    already returns them so; other frames are reordered once (`order`)."""

    ids: np.ndarray  # candidate id of each run, ascending
    starts: np.ndarray
    n: np.ndarray
    order: np.ndarray | None  # applied to values to arrange them, None if they already are

    @classmethod
    def of(cls, candidate: np.ndarray) -> _Runs:
        order = None
        if (candidate[1:] < candidate[:-1]).any():
            order = np.argsort(candidate, kind="stable")
            candidate = candidate[order]
        starts = np.flatnonzero(candidate[1:] != candidate[:-1])
        starts += 1
        starts = np.concatenate(([0], starts)) if candidate.size else starts
        return cls(candidate[starts], starts, np.diff(starts, append=candidate.size), order)

    def arrange(self, x: np.ndarray) -> np.ndarray:
        return x if self.order is None else x[self.order]

    def sorted_rows(self, x: np.ndarray) -> np.ndarray:
        """One row per candidate, its values ascending, padded with +inf. Sorting many
        short rows is several times faster than one argsort over every value."""
        width = int(self.n.max())
        if (self.n == width).all():  # the usual case: every member scored every candidate
            rows = x.reshape(self.n.size, width).copy()
        else:
            rows = np.full((self.n.size, width), np.inf)
            rows[np.repeat(np.arange(self.n.size), self.n), np.arange(x.size) - np.repeat(self.starts, self.n)] = x
        rows.sort(axis=1)
        return rows

    def statistics(self, x: np.ndarray, *, median: bool = True, sd: bool = True) -> dict[str, np.ndarray]:
        """n_scores, mean, trimmed_mean and spread per run (reductions over contiguous
        slices); median and sd when asked. `x` is in the caller's order."""
        x = self.arrange(x)
        n, starts = self.n, self.starts
        sums = np.add.reduceat(x, starts)
        mean = sums / n
        out = {"n_scores": n, "mean": mean}
        if median:  # the sorted rows give the lowest and highest too
            rows, row = self.sorted_rows(x), np.arange(n.size)
            lowest, highest = rows[:, 0], rows[row, n - 1]
            out["median"] = (rows[row, (n - 1) // 2] + rows[row, n // 2]) / 2
        else:
            lowest, highest = np.minimum.reduceat(x, starts), np.maximum.reduceat(x, starts)
        out["trimmed_mean"] = np.where(n >= 3, (sums - lowest - highest) / np.maximum(n - 2, 1), mean)
        out["spread"] = highest - lowest
        if sd:
            dev = x - np.repeat(mean, n)
            dev *= dev
            with np.errstate(invalid="ignore", divide="ignore"):
                out["sd"] = np.where(n > 1, np.sqrt(np.add.reduceat(dev, starts) / (n - 1)), np.nan)
        return out


def aggregate_scores(totals: pd.DataFrame, method: str = "mean") -> pd.DataFrame:
    """Per candidate (index candidate_id): n_scores, mean, median, trimmed_mean, sd
    (sample, n-1), spread (max - min) and `score` by the chosen method. The trimmed
    mean drops one highest and one lowest total when there are at least 3, else it
    is the plain mean."""
    method = Method(method).value
    if totals.empty:
        return pd.DataFrame(columns=[*_STATS, "score"], index=pd.Index([], name="candidate_id"), dtype=float)
    runs = _Runs.of(totals["candidate_id"].to_numpy(np.int64))
    stats = runs.statistics(totals["total"].to_numpy(float))
    return pd.DataFrame(
        {**{name: stats[name] for name in _STATS}, "score": stats[method]},
        index=pd.Index(runs.ids, name="candidate_id"),
    )


# --- 4. secret ballot ------------------------------------------------------------------------


def _approval(
    ids: np.ndarray,
    needs: np.ndarray,
    eligible: np.ndarray,
    threshold: np.ndarray,
    at_least: np.ndarray,
    tallies: pd.DataFrame,
) -> dict[str, np.ndarray]:
    counts = np.zeros((ids.size, len(CHOICES)))
    if not tallies.empty:
        codes, labels = pd.factorize(tallies["choice"])  # each distinct label is compared once
        if (codes < 0).any() or not set(labels) <= set(CHOICES):  # -1: a missing label
            raise ValueError("unknown ballot choice in tallies")
        choice = np.array([CHOICES.index(label) for label in labels], dtype=np.int64)[codes]
        count = tallies["count"].to_numpy(float)
        subject = tallies["candidate_id"].to_numpy(float)
        whole = np.isnan(subject)
        if whole.any():  # a whole-list vote counts for every nominee of the round
            counts += np.bincount(choice[whole], weights=count[whole], minlength=len(CHOICES))
        row = _positions(ids, subject[~whole].astype(np.int64))
        keep = row >= 0
        flat = row[keep] * len(CHOICES) + choice[~whole][keep]
        counts += np.bincount(flat, weights=count[~whole][keep], minlength=counts.size).reshape(counts.shape)
    counts[~needs] = 0
    with np.errstate(invalid="ignore", divide="ignore"):
        pct = np.where(needs & (eligible > 0), round2(100 * counts[:, 0] / eligible), np.nan)
    meets = np.where(at_least, pct >= threshold - _EPS, pct > threshold + _EPS)
    return {
        "approve": counts[:, 0].astype(np.int64),
        "reject": counts[:, 1].astype(np.int64),
        "abstain": counts[:, 2].astype(np.int64),
        "approval_pct": pct,
        "passes_threshold": np.where(needs, meets, True),
    }


def approval(candidates: pd.DataFrame, tallies: pd.DataFrame) -> pd.DataFrame:
    """Approve/reject/abstain counts, approval % (2 decimals, half-up) and whether
    it meets the threshold, per row of `candidates` (candidate_id, needs_ballot,
    eligible, threshold_pct, threshold_rule). `tallies`: candidate_id (NaN = a
    whole-list vote, counted for every nominee), choice, count. Titles that need no
    ballot pass this test (they pass on score alone) with NaN approval."""
    result = _approval(
        candidates["candidate_id"].to_numpy(np.int64),
        candidates["needs_ballot"].to_numpy(bool),
        candidates["eligible"].to_numpy(float),
        candidates["threshold_pct"].to_numpy(float),
        candidates["threshold_rule"].to_numpy() == ThresholdRule.AT_LEAST,
        tallies,
    )
    return pd.DataFrame(result, index=candidates.index)


# --- 5. ranks -------------------------------------------------------------------------------


def _rank(title: np.ndarray, approval_pct: np.ndarray, score: np.ndarray, median: np.ndarray) -> np.ndarray:
    if title.size == 0:
        return np.zeros(0, dtype=np.int64)
    keys = [np.where(np.isnan(k), -np.inf, round2(k)) for k in (approval_pct, score, median)]  # missing ranks last
    order = np.lexsort((-keys[2], -keys[1], -keys[0], title))
    t_sorted = title[order]
    new_title = np.empty(order.size, dtype=bool)
    new_title[0] = True
    np.not_equal(t_sorted[1:], t_sorted[:-1], out=new_title[1:])
    differs = new_title.copy()
    for k in keys:
        ks = k[order]
        differs[1:] |= ks[1:] != ks[:-1]
    position = np.arange(order.size)
    title_start = np.maximum.accumulate(np.where(new_title, position, 0))
    group_start = np.maximum.accumulate(np.where(differs, position, 0))
    ranks = np.empty(order.size, dtype=np.int64)
    ranks[order] = group_start - title_start + 1
    return ranks


def rank(table: pd.DataFrame) -> np.ndarray:
    """Rank within each title by the cascade approval %, then score, then median
    (all descending, compared as shown: 2 decimals; a missing value ranks last).
    Candidates equal on all three share the best rank of their group ("min")."""
    return _rank(
        table["title_id"].to_numpy(np.int64),
        table["approval_pct"].to_numpy(float),
        table["score"].to_numpy(float),
        table["median"].to_numpy(float),
    )


# --- 6. quotas -------------------------------------------------------------------------------


def _cap(kind: str, value: float, reference: int | None, pass_counts: Mapping[int, int | None]) -> int | None:
    if kind == QuotaKind.TOP_N:
        return math.floor(value + _EPS)
    if kind == QuotaKind.PCT_OF_TITLE:
        base = pass_counts.get(reference)
        return None if base is None else math.floor(value * base / 100 + _EPS)
    return None


def quota_caps(titles: pd.DataFrame, pass_counts: Mapping[int, int | None]) -> dict[int, int | None]:
    """Cap per title id (None = unlimited). `titles`: id, quota_kind, quota_value,
    quota_of_title_id. top_n caps at N; pct_of_title at floor(value% × the number
    passing the referenced title), unlimited when that number is unknown (None)."""
    return {
        row.id: _cap(row.quota_kind, row.quota_value, row.quota_of_title_id, pass_counts)
        for row in titles.itertuples(index=False)
    }


def _within_quota(title: np.ndarray, ranks: np.ndarray, contender: np.ndarray, cap: np.ndarray) -> np.ndarray:
    within = np.ones(title.size, dtype=bool)
    contender = contender & ~np.isnan(cap)
    if not contender.any():
        return within
    # How many contenders of the same title rank at or above each contender.
    span = int(ranks.max()) + 2
    key = title[contender] * span + ranks[contender]
    ordered = np.sort(key)
    at_or_above = np.searchsorted(ordered, key, side="right") - np.searchsorted(
        ordered, title[contender] * span, side="left"
    )
    within[contender] = at_or_above <= cap[contender] + _EPS
    return within


def apply_quota(table: pd.DataFrame, caps: Mapping[int, int | None]) -> np.ndarray:
    """within_quota per row: among the candidates of a title that pass everything
    else, those whose rank keeps the count at or above them within the cap. Tied
    candidates at the boundary all fall outside: the council breaks that tie, the
    software does not. Rows that fail on other grounds are not counted."""
    title = table["title_id"].to_numpy(np.int64)
    cap = np.array([np.nan if caps.get(tid) is None else caps[tid] for tid in title], dtype=float)
    contender = (
        table["passes_threshold"].to_numpy(bool)
        & table["meets_min_score"].to_numpy(bool)
        & table["quorum_met"].to_numpy(bool)
    )
    return _within_quota(title, table["rank"].to_numpy(np.int64), contender, cap)


# --- 7. the whole table -----------------------------------------------------------------------

_TESTS = (
    ("quorum_met", "res.reason.quorum"),
    ("has_scores", "res.reason.no_scores"),
    ("meets_min_score", "res.reason.min_score"),
    ("passes_threshold", "res.reason.threshold"),
    ("within_quota", "res.reason.quota"),
)


_SEALED = (len(_TESTS), "res.reason.sealed")  # a bit of its own: not failed, not counted yet


def _decide(columns: Mapping[str, np.ndarray], sealed: np.ndarray | None = None) -> tuple[np.ndarray, np.ndarray]:
    # One bit per failed test; each distinct combination's text is written once.
    failed = np.zeros(len(next(iter(columns.values()))), dtype=np.int64)
    for bit, (column, _) in enumerate(_TESTS):
        failed |= (~np.asarray(columns[column], dtype=bool)).astype(np.int64) << bit
    if sealed is not None:  # the approval test of a sealed ballot has not failed: it waits for the count
        threshold_bit = 1 << next(bit for bit, (column, _) in enumerate(_TESTS) if column == "passes_threshold")
        failed = np.where(sealed, (failed & ~threshold_bit) | (1 << _SEALED[0]), failed)
    combos, which = np.unique(failed, return_inverse=True)
    texts = np.array(
        [
            "; ".join(t(key) for bit, (_, key) in enumerate((*_TESTS, (None, _SEALED[1]))) if combo >> bit & 1)
            for combo in combos.tolist()
        ],
        dtype=object,
    )
    return failed == 0, texts[which]


def decide(table: pd.DataFrame) -> tuple[np.ndarray, np.ndarray]:
    """(passes, reason): passes when every test holds (quorum_met, has_scores,
    meets_min_score, passes_threshold, within_quota); the reason lists in
    Vietnamese each test that failed ('' when it passes)."""
    return _decide({column: table[column].to_numpy(bool) for column, _ in _TESTS})


def compute_table(
    candidates: pd.DataFrame,
    totals: pd.DataFrame,
    tallies: pd.DataFrame,
    *,
    method: str = "mean",
    normalise: bool = False,
    normalise_min_scores: int = 5,
    disagreement_sd: float = 10,
    members_total: int,
    present: int,
    external_passes: Mapping[int, int] | None = None,
    ballots_counted: bool = True,
) -> pd.DataFrame:
    """The ranking table from prepared frames, in rank order within each title.

    `candidates` has one row per candidate: candidate_id, full_name, kind, unit,
    title_id, title, title_position, name_order (Vietnamese order, precomputed),
    eligible, and the title's rules (needs_scoring, needs_ballot, threshold_pct,
    threshold_rule, quorum_pct, min_score, quota_kind, quota_value,
    quota_of_title_id). `external_passes`: title id -> number passing it in other
    rounds, for a pct_of_title quota whose reference title is not in this round.
    Without `ballots_counted` (a round still open), the ballot figures of titles that
    need a ballot are NaN and their reason says the count waits for the close."""
    method = Method(method).value
    numeric = ("candidate_id", "title_id", "title_position", "name_order", "eligible", "needs_scoring", "needs_ballot",
               "threshold_pct", "threshold_rule", "quorum_pct", "min_score", "quota_kind", "quota_value",
               "quota_of_title_id")  # fmt: skip
    # The numeric inputs in one conversion (a column read on its own costs pandas more than its 500 values).
    block = candidates.select_dtypes("number")
    as_float = dict(zip(block.columns, block.to_numpy(float).T, strict=True))
    col = {c: as_float[c] if c in as_float else candidates[c].to_numpy() for c in numeric}
    ids = col["candidate_id"].astype(np.int64)
    title = col["title_id"].astype(np.int64)
    needs_scoring = col["needs_scoring"].astype(bool)
    out: dict[str, np.ndarray] = {}

    # Scores: raw statistics; `score` by the method, on normalised totals if asked.
    stats = {name: np.full(ids.size, np.nan) for name in (*_STATS, "score")}
    if not totals.empty:
        x = totals["total"].to_numpy(float)
        runs = _Runs.of(totals["candidate_id"].to_numpy(np.int64))
        raw = runs.statistics(x)
        if normalise:
            adjusted, _ = _normalise(totals["member_id"].to_numpy(np.int64), x, normalise_min_scores, flags=False)
            raw["score"] = runs.statistics(adjusted, median=method == Method.MEDIAN, sd=False)[method]
        else:
            raw["score"] = raw[method]
        if np.array_equal(runs.ids, ids):  # the usual case: every candidate scored, in the same order
            stats = raw
        else:
            pos = _positions(runs.ids, ids)
            hit = pos >= 0
            for name, values in stats.items():
                values[hit] = raw[name][pos[hit]]
    every_scored = needs_scoring.all()  # else a title decided without scores shows no statistics
    for name in (*_STATS, "score"):
        out[name] = stats[name] if every_scored else np.where(needs_scoring, stats[name], np.nan)
    out["n_scores"] = np.where(np.isnan(out["n_scores"]), 0, out["n_scores"]).astype(np.int64)
    out["flagged"] = out["sd"] > disagreement_sd  # NaN (fewer than 2 scores) is never flagged

    threshold = col["threshold_pct"].astype(float)
    out.update(
        _approval(
            ids,
            col["needs_ballot"].astype(bool),
            col["eligible"].astype(float),
            threshold,
            col["threshold_rule"] == ThresholdRule.AT_LEAST,
            tallies,
        )
    )
    out["has_scores"] = ~needs_scoring | (out["n_scores"] > 0)
    min_score = col["min_score"].astype(float)
    out["meets_min_score"] = out["has_scores"] & (
        ~needs_scoring | np.isnan(min_score) | (round2(out["score"]) >= min_score - _EPS)
    )
    present_pct = float(round2(100 * present / members_total)) if members_total else 0.0
    out["quorum_met"] = (members_total > 0) & (present_pct >= col["quorum_pct"].astype(float) - _EPS)
    out["rank"] = _rank(title, out["approval_pct"], out["score"], out["median"])

    sealed = None if ballots_counted else col["needs_ballot"].astype(bool)
    # Quotas: a title capped by another title's passes waits until that one is final.
    kind = col["quota_kind"]
    value = col["quota_value"].astype(float)
    reference = col["quota_of_title_id"].astype(float)
    contender = out["passes_threshold"] & out["meets_min_score"] & out["quorum_met"]
    out["within_quota"] = np.ones(ids.size, dtype=bool)
    out["quota_cap"] = np.full(ids.size, np.nan)
    pass_counts: dict[int, int | None] = dict(external_passes or {})
    first = dict(zip(*(a.tolist() for a in np.unique(title, return_index=True)), strict=True))  # a row per title
    pending = list(first)
    while pending:
        ready = [
            tid
            for tid in pending
            if kind[first[tid]] != QuotaKind.PCT_OF_TITLE
            or int(reference[first[tid]]) not in first
            or int(reference[first[tid]]) in pass_counts
        ] or pending  # a cycle of pct_of_title references: the rest are unlimited
        for tid in ready:
            i = first[tid]
            ref = None if np.isnan(reference[i]) else int(reference[i])
            cap = _cap(kind[i], value[i], ref, pass_counts)
            rows = title == tid
            if cap is not None:  # without a cap everyone stays within the quota
                out["quota_cap"][rows] = cap
                out["within_quota"][rows] = _within_quota(
                    title[rows], out["rank"][rows], contender[rows], out["quota_cap"][rows]
                )
            passing = int((contender[rows] & out["has_scores"][rows] & out["within_quota"][rows]).sum())
            # A sealed ballot has passed nobody yet: a quota counted on that title waits (unlimited).
            pass_counts[tid] = None if sealed is not None and sealed[rows].any() else passing
        pending = [tid for tid in pending if tid not in ready]

    out["passes"], out["reason"] = _decide(out, sealed)
    if sealed is not None:  # nothing of a secret ballot leaves the core before the round closes
        for column in ("approve", "reject", "abstain", "approval_pct", "passes_threshold"):
            out[column] = np.where(sealed, np.nan, out[column])
    order = np.lexsort((col["name_order"], out["rank"], title, col["title_position"]))
    ranked = candidates.take(order)
    ranked.index = pd.RangeIndex(len(ranked))  # a fresh frame: cheaper than reset_index
    return pd.concat([ranked, pd.DataFrame({c: v[order] for c, v in out.items()})], axis=1)


def cascade_text(method: str, normalise: bool = False) -> list[str]:
    """The tie-break cascade in plain Vietnamese, shown with the results."""
    lines = [
        t("res.cascade.approval"),
        t("res.cascade.score", method=t(f"method.{Method(method).value}").lower()),
        t("res.cascade.median"),
        t("res.cascade.tie"),
    ]
    if normalise:
        lines.append(t("res.cascade.normalised"))
    return lines


# --- reading a round from the database --------------------------------------------------------


def _frame(rows: list[dict], columns: list[str]) -> pd.DataFrame:
    return pd.DataFrame(rows, columns=columns) if rows else pd.DataFrame({c: [] for c in columns})


def round_results(
    store: Store, round_id: int, *, submitted_only: bool = True, _visiting: frozenset[int] = frozenset()
) -> RoundResults:
    """Everything the results screens, the projector and the exports show for a round."""
    current = rounds.get_round(store, round_id)
    titles = {row["id"]: row for row in conference.list_titles(store)}
    cands = rounds.round_candidates(store, round_id)
    voting_members = store.query("SELECT id, full_name FROM members WHERE active = 1 AND is_voting = 1")
    voting_ids = {m["id"] for m in voting_members}
    members_total = len(voting_ids)
    submitted = {
        r["member_id"] for r in store.query("SELECT member_id FROM score_submissions WHERE round_id = ?", (round_id,))
    }
    receipts = store.query("SELECT member_id, valid FROM ballot_receipts WHERE round_id = ?", (round_id,))
    scores = _frame(
        store.query(  # in the primary key's order, which member_totals turns into a matrix product
            "SELECT member_id, candidate_id, criterion_id, points FROM scores WHERE round_id = ?"
            " ORDER BY member_id, candidate_id, criterion_id",
            (round_id,),
        ),
        ["member_id", "candidate_id", "criterion_id", "points"],
    ).astype({"member_id": np.int64, "candidate_id": np.int64, "criterion_id": np.int64, "points": float})
    counted = (submitted if submitted_only else set(scores["member_id"].tolist())) & voting_ids
    scores = scores[scores["member_id"].isin(counted)]

    # Present: those the secretary marked present, and those not marked at all who handed in a
    # sheet or a ballot. Marking one member absent must not make everyone else absent.
    attendance = store.query("SELECT member_id, present FROM attendance WHERE round_id = ?", (round_id,))
    marked_absent = {r["member_id"] for r in attendance if not r["present"]}
    handed_in = counted | {r["member_id"] for r in receipts}
    present_ids = ({r["member_id"] for r in attendance if r["present"]} | (handed_in - marked_absent)) & voting_ids

    recused = rounds.recusals(store, round_id)
    whole_list = current["ballot_mode"] == BallotMode.WHOLE_LIST
    rows = []
    for position, c in enumerate(cands):
        title = titles[c["title_id"]]
        base = voting_ids if title["denominator"] == "all" else present_ids
        eligible = len(base) if whole_list else len(base - recused.get(c["id"], set()))
        rows.append(
            {
                "candidate_id": c["id"],
                "full_name": c["full_name"],
                "kind": c["kind"],
                "unit": c["unit"] or "",
                "title_id": c["title_id"],
                "title": title["name"],
                "title_position": title["position"],
                "round_position": position,
                "eligible": eligible,
                **{
                    key: title[key]
                    for key in (
                        "needs_scoring",
                        "needs_ballot",
                        "threshold_pct",
                        "threshold_rule",
                        "denominator",
                        "quorum_pct",
                        "min_score",
                        "quota_kind",
                        "quota_value",
                        "quota_of_title_id",
                    )
                },
            }
        )
    cand_columns = [
        "candidate_id", "full_name", "kind", "unit", "title_id", "title", "title_position", "round_position",
        "eligible", "needs_scoring", "needs_ballot", "threshold_pct", "threshold_rule", "denominator",
        "quorum_pct", "min_score", "quota_kind", "quota_value", "quota_of_title_id",
    ]  # fmt: skip
    candidates = _frame(rows, cand_columns)
    order = sorted(range(len(rows)), key=lambda i: display_sort_key(rows[i]["full_name"], rows[i]["kind"]))
    name_order = np.empty(len(rows), dtype=np.int64)
    name_order[order] = np.arange(len(rows))
    candidates["name_order"] = name_order
    candidates["min_score"] = candidates["min_score"].astype(float)
    candidates["quota_value"] = candidates["quota_value"].astype(float)

    criteria = _frame(
        store.query("SELECT id, set_id, position, name, weight, max_points FROM criteria"),
        ["id", "set_id", "position", "name", "weight", "max_points"],
    )
    totals = member_totals(scores, criteria)
    # Ballots are counted when the round closes; before, not one figure of them is read,
    # or a download between two ballots would show what the last member chose.
    ballots_counted = RoundStatus(current["status"]) in (RoundStatus.CLOSED, RoundStatus.PUBLISHED)
    tallies = _frame(
        store.query("SELECT candidate_id, choice, count FROM ballot_tallies WHERE round_id = ?", (round_id,))
        if ballots_counted
        else [],
        ["candidate_id", "choice", "count"],
    )
    tallies["candidate_id"] = tallies["candidate_id"].astype(float)

    table = compute_table(
        candidates,
        totals,
        tallies,
        method=current["method"],
        normalise=bool(current["normalise"]),
        normalise_min_scores=current["normalise_min_scores"],
        disagreement_sd=current["disagreement_sd"],
        members_total=members_total,
        present=len(present_ids),
        external_passes=_external_passes(store, round_id, candidates, _visiting | {round_id}),
        ballots_counted=ballots_counted,
    )
    # Ballots go to the members in the room, whatever a title's denominator (which only sets what an
    # approval % is taken over): 12 issued beside 3 present was a contradiction in the minutes. A member
    # who handed one in had one, even if marked absent.
    needs_ballot = any(titles[tid]["needs_ballot"] for tid in set(candidates["title_id"]))
    issued = len(present_ids | ({r["member_id"] for r in receipts} & voting_ids)) if needs_ballot else 0
    valid = sum(1 for r in receipts if r["valid"])
    names = {m["id"]: m["full_name"] for m in voting_members}
    return RoundResults(
        round=current,
        members_total=members_total,
        present=len(present_ids),
        ballots=BallotCounts(issued=issued, returned=len(receipts), valid=valid, invalid=len(receipts) - valid),
        cascade=cascade_text(current["method"], bool(current["normalise"])),
        table=table[[*TABLE_COLUMNS, "denominator", "quorum_pct", "name_order"]],
        criterion_means=_criterion_means(scores, criteria, table),
        score_matrix=_score_matrix(totals, names, table),
    )


def _external_passes(store: Store, round_id: int, candidates: pd.DataFrame, visiting: frozenset[int]) -> dict[int, int]:
    """For pct_of_title quotas whose reference title has no candidate in this round:
    the number passing it in other rounds that are closed or published (final
    results only). A reference title found nowhere leaves the quota unlimited."""
    capped = candidates[candidates["quota_kind"] == QuotaKind.PCT_OF_TITLE]
    wanted = set(capped["quota_of_title_id"].dropna().astype(int)) - set(candidates["title_id"])
    found: dict[int, int] = {}
    for ref in wanted:
        other_rounds = store.query(
            "SELECT DISTINCT rc.round_id FROM round_candidates rc JOIN candidates c ON c.id = rc.candidate_id "
            "JOIN rounds r ON r.id = rc.round_id WHERE c.title_id = ? AND r.status IN (?, ?) AND r.id != ?",
            (ref, RoundStatus.CLOSED.value, RoundStatus.PUBLISHED.value, round_id),
        )
        for row in other_rounds:
            if row["round_id"] in visiting:
                continue
            other = round_results(store, row["round_id"], _visiting=visiting).table
            found[ref] = found.get(ref, 0) + int(other.loc[other["title_id"] == ref, "passes"].sum())
    return found


def _criterion_means(scores: pd.DataFrame, criteria: pd.DataFrame, table: pd.DataFrame) -> pd.DataFrame:
    """candidate_id × criterion name: the mean points members gave."""
    if scores.empty:
        return pd.DataFrame(index=pd.Index(table["candidate_id"], name="candidate_id"))
    means = scores.groupby(["candidate_id", "criterion_id"])["points"].mean().unstack("criterion_id")
    used = criteria[criteria["id"].isin(means.columns)].sort_values(["set_id", "position"])
    labels = dict(zip(used["id"], used["name"], strict=True))
    # Sets never share a candidate, so criteria of different sets with the same name merge cleanly.
    wide = means[used["id"].tolist()].T.groupby(used["id"].map(labels).to_numpy(), sort=False).first().T
    return wide.reindex(table["candidate_id"].to_numpy()).rename_axis("candidate_id")


def candidate_labels(table: pd.DataFrame) -> list[str]:
    """Candidate names for column headers, the title added where a name repeats."""
    names = table["full_name"].tolist()
    repeated = {n for n in names if names.count(n) > 1}
    return [f"{n} ({tt})" if n in repeated else n for n, tt in zip(names, table["title"], strict=True)]


def _score_matrix(totals: pd.DataFrame, names: dict[int, str], table: pd.DataFrame) -> pd.DataFrame:
    """Members (full names, Vietnamese order) × candidates: each member's weighted
    total. Scores only: ballot choices are anonymous counters and never appear."""
    labels = candidate_labels(table)
    if totals.empty:
        return pd.DataFrame(columns=labels, dtype=float)
    wide = totals.pivot(index="member_id", columns="candidate_id", values="total")
    wide = wide.reindex(columns=table["candidate_id"].to_numpy())
    wide.columns = labels
    member_ids = sorted(wide.index, key=lambda mid: name_sort_key(names.get(mid, "")))
    wide = wide.loc[member_ids]
    wide.index = pd.Index([names.get(mid, f"#{mid}") for mid in member_ids], name=t("res.col.member"))
    return wide


# --- cheap reads for the projector ----------------------------------------------------------


def data_version(store: Store) -> tuple[int, int, int]:
    """Changes whenever anything the projector shows changes: every write is audited
    (reveal, agenda, submissions, ballots), and receipts/submissions are counted too."""
    row = (
        store._conn()
        .execute(
            "SELECT (SELECT IFNULL(MAX(id), 0) FROM audit_log), (SELECT COUNT(*) FROM ballot_receipts), "
            "(SELECT COUNT(*) FROM score_submissions)"
        )
        .fetchone()
    )
    return int(row[0]), int(row[1]), int(row[2])


def round_progress(store: Store, round_id: int) -> dict:
    """Sheets submitted and ballots cast, each over the members who have one to hand in
    (a member on a whole list does not vote: "10/10", not "10/11"); counts only, who
    voted how never leaves the core."""
    scorers, voters = voting.participants(store, round_id)
    submitted = {
        r["member_id"] for r in store.query("SELECT member_id FROM score_submissions WHERE round_id = ?", (round_id,))
    }
    voted = {
        r["member_id"] for r in store.query("SELECT member_id FROM ballot_receipts WHERE round_id = ?", (round_id,))
    }
    return {
        "submitted": len(submitted & scorers),
        "to_score": len(scorers),
        "voted": len(voted & voters),
        "to_vote": len(voters),
    }


def focus_round(store: Store) -> int | None:
    """The round the projector shows results for: the one whose reveal (or
    publication, or choice of the title to show) is the chair's latest move, when
    it is still revealed and the agenda has not moved on since. None = follow the
    agenda."""
    shown = ("round.reveal", "round.published", "round.project_title")
    row = (
        store._conn()
        .execute(
            "SELECT action, entity_id FROM audit_log WHERE action IN "
            "('round.reveal', 'round.hide', 'round.published', 'round.project_title', 'agenda.current', "
            "'round.reopen') ORDER BY id DESC LIMIT 1"
        )
        .fetchone()
    )
    if row is None or row[0] not in shown:
        return None
    revealed = store.scalar("SELECT revealed FROM rounds WHERE id = ?", (row[1],))
    return row[1] if revealed else None


# --- the ranking on screen ------------------------------------------------------------------


def ranking_view(results: RoundResults) -> list[tuple[str, pd.DataFrame]]:
    """The ranking of each title, in the round's order of titles, with headers in the
    screen's language (files use scoring.exports): what a reader needs first (rank,
    name, score, approval, result, reason), then the detail. Columns that do not apply
    to a title are left out: scores for a title without scoring, ballots for one
    without a ballot."""
    views = []
    for title, tb in results.table.groupby("title", sort=False):
        scoring, ballot = bool(tb["needs_scoring"].iloc[0]), bool(tb["needs_ballot"].iloc[0])
        units = [conference.shown_unit(r) for r in tb[["full_name", "unit"]].to_dict("records")]
        columns: dict[str, object] = {t("res.col.rank"): tb["rank"], t("res.col.name"): tb["full_name"]}
        if any(units):  # collectives that are their own units: no column of blanks
            columns[t("col.unit")] = units
        if scoring:
            columns[t("res.col.score")] = tb["score"].round(2)
        if ballot:
            columns[t("res.col.approval_pct")] = tb["approval_pct"]
        columns[t("res.col.result")] = np.where(tb["passes"], t("res.pass"), t("res.fail"))
        columns[t("res.col.reason")] = tb["reason"]
        if scoring:
            columns[t("res.col.n_scores")] = tb["n_scores"]
            for name in ("mean", "median", "trimmed_mean", "sd", "spread"):
                columns[t(f"res.col.{name}")] = tb[name].round(2)
            columns[t("res.col.flagged")] = np.where(tb["flagged"], "⚠", "")
        if ballot:
            for choice in CHOICES:
                columns[t(f"choice.{choice}")] = tb[choice]
            columns[t("res.col.eligible")] = tb["eligible"]
            columns[t("res.col.threshold")] = [
                t(f"rule.{r}", pct=_pct_text(p)) for r, p in zip(tb["threshold_rule"], tb["threshold_pct"], strict=True)
            ]
        views.append((str(title), pd.DataFrame(columns).reset_index(drop=True)))
    return views


def _pct_text(value: float) -> str:
    return number_text(value)  # a screen's table: the reader's decimal separator


def require_final(current: dict) -> None:
    """Refuse a final ranking while the round is still being scored or voted."""
    if current["status"] not in (RoundStatus.CLOSED, RoundStatus.PUBLISHED):
        raise ValidationError("err.rank_not_final", name=current["name"])
