"""Integrity report of a database: SQLite's own checks plus the domain's
invariants, each one a function that appends what it finds.

What it proves after a crash (`kill -9` of the server, a power cut) is that
every transaction landed whole or not at all: a ballot is a receipt *and* one
increment per nominee the member may vote on, never one without the other; a
submitted sheet holds every score it needs; nothing points at a missing row.

Recusal is recomputed here in SQL from the stored rules (the candidate
themself, same unit when the round says so, hand-added conflicts) for every
member who holds a receipt or a score, active or not, so that deactivating a
member after the vote does not look like a fault. Messages are Vietnamese, like
the rest of the command line's output.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable
from dataclasses import dataclass, field

from . import conference
from .db import Store
from .schema import SCHEMA_VERSION


@dataclass
class Report:
    problems: list[str] = field(default_factory=list)
    facts: list[str] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return not self.problems


# (round, member, candidate) triples where the member steps back from the candidate.
RECUSED_SQL = """
SELECT rc.round_id, m.id AS member_id, rc.candidate_id
FROM round_candidates rc
JOIN rounds r ON r.id = rc.round_id
JOIN candidates c ON c.id = rc.candidate_id
JOIN members m
WHERE c.member_id = m.id
   OR (r.recuse_same_unit = 1 AND c.unit_id IS NOT NULL AND c.unit_id = m.unit_id)
   OR EXISTS (SELECT 1 FROM conflicts f WHERE f.member_id = m.id AND f.candidate_id = c.id)
"""


def check(store: Store) -> Report:
    report = Report()
    for step in CHECKS:
        step(store, report)
    counts = {
        t: store.scalar(f"SELECT COUNT(*) FROM {t}")
        for t in ("units", "candidates", "members", "rounds", "scores", "score_submissions", "ballot_receipts")
    }
    report.facts.append(", ".join(f"{k}: {n}" for k, n in counts.items()))
    return report


def _sqlite(store: Store, report: Report) -> None:
    integrity = store.scalar("PRAGMA integrity_check")
    if integrity != "ok":
        report.problems.append(f"integrity_check: {integrity}")
    fk = store.query("PRAGMA foreign_key_check")
    if fk:
        tables = ", ".join(sorted({row["table"] for row in fk}))
        report.problems.append(f"Có {len(fk)} dòng tham chiếu tới mục không tồn tại (foreign_key_check: {tables}).")
    if store.version != SCHEMA_VERSION:
        report.problems.append(f"Phiên bản lược đồ {store.version}, cần {SCHEMA_VERSION}.")
    report.facts.append(f"Lược đồ phiên bản {store.version}; chế độ nhật ký {store.scalar('PRAGMA journal_mode')}.")


def _tallies_per_nominee(store: Store, report: Report) -> None:
    """Per nominee, the counters never exceed the valid ballots cast, and in a
    per-nominee round they equal the valid ballots of members not recused from
    that nominee: one short means a ballot was recorded without all its choices."""
    for row in store.query(
        "SELECT t.round_id, t.candidate_id, SUM(t.count) AS counted, "
        "(SELECT COUNT(*) FROM ballot_receipts b WHERE b.round_id = t.round_id AND b.valid = 1) AS cast "
        "FROM ballot_tallies t WHERE t.candidate_id IS NOT NULL GROUP BY t.round_id, t.candidate_id"
    ):
        if row["counted"] > row["cast"]:
            report.problems.append(
                f"Vòng #{row['round_id']}, ứng viên #{row['candidate_id']}: {row['counted']} ý kiến "
                f"nhưng chỉ {row['cast']} phiếu hợp lệ."
            )
    for row in store.query(
        f"WITH recused AS ({RECUSED_SQL}) "
        "SELECT t.round_id, t.candidate_id, c.full_name, SUM(t.count) AS counted, "
        "(SELECT COUNT(*) FROM ballot_receipts b WHERE b.round_id = t.round_id AND b.valid = 1 "
        " AND NOT EXISTS (SELECT 1 FROM recused x WHERE x.round_id = b.round_id AND x.member_id = b.member_id "
        "                 AND x.candidate_id = t.candidate_id)) AS expected "
        "FROM ballot_tallies t JOIN rounds r ON r.id = t.round_id JOIN candidates c ON c.id = t.candidate_id "
        "JOIN titles ti ON ti.id = c.title_id "
        "WHERE r.ballot_mode = 'per_nominee' AND ti.needs_ballot = 1 "
        "AND EXISTS (SELECT 1 FROM round_candidates rc "
        " WHERE rc.round_id = t.round_id AND rc.candidate_id = t.candidate_id) "
        "GROUP BY t.round_id, t.candidate_id"
    ):
        if row["counted"] > row["expected"]:
            report.problems.append(
                f"Vòng #{row['round_id']}, {row['full_name']}: {row['counted']} ý kiến, nhiều hơn "
                f"{row['expected']} phiếu hợp lệ của thành viên không tránh."
            )
        elif row["counted"] < row["expected"]:
            report.problems.append(
                f"Vòng #{row['round_id']}, {row['full_name']}: {row['counted']} ý kiến, thiếu so với "
                f"{row['expected']} phiếu hợp lệ của thành viên không tránh (phiếu ghi dở, hoặc việc tránh "
                "đã đổi sau khi bỏ phiếu)."
            )


def _tallies_whole_list(store: Store, report: Report) -> None:
    for row in store.query(
        "SELECT r.id, "
        "(SELECT COUNT(*) FROM ballot_receipts b WHERE b.round_id = r.id AND b.valid = 1) AS cast, "
        "(SELECT SUM(count) FROM ballot_tallies t WHERE t.round_id = r.id AND t.candidate_id IS NULL) AS listed, "
        "(SELECT SUM(count) FROM ballot_tallies t WHERE t.round_id = r.id AND t.candidate_id IS NOT NULL) AS named "
        "FROM rounds r WHERE r.ballot_mode = 'whole_list' AND r.status != 'setup'"
    ):
        if (row["listed"] or 0) != row["cast"]:
            report.problems.append(f"Vòng #{row['id']}: {row['listed'] or 0} ý kiến về danh sách, {row['cast']} phiếu.")
        if row["named"]:
            report.problems.append(
                f"Vòng #{row['id']} bỏ phiếu cả danh sách nhưng có {row['named']} ý kiến về từng người."
            )
    named_in_list = store.scalar(
        "SELECT IFNULL(SUM(t.count), 0) FROM ballot_tallies t JOIN rounds r ON r.id = t.round_id "
        "WHERE r.ballot_mode = 'per_nominee' AND t.candidate_id IS NULL"
    )
    if named_in_list:
        report.problems.append(f"{named_in_list} ý kiến về cả danh sách trong vòng bỏ phiếu từng người.")


def _tallies_outside_round(store: Store, report: Report) -> None:
    stray = store.scalar(
        "SELECT IFNULL(SUM(t.count), 0) FROM ballot_tallies t WHERE t.candidate_id IS NOT NULL AND NOT EXISTS "
        "(SELECT 1 FROM round_candidates rc WHERE rc.round_id = t.round_id AND rc.candidate_id = t.candidate_id)"
    )
    if stray:
        report.problems.append(f"{stray} ý kiến cho ứng viên không thuộc vòng.")


def _scores_in_range(store: Store, report: Report) -> None:
    bad_scores = store.scalar(
        "SELECT COUNT(*) FROM scores s JOIN criteria c ON c.id = s.criterion_id "
        "WHERE s.points < 0 OR s.points > c.max_points"
    )
    if bad_scores:
        report.problems.append(f"{bad_scores} điểm nằm ngoài khoảng cho phép.")


def _orphan_scores(store: Store, report: Report) -> None:
    orphans = store.scalar(
        "SELECT COUNT(*) FROM scores s WHERE NOT EXISTS (SELECT 1 FROM round_candidates rc "
        "WHERE rc.round_id = s.round_id AND rc.candidate_id = s.candidate_id)"
    )
    if orphans:
        report.problems.append(f"{orphans} điểm cho ứng viên không thuộc vòng.")


def _recused_scores(store: Store, report: Report) -> None:
    for row in store.query(
        f"WITH recused AS ({RECUSED_SQL}) "
        "SELECT s.round_id, m.full_name AS member, c.full_name AS candidate, COUNT(*) AS n FROM scores s "
        "JOIN recused x ON x.round_id = s.round_id AND x.member_id = s.member_id AND x.candidate_id = s.candidate_id "
        "JOIN members m ON m.id = s.member_id JOIN candidates c ON c.id = s.candidate_id "
        "GROUP BY s.round_id, s.member_id, s.candidate_id"
    ):
        report.problems.append(
            f"Vòng #{row['round_id']}: {row['member']} có {row['n']} điểm cho {row['candidate']}, "
            "người mà thành viên này phải tránh."
        )


def _criteria_by_candidate(store: Store) -> Callable[[dict], set[int]]:
    """The criteria ids that score a candidate (its title's set, else its kind's), cached per set."""
    by_set: dict[int | None, set[int]] = {}

    def criteria_of(candidate: dict) -> set[int]:
        set_id = conference.criteria_set_id_for(store, candidate)
        if set_id not in by_set:
            by_set[set_id] = (
                {r["id"] for r in store.query("SELECT id FROM criteria WHERE set_id = ?", (set_id,))}
                if set_id
                else set()
            )
        return by_set[set_id]

    return criteria_of


def _sheets(store: Store, report: Report) -> None:
    """Every score uses a criterion of its candidate's set, and every submitted
    sheet holds a score for each criterion of each candidate the member scores."""
    criteria_of = _criteria_by_candidate(store)
    candidates: dict[int, dict] = {}
    for row in store.query(
        "SELECT rc.round_id, c.id, c.kind, c.title_id, c.full_name, t.needs_scoring FROM round_candidates rc "
        "JOIN candidates c ON c.id = rc.candidate_id JOIN titles t ON t.id = c.title_id"
    ):
        candidates.setdefault(row["round_id"], {})[row["id"]] = row
    recused: dict[tuple[int, int], set[int]] = defaultdict(set)
    for row in store.query(RECUSED_SQL):
        recused[(row["round_id"], row["member_id"])].add(row["candidate_id"])
    stored: dict[tuple[int, int], dict[int, set[int]]] = defaultdict(lambda: defaultdict(set))
    foreign = 0
    for row in store.query("SELECT round_id, member_id, candidate_id, criterion_id FROM scores"):
        candidate = candidates.get(row["round_id"], {}).get(row["candidate_id"])
        if candidate is None:
            continue  # counted as an orphan score
        if row["criterion_id"] not in criteria_of(candidate):
            foreign += 1
        stored[(row["round_id"], row["member_id"])][row["candidate_id"]].add(row["criterion_id"])
    if foreign:
        report.problems.append(f"{foreign} điểm theo tiêu chí không thuộc bộ tiêu chí của ứng viên.")
    for sub in store.query(
        "SELECT s.round_id, s.member_id, m.full_name FROM score_submissions s JOIN members m ON m.id = s.member_id"
    ):
        key = (sub["round_id"], sub["member_id"])
        missing = 0
        for candidate in candidates.get(sub["round_id"], {}).values():
            if not candidate["needs_scoring"] or candidate["id"] in recused[key]:
                continue
            missing += len(criteria_of(candidate) - stored[key][candidate["id"]])
        if missing:
            report.problems.append(
                f"Vòng #{sub['round_id']}: phiếu chấm đã nộp của {sub['full_name']} thiếu {missing} ô điểm."
            )


def _nothing_in_setup_rounds(store: Store, report: Report) -> None:
    row = (
        store._conn()
        .execute(
            "SELECT (SELECT COUNT(*) FROM ballot_receipts b JOIN rounds r ON r.id = b.round_id "
            " WHERE r.status = 'setup'), "
            "(SELECT COUNT(*) FROM score_submissions s JOIN rounds r ON r.id = s.round_id WHERE r.status = 'setup'), "
            "(SELECT IFNULL(SUM(t.count), 0) FROM ballot_tallies t JOIN rounds r ON r.id = t.round_id "
            " WHERE r.status = 'setup')"
        )
        .fetchone()
    )
    if any(row):
        report.problems.append(
            f"Vòng chưa mở nhưng đã có {row[0]} phiếu bầu, {row[1]} phiếu chấm đã nộp, {row[2]} ý kiến."
        )


CHECKS: list[Callable[[Store, Report], None]] = [
    _sqlite,
    _tallies_per_nominee,
    _tallies_whole_list,
    _tallies_outside_round,
    _scores_in_range,
    _orphan_scores,
    _recused_scores,
    _sheets,
    _nothing_in_setup_rounds,
]
