"""How long the page "Chỉ tiêu phong trào thi đua" (pages/indicators.py) takes, on the demo conference.

    python3 benchmarks/indicators_page.py [--runs 7] [--no-browser]

Server side (Streamlit's AppTest, the real app.py and page, no browser): the script's run time
for a guest and for the council secretary (who also gets the entry grid and the catalogue),
median of `--runs` runs, each run

- cold: the chart cache emptied first (the first visitor after a change of the data), and
- warm: a rerun with the same data and filters (every later visitor, every widget click).

Browser side (unless --no-browser, or without /usr/bin/chromium): `streamlit run app.py` on a free
port against a copy of the demo database, Debian's Chromium through Playwright; from `goto` to the
moment every plotly chart the page shows has drawn its SVG (and to the script being idle), median of
`--runs` page loads per role. The server is stopped (its own PID only) at the end.

Since the page is in lazy tabs (one per movement, units compared, summary), "every chart the page
shows" on opening is the first movement's 2 (gauges, trend), where it was all 14 before: the same
measure, goto to every chart in sight drawn, of what a visitor gets on opening. A tab then costs a
click: `switch` is from the click on a tab (a movement's, then the units comparison's) to its charts
drawn, median of `--runs` clicks of each.
"""

from __future__ import annotations

import argparse
import logging
import os
import socket
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from scoring import demo  # noqa: E402
from scoring.db import Store  # noqa: E402

PAGE = "pages/indicators.py"
CODES = {"guest": None, "secretary": "thuky2025"}
CHROMIUM = "/usr/bin/chromium"
PLOTLY = '[data-testid="stPlotlyChart"] .js-plotly-plot'
DRAWN_JS = (
    "() => Array.from(document.querySelectorAll('" + PLOTLY + "'))"
    ".filter(el => el.querySelector('svg.main-svg') && el.getBoundingClientRect().height > 50).length"
)
IDLE = '[data-testid="stApp"][data-test-script-state="notRunning"]'
SWITCH_TABS = ("Văn hóa công sở", "So sánh đơn vị")  # a movement's tab, the units comparison (demo data)


def build_demo(path: Path) -> Path:
    store = Store(path)
    demo.load_demo(store)
    store._conn().execute("PRAGMA wal_checkpoint(TRUNCATE)")
    store.close()
    return path


def median_s(samples: list[float]) -> str:
    return f"{statistics.median(samples):.2f} s (min {min(samples):.2f}, max {max(samples):.2f})"


def server_side(db_path: Path, runs: int) -> None:
    import streamlit as st

    from tests.apptest_helpers import run_app

    os.environ["HOI_NGHI_DB"] = str(db_path)
    os.chdir(ROOT)
    logging.getLogger("streamlit").setLevel(logging.ERROR)
    for role, code in CODES.items():
        at = run_app(db_path, code=code, page=PAGE, timeout=120)
        assert not at.exception, at.exception
        charts = len(at.get("plotly_chart"))
        cold, warm = [], []
        for _ in range(runs):
            st.cache_resource.clear()  # the charts (and the store, reopened at once)
            started = time.perf_counter()
            at.run()
            cold.append(time.perf_counter() - started)
            started = time.perf_counter()
            at.run()
            warm.append(time.perf_counter() - started)
            assert not at.exception, at.exception
        print(f"server  {role:<9} {charts} charts  cold {median_s(cold)}  warm {median_s(warm)}")


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def browser_side(db_path: Path, runs: int) -> None:
    from playwright.sync_api import sync_playwright

    from tests.e2e.conftest import CHROMIUM_ARGS, login, open_page, token_of

    port = free_port()
    url = f"http://127.0.0.1:{port}"
    log = open(db_path.with_suffix(".log"), "wb")  # noqa: SIM115 - owned by the process
    proc = subprocess.Popen(
        [
            *(sys.executable, "-m", "streamlit", "run", "app.py", "--server.port", str(port)),
            *("--server.address", "127.0.0.1", "--server.headless", "true", "--browser.gatherUsageStats", "false"),
        ],
        cwd=ROOT,
        env={**os.environ, "HOI_NGHI_DB": str(db_path)},
        stdout=log,
        stderr=subprocess.STDOUT,
    )
    try:
        deadline = time.time() + 60
        while True:
            try:
                with urllib.request.urlopen(url + "/_stcore/health", timeout=2):
                    break
            except OSError:
                if time.time() > deadline or proc.poll() is not None:
                    raise RuntimeError("streamlit did not start") from None
                time.sleep(0.3)
        with sync_playwright() as p:
            browser = p.chromium.launch(executable_path=CHROMIUM, headless=True, args=CHROMIUM_ARGS)
            page = browser.new_context(viewport={"width": 1400, "height": 900}, locale="vi-VN").new_page()
            open_page(page, url)  # the fresh server's first session (pages/_common reruns it through app.py)
            for role, code in CODES.items():
                target = f"{url}/indicators"
                if code:
                    login(page, url, code)
                    target += f"?s={token_of(page)}"
                page.goto(target)  # once unmeasured: the browser's cache holds the scripts, as for a returning user
                page.wait_for_selector(IDLE, timeout=60_000)
                expected = None
                drawn, idle = [], []
                for _ in range(runs):
                    started = time.perf_counter()
                    page.goto(target)
                    page.wait_for_selector('[data-testid="stPlotlyChart"]', timeout=60_000)
                    page.wait_for_selector(IDLE, timeout=60_000)
                    expected = expected or page.locator('[data-testid="stPlotlyChart"]').count()
                    page.wait_for_function(f"n => ({DRAWN_JS})() >= n", arg=expected, timeout=120_000, polling=50)
                    drawn.append(time.perf_counter() - started)
                    page.wait_for_selector(IDLE, timeout=60_000)
                    idle.append(time.perf_counter() - started)
                print(f"browser {role:<9} {expected} charts  drawn {median_s(drawn)}  idle {median_s(idle)}")
                for tab in SWITCH_TABS:
                    switched = []
                    for _ in range(runs):
                        page.goto(target)
                        page.wait_for_selector(IDLE, timeout=60_000)
                        page.wait_for_function(f"n => ({DRAWN_JS})() >= n", arg=expected, timeout=120_000)
                        started = time.perf_counter()
                        page.get_by_role("tab", name=tab, exact=True).click()
                        page.wait_for_selector(f'[role="tab"][aria-selected="true"]:has-text("{tab}")')
                        page.wait_for_timeout(50)  # the rerun starts
                        page.wait_for_selector(IDLE, timeout=60_000)
                        count = page.locator('[data-testid="stPlotlyChart"]').count()
                        page.wait_for_function(f"n => ({DRAWN_JS})() >= n", arg=count, timeout=120_000, polling=50)
                        switched.append(time.perf_counter() - started)
                    print(f"browser {role:<9} switch to '{tab}' ({count} charts) drawn {median_s(switched)}")
            browser.close()
    finally:
        proc.terminate()
        try:
            proc.wait(timeout=10)
        except subprocess.TimeoutExpired:
            proc.kill()
        log.close()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--runs", type=int, default=7)
    parser.add_argument("--no-browser", action="store_true")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        db_path = build_demo(Path(tmp) / "demo.db")
        server_side(db_path, args.runs)
        if not args.no_browser and Path(CHROMIUM).exists():
            browser_side(db_path, args.runs)


if __name__ == "__main__":
    main()
