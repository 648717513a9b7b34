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

from pages._common import get_store, require_member, run_through_app_shell
from pages.setup_tabs import agenda, board, candidates, conference, criteria, members, titles, units
from scoring.i18n import t

run_through_app_shell()

store = get_store()
member = require_member("secretary")
actor = member["full_name"]

st.title(t("nav.setup"))
# Always drawn, empty or not: a message that came and went above the tabs moved them, so the
# browser drew them anew on the first tab, hiding the error of the tab the secretary worked in.
flash_slot = st.empty()
if "setup_flash" in st.session_state:
    message = st.session_state.pop("setup_flash")
    flash_slot.success(message)
    st.toast(message, icon=":material/check_circle:")  # seen even when scrolled down to the form

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
labels = [t(label) for label, _ in TABS]
# The open tab is state the server keeps (key + on_change): every rerun after an add or a save
# sends it back, so the secretary stays on their tab and sees its message. A change of language
# renames the tabs: the one open is found again by its place.
if st.session_state.get("setup_tab") not in labels and "setup_tab_at" in st.session_state:
    st.session_state["setup_tab"] = labels[st.session_state["setup_tab_at"]]
tabs = st.tabs(labels, key="setup_tab", on_change="rerun")
st.session_state["setup_tab_at"] = next((i for i, tab in enumerate(tabs) if tab.open), 0)
for tab, (_, module) in zip(tabs, TABS, strict=True):
    with tab:
        module.render(store, actor)
