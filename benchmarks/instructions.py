"""Instructions per call of the full recomputation and of the bare group-by, counted by
valgrind (callgrind), so the two can be compared on a shared machine whose load moves
the timings of `aggregate.py` by ±20 %: an instruction count does not depend on the
neighbours. It is not a time (memory stalls and pandas' branchy code cost more per
instruction than numpy's loops), so it complements `aggregate.py` and does not replace it.

Each figure is (instructions of a run making 11 calls − those of a run making 1) / 10, with
the garbage collector off and one thread for BLAS, so set-up and imports cancel out.
Needs `valgrind` (Debian: apt-get install valgrind); takes a few minutes.

    python3 benchmarks/instructions.py [--method trimmed_mean] [--no-normalise]
"""

from __future__ import annotations

import argparse
import gc
import os
import re
import subprocess
import sys
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
sys.path.insert(0, str(Path(__file__).resolve().parent))

TARGETS = ("full", "member_totals", "compute_table", "bare")
ONE, MANY = 1, 11


def child(target: str, calls: int, method: str, normalise: bool) -> None:
    """Run inside valgrind: `calls` calls of one target after a warm-up."""
    import aggregate as bench

    from scoring import aggregate

    data = bench.make_data()
    totals = aggregate.member_totals(data["scores"], data["criteria"])
    options = dict(method=method, normalise=normalise, normalise_min_scores=5, disagreement_sd=10)
    size = dict(members_total=bench.MEMBERS, present=bench.MEMBERS)
    fn = {
        "full": lambda: bench.full_recomputation(data, method, normalise),
        "member_totals": lambda: aggregate.member_totals(data["scores"], data["criteria"]),
        "compute_table": lambda: aggregate.compute_table(
            data["candidates"], totals, data["tallies"], **options, **size
        ),
        "bare": lambda: bench.bare_groupby(data),
    }[target]
    for _ in range(3):
        fn()
    gc.collect()
    gc.disable()
    for _ in range(calls):
        fn()


def count(target: str, calls: int, method: str, normalise: bool) -> int:
    env = {**os.environ, "OPENBLAS_NUM_THREADS": "1", "OMP_NUM_THREADS": "1", "PYTHONHASHSEED": "0"}
    command = [
        "valgrind", "--tool=callgrind", "--cache-sim=no", "--callgrind-out-file=/dev/null",
        sys.executable, __file__, "--child", target, str(calls), "--method", method,
    ]  # fmt: skip
    if not normalise:
        command.append("--no-normalise")
    done = subprocess.run(command, env=env, capture_output=True, text=True, check=True)
    found = re.search(r"Collected : (\d+)", done.stderr)
    if not found:
        raise RuntimeError(f"valgrind printed no count:\n{done.stderr[-2000:]}")
    return int(found.group(1))


def per_call(target: str, method: str, normalise: bool) -> float:
    with ThreadPoolExecutor(2) as pool:  # the two runs side by side, one per core
        one, many = pool.map(lambda calls: count(target, calls, method, normalise), (ONE, MANY))
    return (many - one) / (MANY - ONE)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--method", default="trimmed_mean", choices=["mean", "median", "trimmed_mean"])
    parser.add_argument("--no-normalise", action="store_true")
    parser.add_argument("--child", nargs=2, metavar=("TARGET", "CALLS"), help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    normalise = not args.no_normalise
    if args.child:
        child(args.child[0], int(args.child[1]), args.method, normalise)
        return 0
    figures = {target: per_call(target, args.method, normalise) for target in TARGETS}
    print(f"method: {args.method}, normalise: {normalise}; instructions per call (callgrind)")
    for target, value in figures.items():
        print(f"{target:14s} {value / 1e6:7.2f} M")
    print(f"ratio full / bare: {figures['full'] / figures['bare']:.2f}×")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
