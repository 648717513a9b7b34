"""Setting up a conference: its details, units, titles, criteria, council
members, candidates, agenda and counting board.

Every function validates its input (messages in Vietnamese), stores NFC text,
writes in one transaction and records the change in the audit log. Reads return
plain dicts, sorted as Vietnamese users expect.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

import sqlite_utils

from . import access_sheet, audit, auth
from . import validation as v
from .db import Store, get_row
from .errors import ValidationError
from .i18n import number_text, t
from .model import CandidateKind, Denominator, QuotaKind, Role, ThresholdRule, UnitKind
from .text import clean, display_sort_key, fold, name_sort_key, spelling_key, text_sort_key

# --- conference details -------------------------------------------------------------------


def get_conference(store: Store) -> dict:
    rows = store.query("SELECT * FROM conference WHERE id = 1")
    return rows[0] if rows else {"id": 1, "name": "", "organisation": "", "period": "", "date": None, "place": ""}


def save_conference(store: Store, actor: str, **fields: Any) -> None:
    v.known_fields(fields, {"name", "organisation", "period", "date", "place", "legal_basis", "join_url"}, "conference")
    row = {k: v.text(val, f"setup.conf.{k}", required=(k == "name")) for k, val in fields.items() if k != "date"}
    if row.get("join_url"):  # the address QR codes and links are built on: checked once, here
        row["join_url"] = access_sheet.clean_join_url(row["join_url"])
    if "date" in fields:
        row["date"] = v.parse_date(fields["date"])
    with store.write() as db:
        if db["conference"].count == 0:
            db["conference"].insert({"id": 1, "name": row.pop("name", "") or "Hội nghị", **row})
        else:
            db["conference"].update(1, row)
        audit.log(db, actor, "conference.update", "conference", 1, ", ".join(sorted(fields)))


def start(store: Store, actor: str, *, name: str, organisation: str, secretary: str) -> str:
    """A new institution's conference in an empty database: its name and organisation,
    and the council's secretary, who sets up the rest in the app. Returns the
    secretary's access code (shown once). The app loads its demo only into a
    database without a conference, so this one stays the institution's own."""
    secretary = v.text(secretary, "field.full_name", max_len=200)  # checked before anything is written
    if store.scalar("SELECT COUNT(*) FROM conference"):
        raise ValidationError("err.conference_exists")
    save_conference(store, actor, name=name, organisation=organisation)
    return add_member(store, actor, secretary, Role.SECRETARY)[1]


def get_setting(store: Store, key: str, default: str | None = None) -> str | None:
    value = store.scalar("SELECT value FROM settings WHERE key = ?", (key,))
    return default if value is None else value


def set_setting(store: Store, key: str, value: str, actor: str) -> None:
    with store.write() as db:
        db["settings"].upsert({"key": key, "value": str(value)}, pk="key")
        audit.log(db, actor, "setting.update", "settings", None, key)


# The projector's seconds per screen when it turns through titles, or through the screens of a
# long title: the chair sets them to the pace of reading the names aloud.
PROJECTOR_SECONDS = "projector_seconds"
DEFAULT_PROJECTOR_SECONDS = 15
PROJECTOR_SECONDS_RANGE = (5, 300)


def projector_seconds(store: Store) -> int:
    value = get_setting(store, PROJECTOR_SECONDS)
    return int(value) if value and value.isdigit() else DEFAULT_PROJECTOR_SECONDS


def set_projector_seconds(store: Store, actor: str, seconds: object) -> int:
    """Seconds per projector screen, a whole number in PROJECTOR_SECONDS_RANGE; returns it."""
    low, high = PROJECTOR_SECONDS_RANGE
    value = v.integer(seconds, "field.projector_seconds", low=low, high=high)
    set_setting(store, PROJECTOR_SECONDS, str(value), actor)
    return value


# --- shared checks ------------------------------------------------------------------------
# A delete that would orphan data (a candidate's unit, a title still proposed…) is
# refused with a message that says what still uses the row; SET NULL cascades in the
# schema would otherwise lose information silently.


def _ensure_unique(
    db: sqlite_utils.Database,
    table: str,
    column: str,
    value: str,
    exclude_id: int | None = None,
    extra: str = "",
    params: tuple = (),
) -> None:
    """Refuse a name that differs from an existing one only by case or the way
    its diacritics were typed (NFC/NFD). Stored names are NFC, so a twin has
    the same number of characters: the length narrows the scan before the
    (cached) fold compares."""
    sql = (
        f"SELECT {column} FROM {table} WHERE length({column}) = ? AND fold({column}) = ? "
        f"AND id IS NOT ? {extra} LIMIT 1"
    )
    row = db.execute(sql, (len(clean(value)), fold(value), exclude_id, *params)).fetchone()
    if row is not None:
        raise ValidationError("err.duplicate_name", field=column, name=row[0])


def _refuse_if_used(db: sqlite_utils.Database, what: str, name: str, uses: list[tuple[str, str, list]]) -> None:
    """`uses` lists (catalogue key of the count's text, SQL count query, params); any
    non-zero count refuses, naming every use."""
    found = []
    for label, sql, params in uses:
        count = db.execute(sql, params).fetchone()[0]
        if count:
            found.append(t(label, count=count))
    if found:
        raise ValidationError("err.in_use", what=what, name=name, uses=", ".join(found))


def find_unit(store: Store, name: str) -> dict | None:
    """A unit by name, ignoring case and diacritics encoding (also the short name)."""
    wanted = fold(name)
    for unit in list_units(store):
        if wanted in (fold(unit["name"]), fold(unit["short_name"])) and wanted:
            return unit
    return None


def find_title(store: Store, name: str) -> dict | None:
    """The title of this name, however its case, accents, punctuation or i/y are written."""
    wanted = spelling_key(name)
    return next((t for t in list_titles(store) if spelling_key(t["name"]) == wanted), None)


# --- units --------------------------------------------------------------------------------


def add_unit(
    store: Store, actor: str, name: str, kind: str = "khoa", short_name: str = "", staff_count: object = None
) -> int:
    row = _unit_row({"name": name, "kind": kind, "short_name": short_name, "staff_count": staff_count})
    with store.write() as db:
        _ensure_unique(db, "units", "name", row["name"])
        unit_id = db["units"].insert(row).last_pk
        audit.log(db, actor, "unit.add", "units", unit_id, row["name"])
    return unit_id


def _unit_row(fields: Mapping[str, Any]) -> dict:
    """A unit's fields validated, for an add and an edit alike."""
    return {
        "name": v.text(fields["name"], "field.unit_name", max_len=200),
        "kind": v.choice(fields["kind"], "field.unit_kind", UnitKind).value,
        "short_name": v.text(fields["short_name"], "field.short_name", required=False, max_len=50),
        "staff_count": v.integer(fields["staff_count"], "field.staff_count", low=0, high=100000, required=False),
    }


def list_units(store: Store) -> list[dict]:
    units = store.query("SELECT * FROM units")
    return sorted(units, key=lambda u: text_sort_key(u["name"]))


def update_unit(store: Store, actor: str, unit_id: int, **fields: Any) -> None:
    """Rename or re-describe a unit; candidates and members keep pointing at it."""
    v.known_fields(fields, {"name", "kind", "short_name", "staff_count"}, "unit")
    with store.write() as db:
        row = _unit_row({**get_row(db, "units", unit_id, "what.unit"), **fields})
        _ensure_unique(db, "units", "name", row["name"], exclude_id=unit_id)
        db["units"].update(unit_id, row)
        audit.log(db, actor, "unit.update", "units", unit_id, row["name"])


def delete_unit(store: Store, actor: str, unit_id: int) -> None:
    with store.write() as db:
        unit = get_row(db, "units", unit_id, "what.unit")
        _refuse_if_used(
            db,
            "what.unit",
            unit["name"],
            [
                ("uses.candidates", "SELECT COUNT(*) FROM candidates WHERE unit_id = ?", [unit_id]),
                ("uses.members", "SELECT COUNT(*) FROM members WHERE unit_id = ?", [unit_id]),
                ("uses.indicator_values", "SELECT COUNT(*) FROM indicator_values WHERE unit_id = ?", [unit_id]),
            ],
        )
        db["units"].delete(unit_id)
        audit.log(db, actor, "unit.delete", "units", unit_id, unit["name"])


# --- titles -------------------------------------------------------------------------------


def add_title(store: Store, actor: str, name: str, applies_to: str, **settings: Any) -> int:
    row = _title_row(name, applies_to, settings)
    with store.write() as db:
        _ensure_unique(db, "titles", "name", row["name"])
        if (
            row.get("quota_of_title_id") is not None
            and db["titles"].count_where("id = ?", [row["quota_of_title_id"]]) == 0
        ):
            raise ValidationError("err.not_found", what="what.title", id=row["quota_of_title_id"])
        row["position"] = settings.get("position", db["titles"].count + 1)
        title_id = db["titles"].insert(row).last_pk
        audit.log(db, actor, "title.add", "titles", title_id, row["name"])
    return title_id


# What decides a title's results: fixed once a round using it has counted them.
RULE_FIELDS = (
    "needs_scoring", "needs_ballot", "allow_abstain", "threshold_pct", "threshold_rule", "denominator",
    "quorum_pct", "min_score", "quota_kind", "quota_value", "quota_of_title_id", "criteria_set_id", "applies_to",
)  # fmt: skip


def update_title(store: Store, actor: str, title_id: int, **settings: Any) -> None:
    """Save a title's settings. Its rules are refused once a round that uses it is
    closed or published: the results counted under them must not change afterwards
    (a closed round can be reopened, with a reason, to correct them)."""
    with store.write() as db:
        current = get_row(db, "titles", title_id, "what.title")
        merged = {**current, **settings}
        row = _title_row(merged["name"], merged["applies_to"], merged)
        _ensure_unique(db, "titles", "name", row["name"], exclude_id=title_id)
        changed = {k: (current.get(k), val) for k, val in row.items() if current.get(k) != val}
        if any(k in RULE_FIELDS for k in changed):
            counted = db.execute(
                "SELECT r.name, r.status FROM rounds r WHERE r.status IN ('closed', 'published') AND EXISTS ("
                "SELECT 1 FROM round_candidates rc JOIN candidates c ON c.id = rc.candidate_id "
                "WHERE rc.round_id = r.id AND c.title_id = ?) ORDER BY r.id",
                [title_id],
            ).fetchone()
            if counted:
                raise ValidationError(f"err.title_rules_counted.{counted[1]}", title=current["name"], round=counted[0])
        db["titles"].update(title_id, row)
        detail = "; ".join(f"{k}: {_shown(old)} → {_shown(new)}" for k, (old, new) in changed.items())
        audit.log(db, actor, "title.update", "titles", title_id, detail)


def _shown(value: Any) -> str:
    """A setting as the audit log writes it: 66,67 with a decimal comma, '—' for none."""
    if value is None:
        return "—"
    if isinstance(value, float):
        return number_text(value, "g", "vi")
    return str(value)


def _title_row(name: str, applies_to: str, s: dict) -> dict:
    row = {
        "name": v.text(name, "field.title_name", max_len=200),
        "applies_to": v.choice(applies_to, "field.applies_to", CandidateKind).value,
        "level": v.text(s.get("level", "co_so"), "field.level"),
        "needs_scoring": int(bool(s.get("needs_scoring", 1))),
        "needs_ballot": int(bool(s.get("needs_ballot", 1))),
        "allow_abstain": int(bool(s.get("allow_abstain", 0))),
        "threshold_pct": v.number(s.get("threshold_pct", 50), "field.threshold_pct", low=0, high=100, percent=True),
        "threshold_rule": v.choice(s.get("threshold_rule", "more_than"), "field.threshold_rule", ThresholdRule).value,
        "denominator": v.choice(s.get("denominator", "all"), "field.denominator", Denominator).value,
        "quorum_pct": v.number(s.get("quorum_pct", 66.67), "field.quorum_pct", low=0, high=100, percent=True),
        "min_score": v.number(s.get("min_score"), "field.min_score", low=0, high=100, required=False),
        "quota_kind": v.choice(s.get("quota_kind", "none"), "field.quota_kind", QuotaKind).value,
        "quota_value": v.number(s.get("quota_value"), "field.quota_value", low=0, required=False),
        "quota_of_title_id": s.get("quota_of_title_id"),
        "criteria_set_id": s.get("criteria_set_id"),
        "legal_basis": v.text(s.get("legal_basis", ""), "field.legal_basis", required=False),
    }
    if row["quota_kind"] != "none" and row["quota_value"] is None:
        raise ValidationError("err.required", field="quota_value", field_name="field.quota_value")
    return row


def list_titles(store: Store) -> list[dict]:
    return store.query("SELECT * FROM titles ORDER BY position, id")


def delete_title(store: Store, actor: str, title_id: int) -> None:
    with store.write() as db:
        title = get_row(db, "titles", title_id, "what.title")
        _refuse_if_used(
            db,
            "what.title",
            title["name"],
            [
                ("uses.candidates", "SELECT COUNT(*) FROM candidates WHERE title_id = ?", [title_id]),
                ("uses.quota_titles", "SELECT COUNT(*) FROM titles WHERE quota_of_title_id = ?", [title_id]),
            ],
        )
        db["titles"].delete(title_id)
        audit.log(db, actor, "title.delete", "titles", title_id, title["name"])


# --- criteria sets ------------------------------------------------------------------------


def add_criteria_set(
    store: Store, actor: str, name: str, criteria: list[dict], applies_to: str | None = None, description: str = ""
) -> int:
    """A criteria set with its ordered criteria, each {name, max_points, weight?, step?, description?}."""
    row = _criteria_set_row({"name": name, "applies_to": applies_to, "description": description})
    cleaned = [_criterion_row(c, i + 1) for i, c in enumerate(criteria)]
    with store.write() as db:
        _ensure_unique(db, "criteria_sets", "name", row["name"])
        set_id = db["criteria_sets"].insert(row).last_pk
        for c in cleaned:
            db["criteria"].insert({**c, "set_id": set_id})
        audit.log(db, actor, "criteria_set.add", "criteria_sets", set_id, f"{row['name']} ({len(cleaned)} tiêu chí)")
    return set_id


def _criteria_set_row(fields: Mapping[str, Any]) -> dict:
    """A criteria set's own fields validated. Without `applies_to` the set is no kind's
    default: only the titles that name it use it."""
    applies_to = fields["applies_to"]
    return {
        "name": v.text(fields["name"], "field.criteria_set_name", max_len=200),
        "applies_to": v.choice(applies_to, "field.applies_to", CandidateKind).value if applies_to else None,
        "description": v.text(fields["description"], "field.description", required=False),
    }


def replace_criteria(store: Store, actor: str, set_id: int, criteria: list[dict]) -> None:
    """Replace a set's criteria (only while no score references them)."""
    cleaned = [_criterion_row(c, i + 1) for i, c in enumerate(criteria)]
    with store.write() as db:
        used = db.execute(
            "SELECT COUNT(*) FROM scores s JOIN criteria c ON c.id = s.criterion_id WHERE c.set_id = ?", [set_id]
        ).fetchone()[0]
        if used:
            raise ValidationError("err.criteria_in_use")
        db.execute("DELETE FROM criteria WHERE set_id = ?", [set_id])
        for c in cleaned:
            db["criteria"].insert({**c, "set_id": set_id})
        audit.log(db, actor, "criteria_set.update", "criteria_sets", set_id, f"{len(cleaned)} tiêu chí")


def _criterion_row(c: dict, position: int) -> dict:
    return {
        "position": position,
        "name": v.text(c.get("name"), t("field.criterion_n_name", n=position), max_len=500),
        "description": v.text(c.get("description", ""), "field.description", required=False),
        "max_points": v.number(
            c.get("max_points"), t("field.criterion_n_max", n=position), positive=True, low=0, high=1000
        ),
        "weight": v.number(
            c.get("weight", 1), t("field.criterion_n_weight", n=position), positive=True, low=0, high=1000
        ),
        "step": v.number(c.get("step", 0.5), t("field.criterion_n_step", n=position), positive=True),
    }


def list_criteria_sets(store: Store) -> list[dict]:
    return store.query("SELECT * FROM criteria_sets ORDER BY id")


def list_criteria(store: Store, set_id: int) -> list[dict]:
    return store.query("SELECT * FROM criteria WHERE set_id = ? ORDER BY position", (set_id,))


def criteria_set_id_for(store: Store, candidate: dict) -> int | None:
    """The set that scores a candidate: its title's set, else the set for its kind."""
    title_set = store.scalar("SELECT criteria_set_id FROM titles WHERE id = ?", (candidate["title_id"],))
    if title_set:
        return title_set
    return store.scalar("SELECT id FROM criteria_sets WHERE applies_to = ? ORDER BY id LIMIT 1", (candidate["kind"],))


def update_criteria_set(store: Store, actor: str, set_id: int, **fields: Any) -> None:
    v.known_fields(fields, {"name", "applies_to", "description"}, "criteria set")
    with store.write() as db:
        row = _criteria_set_row({**get_row(db, "criteria_sets", set_id, "what.criteria_set"), **fields})
        _ensure_unique(db, "criteria_sets", "name", row["name"], exclude_id=set_id)
        db["criteria_sets"].update(set_id, row)
        audit.log(db, actor, "criteria_set.update", "criteria_sets", set_id, row["name"])


def delete_criteria_set(store: Store, actor: str, set_id: int) -> None:
    with store.write() as db:
        cs = get_row(db, "criteria_sets", set_id, "what.criteria_set")
        _refuse_if_used(
            db,
            "what.criteria_set",
            cs["name"],
            [
                ("uses.titles_of_set", "SELECT COUNT(*) FROM titles WHERE criteria_set_id = ?", [set_id]),
                (
                    "uses.scores",
                    "SELECT COUNT(*) FROM scores s JOIN criteria c ON c.id = s.criterion_id WHERE c.set_id = ?",
                    [set_id],
                ),
            ],
        )
        db["criteria_sets"].delete(set_id)
        audit.log(db, actor, "criteria_set.delete", "criteria_sets", set_id, cs["name"])


def criteria_total(criteria: list[dict]) -> float:
    """The sum of maximum points: a scoring sheet is expected to total 100."""
    return float(sum(float(c.get("max_points") or 0) for c in criteria))


def criteria_warnings(criteria: list[dict]) -> list[str]:
    """Warnings (not errors: totals are rescaled to 100 anyway) about a criteria list."""
    total = criteria_total(criteria)
    if criteria and abs(total - 100) > 1e-9:
        return [t("warn.criteria_total", total=number_text(total))]
    return []


# --- council members ----------------------------------------------------------------------


def add_member(
    store: Store,
    actor: str,
    full_name: str,
    role: str = "member",
    unit: str | int | None = None,
    position: str = "",
    is_voting: bool = True,
    code: str | None = None,
) -> tuple[int, str]:
    """Add a council member; returns (id, access code). The code is shown once."""
    row = {
        "full_name": v.text(full_name, "field.full_name", max_len=200),
        "role": v.choice(role, "field.role", Role).value,
        "position": v.text(position, "field.position", required=False, max_len=300),
        "unit_id": _unit_id(store, unit),
        "is_voting": int(bool(is_voting)),
    }
    with store.write() as db:
        _ensure_unique(db, "members", "full_name", row["full_name"])
        member_id = db["members"].insert(row).last_pk
        audit.log(db, actor, "member.add", "members", member_id, row["full_name"])
    return member_id, auth.set_code(store, member_id, actor, code)


def list_members(store: Store, *, voting_only: bool = False) -> list[dict]:
    clause = "AND is_voting = 1" if voting_only else ""
    rows = store.query(
        "SELECT m.id, m.full_name, m.role, m.position, m.unit_id, u.name AS unit, m.is_voting, m.active "
        f"FROM members m LEFT JOIN units u ON u.id = m.unit_id WHERE m.active = 1 {clause}"
    )
    return sorted(rows, key=lambda m: name_sort_key(m["full_name"]))


def _unit_id(store: Store, unit: str | int | None) -> int | None:
    if unit is None or unit == "":
        return None
    if isinstance(unit, int):
        if store.scalar("SELECT id FROM units WHERE id = ?", (unit,)) is None:
            raise ValidationError("err.not_found", what="what.unit", id=unit)
        return unit
    found = find_unit(store, unit)
    if found is None:
        raise ValidationError("err.unknown_unit", field="unit", name=unit)
    return found["id"]


def update_member(store: Store, actor: str, member_id: int, **fields: Any) -> None:
    """Name, role, position, unit or voting right; the access code is untouched."""
    v.known_fields(fields, {"full_name", "role", "position", "unit", "is_voting"}, "member")
    with store.write() as db:
        current = get_row(db, "members", member_id, "what.member")
        merged = {**current, **fields}
        row = {
            "full_name": v.text(merged["full_name"], "field.full_name", max_len=200),
            "role": v.choice(merged["role"], "field.role", Role).value,
            "position": v.text(merged["position"], "field.position", required=False, max_len=300),
            "unit_id": _unit_id(store, fields["unit"]) if "unit" in fields else current["unit_id"],
            "is_voting": int(bool(merged["is_voting"])),
        }
        _ensure_unique(db, "members", "full_name", row["full_name"], exclude_id=member_id)
        if row["role"] != Role.SECRETARY:
            _keep_a_secretary(db, current)
        db["members"].update(member_id, row)
        audit.log(db, actor, "member.update", "members", member_id, row["full_name"])


def _keep_a_secretary(db: sqlite_utils.Database, member: dict) -> None:
    """Refuse to take the last active secretary away: nobody could then open the secretary's
    pages (setup, access codes, import, minutes, backup), and the app has no other way back."""
    if member["role"] != Role.SECRETARY or not member["active"]:
        return
    others = db.execute(
        "SELECT COUNT(*) FROM members WHERE role = 'secretary' AND active = 1 AND id != ?", [member["id"]]
    ).fetchone()[0]
    if others == 0:
        raise ValidationError("err.last_secretary", field="role", name=member["full_name"])


def delete_member(store: Store, actor: str, member_id: int) -> None:
    """Only a member who has not scored, voted or been named as a candidate."""
    with store.write() as db:
        member = get_row(db, "members", member_id, "what.member")
        _keep_a_secretary(db, member)
        _refuse_if_used(
            db,
            "what.member",
            member["full_name"],
            [
                ("uses.scores", "SELECT COUNT(*) FROM scores WHERE member_id = ?", [member_id]),
                ("uses.sheets", "SELECT COUNT(*) FROM score_submissions WHERE member_id = ?", [member_id]),
                ("uses.ballots", "SELECT COUNT(*) FROM ballot_receipts WHERE member_id = ?", [member_id]),
                (
                    "uses.member_candidates",
                    "SELECT COUNT(*) FROM candidates WHERE member_id = ?",
                    [member_id],
                ),
            ],
        )
        db.execute("DELETE FROM sessions WHERE member_id = ?", [member_id])
        db["members"].delete(member_id)
        audit.log(db, actor, "member.delete", "members", member_id, member["full_name"])


# --- candidates ---------------------------------------------------------------------------


def add_candidate(
    store: Store,
    actor: str,
    kind: str,
    full_name: str,
    title: str | int,
    unit: str | int | None = None,
    position: str = "",
    achievements: str = "",
    has_initiative: bool = False,
    member_id: int | None = None,
    note: str = "",
) -> int:
    row = candidate_row(store, kind, full_name, title, unit, position, achievements, has_initiative, member_id, note)
    with store.write() as db:
        _ensure_unique(
            db,
            "candidates",
            "full_name",
            row["full_name"],
            extra="AND title_id = ? AND IFNULL(unit_id, 0) = ?",
            params=(row["title_id"], row["unit_id"] or 0),
        )
        candidate_id = db["candidates"].insert(row).last_pk
        audit.log(db, actor, "candidate.add", "candidates", candidate_id, row["full_name"])
    return candidate_id


def candidate_row(
    store: Store,
    kind: str,
    full_name: str,
    title: str | int,
    unit: str | int | None = None,
    position: str = "",
    achievements: str = "",
    has_initiative: bool = False,
    member_id: int | None = None,
    note: str = "",
) -> dict:
    """A validated candidate row (shared by the form and the importer)."""
    kind_value = v.choice(kind, "field.kind", CandidateKind).value
    if isinstance(title, int):
        title_row = next((t for t in list_titles(store) if t["id"] == title), None)
    else:
        title_row = find_title(store, v.text(title, "field.proposed_title"))
    if title_row is None:
        raise ValidationError("err.unknown_title", field="title", name=title)
    if title_row["applies_to"] != kind_value:
        raise ValidationError(
            "err.title_kind_mismatch",
            field="title",
            title=title_row["name"],
            expected=CandidateKind(title_row["applies_to"]).label.lower(),
            given=CandidateKind(kind_value).label.lower(),
        )
    return {
        "kind": kind_value,
        "full_name": v.text(
            full_name, "field.full_name" if kind_value == "individual" else "field.collective_name", max_len=300
        ),
        "position": v.text(position, "field.position", required=False, max_len=300),
        "unit_id": _unit_id(store, unit),
        "title_id": title_row["id"],
        "achievements": v.text(achievements, "field.achievements", required=False),
        "has_initiative": int(bool(has_initiative)),
        "member_id": member_id,
        "note": v.text(note, "field.note", required=False),
    }


def shown_unit(candidate: Mapping[str, Any]) -> str:
    """The candidate's unit as documents and screens show it: empty for a collective
    that is that unit ("Khoa Lý luận cơ sở"), so it is not named twice."""
    unit = candidate.get("unit")
    unit = unit if isinstance(unit, str) else ""  # NaN from a frame
    name = candidate.get("full_name")
    return "" if fold(unit) == fold(name if isinstance(name, str) else "") else unit


def affiliation(candidate: Mapping[str, Any]) -> str:
    """Position and unit shown after a candidate's name."""
    position = candidate.get("position")
    parts = (position if isinstance(position, str) else "", shown_unit(candidate))
    return ", ".join(part for part in parts if part)


def list_candidates(store: Store, *, title_id: int | None = None) -> list[dict]:
    clause = "WHERE c.title_id = :title" if title_id else ""
    rows = store.query(
        "SELECT c.*, u.name AS unit, t.name AS title FROM candidates c "
        "LEFT JOIN units u ON u.id = c.unit_id JOIN titles t ON t.id = c.title_id " + clause,
        {"title": title_id},
    )
    return sorted(rows, key=lambda c: display_sort_key(c["full_name"], c["kind"]))


def _rounds_of_candidate(db: sqlite_utils.Database, candidate_id: int, *, beyond_setup: bool) -> list[str]:
    clause = "AND r.status != 'setup'" if beyond_setup else ""
    return [
        r["name"]
        for r in db.query(
            "SELECT r.name FROM round_candidates rc JOIN rounds r ON r.id = rc.round_id "
            f"WHERE rc.candidate_id = ? {clause} ORDER BY r.position",
            [candidate_id],
        )
    ]


def update_candidate(store: Store, actor: str, candidate_id: int, **fields: Any) -> None:
    """Edit a nomination. Kind, title and unit decide who scores and votes, so
    they stay fixed once a round holding the candidate has opened."""
    v.known_fields(
        fields,
        {"kind", "full_name", "title", "unit", "position", "achievements", "has_initiative", "member_id", "note"},
        "candidate",
    )
    with store.write() as db:
        current = get_row(db, "candidates", candidate_id, "what.candidate")
        merged = {
            "kind": current["kind"],
            "full_name": current["full_name"],
            "title": current["title_id"],
            "unit": current["unit_id"],
            "position": current["position"],
            "achievements": current["achievements"],
            "has_initiative": current["has_initiative"],
            "member_id": current["member_id"],
            "note": current["note"],
            **fields,
        }
        row = candidate_row(store, **merged)
        locked = _rounds_of_candidate(db, candidate_id, beyond_setup=True)
        changed_rules = [k for k in ("kind", "title_id", "unit_id") if row[k] != current[k]]
        if locked and changed_rules:
            raise ValidationError("err.candidate_locked", name=current["full_name"], rounds=", ".join(locked))
        _ensure_unique(
            db,
            "candidates",
            "full_name",
            row["full_name"],
            exclude_id=candidate_id,
            extra="AND title_id = ? AND IFNULL(unit_id, 0) = ?",
            params=(row["title_id"], row["unit_id"] or 0),
        )
        db["candidates"].update(candidate_id, row)
        audit.log(db, actor, "candidate.update", "candidates", candidate_id, row["full_name"])


def delete_candidate(store: Store, actor: str, candidate_id: int) -> None:
    with store.write() as db:
        current = get_row(db, "candidates", candidate_id, "what.candidate")
        in_rounds = _rounds_of_candidate(db, candidate_id, beyond_setup=False)
        if in_rounds:
            uses = t("uses.rounds", names=", ".join(in_rounds))
            raise ValidationError("err.in_use", what="what.candidate", name=current["full_name"], uses=uses)
        db["candidates"].delete(candidate_id)
        audit.log(db, actor, "candidate.delete", "candidates", candidate_id, current["full_name"])


# --- agenda -------------------------------------------------------------------------------


def add_agenda_item(
    store: Store,
    actor: str,
    title: str,
    speaker: str = "",
    start_time: str = "",
    duration_min: object = None,
    round_id: int | None = None,
    note: str = "",
) -> int:
    row = _agenda_row(
        {
            "title": title,
            "speaker": speaker,
            "start_time": start_time,
            "duration_min": duration_min,
            "round_id": round_id,
            "note": note,
        }
    )
    with store.write() as db:
        row["position"] = (db.execute("SELECT IFNULL(MAX(position), 0) FROM agenda_items").fetchone()[0]) + 1
        item_id = db["agenda_items"].insert(row).last_pk
        audit.log(db, actor, "agenda.add", "agenda_items", item_id, row["title"])
    return item_id


def list_agenda(store: Store) -> list[dict]:
    return store.query("SELECT * FROM agenda_items ORDER BY position")


def current_agenda_item(store: Store) -> dict | None:
    rows = store.query("SELECT a.* FROM agenda_items a JOIN conference c ON c.current_agenda_item_id = a.id")
    return rows[0] if rows else None


def set_current_agenda_item(store: Store, actor: str, item_id: int | None) -> None:
    """The step of the programme every projector shows (the chair moves it)."""
    with store.write() as db:
        if item_id is not None and db["agenda_items"].count_where("id = ?", [item_id]) == 0:
            raise ValidationError("err.not_found", what="what.agenda_item", id=item_id)
        db["conference"].update(1, {"current_agenda_item_id": item_id})
        audit.log(db, actor, "agenda.current", "agenda_items", item_id)


def update_agenda_item(store: Store, actor: str, item_id: int, **fields: Any) -> None:
    v.known_fields(fields, {"title", "speaker", "start_time", "duration_min", "round_id", "note"}, "agenda")
    with store.write() as db:
        row = _agenda_row({**get_row(db, "agenda_items", item_id, "what.agenda_item"), **fields})
        db["agenda_items"].update(item_id, row)
        audit.log(db, actor, "agenda.update", "agenda_items", item_id, row["title"])


def _agenda_row(fields: Mapping[str, Any]) -> dict:
    """A programme step's fields validated, for an add and an edit alike; the start time is
    stored as "HH:MM" whichever way it was written ("7h30", "7 giờ 30", "07:30")."""
    return {
        "title": v.text(fields["title"], "field.agenda_item", max_len=500),
        "speaker": v.text(fields["speaker"], "field.speaker", required=False, max_len=300),
        "start_time": v.clock_time(fields["start_time"], "field.start_time"),
        "duration_min": v.integer(fields["duration_min"], "field.duration_min", low=0, high=600, required=False),
        "round_id": fields["round_id"] or None,
        "note": v.text(fields["note"], "field.note", required=False),
    }


def delete_agenda_item(store: Store, actor: str, item_id: int) -> None:
    with store.write() as db:
        item = get_row(db, "agenda_items", item_id, "what.agenda_item")
        db.execute("UPDATE conference SET current_agenda_item_id = NULL WHERE current_agenda_item_id = ?", [item_id])
        db["agenda_items"].delete(item_id)
        _renumber(db, "agenda_items")
        audit.log(db, actor, "agenda.delete", "agenda_items", item_id, item["title"])


def move_agenda_item(store: Store, actor: str, item_id: int, offset: int) -> None:
    """Move a step up (offset -1) or down (+1) in the programme."""
    with store.write() as db:
        ids = [r["id"] for r in db.query("SELECT id FROM agenda_items ORDER BY position, id")]
        if item_id not in ids:
            raise ValidationError("err.not_found", what="what.agenda_item", id=item_id)
        i = ids.index(item_id)
        j = max(0, min(len(ids) - 1, i + offset))
        ids.insert(j, ids.pop(i))
        for position, row_id in enumerate(ids, start=1):
            db["agenda_items"].update(row_id, {"position": position})
        audit.log(db, actor, "agenda.move", "agenda_items", item_id, f"{i + 1} → {j + 1}")


def _renumber(db: sqlite_utils.Database, table: str) -> None:
    ids = [r["id"] for r in db.query(f"SELECT id FROM {table} ORDER BY position, id")]
    for position, row_id in enumerate(ids, start=1):
        db[table].update(row_id, {"position": position})


# --- counting board -----------------------------------------------------------------------
BOARD_MIN, BOARD_MAX = 3, 5


def add_counting_board_member(store: Store, actor: str, full_name: str, role: str = "member") -> int:
    row = _board_row({"full_name": full_name, "role": role})
    with store.write() as db:
        if db["counting_board"].count >= BOARD_MAX:
            raise ValidationError("err.board_full", max=BOARD_MAX)
        row["position"] = db["counting_board"].count + 1
        board_id = db["counting_board"].insert(row).last_pk
        audit.log(db, actor, "counting_board.add", "counting_board", board_id, row["full_name"])
    return board_id


def _board_row(fields: Mapping[str, Any]) -> dict:
    """A counting board member's fields validated; any role but "head" is "member"."""
    return {
        "full_name": v.text(fields["full_name"], "field.full_name", max_len=200),
        "role": "head" if fields["role"] == "head" else "member",
    }


def list_counting_board(store: Store) -> list[dict]:
    return store.query("SELECT * FROM counting_board ORDER BY role = 'member', position")


def update_counting_board_member(store: Store, actor: str, board_id: int, **fields: Any) -> None:
    v.known_fields(fields, {"full_name", "role"}, "counting board")
    with store.write() as db:
        row = _board_row({**get_row(db, "counting_board", board_id, "what.board_member"), **fields})
        db["counting_board"].update(board_id, row)
        audit.log(db, actor, "counting_board.update", "counting_board", board_id, row["full_name"])


def delete_counting_board_member(store: Store, actor: str, board_id: int) -> None:
    with store.write() as db:
        person = get_row(db, "counting_board", board_id, "what.board_member")
        db["counting_board"].delete(board_id)
        _renumber(db, "counting_board")
        audit.log(db, actor, "counting_board.delete", "counting_board", board_id, person["full_name"])


def counting_board_warnings(store: Store) -> list[str]:
    """What is wrong with the board as it stands: its size (3-5), no head, or a
    member who is also a nominee (the board must not count votes on itself)."""
    board = list_counting_board(store)
    warnings = []
    if not BOARD_MIN <= len(board) <= BOARD_MAX:
        warnings.append(t("warn.board_size", count=len(board), low=BOARD_MIN, high=BOARD_MAX))
    if board and not any(b["role"] == "head" for b in board):
        warnings.append(t("warn.board_no_head"))
    nominees = {fold(c["full_name"]) for c in list_candidates(store) if c["kind"] == "individual"}
    for b in board:
        if fold(b["full_name"]) in nominees:
            warnings.append(t("warn.board_nominee", name=b["full_name"]))
    return warnings
