"""Import from Excel/CSV: upload, preview row by row, then import all or nothing."""

from __future__ import annotations

import pandas as pd
import streamlit as st

from pages._common import get_store, require_member, run_through_app_shell
from scoring import imports, tabular
from scoring.i18n import t
from scoring.templates import FILE_NAMES, template_xlsx

run_through_app_shell()

XLSX_MIME = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"

store = get_store()
member = require_member("secretary")

st.title(t("imp.title"))
st.caption(t("imp.help"))

with st.expander(t("imp.templates")):
    st.caption(t("imp.titles_note"))
    columns = st.columns(len(imports.KINDS))
    for column, kind in zip(columns, imports.KINDS, strict=True):
        column.download_button(
            t("imp.template_for", kind=imports.kind_label(kind)),
            data=template_xlsx(kind),
            file_name=FILE_NAMES[kind],
            mime=XLSX_MIME,
            key=f"template_{kind}",
        )

if "import_done" in st.session_state:
    st.success(st.session_state.pop("import_done"))

kind = st.selectbox(
    t("imp.kind"),
    [None, *imports.KINDS],
    format_func=lambda k: t("imp.kind.auto") if k is None else imports.kind_label(k),
    key="import_kind",
)
uploader_key = f"import_files_{st.session_state.get('import_round', 0)}"
files = st.file_uploader(t("imp.files"), type=list(tabular.UPLOAD_TYPES), accept_multiple_files=True, key=uploader_key)

if files:
    uploads = [(f.name, f.getvalue()) for f in files]
    plan = imports.plan_import(store, uploads, kind)
    st.subheader(t("imp.preview"))
    st.markdown(f"**{plan.summary()}**")
    for file_plan in plan.files:
        st.markdown(f"##### {file_plan.file} · {imports.kind_label(file_plan.kind)}")
        if file_plan.rows:
            table = pd.DataFrame(
                [
                    {t("imp.col.row"): r.row, t("imp.action"): t(f"imp.action.{r.action}")}
                    | {t(f"imp.col.{k}"): val for k, val in r.values.items()}
                    for r in file_plan.rows
                ]
            )
            st.dataframe(table, hide_index=True, width="stretch", placeholder="")
        for problem in file_plan.problems:
            where = problem.location()
            (st.error if problem.level == "error" else st.warning)(f"{where}: {problem.message}")
    if plan.problems:
        st.download_button(
            t("imp.download_report"),
            data=imports.report_csv(plan),
            file_name="bao-cao-loi-nhap-du-lieu.csv",
            mime="text/csv",
            key="import_report",
        )
    counts = plan.counts()
    if not plan.ok:
        st.error(t("imp.refused", errors=len(plan.errors)))
    elif counts["create"] + counts["update"] == 0:
        st.info(t("imp.nothing_to_do"))
    elif st.button(t("imp.commit"), type="primary", key="import_commit"):
        try:
            done = imports.commit_import(store, member["full_name"], uploads, kind)
        except imports.ImportRefused as exc:
            for problem in exc.plan.errors:
                st.error(f"{problem.location()}: {problem.message}")
            st.error(str(exc))
        else:
            c = done.counts()
            st.session_state["import_done"] = t("imp.done", create=c["create"], update=c["update"])
            st.session_state["import_round"] = st.session_state.get("import_round", 0) + 1  # empty the uploader
            st.rerun()
