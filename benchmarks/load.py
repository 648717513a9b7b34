"""The real server under a room of members: N Chromium sessions sign in, fill their
sheets, submit and vote at the same moment while projector tabs refresh.

    python3 benchmarks/load.py [--members 12] [--candidates 5] [--criteria 5] [--projectors 1]
                               [--idle-tabs 10] [--deadline 600]

A synthetic conference (N voting members with access codes, nobody recused,
one open round) in a temporary file; `streamlit run app.py` on a free
localhost port (the e2e tests' Server). Each member, in their own browser
context: log in with their code, open the scoring sheet, type every box (each
value saved as a draft on the server; the next box once the page is idle, or
without waiting with `--fast-typing`), ask to submit, then all click
"Xác nhận nộp" together; then the ballot, and all click "Xác nhận bỏ phiếu"
together. Prints:

- submit and ballot latency, p50/p95, from the click to the confirmation text;
- how many typed boxes were empty again, and ballot choices unselected, once
  the page settled (then typed or clicked again, as a member would);
- how long after the last ballot the projector shows "Đã bỏ phiếu: N/N";
- the server's RSS (VmRSS) once warm, with the N sessions open, and at the end:
  memory per open session = ΔRSS / N;
- server CPU for each phase, and with `--idle-tabs` projector tabs left open
  for 15 s: server CPU per projector tick.

`--post-script-gc true|false` overrides `runner.postScriptGC` (the app's
config sets it false): with true, Streamlit runs a full `gc.collect(2)` after
every script run, fragment reruns included, which py-spy showed to be about
80% of the server's CPU for an idle projector tab (pandas and plotly make a
full collection slow).

Bounded: every wait has a timeout, the whole run a deadline; the server and
the browser are stopped in `finally`.
"""

from __future__ import annotations

import argparse
import asyncio
import contextlib
import os
import statistics
import sys
import tempfile
import time
from pathlib import Path
from typing import TYPE_CHECKING
from urllib.parse import parse_qs, urlparse

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from scoring import auth, synthetic  # noqa: E402
from scoring.check import check  # noqa: E402
from scoring.db import Store  # noqa: E402
from tests.e2e.conftest import CHROMIUM, CHROMIUM_ARGS, IDLE, Server  # noqa: E402

if TYPE_CHECKING:
    from playwright.async_api import Browser, Page

WAIT_MS = 120_000  # any single wait in the browser
TICK_S = 3.0  # the projector fragment's run_every
CLOCK_TICKS = os.sysconf("SC_CLK_TCK")


def rss_mb(pid: int) -> float:
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1]) / 1024
    raise RuntimeError("no VmRSS")


def cpu_s(pid: int) -> float:
    """User + system CPU seconds the process has used."""
    fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / CLOCK_TICKS


def pct(values: list[float], q: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(q * (len(ordered) - 1)))]


def load_average() -> str:
    return " ".join(Path("/proc/loadavg").read_text().split()[:3])


async def wait_idle(page: Page) -> None:
    await page.wait_for_timeout(300)
    await page.wait_for_selector(IDLE, timeout=WAIT_MS)


async def open_page(page: Page, url: str) -> None:
    await page.goto(url, timeout=WAIT_MS)
    await page.wait_for_selector('[data-testid="stApp"]', timeout=WAIT_MS)
    await wait_idle(page)


async def text(page: Page, wanted: str) -> None:
    await page.get_by_text(wanted, exact=False).first.wait_for(timeout=WAIT_MS)


class Room:
    """What the members share: two moments when they all click together, and the figures."""

    def __init__(self, members: int, fast_typing: bool) -> None:
        self.fast_typing = fast_typing
        self.open_sheets = asyncio.Barrier(members + 1)  # + the conductor, who reads RSS then
        self.submit = asyncio.Barrier(members)
        self.vote = asyncio.Barrier(members)
        self.logins: list[float] = []
        self.boxes: list[float] = []
        self.typed = 0
        self.lost = 0  # boxes typed once that were empty again after the page settled
        self.clicked = 0
        self.dropped = 0  # ballot choices clicked once that were unselected after the page settled
        self.submits: list[float] = []
        self.ballots: list[float] = []
        self.last_ballot_click = 0.0
        self.last_ballot_seen = 0.0


async def member(browser: Browser, url: str, code: str, room: Room, shots: Path) -> None:
    context = await browser.new_context(viewport={"width": 1400, "height": 900}, locale="vi-VN")
    page = await context.new_page()
    try:
        await act(page, url, code, room)
    except Exception as exc:
        shot = shots / f"{code}.png"
        with contextlib.suppress(Exception):
            await page.screenshot(path=str(shot))
        print(f"member {code} failed at {page.url} ({str(exc).splitlines()[0]}), screenshot {shot}")
        for barrier in (room.open_sheets, room.submit, room.vote):
            await barrier.abort()  # nobody waits for a member who will not come
        raise


async def act(page: Page, url: str, code: str, room: Room) -> None:
    started = time.monotonic()
    await open_page(page, f"{url}/login")
    await page.get_by_label("Mã truy cập").fill(code)
    await page.get_by_role("button", name="Đăng nhập").click()
    await page.wait_for_selector("text=Đang đăng nhập", timeout=WAIT_MS)
    room.logins.append(time.monotonic() - started)
    token = parse_qs(urlparse(page.url).query)["s"][0]

    await open_page(page, f"{url}/scoring_sheet?s={token}")
    boxes = page.locator('[data-testid="stTextInput"] input')  # the score boxes
    await boxes.first.wait_for(timeout=WAIT_MS)
    await wait_idle(page)
    await room.open_sheets.wait()

    started = time.monotonic()
    count = await boxes.count()
    todo = list(range(count))
    for attempt in range(4):  # a member retypes what the page lost, as a person would
        for k in todo:
            await boxes.nth(k).fill(str(5 + k % 6))
            await boxes.nth(k).press("Tab")
            if not room.fast_typing:  # the next box once the page has saved this one
                await page.wait_for_timeout(100)
                await page.wait_for_selector(IDLE, timeout=WAIT_MS)
        await wait_idle(page)
        await asyncio.sleep(1)
        await wait_idle(page)
        todo = [k for k in range(count) if not await boxes.nth(k).input_value()]
        if attempt == 0:
            room.typed += count
            room.lost += len(todo)
        if not todo:
            break
    await text(page, "Đã điền đủ mọi ô")
    room.boxes.append((time.monotonic() - started) / count)
    await page.get_by_role("button", name="Nộp phiếu chấm điểm").click()
    await text(page, "Xác nhận nộp phiếu chấm điểm")
    await wait_idle(page)
    await room.submit.wait()
    started = time.monotonic()
    await page.get_by_role("button", name="Xác nhận nộp").click()
    await text(page, "Bạn đã nộp phiếu chấm điểm")
    room.submits.append(time.monotonic() - started)

    await open_page(page, f"{url}/ballot?s={token}")
    radios = page.locator('[data-testid="stRadio"]')
    await radios.first.wait_for(timeout=WAIT_MS)
    await wait_idle(page)
    subjects = await radios.count()
    todo = list(range(subjects))
    for attempt in range(4):  # a choice clicked during a rerun can be dropped: click it again
        for k in todo:
            await radios.nth(k).get_by_text("Đồng ý", exact=True).click()
            if not room.fast_typing:
                await page.wait_for_timeout(100)
                await page.wait_for_selector(IDLE, timeout=WAIT_MS)
        await wait_idle(page)
        await asyncio.sleep(1)
        await wait_idle(page)
        todo = [k for k in range(subjects) if not await radios.nth(k).get_by_role("radio").first.is_checked()]
        if attempt == 0:
            room.clicked += subjects
            room.dropped += len(todo)
        if not todo:
            break
    await page.get_by_role("button", name="Bỏ phiếu", exact=True).click()
    await text(page, "Xác nhận bỏ phiếu")
    await wait_idle(page)
    await room.vote.wait()
    started = time.monotonic()
    room.last_ballot_click = max(room.last_ballot_click, started)
    await page.get_by_role("button", name="Xác nhận bỏ phiếu").click()
    await text(page, "Đã bỏ phiếu.")
    seen = time.monotonic()
    room.ballots.append(seen - started)
    room.last_ballot_seen = max(room.last_ballot_seen, seen)
    # The tab stays open (a member's laptop on the ballot page) until the run ends.


async def run(args: argparse.Namespace, server: Server, codes: list[str]) -> None:
    from playwright.async_api import async_playwright

    pid = server.proc.pid
    n = len(codes)
    async with async_playwright() as p:
        browser = await p.chromium.launch(executable_path=CHROMIUM, headless=True, args=CHROMIUM_ARGS)
        try:
            # Warm: the first session imports pandas, plotly…; the projector and a login page once.
            projectors = []
            for _ in range(args.projectors):
                page = await (await browser.new_context(viewport={"width": 1920, "height": 1080})).new_page()
                await open_page(page, f"{server.url}/projector")
                projectors.append(page)
            warm = await browser.new_context()
            await open_page(await warm.new_page(), f"{server.url}/login")
            await warm.close()
            await asyncio.sleep(2)
            rss_warm, cpu0 = rss_mb(pid), cpu_s(pid)
            print(f"server warm, {args.projectors} projector tab(s) open: RSS {rss_warm:.0f} MB")

            all_in = f"Đã bỏ phiếu: {n}/{n}"
            projector_seen = asyncio.ensure_future(
                projectors[0].wait_for_selector(f"text={all_in}", timeout=args.deadline * 1000)
            )
            room = Room(n, args.fast_typing)
            members = asyncio.gather(*(member(browser, server.url, code, room, args.shots) for code in codes))
            started = time.monotonic()
            await asyncio.wait_for(room.open_sheets.wait(), timeout=args.deadline)
            rss_open, cpu1 = rss_mb(pid), cpu_s(pid)
            print(
                f"{n} members signed in, sheets open after {time.monotonic() - started:.1f} s: RSS {rss_open:.0f} MB "
                f"(+{rss_open - rss_warm:.0f} MB, {(rss_open - rss_warm) / n:.1f} MB per session)"
            )
            await asyncio.wait_for(members, timeout=args.deadline)
            await asyncio.wait_for(projector_seen, timeout=args.deadline)
            projector_at = time.monotonic()
            rss_done, cpu2 = rss_mb(pid), cpu_s(pid)
            wall = time.monotonic() - started

            def line(name: str, values: list[float]) -> str:
                p50, p95 = statistics.median(values) * 1000, pct(values, 0.95) * 1000
                return f"  {name:<34} p50 {p50:7.0f} ms   p95 {p95:7.0f} ms"

            print(f"\n{n} members, {wall:.1f} s from the first login to the last ballot on the projector")
            print(line("log in (page open to signed in)", room.logins))
            print(
                line("one box typed and saved (mean)", room.boxes) + ("" if args.fast_typing else " (+100 ms settle)")
            )
            print(f"  boxes empty again after typing once: {room.lost} of {room.typed} (retyped)")
            print(f"  ballot choices dropped after one click: {room.dropped} of {room.clicked} (clicked again)")
            print(line("submit sheet (click to confirmed)", room.submits))
            print(line("cast ballot (click to confirmed)", room.ballots))
            print(
                f"  projector showed '{all_in}' {projector_at - room.last_ballot_click:.2f} s after the last "
                f"ballot click ({projector_at - room.last_ballot_seen:.2f} s after its confirmation; "
                f"the fragment ticks every {TICK_S:g} s)"
            )
            print(
                f"  server RSS: warm {rss_warm:.0f} MB, {n} sessions open {rss_open:.0f} MB, after voting "
                f"{rss_done:.0f} MB -> {(rss_done - rss_warm) / n:.1f} MB per member session"
            )
            print(f"  server CPU: sign-in {cpu1 - cpu0:.1f} s, scoring and voting {cpu2 - cpu1:.1f} s (2 cores)")

            # Projector ticks alone: extra tabs, nothing else happening.
            for _ in range(args.idle_tabs - args.projectors):
                page = await (await browser.new_context(viewport={"width": 1920, "height": 1080})).new_page()
                await open_page(page, f"{server.url}/projector")
            await asyncio.sleep(2 * TICK_S)
            window = 15.0
            cpu_a = cpu_s(pid)
            await asyncio.sleep(window)
            used = cpu_s(pid) - cpu_a
            ticks = max(args.idle_tabs, args.projectors) * window / TICK_S
            print(
                f"  {max(args.idle_tabs, args.projectors)} projector tabs idle for {window:g} s: server CPU "
                f"{used:.2f} s = {used / window * 100:.0f}% of one core, {used / ticks * 1000:.1f} ms per tab tick; "
                f"RSS {rss_mb(pid):.0f} MB"
            )
        finally:
            await browser.close()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--members", type=int, default=12, help="browser sessions, one per member (at least 10)")
    parser.add_argument("--candidates", type=int, default=5)
    parser.add_argument("--criteria", type=int, default=5)
    parser.add_argument("--projectors", type=int, default=1, help="projector tabs open during the vote")
    parser.add_argument("--idle-tabs", type=int, default=10, help="projector tabs for the idle tick measurement")
    parser.add_argument("--deadline", type=float, default=600, help="seconds before the run gives up")
    parser.add_argument(
        "--fast-typing",
        action="store_true",
        help="type boxes and click choices without waiting for each rerun (shows values dropped by reruns)",
    )
    parser.add_argument(
        "--post-script-gc",
        choices=["true", "false"],
        help="override Streamlit's runner.postScriptGC for the server (default: .streamlit/config.toml, false)",
    )
    args = parser.parse_args()
    args.shots = Path(tempfile.mkdtemp(prefix="load-"))
    if args.post_script_gc:
        os.environ["STREAMLIT_RUNNER_POST_SCRIPT_GC"] = args.post_script_gc  # Server passes os.environ on
    gc_note = f"runner.postScriptGC={args.post_script_gc}" if args.post_script_gc else "as .streamlit/config.toml says"
    print(f"load average before: {load_average()} (2 cores); server gc after each run: {gc_note}")

    with tempfile.TemporaryDirectory() as tmp:
        db_path = Path(tmp) / "load.db"
        store = Store(db_path)
        built = synthetic.build(store, args.members, args.candidates, args.criteria)
        codes = auth.reset_codes(store, built.member_ids, synthetic.ACTOR)
        store.close()
        server = Server(db_path, Path(tmp) / "streamlit.log")
        server.start()
        try:
            asyncio.run(asyncio.wait_for(run(args, server, [codes[m] for m in built.member_ids]), args.deadline))
        finally:
            server.kill()
        store = Store(db_path)
        report = check(store)
        submitted = store.scalar("SELECT COUNT(*) FROM score_submissions")
        voted = store.scalar("SELECT COUNT(*) FROM ballot_receipts")
        store.close()
        print(f"  database: {submitted} sheets, {voted} ballots, check {'clean' if report.ok else report.problems}")
        print(f"load average after: {load_average()}")
        if not report.ok or submitted != args.members or voted != args.members:
            sys.exit(1)


if __name__ == "__main__":
    main()
