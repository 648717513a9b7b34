"""Sign out: revoke this tab's session token."""

from __future__ import annotations

import streamlit as st

from pages._common import forget_login, get_store, run_through_app_shell, session_token
from scoring import auth
from scoring.i18n import t

run_through_app_shell()

st.title(t("nav.logout"))
st.write(t("logout.confirm"))
if st.button(t("nav.logout"), type="primary"):
    token = session_token()
    if token:
        auth.logout(get_store(), token)
    forget_login()
    st.rerun()
