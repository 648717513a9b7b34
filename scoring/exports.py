"""Files that leave the meeting: the rankings as CSV (for Excel) and as a
formatted XLSX book, and the audit log as CSV.

Every exporter takes a `RoundResults` (scoring.aggregate) plus the conference
row, so the files are built from the stored results, never retyped, and can be
tested with a hand-built result.

CSV files are UTF-8 with BOM and formula-like cells are neutralised
(scoring.spreadsheet).
"""

from __future__ import annotations

import io
from datetime import date, datetime
from typing import TYPE_CHECKING, Any

import pandas as pd
from openpyxl import Workbook
from openpyxl.styles import Alignment, Font
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.worksheet import Worksheet

from . import audit
from .db import Store
from .i18n import t
from .model import CandidateKind, Method
from .spreadsheet import DEFAULT_CSV_VARIANT, csv_bytes, csv_variant
from .text import fold, sort_names, text_sort_key
from .validation import is_missing

if TYPE_CHECKING:  # aggregate.py is written alongside; exporters only read attributes
    from .aggregate import RoundResults

FILE_LANG = "vi"  # official files are in Vietnamese whatever the screen's language
FONT_NAME = "Times New Roman"  # what Vietnamese offices use (Nghị định 30/2020)

# The ranking's columns, in order: (column of the export frame, i18n key of its header).
RANKING_COLUMNS: list[tuple[str, str]] = [
    ("rank", "exp.col.rank"),
    ("full_name", "col.full_name"),
    ("unit", "col.unit"),
    ("kind", "col.kind"),
    ("title", "col.title"),
    ("score", "exp.col.score"),
    ("method", "exp.col.method"),
    ("mean", "exp.col.mean"),
    ("median", "exp.col.median"),
    ("trimmed_mean", "exp.col.trimmed_mean"),
    ("n_scores", "exp.col.n_scores"),
    ("approve", "exp.col.approve"),
    ("reject", "exp.col.reject"),
    ("abstain", "exp.col.abstain"),
    ("approval_pct", "exp.col.approval_pct"),
    ("threshold", "exp.col.threshold"),
    ("passes_threshold", "exp.col.passes_threshold"),
    ("passes", "exp.col.passes"),
    ("reason", "exp.col.reason"),
]
SCORE_COLUMNS = ("score", "mean", "median", "trimmed_mean")
COUNT_COLUMNS = ("rank", "n_scores", "approve", "reject", "abstain")


# --- small helpers ------------------------------------------------------------------


def _t(key: str, **params: Any) -> str:
    return t(key, FILE_LANG, **params)


def number_vi(value: Any, decimals: int = 2) -> str:
    """12.5 -> "12,50": the decimal comma Vietnamese readers expect; '' when missing."""
    if is_missing(value):
        return ""
    return f"{float(value):,.{decimals}f}".replace(",", " ").replace(".", ",").replace(" ", ".")


def _flag(value: Any) -> bool | None:
    return None if is_missing(value) else bool(value)


def passed(value: Any) -> bool:
    return _flag(value) is True


def _yes_no(value: Any) -> str:
    flag = _flag(value)
    return "" if flag is None else _t("exp.yes") if flag else _t("exp.no")


def threshold_text(row: dict) -> str:
    """ "từ 66,67% trở lên" / "trên 50%", from the title's rule."""
    pct = row.get("threshold_pct")
    rule = row.get("threshold_rule")
    if is_missing(pct) or not rule:
        return ""
    shown = f"{float(pct):g}".replace(".", ",")
    return _t(f"rule.{rule}", pct=shown)


def reasons(row: dict) -> str:
    """Why a candidate does not pass, rebuilt from the result's flags in the order a
    council checks them, in Vietnamese whatever the screen's language: the table's
    own `reason` is written for the reader of a screen, a file is filed as it is."""
    if _flag(row.get("passes")):
        return ""
    found = []
    if _flag(row.get("quorum_met")) is False:
        found.append(_t("exp.reason.quorum"))
    if has_scoring(row) and not _int(row.get("n_scores")):
        found.append(_t("exp.reason.no_scores"))
    if _flag(row.get("meets_min_score")) is False and _int(row.get("n_scores")):
        found.append(_t("exp.reason.min_score"))
    if has_ballot(row) and is_missing(row.get("passes_threshold")):
        found.append(_t("exp.reason.sealed"))
    elif _flag(row.get("passes_threshold")) is False:
        found.append(_t("exp.reason.threshold"))
    if _flag(row.get("within_quota")) is False:
        found.append(_t("exp.reason.quota"))
    return "; ".join(found)


def has_ballot(row: dict) -> bool:
    """Whether the candidate's title was put to the secret ballot."""
    if "needs_ballot" in row and not is_missing(row["needs_ballot"]):
        return bool(row["needs_ballot"])
    return not is_missing(row.get("approval_pct"))


def has_scoring(row: dict) -> bool:
    if "needs_scoring" in row and not is_missing(row["needs_scoring"]):
        return bool(row["needs_scoring"])
    return not is_missing(row.get("score"))


def method_label(method: str) -> str:
    try:
        return _t(f"method.{Method(method).value}")
    except ValueError:
        return str(method)


def _kind_label(kind: Any) -> str:
    try:
        return _t(f"kind.{CandidateKind(kind).value}")
    except ValueError:
        return "" if is_missing(kind) else str(kind)


def _round2(value: Any) -> float | None:
    return None if is_missing(value) else round(float(value), 2)


def _int(value: Any) -> int | None:
    return None if is_missing(value) else int(value)


# --- the ranking ------------------------------------------------------------------------


def ranking_frame(results: RoundResults, *, headers: bool = True) -> pd.DataFrame:
    """The round's ranking as the files show it: one row per candidate per title,
    titles in the order the table lists them, then by rank. With `headers`, the
    columns carry their Vietnamese names (else the internal names)."""
    table = results.table
    method = method_label(results.round.get("method", "mean"))
    title_order = {title_id: i for i, title_id in enumerate(dict.fromkeys(table["title_id"]))} if len(table) else {}
    rows = []
    for record in table.to_dict("records"):
        ballot, scoring = has_ballot(record), has_scoring(record)
        rows.append(
            {
                "_title_order": title_order.get(record.get("title_id"), 0),
                "rank": _int(record.get("rank")),
                "full_name": record.get("full_name") or "",
                "unit": "" if is_missing(record.get("unit")) else record.get("unit"),
                "kind": _kind_label(record.get("kind")),
                "title": record.get("title") or "",
                "score": _round2(record.get("score")),
                "method": method,
                "mean": _round2(record.get("mean")),
                "median": _round2(record.get("median")),
                "trimmed_mean": _round2(record.get("trimmed_mean")),
                "n_scores": _int(record.get("n_scores")) if scoring else None,
                "approve": _int(record.get("approve")) if ballot else None,
                "reject": _int(record.get("reject")) if ballot else None,
                "abstain": _int(record.get("abstain")) if ballot else None,
                "approval_pct": _round2(record.get("approval_pct")) if ballot else None,
                "threshold": threshold_text(record) if ballot else "",
                "passes_threshold": _yes_no(record.get("passes_threshold")) if ballot else "",
                "passes": _yes_no(record.get("passes")),
                "reason": reasons(record),
            }
        )
    columns = [c for c, _ in RANKING_COLUMNS]
    df = pd.DataFrame(rows, columns=["_title_order", *columns])
    if len(df):
        df["_rank_sort"] = df["rank"].fillna(10**9)
        df = df.sort_values(["_title_order", "_rank_sort"], kind="stable").drop(columns="_rank_sort")
    df = df.drop(columns="_title_order").reset_index(drop=True)
    for column in COUNT_COLUMNS:
        df[column] = df[column].astype("Int64")
    for column in (*SCORE_COLUMNS, "approval_pct"):
        df[column] = df[column].astype("Float64")
    if headers:
        df = df.rename(columns={c: _t(key) for c, key in RANKING_COLUMNS})
    return df


def ranking_csv(results: RoundResults, variant: str = DEFAULT_CSV_VARIANT) -> bytes:
    """The rankings CSV: UTF-8 with BOM, Vietnamese headers, formulas neutralised. `variant`
    "intl" is comma-separated with decimal points; "vi" is for Excel on Vietnamese regional
    settings: semicolon-separated with decimal commas (scoring.spreadsheet.CSV_VARIANTS)."""
    sep, decimal = csv_variant(variant)
    return csv_bytes(ranking_frame(results), sep=sep, decimal=decimal)


# --- the XLSX book -----------------------------------------------------------------------


def _sheet_name(name: str, taken: set[str]) -> str:
    """Excel allows 31 characters and none of : \\ / ? * [ ]; names must be unique. A longer
    name is cut at a word boundary and ends with "…" ("Tập thể điển hình tiên tiến…")."""
    cleaned = "".join("-" if ch in ":\\/?*[]" else ch for ch in name).strip("'") or "Sheet"

    def fit(limit: int) -> str:
        if len(cleaned) <= limit:
            return cleaned
        cut = cleaned[: limit - 1]
        if not cleaned[limit - 1].isspace() and " " in cut:  # mid-word: back to the word's start
            cut = cut[: cut.rindex(" ")]
        return cut.rstrip(" -,;.") + "…"

    candidate, n = fit(31), 2
    while fold(candidate) in taken:
        suffix = f" ({n})"
        candidate = fit(31 - len(suffix)) + suffix
        n += 1
    taken.add(fold(candidate))
    return candidate


def _put(ws: Worksheet, row: int, col: int, value: Any, *, bold: bool = False, fmt: str | None = None) -> None:
    cell = ws.cell(row=row, column=col)
    if is_missing(value):
        value = None
    cell.value = value
    if isinstance(value, str) and value.startswith("="):
        cell.data_type = "s"  # openpyxl would store it as a formula: keep it text
    cell.font = Font(name=FONT_NAME, size=12, bold=bold)
    if fmt:
        cell.number_format = fmt
    if bold:
        cell.alignment = Alignment(wrap_text=True, vertical="center", horizontal="center")


def _write_table(ws: Worksheet, df: pd.DataFrame, first_row: int, internal: list[str]) -> None:
    """A header row (bold) and the data below it, with formats by column kind."""
    for col, header in enumerate(df.columns, start=1):
        _put(ws, first_row, col, header, bold=True)
    formats = {}
    for col, name in enumerate(internal, start=1):
        if name == "approval_pct":
            formats[col] = "0.00%"
        elif name in SCORE_COLUMNS:
            formats[col] = "0.00"
        elif name in COUNT_COLUMNS:
            formats[col] = "0"
    for r, values in enumerate(df.itertuples(index=False), start=first_row + 1):
        for col, value in enumerate(values, start=1):
            if internal[col - 1] == "approval_pct" and not is_missing(value):
                value = float(value) / 100  # Excel's percent format multiplies by 100
            elif not is_missing(value) and internal[col - 1] in COUNT_COLUMNS:
                value = int(value)
            elif not is_missing(value) and internal[col - 1] in SCORE_COLUMNS:
                value = float(value)
            _put(ws, r, col, value, fmt=formats.get(col))
    for col, header in enumerate(df.columns, start=1):
        lengths = [len(str(header)) * 0.8] + [len(str(v)) for v in df.iloc[:, col - 1] if not is_missing(v)]
        ws.column_dimensions[get_column_letter(col)].width = max(8, min(45, max(lengths) + 2))
    ws.row_dimensions[first_row].height = 32


def ranking_xlsx(results: RoundResults, conf: dict) -> bytes:
    """The results book: a summary sheet (the round's figures and every candidate)
    and one sheet per title; Times New Roman, bold headers, frozen panes."""
    internal = [c for c, _ in RANKING_COLUMNS]
    df = ranking_frame(results)
    wb = Workbook()
    summary = wb.active
    taken: set[str] = set()
    summary.title = _sheet_name(_t("exp.sheet.summary"), taken)
    ballots = results.ballots
    _put(summary, 1, 1, conf.get("name", ""), bold=False)
    summary.cell(row=1, column=1).font = Font(name=FONT_NAME, size=14, bold=True)
    _put(summary, 2, 1, results.round.get("name", ""))
    summary.cell(row=2, column=1).font = Font(name=FONT_NAME, size=12, bold=True)
    facts = [
        (_t("min.members_total"), results.members_total),
        (_t("min.present"), results.present),
        (_t("min.issued"), ballots.issued),
        (_t("min.returned"), ballots.returned),
        (_t("min.valid"), ballots.valid),
        (_t("min.invalid"), ballots.invalid),
    ]
    for i, (label, value) in enumerate(facts):
        _put(summary, 3, 1 + 2 * i, label)
        _put(summary, 3, 2 + 2 * i, int(value), fmt="0")
    header_row = 5
    _write_table(summary, df, header_row, internal)
    summary.freeze_panes = summary.cell(row=header_row + 1, column=3)
    title_col = _t("col.title")
    for title in dict.fromkeys(df[title_col]):
        part = df[df[title_col] == title].drop(columns=[title_col])
        ws = wb.create_sheet(_sheet_name(str(title), taken))
        _write_table(ws, part, 1, [c for c in internal if c != "title"])
        ws.freeze_panes = "C2"
    for ws in wb.worksheets:
        ws.sheet_view.zoomScale = 100
        ws.page_setup.orientation = "landscape"
        ws.page_setup.paperSize = ws.PAPERSIZE_A4
        ws.page_setup.fitToWidth = 1
    buffer = io.BytesIO()
    wb.save(buffer)
    return buffer.getvalue()


# --- the audit log ------------------------------------------------------------------------


def format_time(iso: str | None) -> str:
    """ISO time to dd/mm/yyyy HH:MM."""
    if not iso:
        return ""
    try:
        return datetime.fromisoformat(iso).strftime("%d/%m/%Y %H:%M")
    except ValueError:
        return iso


def audit_rows(
    store: Store,
    *,
    actors: list[str] | None = None,
    actions: list[str] | None = None,
    date_from: date | None = None,
    date_to: date | None = None,
    text: str = "",
    limit: int = 20000,
) -> list[dict]:
    """Audit entries, newest first, each with the current name of what it is about
    (`entity_name`), filtered: any of `actors`, any of `actions`, between two
    dates (inclusive), and containing `text` (ignoring case and diacritics) in
    who, what, that name or the detail."""
    where, params = [], {}
    if actors:
        where.append(f"actor IN ({', '.join(f':a{i}' for i in range(len(actors)))})")
        params.update({f"a{i}": a for i, a in enumerate(actors)})
    if actions:
        where.append(f"action IN ({', '.join(f':x{i}' for i in range(len(actions)))})")
        params.update({f"x{i}": a for i, a in enumerate(actions)})
    if date_from:
        where.append("at >= :date_from")
        params["date_from"] = date_from.isoformat()
    if date_to:
        where.append("at < date(:date_to, '+1 day')")
        params["date_to"] = date_to.isoformat()
    clause = ("WHERE " + " AND ".join(where)) if where else ""
    params["limit"] = limit
    rows = store.query(f"SELECT * FROM audit_log {clause} ORDER BY id DESC LIMIT :limit", params)
    names = audit.current_names(store, rows)
    for row in rows:
        row["entity_name"] = names.get((row["entity"], row["entity_id"]), "")
    wanted = fold(text)
    if wanted:
        fields = ("actor", "action", "entity", "entity_name", "detail")
        rows = [r for r in rows if wanted in fold(" ".join(str(r[k] or "") for k in fields))]
    return rows


def audit_actors(store: Store) -> list[str]:
    """Who appears in the log, sorted the Vietnamese way (given name first)."""
    return sort_names(r["actor"] for r in store.query("SELECT DISTINCT actor FROM audit_log"))


def audit_days(store: Store) -> list[date]:
    """The days the log has entries on, oldest first: what the date filter offers
    (a meeting's log spans a few days, so a list beats a calendar)."""
    rows = store.query("SELECT DISTINCT substr(at, 1, 10) AS day FROM audit_log ORDER BY day")
    days = []
    for row in rows:
        try:
            days.append(date.fromisoformat(row["day"]))
        except (TypeError, ValueError):  # a hand-edited or damaged time: not offered, still listed
            continue
    return days


def audit_actions(store: Store) -> list[str]:
    """The action codes in the log, in the alphabetical order of the words shown for them."""
    codes = [r["action"] for r in store.query("SELECT DISTINCT action FROM audit_log")]
    return sorted(codes, key=lambda code: text_sort_key(audit.action_label(code)))


def audit_frame(rows: list[dict]) -> pd.DataFrame:
    """The audit rows as users read them (times dd/mm/yyyy HH:MM, Vietnamese headers)."""
    return pd.DataFrame(
        {
            t("audit.col.at"): [format_time(r["at"]) for r in rows],
            t("audit.col.actor"): [r["actor"] for r in rows],
            t("audit.col.action"): [audit.action_label(r["action"]) for r in rows],
            t("audit.col.entity"): [
                audit.entity_label(r["entity"], r["entity_id"], r.get("entity_name", "")) for r in rows
            ],
            t("audit.col.detail"): [r["detail"] for r in rows],
        }
    )


def audit_csv(rows: list[dict]) -> bytes:
    return csv_bytes(audit_frame(rows))
