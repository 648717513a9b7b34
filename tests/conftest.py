"""Shared fixtures: a fresh empty database, and a copy of the demo conference."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest
from streamlit.runtime.pages_manager import PagesManager

from scoring import demo
from scoring.db import Store, forget_store


@pytest.fixture(autouse=True)
def app_past_its_first_session(request, monkeypatch):
    """AppTest starts every run as a fresh server's first session, in Streamlit's pages/-directory
    mode, which `pages/_common.run_through_app_shell` turns into a rerun through app.py (dropping
    the run's clicks: a first session has none). A served app leaves that mode for good at its first
    st.navigation: AppTest runs the pages as it then does (tests/e2e/test_fresh_server.py covers
    the first sessions; a test marked `first_sessions` keeps AppTest's way)."""
    if request.node.get_closest_marker("first_sessions"):
        return
    created = PagesManager.__init__

    def past_first_session(self, *args, **kwargs):
        created(self, *args, **kwargs)
        PagesManager.uses_pages_directory = False

    monkeypatch.setattr(PagesManager, "__init__", past_first_session)


@pytest.fixture
def db_path(tmp_path: Path) -> Path:
    return tmp_path / "test.db"


@pytest.fixture
def store(db_path: Path):
    """An empty database with the current schema."""
    s = Store(db_path)
    yield s
    s.close()


@pytest.fixture(scope="session")
def demo_db_template(tmp_path_factory) -> Path:
    """The demo conference, built once per test run (loading hashes 11 codes)."""
    path = tmp_path_factory.mktemp("demo") / "demo.db"
    s = Store(path)
    demo.load_demo(s)
    s._conn().execute("PRAGMA wal_checkpoint(TRUNCATE)")
    s.close()
    return path


def copy_db(source: Path, target: Path) -> Path:
    src = sqlite3.connect(source)
    dst = sqlite3.connect(target)
    with dst:
        src.backup(dst)
    src.close()
    dst.close()
    return target


@pytest.fixture
def demo_path(demo_db_template: Path, tmp_path: Path) -> Path:
    return copy_db(demo_db_template, tmp_path / "demo.db")


@pytest.fixture
def demo_store(demo_path: Path):
    """A private copy of the demo conference: round 1 open, rounds 2-3 in setup."""
    s = Store(demo_path)
    yield s
    s.close()
    forget_store(demo_path)


DEMO_CODES = {
    "chair": "chutich2025",
    "secretary": "thuky2025",
    "member": "uyvien01",
}


@pytest.fixture
def demo_codes() -> dict[str, str]:
    return dict(DEMO_CODES)


@pytest.fixture
def app_env(demo_path: Path, monkeypatch):
    """Point the app (AppTest) at a private demo database."""
    monkeypatch.setenv("HOI_NGHI_DB", str(demo_path))
    import streamlit as st

    st.cache_resource.clear()
    yield demo_path
    st.cache_resource.clear()
    forget_store(demo_path)


@pytest.fixture(autouse=True)
def _vietnamese():
    from scoring import i18n

    i18n.set_language("vi")
    yield
    i18n.set_language("vi")


def member_id(store: Store, name: str) -> int:
    return store.scalar("SELECT id FROM members WHERE full_name = ?", (name,))
