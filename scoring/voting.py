"""Scoring sheets and secret ballots: what a council member writes.

A member's scores are drafts (saved on every change) until the member submits
the whole sheet, once per round; then they are final. A ballot is cast once per
member per round, as a whole, like a paper ballot dropped in the box: one
transaction records the receipt (that the member voted) and adds each choice to
an anonymous counter. The secretary can enter a paper sheet or the written
opinion of an absent member the same way, marked `paper`. A round whose ballots
were counted at a close takes no ballot after a reopen (see `rounds`): scoring
sheets still missing can be handed in, ballots cannot.
"""

from __future__ import annotations

import math
from dataclasses import dataclass, field

import sqlite_utils

from . import audit, conference, i18n, rounds
from .db import Store, now_iso
from .errors import DomainError, PermissionDenied, RoundNotOpen, ValidationError
from .model import BallotMode, Choice, RoundStatus, Source
from .validation import number


@dataclass
class SheetItem:
    """One candidate on a member's scoring sheet."""

    candidate: dict
    criteria: list[dict]
    points: dict[int, float] = field(default_factory=dict)  # criterion id -> points

    @property
    def complete(self) -> bool:
        return all(c["id"] in self.points for c in self.criteria)

    @property
    def missing(self) -> list[dict]:
        return [c for c in self.criteria if c["id"] not in self.points]

    @property
    def total(self) -> float:
        """Weighted total on the 100-point scale of the criteria set."""
        return weighted_total(self.criteria, self.points)


def format_points(value: float | None, decimals: int = 2, lang: str | None = None) -> str:
    """Points as the reader writes them, no trailing zeros: "12,5" in Vietnamese, "12.5"
    in English, "95" in both (`lang`: default the screen's; documents pass "vi")."""
    if value is None:
        return ""
    text = f"{value:.{decimals}f}".rstrip("0").rstrip(".")
    return text.replace(".", i18n.decimal_mark(lang))


def weighted_total(criteria: list[dict], points: dict[int, float]) -> float:
    full = sum(c["weight"] * c["max_points"] for c in criteria)
    got = sum(c["weight"] * points.get(c["id"], 0.0) for c in criteria)
    return 100.0 * got / full if full else 0.0


def _member(db: sqlite_utils.Database, member_id: int) -> dict:
    rows = list(db.query("SELECT * FROM members WHERE id = ? AND active = 1", [member_id]))
    if not rows:
        raise ValidationError("err.not_found", what="what.member", id=member_id)
    if not rows[0]["is_voting"]:
        raise PermissionDenied("err.not_voting_member", name=rows[0]["full_name"])
    return rows[0]


def ballots_sealed(round_row: dict) -> bool:
    """An open round that takes no ballots: reopened after a close that counted its ballots
    (`rounds.transition`). Its missing scoring sheets can still be handed in."""
    return round_row["status"] == RoundStatus.OPEN and bool(round_row["ballots_counted"])


def _require_open(db: sqlite_utils.Database, round_id: int) -> dict:
    current = rounds.get_round_in(db, round_id)
    if current["status"] != RoundStatus.OPEN:
        raise RoundNotOpen("err.round_not_open")
    return current


# --- scoring sheets ---------------------------------------------------------------


def sheet(store: Store, round_id: int, member_id: int) -> list[SheetItem]:
    """The member's scoring sheet: candidates whose title needs scoring, recused
    ones left out, with the member's own saved points (and no one else's)."""
    recused = rounds.recusals(store, round_id)
    saved: dict[int, dict[int, float]] = {}
    for row in store.query(
        "SELECT candidate_id, criterion_id, points FROM scores WHERE round_id = ? AND member_id = ?",
        (round_id, member_id),
    ):
        saved.setdefault(row["candidate_id"], {})[row["criterion_id"]] = row["points"]
    items = []
    criteria_cache: dict[int | None, list[dict]] = {}
    for c in rounds.round_candidates(store, round_id):
        if not c["needs_scoring"] or member_id in recused.get(c["id"], set()):
            continue
        set_id = conference.criteria_set_id_for(store, c)
        if set_id not in criteria_cache:
            criteria_cache[set_id] = conference.list_criteria(store, set_id) if set_id else []
        items.append(SheetItem(candidate=c, criteria=criteria_cache[set_id], points=saved.get(c["id"], {})))
    return items


def is_submitted(store: Store, round_id: int, member_id: int) -> bool:
    return (
        store.scalar("SELECT 1 FROM score_submissions WHERE round_id = ? AND member_id = ?", (round_id, member_id))
        is not None
    )


def _check_points(criterion: dict, value: object) -> float:
    label = criterion["name"]
    points = _as_number(value, label)
    if points < 0 or points > criterion["max_points"]:
        raise ValidationError(
            "err.out_of_range",
            field=str(criterion["id"]),
            field_name=label,
            low="0",
            high=i18n.number_text(criterion["max_points"]),
            value=i18n.number_text(points),
        )
    step = criterion["step"]
    if step and not math.isclose(points / step, round(points / step), abs_tol=1e-9):
        raise ValidationError(
            "err.score_step",
            field=str(criterion["id"]),
            field_name=label,
            step=i18n.number_text(step),
            value=i18n.number_text(points),
        )
    return points


def _as_number(value: object, label: str) -> float:
    result = number(value, label)
    assert result is not None
    return result


def save_draft(
    store: Store,
    round_id: int,
    member_id: int,
    candidate_id: int,
    points: dict[int, object | None],
    *,
    actor: str | None = None,
) -> None:
    """Save some of a member's points for one candidate; None clears a criterion.
    Refused when the round is not open, the sheet is submitted, the member is
    recused or a value is out of range; then nothing of the call is saved."""
    with store.write() as db:
        _require_open(db, round_id)
        member = _member(db, member_id)
        candidate = _round_candidate(store, round_id, candidate_id)
        if rounds.is_recused(store, round_id, member_id, candidate_id):
            raise PermissionDenied("err.recused", name=candidate["full_name"])
        if db["score_submissions"].count_where("round_id = ? AND member_id = ?", [round_id, member_id]):
            raise DomainError("err.sheet_already_submitted")
        set_id = conference.criteria_set_id_for(store, candidate)
        criteria = {c["id"]: c for c in conference.list_criteria(store, set_id)} if set_id else {}
        now = now_iso()
        changes: list[str] = []
        for criterion_id, value in points.items():
            if criterion_id not in criteria:
                raise ValidationError("err.not_found", what="what.criterion", id=criterion_id)
            key = [round_id, member_id, candidate_id, criterion_id]
            label = f"tiêu chí {criteria[criterion_id]['position']}"
            if value is None or (isinstance(value, str) and not value.strip()):
                db.execute(
                    "DELETE FROM scores WHERE round_id = ? AND member_id = ? AND candidate_id = ? AND criterion_id = ?",
                    key,
                )
                changes.append(f"{label}: xóa")
                continue
            checked = _check_points(criteria[criterion_id], value)
            db.execute(
                "INSERT INTO scores (round_id, member_id, candidate_id, criterion_id, points, updated_at) "
                "VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT DO UPDATE SET points = excluded.points, "
                "updated_at = excluded.updated_at",
                [*key, checked, now],
            )
            changes.append(f"{label}: {checked:g}".replace(".", ","))
        # Scores are not secret like ballots: the log may say what was entered, by whom.
        on_behalf = actor is not None and actor != member["full_name"]
        audit.log(
            db,
            actor or member["full_name"],
            "score.paper_entry" if on_behalf else "score.draft",
            "candidates",
            candidate_id,
            f"{'thay ' if on_behalf else ''}{member['full_name']} — vòng #{round_id}, {candidate['full_name']}: "
            + "; ".join(changes),
        )


def _round_candidate(store: Store, round_id: int, candidate_id: int) -> dict:
    found = next((c for c in rounds.round_candidates(store, round_id) if c["id"] == candidate_id), None)
    if found is None:
        name = store.scalar("SELECT full_name FROM candidates WHERE id = ?", (candidate_id,)) or f"#{candidate_id}"
        raise ValidationError("err.not_in_round", name=name)
    return found


def sheet_points(items: list[SheetItem]) -> dict[int, dict[int, float]]:
    """What a sheet holds, candidate id -> criterion id -> points: the values a member
    confirms, to pass back to `submit_scores` as `expected`."""
    return {i.candidate["id"]: dict(i.points) for i in items}


def submit_scores(
    store: Store,
    round_id: int,
    member_id: int,
    *,
    source: str = "online",
    actor: str | None = None,
    expected: dict[int, dict[int, float]] | None = None,
) -> int:
    """Submit a member's whole sheet (every criterion of every candidate filled).
    Returns the number of candidates submitted. Once only: a sheet already
    submitted (from another tab or computer with the same code, or on paper) stays
    as it was; no phase of a round deletes a submission. `expected` (see
    `sheet_points`) is what the member saw when confirming: if the stored points
    differ (edited meanwhile in another tab), nothing is submitted."""
    items = sheet(store, round_id, member_id)
    with store.write() as db:
        _require_open(db, round_id)
        member = _member(db, member_id)
        if db["score_submissions"].count_where("round_id = ? AND member_id = ?", [round_id, member_id]):
            raise DomainError("err.sheet_already_submitted")
        if expected is not None:
            stored: dict[int, dict[int, float]] = {i.candidate["id"]: {} for i in items}
            for row in db.query(
                "SELECT candidate_id, criterion_id, points FROM scores WHERE round_id = ? AND member_id = ?",
                [round_id, member_id],
            ):
                if row["candidate_id"] in stored:
                    stored[row["candidate_id"]][row["criterion_id"]] = row["points"]
            if stored != {c: expected.get(c, {}) for c in stored}:
                raise DomainError("err.sheet_changed_before_submit")
        incomplete = [i for i in items if not i.complete]
        if incomplete:
            missing = sum(len(i.missing) for i in incomplete)
            detail = "; ".join(f"{i.candidate['full_name']} ({len(i.missing)})" for i in incomplete[:5])
            raise ValidationError("err.incomplete_sheet", count=missing, detail=detail)
        db["score_submissions"].insert(
            {
                "round_id": round_id,
                "member_id": member_id,
                "source": Source(source).value,
                "submitted_at": now_iso(),
            }
        )
        audit.log(
            db,
            actor or member["full_name"],
            "score.submit" if source == "online" else "score.submit_paper",
            "rounds",
            round_id,
            f"{member['full_name']}: {len(items)} ứng viên",
        )
    return len(items)


def enter_paper_sheet(
    store: Store, round_id: int, member_id: int, points: dict[int, dict[int, object]], *, actor: str
) -> int:
    """The counting board enters a member's paper scoring sheet (or an absent
    member's written scores) and submits it, all or nothing, marked `paper`."""
    with store.write():
        for candidate_id, candidate_points in points.items():
            save_draft(store, round_id, member_id, candidate_id, candidate_points, actor=actor)
        return submit_scores(store, round_id, member_id, source=Source.PAPER.value, actor=actor)


# --- secret ballots -------------------------------------------------------------------


def ballot_subjects(store: Store, round_id: int, member_id: int) -> list[dict]:
    """What the member's ballot asks about: one entry per nominee (recused ones
    left out), or a single entry (candidate None) for the whole list."""
    current = rounds.get_round(store, round_id)
    nominees = [c for c in rounds.round_candidates(store, round_id) if c["needs_ballot"]]
    if current["ballot_mode"] == BallotMode.WHOLE_LIST:
        if member_id in rounds.list_recused_from_whole_list(store, round_id):
            return []
        allow_abstain = bool(nominees) and all(c["allow_abstain"] for c in nominees)
        return (
            [{"candidate_id": None, "names": [c["full_name"] for c in nominees], "allow_abstain": allow_abstain}]
            if nominees
            else []
        )
    recused = rounds.recusals(store, round_id)
    return [
        {"candidate_id": c["id"], "candidate": c, "allow_abstain": bool(c["allow_abstain"])}
        for c in nominees
        if member_id not in recused.get(c["id"], set())
    ]


def participants(store: Store, round_id: int) -> tuple[set[int], set[int]]:
    """(members with a sheet to fill, members with a ballot to cast) in a round, by the
    rules of `sheet` and `ballot_subjects`, in a few queries whatever the council's size
    (the projector recounts after every saved draft). A member on a whole list, or
    recused from every nominee, has no ballot; one recused from every candidate to
    score has no sheet."""
    members = {m["id"] for m in conference.list_members(store, voting_only=True)}
    current = rounds.get_round(store, round_id)
    candidates = rounds.round_candidates(store, round_id)
    recused = rounds.recusals(store, round_id)

    def free_for(wanted: list[dict]) -> set[int]:
        return {m for m in members if any(m not in recused.get(c["id"], set()) for c in wanted)}

    scorers = free_for([c for c in candidates if c["needs_scoring"]])
    nominees = [c for c in candidates if c["needs_ballot"]]
    if not nominees:
        voters: set[int] = set()
    elif current["ballot_mode"] == BallotMode.WHOLE_LIST:
        voters = members - rounds.list_recused_from_whole_list(store, round_id)
    else:
        voters = free_for(nominees)
    return scorers, voters


def has_voted(store: Store, round_id: int, member_id: int) -> bool:
    return (
        store.scalar("SELECT 1 FROM ballot_receipts WHERE round_id = ? AND member_id = ?", (round_id, member_id))
        is not None
    )


def cast_ballot(
    store: Store,
    round_id: int,
    member_id: int,
    choices: dict[int | None, str],
    *,
    source: str = "online",
    valid: bool = True,
    actor: str | None = None,
) -> None:
    """Cast a member's whole ballot, once. An invalid paper ballot (valid=False)
    is recorded as returned but adds nothing to the tallies."""
    with store.write() as db:
        current = _require_open(db, round_id)
        if ballots_sealed(current):  # reopened after its count: a late ballot would show in the difference
            raise RoundNotOpen("err.ballots_counted")
        member = _member(db, member_id)
        # Read under the write lock: a conflict of interest declared meanwhile must not be voted past.
        subjects = ballot_subjects(store, round_id, member_id)
        if not subjects:
            if current["ballot_mode"] == BallotMode.WHOLE_LIST and member_id in rounds.list_recused_from_whole_list(
                store, round_id
            ):
                raise PermissionDenied("err.recused_list", name=member["full_name"])
            raise ValidationError("err.ballot_not_needed")
        if db["ballot_receipts"].count_where("round_id = ? AND member_id = ?", [round_id, member_id]):
            raise DomainError("err.ballot_already_cast")
        counted: list[tuple[int | None, str]] = []
        if valid:
            allowed_ids = {s["candidate_id"] for s in subjects}
            for subject_id in choices:
                if subject_id not in allowed_ids:
                    name = store.scalar("SELECT full_name FROM candidates WHERE id = ?", (subject_id,)) or "?"
                    if rounds.is_recused(store, round_id, member_id, subject_id or 0):
                        raise PermissionDenied("err.recused", name=name)
                    raise ValidationError("err.not_in_round", name=name)
            missing = [s for s in subjects if not choices.get(s["candidate_id"])]
            if missing:
                # A whole-list ballot has one subject, the list: named by a catalogue key, in the reader's language.
                whole_list = missing[0]["candidate_id"] is None
                names = "ballot.missing_list" if whole_list else ", ".join(s["candidate"]["full_name"] for s in missing)
                raise ValidationError("err.incomplete_ballot", detail=names)
            for s in subjects:
                choice = Choice(choices[s["candidate_id"]])
                if choice == Choice.ABSTAIN and not s["allow_abstain"]:
                    raise ValidationError(
                        "err.bad_choice",
                        field_name="field.opinion",
                        value=choice.label,
                        allowed=f"{Choice.APPROVE.label}, {Choice.REJECT.label}",
                    )
                counted.append((s["candidate_id"], choice.value))
        db["ballot_receipts"].insert(
            {
                "round_id": round_id,
                "member_id": member_id,
                "source": Source(source).value,
                "valid": int(valid),
            }
        )
        for subject_id, choice in counted:
            cursor = db.execute(
                "UPDATE ballot_tallies SET count = count + 1 WHERE round_id = ? AND IFNULL(candidate_id, 0) = ? "
                "AND choice = ?",
                [round_id, subject_id or 0, choice],
            )
            if cursor.rowcount != 1:  # a tally row is missing: refuse rather than miscount
                raise ValidationError("err.not_in_round", name=str(subject_id))
        # The log says that a ballot was cast, never what it said.
        audit.log(
            db,
            actor or member["full_name"],
            "ballot.cast" if source == "online" else "ballot.cast_paper",
            "rounds",
            round_id,
            member["full_name"] + ("" if valid else " (phiếu không hợp lệ)"),
        )


def tallies(store: Store, round_id: int) -> list[dict]:
    """Counts per subject and choice (candidate_id None = the whole list)."""
    return store.query(
        "SELECT candidate_id, choice, count FROM ballot_tallies WHERE round_id = ? ORDER BY candidate_id, choice",
        (round_id,),
    )


# --- progress (who, never what) ---------------------------------------------------------


def progress(store: Store, round_id: int) -> list[dict]:
    """Per voting member: how many candidates they have fully scored, whether the
    sheet is submitted and whether they have voted. Never their choices."""
    needs_ballot = any(c["needs_ballot"] for c in rounds.round_candidates(store, round_id))
    submitted = {
        r["member_id"]: r["source"]
        for r in store.query("SELECT member_id, source FROM score_submissions WHERE round_id = ?", (round_id,))
    }
    voted = {
        r["member_id"]: r["source"]
        for r in store.query("SELECT member_id, source FROM ballot_receipts WHERE round_id = ?", (round_id,))
    }
    result = []
    for m in conference.list_members(store, voting_only=True):
        items = sheet(store, round_id, m["id"])
        can_vote = needs_ballot and bool(ballot_subjects(store, round_id, m["id"]))
        result.append(
            {
                "member_id": m["id"],
                "full_name": m["full_name"],
                "role": m["role"],
                "unit": m["unit"],
                "to_score": len(items),
                "scored": sum(1 for i in items if i.complete),
                "submitted": m["id"] in submitted,
                "needs_ballot": needs_ballot,
                "can_vote": can_vote,
                "voted": m["id"] in voted,
                "source": submitted.get(m["id"]) or voted.get(m["id"]) or "",
            }
        )
    return result


def missing(store: Store, round_id: int) -> dict[str, list[dict]]:
    """Who still owes a sheet or a ballot (the secretary's nudge list); members
    marked absent are listed apart, for a paper entry. Nobody owes a ballot once
    the round's ballots were counted (a reopened round takes none)."""
    absent = {m for m, present in rounds.attendance(store, round_id).items() if not present}
    sealed = ballots_sealed(rounds.get_round(store, round_id))
    rows = progress(store, round_id)
    return {
        "sheet": [r for r in rows if r["to_score"] and not r["submitted"] and r["member_id"] not in absent],
        "ballot": [
            r
            for r in rows
            if not sealed and r["needs_ballot"] and r["can_vote"] and not r["voted"] and r["member_id"] not in absent
        ],
        "absent": [r for r in rows if r["member_id"] in absent and _owes(r, sealed)],
    }


def _owes(row: dict, sealed: bool = False) -> bool:
    return bool(row["to_score"] and not row["submitted"]) or bool(not sealed and row["can_vote"] and not row["voted"])


# --- one member's own tasks (what is left to do, never anyone's choices) -----------------


@dataclass(frozen=True)
class Duties:
    """What a voting member has to do in a round, and what they have done: a
    scoring sheet if any candidate is theirs to score, a ballot if the round asks
    them anything. Read only; for the member's own "what next" lines."""

    round_id: int
    to_score: bool
    submitted: bool
    to_vote: bool
    voted: bool
    drafted: bool  # some points saved on the sheet (drafts, or the submitted sheet)

    @property
    def sheet_pending(self) -> bool:
        return self.to_score and not self.submitted

    @property
    def ballot_pending(self) -> bool:
        return self.to_vote and not self.voted

    @property
    def all_done(self) -> bool:
        """The member had something to do in the round and has done all of it."""
        return (self.to_score or self.to_vote) and not self.sheet_pending and not self.ballot_pending


def duties(store: Store, round_id: int, member_id: int) -> Duties:
    items = sheet(store, round_id, member_id)
    voted = has_voted(store, round_id, member_id)
    sealed = ballots_sealed(rounds.get_round(store, round_id))  # no ballot left to cast after the count
    return Duties(
        round_id=round_id,
        to_score=bool(items),
        submitted=is_submitted(store, round_id, member_id),
        to_vote=bool(ballot_subjects(store, round_id, member_id)) and (voted or not sealed),
        voted=voted,
        drafted=any(i.points for i in items),
    )


def missed_in_last_closed_round(store: Store, member_id: int) -> tuple[dict, Duties] | None:
    """The most recently closed round (closed or published, latest `closed_at`)
    with what the member left undone in it, if they did not submit their sheet or
    did not vote there; None otherwise. Says nothing of the round's results."""
    closed = [
        r
        for r in rounds.list_rounds(store)
        if r["status"] in (RoundStatus.CLOSED, RoundStatus.PUBLISHED) and r["closed_at"]
    ]
    if not closed:
        return None
    last = max(closed, key=lambda r: (r["closed_at"], r["id"]))
    left = duties(store, last["id"], member_id)
    return (last, left) if left.sheet_pending or left.ballot_pending else None
