"""Entry point: decides which pages a visitor sees, by role, and runs one.

Pages a role lacks are left out of the menu but still registered, hidden, so a
link to one opens it and the page itself refuses in the interface's language
(each page checks the role itself). Everything else lives in `pages/` (screens)
and `scoring/` (rules).
"""

from __future__ import annotations

from typing import NamedTuple

import streamlit as st

from pages._common import (
    TOKEN_PARAM,
    apply_language,
    current_member,
    localise_streamlit_texts,
    translate_streamlit_ui,
)
from scoring import i18n
from scoring.i18n import t
from scoring.model import OFFICERS, Role

SECRETARY = frozenset({"secretary"})


class Screen(NamedTuple):
    script: str
    title_key: str
    icon: str
    section: str  # nav.section.<section>; a section is named for who uses it, so it holds no one else's pages
    who: frozenset[str] | str  # "public", "guest" (signed out), "member", "voting", or a set of roles


SCREENS: list[Screen] = [
    Screen("pages/home.py", "nav.home", "home", "public", "public"),
    Screen("pages/projector.py", "nav.projector", "co_present", "public", "public"),
    Screen("pages/indicators.py", "nav.indicators", "monitoring", "public", "public"),
    Screen("pages/login.py", "nav.login", "login", "public", "guest"),
    Screen("pages/scoring_sheet.py", "nav.scoring", "edit_note", "member", "voting"),
    Screen("pages/ballot.py", "nav.ballot", "how_to_vote", "member", "voting"),
    Screen("pages/logout.py", "nav.logout", "logout", "member", "member"),
    Screen("pages/rounds.py", "nav.rounds", "published_with_changes", "meeting", OFFICERS),
    Screen("pages/results.py", "nav.results", "trophy", "meeting", OFFICERS),
    Screen("pages/setup.py", "nav.setup", "settings", "secretary", SECRETARY),
    Screen("pages/member_codes.py", "nav.member_codes", "qr_code_2", "secretary", SECRETARY),
    Screen("pages/import_data.py", "nav.import", "upload_file", "secretary", SECRETARY),
    Screen("pages/exports.py", "nav.exports", "download", "secretary", SECRETARY),
    Screen("pages/audit_log.py", "nav.audit", "history", "secretary", SECRETARY),
]


def visible(who: frozenset[str] | str, member: dict | None) -> bool:
    if who == "public":
        return True
    if who == "guest":
        return member is None
    if member is None:
        return False
    if who == "member":
        return True
    if who == "voting":
        return bool(member["is_voting"])
    return member["role"] in who


st.set_page_config(page_title=t("app.title"), page_icon="🏅", layout="wide")
apply_language()
localise_streamlit_texts()
member = current_member()

sections: dict[str, list] = {}
hidden = []
for screen in SCREENS:
    # The address is the file's name (/scoring_sheet, /import_data): the same
    # name Streamlit's pages/-directory mode uses on a fresh server's first
    # visit, so a deep link resolves in both (see pages/_common.py). A screen this
    # visitor may not use is still registered, hidden from the menu: a link to it (a
    # member whose code was reissued, a bookmark) opens it, and the page itself says
    # in Vietnamese to sign in, instead of Streamlit's English "Page not found".
    shown = visible(screen.who, member)
    page = st.Page(
        screen.script,
        title=t(screen.title_key),
        icon=f":material/{screen.icon}:",
        default=screen.script == "pages/home.py",
        visibility="visible" if shown else "hidden",
    )
    if shown:
        sections.setdefault(t(f"nav.section.{screen.section}"), []).append(page)
    else:
        hidden.append(page)
next(iter(sections.values())).extend(hidden)  # the public section is always there

with st.sidebar:
    if member:
        st.caption(t("home.signed_in_as", name=member["full_name"], role=Role(member["role"]).label))
    lang = st.selectbox(
        t("app.language"),
        list(i18n.LANGUAGES),
        format_func=i18n.LANGUAGES.get,
        index=list(i18n.LANGUAGES).index(st.session_state["lang"]),
        key="lang_select",
    )
    if lang != st.session_state["lang"]:
        st.session_state["lang"] = lang
        st.query_params["lang"] = lang
        st.rerun()
translate_streamlit_ui()  # last in the sidebar: its empty element adds no gap above the rest

page = st.navigation(sections, expanded=True)
if page.url_path == "projector" and TOKEN_PARAM in st.query_params:
    # The projector's address is read, copied and opened on the hall's computer: never with an
    # officer's session in it (this tab keeps its login in its session state).
    del st.query_params[TOKEN_PARAM]
page.run()
