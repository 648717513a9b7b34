"""The audit log (secretary): every change, who made it and when, filterable
and exportable as CSV. Ballot choices are never in it (scoring.voting logs
only that a ballot was cast)."""

from __future__ import annotations

import streamlit as st

from pages._common import get_store, require_member
from scoring import audit, exports
from scoring.i18n import t

require_member("secretary")
store = get_store()
st.title(t("nav.audit"))
st.caption(t("audit.help"))

left, middle, right = st.columns(3)
actors = left.multiselect(
    t("audit.filter.actor"), exports.audit_actors(store), placeholder=t("common.all"), key="audit_actors"
)
actions = middle.multiselect(
    t("audit.filter.action"),
    exports.audit_actions(store),
    format_func=audit.action_label,
    placeholder=t("common.all"),
    key="audit_actions",
)
dates = right.date_input(t("audit.filter.dates"), value=(), format="DD/MM/YYYY", key="audit_dates")
text = st.text_input(t("audit.filter.text"), key="audit_text")

date_from = dates[0] if len(dates) >= 1 else None
date_to = dates[1] if len(dates) >= 2 else date_from
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
