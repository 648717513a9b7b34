"""The conference keeps a secretary: only the secretary reaches setup, access codes, import,
minutes and backup, and the app has no other way back in. A new institution starts with one
(from `init`); demoting or deleting that person was accepted and locked everyone out."""

from __future__ import annotations

import pytest

from scoring import conference, imports
from scoring.db import open_store
from scoring.errors import ValidationError
from tests.apptest_helpers import run_app
from tests.test_setup_pages import tab, widget


def test_the_only_secretary_cannot_be_demoted_or_deleted_until_there_is_another(store):
    conference.start(store, "init", name="Hội nghị", organisation="Sở", secretary="Hồ Thị Kim Oanh")
    [oanh] = conference.list_members(store)
    with pytest.raises(ValidationError, match="“Hồ Thị Kim Oanh” là Thư ký Hội đồng duy nhất"):
        conference.update_member(store, "t", oanh["id"], role="member")
    with pytest.raises(ValidationError, match="Thư ký Hội đồng duy nhất"):
        conference.delete_member(store, "t", oanh["id"])
    conference.update_member(store, "t", oanh["id"], position="Chánh Văn phòng")  # other fields still change
    _, _ = conference.add_member(store, "t", "Phạm Văn Tú", "secretary")
    conference.update_member(store, "t", oanh["id"], role="member")
    assert [(m["full_name"], m["role"]) for m in conference.list_members(store)] == [
        ("Hồ Thị Kim Oanh", "member"),
        ("Phạm Văn Tú", "secretary"),
    ]


def test_an_import_that_leaves_no_secretary_is_refused_before_anything_is_written(store):
    conference.start(store, "init", name="Hội nghị", organisation="Sở", secretary="Hồ Thị Kim Oanh")
    upload = ("thanh-vien.csv", "Họ và tên;Vai trò\nHồ Thị Kim Oanh;Ủy viên\nLê Văn A;Chủ tịch\n".encode())
    [error] = imports.plan_import(store, [upload]).errors
    assert error.message.startswith("Sau khi nhập, Hội đồng không còn Thư ký nào (Hồ Thị Kim Oanh")


def test_a_handover_in_one_save_of_the_members_table_is_accepted(app_env, demo_codes):
    # The demo's secretary (Phạm Thị Ngọc Ánh, first in the table by given name) hands over to
    # Lê Văn Đức in one save: the rows are saved new secretary first, else the first row is refused.
    at = run_app(app_env, code=demo_codes["secretary"], page="pages/setup.py")
    names = list(tab(at, "Thành viên Hội đồng").data_editor[0].value["full_name"])
    at.session_state["members_editor_0"] = {
        "edited_rows": {
            names.index("Phạm Thị Ngọc Ánh"): {"role": "Ủy viên"},
            names.index("Lê Văn Đức"): {"role": "Thư ký Hội đồng"},
        },
        "added_rows": [],
        "deleted_rows": [],
    }
    at.run()
    widget(tab(at, "Thành viên Hội đồng"), "button", "Lưu thay đổi trong bảng").click().run()
    assert not at.exception
    assert not any("duy nhất" in e.value for e in at.error), [e.value for e in at.error]
    roles = {m["full_name"]: m["role"] for m in conference.list_members(open_store(app_env))}
    assert roles["Lê Văn Đức"] == "secretary" and roles["Phạm Thị Ngọc Ánh"] == "member"
    # She is no longer the secretary: the setup page is now refused to her, as to any member.
    assert "Bạn không có quyền thực hiện thao tác này." in [e.value for e in at.error]
