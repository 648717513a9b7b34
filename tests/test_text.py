import unicodedata

from scoring.text import clean, fold, loose, name_parts, name_sort_key, sort_names, spelling_key, text_sort_key


def test_clean_makes_nfc_and_trims():
    decomposed = unicodedata.normalize("NFD", "  Nguyễn   Văn  An ")
    assert decomposed != "Nguyễn Văn An"
    assert clean(decomposed) == "Nguyễn Văn An"
    assert unicodedata.is_normalized("NFC", clean(decomposed))


def test_fold_ignores_case_diacritics_and_encoding():
    assert fold("Đặng Quốc Hùng") == "dang quoc hung"
    assert fold(unicodedata.normalize("NFD", "NGUYỄN")) == fold("nguyễn") == "nguyen"


def test_eth_from_old_font_converters_is_the_letter_d_with_stroke():
    # "Ð" (U+00D0, Latin capital eth) looks like "Đ" (U+0110): one letter everywhere
    assert clean("\u00d0ặng Quốc Hùng") == "Đặng Quốc Hùng"
    assert clean("Xây dựng \u00f0ảng") == "Xây dựng đảng"
    assert fold("\u00d0ặng") == fold("Đặng") == "dang"


def test_loose_ignores_punctuation_and_reads_ampersand_as_va():
    stored = "Phòng Tổ chức, hành chính, thông tin, tư liệu"
    assert loose("Phòng Tổ chức - Hành chính - Thông tin - Tư liệu") == loose(stored)
    assert loose("Khoa Nhà nước & Pháp luật") == loose("Khoa Nhà nước và pháp luật")
    assert loose("Khoa Dân vận") != loose("Khoa Dân vận 2")


def test_name_parts_vietnamese_order():
    assert name_parts("Nguyễn Thị Thu Hà") == ("Nguyễn", "Thị Thu", "Hà")
    assert name_parts("An") == ("", "", "An")


def test_people_sort_by_given_name_then_middle_then_family():
    names = ["Trần Văn Bình", "Nguyễn Văn An", "Lê Thị An", "Phạm Anh", "Đỗ Ân"]
    # given names: Bình, An, An, Anh, Ân; An < Anh < Ân (ă/â after a+n…? no: letter order a < ă < â)
    assert sort_names(names) == ["Lê Thị An", "Nguyễn Văn An", "Phạm Anh", "Đỗ Ân", "Trần Văn Bình"]


def test_vietnamese_alphabet_order_d_before_dd_and_e_before_ee():
    words = ["Đông", "Dung", "Êm", "Em", "Ước", "Uyên", "Ánh", "Ảnh", "Anh"]
    ordered = sorted(words, key=text_sort_key)
    assert ordered.index("Dung") < ordered.index("Đông")
    assert ordered.index("Em") < ordered.index("Êm")
    assert ordered.index("Uyên") < ordered.index("Ước")
    # tones after the base letters: Anh < Ảnh < Ánh (ngang, hỏi, sắc)
    assert ordered.index("Anh") < ordered.index("Ảnh") < ordered.index("Ánh")


def test_sort_equal_for_nfc_and_nfd_forms():
    a = "Nguyễn Thị Ánh"
    assert name_sort_key(a) == name_sort_key(unicodedata.normalize("NFD", a))


def test_spelling_key_reads_a_final_y_as_i_but_not_in_uy_or_ay():
    assert spelling_key("Chiến sỹ thi đua cơ sở") == spelling_key("Chiến sĩ thi đua cơ sở")
    assert spelling_key("Kỹ thuật, Lý luận") == spelling_key("kĩ thuật - lí luận")
    assert spelling_key("Huy Thủy Hay") == "huy thuy hay"
