"""The English catalogue: complete, with the same placeholders as the Vietnamese
texts, and really in English."""

from __future__ import annotations

import re
import string
import unicodedata
from pathlib import Path

from scoring.i18n import MESSAGES

ROOT = Path(__file__).resolve().parent.parent
VI = MESSAGES["vi"]
EN = MESSAGES["en"]

# Vietnamese only on purpose: the texts of the official files (vote-count minutes, scoring summary,
# ranking exports), which scoring/exports.py and scoring/minutes.py always render with
# FILE_LANG = "vi" whatever the screen's language (national motto, document headings, ...).
VI_ONLY_PREFIXES = ("doc.", "exp.", "min.", "sum.")
VI_ONLY_FILES = {"scoring/exports.py", "scoring/minutes.py"}

# English texts that quote Vietnamese on purpose: headers and values as they are written in the
# Vietnamese import templates, and Vietnamese title names kept in parentheses.
QUOTES_VIETNAMESE = {
    "imp.titles_note",  # the template's "Danh hiệu đề nghị" column; Vietnamese title names
    "imp.err.bad_kind",  # "Tập thể" / "Cá nhân" as written in the file
    "imp.err.bad_unit_kind",  # Khoa, Phòng, Đoàn thể, Khác as written in the file
    "imp.err.bad_role",  # council roles as written in the file
    "ind.import_help",  # the template's Vietnamese column headers
}

# Letters only Vietnamese uses (precomposed, after NFC), and combining marks left over after NFC.
VIETNAMESE_LETTERS = re.compile("[ăâđêôơưĂÂĐÊÔƠƯ\u1ea0-\u1ef9\u0300-\u036f]")


def _placeholders(text: str) -> set[str]:
    return {name for _, name, _, _ in string.Formatter().parse(text) if name is not None}


def _is_vi_only(key: str) -> bool:
    return key.startswith(VI_ONLY_PREFIXES)


def test_every_vietnamese_text_has_an_english_one():
    missing = [key for key in VI if key not in EN and not _is_vi_only(key)]
    assert missing == []


def test_no_english_text_without_a_vietnamese_one():
    assert [key for key in EN if key not in VI] == []


def test_vietnamese_only_keys_are_used_only_for_the_official_files():
    """The allow-list must not hide a text shown on screen: those keys appear only in the
    file builders, and there only through their FILE_LANG helper `_t`, never the screen's `t`."""
    assert all(any(key.startswith(prefix) for key in VI) for prefix in VI_ONLY_PREFIXES), "stale prefix"
    prefixes = "|".join(re.escape(p) for p in VI_ONLY_PREFIXES)
    key_literal = re.compile(rf"""["']((?:{prefixes})[A-Za-z0-9_.]*)["']""")
    screen_call = re.compile(rf"""\bt\(\s*f?["']((?:{prefixes})[A-Za-z0-9_.]*)""")
    offenders: dict[str, list[str]] = {}
    for path in [ROOT / "app.py", *(ROOT / "pages").rglob("*.py"), *(ROOT / "scoring").glob("*.py")]:
        name = str(path.relative_to(ROOT))
        if name == "scoring/i18n.py":
            continue
        source = path.read_text(encoding="utf-8")
        found = screen_call.findall(source) if name in VI_ONLY_FILES else key_literal.findall(source)
        if found:
            offenders[name] = found
    assert offenders == {}


def test_placeholders_are_the_same_in_both_languages():
    differ = {
        key: (sorted(_placeholders(VI[key])), sorted(_placeholders(text)))
        for key, text in EN.items()
        if key in VI and _placeholders(VI[key]) != _placeholders(text)
    }
    assert differ == {}


def test_english_texts_are_not_vietnamese():
    vietnamese = {
        key: text
        for key, text in EN.items()
        if key not in QUOTES_VIETNAMESE and VIETNAMESE_LETTERS.search(unicodedata.normalize("NFC", text))
    }
    assert vietnamese == {}


def test_english_texts_that_quote_vietnamese_are_still_translated():
    """Each allow-listed text does quote Vietnamese (else it leaves the list) and is not the Vietnamese one."""
    assert {key for key in QUOTES_VIETNAMESE if not VIETNAMESE_LETTERS.search(EN.get(key, ""))} == set()
    assert {key for key in QUOTES_VIETNAMESE if EN[key] == VI[key]} == set()


def test_no_english_text_is_a_copy_of_the_vietnamese_one():
    """Catches an untranslated text without diacritics ("Khoa"); texts made only of placeholders
    and symbols ("{file} · {kind}") may be the same in both languages."""
    copies = [
        key
        for key, text in EN.items()
        if text == VI.get(key) and re.search(r"[^\W\d_]", re.sub(r"\{[^{}]*\}", "", text))
    ]
    assert copies == []


def test_an_empty_text_shows_as_empty_not_as_its_key():
    from scoring.i18n import t

    assert t("setup.quota_short.none", "vi") == ""
    assert t("no.such.key", "vi") == "no.such.key"


def _validation_labels() -> list[tuple[str, int, object]]:
    """(file, line, label node) of every field label given to scoring.validation."""
    import ast

    found = []
    for path in sorted((ROOT / "scoring").glob("*.py")):
        tree = ast.parse(path.read_text(encoding="utf-8"))
        for node in ast.walk(tree):
            if not isinstance(node, ast.Call) or len(node.args) < 2:
                continue
            func = node.func
            name = func.attr if isinstance(func, ast.Attribute) else getattr(func, "id", "")
            owner = func.value.id if isinstance(func, ast.Attribute) and isinstance(func.value, ast.Name) else ""
            if name in {"text", "number", "integer", "choice"} and owner in {"v", "validation", ""}:
                found.append((path.name, node.lineno, node.args[1]))
    return found


def test_field_labels_in_error_messages_come_from_the_catalogue():
    """A label typed as Vietnamese text would show in an English message too (and a
    bare column name like "name" would show to everyone): labels are catalogue keys."""
    labels = _validation_labels()
    assert len(labels) > 50  # the check sees the calls it is about
    for file, line, node in labels:
        literal = getattr(node, "value", None)
        assert not (isinstance(literal, str) and literal not in VI), f"{file}:{line}: {literal!r} is not a key"
        if type(node).__name__ == "JoinedStr":  # only a key built from a key prefix ("setup.conf.{k}")
            prefix = getattr(node.values[0], "value", "")
            assert re.fullmatch(r"[a-z_]+(\.[a-z_]+)*\.", str(prefix)), f"{file}:{line}: an f-string label"
            assert any(key.startswith(prefix) for key in VI), f"{file}:{line}: no key starts with {prefix!r}"


def test_a_validation_message_names_the_field_in_the_language_asked(store):
    from scoring import conference
    from scoring.errors import ValidationError

    for call in (
        lambda: conference.add_unit(store, "thư ký", "  "),
        lambda: conference.save_conference(store, "thư ký", name=""),
    ):
        try:
            call()
        except ValidationError as exc:
            vi, en = exc.message("vi"), exc.message("en")
        else:
            raise AssertionError("an empty name was accepted")
        assert vi.startswith("Thiếu Tên") and "name" not in vi
        assert en.endswith("name is missing.") and not VIETNAMESE_LETTERS.search(en)


def test_each_thread_keeps_its_own_language():
    # The app serves every browser tab from threads of one process: an English tab
    # must not turn a Vietnamese tab's page English halfway through, nor the reverse.
    import threading

    from scoring import i18n

    english_set, vietnamese_set = threading.Event(), threading.Event()
    seen = {}

    def english_tab() -> None:
        i18n.set_language("en")
        english_set.set()
        vietnamese_set.wait(5)
        seen["en"] = i18n.t("nav.home")

    def vietnamese_tab() -> None:
        english_set.wait(5)
        i18n.set_language("vi")
        vietnamese_set.set()
        seen["vi"] = i18n.t("nav.home")

    threads = [threading.Thread(target=english_tab), threading.Thread(target=vietnamese_tab)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(5)
    assert seen == {"en": "Home", "vi": "Trang chủ"}


def test_a_thread_never_told_its_language_asks_the_source():
    # A fragment's rerun may start on a fresh thread: it speaks its session's language.
    import threading

    from scoring import i18n

    seen = []
    i18n.set_language_source(lambda: "en")
    try:
        thread = threading.Thread(target=lambda: seen.append(i18n.t("nav.home")))
        thread.start()
        thread.join(5)
    finally:
        i18n.set_language_source(None)
    assert seen == ["Home"]
    assert i18n.t("nav.home") == "Trang chủ"  # this thread was told: Vietnamese


# Words that assume a school where any institution's staff, units or whole body are meant (QA from a
# provincial department and a hospital). The demo conference is a school's, but that is data, not text.
SCHOOL_ONLY = {
    "vi": re.compile(r"(?i)\b(toàn trường|cả trường|nhà trường|giảng viên|học viên)\b|(?<!cán bộ, )\bviên chức\b"),
    "en": re.compile(r"(?i)\b(school|faculty|faculties|lecturers?|teachers?|students?)\b"),
}


def test_no_text_assumes_the_institution_is_a_school():
    found = [
        (lang, key, text)
        for lang in ("vi", "en")
        for key, text in MESSAGES[lang].items()
        if SCHOOL_ONLY[lang].search(text)
    ]
    assert found == []
