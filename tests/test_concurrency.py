"""50 members submitting at the same minute, through the core: nothing lost,
nothing double-counted, no "database is locked" reaching a user.

Threads model Streamlit (one process, a thread per browser session); a second
run uses several processes on the same file (two servers, or the CLI beside
the app). Latencies are printed, not asserted (benchmarks/ measure speed).
"""

from __future__ import annotations

import multiprocessing
import statistics
import threading
import time
from pathlib import Path

import pytest

from scoring import synthetic, voting
from scoring.db import Store
from scoring.errors import DomainError

MEMBERS = 50
CANDIDATES = 10
CRITERIA = 5


def choice_for(member_index: int, candidate_index: int) -> str:
    return "reject" if (member_index + candidate_index) % 3 == 0 else "approve"


def points_for(member_index: int, candidate_index: int, criterion_index: int) -> float:
    return float((member_index + 2 * candidate_index + criterion_index) % 20)


def act_as_member(store: Store, round_id: int, member_id: int, member_index: int, candidate_ids: list[int]) -> float:
    """Open the sheet, save a draft per candidate, submit, vote. Returns the submit latency."""
    for c_index, item in enumerate(voting.sheet(store, round_id, member_id)):
        voting.save_draft(
            store,
            round_id,
            member_id,
            item.candidate["id"],
            {c["id"]: points_for(member_index, c_index, k) for k, c in enumerate(item.criteria)},
        )
    started = time.perf_counter()
    voting.submit_scores(store, round_id, member_id)
    voting.cast_ballot(
        store, round_id, member_id, {cid: choice_for(member_index, j) for j, cid in enumerate(candidate_ids)}
    )
    return time.perf_counter() - started


def _process_worker(
    path: str, round_id: int, members: list[tuple[int, int]], candidate_ids: list[int], results
) -> None:
    store = Store(path)
    latencies, errors = [], []
    for member_id, index in members:
        try:
            latencies.append(act_as_member(store, round_id, member_id, index, candidate_ids))
        except Exception as exc:  # reported to the parent, which fails the test
            errors.append(repr(exc))
    store.close()
    results.put((latencies, errors))


def assert_everything_counted(store: Store, built: synthetic.Synthetic) -> None:
    assert store.scalar("SELECT COUNT(*) FROM score_submissions") == MEMBERS
    assert store.scalar("SELECT COUNT(*) FROM scores") == MEMBERS * CANDIDATES * CRITERIA
    assert store.scalar("SELECT COUNT(*) FROM ballot_receipts") == MEMBERS
    expected_sum = sum(points_for(m, c, k) for m in range(MEMBERS) for c in range(CANDIDATES) for k in range(CRITERIA))
    assert store.scalar("SELECT SUM(points) FROM scores") == pytest.approx(expected_sum)
    counts = {(r["candidate_id"], r["choice"]): r["count"] for r in voting.tallies(store, built.round_id)}
    for j, cid in enumerate(built.candidate_ids):
        approve = sum(1 for m in range(MEMBERS) if choice_for(m, j) == "approve")
        assert counts[(cid, "approve")] == approve
        assert counts[(cid, "reject")] == MEMBERS - approve
        assert counts[(cid, "abstain")] == 0


def report(label: str, latencies: list[float]) -> None:
    ordered = sorted(latencies)
    p95 = ordered[int(0.95 * (len(ordered) - 1))]
    print(
        f"\n{label}: {len(ordered)} submissions, submit+ballot p50 {statistics.median(ordered) * 1000:.1f} ms, "
        f"p95 {p95 * 1000:.1f} ms, max {ordered[-1] * 1000:.1f} ms"
    )


def test_fifty_members_in_threads(tmp_path: Path):
    store = Store(tmp_path / "load.db")
    built = synthetic.build(store, MEMBERS, CANDIDATES, CRITERIA)
    latencies: list[float] = []
    errors: list[BaseException] = []
    barrier = threading.Barrier(MEMBERS)

    def member(index: int, member_id: int) -> None:
        barrier.wait()  # everybody starts in the same instant
        try:
            latencies.append(act_as_member(store, built.round_id, member_id, index, built.candidate_ids))
        except BaseException as exc:
            errors.append(exc)

    threads = [threading.Thread(target=member, args=(i, m)) for i, m in enumerate(built.member_ids)]
    for th in threads:
        th.start()
    for th in threads:
        th.join(timeout=120)
    assert errors == [], errors[:3]
    assert_everything_counted(store, built)
    report("threads", latencies)
    store.close()


def test_fifty_members_in_four_processes(tmp_path: Path):
    path = tmp_path / "load.db"
    store = Store(path)
    built = synthetic.build(store, MEMBERS, CANDIDATES, CRITERIA)
    ctx = multiprocessing.get_context("spawn")
    results = ctx.Queue()
    indexed = list(zip(built.member_ids, range(MEMBERS), strict=True))
    procs = [
        ctx.Process(
            target=_process_worker, args=(str(path), built.round_id, indexed[k::4], built.candidate_ids, results)
        )
        for k in range(4)
    ]
    for p in procs:
        p.start()
    latencies, errors = [], []
    for _ in procs:
        got, errs = results.get(timeout=120)
        latencies += got
        errors += errs
    for p in procs:
        p.join(timeout=30)
    assert errors == []
    assert_everything_counted(store, built)
    report("processes", latencies)
    store.close()


def test_the_same_ballot_sent_twice_at_once_counts_once(tmp_path: Path):
    """A double click, or two tabs of the same member, racing each other."""
    store = Store(tmp_path / "race.db")
    built = synthetic.build(store, 3, 2, 2)
    member = built.member_ids[0]
    outcomes: list[str] = []
    barrier = threading.Barrier(8)

    def send() -> None:
        barrier.wait()
        try:
            voting.cast_ballot(store, built.round_id, member, dict.fromkeys(built.candidate_ids, "approve"))
            outcomes.append("ok")
        except DomainError as exc:
            outcomes.append(exc.key)

    threads = [threading.Thread(target=send) for _ in range(8)]
    for th in threads:
        th.start()
    for th in threads:
        th.join(timeout=30)
    assert outcomes.count("ok") == 1
    assert outcomes.count("err.ballot_already_cast") == 7
    assert store.scalar("SELECT SUM(count) FROM ballot_tallies WHERE choice = 'approve'") == 2
    store.close()
