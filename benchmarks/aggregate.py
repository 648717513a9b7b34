"""Speed of a full recomputation of a round's results.

100 members × 500 candidates × 10 criteria = 500,000 scores from a fixed seed,
5 titles of 100 candidates (mixed rules: thresholds, minimum scores, top-N and
pct-of-title quotas), per-nominee ballots. Prints the median time of the full
pipeline of pure functions in `scoring.aggregate` (weighted totals, per-member
normalisation, mean/median/trimmed mean, sd, approval, ranks, quotas, reasons)
and, in the same run, the median time of a bare numpy group-by over the same
array (np.bincount mean of points per candidate), and their ratio; the two are
timed in turn within each repeat. Then the same with cold CPU caches (64 MB of
other memory written before each call, as a server's other sessions do between
two projector refreshes), where reading the scores from memory dominates both.

    python3 benchmarks/aggregate.py [--repeat 21] [--method trimmed_mean] [--no-normalise]
"""

from __future__ import annotations

import argparse
import statistics
import sys
import time
from collections.abc import Callable
from pathlib import Path

import numpy as np
import pandas as pd

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from scoring import aggregate

MEMBERS, CANDIDATES, CRITERIA, TITLES = 100, 500, 10, 5
SEED = 20250415


def make_data(seed: int = SEED) -> dict:
    rng = np.random.default_rng(seed)
    max_points = np.array([15, 15, 10, 10, 10, 10, 10, 10, 5, 5], dtype=float)
    criteria = pd.DataFrame(
        {
            "id": np.arange(1, CRITERIA + 1),
            "set_id": 1,
            "position": np.arange(1, CRITERIA + 1),
            "name": [f"Tiêu chí {i}" for i in range(1, CRITERIA + 1)],
            "weight": rng.choice([1.0, 1.5, 2.0], CRITERIA),
            "max_points": max_points,
        }
    )
    member = np.repeat(np.arange(1, MEMBERS + 1), CANDIDATES * CRITERIA)
    candidate = np.tile(np.repeat(np.arange(1, CANDIDATES + 1), CRITERIA), MEMBERS)
    criterion = np.tile(np.arange(1, CRITERIA + 1), MEMBERS * CANDIDATES)
    quality = rng.uniform(0.5, 0.95, CANDIDATES + 1)[candidate]
    leniency = rng.normal(0, 0.05, MEMBERS + 1)[member]
    share = np.clip(quality + leniency + rng.normal(0, 0.08, member.size), 0, 1)
    points = np.round(share * max_points[criterion - 1] * 2) / 2  # step 0.5
    scores = pd.DataFrame({"member_id": member, "candidate_id": candidate, "criterion_id": criterion, "points": points})

    title_id = (np.arange(CANDIDATES) % TITLES) + 1
    title_rules = pd.DataFrame(
        {
            "title_id": np.arange(1, TITLES + 1),
            "title": [f"Danh hiệu {i}" for i in range(1, TITLES + 1)],
            "title_position": np.arange(1, TITLES + 1),
            "needs_scoring": 1,
            "needs_ballot": [0, 1, 1, 1, 1],
            "threshold_pct": [50, 66.67, 90, 50, 50],
            "threshold_rule": ["more_than", "at_least", "at_least", "more_than", "more_than"],
            "quorum_pct": 66.67,
            "min_score": [70.0, 91.0, 85.0, np.nan, 80.0],
            "quota_kind": ["none", "pct_of_title", "none", "top_n", "none"],
            "quota_value": [np.nan, 15.0, np.nan, 10.0, np.nan],
            "quota_of_title_id": [np.nan, 1.0, np.nan, np.nan, np.nan],
        }
    )
    candidates = pd.DataFrame(
        {
            "candidate_id": np.arange(1, CANDIDATES + 1),
            "full_name": [f"Ứng viên {i}" for i in range(1, CANDIDATES + 1)],
            "kind": "individual",
            "unit": "",
            "title_id": title_id,
            "name_order": np.arange(CANDIDATES),
            "eligible": MEMBERS - rng.integers(0, 3, CANDIDATES),
        }
    ).merge(title_rules, on="title_id")
    approve = rng.binomial(MEMBERS - 3, rng.uniform(0.4, 1.0, CANDIDATES))
    reject = MEMBERS - 3 - approve
    tallies = pd.DataFrame(
        {
            "candidate_id": np.repeat(np.arange(1, CANDIDATES + 1), 3).astype(float),
            "choice": np.tile(["approve", "reject", "abstain"], CANDIDATES),
            "count": np.column_stack([approve, reject, np.zeros(CANDIDATES, int)]).ravel(),
        }
    )
    return {"scores": scores, "criteria": criteria, "candidates": candidates, "tallies": tallies}


def full_recomputation(data: dict, method: str, normalise: bool) -> pd.DataFrame:
    totals = aggregate.member_totals(data["scores"], data["criteria"])
    return aggregate.compute_table(
        data["candidates"],
        totals,
        data["tallies"],
        method=method,
        normalise=normalise,
        normalise_min_scores=5,
        disagreement_sd=10,
        members_total=MEMBERS,
        present=MEMBERS,
    )


def bare_groupby(data: dict) -> np.ndarray:
    """The floor: mean points per candidate, one bincount pass over the same array."""
    candidate = data["scores"]["candidate_id"].to_numpy()
    points = data["scores"]["points"].to_numpy()
    return np.bincount(candidate, weights=points) / np.maximum(np.bincount(candidate), 1)


def interleaved_ms(
    fns: list[Callable[[], object]], repeat: int, before: Callable[[], object] | None = None
) -> list[list[float]]:
    """Times of each function, run in turn within every repeat, so that both see
    the same state of a shared machine (its load drifts over a run). `before`,
    if given, runs untimed before every timed call."""
    for fn in fns:
        fn()  # warm up (imports, caches)
    times: list[list[float]] = [[] for _ in fns]
    for _ in range(repeat):
        for fn, spent in zip(fns, times, strict=True):
            if before:
                before()
            start = time.perf_counter()
            fn()
            spent.append((time.perf_counter() - start) * 1000)
    return times


def cache_evictor(megabytes: int = 64) -> Callable[[], object]:
    """Writes more memory than the CPU caches hold (32 MB of L3 here), as the other
    work of a server does between two refreshes of the projector."""
    other = np.ones(megabytes * 1024 * 1024 // 8)
    return lambda: np.multiply(other, 1.0, out=other)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--repeat", type=int, default=21)
    parser.add_argument("--method", default="trimmed_mean", choices=["mean", "median", "trimmed_mean"])
    parser.add_argument("--no-normalise", action="store_true")
    args = parser.parse_args(argv)

    data = make_data()
    normalise = not args.no_normalise
    table = full_recomputation(data, args.method, normalise)
    assert len(table) == CANDIDATES and table["n_scores"].eq(MEMBERS).all()

    fns = [lambda: full_recomputation(data, args.method, normalise), lambda: bare_groupby(data)]
    full_times, bare_times = interleaved_ms(fns, args.repeat)
    cold_full, cold_bare = (statistics.median(t) for t in interleaved_ms(fns, args.repeat, before=cache_evictor()))
    full, bare = statistics.median(full_times), statistics.median(bare_times)
    print(f"scores: {len(data['scores']):,} ({MEMBERS} members × {CANDIDATES} candidates × {CRITERIA} criteria)")
    print(f"method: {args.method}, normalise: {normalise}, repeat: {args.repeat}")
    print(f"full recomputation (median): {full:.1f} ms")
    print(f"bare numpy group-by (median): {bare:.1f} ms")
    print(f"ratio: {full / bare:.1f}×")
    best_full, best_bare = min(full_times), min(bare_times)
    print(f"best of {args.repeat}: {best_full:.1f} ms and {best_bare:.1f} ms, ratio {best_full / best_bare:.1f}×")
    print(
        f"cold caches (median, each call after 64 MB of other memory traffic): full {cold_full:.1f} ms, "
        f"bare {cold_bare:.1f} ms, ratio {cold_full / cold_bare:.1f}×"
    )
    print(f"passing: {int(table['passes'].sum())} of {len(table)}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
