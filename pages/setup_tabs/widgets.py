"""Helpers the setup tabs share: the flash message, per-table version counters
(a new counter gives widgets new keys, so they reload from the database), running
a change, the picker that keeps its row across a save, and the edit-table and
delete box every list of rows uses."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pandas as pd
import streamlit as st

from scoring import conference
from scoring.db import Store
from scoring.errors import DomainError
from scoring.i18n import t


def flash(message: str) -> None:
    """A success message that survives the rerun after a change."""
    st.session_state["setup_flash"] = message


def bump(name: str) -> None:
    """A new widget key: tables and forms reload from the database."""
    st.session_state[f"{name}_v"] = st.session_state.get(f"{name}_v", 0) + 1


def version(name: str) -> int:
    """The counter `bump` raises: part of every widget key, so a change discards stale edits."""
    return st.session_state.get(f"{name}_v", 0)


def pick(label: str, name: str, ids: list, format_func: Callable[[Any], str], key: str, new: str | None = None) -> Any:
    """A picker of one row to work on (with a first "new" choice when `new` is given) that keeps its
    row across the rerun after a change: a change raises the tab's version, so the picker gets a new
    key and would open on its first choice, and the secretary lost their place (QA: the title just
    saved went back to "+ new title", as if the save had failed). Its choice is kept under
    `{key}_kept` each run; a change that adds a row calls `keep` with the new id."""
    options = [None, *ids] if new is not None else list(ids)
    widget_key = f"{key}_{version(name)}"
    if widget_key not in st.session_state:
        kept = st.session_state.get(f"{key}_kept")
        if kept in ids:
            st.session_state[widget_key] = kept
    choice = st.selectbox(
        label,
        options,
        format_func=lambda i: new if i is None else format_func(i),
        key=widget_key,
    )
    st.session_state[f"{key}_kept"] = choice
    return choice


def keep(key: str, row_id: Any) -> None:
    """After a change: the picker `key` opens on `row_id` (a row just added) on the next run."""
    st.session_state[f"{key}_kept"] = row_id


def act(func: Callable[[], object], slots: dict[str, Any], fallback: Any, done: str, name: str) -> None:
    """Run a change; on a DomainError show its message in the slot of the field
    it names (else under the button), on success reload and say so."""
    try:
        func()
    except DomainError as exc:
        (slots.get(exc.field or "") or fallback).error(str(exc))
        return
    flash(done)
    bump(name)
    st.rerun()


def plain(value: object) -> object:
    """A table cell as Python: NaN and pandas' missing values become None."""
    if value is None:
        return None
    try:
        if pd.isna(value):
            return None
    except (TypeError, ValueError):
        pass
    if hasattr(value, "item"):
        value = value.item()
    if isinstance(value, float) and value.is_integer():
        return int(value)
    return value


class _RowFailed(Exception):
    """A row's refusal, carried out of the write transaction so it rolls back and the row is named."""

    def __init__(self, index: int, label: str, exc: DomainError) -> None:
        super().__init__(str(exc))
        self.index, self.label, self.exc = index, label, exc


def edit_table(
    store: Store,
    name: str,
    records: list[dict],
    columns: dict[str, Any],
    cells: Callable[[dict], dict],
    save: Callable[[int, dict], None],
    label: Callable[[dict], str],
    disabled: tuple[str, ...] = (),
    first: Callable[[dict], bool] | None = None,
) -> None:
    """Existing rows in a data editor; "Lưu thay đổi" saves every changed row in
    one transaction, or none, naming the row that failed. `first(diff)` marks the
    changes saved before the others (a new secretary before the old one steps down)."""
    if not records:
        st.caption(t("setup.empty"))
        return
    frame = pd.DataFrame([cells(r) for r in records], columns=list(columns))
    edited = st.data_editor(
        frame,
        placeholder="",
        key=f"{name}_editor_{version(name)}",
        hide_index=True,
        num_rows="fixed",
        column_config=columns,
        disabled=list(disabled),
        width="stretch",
    )
    slot = st.empty()
    if not st.button(t("setup.save_changes"), key=f"{name}_save_{version(name)}"):
        return
    changes = []
    for i, record in enumerate(records):
        before = frame.iloc[i]
        after = edited.iloc[i]
        diff = {k: plain(after[k]) for k in columns if plain(after[k]) != plain(before[k])}
        if diff:
            changes.append((i, record, diff))
    if not changes:
        slot.info(t("setup.no_changes"))
        return
    if first is not None:
        changes.sort(key=lambda change: not first(change[2]))  # stable: the table's order otherwise
    try:
        with store.write():  # all rows or none
            for i, record, diff in changes:
                try:
                    save(record["id"], diff)
                except DomainError as exc:
                    raise _RowFailed(i, label(record), exc) from exc
    except _RowFailed as failed:
        slot.error(t("setup.row_error", row=failed.index + 1, name=failed.label, message=str(failed.exc)))
        return
    flash(t("setup.saved", count=len(changes)))
    bump(name)
    st.rerun()


def delete_box(name: str, records: list[dict], label: Callable[[dict], str], delete: Callable[[int], None]) -> None:
    """Pick a row and delete it; a refusal says what still uses it."""
    if not records:
        return
    with st.expander(t("setup.delete")):
        choice = st.selectbox(
            t("setup.delete_which"),
            [r["id"] for r in records],
            format_func=lambda i: label(next(r for r in records if r["id"] == i)),
            key=f"{name}_delete_pick_{version(name)}",
        )
        slot = st.empty()
        if st.button(t("setup.delete_button"), key=f"{name}_delete_{version(name)}"):
            act(lambda: delete(choice), {}, slot, t("setup.deleted"), name)


def unit_options(store: Store) -> list[str]:
    """Unit names for the candidates' and members' unit pickers, read fresh each run."""
    return [u["name"] for u in conference.list_units(store)]
