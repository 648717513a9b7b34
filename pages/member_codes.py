"""Secretary: (re)generate council members' access codes and print the sheet of
cards with QR codes. Codes are stored only as hashes, so they are shown once,
here, right after they are made."""

from __future__ import annotations

import pandas as pd
import streamlit as st

from pages._common import get_store, join_url, require_member, run_through_app_shell, session_token, show_error
from scoring import access_sheet, auth, conference, rounds
from scoring.errors import DomainError
from scoring.i18n import t
from scoring.model import Role

run_through_app_shell()

member = require_member()
if member["role"] != Role.SECRETARY:
    st.error(t("err.page_for_secretary"))
    st.stop()

store = get_store()
actor = member["full_name"]
conf = conference.get_conference(store)

st.title(t("nav.member_codes"))
st.write(t("codes.intro"))

with st.form("join_url"):
    typed_url = st.text_input(t("codes.join_url"), value=join_url(conf.get("join_url")), help=t("codes.join_url_help"))
    if st.form_submit_button(t("codes.save_url")):
        try:
            conference.save_conference(store, actor, join_url=typed_url)
        except DomainError as exc:
            show_error(exc)
        else:
            st.success(t("codes.url_saved"))
            conf = conference.get_conference(store)

members = conference.list_members(store)
by_id = {m["id"]: m for m in members}


def _label(member_id: int) -> str:
    m = by_id[member_id]
    return f"{m['full_name']} ({Role(m['role']).label})"


st.subheader(t("codes.generate"))
# Before the meeting every code is printed at once; once a round has opened, a code is
# reissued for someone who lost it, and a preselected list replaced everyone's (QA).
meeting_started = any(r["status"] != "setup" for r in rounds.list_rounds(store))
chosen = st.multiselect(
    t("codes.members"),
    list(by_id),
    default=[] if meeting_started else list(by_id),
    format_func=_label,
    placeholder=t("common.choose"),
    key="codes_members",
)
st.caption(t("codes.warning"))
if st.session_state.pop("codes_made", False):
    # The codes just made are on screen, maybe already printed: a second click must
    # be confirmed again, or it would silently replace them.
    st.session_state["codes_confirm"] = False
confirm = st.checkbox(t("codes.confirm", n=len(chosen)), key="codes_confirm")
if st.button(t("codes.generate_button"), type="primary", disabled=not (chosen and confirm)):
    try:
        with st.spinner(t("codes.generating")):
            codes = auth.reset_codes(store, chosen, actor, keep_token=session_token())
    except DomainError as exc:
        show_error(exc)
    else:
        st.session_state["new_codes"] = codes
        st.session_state["codes_made"] = True
        st.rerun()

codes: dict[int, str] = st.session_state.get("new_codes") or {}
if codes:
    st.success(t("codes.generated", n=len(codes)))
    cards = [
        {**by_id[m], "code": code}
        for m, code in sorted(codes.items(), key=lambda kv: list(by_id).index(kv[0]) if kv[0] in by_id else 0)
        if m in by_id
    ]
    st.dataframe(
        pd.DataFrame(
            [
                {
                    t("col.full_name"): c["full_name"],
                    t("col.role"): Role(c["role"]).label,
                    t("login.code"): c["code"],
                    t("codes.link"): access_sheet.login_link(join_url(conf.get("join_url")), c["code"]),
                }
                for c in cards
            ]
        ),
        placeholder="",
        hide_index=True,
    )
    try:
        sheet_html = access_sheet.build_html(conf.get("name", ""), join_url(conf.get("join_url")), cards)
    except DomainError as exc:
        show_error(exc)
    else:
        st.download_button(
            t("codes.download"),
            sheet_html.encode("utf-8"),
            file_name="ma-truy-cap-thanh-vien.html",
            mime="text/html",
            type="primary",
        )
    if st.button(t("codes.forget")):
        st.session_state.pop("new_codes", None)
        st.rerun()
