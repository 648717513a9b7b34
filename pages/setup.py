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

with tabs[0]:
    conference.render(store, actor)
with tabs[1]:
    units.render(store, actor)
with tabs[2]:
    titles.render(store, actor)
with tabs[3]:
    criteria.render(store, actor)
with tabs[4]:
    candidates.render(store, actor)
with tabs[5]:
    members.render(store, actor)
with tabs[6]:
    agenda.render(store, actor)
with tabs[7]:
    board.render(store, actor)
