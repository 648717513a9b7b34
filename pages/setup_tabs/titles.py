"""Tab "Danh hiệu": the titles voted on, with their pass rules, quotas and criteria set."""

from __future__ import annotations

import pandas as pd
import streamlit as st

from pages.setup_tabs.widgets import act, delete_box, keep, pick, version
from scoring import conference
from scoring.db import Store
from scoring.i18n import number_text, t
from scoring.model import CandidateKind, Denominator, QuotaKind, ThresholdRule
from scoring.voting import format_points

LEVELS = ("co_so", "cap_tren", "hoi_nghi")


def threshold_text(ti: dict) -> str:
    """A title's pass rule as one phrase for the overview table ("more than 50%")."""
    pct = number_text(ti["threshold_pct"])
    return t(f"rule.{ti['threshold_rule']}", pct=pct)


def render(store: Store, actor: str) -> None:
    """Titles: an overview table, then one form that adds a new title or edits the picked one."""
    titles = conference.list_titles(store)
    sets = conference.list_criteria_sets(store)
    set_names = {s["id"]: s["name"] for s in sets}
    title_names = {ti["id"]: ti["name"] for ti in titles}

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
                        t("setup.titles.quorum_pct"): format_points(ti["quorum_pct"]),  # as in the form
                        t("setup.titles.min_score"): format_points(ti["min_score"]),
                        t("setup.titles.quota"): t(
                            f"setup.quota_short.{ti['quota_kind']}",
                            value=number_text(ti["quota_value"] or 0),
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
    # After a save the picker still shows the title just saved (new or edited), its settings in the form.
    picked = pick(
        t("setup.titles.pick"), "titles", list(title_names), title_names.get, "title_pick", t("setup.titles.new")
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
        # Text boxes, not number boxes: the browser's number box drops the comma of 66,67
        # (66.67 %) and keeps the old value; the core reads 66,67 and 66.67 and checks the range.
        ti_threshold = c1.text_input(t("setup.titles.threshold_pct"), format_points(current.get("threshold_pct", 50)))
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
        ti_quorum = c1.text_input(t("setup.titles.quorum_pct"), format_points(current.get("quorum_pct", 66.67)))
        ti_min = c2.text_input(t("setup.titles.min_score"), format_points(current.get("min_score")))
        s_ti_quorum = st.empty()
        c1, c2, c3 = st.columns(3)
        quotas = [q.value for q in QuotaKind]
        ti_quota = c1.selectbox(
            t("setup.titles.quota_kind"),
            quotas,
            index=quotas.index(current.get("quota_kind", "none")),
            format_func=lambda q: t(f"setup.quota.{q}"),
        )
        ti_quota_value = c2.text_input(t("setup.titles.quota_value"), format_points(current.get("quota_value")))
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
            "field.quorum_pct": s_ti_quorum,
            "field.min_score": s_ti_quorum,
            "quota_value": s_ti_quota,
            "field.quota_value": s_ti_quota,
        }
        if picked is None:
            act(
                lambda: keep("title_pick", conference.add_title(store, actor, ti_name, ti_applies, **settings)),
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
