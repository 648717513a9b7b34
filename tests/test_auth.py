"""Access codes and sessions: login, rate limiting, logout, code reset, hashes at rest."""

from __future__ import annotations

import sqlite3

import pytest

from scoring import auth
from scoring.errors import PermissionDenied
from tests.conftest import member_id


def test_code_login_returns_the_member_and_a_resumable_session(demo_store, demo_codes):
    member, token = auth.login(demo_store, demo_codes["member"], client="laptop-1")
    assert member["full_name"] == "Lê Văn Đức"
    assert "code_hash" not in member and "code_lookup" not in member
    assert auth.resume(demo_store, token)["id"] == member["id"]
    assert auth.resume(demo_store, token + "x") is None
    assert auth.resume(demo_store, None) is None


def test_codes_are_read_forgivingly(demo_store):
    """Typed from paper: case and separators do not matter."""
    assert auth.login(demo_store, " UYVIEN-01 ", client="c")[0]["full_name"] == "Lê Văn Đức"


def test_wrong_codes_are_rate_limited_per_client(demo_store, demo_codes, monkeypatch):
    for _ in range(auth.MAX_FAILURES):
        with pytest.raises(PermissionDenied, match="Mã truy cập không đúng"):
            auth.login(demo_store, "doan-mo-1", client="guesser")
    with pytest.raises(PermissionDenied, match=r"Vui lòng chờ \d+ giây"):
        auth.login(demo_store, demo_codes["member"], client="guesser")  # even the right code must wait
    assert auth.seconds_until_allowed(demo_store, "guesser") > 0
    # Another laptop is not blocked.
    assert auth.login(demo_store, demo_codes["chair"], client="other")[0]["role"] == "chair"
    # After the window the guesser may try again.
    real_time = auth.time.time
    monkeypatch.setattr(auth.time, "time", lambda: real_time() + auth.FAILURE_WINDOW_S + 1)
    assert auth.seconds_until_allowed(demo_store, "guesser") == 0
    assert auth.login(demo_store, demo_codes["member"], client="guesser")[0]["full_name"] == "Lê Văn Đức"


def test_four_wrong_codes_then_the_right_one_is_fine(demo_store, demo_codes):
    for _ in range(auth.MAX_FAILURES - 1):
        with pytest.raises(PermissionDenied):
            auth.login(demo_store, "sai", client="c")
    auth.login(demo_store, demo_codes["member"], client="c")
    assert demo_store.scalar("SELECT COUNT(*) FROM login_failures WHERE client = 'c'") == 0


def test_logout_revokes_the_session(demo_store, demo_codes):
    _, token = auth.login(demo_store, demo_codes["member"], client="c")
    _, other_tab = auth.login(demo_store, demo_codes["member"], client="c")
    auth.logout(demo_store, token)
    assert auth.resume(demo_store, token) is None
    assert auth.resume(demo_store, other_tab) is not None  # only this tab is signed out
    assert demo_store.query("SELECT actor FROM audit_log WHERE action = 'logout'") == [{"actor": "Lê Văn Đức"}]


def test_a_code_reset_revokes_old_sessions_and_the_old_code(demo_store, demo_codes):
    duc = member_id(demo_store, "Lê Văn Đức")
    _, token = auth.login(demo_store, demo_codes["member"], client="c")
    new_code = auth.set_code(demo_store, duc, "Thư ký")
    assert new_code != demo_codes["member"] and len(auth.normalise_code(new_code)) == 12
    assert auth.resume(demo_store, token) is None
    with pytest.raises(PermissionDenied):
        auth.login(demo_store, demo_codes["member"], client="c2")
    assert auth.login(demo_store, new_code, client="c2")[0]["id"] == duc
    assert demo_store.scalar("SELECT COUNT(*) FROM audit_log WHERE action = 'member.code_reset'") > 0


def test_resetting_several_codes_keeps_the_secretarys_own_tab(demo_store, demo_codes):
    secretary = member_id(demo_store, "Phạm Thị Ngọc Ánh")
    duc = member_id(demo_store, "Lê Văn Đức")
    _, mine = auth.login(demo_store, demo_codes["secretary"], client="c")
    _, elsewhere = auth.login(demo_store, demo_codes["secretary"], client="c")
    codes = auth.reset_codes(demo_store, [secretary, duc], "Phạm Thị Ngọc Ánh", keep_token=mine)
    assert set(codes) == {secretary, duc} and len(set(codes.values())) == 2
    assert auth.resume(demo_store, mine) is not None
    assert auth.resume(demo_store, elsewhere) is None


def test_only_hashes_are_stored(demo_store, demo_codes, demo_path):
    _, token = auth.login(demo_store, demo_codes["member"], client="c")
    new_code = auth.set_code(demo_store, member_id(demo_store, "Bùi Thị Lan"), "Thư ký")
    hashes = [r["code_hash"] for r in demo_store.query("SELECT code_hash FROM members")]
    assert all(h.startswith("scrypt$") for h in hashes)
    assert len(set(hashes)) == len(hashes)  # salted
    demo_store._conn().execute("PRAGMA wal_checkpoint(TRUNCATE)")
    dump = "\n".join(sqlite3.connect(demo_path).iterdump())
    for secret in (token, new_code, auth.normalise_code(new_code), demo_codes["member"], "UYVIEN01"):
        assert secret not in dump, secret
