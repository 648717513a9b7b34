"""Movements and indicators defined by the secretary: update, rename clashes, delete
with or without the yearly values, permissions, audit, all or nothing."""

from __future__ import annotations

import unicodedata

import pytest

from scoring import audit, indicators
from scoring.errors import PermissionDenied, ValidationError
from scoring.indicators import DefinitionsRejected, ValuesWouldBeLost


def _secretary(store):
    return store.query("SELECT * FROM members WHERE role = 'secretary'")[0]


def _member(store):
    return store.query("SELECT * FROM members WHERE role = 'member'")[0]


def _snapshot(store) -> tuple:
    """Everything a refused change must leave as it was."""
    return (
        store.query("SELECT * FROM movements ORDER BY id"),
        store.query("SELECT * FROM indicators ORDER BY id"),
        store.query("SELECT * FROM indicator_values ORDER BY id"),
        store.scalar("SELECT COUNT(*) FROM audit_log"),
    )


def _movement(store, short_name: str) -> dict:
    return next(m for m in indicators.list_movements(store) if m["short_name"] == short_name)


def _indicator(store, name: str) -> dict:
    return next(i for i in indicators.list_indicators(store) if i["name"] == name)


def _last_audit(store) -> dict:
    return audit.entries(store, limit=1)[0]


@pytest.fixture
def empty(store):
    """An empty database with a secretary and a member."""
    store.db["members"].insert_all(
        [{"full_name": "Thư Ký", "role": "secretary"}, {"full_name": "Ủy Viên", "role": "member"}]
    )
    return store


# -- movements ---------------------------------------------------------------------------
def test_secretary_creates_and_updates_a_movement_with_an_audit_entry(empty):
    secretary = _secretary(empty)
    movement_id = indicators.create_movement(empty, secretary, "Thi đua dạy tốt, học tốt", "Dạy tốt", "2021-2025")
    assert _last_audit(empty)["action"] == "movement.add"
    changed = indicators.update_movement(
        empty, secretary, movement_id, name="Thi đua  dạy tốt, học tốt ", period="2026"
    )
    assert changed == ["period"]  # the name was only re-spaced: cleaned, it is the same
    stored = indicators.list_movements(empty)[0]
    assert (stored["name"], stored["period"], stored["short_name"]) == ("Thi đua dạy tốt, học tốt", "2026", "Dạy tốt")
    entry = _last_audit(empty)
    assert (entry["actor"], entry["action"], entry["entity_id"]) == ("Thư Ký", "movement.update", movement_id)
    assert "period" in entry["detail"]


def test_a_movement_update_with_nothing_changed_writes_no_audit_entry(empty):
    movement_id = indicators.create_movement(empty, _secretary(empty), "Phong trào A")
    before = _snapshot(empty)
    assert indicators.update_movement(empty, _secretary(empty), movement_id, name="Phong trào A") == []
    assert _snapshot(empty) == before


@pytest.mark.parametrize(
    "twin",
    [
        "VĂN HÓA CÔNG SỞ",  # case twin
        unicodedata.normalize("NFD", "Văn hóa công sở"),  # typed with combining accents
        "văn hoá công sở",  # the other placement of the tone mark
    ],
)
def test_movement_names_are_unique_ignoring_case_and_accent_encoding(empty, twin):
    secretary = _secretary(empty)
    indicators.create_movement(empty, secretary, "Văn hóa công sở")
    other = indicators.create_movement(empty, secretary, "Xã hội học tập")
    before = _snapshot(empty)
    with pytest.raises(ValidationError) as exc:
        indicators.create_movement(empty, secretary, twin)
    assert str(exc.value) == (
        "Đã có phong trào “Văn hóa công sở” (trùng tên, không phân biệt hoa thường và cách gõ dấu)."
    )
    with pytest.raises(ValidationError, match="Đã có phong trào “Văn hóa công sở”"):
        indicators.update_movement(empty, secretary, other, name=twin)
    assert _snapshot(empty) == before


def test_movement_validation_names_the_field_in_vietnamese(empty):
    movement_id = indicators.create_movement(empty, _secretary(empty), "Phong trào A")
    with pytest.raises(ValidationError, match=r"Thiếu Tên phong trào\."):
        indicators.update_movement(empty, _secretary(empty), movement_id, name="  ")
    with pytest.raises(ValidationError, match=r"Giai đoạn quá dài \(tối đa 50 ký tự\)"):
        indicators.update_movement(empty, _secretary(empty), movement_id, period="x" * 51)
    with pytest.raises(ValidationError, match="Không tìm thấy phong trào #999"):
        indicators.update_movement(empty, _secretary(empty), 999, name="B")


def test_deleting_a_movement_with_values_is_refused_then_allowed_with_values(demo_store):
    secretary = _secretary(demo_store)
    movement = _movement(demo_store, "Văn hóa công sở")
    count = indicators.count_values(demo_store, movement_id=movement["id"])
    assert count > 0
    before = _snapshot(demo_store)
    with pytest.raises(ValuesWouldBeLost) as exc:
        indicators.delete_movement(demo_store, secretary, movement["id"])
    assert exc.value.count == count
    assert str(exc.value) == (
        f"Phong trào “{movement['name']}” có {count} số liệu theo năm của các chỉ tiêu: "
        "chỉ xóa khi xác nhận xóa cả số liệu."
    )
    assert _snapshot(demo_store) == before
    values_before = demo_store.scalar("SELECT COUNT(*) FROM indicator_values")
    assert indicators.delete_movement(demo_store, secretary, movement["id"], with_values=True) == count
    assert movement["id"] not in {m["id"] for m in indicators.list_movements(demo_store)}
    assert not indicators.list_indicators(demo_store, movement["id"])
    assert demo_store.scalar("SELECT COUNT(*) FROM indicator_values") == values_before - count
    assert [m["position"] for m in indicators.list_movements(demo_store)] == [1, 2, 3, 4, 5]
    entry = _last_audit(demo_store)
    assert (entry["action"], entry["entity_id"]) == ("movement.delete", movement["id"])
    assert f"{count} số liệu" in entry["detail"]


def test_a_movement_without_values_is_deleted_without_confirmation(empty):
    secretary = _secretary(empty)
    movement_id = indicators.create_movement(empty, secretary, "Phong trào A")
    indicators.add_indicator(empty, "test", movement_id, "Chỉ tiêu chưa có số liệu")
    assert indicators.delete_movement(empty, secretary, movement_id) == 0
    assert indicators.list_movements(empty) == [] and indicators.list_indicators(empty) == []


def test_movements_can_be_reordered(demo_store):
    secretary = _secretary(demo_store)
    last = indicators.list_movements(demo_store)[-1]
    indicators.move_movement(demo_store, secretary, last["id"], 1)
    order = indicators.list_movements(demo_store)
    assert order[0]["id"] == last["id"]
    assert [m["position"] for m in order] == [1, 2, 3, 4, 5, 6]
    assert _last_audit(demo_store)["action"] == "movement.move"


# -- indicators ---------------------------------------------------------------------------
def test_secretary_updates_every_field_of_an_indicator(demo_store):
    ind = _indicator(demo_store, "Tỷ lệ văn bản đi được ký số")
    changed = indicators.update_indicator(
        demo_store,
        _secretary(demo_store),
        ind["id"],
        name="Tỷ lệ văn bản ký số",
        unit_of_measure="phần trăm",
        direction="Càng thấp càng tốt",
        baseline_year="2021",
        baseline="50,5",
        target_2025=70,
        target_2030=None,
    )
    assert set(changed) >= {"name", "unit_of_measure", "direction", "baseline_year", "baseline", "target_2025"}
    stored = _indicator(demo_store, "Tỷ lệ văn bản ký số")
    assert (stored["unit_of_measure"], stored["direction"], stored["baseline_year"]) == ("phần trăm", "lower", 2021)
    assert (stored["baseline"], stored["target_2025"], stored["target_2030"]) == (50.5, 70.0, None)
    entry = _last_audit(demo_store)
    assert (entry["action"], entry["entity_id"], entry["actor"]) == ("indicator.update", ind["id"], "Phạm Thị Ngọc Ánh")


def test_indicator_validation_is_in_vietnamese_and_writes_nothing(demo_store):
    secretary = _secretary(demo_store)
    ind = indicators.list_indicators(demo_store)[0]
    before = _snapshot(demo_store)
    cases = {
        "baseline": ("khoảng 50", "Giá trị gốc: “khoảng 50” không phải là số."),
        "baseline_year": (1800, "Năm gốc phải từ 1990 đến 2100 (đang là 1800)."),
        "direction": ("tăng", "Chiều đánh giá: “tăng” không hợp lệ; chọn một trong: Càng cao càng tốt, Càng thấp"),
        "name": ("", "Thiếu Tên chỉ tiêu."),
    }
    for field, (value, message) in cases.items():
        with pytest.raises(ValidationError) as exc:
            indicators.update_indicator(demo_store, secretary, ind["id"], **{field: value})
        assert str(exc.value).startswith(message), str(exc.value)
    assert _snapshot(demo_store) == before


@pytest.mark.parametrize(
    "twin",
    [
        "TỶ LỆ VĂN BẢN ĐI ĐƯỢC KÝ SỐ",
        unicodedata.normalize("NFD", "Tỷ lệ văn bản đi được ký số"),
        "tỷ lệ văn bản đi được ký số",
    ],
)
def test_indicator_rename_clash_within_its_movement_is_refused(demo_store, twin):
    movement = _movement(demo_store, "Văn hóa công sở")
    own = indicators.list_indicators(demo_store, movement["id"])
    other = next(i for i in own if i["name"] != "Tỷ lệ văn bản đi được ký số")
    before = _snapshot(demo_store)
    with pytest.raises(ValidationError) as exc:
        indicators.update_indicator(demo_store, _secretary(demo_store), other["id"], name=twin)
    assert str(exc.value) == (
        f"Phong trào “{movement['name']}” đã có chỉ tiêu “Tỷ lệ văn bản đi được ký số” "
        "(trùng tên, không phân biệt hoa thường và cách gõ dấu)."
    )
    with pytest.raises(ValidationError, match="đã có chỉ tiêu “Tỷ lệ văn bản đi được ký số”"):
        indicators.add_indicator(demo_store, "test", movement["id"], twin)
    assert _snapshot(demo_store) == before


def test_the_same_indicator_name_is_allowed_in_another_movement(demo_store):
    other = _movement(demo_store, "Xã hội học tập")
    new_id = indicators.add_indicator(demo_store, "test", other["id"], "Tỷ lệ văn bản đi được ký số")
    assert _indicator(demo_store, "Tỷ lệ văn bản đi được ký số")["id"] != new_id


def test_moving_an_indicator_to_another_movement_keeps_its_values(demo_store):
    secretary = _secretary(demo_store)
    source = _movement(demo_store, "Văn hóa công sở")
    target = _movement(demo_store, "Xã hội học tập")
    ind = indicators.list_indicators(demo_store, source["id"])[0]
    values = indicators.count_values(demo_store, indicator_id=ind["id"])
    assert indicators.update_indicator(demo_store, secretary, ind["id"], movement_id=target["id"]) == ["movement_id"]
    moved = indicators.list_indicators(demo_store, target["id"])
    assert moved[-1]["id"] == ind["id"] and moved[-1]["position"] == len(moved)
    assert [i["position"] for i in indicators.list_indicators(demo_store, source["id"])] == [1, 2, 3]
    assert indicators.count_values(demo_store, indicator_id=ind["id"]) == values


def test_moving_an_indicator_into_a_movement_with_its_twin_is_refused(demo_store):
    source = _movement(demo_store, "Văn hóa công sở")
    target = _movement(demo_store, "Xã hội học tập")
    ind = indicators.list_indicators(demo_store, source["id"])[0]
    indicators.add_indicator(demo_store, "test", target["id"], ind["name"].upper())
    before = _snapshot(demo_store)
    with pytest.raises(ValidationError, match=f"Phong trào “{target['name']}” đã có chỉ tiêu"):
        indicators.update_indicator(demo_store, _secretary(demo_store), ind["id"], movement_id=target["id"])
    assert _snapshot(demo_store) == before


def test_deleting_an_indicator_with_values_is_refused_then_allowed(demo_store):
    secretary = _secretary(demo_store)
    ind = _indicator(demo_store, "Tỷ lệ văn bản đi được ký số")
    count = indicators.count_values(demo_store, indicator_id=ind["id"])
    assert count > 0
    before = _snapshot(demo_store)
    with pytest.raises(ValuesWouldBeLost) as exc:
        indicators.delete_indicator(demo_store, secretary, ind["id"])
    assert exc.value.count == count
    assert f"Chỉ tiêu “Tỷ lệ văn bản đi được ký số” đã có {count} số liệu theo năm" in str(exc.value)
    assert _snapshot(demo_store) == before
    assert indicators.delete_indicator(demo_store, secretary, ind["id"], with_values=True) == count
    assert indicators.count_values(demo_store, indicator_id=ind["id"]) == 0
    assert ind["id"] not in {i["id"] for i in indicators.list_indicators(demo_store)}
    positions = [i["position"] for i in indicators.list_indicators(demo_store, ind["movement_id"])]
    assert positions == list(range(1, len(positions) + 1))
    entry = _last_audit(demo_store)
    assert (entry["action"], entry["entity_id"], entry["detail"]) == (
        "indicator.delete",
        ind["id"],
        f"Tỷ lệ văn bản đi được ký số ({count} số liệu)",
    )


def test_indicators_can_be_reordered_within_their_movement(demo_store):
    movement = _movement(demo_store, "Văn hóa công sở")
    last = indicators.list_indicators(demo_store, movement["id"])[-1]
    indicators.move_indicator(demo_store, _secretary(demo_store), last["id"], 1)
    order = indicators.list_indicators(demo_store, movement["id"])
    assert order[0]["id"] == last["id"] and [i["position"] for i in order] == [1, 2, 3, 4]


@pytest.mark.parametrize("who", ["member", "public"])
def test_only_the_secretary_changes_definitions(demo_store, who):
    member = _member(demo_store) if who == "member" else None
    movement = indicators.list_movements(demo_store)[0]
    ind = indicators.list_indicators(demo_store, movement["id"])[0]
    before = _snapshot(demo_store)
    attempts = [
        lambda: indicators.create_movement(demo_store, member, "Phong trào mới"),
        lambda: indicators.update_movement(demo_store, member, movement["id"], name="Tên khác"),
        lambda: indicators.delete_movement(demo_store, member, movement["id"], with_values=True),
        lambda: indicators.move_movement(demo_store, member, movement["id"], 3),
        lambda: indicators.update_indicator(demo_store, member, ind["id"], name="Tên khác"),
        lambda: indicators.delete_indicator(demo_store, member, ind["id"], with_values=True),
        lambda: indicators.move_indicator(demo_store, member, ind["id"], 2),
        lambda: indicators.save_definitions(
            demo_store, member, movement["id"], indicators.DefinitionChanges([], [ind["id"]]), with_values=True
        ),
    ]
    for attempt in attempts:
        with pytest.raises(PermissionDenied, match=r"Bạn không có quyền thực hiện thao tác này\."):
            attempt()
    assert _snapshot(demo_store) == before


# -- the definitions table ------------------------------------------------------------------
def _table(store, movement_id):
    inds = indicators.list_indicators(store, movement_id)
    frame = indicators.definition_frame(inds, indicators.list_movements(store))
    return frame, frame.astype(object)  # cells as typed: text, numbers, blanks


def _add_row(edited, **cells):
    """A row added in the editor: no id."""
    edited.loc[len(edited) + 100] = {c: cells.get(c) for c in edited.columns}
    return edited


def test_definition_table_shows_direction_and_movement_in_vietnamese(demo_store):
    movement = _movement(demo_store, "Văn hóa công sở")
    frame, _ = _table(demo_store, movement["id"])
    assert list(frame.columns) == ["id", *indicators.DEFINITION_COLUMNS]
    assert set(frame["direction"]) <= {"Càng cao càng tốt", "Càng thấp càng tốt"}
    assert set(frame["movement"]) == {"Văn hóa công sở"}
    assert list(frame["position"]) == [1, 2, 3, 4]


def test_definition_table_adds_updates_deletes_in_one_go(demo_store):
    secretary = _secretary(demo_store)
    movement = _movement(demo_store, "Xóa nhà tạm")
    frame, edited = _table(demo_store, movement["id"])
    first, second = frame.index[:2]
    edited.at[first, "target_2030"] = "12,5"
    edited = edited.drop(index=second)
    _add_row(edited, name="Số hộ được hỗ trợ sửa nhà", unit_of_measure="hộ", baseline=0, target_2025=10)
    changes = indicators.definition_changes(frame, edited, movement["id"], indicators.list_movements(demo_store))
    deleted_values = indicators.count_values(demo_store, indicator_id=int(frame.at[second, "id"]))
    result = indicators.save_definitions(demo_store, secretary, movement["id"], changes, with_values=True)
    assert (result.added, result.updated, result.deleted, result.values_deleted) == (1, 1, 1, deleted_values)
    stored = indicators.list_indicators(demo_store, movement["id"])
    assert [i["name"] for i in stored][-1] == "Số hộ được hỗ trợ sửa nhà"
    new = stored[-1]
    assert (new["direction"], new["baseline_year"], new["target_2025"]) == ("higher", 2020, 10.0)  # defaults
    assert next(i for i in stored if i["id"] == frame.at[first, "id"])["target_2030"] == 12.5
    assert [i["position"] for i in stored] == list(range(1, len(stored) + 1))
    actions = [e["action"] for e in audit.entries(demo_store, limit=3)]
    assert sorted(actions) == ["indicator.add", "indicator.delete", "indicator.update"]


def test_definition_table_names_every_bad_row_and_writes_nothing(demo_store):
    movement = _movement(demo_store, "Văn hóa công sở")
    frame, edited = _table(demo_store, movement["id"])
    first, second = frame.index[:2]
    edited.at[first, "baseline"] = "nhiều"
    edited.at[second, "name"] = edited.at[first, "name"].upper()  # a case twin of row 1
    _add_row(edited, unit_of_measure="%")  # a new row without a name
    before = _snapshot(demo_store)
    with pytest.raises(DefinitionsRejected) as exc:
        indicators.definition_changes(frame, edited, movement["id"], indicators.list_movements(demo_store))
    first_name = frame.at[first, "name"]
    assert exc.value.errors == [
        f"Dòng 1 (“{first_name}”): Giá trị gốc: “nhiều” không phải là số.",
        f"Dòng 2 (“{first_name.upper()}”): trùng tên với dòng 1",
        "Dòng 5: Thiếu Tên chỉ tiêu.",
    ]
    assert str(exc.value).startswith("Chưa lưu danh mục chỉ tiêu: có 3 lỗi, chưa ghi gì vào cơ sở dữ liệu.")
    assert _snapshot(demo_store) == before


def test_definition_table_refuses_deleting_rows_with_values_until_confirmed(demo_store):
    secretary = _secretary(demo_store)
    movement = _movement(demo_store, "Văn hóa công sở")
    frame, edited = _table(demo_store, movement["id"])
    gone = frame.index[0]
    edited = edited.drop(index=gone)
    edited.at[frame.index[1], "unit_of_measure"] = "phần trăm"
    changes = indicators.definition_changes(frame, edited, movement["id"], indicators.list_movements(demo_store))
    gone_id = int(frame.at[gone, "id"])
    count = indicators.count_values(demo_store, indicator_id=gone_id)
    before = _snapshot(demo_store)
    with pytest.raises(ValuesWouldBeLost) as exc:
        indicators.save_definitions(demo_store, secretary, movement["id"], changes)
    assert exc.value.count == count
    assert f"Chỉ tiêu bị xóa “{frame.at[gone, 'name']}” có {count} số liệu theo năm: chưa lưu gì." in str(exc.value)
    assert _snapshot(demo_store) == before  # not even the unit of measure of the other row
    indicators.save_definitions(demo_store, secretary, movement["id"], changes, with_values=True)
    assert indicators.count_values(demo_store, indicator_id=gone_id) == 0
    deletion = next(e for e in audit.entries(demo_store, limit=5) if e["action"] == "indicator.delete")
    assert deletion["detail"] == f"{frame.at[gone, 'name']} ({count} số liệu)"  # what went, not 0


def test_definition_table_swaps_names_and_moves_rows(demo_store):
    secretary = _secretary(demo_store)
    movement = _movement(demo_store, "Văn hóa công sở")
    target = _movement(demo_store, "Xã hội học tập")
    frame, edited = _table(demo_store, movement["id"])
    a, b, c = frame.index[:3]
    edited.at[a, "name"], edited.at[b, "name"] = frame.at[b, "name"], frame.at[a, "name"]
    edited.at[c, "movement"] = "Xã hội học tập"
    edited.at[b, "position"] = 0  # first
    changes = indicators.definition_changes(frame, edited, movement["id"], indicators.list_movements(demo_store))
    indicators.save_definitions(demo_store, secretary, movement["id"], changes)
    stored = indicators.list_indicators(demo_store, movement["id"])
    assert [i["id"] for i in stored][:2] == [frame.at[b, "id"], frame.at[a, "id"]]
    assert (stored[0]["name"], stored[1]["name"]) == (frame.at[a, "name"], frame.at[b, "name"])
    assert indicators.list_indicators(demo_store, target["id"])[-1]["id"] == frame.at[c, "id"]


def test_definition_table_refuses_a_name_taken_in_the_database(demo_store):
    """Another session added the name meanwhile: the table's own check cannot see it."""
    movement = _movement(demo_store, "Văn hóa công sở")
    frame, edited = _table(demo_store, movement["id"])
    _add_row(edited, name="Chỉ tiêu mới")
    changes = indicators.definition_changes(frame, edited, movement["id"], indicators.list_movements(demo_store))
    indicators.add_indicator(demo_store, "phiên khác", movement["id"], "CHỈ TIÊU MỚI")
    before = _snapshot(demo_store)
    with pytest.raises(DefinitionsRejected, match=r"Dòng 5 .*đã có chỉ tiêu “CHỈ TIÊU MỚI”"):
        indicators.save_definitions(demo_store, _secretary(demo_store), movement["id"], changes)
    assert _snapshot(demo_store) == before


def test_definition_table_refuses_an_unknown_movement(demo_store):
    movement = _movement(demo_store, "Văn hóa công sở")
    frame, edited = _table(demo_store, movement["id"])
    edited.at[frame.index[0], "movement"] = "Không có"
    with pytest.raises(DefinitionsRejected, match="không có phong trào “Không có”"):
        indicators.definition_changes(frame, edited, movement["id"], indicators.list_movements(demo_store))
