"""Placeholder until its issue lands."""

import streamlit as st

from scoring.i18n import t

st.title(t("nav.indicators"))
st.info(t("page.in_progress"))
