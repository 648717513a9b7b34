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
from .spreadsheet import csv_bytes, neutralise_frame


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


def summary_csv(rows: Iterable[Mapping]) -> bytes:
    return csv_bytes(summary_frame(rows), sep=";", decimal=",")


def summary_xlsx(rows: Iterable[Mapping], sheet: str = "Chỉ tiêu") -> bytes:
    buffer = io.BytesIO()
    frame = neutralise_frame(summary_frame(rows))
    with pd.ExcelWriter(buffer, engine="openpyxl") as writer:
        frame.to_excel(writer, index=False, sheet_name=sheet[:31])
        sheet_obj = writer.sheets[sheet[:31]]
        for i, column in enumerate(frame.columns, start=1):  # wide enough to read without resizing
            width = max(len(str(column)), *(len(str(v)) for v in frame[column].head(50)), 6)
            sheet_obj.column_dimensions[sheet_obj.cell(1, i).column_letter].width = min(width + 2, 60)
    return buffer.getvalue()
