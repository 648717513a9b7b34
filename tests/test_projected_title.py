"""One title of a revealed round on the projector (the chair's choice): set, reset
by hiding or reopening, refused for a round not on the projector or a title not in
the round, audited (so every projector's data version moves), and a database or a
backup made before the column existed upgrades."""

from __future__ import annotations

import sqlite3

import pytest

from scoring import aggregate, backup, conference, rounds
from scoring.db import Store, _split_sql, forget_store, open_store
from scoring.errors import PermissionDenied, ValidationError
from scoring.schema import MIGRATIONS, SCHEMA_VERSION

ROUND1 = 1
CHAIR = "Chủ tịch"
COLLECTIVE = "Tập thể điển hình tiên tiến giai đoạn 2020-2025"
INDIVIDUAL = "Cá nhân điển hình tiên tiến giai đoạn 2020-2025"


def projected(store) -> int | None:
    return store.scalar("SELECT projected_title_id FROM rounds WHERE id = ?", (ROUND1,))


def title_ids(store) -> dict[str, int]:
    return {row["name"]: row["id"] for row in rounds.round_titles(store, ROUND1)}


def last_audit(store) -> dict:
    return store.query("SELECT * FROM audit_log ORDER BY id DESC LIMIT 1")[0]


@pytest.fixture
def revealed(demo_store):
    """Round 1 of the demo closed and on the projector."""
    rounds.transition(demo_store, CHAIR, ROUND1, "closed")
    rounds.reveal(demo_store, CHAIR, ROUND1)
    return demo_store


def test_the_round_titles_in_the_round_order(demo_store):
    assert list(title_ids(demo_store)) == [COLLECTIVE, INDIVIDUAL]


def test_a_revealed_round_starts_with_every_title(revealed):
    assert projected(revealed) is None


def test_choosing_a_title_is_saved_audited_and_moves_the_projector_version(revealed):
    ids = title_ids(revealed)
    before = aggregate.data_version(revealed)
    rounds.set_projected_title(revealed, CHAIR, ROUND1, ids[INDIVIDUAL], actor_role="chair")
    assert projected(revealed) == ids[INDIVIDUAL]
    row = last_audit(revealed)
    assert (row["actor"], row["action"], row["entity"], row["entity_id"]) == (
        CHAIR,
        "round.project_title",
        "rounds",
        ROUND1,
    )
    assert row["detail"] == INDIVIDUAL
    after = aggregate.data_version(revealed)
    assert after != before

    rounds.set_projected_title(revealed, "Thư ký", ROUND1, None, actor_role="secretary")
    assert projected(revealed) is None
    assert last_audit(revealed)["detail"] == "tất cả danh hiệu"
    assert aggregate.data_version(revealed) != after
    assert aggregate.focus_round(revealed) == ROUND1  # the choice keeps the round on the projector


def test_choosing_a_title_after_the_agenda_moved_on_brings_the_results_back(revealed):
    rounds.transition(revealed, CHAIR, ROUND1, "published")
    step = revealed.scalar("SELECT id FROM agenda_items ORDER BY position LIMIT 1")
    conference.set_current_agenda_item(revealed, CHAIR, step)
    assert aggregate.focus_round(revealed) is None  # the projector follows the agenda
    rounds.set_projected_title(revealed, CHAIR, ROUND1, title_ids(revealed)[INDIVIDUAL], actor_role="chair")
    assert aggregate.focus_round(revealed) == ROUND1


def test_hiding_or_reopening_resets_to_every_title(revealed):
    ids = title_ids(revealed)
    rounds.set_projected_title(revealed, CHAIR, ROUND1, ids[COLLECTIVE])
    rounds.reveal(revealed, CHAIR, ROUND1, False)
    assert projected(revealed) is None
    rounds.reveal(revealed, CHAIR, ROUND1)
    assert projected(revealed) is None  # a new reveal starts from every title

    rounds.set_projected_title(revealed, CHAIR, ROUND1, ids[COLLECTIVE])
    rounds.transition(revealed, CHAIR, ROUND1, "open", reason="Kiểm lại phiếu")
    assert projected(revealed) is None


def test_publishing_keeps_the_choice(revealed):
    ids = title_ids(revealed)
    rounds.set_projected_title(revealed, CHAIR, ROUND1, ids[COLLECTIVE])
    rounds.transition(revealed, CHAIR, ROUND1, "published")
    assert projected(revealed) == ids[COLLECTIVE]
    rounds.set_projected_title(revealed, CHAIR, ROUND1, ids[INDIVIDUAL])  # a published round stays on screen
    assert projected(revealed) == ids[INDIVIDUAL]


def test_refused_for_a_round_not_on_the_projector(demo_store):
    ids = title_ids(demo_store)
    audit_rows = demo_store.scalar("SELECT COUNT(*) FROM audit_log")
    with pytest.raises(ValidationError, match="Chỉ chọn danh hiệu để trình chiếu khi kết quả của “Vòng 1"):
        rounds.set_projected_title(demo_store, CHAIR, ROUND1, ids[COLLECTIVE])  # still open
    rounds.transition(demo_store, CHAIR, ROUND1, "closed")
    with pytest.raises(ValidationError, match="đang hiện trên màn hình trình chiếu") as caught:
        rounds.set_projected_title(demo_store, CHAIR, ROUND1, None)  # closed, not revealed
    assert "only while the results" in caught.value.message("en")
    assert projected(demo_store) is None
    assert demo_store.scalar("SELECT COUNT(*) FROM audit_log") == audit_rows + 1  # the close only


def test_refused_for_a_title_not_in_the_round_or_a_missing_round(revealed):
    other = revealed.scalar("SELECT id FROM titles WHERE name = 'Lao động tiên tiến'")
    assert other not in title_ids(revealed).values()
    audit_rows = revealed.scalar("SELECT COUNT(*) FROM audit_log")
    with pytest.raises(ValidationError, match=f"Danh hiệu #{other} không có ứng viên nào trong “Vòng 1") as caught:
        rounds.set_projected_title(revealed, CHAIR, ROUND1, other)
    assert caught.value.field == "title"
    with pytest.raises(ValidationError, match="không có ứng viên nào"):
        rounds.set_projected_title(revealed, CHAIR, ROUND1, 9999)
    with pytest.raises(ValidationError, match="Không tìm thấy vòng bình xét #99"):
        rounds.set_projected_title(revealed, CHAIR, 99, None)
    assert projected(revealed) is None
    assert revealed.scalar("SELECT COUNT(*) FROM audit_log") == audit_rows


def test_only_the_roles_that_run_rounds(revealed):
    with pytest.raises(PermissionDenied):
        rounds.set_projected_title(revealed, "Ủy viên", ROUND1, title_ids(revealed)[COLLECTIVE], actor_role="member")
    assert projected(revealed) is None
    for role in ("chair", "vice_chair", "secretary"):
        rounds.set_projected_title(revealed, role, ROUND1, title_ids(revealed)[COLLECTIVE], actor_role=role)


def _version_1_database(path) -> None:
    """A database as the version before this column made it: schema 1, a revealed round."""
    conn = sqlite3.connect(path)
    for statement in _split_sql(MIGRATIONS[0]):
        conn.execute(statement)
    conn.execute("INSERT INTO conference (id, name) VALUES (1, 'Hội nghị cũ')")
    conn.execute("INSERT INTO rounds (id, name, status, revealed) VALUES (1, 'Vòng cũ', 'closed', 1)")
    conn.execute("PRAGMA user_version = 1")
    conn.commit()
    conn.close()


def test_a_database_from_the_previous_version_upgrades(tmp_path):
    path = tmp_path / "old.db"
    _version_1_database(path)
    store = Store(path)
    try:
        assert store.version == SCHEMA_VERSION >= 2
        columns = {row["name"] for row in store.query("PRAGMA table_info(rounds)")}
        assert "projected_title_id" in columns
        assert store.query("SELECT name, revealed, projected_title_id FROM rounds") == [
            {"name": "Vòng cũ", "revealed": 1, "projected_title_id": None}
        ]
    finally:
        store.close()


def test_a_backup_from_the_previous_version_restores_and_upgrades(demo_store, tmp_path):
    old = tmp_path / "sao-luu-cu.db"
    _version_1_database(old)
    info = backup.inspect(old)
    assert info.schema_version == 1 and info.rounds == 1
    backup.restore(demo_store.path, old, actor="Thư ký")
    restored = open_store(demo_store.path)
    try:
        assert restored.version == SCHEMA_VERSION
        assert restored.scalar("SELECT projected_title_id FROM rounds WHERE name = 'Vòng cũ'") is None
        assert restored.scalar("SELECT name FROM conference") == "Hội nghị cũ"
    finally:
        forget_store(demo_store.path)


def test_a_closed_round_awaits_the_reveal_until_shown_and_again_after_a_new_close(revealed):
    # The projector says "waiting for the chair's reveal" only for a round not shown since its close:
    # not for one the chair revealed and hid again, moving on (QA).
    store = revealed

    def awaits() -> bool:
        return rounds.awaits_reveal(store, rounds.get_round(store, ROUND1))

    assert not awaits()  # revealed
    rounds.reveal(store, "Chủ tịch", ROUND1, revealed=False)
    assert not awaits()  # shown, then hidden: the chair moved on
    rounds.transition(store, "Chủ tịch", ROUND1, "open", reason="Thiếu phiếu chấm")
    assert not awaits()  # open
    rounds.transition(store, "Chủ tịch", ROUND1, "closed")
    assert awaits()  # closed again, not shown since
