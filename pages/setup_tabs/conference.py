"""Tab "Hội nghị": the conference's name, date, place, legal basis and join address, in one form."""

from __future__ import annotations

import streamlit as st

from pages.setup_tabs.widgets import act, version
from scoring import conference
from scoring.db import Store
from scoring.i18n import t
from scoring.validation import format_date


def render(store: Store, actor: str) -> None:
    """The conference details form; saving validates the date and names the field that failed."""
    conf = conference.get_conference(store)
    with st.form(f"conference_form_{version('conference')}"):
        name = st.text_input(t("setup.conf.name"), conf.get("name") or "")
        s_name = st.empty()
        organisation = st.text_input(t("setup.conf.organisation"), conf.get("organisation") or "")
        period = st.text_input(t("setup.conf.period"), conf.get("period") or "", placeholder="2025-2030")
        when = st.text_input(t("setup.conf.date"), format_date(conf.get("date")), placeholder="dd/mm/yyyy")
        s_date = st.empty()
        place = st.text_input(t("setup.conf.place"), conf.get("place") or "")
        legal = st.text_area(t("setup.conf.legal_basis"), conf.get("legal_basis") or "", height=120)
        join_url = st.text_input(t("setup.conf.join_url"), conf.get("join_url") or "", help=t("setup.conf.join_help"))
        submitted = st.form_submit_button(t("setup.save"), type="primary")
        s_form = st.empty()
    if submitted:
        act(
            lambda: conference.save_conference(
                store,
                actor,
                name=name,
                organisation=organisation,
                period=period,
                date=when,
                place=place,
                legal_basis=legal,
                join_url=join_url,
            ),
            {"setup.conf.name": s_name, "date": s_date},
            s_form,
            t("setup.saved_conference"),
            "conference",
        )
