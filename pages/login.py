"""Sign in with a personal access code, typed or filled in by the QR code on the
member's card (`/login?code=…`, tried once automatically). Wrong codes are
rate-limited per client; the code never stays in the address bar."""

from __future__ import annotations

import streamlit as st

from pages._common import client_key, get_store, remember_login, run_through_app_shell
from scoring import auth
from scoring.errors import DomainError
from scoring.i18n import t

run_through_app_shell()

store = get_store()
st.title(t("login.title"))
st.write(t("login.help"))

prefilled = st.query_params.get("code", "")
if "code" in st.query_params:
    # Keep the code for this tab only, and out of the address bar (projector, screenshots, history).
    st.session_state["login_prefilled"] = prefilled
    del st.query_params["code"]
prefilled = prefilled or st.session_state.get("login_prefilled", "")

# One place for "please wait": the notice on arrival, replaced by the refusal if a code
# is tried meanwhile (two alerts said the same thing).
notice = st.empty()
wait = auth.seconds_until_allowed(store, client_key())
if wait:
    notice.warning(t("login.wait", seconds=wait))


def attempt(code: str) -> None:
    try:
        _, token = auth.login(store, code, client_key())
    except DomainError as exc:
        if exc.key == "err.rate_limited":
            notice.error(str(exc))
        else:
            st.error(str(exc))
    else:
        st.session_state.pop("login_prefilled", None)
        remember_login(token)
        # The login page is not registered once signed in: go home (member pages appear in the sidebar).
        st.switch_page("pages/home.py", query_params=dict(st.query_params))


auto = bool(prefilled) and not st.session_state.get("code_tried")
if auto:
    st.session_state["code_tried"] = True
    st.caption(t("login.prefilled"))
    attempt(prefilled)

with st.form("login"):
    code = st.text_input(t("login.code"), value=prefilled, type="password", max_chars=40)
    submitted = st.form_submit_button(t("nav.login"), type="primary")
if submitted:
    attempt(code)
