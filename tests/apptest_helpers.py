"""Run the real app.py in Streamlit's AppTest, signed in as a given role."""

from __future__ import annotations

from pathlib import Path

from streamlit.testing.v1 import AppTest

from scoring import auth
from scoring.db import open_store

APP = Path(__file__).resolve().parent.parent / "app.py"


def login_token(db_path, code: str) -> str:
    _, token = auth.login(open_store(db_path), code, client="apptest")
    return token


def run_app(
    db_path, code: str | None = None, page: str | None = None, timeout: float = 30, token: str | None = None
) -> AppTest:
    """A fresh browser tab: signed in by `code` (a new login) or `token` (a reload)."""
    at = AppTest.from_file(str(APP), default_timeout=timeout)
    if code:
        token = login_token(db_path, code)
    if token:
        at.query_params["s"] = token
    at.run()
    if page:
        at.switch_page(page)
        at.run()
    return at


def page_text(at: AppTest) -> str:
    """All markdown, titles, captions and alerts of the page, joined."""
    parts = []
    for kind in ("title", "header", "subheader", "markdown", "caption", "info", "success", "warning", "error"):
        parts.extend(str(el.value) for el in getattr(at, kind))
    return "\n".join(parts)
