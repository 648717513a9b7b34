"""Tab "Thành viên Hội đồng": council members, their roles and voting rights; adding one shows its access code."""

from __future__ import annotations

import streamlit as st

from pages.setup_tabs.widgets import bump, delete_box, edit_table, flash, unit_options, version
from scoring import conference
from scoring.db import Store
from scoring.errors import DomainError
from scoring.i18n import t
from scoring.model import Role


def render(store: Store, actor: str) -> None:
    """Members: a table, a link to the codes page, a form whose success message carries the new code."""
    members = conference.list_members(store)
    role_labels = {r.value: r.label for r in Role}
    role_values = {label: value for value, label in role_labels.items()}
    units_list = unit_options(store)

    def save_member(member_id: int, diff: dict) -> None:
        """The table shows the role by its label and no unit as ""; the core wants a value and None."""
        if "role" in diff:
            diff["role"] = role_values.get(diff["role"], diff["role"])
        if "unit" in diff:
            diff["unit"] = diff["unit"] or None
        conference.update_member(store, actor, member_id, **diff)

    edit_table(
        store,
        "members",
        members,
        {
            "full_name": st.column_config.TextColumn(t("setup.members.full_name"), required=True, width="medium"),
            "role": st.column_config.SelectboxColumn(t("setup.members.role"), options=list(role_values), required=True),
            "position": st.column_config.TextColumn(t("setup.members.position"), width="medium"),
            "unit": st.column_config.SelectboxColumn(t("setup.members.unit"), options=["", *units_list]),
            "is_voting": st.column_config.CheckboxColumn(t("setup.members.is_voting")),
        },
        lambda m: {**m, "role": role_labels[m["role"]], "unit": m["unit"] or "", "is_voting": bool(m["is_voting"])},
        save_member,
        lambda m: m["full_name"],
        # The core keeps one secretary at least: a handover in one save names the new one first.
        first=lambda diff: diff.get("role") == role_labels[Role.SECRETARY.value],
    )
    # Codes are generated on their own page (registered for the secretary, like this one).
    st.page_link("pages/member_codes.py", label=t("setup.members.codes_link"), icon=":material/qr_code_2:")
    with st.form(f"member_form_{version('members')}"):
        st.markdown(f"**{t('setup.members.add')}**")
        c1, c2 = st.columns(2)
        me_name = c1.text_input(t("setup.members.full_name"))
        s_me_name = c1.empty()
        roles = list(role_labels)
        me_role = c2.selectbox(
            t("setup.members.role"), roles, index=roles.index(Role.MEMBER), format_func=role_labels.get
        )
        c1, c2 = st.columns(2)
        me_position = c1.text_input(t("setup.members.position"))
        me_unit = c2.selectbox(t("setup.members.unit"), [None, *units_list], format_func=lambda u: u or "—")
        me_voting = st.checkbox(t("setup.members.is_voting"), value=True)
        me_added = st.form_submit_button(t("setup.add"), type="primary")
        s_me = st.empty()
    if me_added:
        try:
            _, code = conference.add_member(store, actor, me_name, me_role, me_unit, me_position, me_voting)
        except DomainError as exc:
            ({"field.full_name": s_me_name, "full_name": s_me_name}.get(exc.field or "") or s_me).error(str(exc))
        else:
            flash(t("setup.members.added_code", name=me_name.strip(), code=code))  # the code is shown this once
            bump("members")
            st.rerun()
    delete_box("members", members, lambda m: m["full_name"], lambda i: conference.delete_member(store, actor, i))
