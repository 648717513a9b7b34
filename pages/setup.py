"""Conference setup for the secretary: details, units, titles, criteria sets,
candidates, council members, agenda and counting board, one tab each.

Existing rows are edited in tables (saved all at once, or not at all); new rows
are added with forms. Every change goes through `scoring.conference`, which
validates, writes with its audit row, and refuses deletes that would orphan data;
its Vietnamese message is shown next to the field it concerns.

Each tab is a module of `pages/setup_tabs/`; this script only lays the tabs out.
"""

from __future__ import annotations

import streamlit as st

from pages._common import get_store, require_member
from pages.setup_tabs import agenda, board, candidates, conference, criteria, members, titles, units
from scoring.i18n import t

store = get_store()
member = require_member("secretary")
actor = member["full_name"]

st.title(t("nav.setup"))
if "setup_flash" in st.session_state:
    st.success(st.session_state.pop("setup_flash"))

TABS = [
    ("setup.tab.conference", conference),
    ("setup.tab.units", units),
    ("setup.tab.titles", titles),
    ("setup.tab.criteria", criteria),
    ("setup.tab.candidates", candidates),
    ("setup.tab.members", members),
    ("setup.tab.agenda", agenda),
    ("setup.tab.board", board),
]
for tab, (_, module) in zip(st.tabs([t(label) for label, _ in TABS]), TABS, strict=True):
    with tab:
        module.render(store, actor)
