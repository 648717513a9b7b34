"""QR codes (segno: pure Python, no image library needed for SVG)."""

from __future__ import annotations

import io

import segno


def qr_svg(data: str, scale: int = 6, dark: str = "#000000") -> str:
    """An inline SVG of the QR code for `data` (a URL), for HTML and Streamlit."""
    buf = io.BytesIO()
    segno.make(data, error="m").save(buf, kind="svg", scale=scale, dark=dark, xmldecl=False, svgns=True)
    return buf.getvalue().decode("utf-8")


def guess_lan_url(port: int, path: str = "/login") -> str:
    """The server's address on the local network, for the projector's join QR code
    when none is set. Connecting a UDP socket sends nothing; it only asks the OS
    which interface would be used."""
    import socket

    try:
        with socket.socket(socket.AF_INET, socket.SOCK_DGRAM) as s:
            s.connect(("192.0.2.1", 9))  # TEST-NET-1: never routed, nothing is sent
            host = s.getsockname()[0]
    except OSError:
        host = "127.0.0.1"
    return f"http://{host}:{port}{path}"
