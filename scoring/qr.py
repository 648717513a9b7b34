"""QR codes (segno: pure Python, no image library needed for SVG)."""

from __future__ import annotations

import io

import segno


def qr_svg(data: str, scale: int = 6, dark: str = "#000000") -> str:
    """An inline SVG of the QR code for `data` (a URL), for HTML and Streamlit."""
    buf = io.BytesIO()
    segno.make(data, error="m").save(buf, kind="svg", scale=scale, dark=dark, xmldecl=False, svgns=True)
    return buf.getvalue().decode("utf-8")


def qr_png(data: str, scale: int = 8) -> bytes:
    buf = io.BytesIO()
    segno.make(data, error="m").save(buf, kind="png", scale=scale)
    return buf.getvalue()
