"""Sign in with a personal access code (typed, or filled in by the QR code's ?code=)."""

from __future__ import annotations

import streamlit as st

from pages._common import client_key, get_store, remember_login
from scoring import auth
from scoring.errors import DomainError
from scoring.i18n import t

st.title(t("login.title"))
st.write(t("login.help"))

prefilled = st.query_params.get("code", "")
with st.form("login"):
    code = st.text_input(t("login.code"), value=prefilled, type="password", max_chars=40)
    submitted = st.form_submit_button(t("nav.login"), type="primary")

if submitted or (prefilled and not st.session_state.get("code_tried")):
    st.session_state["code_tried"] = True
    try:
        member, token = auth.login(get_store(), code or prefilled, client_key())
    except DomainError as exc:
        st.error(str(exc))
    else:
        if "code" in st.query_params:
            del st.query_params["code"]  # the code never stays in the address bar
        remember_login(token)
        st.rerun()
