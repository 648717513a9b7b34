"""Conference setup for the secretary: details, units, titles, criteria sets,
candidates, council members, agenda and counting board, one tab each.

Existing rows are edited in tables (saved all at once, or not at all); new rows
are added with forms. Every change goes through `scoring.conference`, which
validates, writes with its audit row, and refuses deletes that would orphan data;
its Vietnamese message is shown next to the field it concerns.
"""

from __future__ import annotations

import math
from collections.abc import Callable
from typing import Any

import pandas as pd
import streamlit as st

from pages._common import get_store, require_member
from scoring import conference, rounds
from scoring.errors import DomainError
from scoring.i18n import t
from scoring.model import CandidateKind, Denominator, QuotaKind, Role, ThresholdRule, UnitKind
from scoring.validation import format_date

store = get_store()
member = require_member("secretary")
actor = member["full_name"]
LEVELS = ("co_so", "cap_tren", "hoi_nghi")


# --- small helpers ------------------------------------------------------------------------


def flash(message: str) -> None:
    """A success message that survives the rerun after a change."""
    st.session_state["setup_flash"] = message


def bump(name: str) -> None:
    """A new widget key: tables and forms reload from the database."""
    st.session_state[f"{name}_v"] = st.session_state.get(f"{name}_v", 0) + 1


def version(name: str) -> int:
    return st.session_state.get(f"{name}_v", 0)


def act(func: Callable[[], object], slots: dict[str, Any], fallback: Any, done: str, name: str) -> None:
    """Run a change; on a DomainError show its message in the slot of the field
    it names (else under the button), on success reload and say so."""
    try:
        func()
    except DomainError as exc:
        (slots.get(exc.field or "") or fallback).error(str(exc))
        return
    flash(done)
    bump(name)
    st.rerun()


def plain(value: object) -> object:
    """A table cell as Python: NaN and pandas' missing values become None."""
    if value is None:
        return None
    try:
        if pd.isna(value):
            return None
    except (TypeError, ValueError):
        pass
    if hasattr(value, "item"):
        value = value.item()
    if isinstance(value, float) and value.is_integer():
        return int(value)
    return value


class _RowFailed(Exception):
    def __init__(self, index: int, label: str, exc: DomainError) -> None:
        super().__init__(str(exc))
        self.index, self.label, self.exc = index, label, exc


def edit_table(
    name: str,
    records: list[dict],
    columns: dict[str, Any],
    cells: Callable[[dict], dict],
    save: Callable[[int, dict], None],
    label: Callable[[dict], str],
    disabled: tuple[str, ...] = (),
) -> None:
    """Existing rows in a data editor; "Lưu thay đổi" saves every changed row in
    one transaction, or none, naming the row that failed."""
    if not records:
        st.caption(t("setup.empty"))
        return
    frame = pd.DataFrame([cells(r) for r in records], columns=list(columns))
    edited = st.data_editor(
        frame,
        placeholder="",
        key=f"{name}_editor_{version(name)}",
        hide_index=True,
        num_rows="fixed",
        column_config=columns,
        disabled=list(disabled),
        width="stretch",
    )
    slot = st.empty()
    if not st.button(t("setup.save_changes"), key=f"{name}_save_{version(name)}"):
        return
    changes = []
    for i, record in enumerate(records):
        before = frame.iloc[i]
        after = edited.iloc[i]
        diff = {k: plain(after[k]) for k in columns if plain(after[k]) != plain(before[k])}
        if diff:
            changes.append((i, record, diff))
    if not changes:
        slot.info(t("setup.no_changes"))
        return
    try:
        with store.write():  # all rows or none
            for i, record, diff in changes:
                try:
                    save(record["id"], diff)
                except DomainError as exc:
                    raise _RowFailed(i, label(record), exc) from exc
    except _RowFailed as failed:
        slot.error(t("setup.row_error", row=failed.index + 1, name=failed.label, message=str(failed.exc)))
        return
    flash(t("setup.saved", count=len(changes)))
    bump(name)
    st.rerun()


def delete_box(name: str, records: list[dict], label: Callable[[dict], str], delete: Callable[[int], None]) -> None:
    """Pick a row and delete it; a refusal says what still uses it."""
    if not records:
        return
    with st.expander(t("setup.delete")):
        choice = st.selectbox(
            t("setup.delete_which"),
            [r["id"] for r in records],
            format_func=lambda i: label(next(r for r in records if r["id"] == i)),
            key=f"{name}_delete_pick_{version(name)}",
        )
        slot = st.empty()
        if st.button(t("setup.delete_button"), key=f"{name}_delete_{version(name)}"):
            act(lambda: delete(choice), {}, slot, t("setup.deleted"), name)


def unit_options() -> list[str]:
    return [u["name"] for u in conference.list_units(store)]


def title_options() -> list[str]:
    return [ti["name"] for ti in conference.list_titles(store)]


def optional_number(value: object) -> float | None:
    return None if value is None or (isinstance(value, float) and math.isnan(value)) else float(value)


# --- page ---------------------------------------------------------------------------------

st.title(t("nav.setup"))
if "setup_flash" in st.session_state:
    st.success(st.session_state.pop("setup_flash"))

tabs = st.tabs(
    [
        t("setup.tab.conference"),
        t("setup.tab.units"),
        t("setup.tab.titles"),
        t("setup.tab.criteria"),
        t("setup.tab.candidates"),
        t("setup.tab.members"),
        t("setup.tab.agenda"),
        t("setup.tab.board"),
    ]
)

# --- conference details -----------------------------------------------------------------------
with tabs[0]:
    conf = conference.get_conference(store)
    with st.form(f"conference_form_{version('conference')}"):
        name = st.text_input(t("setup.conf.name"), conf.get("name") or "")
        s_name = st.empty()
        organisation = st.text_input(t("setup.conf.organisation"), conf.get("organisation") or "")
        period = st.text_input(t("setup.conf.period"), conf.get("period") or "", placeholder="2025-2030")
        when = st.text_input(t("setup.conf.date"), format_date(conf.get("date")), placeholder="dd/mm/yyyy")
        s_date = st.empty()
        place = st.text_input(t("setup.conf.place"), conf.get("place") or "")
        legal = st.text_area(t("setup.conf.legal_basis"), conf.get("legal_basis") or "", height=120)
        join_url = st.text_input(t("setup.conf.join_url"), conf.get("join_url") or "", help=t("setup.conf.join_help"))
        submitted = st.form_submit_button(t("setup.save"), type="primary")
        s_form = st.empty()
    if submitted:
        act(
            lambda: conference.save_conference(
                store,
                actor,
                name=name,
                organisation=organisation,
                period=period,
                date=when,
                place=place,
                legal_basis=legal,
                join_url=join_url,
            ),
            {"name": s_name, "date": s_date},
            s_form,
            t("setup.saved_conference"),
            "conference",
        )

# --- units --------------------------------------------------------------------------------------
with tabs[1]:
    units = conference.list_units(store)
    kind_labels = {k.value: t(f"unit_kind.{k.value}") for k in UnitKind}
    kind_values = {label: value for value, label in kind_labels.items()}
    st.caption(t("setup.units.help"))

    def save_unit(unit_id: int, diff: dict) -> None:
        if "kind" in diff:
            diff["kind"] = kind_values.get(diff["kind"], diff["kind"])
        conference.update_unit(store, actor, unit_id, **diff)

    edit_table(
        "units",
        units,
        {
            "name": st.column_config.TextColumn(t("setup.units.name"), required=True, width="large"),
            "kind": st.column_config.SelectboxColumn(t("setup.units.kind"), options=list(kind_values), required=True),
            "short_name": st.column_config.TextColumn(t("setup.units.short_name")),
            "staff_count": st.column_config.NumberColumn(t("setup.units.staff_count"), min_value=0, step=1),
        },
        lambda u: {**u, "kind": kind_labels[u["kind"]]},
        save_unit,
        lambda u: u["name"],
    )
    with st.form(f"unit_form_{version('units')}"):
        st.markdown(f"**{t('setup.units.add')}**")
        unit_name = st.text_input(t("setup.units.name"))
        s_unit_name = st.empty()
        unit_kind = st.selectbox(t("setup.units.kind"), list(kind_labels), format_func=kind_labels.get)
        unit_short = st.text_input(t("setup.units.short_name"))
        unit_staff = st.number_input(t("setup.units.staff_count"), min_value=0, step=1, value=None)
        s_unit_staff = st.empty()
        added = st.form_submit_button(t("setup.add"), type="primary")
        s_unit = st.empty()
    if added:
        act(
            lambda: conference.add_unit(store, actor, unit_name, unit_kind, unit_short, unit_staff),
            {"field.unit_name": s_unit_name, "name": s_unit_name, "field.staff_count": s_unit_staff},
            s_unit,
            t("setup.added", name=unit_name.strip()),
            "units",
        )
    delete_box("units", units, lambda u: u["name"], lambda i: conference.delete_unit(store, actor, i))

# --- titles ---------------------------------------------------------------------------------------
with tabs[2]:
    titles = conference.list_titles(store)
    sets = conference.list_criteria_sets(store)
    set_names = {s["id"]: s["name"] for s in sets}
    title_names = {ti["id"]: ti["name"] for ti in titles}

    def threshold_text(ti: dict) -> str:
        pct = f"{ti['threshold_pct']:g}".replace(".", ",")
        return t(f"rule.{ti['threshold_rule']}", pct=pct)

    if titles:
        st.dataframe(
            pd.DataFrame(
                [
                    {
                        t("setup.titles.name"): ti["name"],
                        t("setup.titles.applies_to"): CandidateKind(ti["applies_to"]).label,
                        t("setup.titles.level"): t(f"setup.level.{ti['level']}"),
                        t("setup.titles.needs_scoring"): ti["needs_scoring"] == 1,
                        t("setup.titles.needs_ballot"): ti["needs_ballot"] == 1,
                        t("setup.titles.threshold"): threshold_text(ti),
                        t("setup.titles.denominator"): t(f"denominator.{ti['denominator']}"),
                        t("setup.titles.quorum_pct"): ti["quorum_pct"],
                        t("setup.titles.min_score"): ti["min_score"],
                        t("setup.titles.quota"): t(
                            f"setup.quota_short.{ti['quota_kind']}",
                            value=f"{ti['quota_value'] or 0:g}".replace(".", ","),
                            of=title_names.get(ti["quota_of_title_id"], ""),
                        ),
                        t("setup.titles.criteria_set"): set_names.get(ti["criteria_set_id"], t("setup.by_kind")),
                    }
                    for ti in titles
                ]
            ),
            placeholder="",
            hide_index=True,
            width="stretch",
        )
    picked = st.selectbox(
        t("setup.titles.pick"),
        [None, *title_names],
        format_func=lambda i: t("setup.titles.new") if i is None else title_names[i],
        key=f"title_pick_{version('titles')}",
    )
    current = next((ti for ti in titles if ti["id"] == picked), None) or {}
    with st.form(f"title_form_{picked}_{version('titles')}"):
        ti_name = st.text_input(t("setup.titles.name"), current.get("name", ""))
        s_ti_name = st.empty()
        c1, c2 = st.columns(2)
        kinds = [k.value for k in CandidateKind]
        ti_applies = c1.radio(
            t("setup.titles.applies_to"),
            kinds,
            index=kinds.index(current.get("applies_to", "individual")),
            format_func=lambda k: CandidateKind(k).label,
            horizontal=True,
        )
        ti_level = c2.selectbox(
            t("setup.titles.level"),
            LEVELS,
            index=LEVELS.index(current.get("level", "co_so")),
            format_func=lambda lv: t(f"setup.level.{lv}"),
        )
        c1, c2, c3 = st.columns(3)
        ti_scoring = c1.checkbox(t("setup.titles.needs_scoring"), bool(current.get("needs_scoring", 1)))
        ti_ballot = c2.checkbox(t("setup.titles.needs_ballot"), bool(current.get("needs_ballot", 1)))
        ti_abstain = c3.checkbox(t("setup.titles.allow_abstain"), bool(current.get("allow_abstain", 0)))
        c1, c2, c3 = st.columns(3)
        ti_threshold = c1.number_input(
            t("setup.titles.threshold_pct"), 0.0, 100.0, float(current.get("threshold_pct", 50)), step=0.01
        )
        rules = [r.value for r in ThresholdRule]
        ti_rule = c2.selectbox(
            t("setup.titles.threshold_rule"),
            rules,
            index=rules.index(current.get("threshold_rule", "more_than")),
            format_func=lambda r: t(f"rule.{r}", pct="…"),
        )
        denominators = [d.value for d in Denominator]
        ti_denominator = c3.selectbox(
            t("setup.titles.denominator"),
            denominators,
            index=denominators.index(current.get("denominator", "all")),
            format_func=lambda d: t(f"denominator.{d}"),
        )
        s_ti_threshold = st.empty()
        c1, c2 = st.columns(2)
        ti_quorum = c1.number_input(
            t("setup.titles.quorum_pct"), 0.0, 100.0, float(current.get("quorum_pct", 66.67)), step=0.01
        )
        ti_min = c2.number_input(
            t("setup.titles.min_score"), 0.0, 100.0, optional_number(current.get("min_score")), step=0.5
        )
        c1, c2, c3 = st.columns(3)
        quotas = [q.value for q in QuotaKind]
        ti_quota = c1.selectbox(
            t("setup.titles.quota_kind"),
            quotas,
            index=quotas.index(current.get("quota_kind", "none")),
            format_func=lambda q: t(f"setup.quota.{q}"),
        )
        ti_quota_value = c2.number_input(
            t("setup.titles.quota_value"), 0.0, None, optional_number(current.get("quota_value")), step=1.0
        )
        others = [i for i in title_names if i != picked]
        ti_quota_of = c3.selectbox(
            t("setup.titles.quota_of"),
            [None, *others],
            index=(
                [None, *others].index(current.get("quota_of_title_id"))
                if current.get("quota_of_title_id") in others
                else 0
            ),
            format_func=lambda i: "—" if i is None else title_names[i],
        )
        s_ti_quota = st.empty()
        set_ids = [None, *set_names]
        ti_set = st.selectbox(
            t("setup.titles.criteria_set"),
            set_ids,
            index=set_ids.index(current.get("criteria_set_id")) if current.get("criteria_set_id") in set_ids else 0,
            format_func=lambda i: t("setup.by_kind") if i is None else set_names[i],
        )
        ti_legal = st.text_area(t("setup.titles.legal_basis"), current.get("legal_basis", ""), height=80)
        ti_saved = st.form_submit_button(t("setup.save"), type="primary")
        s_ti = st.empty()
    if ti_saved:
        settings = {
            "level": ti_level,
            "needs_scoring": ti_scoring,
            "needs_ballot": ti_ballot,
            "allow_abstain": ti_abstain,
            "threshold_pct": ti_threshold,
            "threshold_rule": ti_rule,
            "denominator": ti_denominator,
            "quorum_pct": ti_quorum,
            "min_score": ti_min,
            "quota_kind": ti_quota,
            "quota_value": ti_quota_value,
            "quota_of_title_id": ti_quota_of,
            "criteria_set_id": ti_set,
            "legal_basis": ti_legal,
        }
        slots = {
            "field.title_name": s_ti_name,
            "name": s_ti_name,
            "field.threshold_pct": s_ti_threshold,
            "quota_value": s_ti_quota,
            "field.quota_value": s_ti_quota,
        }
        if picked is None:
            act(
                lambda: conference.add_title(store, actor, ti_name, ti_applies, **settings),
                slots,
                s_ti,
                t("setup.added", name=ti_name.strip()),
                "titles",
            )
        else:
            act(
                lambda: conference.update_title(store, actor, picked, name=ti_name, applies_to=ti_applies, **settings),
                slots,
                s_ti,
                t("setup.saved", count=1),
                "titles",
            )
    delete_box("titles", titles, lambda ti: ti["name"], lambda i: conference.delete_title(store, actor, i))

# --- criteria sets ------------------------------------------------------------------------------
with tabs[3]:
    sets = conference.list_criteria_sets(store)
    set_names = {s["id"]: s["name"] for s in sets}
    picked_set = st.selectbox(
        t("setup.criteria.pick"),
        [None, *set_names],
        format_func=lambda i: t("setup.criteria.new") if i is None else set_names[i],
        key=f"set_pick_{version('criteria')}",
    )
    current_set = next((s for s in sets if s["id"] == picked_set), None) or {}
    criteria = conference.list_criteria(store, picked_set) if picked_set else []
    c1, c2 = st.columns([3, 1])
    set_key = f"{picked_set}_{version('criteria')}"
    cs_name = c1.text_input(t("setup.criteria.name"), current_set.get("name", ""), key=f"cs_name_{set_key}")
    s_cs_name = c1.empty()
    applies = [None, "individual", "collective"]
    cs_applies = c2.selectbox(
        t("setup.criteria.applies_to"),
        applies,
        index=applies.index(current_set.get("applies_to")),
        format_func=lambda k: t("setup.criteria.any") if k is None else CandidateKind(k).label,
        key=f"cs_applies_{set_key}",
    )
    cs_description = st.text_input(
        t("setup.criteria.description"), current_set.get("description", ""), key=f"cs_desc_{set_key}"
    )
    st.caption(t("setup.criteria.help"))
    frame = pd.DataFrame(
        {
            "name": pd.Series([c["name"] for c in criteria], dtype="object"),
            "description": pd.Series([c["description"] for c in criteria], dtype="object"),
            "max_points": pd.Series([c["max_points"] for c in criteria], dtype="float64"),
            "weight": pd.Series([c["weight"] for c in criteria], dtype="float64"),
            "step": pd.Series([c["step"] for c in criteria], dtype="float64"),
        }
    )
    edited_criteria = st.data_editor(
        frame,
        placeholder="",
        key=f"criteria_editor_{set_key}",
        num_rows="dynamic",
        hide_index=False,
        width="stretch",
        column_config={
            "name": st.column_config.TextColumn(t("setup.criteria.criterion"), required=True, width="large"),
            "description": st.column_config.TextColumn(t("setup.criteria.criterion_description"), width="large"),
            "max_points": st.column_config.NumberColumn(t("setup.criteria.max_points"), min_value=0, step=0.5),
            "weight": st.column_config.NumberColumn(t("setup.criteria.weight"), min_value=0, step=0.1, default=1.0),
            "step": st.column_config.NumberColumn(t("setup.criteria.step"), min_value=0, step=0.25, default=0.5),
        },
    )
    rows_in = [
        {k: plain(v) for k, v in row.items()}
        for row in edited_criteria.to_dict("records")
        if any(plain(v) not in (None, "") for v in row.values())
    ]
    total = conference.criteria_total([{"max_points": r.get("max_points") or 0} for r in rows_in])
    st.metric(t("setup.criteria.total"), f"{total:g}".replace(".", ","))
    for warning in conference.criteria_warnings([{"max_points": r.get("max_points") or 0} for r in rows_in]):
        st.warning(warning)
    s_cs = st.empty()
    if st.button(t("setup.save"), type="primary", key=f"cs_save_{set_key}"):
        new_criteria = [
            {
                "name": r.get("name"),
                "description": r.get("description") or "",
                "max_points": r.get("max_points"),
                "weight": r.get("weight") if r.get("weight") is not None else 1,
                "step": r.get("step") if r.get("step") is not None else 0.5,
            }
            for r in rows_in
        ]

        def save_set() -> None:
            with store.write():
                if picked_set is None:
                    conference.add_criteria_set(store, actor, cs_name, new_criteria, cs_applies, cs_description)
                else:
                    conference.update_criteria_set(
                        store, actor, picked_set, name=cs_name, applies_to=cs_applies, description=cs_description
                    )
                    conference.replace_criteria(store, actor, picked_set, new_criteria)

        act(
            save_set,
            {"field.criteria_set_name": s_cs_name, "name": s_cs_name},
            s_cs,
            t("setup.saved", count=1),
            "criteria",
        )
    delete_box("criteria", sets, lambda s: s["name"], lambda i: conference.delete_criteria_set(store, actor, i))

# --- candidates ---------------------------------------------------------------------------------------
with tabs[4]:
    candidates = conference.list_candidates(store)
    units_list = unit_options()
    titles_list = title_options()
    st.caption(t("setup.candidates.count", count=len(candidates)))

    def save_candidate(candidate_id: int, diff: dict) -> None:
        if "unit" in diff:
            diff["unit"] = diff["unit"] or None
        if "has_initiative" in diff:
            diff["has_initiative"] = bool(diff["has_initiative"])
        conference.update_candidate(store, actor, candidate_id, **diff)

    edit_table(
        "candidates",
        candidates,
        {
            "full_name": st.column_config.TextColumn(t("setup.candidates.full_name"), required=True, width="medium"),
            "kind_label": st.column_config.TextColumn(t("setup.candidates.kind")),
            "position": st.column_config.TextColumn(t("setup.candidates.position")),
            "unit": st.column_config.SelectboxColumn(t("setup.candidates.unit"), options=["", *units_list]),
            "title": st.column_config.SelectboxColumn(
                t("setup.candidates.title"), options=titles_list, required=True, width="medium"
            ),
            "achievements": st.column_config.TextColumn(t("setup.candidates.achievements"), width="large"),
            "has_initiative": st.column_config.CheckboxColumn(t("setup.candidates.has_initiative")),
            "note": st.column_config.TextColumn(t("setup.candidates.note")),
        },
        lambda c: {
            **c,
            "kind_label": CandidateKind(c["kind"]).label,
            "unit": c["unit"] or "",
            "has_initiative": bool(c["has_initiative"]),
        },
        save_candidate,
        lambda c: c["full_name"],
        disabled=("kind_label",),
    )
    with st.form(f"candidate_form_{version('candidates')}"):
        st.markdown(f"**{t('setup.candidates.add')}**")
        c1, c2 = st.columns(2)
        ca_kind = c1.radio(
            t("setup.candidates.kind"),
            [k.value for k in CandidateKind],
            index=1,
            format_func=lambda k: CandidateKind(k).label,
            horizontal=True,
        )
        ca_name = c2.text_input(t("setup.candidates.full_name"))
        s_ca_name = c2.empty()
        c1, c2 = st.columns(2)
        ca_position = c1.text_input(t("setup.candidates.position"))
        ca_unit = c2.selectbox(t("setup.candidates.unit"), [None, *units_list], format_func=lambda u: u or "—")
        ca_title = st.selectbox(t("setup.candidates.title"), titles_list)
        s_ca_title = st.empty()
        ca_achievements = st.text_area(t("setup.candidates.achievements"), height=80)
        c1, c2 = st.columns([1, 3])
        ca_initiative = c1.checkbox(t("setup.candidates.has_initiative"))
        ca_note = c2.text_input(t("setup.candidates.note"))
        ca_added = st.form_submit_button(t("setup.add"), type="primary")
        s_ca = st.empty()
    if ca_added:
        act(
            lambda: conference.add_candidate(
                store,
                actor,
                ca_kind,
                ca_name,
                ca_title or "",
                ca_unit,
                ca_position,
                ca_achievements,
                ca_initiative,
                None,
                ca_note,
            ),
            {
                "field.full_name": s_ca_name,
                "field.collective_name": s_ca_name,
                "full_name": s_ca_name,
                "title": s_ca_title,
            },
            s_ca,
            t("setup.added", name=ca_name.strip()),
            "candidates",
        )
    delete_box(
        "candidates",
        candidates,
        lambda c: f"{c['full_name']} · {c['title']}",
        lambda i: conference.delete_candidate(store, actor, i),
    )

# --- council members ---------------------------------------------------------------------------------
with tabs[5]:
    members = conference.list_members(store)
    role_labels = {r.value: r.label for r in Role}
    role_values = {label: value for value, label in role_labels.items()}
    units_list = unit_options()

    def save_member(member_id: int, diff: dict) -> None:
        if "role" in diff:
            diff["role"] = role_values.get(diff["role"], diff["role"])
        if "unit" in diff:
            diff["unit"] = diff["unit"] or None
        conference.update_member(store, actor, member_id, **diff)

    edit_table(
        "members",
        members,
        {
            "full_name": st.column_config.TextColumn(t("setup.members.full_name"), required=True, width="medium"),
            "role": st.column_config.SelectboxColumn(t("setup.members.role"), options=list(role_values), required=True),
            "position": st.column_config.TextColumn(t("setup.members.position"), width="medium"),
            "unit": st.column_config.SelectboxColumn(t("setup.members.unit"), options=["", *units_list]),
            "is_voting": st.column_config.CheckboxColumn(t("setup.members.is_voting")),
        },
        lambda m: {**m, "role": role_labels[m["role"]], "unit": m["unit"] or "", "is_voting": bool(m["is_voting"])},
        save_member,
        lambda m: m["full_name"],
    )
    # Codes are generated on their own page (registered for the secretary, like this one).
    st.page_link("pages/member_codes.py", label=t("setup.members.codes_link"), icon=":material/qr_code_2:")
    with st.form(f"member_form_{version('members')}"):
        st.markdown(f"**{t('setup.members.add')}**")
        c1, c2 = st.columns(2)
        me_name = c1.text_input(t("setup.members.full_name"))
        s_me_name = c1.empty()
        me_role = c2.selectbox(t("setup.members.role"), list(role_labels), index=2, format_func=role_labels.get)
        c1, c2 = st.columns(2)
        me_position = c1.text_input(t("setup.members.position"))
        me_unit = c2.selectbox(t("setup.members.unit"), [None, *units_list], format_func=lambda u: u or "—")
        me_voting = st.checkbox(t("setup.members.is_voting"), value=True)
        me_added = st.form_submit_button(t("setup.add"), type="primary")
        s_me = st.empty()
    if me_added:
        created: dict = {}

        def add_member() -> None:
            created["id"], created["code"] = conference.add_member(
                store, actor, me_name, me_role, me_unit, me_position, me_voting
            )

        try:
            add_member()
        except DomainError as exc:
            ({"field.full_name": s_me_name, "full_name": s_me_name}.get(exc.field or "") or s_me).error(str(exc))
        else:
            flash(t("setup.members.added_code", name=me_name.strip(), code=created["code"]))
            bump("members")
            st.rerun()
    delete_box("members", members, lambda m: m["full_name"], lambda i: conference.delete_member(store, actor, i))

# --- agenda ----------------------------------------------------------------------------------------------
with tabs[6]:
    agenda = conference.list_agenda(store)
    round_names = {r["id"]: r["name"] for r in rounds.list_rounds(store)}
    round_ids = {name: rid for rid, name in round_names.items()}

    def save_step(item_id: int, diff: dict) -> None:
        if "round" in diff:
            diff["round_id"] = round_ids.get(diff.pop("round") or "")
        conference.update_agenda_item(store, actor, item_id, **diff)

    edit_table(
        "agenda",
        agenda,
        {
            "position": st.column_config.NumberColumn(t("setup.agenda.position"), disabled=True, width="small"),
            "title": st.column_config.TextColumn(t("setup.agenda.title"), required=True, width="large"),
            "speaker": st.column_config.TextColumn(t("setup.agenda.speaker"), width="medium"),
            "start_time": st.column_config.TextColumn(t("setup.agenda.start_time"), width="small"),
            "duration_min": st.column_config.NumberColumn(t("setup.agenda.duration"), min_value=0, step=1),
            "round": st.column_config.SelectboxColumn(t("setup.agenda.round"), options=["", *round_ids]),
        },
        lambda a: {**a, "round": round_names.get(a["round_id"], "")},
        save_step,
        lambda a: f"{a['position']}. {a['title']}",
        disabled=("position",),
    )
    if agenda:
        with st.expander(t("setup.agenda.move")):
            step_labels = {a["id"]: f"{a['position']}. {a['title']}" for a in agenda}
            moving = st.selectbox(
                t("setup.agenda.which"),
                list(step_labels),
                format_func=step_labels.get,
                key=f"agenda_move_pick_{version('agenda')}",
            )
            c1, c2 = st.columns(2)
            s_move = st.empty()
            if c1.button(t("setup.agenda.up"), key=f"agenda_up_{version('agenda')}"):
                act(
                    lambda: conference.move_agenda_item(store, actor, moving, -1),
                    {},
                    s_move,
                    t("setup.moved"),
                    "agenda",
                )
            if c2.button(t("setup.agenda.down"), key=f"agenda_down_{version('agenda')}"):
                act(
                    lambda: conference.move_agenda_item(store, actor, moving, 1), {}, s_move, t("setup.moved"), "agenda"
                )
    with st.form(f"agenda_form_{version('agenda')}"):
        st.markdown(f"**{t('setup.agenda.add')}**")
        ag_title = st.text_input(t("setup.agenda.title"))
        s_ag_title = st.empty()
        c1, c2, c3 = st.columns(3)
        ag_speaker = c1.text_input(t("setup.agenda.speaker"))
        ag_time = c2.text_input(t("setup.agenda.start_time"), placeholder="07:30")
        ag_duration = c3.number_input(t("setup.agenda.duration"), min_value=0, step=5, value=None)
        ag_round = st.selectbox(
            t("setup.agenda.round"), [None, *round_names], format_func=lambda r: round_names.get(r, "—")
        )
        ag_added = st.form_submit_button(t("setup.add"), type="primary")
        s_ag = st.empty()
    if ag_added:
        act(
            lambda: conference.add_agenda_item(store, actor, ag_title, ag_speaker, ag_time, ag_duration, ag_round),
            {"Nội dung": s_ag_title},
            s_ag,
            t("setup.added", name=ag_title.strip()),
            "agenda",
        )
    delete_box(
        "agenda",
        agenda,
        lambda a: f"{a['position']}. {a['title']}",
        lambda i: conference.delete_agenda_item(store, actor, i),
    )

# --- counting board ------------------------------------------------------------------------------------------
with tabs[7]:
    board = conference.list_counting_board(store)
    board_labels = {"head": t("setup.board.head"), "member": t("setup.board.member")}
    board_values = {label: value for value, label in board_labels.items()}
    st.caption(t("setup.board.help"))
    for warning in conference.counting_board_warnings(store):
        st.warning(warning)

    def save_board(board_id: int, diff: dict) -> None:
        if "role" in diff:
            diff["role"] = board_values.get(diff["role"], diff["role"])
        conference.update_counting_board_member(store, actor, board_id, **diff)

    edit_table(
        "board",
        board,
        {
            "full_name": st.column_config.TextColumn(t("setup.board.full_name"), required=True, width="medium"),
            "role": st.column_config.SelectboxColumn(t("setup.board.role"), options=list(board_values), required=True),
        },
        lambda b: {**b, "role": board_labels[b["role"]]},
        save_board,
        lambda b: b["full_name"],
    )
    with st.form(f"board_form_{version('board')}"):
        st.markdown(f"**{t('setup.board.add')}**")
        c1, c2 = st.columns(2)
        bo_name = c1.text_input(t("setup.board.full_name"))
        s_bo_name = c1.empty()
        bo_role = c2.selectbox(t("setup.board.role"), list(board_labels), index=1, format_func=board_labels.get)
        bo_added = st.form_submit_button(t("setup.add"), type="primary")
        s_bo = st.empty()
    if bo_added:
        act(
            lambda: conference.add_counting_board_member(store, actor, bo_name, bo_role),
            {"field.full_name": s_bo_name},
            s_bo,
            t("setup.added", name=bo_name.strip()),
            "board",
        )
    delete_box(
        "board",
        board,
        lambda b: b["full_name"],
        lambda i: conference.delete_counting_board_member(store, actor, i),
    )
