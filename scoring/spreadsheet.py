"""CSV that Excel opens safely: the one place that neutralises formula cells.

Excel opens a CSV without a byte-order mark as ANSI and breaks the diacritics,
so CSV files are UTF-8 *with* BOM. A text cell that starts with = + - @ (or a
tab or carriage return) would run as a formula when the file is opened, so it
is prefixed with an apostrophe (OWASP "CSV injection"); numbers stay numbers.
"""

from __future__ import annotations

from typing import Any

import pandas as pd

FORMULA_PREFIXES = ("=", "+", "-", "@", "\t", "\r")


def neutralise(value: Any) -> Any:
    """A text cell that a spreadsheet would run as a formula, made inert."""
    if isinstance(value, str) and value.startswith(FORMULA_PREFIXES):
        return "'" + value
    return value


def neutralise_frame(df: pd.DataFrame) -> pd.DataFrame:
    """Neutralise every text column; numeric and boolean columns are left alone."""
    out = df.copy()
    for column in out.columns:
        if not pd.api.types.is_numeric_dtype(out[column]) and not pd.api.types.is_bool_dtype(out[column]):
            out[column] = out[column].map(neutralise).astype(object)
    return out


# Excel opens a double-clicked CSV with the PC's list separator and decimal symbol (Windows regional settings), so
# one file cannot suit every PC: on Vietnamese settings (decimal ",", list separator ";") a comma file lands in one
# column and 78.95 may be misread. A "sep=;" first line would fix the columns but makes Excel ignore the BOM (the
# diacritics break), so each kind of PC gets its own file, both with the BOM:
# "intl" (comma, decimal point: the default, as before) and "vi" (semicolon, decimal comma).
CSV_VARIANTS: dict[str, tuple[str, str]] = {"intl": (",", "."), "vi": (";", ",")}
DEFAULT_CSV_VARIANT = "intl"


def csv_variant(variant: str) -> tuple[str, str]:
    """(separator, decimal mark) of a CSV variant: "intl" or "vi"."""
    if variant not in CSV_VARIANTS:
        raise ValueError(f"unknown CSV variant {variant!r}: {', '.join(CSV_VARIANTS)}")
    return CSV_VARIANTS[variant]


def csv_bytes(df: pd.DataFrame, *, sep: str = ",", decimal: str = ".") -> bytes:
    """CSV for Excel: UTF-8 with BOM, formula cells neutralised. Vietnamese-locale
    Excel reads `sep=";", decimal=","` without an import dialog."""
    return neutralise_frame(df).to_csv(index=False, sep=sep, decimal=decimal).encode("utf-8-sig")
