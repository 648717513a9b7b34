import unicodedata

from scoring.text import clean, fold, name_parts, name_sort_key, sort_names, text_sort_key


def test_clean_makes_nfc_and_trims():
    decomposed = unicodedata.normalize("NFD", "  Nguyễn   Văn  An ")
    assert decomposed != "Nguyễn Văn An"
    assert clean(decomposed) == "Nguyễn Văn An"
    assert unicodedata.is_normalized("NFC", clean(decomposed))


def test_fold_ignores_case_diacritics_and_encoding():
    assert fold("Đặng Quốc Hùng") == "dang quoc hung"
    assert fold(unicodedata.normalize("NFD", "NGUYỄN")) == fold("nguyễn") == "nguyen"


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
