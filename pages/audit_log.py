"""The audit log (secretary): every change, who made it and when, filterable
and exportable as CSV. Ballot choices are never in it (scoring.voting logs
only that a ballot was cast)."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

import streamlit as st

from pages._common import get_store, require_member, run_through_app_shell
from scoring import audit, exports
from scoring.i18n import t

run_through_app_shell()


def _day_label(open_end: str) -> Callable[[date | None], str]:
    return lambda day: t(open_end) if day is None else day.strftime("%d/%m/%Y")


require_member("secretary")
store = get_store()
st.title(t("nav.audit"))
st.caption(t("audit.help"))

actor_box, action_box, from_box, to_box = st.columns([3, 3, 2, 2])
actors = actor_box.multiselect(
    t("audit.filter.actor"), exports.audit_actors(store), placeholder=t("common.all"), key="audit_actors"
)
actions = action_box.multiselect(
    t("audit.filter.action"),
    exports.audit_actions(store),
    format_func=audit.action_label,
    placeholder=t("common.all"),
    key="audit_actions",
)
# Days the log has entries on, as dd/mm/yyyy: Streamlit's calendar names months in English.
days = exports.audit_days(store)
date_from = from_box.selectbox(
    t("audit.filter.from"), [None, *days], format_func=_day_label("audit.filter.start"), key="audit_from"
)
date_to = to_box.selectbox(
    t("audit.filter.to"),
    [None, *(d for d in days if date_from is None or d >= date_from)],
    format_func=_day_label("audit.filter.end"),
    key="audit_to",
)
text = st.text_input(t("audit.filter.text"), key="audit_text")

rows = exports.audit_rows(store, actors=actors, actions=actions, date_from=date_from, date_to=date_to, text=text)
total = audit.count(store)
st.caption(t("audit.count", shown=len(rows), total=total))
if rows:
    st.dataframe(exports.audit_frame(rows), hide_index=True, width="stretch", placeholder="")
else:
    st.info(t("audit.empty"))
st.download_button(
    t("audit.download"),
    data=exports.audit_csv(rows),
    file_name="nhat-ky-thao-tac.csv",
    mime="text/csv",
    on_click="ignore",
    key="audit_csv",
)
