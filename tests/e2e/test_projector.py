"""The projector in real Chromium: live progress from another client of the same
database within seconds, nothing of the ranking before the chair's reveal, all of it after."""

from __future__ import annotations

import time

from scoring import aggregate, conference, rounds, voting
from scoring.db import Store
from tests.e2e.conftest import no_exception, open_page

ROUND1 = 1


def body(page) -> str:
    return page.inner_text("body")


def fill_sheet(store: Store, member_id: int) -> None:
    for item in voting.sheet(store, ROUND1, member_id):
        cid = item.candidate["id"]
        points = {c["id"]: c["max_points"] - 0.5 * (cid % 12) for c in item.criteria}
        voting.save_draft(store, ROUND1, member_id, cid, points)
    voting.submit_scores(store, ROUND1, member_id)


def vote(store: Store, member_id: int) -> None:
    subjects = voting.ballot_subjects(store, ROUND1, member_id)
    voting.cast_ballot(store, ROUND1, member_id, {s["candidate_id"]: "approve" for s in subjects})


def test_projector_live_progress_and_reveal(server, context):
    page = context.new_page()
    open_page(page, f"{server.url}/projector")
    no_exception(page)
    page.wait_for_selector("text=Đã bỏ phiếu: 0/11", timeout=15_000)
    assert "Quét mã để tham gia" in body(page)

    # A second client of the same database file: a member's ballot, written through the core.
    store = Store(server.db_path)
    try:
        members = [m["id"] for m in conference.list_members(store, voting_only=True)]
        names = [c["full_name"] for c in rounds.round_candidates(store, ROUND1)]
        vote(store, members[0])
        started = time.monotonic()
        page.wait_for_selector("text=Đã bỏ phiếu: 1/11", timeout=15_000)
        latency = time.monotonic() - started
        print(f"\nprojector showed the new ballot after {latency:.2f} s")
        assert latency < 10

        fill_sheet(store, members[0])
        page.wait_for_selector("text=Đã nộp phiếu chấm: 1/11", timeout=15_000)
        for m in members[1:]:
            fill_sheet(store, m)
            vote(store, m)
        page.wait_for_selector("text=Đã bỏ phiếu: 11/11", timeout=15_000)
        text = body(page)
        assert not any(name in text for name in names), "a candidate's name shown before the reveal"
        assert page.locator('[data-testid="stPlotlyChart"]').count() == 0

        rounds.transition(store, "Chủ tịch", ROUND1, "closed")
        # Closed but not revealed: the round leaves the progress list and still nothing of the ranking shows.
        page.wait_for_selector("text=Đã bỏ phiếu: 11/11", state="detached", timeout=15_000)
        text = body(page)
        assert not any(name in text for name in names)
        assert "Kết quả:" not in text

        rounds.reveal(store, "Chủ tịch", ROUND1)
        started = time.monotonic()
        page.wait_for_selector("text=Kết quả: Vòng 1", timeout=15_000)
        print(f"projector showed the ranking {time.monotonic() - started:.2f} s after the reveal")
        page.wait_for_selector('[data-testid="stPlotlyChart"]', timeout=15_000)
        # Every title in turn, one at a time (15 s each by default): the one on the screen now, then the other.
        table = aggregate.round_results(store, ROUND1).table
        titles = list(table.groupby("title_id", sort=False))
        first = next(i for i, (_, rows) in enumerate(titles) if rows["title"].iloc[0] in body(page))
        for turn in (first, 1 - first):
            _, rows = titles[turn]
            page.wait_for_selector(f"text=Danh hiệu {turn + 1}/2 (tự chuyển)", timeout=25_000)
            page.wait_for_timeout(500)
            text = body(page)
            for row in rows.itertuples():
                assert row.full_name in text
                assert f"{row.score:.2f}".replace(".", ",") in text
            assert "Thứ tự xếp hạng trong mỗi danh hiệu" in text
            assert page.locator('[data-testid="stPlotlyChart"]').count() == 1
            # Horizontal bars, rank 1 on top: the chart names the title's candidates in rank order.
            top_to_bottom = page.locator('[data-testid="stPlotlyChart"]').first.evaluate(
                "el => Array.from(el.querySelectorAll('.ytick text'))"
                ".map(t => [t.textContent, t.getBoundingClientRect().top]).sort((a, b) => a[1] - b[1])"
                ".map(p => p[0])"
            )
            # (a long name is wrapped on several lines in the chart: compare without spaces)
            assert [name.replace(" ", "") for name in top_to_bottom] == [
                name.replace(" ", "") for name in rows["full_name"]
            ]
        no_exception(page)
    finally:
        store.close()


def test_english_and_vietnamese_projectors_keep_their_language_through_refreshes(server, context):
    # Two tabs of one server in two languages: each refresh (a fragment rerun, maybe on a
    # fresh thread) must speak its own tab's language, whatever the other tab just ran.
    english, vietnamese = context.new_page(), context.new_page()
    open_page(english, f"{server.url}/projector?lang=en")
    open_page(vietnamese, f"{server.url}/projector")
    english.wait_for_selector("text=Ballots cast: 0/11", timeout=15_000)
    vietnamese.wait_for_selector("text=Đã bỏ phiếu: 0/11", timeout=15_000)

    store = Store(server.db_path)
    try:
        members = [m["id"] for m in conference.list_members(store, voting_only=True)]
        for done, member_id in enumerate(members[:3], start=1):
            vote(store, member_id)
            english.wait_for_selector(f"text=Ballots cast: {done}/11", timeout=15_000)
            vietnamese.wait_for_selector(f"text=Đã bỏ phiếu: {done}/11", timeout=15_000)
            assert "Đã bỏ phiếu" not in body(english)
            assert "Ballots cast" not in body(vietnamese)
        no_exception(english)
        no_exception(vietnamese)
    finally:
        store.close()


def test_the_projector_address_carries_no_officers_session(server, context):
    # The chair opened the projector from her menu and its address held her session token:
    # opened on the hall's computer, that address gave the chair's pages (QA).
    from tests.e2e.conftest import login, wait_idle

    page = context.new_page()
    open_page(page, server.url)  # root first: on a fresh server a first /login shows the legacy page list
    login(page, server.url, "chutich2025")
    assert "s=" in page.url
    page.get_by_role("link", name="Màn hình trình chiếu").click()
    wait_idle(page)
    page.wait_for_timeout(1000)
    assert "/projector" in page.url and "s=" not in page.url
    no_exception(page)


def project_the_eight(store: Store) -> dict:
    """Close round 1, reveal it and hold its title of eight individuals on the projector; that title."""
    rounds.transition(store, "Chủ tịch", ROUND1, "closed")
    rounds.reveal(store, "Chủ tịch", ROUND1)
    eight = next(t for t in rounds.round_titles(store, ROUND1) if t["name"].startswith("Cá nhân"))
    rounds.set_projected_title(store, "Chủ tịch", ROUND1, eight["id"])
    return eight


def measure_projector(server, browser, size: tuple[int, int], lang: str, ready: list[str], script: str) -> dict:
    """Open the projector in a window of `size`, in `lang`; once every `ready` selector shows and the
    window has reported its size (the page redraws to it), what `script` measures."""
    context = browser.new_context(viewport={"width": size[0], "height": size[1]})
    try:
        page = context.new_page()
        open_page(page, f"{server.url}/projector" + ("?lang=en" if lang == "en" else ""))
        for selector in ready:
            page.wait_for_selector(selector, timeout=15_000)
        page.wait_for_timeout(3500)
        box = page.evaluate(script)
        print(f"\n{lang} at {size[0]} × {size[1]}: {box}")
        no_exception(page)
        return box
    finally:
        context.close()


# Where the projector's parts end on the screen: the bars, the names, the table's rows and the
# tie-break line; the table's type and its reasons'; whether the page scrolls; the window's height.
GEOMETRY = """() => {
    const bottom = (els) => Math.max(...Array.from(els).map((e) => e.getBoundingClientRect().bottom));
    const table = document.querySelector("table.pj-table");
    const reason = document.querySelector(".pj-reason");
    const main = document.querySelector('[data-testid="stMain"]');
    return {
        bars: document.querySelectorAll('[data-testid="stPlotlyChart"] .bars .point path').length,
        lastBar: bottom(document.querySelectorAll('[data-testid="stPlotlyChart"] .bars .point path')),
        lastName: bottom(document.querySelectorAll('[data-testid="stPlotlyChart"] .ytick text')),
        chart: bottom(document.querySelectorAll('[data-testid="stPlotlyChart"]')),
        rows: document.querySelectorAll("table.pj-table tr").length,
        top: table.getBoundingClientRect().top,
        lastRow: bottom(document.querySelectorAll("table.pj-table tr")),
        font: parseFloat(getComputedStyle(table).fontSize),
        reason: reason ? parseFloat(getComputedStyle(reason).fontSize) : null,
        reasons: document.querySelectorAll(".pj-reason").length,
        cascade: bottom(document.querySelectorAll(".pj-cascade")),
        scrolls: main.scrollHeight > main.clientHeight + 1,
        height: window.innerHeight,
    };
}"""


def test_a_title_of_eight_fits_a_1366_by_768_projector(server, browser):
    # At 1366 × 768 (a common hall projector) the revealed ranking of the eight individuals ran
    # below the screen: the chart was 750 px high whatever the screen, its last bars out of sight (QA).
    store = Store(server.db_path)
    try:
        for m in [m["id"] for m in conference.list_members(store, voting_only=True)]:
            fill_sheet(store, m)
            vote(store, m)
        eight = project_the_eight(store)
    finally:
        store.close()
    ready = [f"text={eight['name']}", '[data-testid="stPlotlyChart"] .bars .point path']
    for lang in ("vi", "en"):
        box = measure_projector(server, browser, (1366, 768), lang, ready, GEOMETRY)
        assert box["bars"] == 8 and box["rows"] == 9  # eight nominees and the header
        assert box["lastBar"] <= box["height"] and box["lastName"] <= box["height"], box
        assert box["lastRow"] <= box["height"], box
        assert box["cascade"] <= box["height"] and not box["scrolls"], box


def test_the_table_of_eight_failed_nominees_uses_the_screens_height(server, browser):
    # QA: with a reason under every "Không đạt" the table was sized as if each took three lines:
    # 15 px type at 1366 × 768 (reasons 11 px) ending at 524 px of 698, 23 px at 1920 × 1080 with
    # 260 px unused. Here all eight individuals fail, four on two reasons: the worst case.
    store = Store(server.db_path)
    try:
        eight = next(t for t in rounds.round_titles(store, ROUND1) if t["name"].startswith("Cá nhân"))
        conference.update_title(store, "Thư ký", eight["id"], min_score="99,5")
        people = [c["id"] for c in rounds.round_candidates(store, ROUND1) if c["title_id"] == eight["id"]]
        for i, m in enumerate(m["id"] for m in conference.list_members(store, voting_only=True)):
            fill_sheet(store, m)
            subjects = voting.ballot_subjects(store, ROUND1, m)
            rejected = set(people[::2]) if i % 2 else set()
            choices = {s["candidate_id"]: "reject" if s["candidate_id"] in rejected else "approve" for s in subjects}
            voting.cast_ballot(store, ROUND1, m, choices)
        project_the_eight(store)
    finally:
        store.close()
    for size, smallest in (((1366, 768), 17), ((1920, 1080), 24)):
        for lang in ("vi", "en"):
            box = measure_projector(server, browser, size, lang, [f"text={eight['name']}", ".pj-reason"], GEOMETRY)
            assert box["rows"] == 9 and box["reasons"] == 8, box
            assert box["font"] >= smallest and box["reason"] >= 0.72 * smallest - 0.1, box
            # On the screen, and the height beside the chart used: at most a sixth of it left empty.
            assert box["lastRow"] <= box["cascade"] <= box["height"] and not box["scrolls"], box
            assert box["chart"] - box["lastRow"] <= (box["chart"] - box["top"]) / 6, box
