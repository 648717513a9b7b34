"""Reading the spreadsheets offices send: .xlsx, or .csv in whatever encoding
and separator the machine that typed it used.

`read_table` returns every cell as clean NFC text (numbers are left for the
caller's validators, which understand a decimal comma), with the file's own
row numbers so that messages can say "dòng 7". `match_headers` maps the
headers as offices write them ("Họ và tên", "HO VA TEN", "Full name") to
canonical keys.
"""

from __future__ import annotations

import csv
import io
import zipfile
from dataclasses import dataclass, field

import charset_normalizer
import pandas as pd

from .errors import ValidationError
from .text import clean, fold

MAX_BYTES = 10 * 1024 * 1024  # a unit's list is a few KB; refuse anything absurd before parsing


@dataclass
class Table:
    """Rows of one sheet: `rows[i]` is a dict header -> text, `row_numbers[i]` the
    row number a user sees in Excel (header row included)."""

    name: str
    headers: list[str]
    rows: list[dict[str, str]]
    row_numbers: list[int]
    sheet: str = ""
    notes: list[str] = field(default_factory=list)


def read_table(data: bytes, filename: str, *, sheet: str | int | None = None) -> Table:
    """Parse an uploaded file. Raises ValidationError (Vietnamese) for an empty
    file, a file that is not a spreadsheet, or one too large."""
    if not data:
        raise ValidationError("err.file_empty", file=filename)
    if len(data) > MAX_BYTES:
        raise ValidationError(
            "err.file_too_large", file=filename, size=f"{len(data) / 1e6:.1f}", max=f"{MAX_BYTES / 1e6:.0f}"
        )
    lower = filename.lower()
    if lower.endswith((".xlsx", ".xlsm")) or data[:2] == b"PK":
        return _read_xlsx(data, filename, sheet)
    if lower.endswith((".csv", ".txt")):
        return _read_csv(data, filename)
    raise ValidationError("err.file_not_spreadsheet", file=filename)


def decode_text(data: bytes) -> str:
    """UTF-8 (with or without BOM) first; else the best guess, which for
    Vietnamese files from old Windows machines is Windows-1258."""
    if data.startswith(b"\xef\xbb\xbf"):
        return data[3:].decode("utf-8")
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        pass
    try:
        return data.decode("cp1258")
    except UnicodeDecodeError:
        best = charset_normalizer.from_bytes(data).best()
        if best is None:
            raise ValidationError("err.file_encoding") from None
        return str(best)


def _read_csv(data: bytes, filename: str) -> Table:
    text = decode_text(data)
    if "\x00" in text:
        raise ValidationError("err.file_not_spreadsheet", file=filename)
    sample = text[:4096]
    delimiter = max((";", ",", "\t"), key=sample.count)
    reader = csv.reader(io.StringIO(text), delimiter=delimiter)
    raw = [[clean(cell) for cell in row] for row in reader]
    return _to_table(raw, filename, "")


def _read_xlsx(data: bytes, filename: str, sheet: str | int | None) -> Table:
    try:
        book = pd.read_excel(io.BytesIO(data), sheet_name=None, header=None, dtype=object, engine="openpyxl")
    except (zipfile.BadZipFile, ValueError, KeyError, OSError) as exc:
        raise ValidationError("err.file_not_spreadsheet", file=filename) from exc
    names = list(book)
    notes: list[str] = []
    if sheet is None:
        # The first sheet that has something in it; say so if others are ignored.
        chosen = next((n for n in names if book[n].dropna(how="all").shape[0] > 0), names[0] if names else None)
        others = [n for n in names if n != chosen and book[n].dropna(how="all").shape[0] > 0]
        if others:
            notes.append(f"Chỉ đọc trang “{chosen}”; bỏ qua: {', '.join(others)}.")
    else:
        chosen = names[sheet] if isinstance(sheet, int) else sheet
    if chosen is None or chosen not in book:
        raise ValidationError("err.file_empty", file=filename)
    frame = book[chosen]
    raw = [[_cell_text(v) for v in row] for row in frame.itertuples(index=False, name=None)]
    table = _to_table(raw, filename, str(chosen))
    table.notes[:0] = notes
    return table


def _cell_text(value: object) -> str:
    if value is None or (isinstance(value, float) and pd.isna(value)):
        return ""
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    if isinstance(value, pd.Timestamp):
        return value.strftime("%d/%m/%Y")
    return clean(value)


def _to_table(raw: list[list[str]], filename: str, sheet: str) -> Table:
    """The first non-empty row is the header (titles above it, as in office
    forms, are skipped); blank rows are dropped but keep their numbers."""
    numbered = [(i + 1, row) for i, row in enumerate(raw)]
    non_empty = [(n, row) for n, row in numbered if any(cell for cell in row)]
    if not non_empty:
        raise ValidationError("err.file_empty", file=filename)
    # Header: the first row with at least two filled cells (a lone title line is not a header).
    header_index = next((i for i, (_, row) in enumerate(non_empty) if sum(1 for c in row if c) >= 2), 0)
    header = non_empty[header_index][1]
    headers = [h or f"Cột {i + 1}" for i, h in enumerate(header)]
    rows, numbers = [], []
    for n, row in non_empty[header_index + 1 :]:
        padded = row + [""] * (len(headers) - len(row))
        rows.append(dict(zip(headers, padded, strict=False)))
        numbers.append(n)
    return Table(name=filename, headers=headers, rows=rows, row_numbers=numbers, sheet=sheet)


def match_headers(headers: list[str], aliases: dict[str, list[str]]) -> dict[str, str]:
    """Map canonical keys to the file's headers. `aliases[key]` lists accepted
    spellings; matching ignores case, diacritics and spacing."""
    folded = {fold(h).replace(" ", ""): h for h in headers}
    found: dict[str, str] = {}
    for key, names in aliases.items():
        for name in [key, *names]:
            header = folded.get(fold(name).replace(" ", ""))
            if header is not None:
                found[key] = header
                break
    return found
