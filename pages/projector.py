"""Projector screen: public, full-screen, high contrast, readable from the back of the hall.

Before the chair reveals a round it shows only progress (sheets and ballots in);
after the reveal, the ranking of one title at a time, sized to the screen: the one the chair
chose on the results page, or else every title in turn, for the seconds the chair set. Between reveals it
follows the agenda the chair moves from the results page. Every open tab refreshes itself every 3 s
through a fragment, reading a cheap version number first: the snapshot behind it
is computed once per change for all tabs (st.cache_data), not once per tab.
"""

from __future__ import annotations

import html
import math
import time

import pandas as pd
import plotly.graph_objects as go
import streamlit as st

from pages import _projector_layout as layout
from pages._common import db_path, get_store, join_url, run_through_app_shell
from scoring import aggregate, conference, i18n, rounds, voting
from scoring.i18n import t
from scoring.model import CandidateKind
from scoring.qr import qr_svg

run_through_app_shell()

CSS = """
<style>
[data-testid="stSidebar"], [data-testid="stSidebarCollapsedControl"], header[data-testid="stHeader"],
[data-testid="stToolbar"] { display: none !important; }
.stApp, [data-testid="stAppViewContainer"] { background: #000 !important; color: #fff !important; }
.block-container { padding-top: 1rem !important; padding-bottom: 1rem !important; max-width: 100% !important; }
.st-key-pj_viewport { display: none; }  /* reports the window's size; shows nothing */
.pj { color: #fff; font-family: "Segoe UI", Arial, sans-serif; line-height: 1.25; }
.pj-conf { font-size: clamp(16px, 1.6vw, 30px); color: #ddd; }
.pj-step { font-size: clamp(18px, 1.8vw, 34px); color: #ffd54f; margin-top: .5rem; }
.pj-title { font-size: clamp(32px, min(4.2vw, 7.5vh), 84px); font-weight: 700; margin: .3rem 0; }
.pj-title-long { font-size: clamp(26px, min(2.9vw, 5.5vh), 60px); }  /* a long report title in two or three lines */
.pj-speaker { font-size: clamp(22px, 2.4vw, 48px); color: #ffd54f; }
.pj-round { font-size: clamp(22px, 2.4vw, 46px); font-weight: 600; margin-top: 1.2rem; }
.pj-progress { font-size: clamp(24px, min(3.6vw, 6.5vh), 72px); font-weight: 700; color: #80d8ff; }
.pj-status { font-size: clamp(22px, min(2.6vw, 5vh), 52px); font-weight: 600; color: #ffd54f; }
.pj-note { font-size: clamp(16px, 1.5vw, 28px); color: #bbb; margin-top: 1rem; }
.pj-h1 { font-size: clamp(28px, 3vw, 60px); font-weight: 700; margin: .3rem 0; }
.pj-h1-compact { font-size: clamp(20px, 2vw, 40px); color: #ddd; }
.pj-h2 { font-size: clamp(24px, 2.8vw, 56px); font-weight: 700; margin: 1rem 0 .2rem; }
.pj-rule { font-size: clamp(16px, 1.6vw, 30px); color: #ffd54f; }
.pj-table { width: 100%; border-collapse: collapse; font-size: clamp(16px, 1.5vw, 32px); }
.pj-table td, .pj-table th { border-bottom: 2px solid #444; padding: .25em .4em; text-align: left; color: #fff; }
.pj-table th { color: #ffd54f; font-weight: 600; }
.pj-table-lg { font-size: clamp(18px, 1.6vw, 34px); }  /* wider, not taller: rows stay on one line */
.pj-num { text-align: right !important; white-space: nowrap; }
.pj-pass { color: #69f0ae !important; font-weight: 700; }
.pj-fail { color: #ff8a80 !important; }
.pj-reason { font-size: .72em; line-height: 1.2; }
.pj-person { white-space: nowrap; }  /* a person's name on one line; a collective's long name may wrap */
.pj-quorum { color: #ff8a80; }
.pj-qr { text-align: center; font-size: clamp(14px, 1.2vw, 22px); color: #fff; }
.pj-qr svg { background: #fff; padding: 8px; }
.pj-cascade { font-size: clamp(14px, 1.2vw, 22px); color: #bbb; margin-top: .6rem; }
</style>
"""


# An agenda title longer than this (a report's full name) is set smaller: at 1366 × 768 four lines
# of it pushed the round's progress below the screen.
LONG_TITLE = 80
# "Every title": one title at a time, the next after the chair's seconds per screen
# (conference.projector_seconds, 15 by default), on the wall clock counted from the chair's reveal
# (rounds.projected_since), so that the first title gets its full turn and two screens in one hall
# show the same title. All of them one under the other scrolled below a 1366 × 768 or 1920 × 1080
# screen; shrunk to fit, 12 names were unreadable.
# A title's rows on one screen at most: what the sizing model fits at 1366 × 768 (tests/test_projector_layout.py,
# tests/e2e/test_projector.py). A longer list (Lao động tiên tiến of a whole institution) goes in screens of this
# many, or fewer when its names are too long for that many bars (layout.rows_per_screen).
ROWS_PER_SCREEN = 8

# The window's size in CSS pixels, sent by the browser when the page opens and after a resize:
# the chart is drawn in pixels, so its height and type need it (the HTML around it sizes itself
# in vw/vh). Until it arrives, and in AppTest, the full-HD projector the sizes were set for.
DEFAULT_VIEWPORT = (1920, 1080)
VIEWPORT_JS = """
export default function ({ setStateValue }) {
    const report = () => setStateValue("size", [window.innerWidth, window.innerHeight]);
    report();
    let timer = null;
    const later = () => { clearTimeout(timer); timer = setTimeout(report, 300); };
    window.addEventListener("resize", later);
    return () => { window.removeEventListener("resize", later); clearTimeout(timer); };
}
"""
viewport_reporter = st.components.v2.component("projector_viewport", js=VIEWPORT_JS)


def _viewport() -> tuple[int, int]:
    """(width, height) of the browser's window, or DEFAULT_VIEWPORT until it has said."""
    size = getattr(viewport_reporter(key="pj_viewport", on_size_change=lambda: None), "size", None)
    try:
        width, height = (int(x) for x in size)
    except (TypeError, ValueError):
        return DEFAULT_VIEWPORT
    return (width, height) if 320 <= width <= 10000 and 240 <= height <= 10000 else DEFAULT_VIEWPORT


def _num(value: float, digits: int = 2) -> str:
    """A number as the screen's reader writes it: decimal comma (point in English)."""
    return i18n.number_text(value, f".{digits}f")


def _plain(value: float) -> str:
    """66,67 or 80,5: a rate or a minimum as set, without trailing zeros."""
    return i18n.number_text(value)


@st.cache_data(ttl=1, show_spinner=False)
def _version(path: str) -> tuple[int, int, int]:
    return aggregate.data_version(get_store())


@st.cache_data(ttl=60, max_entries=32, show_spinner=False)  # keyed by the data version: ttl only bounds memory
def _snapshot(path: str, version: tuple[int, int, int], lang: str) -> dict:
    """What every projector shows, computed once per database change. Results are
    computed only for rounds the chair has revealed: nothing else can leak."""
    store = get_store()
    conf = conference.get_conference(store)
    agenda = conference.list_agenda(store)
    current = conference.current_agenda_item(store)
    all_rounds = {r["id"]: r for r in rounds.list_rounds(store)}
    open_rounds = [r for r in all_rounds.values() if r["status"] == "open"]
    # Closed and not shown yet: between the close and the chair's reveal the room is told it waits
    # (QA: the round's line vanished and the screen said nothing of it).
    closed_rounds = [r for r in all_rounds.values() if rounds.awaits_reveal(store, r)]
    if current and current.get("round_id"):
        for listed in (open_rounds, closed_rounds):
            listed.sort(key=lambda r: r["id"] != current["round_id"])  # the agenda's round first
    focus = aggregate.focus_round(store)
    agenda_round = all_rounds.get(current["round_id"]) if current and current.get("round_id") else None
    if focus is None and agenda_round and agenda_round["revealed"]:
        focus = agenda_round["id"]
    results = None
    if focus is not None and all_rounds.get(focus, {}).get("revealed"):
        res = aggregate.round_results(store, focus)
        results = {
            "name": res.round["name"],
            "table": res.table,
            "cascade": res.cascade,
            "ballots": res.ballots,
            "present": res.present,
            "members_total": res.members_total,
            "title_id": all_rounds[focus]["projected_title_id"],  # None: every title, one under the other
            "since": rounds.projected_since(store, focus),  # every title in turn: the first from this moment
            "seconds": conference.projector_seconds(store),  # per screen
        }
    return {
        "conference": conf.get("name", ""),
        "join_url": conf.get("join_url") or "",
        "agenda_total": len(agenda),
        "agenda_index": next((i for i, a in enumerate(agenda, start=1) if current and a["id"] == current["id"]), 0),
        "current": current,
        # A reopened round whose ballots were counted takes only scoring sheets (voting.ballots_sealed).
        "progress": [
            {"name": r["name"], "sealed": voting.ballots_sealed(r), **aggregate.round_progress(store, r["id"])}
            for r in open_rounds
        ],
        "closed": [r["name"] for r in closed_rounds],
        "results": results,
    }


def _join_url(snapshot: dict) -> str:
    return st.query_params.get("join") or f"{join_url(snapshot['join_url'])}/login"


def _header(snapshot: dict) -> None:
    left, right = st.columns([5, 1])
    with left:
        st.markdown(f'<div class="pj pj-conf">{html.escape(snapshot["conference"])}</div>', unsafe_allow_html=True)
    with right:
        url = _join_url(snapshot)
        st.markdown(
            f'<div class="pj-qr">{qr_svg(url, scale=5)}<div>{html.escape(t("proj.join"))}</div>'
            f"<div>{html.escape(url)}</div></div>",
            unsafe_allow_html=True,
        )


def _agenda(snapshot: dict) -> None:
    current = snapshot["current"]
    if current is None:
        st.markdown(f'<div class="pj pj-title">{html.escape(t("proj.no_agenda"))}</div>', unsafe_allow_html=True)
    else:
        step = f"{snapshot['agenda_index']}/{snapshot['agenda_total']}"
        when = f" · {html.escape(current['start_time'])}" if current.get("start_time") else ""
        st.markdown(
            f'<div class="pj"><div class="pj-step">{step}{when}</div>'
            f'<div class="pj-title{" pj-title-long" if len(current["title"]) > LONG_TITLE else ""}">'
            f"{html.escape(current['title'])}</div>"
            f'<div class="pj-speaker">{html.escape(current.get("speaker") or "")}</div></div>',
            unsafe_allow_html=True,
        )
    for p in snapshot["progress"]:
        lines = []
        if p["to_score"]:
            lines.append(t("proj.progress.scores", done=p["submitted"], total=p["to_score"]))
        if p["to_vote"] and not p["sealed"]:
            lines.append(t("proj.progress.ballots", done=p["voted"], total=p["to_vote"]))
        body = "".join(f'<div class="pj-progress">{html.escape(line)}</div>' for line in lines)
        if p["sealed"]:  # reopened after its ballots were counted: no "9/11" as if more were expected
            body += f'<div class="pj-status">{html.escape(t("proj.ballots_counted"))}</div>'
        st.markdown(
            f'<div class="pj"><div class="pj-round">{html.escape(p["name"])}</div>{body}</div>', unsafe_allow_html=True
        )
    for name in snapshot["closed"]:
        st.markdown(
            f'<div class="pj"><div class="pj-round">{html.escape(name)}</div>'
            f'<div class="pj-status">{html.escape(t("proj.closed_waiting"))}</div></div>',
            unsafe_allow_html=True,
        )
    if snapshot["progress"]:
        st.markdown(f'<div class="pj pj-note">{html.escape(t("proj.waiting"))}</div>', unsafe_allow_html=True)


def _chart(
    rows: pd.DataFrame, title_row: pd.Series, viewport: tuple[int, int] = DEFAULT_VIEWPORT, headings: float = 0
) -> go.Figure:
    """Horizontal bars in rank order, rank 1 on top: long Vietnamese names stay
    readable across the hall, where slanted labels under columns would not. The
    bars measure what ranks first: the approval percentage for a title with a
    ballot (the score only breaks ties, and stays in the table), else the score;
    bars of another measure would look out of order. Its height and type fit the
    screen (`viewport`, see _chart_size)."""
    height, font, wrap = layout.chart_size(rows, viewport, headings)
    scored = not title_row["needs_ballot"]
    values = rows["score"] if scored else rows["approval_pct"]
    colours = ["#69f0ae" if p else "#9e9e9e" for p in rows["passes"]]
    fig = go.Figure(
        go.Bar(
            x=list(values),
            y=[layout.name_lines(name, wrap) for name in rows["full_name"]],
            orientation="h",
            marker_color=colours,
            text=[_num(v) if v == v else "" for v in values],
            textposition="outside",
            textfont={"size": font, "color": "#fff"},
            cliponaxis=False,
        )
    )
    line = title_row["min_score"] if scored else title_row["threshold_pct"]
    if line is not None and line == line:
        label = t("proj.min_score_line", value=_plain(line)) if scored else t("proj.threshold_line", value=_num(line))
        fig.add_vline(
            x=line,
            line={"color": "#ffd54f", "width": 4, "dash": "dash"},
            annotation_text=label,
            annotation_position="top",
            annotation_font={"size": font, "color": "#ffd54f"},
            # Over the bars (QA: drawn behind them, the line vanished where it mattered, across the bars
            # near it); its dashes leave a value next to it readable.
            layer="above",
        )
    fig.update_layout(
        template="plotly_dark",
        paper_bgcolor="#000",
        plot_bgcolor="#000",
        font={"size": font, "color": "#fff"},
        # top: the line's label; right: room for the values after the bars
        margin={"l": 10, "r": 4 * font, "t": int(1.6 * font) + 8, "b": int(0.6 * font) + 10},
        height=height,
        # the axis' numbers as large as the names (QA: at 18 px and less they could not be read in the hall)
        xaxis={"range": [0, 100], "gridcolor": "#333", "tickfont": {"size": font, "color": "#fff"}},
        yaxis={"autorange": "reversed", "tickfont": {"size": font, "color": "#fff"}},  # rank 1 on top
        bargap=0.25,
        showlegend=False,
    )
    return fig


def _name_header(kinds: set[str]) -> str:
    """ "Họ và tên" over people, "Tên tập thể" over collectives: the two-in-one header
    wrapped on four lines in the table's narrow name column."""
    if kinds == {CandidateKind.INDIVIDUAL}:
        return t("field.full_name")
    if kinds == {CandidateKind.COLLECTIVE}:
        return t("field.collective_name")
    return t("res.col.name")


def _this_screen(
    groups: list, held: int | None, viewport: tuple[int, int], since: float, seconds: int
) -> tuple[int, int, int]:
    """(title's index, first row, rows) of what the screen shows now. One screen at a time: the
    chair's title (`held`), or else every title in turn; a title of more than ROWS_PER_SCREEN
    nominees in screens of that many rows, also in turn. Turns follow the wall clock from the
    reveal (the fragment's refresh draws the next one when its time comes)."""
    per_screen = {
        g: layout.rows_per_screen(
            group_rows["full_name"].tolist(),
            viewport,
            layout.wrapped_headings(viewport, group_rows["title"].iloc[0], ""),
            ROWS_PER_SCREEN,
        )
        for g, (_, group_rows) in enumerate(groups)
        if held is None or g == held
    }
    for g, n in per_screen.items():  # screens evened out: twenty rows as 7, 7 and 6, not 8, 8 and 4
        per_screen[g] = math.ceil(len(groups[g][1]) / math.ceil(len(groups[g][1]) / n))
    turns = [(g, start) for g, n in per_screen.items() for start in range(0, len(groups[g][1]), n)]
    turn = int((time.time() - since) // seconds) % len(turns) if len(turns) > 1 else 0
    position, start = turns[turn]
    return position, start, per_screen[position]


def _rule_parts(first: pd.Series, rows: pd.DataFrame, shown: pd.DataFrame, start: int, step: str) -> list[str]:
    """The line under a title's name: which title and rows of how many, the threshold, the
    minimum score, the quota, how many pass."""
    parts = [step] if step else []
    if len(shown) < len(rows):
        parts.append(t("proj.rows_in_turn", first=start + 1, last=start + len(shown), total=len(rows)))
    if first["needs_ballot"]:
        parts.append(t(f"rule.{first['threshold_rule']}", pct=_plain(first["threshold_pct"])))
    if first["needs_scoring"] and first["min_score"] == first["min_score"]:
        parts.append(t("proj.min_score_line", value=_plain(first["min_score"])))
    if first["quota_cap"] == first["quota_cap"]:
        parts.append(t("proj.quota", cap=int(first["quota_cap"])))
    parts.append(t("proj.passing", count=int(rows["passes"].sum()), total=len(rows)))
    return parts


def _table_rows(
    rows: pd.DataFrame, shown: pd.DataFrame, first: pd.Series, quorum: str
) -> tuple[list[str], list[str], list[list[tuple[str, str]]]]:
    """(header, HTML rows, each row's cells as layout.table_font sees them) of the screen's
    `shown` rows of a title's `rows` (whose kinds name the name column on every screen)."""
    head = [t("res.col.rank"), _name_header(set(rows["kind"]))]
    if first["needs_scoring"]:
        head.append(t("res.col.score"))
    if first["needs_ballot"]:
        head.append(t("res.col.approval_pct"))
    head.append(t("res.col.result"))
    lines = ["<tr>" + "".join(f"<th>{html.escape(h)}</th>" for h in head) + "</tr>"]
    cells_text: list[list[tuple[str, str]]] = []
    for r in shown.itertuples(index=False):
        individual = r.kind == CandidateKind.INDIVIDUAL
        person = ' class="pj-person"' if individual else ""
        cells = [f'<td class="pj-num">{r.rank}</td>', f"<td{person}>{html.escape(r.full_name)}</td>"]
        seen = [("num", str(r.rank)), ("nowrap" if individual else "text", r.full_name)]
        if first["needs_scoring"]:
            score = _num(r.score) if r.score == r.score else ""
            cells.append(f'<td class="pj-num">{score}</td>')
            seen.append(("num", score))
        if first["needs_ballot"]:
            pct = _num(r.approval_pct) if r.approval_pct == r.approval_pct else ""
            cells.append(f'<td class="pj-num">{pct}% ({r.approve}/{r.eligible})</td>')
            seen.append(("num", f"{pct}% ({r.approve}/{r.eligible})"))
        if r.passes:
            cells.append(f'<td class="pj-pass">{html.escape(t("res.pass"))}</td>')
            seen.append(("text", t("res.pass")))
        else:  # the reason smaller, under the verdict: long reasons had wrapped a row to seven lines
            parts = [p for p in r.reason.split("; ") if p and p != t("res.reason.quorum")] if quorum else [r.reason]
            reason = "; ".join(parts) if any(parts) else ""
            reason_html = f'<div class="pj-reason">{html.escape(reason)}</div>' if reason else ""
            cells.append(f'<td class="pj-fail">{html.escape(t("res.fail"))}{reason_html}</td>')
            seen.append(("text", t("res.fail") + ("\n" + reason if reason else "")))
        lines.append("<tr>" + "".join(cells) + "</tr>")
        cells_text.append(seen)
    return head, lines, cells_text


def _results(conference_name: str, results: dict, viewport: tuple[int, int] = DEFAULT_VIEWPORT) -> None:
    # Nobody joins while results are read out: no QR code, and the conference and the
    # round on two small lines, so that a title's ranking starts high on the screen.
    st.markdown(
        f'<div class="pj"><div class="pj-conf">{html.escape(conference_name)}</div>'
        f'<div class="pj-h1 pj-h1-compact">{html.escape(t("proj.results_of", name=results["name"]))}</div></div>',
        unsafe_allow_html=True,
    )
    groups = list(results["table"].groupby("title_id", sort=False))
    chosen = results.get("title_id")
    held = next((i for i, (title_id, _) in enumerate(groups) if title_id == chosen), None)
    position, start, count = _this_screen(groups, held, viewport, results.get("since") or 0, results["seconds"])
    title_id, rows = groups[position]
    shown = rows.iloc[start : start + count]
    if held is not None:
        step = t("proj.title_of", index=position + 1, total=len(groups))
    else:
        step = t("proj.title_in_turn", index=position + 1, total=len(groups)) if len(groups) > 1 else ""
    first = rows.iloc[0]
    rule_parts = _rule_parts(first, rows, shown, start, step)
    # A quorum missed is the title's, not a row's: said once here, not on every row.
    quorum = (
        "" if first["quorum_met"] else t("proj.no_quorum", present=results["present"], total=results["members_total"])
    )
    quorum_html = f' · <span class="pj-quorum">{html.escape(quorum)}</span>' if quorum else ""
    headings = layout.wrapped_headings(viewport, first["title"], " · ".join([*rule_parts, quorum]))
    st.markdown(
        f'<div class="pj"><div class="pj-h2">{html.escape(first["title"])}</div>'
        f'<div class="pj-rule">{html.escape(" · ".join(rule_parts))}{quorum_html}</div></div>',
        unsafe_allow_html=True,
    )
    wide = first["needs_scoring"] or first["needs_ballot"]  # a chart beside the table
    chart_col, table_col = st.columns([2, 3])
    if wide:
        with chart_col:
            st.plotly_chart(
                _chart(shown, first, viewport, headings), key=f"chart-{title_id}", config={"displayModeBar": False}
            )
    head, lines, cells_text = _table_rows(rows, shown, first, quorum)
    with table_col if wide else chart_col:
        # Every row of the title on one screen, in type as large as fits: table_font estimates how
        # the reasons and long names wrap at each size. The CSS guard shrinks it further only if the
        # window's real height is smaller than the one reported (before the report arrives).
        font, height_em = layout.table_font(head, cells_text, viewport, headings, wide)
        fit = (
            f"font-size: min({font:.1f}px, calc((100vh - {layout.RESERVED_CSS} - {headings:.0f}px) / {height_em:.2f}))"
        )
        st.markdown(
            f'<table class="pj pj-table pj-table-lg" style="{fit}">{"".join(lines)}</table>', unsafe_allow_html=True
        )
    cascade = " ".join(results["cascade"])
    st.markdown(
        f'<div class="pj pj-cascade">{html.escape(t("res.cascade.title"))}: {html.escape(cascade)}</div>',
        unsafe_allow_html=True,
    )


@st.fragment(run_every="3s")
def live(viewport: tuple[int, int]) -> None:
    path = db_path()
    snapshot = _snapshot(path, _version(path), i18n.current_language())
    if snapshot["results"] is not None:
        _results(snapshot["conference"], snapshot["results"], viewport)
    else:
        _header(snapshot)
        _agenda(snapshot)


st.markdown(CSS, unsafe_allow_html=True)
live(_viewport())
