"""Reading the spreadsheets offices send: .xlsx, or .csv in whatever encoding
and separator the machine that typed it used.

`read_table` returns every cell as clean NFC text (numbers are left for the
caller's validators, which understand a decimal comma), with the file's own
row numbers so that messages can say "dòng 7". `match_headers` maps the
headers as offices write them ("Họ và tên", "HO VA TEN", "Full name") to
canonical keys.

The caller says which headers it expects (`expected`: its alias dicts). Office
files put an official heading, titles, instructions sheets and signature blocks
around the list, so the reader picks the separator, the sheet and the header row
that match those headers best, rather than the first thing that looks like a row.
"""

from __future__ import annotations

import csv
import io
import re
import unicodedata
import zipfile
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date, datetime
from typing import Any

import charset_normalizer
import openpyxl
from openpyxl.utils.exceptions import InvalidFileException

from .errors import ValidationError
from .i18n import number_text, t
from .text import clean, fold
from .validation import is_missing

MAX_BYTES = 10 * 1024 * 1024  # a unit's list is a few KB; refuse anything absurd before parsing
MAX_UNPACKED_BYTES = 100 * 1024 * 1024
HEADER_SCAN_ROWS = 30  # an official heading, a title and a blank line or two come before the header, never 30 rows

Aliases = Mapping[str, Sequence[str]]  # canonical key -> the headers offices write for it


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


# What upload boxes accept: what read_table reads (.xlsx, .csv, Excel's "Unicode Text" .txt),
# and what it refuses with a helpful message (.ods, Excel 97-2003 .xls) rather than the
# browser refusing them without a word.
UPLOAD_TYPES = ("xlsx", "csv", "txt", "ods", "xls")


def read_table(
    data: bytes, filename: str, *, sheet: str | int | None = None, expected: Aliases | Sequence[Aliases] = ()
) -> Table:
    """Parse an uploaded file. `expected` is the alias dict the caller will match
    headers with (or several, one per kind of list, when the kind is not known
    yet). Raises ValidationError (Vietnamese) for an empty file, a file that is
    not a spreadsheet, one too large, or text whose encoding lost its letters."""
    if not data:
        raise ValidationError("err.file_empty", file=filename)
    if len(data) > MAX_BYTES:
        raise ValidationError(
            "err.file_too_large",
            file=filename,
            size=number_text(len(data) / 1e6, ".1f"),
            max=f"{MAX_BYTES / 1e6:.0f}",
        )
    lower = filename.lower()
    headers = _Headers(expected)
    if lower.endswith((".ods", ".ots")) or b"application/vnd.oasis.opendocument" in data[:100]:
        raise ValidationError("err.file_ods", file=filename)  # a zip too, but not one openpyxl reads
    if lower.endswith((".xlsx", ".xlsm")) or data[:2] == b"PK":
        return _read_xlsx(data, filename, sheet, headers)
    if lower.endswith((".csv", ".txt")):
        return _read_csv(data, filename, headers)
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


def decode_text(data: bytes, filename: str = "") -> str:
    """UTF-8 (with or without BOM) first; else the best guess, which for
    Vietnamese files from old Windows machines is Windows-1258. Text whose
    letters were already lost is refused: a UTF-8 file with lines in another
    encoding, or a legacy file with "?" inside words (a Windows set to English
    saves Vietnamese letters it cannot encode as "?"), so nobody imports
    "Ngo?i ng?" as a unit's name."""
    if data.startswith(b"\xef\xbb\xbf"):
        data = data[3:]
    elif data.startswith((b"\xff\xfe", b"\xfe\xff")):  # Excel's "Unicode Text" is UTF-16
        try:
            return data.decode("utf-16")
        except UnicodeDecodeError:
            raise ValidationError("err.file_encoding") from None
    elif b"\x00" in data[:4096]:
        raise ValidationError("err.file_not_spreadsheet_bytes")  # binary: an image, a PDF, a program…
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError:
        pass
    else:  # plain ASCII with "?" inside words: every Vietnamese letter was lost, none left to fail UTF-8
        lost = _LOST_LETTER.search(text) if data.isascii() else None
        if lost:
            raise ValidationError("err.file_encoding_lost", file=filename, sample=lost.group())
        return text
    _refuse_mixed_utf8(data, filename)
    try:
        text = data.decode("cp1258")
    except UnicodeDecodeError:
        best = charset_normalizer.from_bytes(data).best()
        if best is None:
            raise ValidationError("err.file_encoding") from None
        text = str(best)
    lost = _LOST_LETTER.search(text)
    if lost:
        raise ValidationError("err.file_encoding_lost", file=filename, sample=lost.group())
    return text


# A "?" with letters on both sides: a letter the legacy code page could not hold.
_LOST_LETTER = re.compile(r"[^\W\d_]*[^\W\d_]\?+[^\W\d_][^\W\d_?]*(?:\?+[^\W\d_]*)*")


def _refuse_mixed_utf8(data: bytes, filename: str) -> None:
    """A file that is not UTF-8 as a whole but has lines with accented letters
    that are: UTF-8 with lines added in another encoding (Notepad, an old macro).
    A real Windows-1258 line is almost never valid UTF-8 (ê, ư, đ are single
    bytes followed by ASCII letters)."""
    utf8_lines, bad_line = 0, None
    for number, line in enumerate(data.split(b"\n"), start=1):
        if line.isascii():
            continue
        try:
            line.decode("utf-8")
            utf8_lines += 1
        except UnicodeDecodeError:
            bad_line = bad_line or number
    if utf8_lines and bad_line:
        raise ValidationError("err.file_encoding_mixed", file=filename, row=bad_line)


class _Headers:
    """The headers a caller expects, to score how well a row of cells reads as
    the header of its list: the number of different keys of one alias dict the
    row names (the best dict when several kinds of list are possible)."""

    def __init__(self, expected: Aliases | Sequence[Aliases]) -> None:
        dicts = [expected] if isinstance(expected, Mapping) else list(expected)
        self.kinds = [{_key(name): key for key, names in d.items() for name in [key, *names]} for d in dicts]

    def score(self, row: Sequence[str]) -> int:
        if not self.kinds:
            return 0
        cells = {_key(c) for c in row if c}
        return max(len({kinds[c] for c in cells if c in kinds}) for kinds in self.kinds)

    def best(self, raw: Sequence[Sequence[str]]) -> tuple[int, int | None]:
        """(score, 1-based row number) of the best header among the first rows;
        (0, None) when no row names an expected header."""
        best, number = 0, None
        for i, row in enumerate(raw[:HEADER_SCAN_ROWS]):
            score = self.score(row)
            if score > best:
                best, number = score, i + 1
        return best, number


def _key(text: str) -> str:
    return re.sub(r"[^0-9a-z]", "", fold(text))


def _read_csv(data: bytes, filename: str, headers: _Headers) -> Table:
    try:
        text = decode_text(data, filename)
    except ValidationError as exc:
        if exc.key == "err.file_not_spreadsheet_bytes":
            raise ValidationError("err.file_not_spreadsheet", file=filename) from None
        raise
    if "\x00" in text:
        raise ValidationError("err.file_not_spreadsheet", file=filename)
    utf16 = data.startswith((b"\xff\xfe", b"\xfe\xff"))
    delimiter = _delimiter(text, headers, ("\t", ";", ",") if utf16 else (";", ",", "\t"))
    reader = csv.reader(io.StringIO(text), delimiter=delimiter)
    raw = [[clean(cell) for cell in row] for row in reader]
    header = _header_row_number(raw, headers)
    return _to_table(raw, filename, "", header, header_rows=_header_rows(raw, header, headers))


def _delimiter(text: str, headers: _Headers, order: tuple[str, ...]) -> str:
    """The separator under which the first lines read best: first the header
    that names the most expected columns, then the most lines with the same
    number of cells (more than one). Counting characters picked "," in a ";"
    file whose cells are full of commas. On a tie, the first of `order` (tab
    first for UTF-16, which is Excel's tab-separated "Unicode Text")."""
    sample = "\n".join(text.splitlines()[:50])

    def fit(delimiter: str) -> tuple[int, int]:
        rows = [row for row in csv.reader(io.StringIO(sample), delimiter=delimiter) if any(c.strip() for c in row)]
        widths = [len(row) for row in rows if len(row) > 1]
        consistent = max((widths.count(w) for w in set(widths)), default=0)
        return headers.best(rows)[0], consistent

    return max(order, key=fit)  # max keeps the first of equals


def _read_xlsx(data: bytes, filename: str, sheet: str | int | None, headers: _Headers) -> Table:
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
    if sheet is None:
        chosen = _choose_sheet(book, sheets, headers, filename)
        filled = [n for n in names if any(any(row) for row in sheets[n])]
        others = [n for n in filled if n != chosen]
        if others:
            notes.append(t("imp.note.other_sheets", sheet=chosen, others=", ".join(others)))
    else:
        chosen = names[sheet] if isinstance(sheet, int) and sheet < len(names) else sheet
    if chosen is None or chosen not in sheets:
        raise ValidationError("err.file_empty", file=filename)
    ws = book[chosen]
    raw = sheets[chosen]
    header = _header_row_number(raw, headers)
    merged_down = header is not None and any(m.min_row == header < m.max_row for m in ws.merged_cells.ranges)
    header_rows = 2 if merged_down else _header_rows(raw, header, headers)
    table = _to_table(raw, filename, str(chosen), header, header_rows=header_rows)
    table.notes[:0] = notes
    if _has_formulas(data):
        table.formulas = _formulas(data, chosen, table)
    return table


def _choose_sheet(book: Any, sheets: dict[str, list[list[str]]], headers: _Headers, filename: str) -> str | None:
    """The sheet whose header names the most expected columns: not a "Hướng dẫn"
    sheet or a hidden sheet of dropdown lists that come first. Hidden sheets
    only when no visible one matches; without any match, the first filled sheet
    as before. Two visible sheets of the same list ("Cá nhân", "Tập thể") are
    refused: reading one would lose the other's rows without a word."""
    filled = [n for n, raw in sheets.items() if any(any(row) for row in raw)]
    if not filled:
        return next(iter(sheets), None)
    visible = [n for n in filled if book[n].sheet_state == "visible"]
    scores = {n: _sheet_score(sheets[n], headers) for n in filled}
    matching = [n for n in visible if scores[n][0]] or [n for n in filled if scores[n][0]]
    if not matching:
        return (visible or filled)[0]
    chosen = max(matching, key=lambda n: scores[n][0])
    best, kind = scores[chosen]
    same = [n for n in visible if scores[n][1] == kind and scores[n][0] >= max(2, (best + 1) // 2)]
    if len(same) > 1:
        raise ValidationError("err.file_same_list_sheets", file=filename, sheets=", ".join(f"“{n}”" for n in same))
    return chosen


def _sheet_score(raw: list[list[str]], headers: _Headers) -> tuple[int, int]:
    """(number of expected headers the sheet's best row names, which alias dict)."""
    number = headers.best(raw)[1]
    if number is None:
        return 0, -1
    row = raw[number - 1]
    cells = {_key(c) for c in row if c}
    counts = [len({kinds[c] for c in cells if c in kinds}) for kinds in headers.kinds]
    best = max(counts)
    return best, counts.index(best)


def _sheet_cells(ws: Any) -> list[list[str]]:
    """Cell texts from A1 (so row numbers are Excel's), vertical merges filled.
    Numbers shown as a percentage keep their % ("85.5%" for 0.855), as the user
    sees them; only number cells look at their format, so large sheets stay cheap."""
    rows = [
        [_number_text(c) if type(c.value) in (int, float) else _cell_text(c.value) for c in row]
        for row in ws.iter_rows(min_row=1, min_col=1)
    ]
    for merged in ws.merged_cells.ranges:
        if merged.max_row == merged.min_row:
            continue  # a title spread across columns stays one cell: it is not a header
        top = rows[merged.min_row - 1][merged.min_col - 1] if merged.min_row <= len(rows) else ""
        for r in range(merged.min_row + 1, min(merged.max_row, len(rows)) + 1):
            row = rows[r - 1]
            if merged.min_col - 1 < len(row) and not row[merged.min_col - 1]:
                row[merged.min_col - 1] = top
    return rows


def _number_text(cell: Any) -> str:
    if "%" in (cell.number_format or ""):
        return _cell_text(round(cell.value * 100, 9)) + "%"  # round: 0.855 * 100 is 85.49999999999999
    return _cell_text(cell.value)


def _header_rows(raw: list[list[str]], header: int | None, headers: _Headers) -> int:
    """2 when the row under the header holds sub-headers of a group title ("Đề nghị"
    over "Danh hiệu" and "Thành tích") that name more of the expected headers than
    the header row alone, else 1. (A header merged downwards is told by its cells.)"""
    if header is None or header >= len(raw):
        return 1
    return 2 if headers.score(_flattened(raw[header - 1], raw[header])) > headers.score(raw[header - 1]) else 1


def _flattened(header: list[str], sub: list[str]) -> list[str]:
    """A two-row header as one: each sub-header replaces the group title above it."""
    header = header + [""] * (len(sub) - len(header))
    return [(sub[i] if i < len(sub) and sub[i] else h) for i, h in enumerate(header)]


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
    if is_missing(value):
        return ""
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    if isinstance(value, datetime | date):
        return value.strftime("%d/%m/%Y")
    return clean(value)


def _header_row_number(raw: list[list[str]], headers: _Headers) -> int | None:
    """The row among the first ones that names the most expected headers (an
    official heading "TRƯỜNG … | CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM" has two
    cells too, but names none). Without a match: the first row with at least two
    filled cells (a lone title line is not a header), as a 1-based row number;
    the first non-empty row if none has two."""
    number = headers.best(raw)[1]
    if number is not None:
        return number
    non_empty = [i + 1 for i, row in enumerate(raw) if any(cell for cell in row)]
    if not non_empty:
        return None
    return next((n for n in non_empty if sum(1 for c in raw[n - 1] if c) >= 2), non_empty[0])


# What office forms write under a list, folded: "Người lập biểu", "Thủ trưởng đơn vị",
# "TM. HỘI ĐỒNG", "KT. HIỆU TRƯỞNG", "HIỆU TRƯỞNG", "(Ký, ghi rõ họ tên)", "Nơi nhận:".
_SIGNATURE = re.compile(
    r"^(?:(?:tm|kt|tl|q|ttl)\s*\.?\s+)?(?:nguoi lap|nguoi ky|thu truong|hieu truong|pho hieu truong|giam doc|"
    r"pho giam doc|chu tich|pho chu tich|truong (?:khoa|phong|ban)|thu ky|ke toan|xac nhan|noi nhan|lanh dao|"
    r"\(ky\b|\(da ky\))"
)
# The whole cell: "Khánh Hòa, ngày 15 tháng 4 năm 2025", "ngày … tháng … năm 2025"; not a sentence that has a date.
_PLACE_DATE = re.compile(r"^(?:[^,\d]{1,40},\s*)?ngay\b[\s\d./…_-]*\bthang\b[\s\d./…_-]*\bnam\b[\s\d./…_-]*$")
_NUMBER = re.compile(r"^[\d.,%\s]+$")


def _signature_start(raw: list[list[str]], first_data: int) -> int | None:
    """The row number where a signature block under the list begins, if any: a
    place/date line, or a blank row followed by a row whose every cell is a
    signature heading ("Người lập biểu", "Thủ trưởng đơn vị"); below it
    only short rows without numbers (headings, signers' names). A data row
    after a blank row has a name, not a heading, so it stays."""
    blank_before = False
    for n in range(first_data, len(raw) + 1):
        cells = [c for c in raw[n - 1] if c]
        if not cells:
            blank_before = True
            continue
        folded = [fold(c) for c in cells]
        heading = all(_SIGNATURE.match(c) or _PLACE_DATE.match(c) for c in folded)
        starts = blank_before or any(_PLACE_DATE.match(c) for c in folded)
        if heading and starts and all(_signer_row(row) for row in raw[n:]):
            return n
        blank_before = False
    return None


def _signer_row(row: list[str]) -> bool:
    """A row that may stand under signature headings: a few cells (names, "(Ký, ghi rõ
    họ tên)"), none a number, which a data row (its STT, a count) would have."""
    cells = [c for c in row if c]
    return len(cells) <= 4 and not any(_NUMBER.match(c) for c in cells)


def _to_table(
    raw: list[list[str]], filename: str, sheet: str, header_number: int | None, *, header_rows: int = 1
) -> Table:
    """The header row is `header_number` (titles above it, as in office forms,
    are kept as the preamble); blank rows are dropped but keep their numbers; a
    signature block at the end is left out and noted. With `header_rows=2` the
    row under the header holds sub-headers that replace the group title above them."""
    if header_number is None:
        raise ValidationError("err.file_empty", file=filename)
    header = list(raw[header_number - 1])
    first_data = header_number + 1
    if header_rows == 2 and header_number < len(raw):
        header = _flattened(header, raw[header_number])
        first_data += 1
    headers = [h or t("imp.column_n", n=i + 1) for i, h in enumerate(header)]
    unnamed = [name for name, h in zip(headers, header, strict=True) if not h]
    preamble = [" ".join(c for c in row if c) for row in raw[: header_number - 1] if any(row)]
    notes = []
    end = len(raw)
    footer = _signature_start(raw, first_data)
    if footer is not None:
        last = max(n for n in range(footer, len(raw) + 1) if any(raw[n - 1]))
        notes.append(t("imp.note.signature", rows=str(footer) if last == footer else f"{footer}–{last}"))
        end = footer - 1
    rows, numbers = [], []
    for n in range(first_data, end + 1):
        row = raw[n - 1]
        if not any(cell for cell in row):
            continue
        padded = row + [""] * (len(headers) - len(row))
        rows.append(dict(zip(headers, padded, strict=False)))
        numbers.append(n)
    return Table(
        name=filename,
        headers=headers,
        rows=rows,
        row_numbers=numbers,
        sheet=sheet,
        notes=notes,
        preamble=preamble,
        unnamed=unnamed,
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
