"""Three council members, three browsers at once: they sign in, score their
sheets (one reloads halfway and finds the draft), submit, and cast their secret
ballots. Then the database holds exactly what they typed and chose."""

from __future__ import annotations

import time
from urllib.parse import parse_qs, urlparse

import pytest

from scoring import rounds, voting
from scoring.db import Store
from tests.e2e.conftest import login, no_exception, open_page, wait_idle

ROUND1 = "Vòng 1: Bình xét điển hình tiên tiến giai đoạn 2020-2025"
MEMBERS = [("uyvien01", "Lê Văn Đức"), ("uyvien02", "Võ Thanh Bình"), ("uyvien05", "Bùi Thị Lan")]
CHOICES = ["approve", "reject", "abstain"]
LABELS = {"approve": "Đồng ý", "reject": "Không đồng ý", "abstain": "Không có ý kiến"}
SCORE_BOXES = '[data-testid="stTextInput"] input'


def points_for(member: int, field: int) -> float:
    """What member `member` types in the `field`-th box of their sheet: 5 to 9 by 0.5 (every max is ≥ 15)."""
    return 5 + ((member * 3 + field) % 9) * 0.5


def typed(value: float) -> str:
    """As a Vietnamese member types it: 6,5 with a decimal comma."""
    return f"{value:g}".replace(".", ",")


def token_of(page) -> str:
    return parse_qs(urlparse(page.url).query)["s"][0]


def fill(page, member: int, start: int, stop: int) -> None:
    """Click the first box, then type and Tab, as a member does: no click per field."""
    page.locator(SCORE_BOXES).nth(start).click()
    for field in range(start, stop):
        page.keyboard.type(typed(points_for(member, field)))
        page.keyboard.press("Tab")


def poll(read, wanted, timeout: float = 10):
    """Read until the page shows `wanted` (widgets settle a moment after a reload)."""
    deadline = time.monotonic() + timeout
    value = read()
    while value != wanted and time.monotonic() < deadline:
        time.sleep(0.2)
        value = read()
    return value


def wait_for_text(page, text: str, timeout: float = 30_000) -> None:
    page.get_by_text(text, exact=False).first.wait_for(timeout=timeout)
    wait_idle(page)


def test_three_members_score_and_vote_at_once(server, browser):
    started = time.monotonic()
    # Streamlit runs page files directly until one session has run app.py's st.navigation
    # (it sees a pages/ folder): open the home page once, as the secretary does before the meeting.
    warm = browser.new_context()
    open_page(warm.new_page(), server.url)
    warm.close()

    store = Store(server.db_path)
    round_id = store.scalar("SELECT id FROM rounds WHERE name = ?", (ROUND1,))
    ids = [store.scalar("SELECT id FROM members WHERE full_name = ?", (name,)) for _, name in MEMBERS]
    fields = [sum(len(i.criteria) for i in voting.sheet(store, round_id, m)) for m in ids]
    assert fields == [60, 45, 55]  # Bình and Lan step back from their own units' candidates

    contexts = [browser.new_context(viewport={"width": 1400, "height": 900}, locale="vi-VN") for _ in MEMBERS]
    try:
        pages = [ctx.new_page() for ctx in contexts]
        for page, (code, _) in zip(pages, MEMBERS, strict=True):
            login(page, server.url, code)
        tokens = [token_of(p) for p in pages]
        print(f"phase login {time.monotonic() - started:.1f}s")
        for page, token in zip(pages, tokens, strict=True):
            open_page(page, f"{server.url}/scoring_sheet?s={token}")
            page.locator(SCORE_BOXES).first.wait_for(timeout=30_000)

        # Each member types half a sheet in turn, without waiting for the server: the three
        # sessions' saves run on the server at the same time.
        halfway = [n // 2 // 5 * 5 for n in fields]
        for m, page in enumerate(pages):
            fill(page, m, 0, halfway[m])
        for page in pages:
            wait_idle(page)

        # Lê Văn Đức's laptop reloads halfway: the draft is on the server.
        pages[0].reload()
        wait_for_text(pages[0], f"Đã chấm {halfway[0] // 5}/12")
        boxes = pages[0].locator(SCORE_BOXES)
        wanted = [typed(points_for(0, f)) for f in range(halfway[0])] + [""]
        shown = poll(lambda: [boxes.nth(f).input_value() for f in range(halfway[0] + 1)], wanted)
        assert shown == wanted
        print(f"phase reload {time.monotonic() - started:.1f}s")

        for m, page in enumerate(pages):
            fill(page, m, halfway[m], fields[m])
        for page in pages:
            wait_for_text(page, "Đã điền đủ mọi ô")
            page.get_by_role("button", name="Nộp phiếu chấm điểm").click()
            wait_for_text(page, "Xác nhận nộp phiếu chấm điểm")
            page.get_by_role("button", name="Xác nhận nộp").click()
            wait_for_text(page, "Bạn đã nộp phiếu chấm điểm")
            no_exception(page)

        print(f"phase sheets {time.monotonic() - started:.1f}s")
        # The secret ballot, each member their own choices.
        expected_tallies: dict[tuple[int, str], int] = {}
        for m, (page, token) in enumerate(zip(pages, tokens, strict=True)):
            open_page(page, f"{server.url}/ballot?s={token}")
            subjects = voting.ballot_subjects(store, round_id, ids[m])
            radios = page.locator('[data-testid="stRadio"]')
            assert poll(radios.count, len(subjects)) == len(subjects)
            for k, subject in enumerate(subjects):
                choice = CHOICES[(m + k) % 3]
                expected_tallies[(subject["candidate_id"], choice)] = (
                    expected_tallies.get((subject["candidate_id"], choice), 0) + 1
                )
                radios.nth(k).get_by_text(LABELS[choice], exact=True).click()
            wait_idle(page)
            page.get_by_role("button", name="Bỏ phiếu", exact=True).click()
            wait_for_text(page, "Xác nhận bỏ phiếu")
            page.get_by_role("button", name="Xác nhận bỏ phiếu").click()
            wait_for_text(page, "không ai xem được bạn chọn gì")
            assert radios.count() == 0
            no_exception(page)
        print(f"phase ballots {time.monotonic() - started:.1f}s")
    finally:
        for ctx in contexts:
            ctx.close()

    # What is stored is exactly what they typed and chose.
    for m, member in enumerate(ids):
        assert voting.is_submitted(store, round_id, member)
        field = 0
        for item in voting.sheet(store, round_id, member):
            entered = {}
            for crit in item.criteria:
                entered[crit["id"]] = points_for(m, field)
                field += 1
            assert item.points == entered, item.candidate["full_name"]
            assert item.total == pytest.approx(voting.weighted_total(item.criteria, entered))
    counts = {(r["candidate_id"], r["choice"]): r["count"] for r in voting.tallies(store, round_id)}
    assert {k: v for k, v in counts.items() if v} == expected_tallies
    assert store.scalar("SELECT COUNT(*) FROM ballot_receipts WHERE round_id = ?", (round_id,)) == 3
    recused = rounds.recusals(store, round_id)
    for c in rounds.round_candidates(store, round_id):
        cast = sum(counts[(c["id"], choice)] for choice in CHOICES)
        assert cast == 3 - len(recused.get(c["id"], set()) & set(ids))
    store.close()
    print(f"took {time.monotonic() - started:.1f}s")  # for the CI budget; speed is for benchmarks/
