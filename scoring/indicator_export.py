"""The indicators' summary table as files for the report: .xlsx and CSV for Excel.

CSV follows Vietnamese-locale Excel: UTF-8 with BOM (or diacritics break),
";" between cells and a decimal comma; text cells that begin with = + - @
(or tab, CR) get a leading apostrophe so Excel never runs them as formulas.
Numbers stay numbers in both files.
"""

from __future__ import annotations

import io
from collections.abc import Iterable, Mapping

import pandas as pd

from .indicator_progress import SUMMARY_COLUMNS, Status, summary_headers

FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def neutralise(value: object) -> object:
    """Text that Excel would read as a formula, made inert; anything else unchanged."""
    if isinstance(value, str) and value.startswith(FORMULA_STARTS):
        return "'" + value
    return value


def summary_frame(rows: Iterable[Mapping]) -> pd.DataFrame:
    """The summary rows with headers in the current language and statuses as labels."""
    headers = summary_headers()
    records = []
    for row in rows:
        record = {}
        for key in SUMMARY_COLUMNS:
            value = row.get(key)
            if isinstance(value, Status):
                value = value.label
            record[headers[key]] = value
        records.append(record)
    frame = pd.DataFrame.from_records(records, columns=list(headers.values()))
    for key in ("baseline_year", "latest_year"):
        frame[headers[key]] = frame[headers[key]].astype("Int64")
    return frame


def _safe(frame: pd.DataFrame) -> pd.DataFrame:
    out = frame.copy()
    for column in out.columns:
        if out[column].dtype == object or pd.api.types.is_string_dtype(out[column]):
            out[column] = out[column].map(neutralise)
    return out


def summary_csv(rows: Iterable[Mapping]) -> bytes:
    return _safe(summary_frame(rows)).to_csv(index=False, sep=";", decimal=",").encode("utf-8-sig")


def summary_xlsx(rows: Iterable[Mapping], sheet: str = "Chỉ tiêu") -> bytes:
    buffer = io.BytesIO()
    frame = _safe(summary_frame(rows))
    with pd.ExcelWriter(buffer, engine="openpyxl") as writer:
        frame.to_excel(writer, index=False, sheet_name=sheet[:31])
        sheet_obj = writer.sheets[sheet[:31]]
        for i, column in enumerate(frame.columns, start=1):  # wide enough to read without resizing
            width = max(len(str(column)), *(len(str(v)) for v in frame[column].head(50)), 6)
            sheet_obj.column_dimensions[sheet_obj.cell(1, i).column_letter].width = min(width + 2, 60)
    return buffer.getvalue()
