"""Downloads from the exports page in real Chromium: the callable data runs on
click, and the files that arrive are the ones a secretary files."""

from __future__ import annotations

import io
import sqlite3
from pathlib import Path
from urllib.parse import parse_qs, urlparse

import pandas as pd

from scoring import rounds
from scoring.db import Store
from tests.e2e.conftest import login, no_exception, open_page, wait_idle


def download(page, label: str):
    with page.expect_download(timeout=30_000) as info:
        page.get_by_role("button", name=label).click()
    return info.value


def test_secretary_downloads_rankings_and_backup(server, context, tmp_path):
    page = context.new_page()
    open_page(page, server.url)  # root first: on a fresh server a first /login shows the legacy page list
    login(page, server.url, "thuky2025")
    token = parse_qs(urlparse(page.url).query)["s"][0]
    open_page(page, f"{server.url}/exports?s={token}")
    no_exception(page)
    assert "số liệu chưa chốt" in page.inner_text("body")  # the demo's round 1 is open

    csv_file = download(page, "Bảng xếp hạng (CSV)")
    assert csv_file.suggested_filename.endswith("-xep-hang.csv")
    raw = Path(csv_file.path()).read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf")
    ranking = pd.read_csv(io.BytesIO(raw), encoding="utf-8-sig")
    assert len(ranking) == 12 and ranking.columns[1] == "Họ và tên"
    wait_idle(page)

    assert ranking["Số phiếu đồng ý"].isna().all()  # the round is open: its ballots stay sealed
    # No vote-count minutes before the round closes; the scoring summary is there.
    assert page.get_by_role("button", name="Biên bản kiểm phiếu (Word)").is_disabled()
    docx_file = download(page, "Bảng tổng hợp điểm (Word)")
    assert Path(docx_file.path()).read_bytes()[:2] == b"PK"  # a .docx is a zip
    wait_idle(page)

    # No backup while the round is being voted on; once it is closed, the backup downloads.
    assert page.get_by_role("button", name="Tải bản sao lưu (.db)").is_disabled()
    store = Store(server.db_path)
    rounds.transition(store, "Chủ tịch", store.scalar("SELECT MIN(id) FROM rounds WHERE status = 'open'"), "closed")
    store.close()
    open_page(page, f"{server.url}/exports?s={token}")
    db_file = download(page, "Tải bản sao lưu (.db)")
    saved = tmp_path / db_file.suggested_filename
    db_file.save_as(saved)
    conn = sqlite3.connect(saved)
    try:
        assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        assert conn.execute("SELECT COUNT(*) FROM candidates").fetchone()[0] > 0
    finally:
        conn.close()
    no_exception(page)
