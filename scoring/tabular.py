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
import math
import unicodedata
import zipfile
from dataclasses import dataclass, field
from datetime import date, datetime
from typing import Any

import charset_normalizer
import openpyxl
from openpyxl.utils.exceptions import InvalidFileException

from .errors import ValidationError
from .i18n import t
from .text import clean, fold

MAX_BYTES = 10 * 1024 * 1024  # a unit's list is a few KB; refuse anything absurd before parsing
MAX_UNPACKED_BYTES = 100 * 1024 * 1024


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
    preamble: list[str] = field(default_factory=list)  # title lines above the header ("PHIẾU CHẤM ĐIỂM …")
    formulas: dict[tuple[int, str], str] = field(default_factory=dict)  # (row number, header) -> "=…" (xlsx)
    unnamed: list[str] = field(default_factory=list)  # headers the file left empty, named "Cột 3" here


def read_table(data: bytes, filename: str, *, sheet: str | int | None = None) -> Table:
    """Parse an uploaded file. Raises ValidationError (Vietnamese) for an empty
    file, a file that is not a spreadsheet, or one too large."""
    if not data:
        raise ValidationError("err.file_empty", file=filename)
    if len(data) > MAX_BYTES:
        raise ValidationError(
            "err.file_too_large",
            file=filename,
            size=f"{len(data) / 1e6:.1f}".replace(".", ","),
            max=f"{MAX_BYTES / 1e6:.0f}",
        )
    lower = filename.lower()
    if lower.endswith((".xlsx", ".xlsm")) or data[:2] == b"PK":
        return _read_xlsx(data, filename, sheet)
    if lower.endswith((".csv", ".txt")):
        return _read_csv(data, filename)
    if lower.endswith(".xls") or data[:8] == b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1":
        raise ValidationError("err.file_old_excel", file=filename)  # Excel 97-2003: ask for .xlsx
    raise ValidationError("err.file_not_spreadsheet", file=filename)


_TONE_MARKS = "\u0300\u0301\u0303\u0309\u0323"


def encode_windows_1258(text: str) -> bytes:
    """Vietnamese text as legacy Windows-1258 stores it: precomposed vowels
    (â, ơ, ư…) with the tone as a combining mark. The inverse of `decode_text`
    for such files; used to make sample files and tests of old machines' CSVs."""
    out = bytearray()
    for ch in text:
        try:
            out += ch.encode("cp1258")
        except UnicodeEncodeError:
            parts = unicodedata.normalize("NFD", ch)
            base = unicodedata.normalize("NFC", "".join(p for p in parts if p not in _TONE_MARKS))
            out += (base + "".join(p for p in parts if p in _TONE_MARKS)).encode("cp1258")
    return bytes(out)


def decode_text(data: bytes) -> str:
    """UTF-8 (with or without BOM) first; else the best guess, which for
    Vietnamese files from old Windows machines is Windows-1258."""
    if data.startswith(b"\xef\xbb\xbf"):
        return data[3:].decode("utf-8")
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):  # Excel's "Unicode Text" is UTF-16
        try:
            return data.decode("utf-16")
        except UnicodeDecodeError:
            raise ValidationError("err.file_encoding") from None
    if b"\x00" in data[:4096]:
        raise ValidationError("err.file_not_spreadsheet_bytes")  # binary: an image, a PDF, a program…
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
    try:
        text = decode_text(data)
    except ValidationError as exc:
        if exc.key == "err.file_not_spreadsheet_bytes":
            raise ValidationError("err.file_not_spreadsheet", file=filename) from None
        raise
    if "\x00" in text:
        raise ValidationError("err.file_not_spreadsheet", file=filename)
    sample = text[:4096]
    delimiter = max((";", ",", "\t"), key=sample.count)
    reader = csv.reader(io.StringIO(text), delimiter=delimiter)
    raw = [[clean(cell) for cell in row] for row in reader]
    return _to_table(raw, filename, "")


def _read_xlsx(data: bytes, filename: str, sheet: str | int | None) -> Table:
    """Cached values (what Excel shows), with merged cells filled downwards and a
    two-row header (a merged group title over sub-headers) flattened."""
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as zf:
            unpacked = sum(info.file_size for info in zf.infolist())
        if unpacked > MAX_UNPACKED_BYTES:  # a "zip bomb" is refused before openpyxl inflates it
            raise ValidationError(
                "err.file_too_large", file=filename, size=f"{unpacked / 1e6:.0f}", max=f"{MAX_UNPACKED_BYTES / 1e6:.0f}"
            )
        book = openpyxl.load_workbook(io.BytesIO(data), data_only=True)
    except (zipfile.BadZipFile, ValueError, KeyError, OSError, TypeError, InvalidFileException) as exc:
        raise ValidationError("err.file_not_spreadsheet", file=filename) from exc
    sheets = {ws.title: _sheet_cells(ws) for ws in book.worksheets}
    names = list(sheets)
    notes: list[str] = []
    filled = [n for n in names if any(any(row) for row in sheets[n])]
    if sheet is None:
        # The first sheet that has something in it; say so if others are ignored.
        chosen = filled[0] if filled else (names[0] if names else None)
        others = [n for n in filled if n != chosen]
        if others:
            notes.append(t("imp.note.other_sheets", sheet=chosen, others=", ".join(others)))
    else:
        chosen = names[sheet] if isinstance(sheet, int) and sheet < len(names) else sheet
    if chosen is None or chosen not in sheets:
        raise ValidationError("err.file_empty", file=filename)
    ws = book[chosen]
    raw = sheets[chosen]
    header_rows = _merged_header_rows(ws, raw)
    table = _to_table(raw, filename, str(chosen), header_rows=header_rows)
    table.notes[:0] = notes
    if _has_formulas(data):
        table.formulas = _formulas(data, chosen, table)
    return table


def _sheet_cells(ws: Any) -> list[list[str]]:
    """Cell texts from A1 (so row numbers are Excel's), vertical merges filled."""
    rows = [[_cell_text(v) for v in row] for row in ws.iter_rows(min_row=1, min_col=1, values_only=True)]
    for merged in ws.merged_cells.ranges:
        if merged.max_row == merged.min_row:
            continue  # a title spread across columns stays one cell: it is not a header
        top = rows[merged.min_row - 1][merged.min_col - 1] if merged.min_row <= len(rows) else ""
        for r in range(merged.min_row + 1, min(merged.max_row, len(rows)) + 1):
            row = rows[r - 1]
            if merged.min_col - 1 < len(row) and not row[merged.min_col - 1]:
                row[merged.min_col - 1] = top
    return rows


def _merged_header_rows(ws: Any, raw: list[list[str]]) -> int:
    """2 when the header spans two rows (cells merged downwards from it), else 1."""
    header = _header_row_number(raw)
    if header is None:
        return 1
    for merged in ws.merged_cells.ranges:
        if merged.min_row == header and merged.max_row > header:
            return 2
    return 1


def _has_formulas(data: bytes) -> bool:
    """A cheap look inside the zip: formulas are <f> elements of the sheet XML."""
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as zf:
            return any(
                b"<f>" in zf.read(n) or b"<f " in zf.read(n)
                for n in zf.namelist()
                if n.startswith("xl/worksheets/") and n.endswith(".xml")
            )
    except (zipfile.BadZipFile, KeyError, OSError):
        return False


def _formulas(data: bytes, sheet: str, table: Table) -> dict[tuple[int, str], str]:
    """(row number, header) -> formula text, for the data rows of the table."""
    ws = openpyxl.load_workbook(io.BytesIO(data), data_only=False)[sheet]
    wanted = set(table.row_numbers)
    found: dict[tuple[int, str], str] = {}
    for r, row in enumerate(ws.iter_rows(min_row=1, min_col=1, values_only=True), start=1):
        if r not in wanted:
            continue
        for c, value in enumerate(row):
            if isinstance(value, str) and value.startswith("=") and c < len(table.headers):
                found[(r, table.headers[c])] = value
            elif value is not None and type(value).__name__ in ("ArrayFormula", "DataTableFormula"):
                found[(r, table.headers[c])] = str(getattr(value, "text", "=…"))
    return found


def _cell_text(value: object) -> str:
    if value is None or (isinstance(value, float) and math.isnan(value)):
        return ""
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    if isinstance(value, datetime | date):
        return value.strftime("%d/%m/%Y")
    return clean(value)


def _header_row_number(raw: list[list[str]]) -> int | None:
    """The first row with at least two filled cells (a lone title line is not a
    header), as a 1-based row number; the first non-empty row if none has two."""
    non_empty = [i + 1 for i, row in enumerate(raw) if any(cell for cell in row)]
    if not non_empty:
        return None
    return next((n for n in non_empty if sum(1 for c in raw[n - 1] if c) >= 2), non_empty[0])


def _to_table(raw: list[list[str]], filename: str, sheet: str, *, header_rows: int = 1) -> Table:
    """The header row is found by `_header_row_number` (titles above it, as in
    office forms, are kept as the preamble); blank rows are dropped but keep
    their numbers. With `header_rows=2` the row under the header holds
    sub-headers that replace the group title above them."""
    header_number = _header_row_number(raw)
    if header_number is None:
        raise ValidationError("err.file_empty", file=filename)
    header = list(raw[header_number - 1])
    first_data = header_number + 1
    if header_rows == 2 and header_number < len(raw):
        sub = raw[header_number]
        header += [""] * (len(sub) - len(header))
        header = [(sub[i] if i < len(sub) and sub[i] else h) for i, h in enumerate(header)]
        first_data += 1
    headers = [h or t("imp.column_n", n=i + 1) for i, h in enumerate(header)]
    unnamed = [name for name, h in zip(headers, header, strict=True) if not h]
    preamble = [" ".join(c for c in row if c) for row in raw[: header_number - 1] if any(row)]
    rows, numbers = [], []
    for n in range(first_data, len(raw) + 1):
        row = raw[n - 1]
        if not any(cell for cell in row):
            continue
        padded = row + [""] * (len(headers) - len(row))
        rows.append(dict(zip(headers, padded, strict=False)))
        numbers.append(n)
    return Table(
        name=filename, headers=headers, rows=rows, row_numbers=numbers, sheet=sheet, preamble=preamble, unnamed=unnamed
    )


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
