"""Tab "Ban kiểm phiếu": the counting board (its head and members) named in the minutes."""

from __future__ import annotations

import streamlit as st

from pages.setup_tabs.widgets import act, delete_box, edit_table, version
from scoring import conference
from scoring.db import Store
from scoring.i18n import t


def render(store: Store, actor: str) -> None:
    """Counting board: its warnings, a table, a form to add a person, a delete box."""
    board = conference.list_counting_board(store)
    board_labels = {"head": t("setup.board.head"), "member": t("setup.board.member")}
    board_values = {label: value for value, label in board_labels.items()}
    st.caption(t("setup.board.help"))
    for warning in conference.counting_board_warnings(store):
        st.warning(warning)

    def save_board(board_id: int, diff: dict) -> None:
        """The table shows the role by its label; the core wants its value."""
        if "role" in diff:
            diff["role"] = board_values.get(diff["role"], diff["role"])
        conference.update_counting_board_member(store, actor, board_id, **diff)

    edit_table(
        store,
        "board",
        board,
        {
            "full_name": st.column_config.TextColumn(t("setup.board.full_name"), required=True, width="medium"),
            "role": st.column_config.SelectboxColumn(t("setup.board.role"), options=list(board_values), required=True),
        },
        lambda b: {**b, "role": board_labels[b["role"]]},
        save_board,
        lambda b: b["full_name"],
    )
    with st.form(f"board_form_{version('board')}"):
        st.markdown(f"**{t('setup.board.add')}**")
        c1, c2 = st.columns(2)
        bo_name = c1.text_input(t("setup.board.full_name"))
        s_bo_name = c1.empty()
        bo_role = c2.selectbox(t("setup.board.role"), list(board_labels), index=1, format_func=board_labels.get)
        bo_added = st.form_submit_button(t("setup.add"), type="primary")
        s_bo = st.empty()
    if bo_added:
        act(
            lambda: conference.add_counting_board_member(store, actor, bo_name, bo_role),
            {"field.full_name": s_bo_name},
            s_bo,
            t("setup.added", name=bo_name.strip()),
            "board",
        )
    delete_box(
        "board",
        board,
        lambda b: b["full_name"],
        lambda i: conference.delete_counting_board_member(store, actor, i),
    )
