"""Importing people: council members and candidates, and the units they name,
also inside one "Chức vụ, đơn vị" cell."""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable

from . import conference
from . import validation as v
from .db import Store
from .errors import ValidationError
from .i18n import t
from .import_plan import FilePlan, PlannedRow
from .import_rows import FAILED, Batch, Rows, kind_value, note_duplicate, note_variant, planned, preview_cells
from .model import CandidateKind, Role
from .tabular import Table
from .text import clean, fold, spelling_key

_HEAD_WORDS = {"truong", "pho", "quyen"}  # Trưởng khoa, Phó phòng, Quyền Trưởng phòng
_UNIT_WORDS = {"khoa", "phong", "ban", "bo", "trung", "cong", "doan", "chi", "hoi", "to", "van"}


# --- people: units inside "Chức vụ, đơn vị" --------------------------------------------------


def _fold_chars(text: str) -> str:
    """`fold` one character at a time, so positions match the original text."""
    out = []
    for ch in text:
        base = "".join(c for c in unicodedata.normalize("NFD", ch.lower()) if not unicodedata.combining(c))
        out.append(("d" if base == "đ" else base)[:1] or " ")
    return "".join(out)


def split_position_unit(text: str, unit_names: list[str]) -> tuple[str, str]:
    """("Giảng viên chính", "Khoa Lý luận cơ sở") from "Giảng viên chính, Khoa Lý
    luận cơ sở": the longest known unit name the cell ends with. With no known
    unit, the part after the last comma is taken as the unit (and reported if
    unknown)."""
    text = clean(text)
    folded = _fold_chars(text)
    for name in sorted(unit_names, key=len, reverse=True):
        target = _fold_chars(clean(name))
        if target and folded.endswith(target):
            start = len(folded) - len(target)
            if start == 0 or not folded[start - 1].isalnum():
                return _position_before(text, start), text[start:]
    if "," in text:
        # An unknown unit may have commas of its own: it starts at the last part that begins like a
        # unit ("…, Phòng Tổ chức, hành chính, thông tin, tư liệu"), not at the last comma ("tư liệu").
        parts = text.split(",")
        for i in range(len(parts) - 1, 0, -1):
            head = parts[i].strip()
            if head[:1].isupper() and fold(head).split(" ")[0] in _UNIT_WORDS:
                return ",".join(parts[:i]).strip(), ",".join(parts[i:]).strip()
        position, unit = text.rsplit(",", 1)
        return position.strip(), unit.strip()
    if fold(text).split(" ")[0] in _UNIT_WORDS:
        return "", text  # looks like a unit ("Khoa Vật lý"): reported if unknown
    return text, ""  # a position alone ("Hiệu trưởng")


def _position_before(text: str, start: int) -> str:
    """The position written before the unit that starts at `start`. "Trưởng khoa Dân
    vận" names the unit "Khoa Dân vận" and the position "Trưởng khoa": a head's title
    shares the unit's first word, which the position keeps."""
    position = text[:start].strip(" ,;-–")
    if position and position == text[:start].rstrip() and fold(position).split(" ")[-1] in _HEAD_WORDS:
        first_word = text[start:].split(" ", 1)[0]
        if fold(first_word) in _UNIT_WORDS:
            return f"{position} {first_word}"
    return position


def _person_unit(rows: Rows, batch: Batch, number: int, cells: dict[str, str]) -> tuple[str, str] | object:
    """(position, unit name or '') from the "Chức vụ" / "Đơn vị" / "Chức vụ, đơn vị"
    cells; the unit must exist or be created by the batch."""
    position = cells.get("position", "")
    unit = cells.get("unit", "")
    key = "unit"
    if cells.get("position_unit"):
        key = "position_unit"
        split_position, split_unit = split_position_unit(cells["position_unit"], batch.unit_names())
        position = position or split_position
        unit = unit or split_unit
    found = batch.find_unit(unit) if unit else None
    if unit and found is None:
        # No unit at all yet: the list of units comes first (or in the same upload), which the
        # secretary of a new conference cannot guess from "Không có đơn vị".
        message = "imp.err.unknown_unit_none_yet" if not batch.unit_names() else "err.unknown_unit"
        rows.error(number, rows.header(key), t(message, name=unit))
        return FAILED
    return position, (found["name"] if found else "")


# --- council members -----------------------------------------------------------------------


# The short forms council lists write in the role column: "UV", "PCT", "CT", "TK".
_ROLE_ABBREVIATIONS = {
    "uv": Role.MEMBER,
    "tv": Role.MEMBER,
    "pct": Role.VICE_CHAIR,
    "ct": Role.CHAIR,
    "tk": Role.SECRETARY,
}
# "Thư ký (không biểu quyết)", "Thư ký, không phải thành viên Hội đồng": said in the role cell itself.
_NON_VOTING = re.compile(r"\bkhong (co quyen )?bieu quyet\b|\bkhong (phai )?(la )?(uy vien|thanh vien)\b")


def role_says_non_voting(value: str) -> bool:
    """The role cell says the person does not vote (a secretary who is not a council member)."""
    return bool(_NON_VOTING.search(fold(value)))


def _role(value: str) -> Role:
    folded = fold(value)
    if not folded:
        return Role.MEMBER
    for role in Role:
        if folded in (role.value, fold(role.label)):
            return role
    abbreviation = _ROLE_ABBREVIATIONS.get(folded.replace(".", "").replace(" ", ""))
    if abbreviation is not None:
        return abbreviation
    if "thu ky" in folded:
        return Role.SECRETARY
    if "pho chu tich" in folded:
        return Role.VICE_CHAIR
    if "chu tich" in folded:
        return Role.CHAIR
    if "uy vien" in folded or "thanh vien" in folded:
        return Role.MEMBER
    raise ValidationError("imp.err.bad_role", value=value)


def plan_members(batch: Batch, table: Table, plan: FilePlan) -> None:
    rows = Rows(table, "members", plan)
    if plan.errors:
        return
    stored = {fold(m["full_name"]): m for m in batch.store.query("SELECT * FROM members WHERE active = 1")}
    units_by_id = {u["id"]: u["name"] for u in conference.list_units(batch.store)}
    roles_after = {key: (m["full_name"], m["role"]) for key, m in stored.items()}  # the council once imported
    for number, cells in rows:
        name = rows.check(number, "full_name", lambda c=cells: v.text(c["full_name"], "field.full_name", max_len=200))
        role = rows.check(number, "role", lambda c=cells: _role(c.get("role", "")))
        place = _person_unit(rows, batch, number, cells)
        voting = rows.check(number, "is_voting", lambda c=cells: v.yes_no(c["is_voting"], rows.header("is_voting")))
        if FAILED in (name, role, place, voting):
            continue
        position, unit = place
        if voting is None:  # an empty cell: a member votes, as on the council's list, unless the role says not
            voting = 0 if role_says_non_voting(cells.get("role", "")) else 1
        elif voting and role_says_non_voting(cells.get("role", "")):
            rows.error(
                number,
                rows.header("is_voting"),
                t("imp.err.voting_contradicts_role", role=clean(cells.get("role", ""))),
            )
            continue
        voting = int(voting)
        earlier = batch.first_seen("members", (fold(name),), plan.file, number)
        if earlier:
            note_duplicate(rows, number, rows.header("full_name"), name, earlier)
            continue
        row = {"full_name": name, "role": role.value, "position": position, "unit": unit, "is_voting": voting}
        existing = stored.get(fold(name))
        if existing is None or cells.get("role"):
            roles_after[fold(name)] = (existing["full_name"] if existing else name, role.value)
        if existing is not None:
            note_variant(rows, number, rows.header("full_name"), name, existing["full_name"])
            changes: dict = {}
            if cells.get("role") and role.value != existing["role"]:
                changes["role"] = role.value
            if position and position != existing["position"]:
                changes["position"] = position
            if unit and unit != units_by_id.get(existing["unit_id"]):
                changes["unit"] = unit
            if cells.get("is_voting") and voting != existing["is_voting"]:
                changes["is_voting"] = voting
            planned(
                plan,
                number,
                existing["full_name"],
                row,
                changes,
                conference.update_member,
                existing["id"],
            )
            continue
        batch.members[fold(name)] = {"id": None, "full_name": name}
        plan.rows.append(PlannedRow(number, "create", name, preview_cells(row), _add_member(row)))
    secretaries_before = [m["full_name"] for m in stored.values() if m["role"] == Role.SECRETARY]
    if secretaries_before and all(held != Role.SECRETARY for _, held in roles_after.values()):
        # conference.update_member refuses it too, but only at the commit, one row at a time
        rows.error(None, rows.header("role"), t("imp.err.no_secretary_left", names=", ".join(secretaries_before)))
    for role in (Role.CHAIR, Role.SECRETARY):  # one of each on a council: two is a list and an init that differ
        holders = [full_name for full_name, held in roles_after.values() if held == role.value]
        if len(holders) > 1:
            rows.warn(None, rows.header("role"), t("imp.warn.two_holders", role=role.label, names=", ".join(holders)))


def _add_member(row: dict) -> Callable[[Store, str], None]:
    def apply(store: Store, actor: str) -> None:
        # A random code the secretary replaces (and prints) on the access codes page.
        conference.add_member(
            store, actor, row["full_name"], row["role"], row["unit"] or None, row["position"], bool(row["is_voting"])
        )

    return apply


# --- candidates -----------------------------------------------------------------------------

_COUNT = re.compile(r"(\d+)(?:\s|$)")


def initiative(cell: str, column: str) -> tuple[int, str]:
    """(has an initiative, what the cell says of it) from a "Sáng kiến" cell. Offices
    tick it (x, ✓, có), count ("01 sáng kiến") or describe it ("Có (Sáng kiến “…”,
    QĐ số 12/QĐ-TCT)"): a count above 0 or a description means yes. The model has
    only a yes/no, so a count or description is returned to be kept in the note."""
    text = clean(cell)
    if not text:
        return 0, ""
    described = text if len(text.split(" ")) > 1 else ""  # "x", "✓", "Có": nothing to keep
    count = _COUNT.match(text)
    if count:
        return int(int(count.group(1)) > 0), described
    try:
        answer = v.yes_no(text, column)
    except ValidationError:
        if not any(ch.isalpha() for ch in text):
            raise  # "?", "-", "✗": neither a tick nor a description
        return 1, text  # a description of the initiative
    return int(bool(answer)), described if answer else ""


def plan_candidates(batch: Batch, table: Table, plan: FilePlan) -> None:
    rows = Rows(table, "candidates", plan)
    if plan.errors:
        return
    titles = {spelling_key(t_["name"]): t_ for t_ in conference.list_titles(batch.store)}
    declared = ", ".join(f"“{t_['name']}”" for t_ in titles.values())
    stored = batch.store.query("SELECT * FROM candidates")
    stored_by_key = {(fold(c["full_name"]), c["unit_id"] or 0, c["title_id"]): c for c in stored}
    for number, cells in rows:
        name = rows.check(number, "full_name", lambda c=cells: v.text(c["full_name"], "field.full_name", max_len=300))
        title = titles.get(spelling_key(cells["title"]))
        if not cells["title"]:
            rows.error(number, rows.header("title"), t("err.required", field_name=rows.header("title")))
            title = FAILED
        elif title is None:
            if declared:  # which names the file may use, so the office can correct it without asking
                message = t("imp.err.unknown_title_among", name=cells["title"], titles=declared)
            else:
                message = t("imp.err.unknown_title", name=cells["title"])
            rows.error(number, rows.header("title"), message)
            title = FAILED
        kind = rows.check(number, "kind", lambda c=cells: kind_value(c["kind"])) if cells.get("kind") else None
        if kind is None and title is not FAILED:
            kind = CandidateKind(title["applies_to"])
        if title is not FAILED and kind not in (None, FAILED) and title["applies_to"] != kind.value:
            rows.error(
                number,
                rows.header("title"),
                t(
                    "err.title_kind_mismatch",
                    title=title["name"],
                    expected=CandidateKind(title["applies_to"]).label.lower(),
                    given=kind.label.lower(),
                ),
            )
            title = FAILED
        place = _person_unit(rows, batch, number, cells)
        found = rows.check(
            number, "has_initiative", lambda c=cells: initiative(c["has_initiative"], rows.header("has_initiative"))
        )
        if FAILED in (name, title, kind, place, found):
            continue
        has_initiative, described = found
        note = clean(cells.get("note", ""))
        if described:  # the model has no place for it: the note keeps what the cell said
            note = "; ".join(filter(None, (note, f"{rows.header('has_initiative')}: {described}")))
        position, unit = place
        written = name
        if kind == CandidateKind.COLLECTIVE:
            own = _collective_unit(batch, name)
            if own is not None and (not unit or fold(unit) == fold(own["name"])):
                # a khoa proposed as a collective is its own unit, and one nominee
                # whether written "Khoa Dân vận" or "Tập thể Khoa Dân vận"
                name, unit = own["name"], own["name"]
        unit_row = batch.find_unit(unit) if unit else None
        earlier = batch.first_seen("candidates", (fold(name), fold(unit), title["id"]), plan.file, number)
        if earlier:
            note_duplicate(rows, number, rows.header("full_name"), written, earlier)
            continue
        row = {
            "kind": kind.value,
            "full_name": name,
            "title": title["name"],
            "unit": unit,
            "position": position,
            "achievements": clean(cells.get("achievements", "")),
            "has_initiative": has_initiative,
            "note": note,
        }
        existing = stored_by_key.get((fold(name), (unit_row or {}).get("id") or 0, title["id"]))
        if existing is not None:
            note_variant(rows, number, rows.header("full_name"), name, existing["full_name"])
            changes = {k: row[k] for k in ("position", "achievements", "note") if row[k] and row[k] != existing[k]}
            if cells.get("has_initiative") and row["has_initiative"] != existing["has_initiative"]:
                changes["has_initiative"] = row["has_initiative"]
            planned(
                plan,
                number,
                existing["full_name"],
                row,
                changes,
                conference.update_candidate,
                existing["id"],
            )
            continue
        member = batch.members.get(fold(name)) if kind == CandidateKind.INDIVIDUAL else None
        plan.rows.append(
            PlannedRow(number, "create", name, preview_cells(row), _add_candidate(row, member is not None))
        )


def _collective_unit(batch: Batch, name: str) -> dict | None:
    """The unit a collective nominee is: its name or short name, also after "Tập thể "."""
    words = name.split(" ", 2)
    if len(words) == 3 and fold(" ".join(words[:2])) == "tap the":
        return batch.find_unit(name) or batch.find_unit(words[2])
    return batch.find_unit(name)


def _add_candidate(row: dict, is_member: bool) -> Callable[[Store, str], None]:
    def apply(store: Store, actor: str) -> None:
        member_id = None
        if is_member:  # the nominee sits on the council: recusal needs the link
            member_id = store.scalar(
                "SELECT id FROM members WHERE active = 1 AND full_name = ?", (clean(row["full_name"]),)
            ) or next(
                (m["id"] for m in conference.list_members(store) if fold(m["full_name"]) == fold(row["full_name"])),
                None,
            )
        conference.add_candidate(
            store,
            actor,
            row["kind"],
            row["full_name"],
            row["title"],
            row["unit"] or None,
            row["position"],
            row["achievements"],
            bool(row["has_initiative"]),
            member_id,
            row["note"],
        )

    return apply
