"""How long a council member waits: save a draft, submit a sheet, cast a ballot.

    python3 benchmarks/submit.py [--members 50] [--candidates 15] [--criteria 5]

Prints the median and p95 of each operation done one at a time, then the
wall time for all members doing everything at once in threads (as Streamlit
sessions do).
"""

from __future__ import annotations

import argparse
import statistics
import sys
import tempfile
import threading
import time
from collections.abc import Callable
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from scoring import synthetic, voting
from scoring.db import Store


def timed(fn: Callable[..., object], *args: object, **kwargs: object) -> float:
    started = time.perf_counter()
    fn(*args, **kwargs)
    return time.perf_counter() - started


def summary(name: str, seconds: list[float]) -> str:
    ordered = sorted(seconds)
    p95 = ordered[int(0.95 * (len(ordered) - 1))]
    median = statistics.median(ordered) * 1000
    return f"{name:<28} n={len(ordered):>5}  median {median:7.2f} ms  p95 {p95 * 1000:7.2f} ms"


def run(members: int, candidates: int, criteria: int) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        store = Store(Path(tmp) / "bench.db")
        built = synthetic.build(store, members, candidates, criteria)
        drafts, submits, ballots, sheets = [], [], [], []
        # One at a time: the latency a lone member sees.
        for m in built.member_ids[: members // 2]:
            started = time.perf_counter()
            items = voting.sheet(store, built.round_id, m)
            sheets.append(time.perf_counter() - started)
            for item in items:
                drafts.append(
                    timed(
                        voting.save_draft,
                        store,
                        built.round_id,
                        m,
                        item.candidate["id"],
                        {c["id"]: 10 for c in item.criteria},
                    )
                )
            submits.append(timed(voting.submit_scores, store, built.round_id, m))
            ballots.append(
                timed(voting.cast_ballot, store, built.round_id, m, dict.fromkeys(built.candidate_ids, "approve"))
            )
        print(f"Conference: {members} members x {candidates} candidates x {criteria} criteria")
        for name, data in (
            ("open sheet", sheets),
            ("save draft (1 candidate)", drafts),
            ("submit sheet", submits),
            ("cast ballot", ballots),
        ):
            print(summary(name, data))

        # Everyone else at once.
        rest = built.member_ids[members // 2 :]
        barrier = threading.Barrier(len(rest))

        def member(m: int) -> None:
            barrier.wait()
            for item in voting.sheet(store, built.round_id, m):
                voting.save_draft(store, built.round_id, m, item.candidate["id"], {c["id"]: 10 for c in item.criteria})
            voting.submit_scores(store, built.round_id, m)
            voting.cast_ballot(store, built.round_id, m, dict.fromkeys(built.candidate_ids, "approve"))

        threads = [threading.Thread(target=member, args=(m,)) for m in rest]
        started = time.perf_counter()
        for th in threads:
            th.start()
        for th in threads:
            th.join()
        wall = time.perf_counter() - started
        ops = len(rest) * (candidates + 2)
        print(f"{len(rest)} members at once (threads): {wall:.2f} s wall, {ops / wall:.0f} writes/s")
        assert store.scalar("SELECT COUNT(*) FROM score_submissions") == members
        store.close()


if __name__ == "__main__":
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--members", type=int, default=50)
    parser.add_argument("--candidates", type=int, default=15)
    parser.add_argument("--criteria", type=int, default=5)
    args = parser.parse_args()
    run(args.members, args.candidates, args.criteria)
