"""Entry point: decides which pages a visitor sees, by role, and runs one.

Pages a role lacks are not registered at all, so they cannot be reached by URL
either. Everything else lives in `pages/` (screens) and `scoring/` (rules).
"""

from __future__ import annotations

import streamlit as st

from pages._common import apply_language, current_member
from scoring import i18n
from scoring.i18n import t
from scoring.model import Role

st.set_page_config(page_title=t("app.title"), page_icon="🏅", layout="wide")
apply_language()
member = current_member()
role = member["role"] if member else None

public = [
    st.Page("pages/home.py", title=t("nav.home"), icon="🏠", url_path="home", default=True),
    st.Page("pages/projector.py", title=t("nav.projector"), icon="📽️", url_path="projector"),
    st.Page("pages/indicators.py", title=t("nav.indicators"), icon="📈", url_path="indicators"),
]
sections: dict[str, list] = {t("nav.section.public"): public}

if member is None:
    public.append(st.Page("pages/login.py", title=t("nav.login"), icon="🔑", url_path="login"))
else:
    council = [st.Page("pages/logout.py", title=t("nav.logout"), icon="🚪", url_path="logout")]
    if member["is_voting"]:
        council[:0] = [
            st.Page("pages/scoring_sheet.py", title=t("nav.scoring"), icon="📝", url_path="scoring"),
            st.Page("pages/ballot.py", title=t("nav.ballot"), icon="🗳️", url_path="ballot"),
        ]
    sections[t("nav.section.member")] = council
    if role in ("chair", "vice_chair", "secretary"):
        sections[t("nav.section.secretary")] = [
            st.Page("pages/rounds.py", title=t("nav.rounds"), icon="🔁", url_path="rounds"),
            st.Page("pages/results.py", title=t("nav.results"), icon="🏆", url_path="results"),
        ]
    if role == "secretary":
        sections[t("nav.section.secretary")] += [
            st.Page("pages/setup.py", title=t("nav.setup"), icon="⚙️", url_path="setup"),
            st.Page("pages/member_codes.py", title=t("nav.member_codes"), icon="🔐", url_path="member_codes"),
            st.Page("pages/import_data.py", title=t("nav.import"), icon="📥", url_path="import"),
            st.Page("pages/exports.py", title=t("nav.exports"), icon="📤", url_path="exports"),
            st.Page("pages/audit_log.py", title=t("nav.audit"), icon="📜", url_path="audit"),
        ]

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

st.navigation(sections).run()
