"""What one projector tick costs the server, and how many SQLite reads remain with many tabs.

    python3 benchmarks/projector.py [--members 50] [--candidates 10] [--tabs 50] [--ticks 3]

Every open projector tab reruns its fragment every 3 s and calls the page's two
cached data functions: `_version(path)` (st.cache_data, ttl 1 s: one cheap
query over the audit log and the receipt/submission counts) and
`_snapshot(path, version, lang)` (ttl 2 s, keyed by that version: everything
the screen shows). This script imports those very functions from
pages/projector.py (Streamlit's bare mode: no server), and measures, on the
demo conference and on a synthetic one (everyone scored and voted, then the
round revealed so the snapshot computes the ranking):

- a tick without the cache (the raw functions) and with it (cache hot);
- the SQLite reads (SELECT statements) each one runs (sqlite3 trace callback);
- `--tabs` tabs ticking, spread evenly over each 3 s period, for `--ticks`
  periods with one ballot cast mid-way: reads and recomputations per
  period, against what the same tabs would run without the cache.
"""

from __future__ import annotations

import argparse
import logging
import os
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from types import ModuleType

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from scoring import demo, rounds, synthetic, voting  # noqa: E402
from scoring.db import Store, forget_store  # noqa: E402

TICK_S = 3.0


def median_ms(fn: Callable[[], object], repeat: int) -> float:
    samples = []
    for _ in range(repeat):
        started = time.perf_counter()
        fn()
        samples.append(time.perf_counter() - started)
    return statistics.median(samples) * 1000


class ReadCounter:
    """Counts the reads (SELECT statements) run on a connection; sqlite-utils'
    SAVEPOINT/RELEASE around each query are not reads of the file."""

    def __init__(self) -> None:
        self.count = 0

    def __call__(self, statement: str) -> None:
        self.count += statement.lstrip().upper().startswith(("SELECT", "WITH"))


def build_synthetic(path: Path, members: int, candidates: int) -> None:
    store = Store(path)
    built = synthetic.build(store, members, candidates, 5)
    for i, m in enumerate(built.member_ids):
        for item in voting.sheet(store, built.round_id, m):
            voting.save_draft(
                store,
                built.round_id,
                m,
                item.candidate["id"],
                {c["id"]: float((i + c["id"]) % 20) for c in item.criteria},
            )
        voting.submit_scores(store, built.round_id, m)
        voting.cast_ballot(store, built.round_id, m, dict.fromkeys(built.candidate_ids, "approve"))
    store.close()


def reveal_all(path: Path) -> None:
    store = Store(path)
    round_id = store.scalar("SELECT id FROM rounds WHERE status = 'open' ORDER BY id LIMIT 1")
    rounds.transition(store, "Chủ tịch", round_id, "closed")
    rounds.reveal(store, "Chủ tịch", round_id)
    store.close()


def cast_one_ballot(path: Path) -> bool:
    """Another session votes (a write the projector must pick up). False if nobody is left to vote."""
    store = Store(path)
    try:
        for r in rounds.open_rounds(store):
            for m in store.query("SELECT id FROM members WHERE active = 1 AND is_voting = 1"):
                subjects = voting.ballot_subjects(store, r["id"], m["id"])
                if subjects and not voting.has_voted(store, r["id"], m["id"]):
                    voting.cast_ballot(store, r["id"], m["id"], {s["candidate_id"]: "approve" for s in subjects})
                    return True
        return False
    finally:
        store.close()


def measure(label: str, path: Path, projector: ModuleType, tabs: int, ticks: int) -> dict:
    os.environ["HOI_NGHI_DB"] = str(path)  # the page's get_store() reads it
    projector.st.cache_data.clear()
    store = projector.get_store()
    counter = ReadCounter()
    store._conn().set_trace_callback(counter)
    key = str(path)
    lang = "vi"

    def raw_tick() -> object:
        return projector._snapshot.__wrapped__(key, projector._version.__wrapped__(key), lang)

    def cached_tick() -> object:
        return projector._snapshot(key, projector._version(key), lang)

    counter.count = 0
    raw_tick()
    raw_statements = counter.count
    counter.count = 0
    projector._version.__wrapped__(key)
    version_statements = counter.count
    uncached = median_ms(raw_tick, 15)
    version_ms = median_ms(lambda: projector._version.__wrapped__(key), 200)
    cached_tick()
    cached = median_ms(cached_tick, 500)

    # Many tabs, spread over each 3 s period, through the real cache with its real TTLs.
    projector.st.cache_data.clear()
    per_tick = []
    started = time.monotonic()
    for tick in range(ticks):
        counter.count = 0
        computed = 0
        for tab in range(tabs):
            due = started + tick * TICK_S + tab * TICK_S / tabs
            time.sleep(max(0.0, due - time.monotonic()))
            if tick == ticks // 2 and tab == tabs // 2:
                store._conn().set_trace_callback(None)  # the other session's write is not the projector's cost
                cast_one_ballot(path)
                store._conn().set_trace_callback(counter)
            before = counter.count
            cached_tick()
            computed += counter.count - before > version_statements
        per_tick.append((counter.count, computed))
    store._conn().set_trace_callback(None)
    forget_store(path)
    projector.st.cache_resource.clear()
    return {
        "label": label,
        "uncached_ms": uncached,
        "version_ms": version_ms,
        "cached_ms": cached,
        "raw_statements": raw_statements,
        "version_statements": version_statements,
        "per_tick": per_tick,
        "tabs": tabs,
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--members", type=int, default=50)
    parser.add_argument("--candidates", type=int, default=10)
    parser.add_argument("--tabs", type=int, default=50)
    parser.add_argument("--ticks", type=int, default=3)
    args = parser.parse_args()
    logging.getLogger("streamlit").setLevel(logging.ERROR)

    with tempfile.TemporaryDirectory() as tmp:
        demo_path = Path(tmp) / "demo.db"
        store = Store(demo_path)
        demo.load_demo(store)
        store.close()
        os.environ["HOI_NGHI_DB"] = str(demo_path)
        for name in ("streamlit", "streamlit.runtime", "streamlit.runtime.scriptrunner_utils.script_run_context"):
            logging.getLogger(name).setLevel(logging.ERROR)
        import pages.projector as projector  # runs the page once in bare mode, on the demo copy

        big = Path(tmp) / "synthetic.db"
        build_synthetic(big, args.members, args.candidates)
        big_open = Path(tmp) / "synthetic-open.db"
        big_open.write_bytes(big.read_bytes())
        reveal_all(big)
        scenarios = [
            ("demo, round 1 open (progress)", demo_path),
            (f"synthetic {args.members} members x {args.candidates} candidates, open (progress)", big_open),
            (f"synthetic {args.members} members x {args.candidates} candidates, revealed (ranking)", big),
        ]
        results = [measure(label, path, projector, args.tabs, args.ticks) for label, path in scenarios]

    print(
        f"Projector tick ({args.tabs} tabs, one tick every {TICK_S:g} s each, {args.ticks} periods, one ballot mid-way)"
    )
    for r in results:
        statements = [s for s, _ in r["per_tick"]]
        computed = [c for _, c in r["per_tick"]]
        print(f"\n{r['label']}")
        print(f"  uncached tick (version + snapshot): {r['uncached_ms']:7.2f} ms, {r['raw_statements']} reads")
        print(f"  version check alone:               {r['version_ms']:7.3f} ms, {r['version_statements']} read")
        print(f"  cached tick (cache hot):           {r['cached_ms']:7.3f} ms, 0 reads")
        print(
            f"  {r['tabs']} tabs: reads per {TICK_S:g} s period {statements} "
            f"(snapshots recomputed {computed}); without the cache: {r['tabs'] * r['raw_statements']} per period"
        )


if __name__ == "__main__":
    main()
