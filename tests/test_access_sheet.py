"""The printable access sheet: one card per member, codes and QR links, A4."""

from __future__ import annotations

import re

import pytest

from scoring import access_sheet
from scoring.errors import ValidationError
from scoring.qr import qr_svg

CARDS = [
    {"full_name": "Lê Văn Đức", "role": "member", "position": "Phó Hiệu trưởng", "code": "K7PQ-4QXM-9M2T"},
    {"full_name": "Phạm Thị <Ngọc> Ánh", "role": "secretary", "position": "", "code": "ABCD-EFGH-JKMN"},
]


def test_each_member_gets_a_card_with_code_and_qr_link():
    page = access_sheet.build_html("Hội nghị điển hình tiên tiến", "http://192.168.1.10:8501/", CARDS)
    assert page.count('class="card"') == 2
    assert page.count("<svg") == 2
    assert "Lê Văn Đức" in page and "Ủy viên · Phó Hiệu trưởng" in page and "K7PQ-4QXM-9M2T" in page
    assert "http://192.168.1.10:8501/login?code=K7PQ-4QXM-9M2T" in page
    assert "Phạm Thị &lt;Ngọc&gt; Ánh" in page and "<Ngọc>" not in page  # names are escaped
    assert "size: A4" in page and 'charset="utf-8"' in page
    assert not re.search(r"(src|href)=\"https?://", page)  # standalone: nothing fetched when printed offline


def test_the_cards_are_vietnamese_whatever_the_secretarys_screen_language():
    # Printed from an English screen, the cards read "Council secretary", "Access code:".
    from scoring import i18n

    i18n.set_language("en")
    try:
        page = access_sheet.build_html("HN", "http://localhost:8501", CARDS)
    finally:
        i18n.set_language("vi")
    assert "Ủy viên · Phó Hiệu trưởng" in page and "Thư ký Hội đồng" in page
    assert "Access code" not in page and "Council" not in page


def test_the_qr_encodes_the_login_link():
    link = access_sheet.login_link("http://localhost:8501", "K7PQ-4QXM-9M2T")
    page = access_sheet.build_html("HN", "http://localhost:8501", CARDS[:1])
    assert qr_svg(link, scale=4) in page  # segno is deterministic: this is the QR of exactly that link
    assert qr_svg(link + "x", scale=4) not in page


@pytest.mark.parametrize("bad", ["192.168.1.10:8501", "ftp://host", "http://", "http://host/?x=1"])
def test_bad_join_urls_are_refused_in_vietnamese(bad):
    with pytest.raises(ValidationError, match="không hợp lệ"):
        access_sheet.clean_join_url(bad)


def test_join_url_defaults_to_localhost():
    assert access_sheet.clean_join_url("") == "http://localhost:8501"
    assert access_sheet.clean_join_url(" https://hoinghi.truong.vn/app/ ") == "https://hoinghi.truong.vn/app"
    # A member's login link pasted as the address: the links add /login themselves, not twice.
    assert access_sheet.clean_join_url("http://192.168.1.10:8501/login/") == "http://192.168.1.10:8501"
    assert access_sheet.login_link("http://192.168.1.10:8501/login", "AB") == "http://192.168.1.10:8501/login?code=AB"
