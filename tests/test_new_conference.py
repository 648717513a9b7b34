"""A new institution starts its own conference: `python -m scoring init` with its
name and secretary, and the app then opens that conference, not the demo."""

from __future__ import annotations

import re

import pytest
import streamlit as st

from scoring import cli, conference
from scoring.db import Store, forget_store
from scoring.errors import ValidationError
from tests.apptest_helpers import page_text, run_app

NAME = "Hội nghị điển hình tiên tiến ngành Giáo dục tỉnh Phú Yên"
ORGANISATION = "Sở Giáo dục và Đào tạo tỉnh Phú Yên"


@pytest.fixture
def new_db(tmp_path, monkeypatch, capsys):
    path = tmp_path / "phu-yen.db"
    args = ["--db", str(path), "init", "--conference", NAME, "--organisation", ORGANISATION]
    assert cli.main([*args, "--secretary", "Trần Thị Bích Vân"]) == 0
    code = re.search(r"mã: (\S+)", capsys.readouterr().out).group(1)
    monkeypatch.setenv("HOI_NGHI_DB", str(path))
    st.cache_resource.clear()
    yield path, code
    st.cache_resource.clear()
    forget_store(path)


def test_init_needs_a_name_and_a_secretary_and_keeps_an_existing_file(tmp_path, capsys):
    path = tmp_path / "x.db"
    assert cli.main(["--db", str(path), "init"]) == 2
    assert "--secretary" in capsys.readouterr().err and not path.exists()
    assert cli.main(["--db", str(path), "init", "--conference", NAME, "--secretary", "A"]) == 0
    assert cli.main(["--db", str(path), "init", "--conference", NAME, "--secretary", "B"]) == 1
    assert "Dùng --force" in capsys.readouterr().err


def test_the_app_opens_the_new_conference_and_its_secretary_signs_in(new_db):
    path, code = new_db
    at = run_app(path)
    assert not at.exception
    text = page_text(at)
    assert NAME in text and ORGANISATION in text
    assert "Khánh Hòa" not in text  # the demo was not loaded into it
    store = Store(path)
    assert store.scalar("SELECT COUNT(*) FROM units") == 0 and store.scalar("SELECT COUNT(*) FROM rounds") == 0
    signed_in = run_app(path, code=code)
    assert "Đang đăng nhập: Trần Thị Bích Vân (Thư ký Hội đồng)" in [c.value for c in signed_in.sidebar.caption]
    setup = run_app(path, code=code, page="pages/setup.py")  # the secretary's pages are open to her
    assert not setup.exception and "Thiết lập hội nghị" in page_text(setup)


def test_a_second_conference_is_refused_in_the_same_file(new_db):
    path, _ = new_db
    with pytest.raises(ValidationError, match="đã có hội nghị"):
        conference.start(Store(path), "x", name="Khác", organisation="", secretary="Ai đó")


def test_a_new_conference_says_what_is_not_there_yet(new_db):
    # The home page showed the programme's heading over nothing; the indicators page showed filters,
    # "tracked for the whole institution only" and an empty summary table with download buttons.
    path, code = new_db
    home = run_app(path)
    assert "Chưa có chương trình" in page_text(home)
    public = run_app(path, page="pages/indicators.py")
    assert not public.exception
    text = page_text(public)
    assert "Chưa có chỉ tiêu phong trào thi đua nào." in text
    assert "chỉ theo dõi cho toàn cơ quan" not in text
    assert not public.dataframe and not public.get("download_button")
    secretary = run_app(path, code=code, page="pages/indicators.py")
    assert not secretary.exception
    assert "Danh mục phong trào và chỉ tiêu" in page_text(secretary)  # where she adds them


def test_a_conference_without_an_organisation_shows_no_stray_rule(tmp_path, monkeypatch, capsys):
    # --organisation is optional: the home page wrote "****", which Markdown draws as a horizontal rule.
    path = tmp_path / "khong-co-co-quan.db"
    assert cli.main(["--db", str(path), "init", "--conference", NAME, "--secretary", "Trần Thị Bích Vân"]) == 0
    monkeypatch.setenv("HOI_NGHI_DB", str(path))
    st.cache_resource.clear()
    try:
        at = run_app(path)
        assert not at.exception
        assert "****" not in [m.value for m in at.markdown]
        assert NAME in page_text(at)
    finally:
        st.cache_resource.clear()
        forget_store(path)
