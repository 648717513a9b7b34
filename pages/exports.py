"""Files out (secretary): the round's rankings (CSV, XLSX), the vote-count
minutes and the scoring summary (.docx), a backup of the whole database,
restore from a backup, and the automatic snapshots."""

from __future__ import annotations

from pathlib import Path

import streamlit as st

from pages._common import actor_name, current_member, get_store, require_member, run_through_app_shell, show_error
from scoring import aggregate, backup, conference, exports, minutes, rounds
from scoring.errors import DomainError
from scoring.i18n import number_text, t
from scoring.model import RoundStatus

run_through_app_shell()

XLSX_MIME = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
DOCX_MIME = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
# (variant, label key, widget key, file name suffix) of the rankings CSVs
CSV_BUTTONS = (("intl", "xp.csv", "dl_csv", ""), ("vi", "xp.csv_vi", "dl_csv_vi", "-excel-vn"))

restored = st.session_state.pop("restore_flash", None)  # set by a restore, just before its rerun
if restored and current_member() is None:  # a backup taken before this login does not hold it
    st.success(restored)
    st.info(t("xp.restore_sign_in_again"))
secretary = require_member("secretary")
store = get_store()
st.title(t("nav.exports"))

# --- results of a round ---------------------------------------------------------------------
st.header(t("xp.results_header"))
all_rounds = rounds.list_rounds(store)
if not all_rounds:
    st.info(t("xp.no_rounds"))
else:
    by_id = {r["id"]: r for r in all_rounds}
    round_id = st.selectbox(t("xp.round"), list(by_id), format_func=lambda rid: by_id[rid]["name"], key="export_round")
    chosen = by_id[round_id]
    status = RoundStatus(chosen["status"])
    if status not in (RoundStatus.CLOSED, RoundStatus.PUBLISHED):
        st.warning(t("xp.provisional", status=status.label))
    try:
        results = aggregate.round_results(store, round_id)
    except DomainError as exc:
        st.error(t("xp.results_error", error=str(exc)))
        results = None
    if results is not None:
        conf = conference.get_conference(store)
        base = f"vong-{chosen['position'] or round_id}"
        # Files are built when a button is clicked (data as a callable), from the
        # results read now: what was on screen is what is downloaded.
        cols = st.columns(5)
        # Two CSVs: Excel opens a CSV with the PC's list separator and decimal symbol (spreadsheet.CSV_VARIANTS).
        for col, (variant, label, key, suffix) in zip(cols, CSV_BUTTONS, strict=False):
            col.download_button(
                t(label),
                data=lambda variant=variant: exports.ranking_csv(results, variant),
                file_name=f"{base}-xep-hang{suffix}.csv",
                mime="text/csv",
                on_click="ignore",
                key=key,
                help=t(f"{label}_help"),
            )
        cols[2].download_button(
            t("xp.xlsx"),
            data=lambda: exports.ranking_xlsx(results, conf),
            file_name=f"{base}-ket-qua.xlsx",
            mime=XLSX_MIME,
            on_click="ignore",
            key="dl_xlsx",
        )
        board = conference.list_counting_board(store)
        counted = status in (RoundStatus.CLOSED, RoundStatus.PUBLISHED)  # ballots are counted at the close
        count_time = rounds.counted_at(store, round_id)  # the close that counted them, not a later one
        cols[3].download_button(
            t("xp.minutes"),
            data=lambda: minutes.minutes_docx(results, conf, board, counted_at=count_time) if counted else b"",
            file_name=f"{base}-bien-ban-kiem-phieu.docx",
            mime=DOCX_MIME,
            on_click="ignore",
            key="dl_minutes",
            disabled=not counted,
            help=None if counted else t("err.minutes_not_closed", name=chosen["name"]),
        )
        signers = minutes.signers_of(store, secretary["id"])
        cols[4].download_button(
            t("xp.summary"),
            data=lambda: minutes.summary_docx(results, conf, signers),
            file_name=f"{base}-tong-hop-diem.docx",
            mime=DOCX_MIME,
            on_click="ignore",
            key="dl_summary",
        )
        st.caption(t("xp.csv_choice"))
        st.caption(t("xp.preview"))  # what the files hold, as they hold it: in Vietnamese
        st.dataframe(exports.ranking_frame(results), hide_index=True, width="stretch", placeholder="")

# --- backup ---------------------------------------------------------------------------------
st.header(t("xp.backup_header"))
st.caption(t("xp.backup_help"))
db_file = store.path
# While ballots are being cast, two downloads on either side of one ballot would show it:
# the automatic snapshots keep the data safe on this computer meanwhile.
sealed = backup.any_round_open(db_file)
st.download_button(
    t("xp.backup_download"),
    data=lambda: b"" if sealed else backup.download_bytes(db_file),  # the snapshot is taken at the click
    file_name=backup.backup_file_name(),
    mime="application/vnd.sqlite3",
    on_click="ignore",
    key="dl_backup",
    disabled=sealed,
    help=t("xp.backup_sealed") if sealed else None,
)
if sealed:
    st.caption(t("xp.backup_sealed"))

# --- restore --------------------------------------------------------------------------------
st.header(t("xp.restore_header"))
if restored:
    st.success(restored)
st.warning(t("xp.restore_help"))
# A new key after each restore empties the upload box and the confirmation: a second click
# would restore the same file again (and snapshot the data just restored as "before restore").
restore_v = st.session_state.get("restore_v", 0)
upload = st.file_uploader(
    t("xp.restore_upload"),
    type=["db", "sqlite", "sqlite3"],
    key="restore_file" if not restore_v else f"restore_file_{restore_v}",
)
if upload is not None:
    data = upload.getvalue()
    try:
        info = backup.inspect_bytes(data, upload.name)
    except DomainError as exc:
        show_error(exc)
    else:
        st.info(
            t(
                "xp.restore_info",
                conference=info.conference,
                version=info.schema_version,
                rounds=info.rounds,
                members=info.members,
                receipts=info.receipts,
                submissions=info.submissions,
                audit=info.audit_rows,
            )
        )
        confirmed = st.checkbox(
            t("xp.restore_confirm"), key="restore_confirm" if not restore_v else f"restore_confirm_{restore_v}"
        )
        if st.button(t("xp.restore_button"), type="primary", disabled=not confirmed, key="restore_go"):
            try:
                backup.restore(db_file, data, file_name=upload.name, actor=actor_name())
            except DomainError as exc:
                show_error(exc)
            else:
                st.cache_data.clear()
                # Everything above was read from the database before the restore (QA: "Đang có vòng
                # bỏ phiếu…" stayed, with the backup button off, until the next click): run again.
                st.session_state["restore_flash"] = t("xp.restore_done", file=upload.name)
                st.session_state["restore_v"] = restore_v + 1
                st.rerun()

# --- automatic snapshots ----------------------------------------------------------------------
st.header(t("xp.snapshots_header"))
folder = backup.backups_dir(db_file)
st.caption(
    t(
        "xp.snapshots_help",
        folder=str(folder),
        minutes=number_text(backup.interval_minutes(db_file)),
        keep=backup.keep_count(db_file),
    )
)
if st.button(t("xp.snapshot_now"), key="snapshot_now"):
    made = backup.auto_snapshot(db_file, "thu-cong")
    st.success(t("xp.snapshot_done", file=Path(made).name))
snapshots = backup.list_snapshots(db_file)
if not snapshots:
    st.info(t("xp.snapshots_empty"))
else:
    st.dataframe(
        {
            t("xp.snap.col.file"): [s["name"] for s in snapshots],
            t("xp.snap.col.at"): [exports.format_time(s["at"]) for s in snapshots],
            t("xp.snap.col.size"): [round(s["size"] / 1024) for s in snapshots],
        },
        placeholder="",
        hide_index=True,
        width="stretch",
    )
