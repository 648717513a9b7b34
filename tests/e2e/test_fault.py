"""A crash mid-round loses nothing that was submitted.

1. The real server, four members in Chromium: Bình submits his sheet and casts
   his ballot; Khải clicks "Xác nhận bỏ phiếu" as the server is `kill -9`ed;
   Đức has three candidates saved as drafts and one more value on its way;
   Lan has drafts and is typing in a box. After a restart on the same file:
   every submitted score and ballot is exactly what was entered, Khải's ballot
   counted whole or not at all, the drafts are back on the reloaded pages, and
   `python -m scoring check` passes.
2. A process writing through the core is SIGKILLed, at random moments and
   deterministically inside a write transaction (after the receipt and the
   tally increments, before COMMIT): the database stays consistent, no half
   ballot, and the work resumes and completes with exact totals.

The second part runs this file as a script (`writer` below) in a child process.
"""

from __future__ import annotations

import os
import queue
import random
import signal
import subprocess
import sys
import threading
import time
from pathlib import Path

import pytest
from playwright.sync_api import TimeoutError as PlaywrightTimeout

ROOT = Path(__file__).resolve().parents[2]
if __name__ == "__main__":  # run as the child writer: make the repository importable
    sys.path.insert(0, str(ROOT))

from scoring import synthetic, voting  # noqa: E402
from scoring.check import check  # noqa: E402
from scoring.db import Store  # noqa: E402

ROUND1 = 1
SCORE_BOXES = '[data-testid="stTextInput"] input'
CHOICES = ["approve", "reject", "abstain"]
LABELS = {"approve": "Đồng ý", "reject": "Không đồng ý", "abstain": "Không có ý kiến"}
# code, name, what they do before the crash
BINH = ("uyvien02", "Võ Thanh Bình")  # whole sheet and ballot, confirmed
KHAI = ("uyvien08", "Trương Công Khải")  # ballot clicked as the server dies
DUC = ("uyvien01", "Lê Văn Đức")  # 15 boxes saved, a 16th on its way
LAN = ("uyvien05", "Bùi Thị Lan")  # 7 boxes saved, typing in the 8th
DUC_SAVED, LAN_SAVED = 15, 7


def points_for(member: int, field: int) -> float:
    """Box `field` of member `member`: 5 to 9 by 0.5 (every maximum in the demo is at least 15)."""
    return 5 + ((member * 3 + field) % 9) * 0.5


def choice_for(member: int, subject: int) -> str:
    return CHOICES[(member + subject) % 3]


def run_check(db_path: Path) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "-m", "scoring", "--db", str(db_path), "check"],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=60,
    )


# --- 1. the real server, kill -9 mid-round ---------------------------------------------


def fill_boxes(page, member: int, start: int, stop: int) -> None:
    """Type each value into its own box (fill focuses that box, so a rerun
    re-rendering the page cannot send a keystroke elsewhere) and Tab out."""
    boxes = page.locator(SCORE_BOXES)
    for field in range(start, stop):
        boxes.nth(field).fill(f"{points_for(member, field):g}".replace(".", ","))  # a decimal comma
        boxes.nth(field).press("Tab")


def shown_values(page, count: int) -> list[float | None]:
    boxes = page.locator(SCORE_BOXES)
    return [float(v.replace(",", ".")) if (v := boxes.nth(f).input_value()) else None for f in range(count)]


def stored_values(store: Store, member_id: int) -> list[float | None]:
    """The member's sheet as saved, box by box in page order."""
    return [i.points.get(c["id"]) for i in voting.sheet(store, ROUND1, member_id) for c in i.criteria]


def submit_sheet(page) -> None:
    from tests.e2e.conftest import no_exception, wait_for_text

    wait_for_text(page, "Đã điền đủ mọi ô")
    page.get_by_role("button", name="Nộp phiếu chấm điểm").click()
    wait_for_text(page, "Xác nhận nộp phiếu chấm điểm")
    page.get_by_role("button", name="Xác nhận nộp").click()
    wait_for_text(page, "Bạn đã nộp phiếu chấm điểm")
    no_exception(page)


def choose_ballot(page, store: Store, member: int, member_id: int) -> dict[tuple[int, str], int]:
    """Pick every choice and open the confirmation; returns the increments this ballot will make."""
    from tests.e2e.conftest import wait_for_text, wait_idle

    subjects = voting.ballot_subjects(store, ROUND1, member_id)
    radios = page.locator('[data-testid="stRadio"]')
    radios.first.wait_for(timeout=30_000)
    wait_idle(page)
    assert radios.count() == len(subjects)
    increments = {}
    for k, subject in enumerate(subjects):
        choice = choice_for(member, k)
        increments[(subject["candidate_id"], choice)] = 1
        radios.nth(k).get_by_text(LABELS[choice], exact=True).click()
    wait_idle(page)
    page.get_by_role("button", name="Bỏ phiếu", exact=True).click()
    wait_for_text(page, "Xác nhận bỏ phiếu")
    return increments


def add(total: dict, increments: dict) -> None:
    for key, n in increments.items():
        total[key] = total.get(key, 0) + n


def test_kill_9_mid_round_loses_nothing_submitted(server, browser):
    from tests.e2e.conftest import login, no_exception, open_page, token_of, wait_for_text, wait_idle

    started = time.monotonic()
    store = Store(server.db_path)
    people = [BINH, KHAI, DUC, LAN]
    ids = [store.scalar("SELECT id FROM members WHERE full_name = ?", (name,)) for _, name in people]
    binh, khai, duc, lan = range(4)
    fields = [len(stored_values(store, m)) for m in ids]
    assert fields == [45, 45, 60, 55]
    before = {(r["candidate_id"], r["choice"]): r["count"] for r in voting.tallies(store, ROUND1)}
    assert not any(before.values())

    contexts = [browser.new_context(viewport={"width": 1400, "height": 900}, locale="vi-VN") for _ in people]
    try:
        pages = [ctx.new_page() for ctx in contexts]
        for page, (code, _) in zip(pages, people, strict=True):
            login(page, server.url, code)
        tokens = [token_of(p) for p in pages]
        for page, token in zip(pages, tokens, strict=True):
            open_page(page, f"{server.url}/scoring_sheet?s={token}")
            page.locator(SCORE_BOXES).first.wait_for(timeout=30_000)

        # Everyone types at once, one candidate (5 boxes) per member in turn.
        targets = [fields[binh], 0, DUC_SAVED, LAN_SAVED]
        for start in range(0, max(targets), 5):
            for m, page in enumerate(pages):
                fill_boxes(page, m, start, min(start + 5, targets[m]))
        for page in pages:
            wait_idle(page)
        submit_sheet(pages[binh])

        expected_tallies: dict[tuple[int, str], int] = {}
        open_page(pages[binh], f"{server.url}/ballot?s={tokens[binh]}")
        add(expected_tallies, choose_ballot(pages[binh], store, binh, ids[binh]))
        pages[binh].get_by_role("button", name="Xác nhận bỏ phiếu").click()
        wait_for_text(pages[binh], "Đã bỏ phiếu")
        open_page(pages[khai], f"{server.url}/ballot?s={tokens[khai]}")
        khai_ballot = choose_ballot(pages[khai], store, khai, ids[khai])
        assert stored_values(store, ids[duc])[:DUC_SAVED] == [points_for(duc, f) for f in range(DUC_SAVED)]
        assert stored_values(store, ids[lan])[:LAN_SAVED] == [points_for(lan, f) for f in range(LAN_SAVED)]

        # In flight at the crash: Lan typing (not committed), Đức's next box, Khải's ballot.
        lan_box = pages[lan].locator(SCORE_BOXES).nth(LAN_SAVED)
        lan_box.click()
        lan_box.press_sequentially("1")
        in_flight = pages[duc].locator(SCORE_BOXES).nth(DUC_SAVED)
        in_flight.fill(f"{points_for(duc, DUC_SAVED):g}")
        in_flight.press("Tab")
        pages[khai].get_by_role("button", name="Xác nhận bỏ phiếu").click()
        server.kill(hard=True)
        assert server.proc.returncode == -signal.SIGKILL
        print(f"\nkilled -9 after {time.monotonic() - started:.1f} s")

        addresses = [p.url for p in pages]
        server.start()
        # The open tabs reconnect by themselves, then each member reloads: everyone signed in on
        # their own page. (Fresh-server sessions used to be moved to the home page, or run their
        # page file alone in Streamlit's pages/-directory mode; tests/e2e/test_fresh_server.py.)
        glitches = []
        for m, (page, address) in enumerate(zip(pages, addresses, strict=True)):
            page.reload()
            page.wait_for_selector('[data-testid="stApp"]', timeout=30_000)
            wait_idle(page)
            no_exception(page)
            signed_in = page.get_by_text(f"Đang đăng nhập: {people[m][1]}", exact=False).first
            try:
                signed_in.wait_for(timeout=10_000)
            except PlaywrightTimeout:
                glitches.append(f"{people[m][1]}: not signed in at {page.url.split('?')[0]}")
            else:
                if page.url != address:
                    glitches.append(f"{people[m][1]}: moved to {page.url.split('?')[0]}")
        assert not glitches, glitches

        # Submitted sheets: read-only, every box as typed, on the page and in the file.
        fresh = Store(server.db_path)
        assert voting.is_submitted(fresh, ROUND1, ids[binh])
        entered = [points_for(binh, f) for f in range(fields[binh])]
        assert stored_values(fresh, ids[binh]) == entered
        open_page(pages[binh], f"{server.url}/scoring_sheet?s={tokens[binh]}")
        wait_for_text(pages[binh], "Bạn đã nộp phiếu chấm điểm")
        settle = time.monotonic() + 10  # the boxes fill as the run's deltas arrive
        while shown_values(pages[binh], fields[binh]) != entered and time.monotonic() < settle:
            pages[binh].wait_for_timeout(500)
        assert shown_values(pages[binh], fields[binh]) == entered
        totals = []
        for item in voting.sheet(fresh, ROUND1, ids[binh]):
            typed = {c["id"]: points_for(binh, len(totals) * 5 + k) for k, c in enumerate(item.criteria)}
            totals.append(f"Tổng điểm: {voting.format_points(voting.weighted_total(item.criteria, typed), 1)}/100")
        assert pages[binh].get_by_text("Tổng điểm:").all_inner_texts() == totals
        assert not voting.is_submitted(fresh, ROUND1, ids[khai])
        assert not any(stored_values(fresh, ids[khai]))

        # Drafts: what was saved is back on the reloaded page; the rest is empty.
        for m, saved, maybe in ((duc, DUC_SAVED, points_for(duc, DUC_SAVED)), (lan, LAN_SAVED, 1.0)):
            on_file = stored_values(fresh, ids[m])
            assert on_file[:saved] == [points_for(m, f) for f in range(saved)]
            assert on_file[saved] in (None, maybe)  # in flight: saved whole or not at all
            assert not any(on_file[saved + 1 :])
            assert not voting.is_submitted(fresh, ROUND1, ids[m])
            pages[m].locator(SCORE_BOXES).first.wait_for(timeout=30_000)
            assert shown_values(pages[m], fields[m]) == on_file
            print(f"{people[m][1]}: {sum(v is not None for v in on_file)} boxes back after the restart")

        # Ballots: Bình's counted; Khải's counted whole or not at all, never in part.
        khai_voted = voting.has_voted(fresh, ROUND1, ids[khai])
        print(f"Khải's ballot in flight: {'counted' if khai_voted else 'not received'}")
        if khai_voted:
            add(expected_tallies, khai_ballot)
        counts = {(r["candidate_id"], r["choice"]): r["count"] for r in voting.tallies(fresh, ROUND1)}
        assert {k: v for k, v in counts.items() if v} == expected_tallies
        assert fresh.scalar("SELECT COUNT(*) FROM ballot_receipts WHERE round_id = ?", (ROUND1,)) == 1 + khai_voted
        open_page(pages[binh], f"{server.url}/ballot?s={tokens[binh]}")
        wait_for_text(pages[binh], "Đã bỏ phiếu")
        open_page(pages[khai], f"{server.url}/ballot?s={tokens[khai]}")
        if khai_voted:
            wait_for_text(pages[khai], "Đã bỏ phiếu")
        else:  # the ballot form again, empty: he votes once more and it counts once
            add(expected_tallies, choose_ballot(pages[khai], fresh, khai, ids[khai]))
            pages[khai].get_by_role("button", name="Xác nhận bỏ phiếu").click()
            wait_for_text(pages[khai], "Đã bỏ phiếu")
            counts = {(r["candidate_id"], r["choice"]): r["count"] for r in voting.tallies(fresh, ROUND1)}
            assert {k: v for k, v in counts.items() if v} == expected_tallies
        fresh.close()
    finally:
        for ctx in contexts:
            ctx.close()
        store.close()

    result = run_check(server.db_path)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "Cơ sở dữ liệu toàn vẹn." in result.stdout
    elapsed = time.monotonic() - started
    print(f"fault test took {elapsed:.1f} s")  # a figure for the CI budget, not a pass condition


# --- 2. kill -9 of a process writing through the core ---------------------------------


MEMBERS, CANDIDATES, CRITERIA = 30, 8, 5


def member_choice(index: int, candidate: int) -> str:
    return "reject" if (index + candidate) % 4 == 0 else "approve"


def writer(db_path: str, hang_in: str = "") -> None:
    """The child: every member of the synthetic round saves a draft per candidate,
    submits and votes, skipping what a previous (killed) run finished. With
    `hang_in` = an audit action, it stops for good inside that write
    transaction, after all its rows are written and before COMMIT."""
    store = Store(db_path)
    if hang_in:
        from scoring import audit

        original = audit.log

        def log_then_hang(db, actor, action, *args, **kwargs):
            original(db, actor, action, *args, **kwargs)
            if action == hang_in:
                print("IN_TX", flush=True)
                time.sleep(120)

        audit.log = log_then_hang
    round_id = store.scalar("SELECT id FROM rounds")
    member_ids = [r["id"] for r in store.query("SELECT id FROM members ORDER BY id")]
    candidate_ids = [r["candidate_id"] for r in store.query("SELECT candidate_id FROM round_candidates ORDER BY 1")]
    print("READY", flush=True)
    for index, member_id in enumerate(member_ids):
        if not voting.is_submitted(store, round_id, member_id):
            for c_index, item in enumerate(voting.sheet(store, round_id, member_id)):
                points = {c["id"]: float((index + c_index + k) % 20) for k, c in enumerate(item.criteria)}
                voting.save_draft(store, round_id, member_id, item.candidate["id"], points)
            voting.submit_scores(store, round_id, member_id)
        if not voting.has_voted(store, round_id, member_id):
            choices = {cid: member_choice(index, j) for j, cid in enumerate(candidate_ids)}
            voting.cast_ballot(store, round_id, member_id, choices)
        print(f"DONE {member_id}", flush=True)
    print("FINISHED", flush=True)


class Writer:
    """The child process, its output read by a thread so that every wait is bounded."""

    def __init__(self, db_path: Path, hang_in: str = "") -> None:
        self.proc = subprocess.Popen(
            [sys.executable, str(Path(__file__).resolve()), "writer", str(db_path), hang_in],
            cwd=ROOT,
            stdout=subprocess.PIPE,
            text=True,
        )
        self.lines: queue.Queue[str] = queue.Queue()
        threading.Thread(target=self._read, daemon=True).start()

    def _read(self) -> None:
        assert self.proc.stdout is not None
        for line in self.proc.stdout:
            self.lines.put(line.strip())

    def wait_for(self, wanted: str, timeout: float) -> None:
        deadline = time.monotonic() + timeout
        while (left := deadline - time.monotonic()) > 0:
            try:
                if self.lines.get(timeout=left).startswith(wanted):
                    return
            except queue.Empty:
                break
        self.proc.kill()
        pytest.fail(f"the writer did not print {wanted!r} within {timeout} s (exit {self.proc.wait()})")

    def sigkill(self) -> None:
        os.kill(self.proc.pid, signal.SIGKILL)
        assert self.proc.wait(timeout=10) == -signal.SIGKILL


def assert_consistent(db_path: Path, round_id: int) -> tuple[int, int]:
    """The file after a crash: check passes, every ballot whole. Returns (submitted, voted)."""
    store = Store(db_path)
    try:
        report = check(store)
        assert report.ok, report.problems
        voted = store.scalar("SELECT COUNT(*) FROM ballot_receipts WHERE round_id = ?", (round_id,))
        increments = store.scalar("SELECT SUM(count) FROM ballot_tallies WHERE round_id = ?", (round_id,))
        assert increments == voted * CANDIDATES  # nobody is recused in the synthetic round
        submitted = store.scalar("SELECT COUNT(*) FROM score_submissions WHERE round_id = ?", (round_id,))
        return submitted, voted
    finally:
        store.close()


def test_kill_9_of_a_writer_leaves_no_half_ballot(tmp_path):
    db_path = tmp_path / "writer.db"
    store = Store(db_path)
    built = synthetic.build(store, MEMBERS, CANDIDATES, CRITERIA)
    store.close()
    started = time.monotonic()

    # Deterministic: killed inside the transaction, after its rows, before COMMIT. The first
    # child submits member 1's sheet and dies casting his ballot; the second casts it, then
    # dies submitting member 2's sheet (her drafts, saved in their own transactions, stay).
    for action, expected in (("ballot.cast", (1, 0)), ("score.submit", (1, 1))):
        writer_proc = Writer(db_path, hang_in=action)
        writer_proc.wait_for("IN_TX", timeout=60)
        writer_proc.sigkill()
        assert assert_consistent(db_path, built.round_id) == expected
    store = Store(db_path)
    drafts = store.scalar("SELECT COUNT(*) FROM scores WHERE member_id = ?", (built.member_ids[1],))
    store.close()
    assert drafts == CANDIDATES * CRITERIA
    print("\nkilled inside a ballot, then inside a submission: no receipt, no tally, no submission row survived")

    # At random moments, five times: a few members into each run, plus 0-15 ms, wherever the
    # child is then (most of its time is spent inside write transactions). Each crash leaves
    # a consistent file and the next run resumes where the last one stopped.
    rng = random.Random(20250415)
    history = []
    for _ in range(5):
        writer_proc = Writer(db_path)
        for _ in range(rng.randint(2, 6)):
            writer_proc.wait_for("DONE", timeout=60)
        time.sleep(rng.uniform(0, 0.015))
        writer_proc.sigkill()
        history.append(assert_consistent(db_path, built.round_id))
    print("after each random kill (submitted, voted):", history)
    assert history[-1][0] < MEMBERS, "the writer finished before any kill: raise MEMBERS"

    writer_proc = Writer(db_path)
    writer_proc.wait_for("FINISHED", timeout=120)
    assert writer_proc.proc.wait(timeout=30) == 0
    assert assert_consistent(db_path, built.round_id) == (MEMBERS, MEMBERS)

    # Exact totals: every member counted once, whatever the crashes.
    store = Store(db_path)
    try:
        counts = {(r["candidate_id"], r["choice"]): r["count"] for r in voting.tallies(store, built.round_id)}
        for j, cid in enumerate(built.candidate_ids):
            rejects = sum(1 for i in range(MEMBERS) if member_choice(i, j) == "reject")
            assert counts[(cid, "reject")] == rejects
            assert counts[(cid, "approve")] == MEMBERS - rejects
        for index, member_id in enumerate(built.member_ids):
            for c_index, item in enumerate(voting.sheet(store, built.round_id, member_id)):
                assert item.points == {c["id"]: float((index + c_index + k) % 20) for k, c in enumerate(item.criteria)}
    finally:
        store.close()
    print(f"took {time.monotonic() - started:.1f}s")  # for the CI budget; speed is for benchmarks/


if __name__ == "__main__" and len(sys.argv) >= 3 and sys.argv[1] == "writer":
    writer(sys.argv[2], sys.argv[3] if len(sys.argv) > 3 else "")
