"""Rounds of selection (vòng bình xét): which candidates, their phases, recusal.

A round moves setup → open → closed → published. Only an open round accepts
scores and ballots (the schema's triggers refuse anything else too). A closed
round can be reopened only with a reason, which is logged; a published round is
final. Closing counts the ballots: once a round was closed with ballots in it,
it takes no more, even reopened (`ballots_counted`): a re-vote is a new round.
Results are revealed on the projector by a separate, deliberate step (`reveal`)
once the round is closed.
"""

from __future__ import annotations

from collections import defaultdict
from datetime import datetime

import sqlite_utils

from . import audit
from . import validation as v
from .db import Store, get_row, now_iso
from .errors import PermissionDenied, ValidationError
from .model import OFFICERS, BallotMode, Choice, Method, RoundStatus
from .text import display_sort_key, name_sort_key

_TRANSITIONS = {
    (RoundStatus.SETUP, RoundStatus.OPEN),
    (RoundStatus.OPEN, RoundStatus.CLOSED),
    (RoundStatus.CLOSED, RoundStatus.OPEN),  # reopen: needs a reason
    (RoundStatus.CLOSED, RoundStatus.PUBLISHED),
}


def create_round(
    store: Store,
    actor: str,
    name: str,
    candidate_ids: list[int],
    *,
    ballot_mode: str = "per_nominee",
    method: str = "mean",
    recuse_same_unit: bool = True,
    normalise: bool = False,
    normalise_min_scores: int = 5,
    disagreement_sd: float = 10,
) -> int:
    row = {
        "name": v.text(name, "field.round_name", max_len=200),
        "ballot_mode": v.choice(ballot_mode, "field.ballot_mode", BallotMode).value,
        "method": v.choice(method, "field.method", Method).value,
        "recuse_same_unit": int(bool(recuse_same_unit)),
        "normalise": int(bool(normalise)),
        "normalise_min_scores": v.integer(normalise_min_scores, "field.normalise_min_scores", low=2, high=10000),
        "disagreement_sd": v.number(disagreement_sd, "field.disagreement_sd", low=0, high=100),
    }
    if not candidate_ids:  # it could never be opened, filled or deleted: a dead line on every page
        raise ValidationError("err.round_no_candidates", field="titles")
    with store.write() as db:
        # After the last one: a deleted round leaves a gap, and `count + 1` would share a position.
        row["position"] = db.execute("SELECT IFNULL(MAX(position), 0) + 1 FROM rounds").fetchone()[0]
        # Never the id of a deleted round: the log's lines for it (its creation, its deletion) would
        # read as this round's history, and the log is what the audit page filters by round.
        row["id"] = db.execute(
            "SELECT MAX(IFNULL((SELECT MAX(id) FROM rounds), 0), "
            "IFNULL((SELECT MAX(entity_id) FROM audit_log WHERE entity = 'rounds'), 0)) + 1"
        ).fetchone()[0]
        round_id = db["rounds"].insert(row).last_pk
        _set_candidates(db, round_id, candidate_ids)
        audit.log(db, actor, "round.create", "rounds", round_id, f"{row['name']} ({len(candidate_ids)} ứng viên)")
    return round_id


def set_candidates(store: Store, actor: str, round_id: int, candidate_ids: list[int]) -> None:
    with store.write() as db:
        if get_round_in(db, round_id)["status"] != RoundStatus.SETUP:
            raise ValidationError("err.round_locked_setup")
        db.execute("DELETE FROM round_candidates WHERE round_id = ?", [round_id])
        _set_candidates(db, round_id, candidate_ids)
        audit.log(db, actor, "round.candidates", "rounds", round_id, f"{len(candidate_ids)} ứng viên")


# What a round still being prepared writes to the log. Anything else (opened, a sheet, a ballot,
# a reveal…) makes the round part of the conference's record, which is never deleted.
_PREPARATION = ("round.create", "round.candidates", "round.settings")


def deletion_refusal(store: Store, round_id: int) -> ValidationError | None:
    """Why this round cannot be deleted (the error `delete_round` would raise), or None."""
    return _deletion_refusal(store.db, get_round(store, round_id))


def _deletion_refusal(db: sqlite_utils.Database, current: dict) -> ValidationError | None:
    name = current["name"]
    if current["status"] != RoundStatus.SETUP or current["opened_at"]:
        # The status as a key: the message is read in the reader's language (DomainError.message).
        return ValidationError("err.round_delete_opened", name=name, status=f"status.{current['status']}")
    counts = db.execute(
        "SELECT (SELECT COUNT(*) FROM scores WHERE round_id = :r), "
        "(SELECT COUNT(*) FROM score_submissions WHERE round_id = :r), "
        "(SELECT COUNT(*) FROM ballot_receipts WHERE round_id = :r), "
        "(SELECT COUNT(*) FROM ballot_tallies WHERE round_id = :r AND count > 0)",
        {"r": current["id"]},
    ).fetchone()
    if any(counts):
        scores, sheets, receipts, tallies = counts
        return ValidationError(
            "err.round_delete_records", name=name, scores=scores, sheets=sheets, ballots=max(receipts, tallies)
        )
    logged = list(
        db.query(
            f"SELECT action FROM audit_log WHERE entity = 'rounds' AND entity_id = ? "
            f"AND action NOT IN ({', '.join('?' * len(_PREPARATION))}) ORDER BY id LIMIT 1",
            [current["id"], *_PREPARATION],
        )
    )
    if logged:
        action = logged[0]["action"]
        return ValidationError("err.round_delete_logged", name=name, action=f"audit.action.{action}")
    return None


def delete_round(store: Store, actor: str, round_id: int) -> None:
    """Delete a round created by mistake. Only one still being prepared: never opened, no score,
    sheet or ballot, nothing in the log but its preparation; anything else is refused, saying why.
    Its list of nominees goes with it (the nominations stay), and so does attendance recorded for
    it; steps of the programme linked to it are kept, linked to no round."""
    with store.write() as db:
        current = get_round_in(db, round_id)
        refusal = _deletion_refusal(db, current)
        if refusal is not None:
            raise refusal
        nominees = db["round_candidates"].count_where("round_id = ?", [round_id])
        steps = [r["title"] for r in db.query("SELECT title FROM agenda_items WHERE round_id = ?", [round_id])]
        present = db["attendance"].count_where("round_id = ?", [round_id])
        # Explicit, not left to ON DELETE: the same whether or not a connection turned foreign keys on.
        db.execute("UPDATE agenda_items SET round_id = NULL WHERE round_id = ?", [round_id])
        for table in ("round_candidates", "attendance", "ballot_tallies"):
            db.execute(f"DELETE FROM {table} WHERE round_id = ?", [round_id])
        db.execute("DELETE FROM rounds WHERE id = ?", [round_id])
        detail = f"{current['name']} ({nominees} ứng viên"
        if present:
            detail += f", {present} dòng điểm danh"
        if steps:
            detail += f"; bỏ gắn khỏi chương trình: {', '.join(steps)}"
        audit.log(db, actor, "round.delete", "rounds", round_id, detail + ")")


def missing_nominations(store: Store, round_id: int) -> list[dict]:
    """Nominations for the round's titles added after the round was made (a supplementary
    list imported late), not in it: a round takes its titles' nominees when it is created."""
    return store.query(
        "SELECT c.id, c.full_name FROM candidates c WHERE c.title_id IN ("
        "SELECT c2.title_id FROM round_candidates rc JOIN candidates c2 ON c2.id = rc.candidate_id "
        "WHERE rc.round_id = :r) AND c.id NOT IN (SELECT candidate_id FROM round_candidates WHERE round_id = :r) "
        "ORDER BY c.id",
        {"r": round_id},
    )


def add_missing_nominations(store: Store, actor: str, round_id: int) -> int:
    """Put the late nominations of the round's titles into a round still being prepared."""
    with store.write():
        missing = [c["id"] for c in missing_nominations(store, round_id)]
        if missing:
            present = [c["id"] for c in round_candidates(store, round_id)]
            set_candidates(store, actor, round_id, present + missing)
    return len(missing)


def _set_candidates(db: sqlite_utils.Database, round_id: int, candidate_ids: list[int]) -> None:
    """The round's order, which the sheets and ballots follow: title by title (in the
    titles' order), collectives A-Z, then people by given name, whatever order the
    ids came in (a file's rows, the database's)."""
    found: dict[int, tuple] = {}
    for candidate_id in dict.fromkeys(candidate_ids):
        rows = list(
            db.query(
                "SELECT c.full_name, c.kind, t.position, t.id AS title_id FROM candidates c "
                "JOIN titles t ON t.id = c.title_id WHERE c.id = ?",
                [candidate_id],
            )
        )
        if not rows:
            raise ValidationError("err.not_found", what="what.candidate", id=candidate_id)
        row = rows[0]
        found[candidate_id] = (row["position"], row["title_id"], display_sort_key(row["full_name"], row["kind"]))
    for position, candidate_id in enumerate(sorted(found, key=found.__getitem__), start=1):
        db["round_candidates"].insert({"round_id": round_id, "candidate_id": candidate_id, "position": position})


def get_round_in(db: sqlite_utils.Database, round_id: int) -> dict:
    rows = list(db.query("SELECT * FROM rounds WHERE id = ?", [round_id]))
    if not rows:
        raise ValidationError("err.not_found", what="what.round", id=round_id)
    return rows[0]


def get_round(store: Store, round_id: int) -> dict:
    return get_round_in(store.db, round_id)


def list_rounds(store: Store) -> list[dict]:
    return store.query(
        "SELECT r.*, (SELECT COUNT(*) FROM round_candidates rc WHERE rc.round_id = r.id) AS candidate_count "
        "FROM rounds r ORDER BY position, id"
    )


def open_rounds(store: Store) -> list[dict]:
    return [r for r in list_rounds(store) if r["status"] == RoundStatus.OPEN]


def update_round_settings(store: Store, actor: str, round_id: int, **settings: object) -> None:
    """Method and thresholds may change until the round is published."""
    allowed = {"method", "normalise", "normalise_min_scores", "disagreement_sd", "ballot_mode", "recuse_same_unit"}
    if set(settings) - allowed:
        raise ValueError(f"unknown round settings: {sorted(set(settings) - allowed)}")
    row: dict = {}
    if "method" in settings:
        row["method"] = v.choice(settings["method"], "field.method", Method).value
    if "normalise" in settings:
        row["normalise"] = int(bool(settings["normalise"]))
    if "normalise_min_scores" in settings:
        row["normalise_min_scores"] = v.integer(
            settings["normalise_min_scores"], "field.normalise_min_scores", low=2, high=10000
        )
    if "disagreement_sd" in settings:
        row["disagreement_sd"] = v.number(settings["disagreement_sd"], "field.disagreement_sd", low=0, high=100)
    for key in ("ballot_mode", "recuse_same_unit"):  # these change who votes on what
        if key in settings:
            row[key] = (
                v.choice(settings[key], "field.ballot_mode", BallotMode).value
                if key == "ballot_mode"
                else int(bool(settings[key]))
            )
    with store.write() as db:
        current = get_round_in(db, round_id)
        if current["status"] == RoundStatus.PUBLISHED:
            raise ValidationError(
                "err.bad_transition", from_status=RoundStatus.PUBLISHED.label, to_status=RoundStatus.PUBLISHED.label
            )
        if {"ballot_mode", "recuse_same_unit"} & set(row) and current["status"] != RoundStatus.SETUP:
            raise ValidationError("err.round_locked_setup")
        db["rounds"].update(round_id, row)
        audit.log(db, actor, "round.settings", "rounds", round_id, ", ".join(f"{k}={val}" for k, val in row.items()))


def transition(
    store: Store, actor: str, round_id: int, to_status: str, *, reason: str = "", actor_role: str | None = None
) -> None:
    """Move a round to its next phase. Reopening a closed round needs a reason."""
    target = RoundStatus(to_status)
    if actor_role is not None and actor_role not in OFFICERS:
        raise PermissionDenied("err.not_authorised")
    with store.write() as db:
        current = get_round_in(db, round_id)
        source = RoundStatus(current["status"])
        if (source, target) not in _TRANSITIONS:
            raise ValidationError("err.bad_transition", from_status=source.label, to_status=target.label)
        reopening = source == RoundStatus.CLOSED and target == RoundStatus.OPEN
        if reopening and not v.text(reason, "field.reason", required=False):
            raise ValidationError("err.reason_required", field="reason")
        update: dict = {"status": target.value}
        if target == RoundStatus.OPEN:
            if db["round_candidates"].count_where("round_id = ?", [round_id]) == 0:
                raise ValidationError("err.round_empty", name=current["name"])
            update["opened_at"] = now_iso()
            update["revealed"] = 0
            update["projected_title_id"] = None
            _create_tallies(db, current)
        elif target == RoundStatus.CLOSED:
            update["closed_at"] = now_iso()
            # The count is read from now on: a ballot added after a reopen would be the difference
            # between this count and the next one. Sealed for good (the schema refuses more ballots).
            if db["ballot_receipts"].count_where("round_id = ?", [round_id]):
                update["ballots_counted"] = 1
        elif target == RoundStatus.PUBLISHED:
            update["published_at"] = now_iso()
            update["revealed"] = 1
        db["rounds"].update(round_id, update)
        audit.log(
            db,
            actor,
            "round.reopen" if reopening else f"round.{target.value}",
            "rounds",
            round_id,
            v.text(reason, "field.reason", required=False),
        )
    from . import backup  # issue 7: a snapshot at every phase change (never raises)

    backup.on_phase_change(store, round_id, target.value)


def reveal(store: Store, actor: str, round_id: int, revealed: bool = True) -> None:
    """Show (or hide) a closed round's results on the projector: the chair's call."""
    with store.write() as db:
        current = get_round_in(db, round_id)
        if current["status"] not in (RoundStatus.CLOSED, RoundStatus.PUBLISHED):
            raise ValidationError("err.reveal_needs_closed")
        if current["status"] == RoundStatus.PUBLISHED and not revealed:
            raise ValidationError(
                "err.bad_transition", from_status=RoundStatus.PUBLISHED.label, to_status=RoundStatus.CLOSED.label
            )
        update: dict = {"revealed": int(revealed)}
        if not revealed:
            update["projected_title_id"] = None  # the next reveal starts again from every title
        db["rounds"].update(round_id, update)
        audit.log(db, actor, "round.reveal" if revealed else "round.hide", "rounds", round_id)


# The chair's moves that put a round's results on the projector afresh (aggregate.focus_round
# reads the same ones): the reveal, the publication (which reveals), a choice of title.
_PROJECTED = ("round.reveal", "round.published", "round.project_title")


def projected_since(store: Store, round_id: int) -> float | None:
    """When (seconds since the epoch) the chair's latest move put this round's results on the
    projector, or None. The projector turns through the titles from that moment, so the first
    title gets its full turn when the results appear (on the bare wall clock it had anywhere
    between 0 and 15 s: QA saw 3 s), and every screen, reading the same row, shows the same title."""
    at = store.scalar(
        f"SELECT at FROM audit_log WHERE entity = 'rounds' AND entity_id = ? "
        f"AND action IN ({', '.join('?' * len(_PROJECTED))}) ORDER BY id DESC LIMIT 1",
        (round_id, *_PROJECTED),
    )
    return datetime.fromisoformat(at).timestamp() if at else None  # local time, as now_iso writes it


def awaits_reveal(store: Store, round_row: dict) -> bool:
    """A closed round whose results the chair has not shown since its latest close: the projector
    tells the room it waits for the reveal. Not one the chair revealed and then hid again (the
    chair moved on; "waiting for the chair" would be untrue), nor an open or published round."""
    if round_row["status"] != RoundStatus.CLOSED or round_row["revealed"]:
        return False
    shown_since_close = store.scalar(
        "SELECT COUNT(*) FROM audit_log WHERE entity = 'rounds' AND entity_id = ? "
        "AND action IN ('round.reveal', 'round.hide') AND id > IFNULL((SELECT MAX(id) FROM audit_log "
        "WHERE entity = 'rounds' AND entity_id = ? AND action = 'round.closed'), 0)",
        (round_row["id"], round_row["id"]),
    )
    return not shown_since_close


def counted_at(store: Store, round_id: int) -> str | None:
    """When the round's ballots were counted (ISO, local time), or None if they were not.
    It is the close that set `ballots_counted`: the first close after the round's last ballot
    (the log records that a ballot was cast, never what it said). Once the round was reopened
    after it, the round's `closed_at` is a later close, which counted no ballot: the minutes said
    the count ended then (QA: 17:24 instead of 17:21). Not reopened since, it is `closed_at`."""
    current = get_round(store, round_id)
    if not current["ballots_counted"]:
        return None
    rows = store.query(
        "SELECT id, at FROM audit_log WHERE entity = 'rounds' AND entity_id = ? AND action = 'round.closed' "
        "AND id > IFNULL((SELECT MAX(id) FROM audit_log WHERE entity = 'rounds' AND entity_id = ? "
        "AND action IN ('ballot.cast', 'ballot.cast_paper')), 0) ORDER BY id LIMIT 1",
        (round_id, round_id),
    )
    reopened = rows and store.scalar(
        "SELECT COUNT(*) FROM audit_log WHERE entity = 'rounds' AND entity_id = ? AND action = 'round.reopen' "
        "AND id > ?",
        (round_id, rows[0]["id"]),
    )
    return rows[0]["at"] if reopened else current["closed_at"]


def round_titles(store: Store, round_id: int) -> list[dict]:
    """The titles of a round's candidates (id, name), in the round's order."""
    return _round_titles_in(store.db, round_id)


def _round_titles_in(db: sqlite_utils.Database, round_id: int) -> list[dict]:
    return list(
        db.query(
            "SELECT t.id, t.name FROM round_candidates rc JOIN candidates c ON c.id = rc.candidate_id "
            "JOIN titles t ON t.id = c.title_id WHERE rc.round_id = ? "
            "GROUP BY t.id, t.name ORDER BY MIN(rc.position), t.id",
            [round_id],
        )
    )


def set_projected_title(
    store: Store, actor: str, round_id: int, title_id: int | None, *, actor_role: str | None = None
) -> None:
    """Which title of a revealed round the projector shows: one (`title_id`) or,
    with None, every title one under the other. The chair's call, like the reveal;
    audited, which also moves the projector's data version so every tab follows."""
    if actor_role is not None and actor_role not in OFFICERS:
        raise PermissionDenied("err.not_authorised")
    with store.write() as db:
        current = get_round_in(db, round_id)
        if current["status"] not in (RoundStatus.CLOSED, RoundStatus.PUBLISHED) or not current["revealed"]:
            raise ValidationError("err.project_title_needs_reveal", name=current["name"])
        detail = ""
        if title_id is not None:
            titles = {row["id"]: row["name"] for row in _round_titles_in(db, round_id)}
            if title_id not in titles:
                raise ValidationError(
                    "err.project_title_not_in_round", field="title", id=title_id, name=current["name"]
                )
            detail = titles[title_id]
        db["rounds"].update(round_id, {"projected_title_id": title_id})
        audit.log(db, actor, "round.project_title", "rounds", round_id, detail or "tất cả danh hiệu")


def _create_tallies(db: sqlite_utils.Database, round_row: dict) -> None:
    """Every counter a ballot could touch, created before any ballot and in a
    fixed order, so that neither rowids nor row order say who voted how."""
    subjects: list[int | None]
    if round_row["ballot_mode"] == BallotMode.WHOLE_LIST:
        subjects = [None]
    else:
        subjects = [
            r["candidate_id"]
            for r in db.query(
                "SELECT rc.candidate_id FROM round_candidates rc JOIN candidates c ON c.id = rc.candidate_id "
                "JOIN titles t ON t.id = c.title_id WHERE rc.round_id = ? AND t.needs_ballot = 1 "
                "ORDER BY rc.candidate_id",
                [round_row["id"]],
            )
        ]
    for subject in subjects:
        for choice in Choice:
            db.execute(
                "INSERT OR IGNORE INTO ballot_tallies (round_id, candidate_id, choice, count) VALUES (?, ?, ?, 0)",
                [round_row["id"], subject, choice.value],
            )


# --- who takes part in what ---------------------------------------------------------


def round_candidates(store: Store, round_id: int) -> list[dict]:
    """The round's candidates with their title's rules, in the round's order."""
    return store.query(
        "SELECT c.*, u.name AS unit, t.name AS title, t.needs_scoring, t.needs_ballot, t.allow_abstain, "
        "t.criteria_set_id AS title_criteria_set_id, rc.position AS round_position "
        "FROM round_candidates rc JOIN candidates c ON c.id = rc.candidate_id "
        "JOIN titles t ON t.id = c.title_id LEFT JOIN units u ON u.id = c.unit_id "
        "WHERE rc.round_id = ? ORDER BY rc.position",
        (round_id,),
    )


def recusals(store: Store, round_id: int) -> dict[int, set[int]]:
    """candidate id -> ids of the voting members who step back from it: the
    candidate themself, members of the candidate's unit (if the round says so),
    and conflicts the secretary added by hand."""
    current = get_round(store, round_id)
    members = store.query("SELECT id, unit_id FROM members WHERE active = 1 AND is_voting = 1")
    conflicts = store.query("SELECT member_id, candidate_id FROM conflicts")
    result: dict[int, set[int]] = defaultdict(set)
    for c in round_candidates(store, round_id):
        for m in members:
            same_unit = current["recuse_same_unit"] and c["unit_id"] is not None and c["unit_id"] == m["unit_id"]
            if c["member_id"] == m["id"] or same_unit:
                result[c["id"]].add(m["id"])
    for row in conflicts:
        result[row["candidate_id"]].add(row["member_id"])
    return dict(result)


def member_recusals(store: Store, round_id: int, member_id: int) -> list[dict]:
    """The round's candidates this member steps back from (the rules of `recusals`), in the
    round's order, each with why: `why` is "self", "conflict" (with the secretary's `reason`)
    or "same_unit". The member's sheet and ballot say so, instead of leaving them out unsaid."""
    current = get_round(store, round_id)
    unit = store.scalar("SELECT unit_id FROM members WHERE id = ?", (member_id,))
    conflicts = {
        r["candidate_id"]: r["reason"] or ""
        for r in store.query("SELECT candidate_id, reason FROM conflicts WHERE member_id = ?", (member_id,))
    }
    result = []
    for c in round_candidates(store, round_id):
        if c["member_id"] == member_id:
            why = "self"
        elif c["id"] in conflicts:
            why = "conflict"
        elif current["recuse_same_unit"] and c["unit_id"] is not None and c["unit_id"] == unit:
            why = "same_unit"
        else:
            continue
        result.append({**c, "why": why, "reason": conflicts.get(c["id"], "")})
    return result


def is_recused(store: Store, round_id: int, member_id: int, candidate_id: int) -> bool:
    return member_id in recusals(store, round_id).get(candidate_id, set())


def list_recused_from_whole_list(store: Store, round_id: int) -> set[int]:
    """Members who step back from a whole-list ballot: those on the list
    themselves and those with a hand-added conflict with someone on it. Unit
    recusal does not apply here: a list spans units, and applying it would
    silence most of the council."""
    listed = [c for c in round_candidates(store, round_id) if c["needs_ballot"]]
    listed_ids = {c["id"] for c in listed}
    result = {c["member_id"] for c in listed if c["member_id"] is not None}
    for row in store.query("SELECT member_id, candidate_id FROM conflicts"):
        if row["candidate_id"] in listed_ids:
            result.add(row["member_id"])
    return result


def list_conflicts(store: Store) -> list[dict]:
    """Hand-added conflicts with the member's and the candidate's names."""
    rows = store.query(
        "SELECT f.member_id, f.candidate_id, f.reason, m.full_name AS member, c.full_name AS candidate, "
        "t.name AS title FROM conflicts f JOIN members m ON m.id = f.member_id "
        "JOIN candidates c ON c.id = f.candidate_id JOIN titles t ON t.id = c.title_id"
    )
    return sorted(rows, key=lambda r: (name_sort_key(r["member"]), name_sort_key(r["candidate"])))


def add_conflict(store: Store, actor: str, member_id: int, candidate_id: int, reason: str = "") -> None:
    """Recuse a member from a candidate by hand. Refused once the member has
    submitted a sheet or cast a ballot in a running round with that candidate
    (a secret ballot cannot be taken back); their unsubmitted drafts for the
    candidate are deleted so they count neither for nor against."""
    clean_reason = v.text(reason, "field.reason", required=False)
    with store.write() as db:
        member = get_row(db, "members", member_id, "what.member")
        candidate = get_row(db, "candidates", candidate_id, "what.candidate")
        running = [
            r["id"]
            for r in db.query(
                "SELECT r.id FROM rounds r JOIN round_candidates rc ON rc.round_id = r.id "
                "WHERE rc.candidate_id = ? AND r.status != 'setup'",
                [candidate_id],
            )
        ]
        for round_id in running:
            done = db.execute(
                "SELECT (SELECT COUNT(*) FROM score_submissions WHERE round_id = :r AND member_id = :m) "
                "+ (SELECT COUNT(*) FROM ballot_receipts WHERE round_id = :r AND member_id = :m)",
                {"r": round_id, "m": member_id},
            ).fetchone()[0]
            if done:
                raise ValidationError(
                    "err.conflict_after_vote", member=member["full_name"], candidate=candidate["full_name"]
                )
        db["conflicts"].upsert(
            {"member_id": member_id, "candidate_id": candidate_id, "reason": clean_reason},
            pk=("member_id", "candidate_id"),
        )
        db.execute(
            "DELETE FROM scores WHERE member_id = ? AND candidate_id = ? AND round_id IN "
            "(SELECT id FROM rounds WHERE status = 'open')",
            [member_id, candidate_id],
        )
        audit.log(
            db,
            actor,
            "conflict.add",
            "candidates",
            candidate_id,
            f"{member['full_name']} không chấm, không bỏ phiếu cho {candidate['full_name']}"
            + (f" ({clean_reason})" if clean_reason else ""),
        )


def remove_conflict(store: Store, actor: str, member_id: int, candidate_id: int) -> None:
    with store.write() as db:
        member = get_row(db, "members", member_id, "what.member")
        candidate = get_row(db, "candidates", candidate_id, "what.candidate")
        db.execute("DELETE FROM conflicts WHERE member_id = ? AND candidate_id = ?", [member_id, candidate_id])
        audit.log(
            db,
            actor,
            "conflict.remove",
            "candidates",
            candidate_id,
            f"{member['full_name']} — {candidate['full_name']}",
        )


def attendance(store: Store, round_id: int) -> dict[int, bool]:
    """member id -> present, for the members whose attendance was recorded."""
    return {
        r["member_id"]: bool(r["present"])
        for r in store.query("SELECT member_id, present FROM attendance WHERE round_id = ?", (round_id,))
    }


def set_attendance(store: Store, actor: str, round_id: int, member_id: int, present: bool) -> None:
    """Record whether a member is present; final once the round is published."""
    with store.write() as db:
        if get_round_in(db, round_id)["status"] == RoundStatus.PUBLISHED:
            raise ValidationError("err.round_published")
        member = get_row(db, "members", member_id, "what.member")
        db["attendance"].upsert(
            {"round_id": round_id, "member_id": member_id, "present": int(present)}, pk=("round_id", "member_id")
        )
        audit.log(
            db,
            actor,
            "attendance",
            "members",
            member_id,
            f"vòng #{round_id}: {member['full_name']} {'có mặt' if present else 'vắng'}",
        )
