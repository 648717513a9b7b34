import re
import unicodedata

import pytest

from scoring import conference
from scoring.errors import ValidationError
from scoring.validation import format_date, format_date_long, integer, number, parse_date, yes_no


def test_units_are_stored_nfc_and_duplicates_refused_across_case_and_encoding(store):
    conference.add_unit(store, "t", unicodedata.normalize("NFD", "Khoa Xây dựng Đảng"))
    assert store.scalar("SELECT name FROM units") == "Khoa Xây dựng Đảng"
    with pytest.raises(ValidationError, match="Đã có “Khoa Xây dựng Đảng”"):
        conference.add_unit(store, "t", "KHOA XÂY DỰNG ĐẢNG")


def test_empty_name_message_is_vietnamese(store):
    with pytest.raises(ValidationError) as info:
        conference.add_unit(store, "t", "   ")
    assert str(info.value) == "Thiếu Tên đơn vị."


def test_title_settings_are_validated(store):
    with pytest.raises(ValidationError, match="phải từ 0 đến 100"):
        conference.add_title(store, "t", "Chiến sĩ thi đua cơ sở", "individual", threshold_pct=120)
    with pytest.raises(ValidationError, match="không hợp lệ"):
        conference.add_title(store, "t", "X", "ca_nhan")


def test_candidate_title_must_fit_its_kind(demo_store):
    with pytest.raises(ValidationError, match="dành cho cá nhân, không dành cho tập thể"):
        conference.add_candidate(
            demo_store, "t", "collective", "Khoa Dân vận", "Chiến sĩ thi đua cơ sở", "Khoa Dân vận"
        )


def test_candidate_unknown_unit_is_named(demo_store):
    with pytest.raises(ValidationError, match="Không có đơn vị “Khoa Vật lý”"):
        conference.add_candidate(demo_store, "t", "individual", "Lê Văn B", "Lao động tiên tiến", "Khoa Vật lý")


def test_criterion_max_must_be_positive_number(store):
    with pytest.raises(ValidationError, match="không phải là số"):
        conference.add_criteria_set(store, "t", "Bộ A", [{"name": "Tiêu chí", "max_points": "mười"}])
    with pytest.raises(ValidationError, match="lớn hơn 0"):
        conference.add_criteria_set(store, "t", "Bộ A", [{"name": "Tiêu chí", "max_points": -5}])
    assert store.scalar("SELECT COUNT(*) FROM criteria_sets") == 0


def test_criterion_above_the_maximum_names_the_range_without_infinity(store):
    with pytest.raises(ValidationError) as info:
        conference.add_criteria_set(store, "t", "Bộ A", [{"name": "Tiêu chí", "max_points": 1500}])
    assert str(info.value) == "Điểm tối đa của tiêu chí 1 phải từ 0 đến 1000 (đang là 1500)."
    with pytest.raises(ValidationError, match="phải từ 0 đến 1000") as info:
        conference.add_criteria_set(store, "t", "Bộ A", [{"name": "Tiêu chí", "max_points": 10, "weight": 2000}])
    assert "∞" not in str(info.value)


def test_members_sorted_by_given_name_and_codes_hashed(demo_store):
    names = [m["full_name"] for m in conference.list_members(demo_store)]
    assert names[0] == "Phạm Thị Ngọc Ánh"  # given name Ánh sorts first (A…)
    assert names.index("Võ Thanh Bình") < names.index("Lê Văn Đức")  # B < Đ
    hashes = [r["code_hash"] for r in demo_store.query("SELECT code_hash FROM members")]
    assert all(h.startswith("scrypt$") for h in hashes)
    assert "chutich2025" not in str(demo_store.query("SELECT * FROM members"))


def test_dates_dd_mm_yyyy():
    assert parse_date("05/04/2025") == "2025-04-05"
    assert format_date("2025-04-05") == "05/04/2025"
    assert format_date_long("2025-04-05", "Khánh Hòa") == "Khánh Hòa, ngày 05 tháng 4 năm 2025"
    assert format_date_long("2025-02-15") == "ngày 15 tháng 02 năm 2025"
    with pytest.raises(ValidationError, match="dd/mm/yyyy"):
        parse_date("2025/13/45")


def test_place_and_date_on_screen_follow_the_language():
    from scoring import i18n
    from scoring.validation import format_place_date

    assert format_place_date("2025-04-15", "Khánh Hòa") == "Khánh Hòa, ngày 15 tháng 4 năm 2025"
    i18n.set_language("en")
    assert format_place_date("2025-04-15", "Khánh Hòa") == "Khánh Hòa, 15/04/2025"
    assert format_date_long("2025-04-15") == "ngày 15 tháng 4 năm 2025"  # documents stay Vietnamese


def test_decimal_comma_is_understood():
    assert number("12,5", "Điểm") == 12.5
    assert number(" 7 ", "Điểm") == 7


def test_an_integer_reads_thousands_dots_and_refuses_a_fraction():
    assert integer("1.250", "Số viên chức") == 1250
    assert integer("12.500", "Số viên chức") == 12500
    assert integer("1 250", "Số viên chức") == 1250
    assert integer("1.250.000", "Số viên chức") == 1250000
    assert integer("12", "Số viên chức") == integer(12.0, "Số viên chức") == 12
    for fraction in ("9,5", "9.5", "1.25", 9.5):
        with pytest.raises(ValidationError, match="phải là số nguyên"):
            integer(fraction, "Số viên chức")
    # where a decimal is allowed, a dot or a comma is still the decimal mark
    assert number("8.5", "Điểm") == number("8,5", "Điểm") == 8.5
    assert number("1.250", "Điểm") == 1.25


@pytest.mark.parametrize(
    ("cell", "answer"),
    [
        *[(yes, True) for yes in ("x", "X", "✓", "✔", "v", "Có", "CÓ", "co", "c", "1", "yes", "TRUE", "(x)")],
        ("Có quyền biểu quyết", True),
        *[(no, False) for no in ("không", "Không", "k", "0", "no", "false")],
        ("Không biểu quyết", False),
        ("Không có quyền biểu quyết", False),
        ("", None),
        ("  ", None),
    ],
)
def test_yes_no_as_offices_write_it(cell, answer):
    assert yes_no(cell, "Biểu quyết") is answer


@pytest.mark.parametrize("cell", ["Biểu quyết?", "2", "✗", "-", "abc"])
def test_yes_no_refuses_what_is_neither(cell):
    with pytest.raises(ValidationError, match=f"“{re.escape(cell)}” ở cột “Biểu quyết” không rõ là có hay không"):
        yes_no(cell, "Biểu quyết")


def test_a_rate_may_be_written_with_its_percent_sign(store):
    assert number("66,67%", "Tỷ lệ", percent=True) == 66.67
    assert number("50 %", "Tỷ lệ", percent=True) == 50
    with pytest.raises(ValidationError, match="không phải là số"):
        number("8%", "Điểm")  # a score is not a rate
    title_id = conference.add_title(store, "t", "Giấy khen", "individual", threshold_pct="66,67%", quorum_pct="50%")
    title = next(ti for ti in conference.list_titles(store) if ti["id"] == title_id)
    assert (title["threshold_pct"], title["quorum_pct"]) == (66.67, 50.0)


def test_demo_conference_is_complete(demo_store):
    conf = conference.get_conference(demo_store)
    assert conf["name"] == "Hội nghị điển hình tiên tiến Trường Chính trị tỉnh Khánh Hòa giai đoạn 2025-2030"
    assert len(conference.list_agenda(demo_store)) == 8
    assert 9 <= len(conference.list_members(demo_store)) <= 11
    assert 15 <= len(conference.list_candidates(demo_store)) <= 20
    for s in conference.list_criteria_sets(demo_store):
        assert sum(c["max_points"] for c in conference.list_criteria(demo_store, s["id"])) == 100
    kinds = {c["kind"] for c in conference.list_candidates(demo_store)}
    assert kinds == {"collective", "individual"}
    assert demo_store.scalar("SELECT COUNT(*) FROM movements") == 6


def test_the_join_address_is_checked_and_cleaned_by_the_core(store):
    conference.save_conference(store, "thư ký", join_url=" http://192.168.1.10:8501/login/ ")
    assert conference.get_conference(store)["join_url"] == "http://192.168.1.10:8501"
    with pytest.raises(ValidationError, match="không hợp lệ"):
        conference.save_conference(store, "thư ký", join_url="192.168.1.10:8501")
    assert conference.get_conference(store)["join_url"] == "http://192.168.1.10:8501"  # unchanged
    conference.save_conference(store, "thư ký", join_url="")  # cleared: the server's own address is used
    assert conference.get_conference(store)["join_url"] == ""


def test_a_titles_rules_are_fixed_once_a_round_has_counted_them(demo_store):
    # A published result turned from "Đạt" to "Không đạt" when the minimum score was edited
    # after the round (QA), and back again when it was edited back.
    from scoring import aggregate, rounds

    round_id = 1
    title_id = demo_store.scalar(
        "SELECT c.title_id FROM round_candidates rc JOIN candidates c ON c.id = rc.candidate_id "
        "WHERE rc.round_id = ? LIMIT 1",
        (round_id,),
    )
    conference.update_title(demo_store, "Thư ký", title_id, min_score=81.5)  # open round: nothing counted yet
    detail = demo_store.scalar("SELECT detail FROM audit_log WHERE action = 'title.update' ORDER BY id DESC LIMIT 1")
    assert re.search(r"min_score: [\d,—]+ → 81,5", detail)  # the old and the new value, not just the field's name

    rounds.transition(demo_store, "Chủ tịch", round_id, "closed")
    before = aggregate.round_results(demo_store, round_id).table[["candidate_id", "passes", "reason"]]
    with pytest.raises(ValidationError, match=r"đã khóa.*mở lại vòng"):
        conference.update_title(demo_store, "Thư ký", title_id, min_score=50)
    with pytest.raises(ValidationError, match="không sửa quy tắc"):
        conference.update_title(demo_store, "Thư ký", title_id, threshold_pct="90")
    conference.update_title(demo_store, "Thư ký", title_id, legal_basis="Điều 24 Luật Thi đua")  # not a rule
    assert aggregate.round_results(demo_store, round_id).table[["candidate_id", "passes", "reason"]].equals(before)

    rounds.transition(demo_store, "Chủ tịch", round_id, "open", reason="Sửa điểm tối thiểu")
    conference.update_title(demo_store, "Thư ký", title_id, min_score=80)  # reopened, with a reason: allowed
    rounds.transition(demo_store, "Chủ tịch", round_id, "closed")
    rounds.transition(demo_store, "Chủ tịch", round_id, "published")
    with pytest.raises(ValidationError, match="đã công bố"):
        conference.update_title(demo_store, "Thư ký", title_id, min_score=70)


def test_seconds_per_projector_screen_are_a_whole_number_from_5_to_300(store):
    assert conference.projector_seconds(store) == 15  # never set
    assert conference.set_projector_seconds(store, "Chủ tịch", "30") == 30
    assert conference.projector_seconds(store) == 30
    for wrong, says in [
        ("4", "Số giây mỗi màn hình trình chiếu phải từ 5 đến 300 (đang là 4)."),
        ("12,5", "Số giây mỗi màn hình trình chiếu: “12,5” phải là số nguyên."),
        ("", "Số giây mỗi màn hình trình chiếu"),
    ]:
        with pytest.raises(ValidationError) as refused:
            conference.set_projector_seconds(store, "Chủ tịch", wrong)
        assert says in str(refused.value), str(refused.value)
    assert conference.projector_seconds(store) == 30  # unchanged by the refusals
