"""A round takes its titles' nominations when it is created. A new institution creates its round,
then the supplementary list comes in: those nominees were in no round and nothing said so; and a
round made for titles without any nomination could never be opened, filled or deleted."""

from __future__ import annotations

import pytest

from scoring import conference, imports, rounds
from scoring.errors import ValidationError
from tests.apptest_helpers import page_text, run_app
from tests.test_imports import SAMPLES


@pytest.fixture
def new_conference(store):
    """A new institution with its units, criteria, titles and first list of nominations."""
    conference.start(store, "init", name="Hội nghị", organisation="Sở", secretary="Hồ Thị Kim Oanh")
    for title, kind in (
        ("Lao động tiên tiến", "individual"),
        ("Chiến sĩ thi đua cơ sở", "individual"),
        ("Tập thể lao động tiên tiến", "collective"),
    ):
        conference.add_title(store, "t", title, kind)
    files = [imports.read_upload(SAMPLES / name) for name in ("don-vi.csv", "de-nghi-khen-thuong.xlsx")]
    imports.commit_import(store, "t", files)
    return store


def test_a_round_for_titles_without_nominations_is_refused(new_conference):
    store = new_conference
    empty = conference.add_title(store, "t", "Cờ thi đua", "collective")
    with pytest.raises(ValidationError, match="chưa có đề nghị khen thưởng nào"):
        rounds.create_round(
            store, "t", "Vòng cờ", [c["id"] for c in conference.list_candidates(store) if c["title_id"] == empty]
        )


def test_nominations_imported_after_the_round_are_offered_then_added(new_conference):
    store = new_conference
    lao_dong = conference.find_title(store, "Lao động tiên tiến")["id"]
    first = [c["id"] for c in conference.list_candidates(store) if c["title_id"] == lao_dong]
    round_id = rounds.create_round(store, "t", "Vòng 1", first)
    imports.commit_import(store, "t", [imports.read_upload(SAMPLES / "de-nghi-bo-sung.csv")])  # the late list
    assert [c["full_name"] for c in rounds.missing_nominations(store, round_id)] == ["Tôn Nữ Hoài An"]
    assert rounds.add_missing_nominations(store, "t", round_id) == 1
    assert "Tôn Nữ Hoài An" in [c["full_name"] for c in rounds.round_candidates(store, round_id)]
    assert rounds.missing_nominations(store, round_id) == []
    rounds.transition(store, "t", round_id, "open")
    with pytest.raises(ValidationError):  # once open, the list is fixed
        rounds.set_candidates(store, "t", round_id, first)


def test_the_rounds_page_offers_the_late_nominations(demo_store, app_env, demo_codes):
    title = conference.find_title(demo_store, "Chiến sĩ thi đua cấp tỉnh")
    ids = [c["id"] for c in conference.list_candidates(demo_store) if c["title_id"] == title["id"]]
    round_id = rounds.create_round(demo_store, "t", "Vòng bổ sung", ids)
    conference.add_candidate(demo_store, "t", "individual", "Hồ Văn Tài", title["name"], "Khoa Dân vận")
    at = run_app(app_env, code=demo_codes["secretary"], page="pages/rounds.py")
    at.selectbox(key="rounds_pick").select(round_id).run()
    assert "1 đề nghị khen thưởng của các danh hiệu trong vòng được thêm sau khi tạo vòng" in page_text(at)
    at.button(key="phase_add_missing").click().run()
    assert not at.exception
    assert "Đã thêm 1 đề nghị khen thưởng vào vòng “Vòng bổ sung”." in page_text(at)
    assert "Hồ Văn Tài" in [c["full_name"] for c in rounds.round_candidates(demo_store, round_id)]


def test_an_open_round_says_which_late_nominations_it_does_not_hold(demo_store, app_env, demo_codes):
    title = conference.find_title(demo_store, "Chiến sĩ thi đua cấp tỉnh")
    ids = [c["id"] for c in conference.list_candidates(demo_store) if c["title_id"] == title["id"]]
    round_id = rounds.create_round(demo_store, "t", "Vòng bổ sung", ids)
    rounds.transition(demo_store, "t", round_id, "open")
    conference.add_candidate(demo_store, "t", "individual", "Hồ Văn Tài", title["name"], "Khoa Dân vận")
    at = run_app(app_env, code=demo_codes["secretary"], page="pages/rounds.py")
    at.selectbox(key="rounds_pick").select(round_id).run()
    assert not at.exception
    assert "không có trong vòng này (vòng đã mở): Hồ Văn Tài. Tạo một vòng khác" in page_text(at)
