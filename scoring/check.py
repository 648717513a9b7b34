"""Integrity report of a database: SQLite's own checks plus the domain's
invariants (tallies equal ballots cast, no orphan rows, scores in range)."""

from __future__ import annotations

from dataclasses import dataclass, field

from .db import Store
from .schema import SCHEMA_VERSION


@dataclass
class Report:
    problems: list[str] = field(default_factory=list)
    facts: list[str] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return not self.problems


def check(store: Store) -> Report:
    report = Report()
    integrity = store.scalar("PRAGMA integrity_check")
    if integrity != "ok":
        report.problems.append(f"integrity_check: {integrity}")
    fk = store.query("PRAGMA foreign_key_check")
    if fk:
        report.problems.append(f"Có {len(fk)} dòng tham chiếu tới mục không tồn tại (foreign_key_check).")
    if store.version != SCHEMA_VERSION:
        report.problems.append(f"Phiên bản lược đồ {store.version}, cần {SCHEMA_VERSION}.")
    report.facts.append(f"Lược đồ phiên bản {store.version}; chế độ nhật ký {store.scalar('PRAGMA journal_mode')}.")

    # Per nominee (or the whole list), the counters add up to the valid ballots
    # of members who were not recused: checked as "never more than cast".
    for row in store.query(
        "SELECT t.round_id, t.candidate_id, SUM(t.count) AS counted, "
        "(SELECT COUNT(*) FROM ballot_receipts b WHERE b.round_id = t.round_id AND b.valid = 1) AS cast "
        "FROM ballot_tallies t GROUP BY t.round_id, t.candidate_id"
    ):
        if row["counted"] > row["cast"]:
            report.problems.append(
                f"Vòng #{row['round_id']}, ứng viên #{row['candidate_id']}: {row['counted']} ý kiến "
                f"nhưng chỉ {row['cast']} phiếu hợp lệ."
            )
    for row in store.query(
        "SELECT r.id, r.ballot_mode, "
        "(SELECT COUNT(*) FROM ballot_receipts b WHERE b.round_id = r.id AND b.valid = 1) AS cast, "
        "(SELECT SUM(count) FROM ballot_tallies t WHERE t.round_id = r.id AND t.candidate_id IS NULL) AS listed "
        "FROM rounds r WHERE r.ballot_mode = 'whole_list' AND r.status != 'setup'"
    ):
        if (row["listed"] or 0) != row["cast"]:
            report.problems.append(f"Vòng #{row['id']}: {row['listed'] or 0} ý kiến về danh sách, {row['cast']} phiếu.")
    bad_scores = store.scalar(
        "SELECT COUNT(*) FROM scores s JOIN criteria c ON c.id = s.criterion_id "
        "WHERE s.points < 0 OR s.points > c.max_points"
    )
    if bad_scores:
        report.problems.append(f"{bad_scores} điểm nằm ngoài khoảng cho phép.")
    orphans = store.scalar(
        "SELECT COUNT(*) FROM scores s WHERE NOT EXISTS (SELECT 1 FROM round_candidates rc "
        "WHERE rc.round_id = s.round_id AND rc.candidate_id = s.candidate_id)"
    )
    if orphans:
        report.problems.append(f"{orphans} điểm cho ứng viên không thuộc vòng.")
    counts = {
        t: store.scalar(f"SELECT COUNT(*) FROM {t}")
        for t in ("units", "candidates", "members", "rounds", "scores", "score_submissions", "ballot_receipts")
    }
    report.facts.append(", ".join(f"{k}: {n}" for k, n in counts.items()))
    return report
