"""Vietnamese text: normalisation, folding for matching, and sorting.

Files typed on different keyboards mix composed (NFC) and decomposed (NFD)
forms of the same letter, so every stored text goes through `clean()`.
Sorting follows the Vietnamese alphabet (a ă â b c d đ e ê …) with tone marks
after the base letter, and people are ordered by given name (the last word),
then middle name, then family name, as Vietnamese lists are.
"""

from __future__ import annotations

import functools
import re
import unicodedata
from collections.abc import Iterable

_SPACES = re.compile(r"\s+")

# Letters of the Vietnamese alphabet in order; f j w z (foreign names) slot in
# where Latin puts them.
_ALPHABET = "aăâbcdđeêfghijklmnoôơpqrstuưvwxyz"
_LETTER_RANK = {letter: i for i, letter in enumerate(_ALPHABET)}
# Tone order of Vietnamese dictionaries: ngang, huyền, hỏi, ngã, sắc, nặng.
_TONE_RANK = {"\u0300": 1, "\u0309": 2, "\u0303": 3, "\u0301": 4, "\u0323": 5}


def nfc(value: str) -> str:
    return unicodedata.normalize("NFC", value)


# Old font converters (TCVN3/VNI to Unicode) type Đ/đ as the Icelandic eth Ð/ð
# (U+00D0/U+00F0), which looks the same: "Ðặng" must be the same name as "Đặng".
_LOOKALIKES = str.maketrans({"\u00d0": "\u0110", "\u00f0": "\u0111", "\u00a0": " ", "\ufeff": None})


def clean(value: object) -> str:
    """Trimmed, single-spaced, NFC text, Ð read as Đ; None becomes ''."""
    if value is None:
        return ""
    text = nfc(str(value)).translate(_LOOKALIKES)
    return _SPACES.sub(" ", text).strip()


def fold(value: object) -> str:
    """Lower case without diacritics ("Nguyễn Đức" -> "nguyen duc"), for matching
    headers and spotting duplicates, never for display."""
    return _fold_text(value) if isinstance(value, str) else _fold_text(clean(value))


@functools.lru_cache(maxsize=65536)
def _fold_text(value: str) -> str:
    """Cached: duplicate checks fold the same stored names over and over."""
    text = clean(value).lower().replace("đ", "d")
    decomposed = unicodedata.normalize("NFD", text)
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch))


def loose(value: object) -> str:
    """`fold` that also ignores punctuation and reads "&" as "và", to spot one unit
    written two ways: "Phòng Tổ chức - Hành chính" is "Phòng Tổ chức, hành chính",
    "Khoa Nhà nước & Pháp luật" is "Khoa Nhà nước và pháp luật"."""
    return " ".join(re.findall(r"[^\W_]+", fold(value).replace("&", " va ")))


# A syllable's final i is written y by older custom and many offices ("Chiến sỹ", "kỹ thuật",
# "Lý luận"); official texts write i ("Chiến sĩ thi đua"). The same word either way.
_FINAL_Y = re.compile(r"\b([bcdghklmnpqrstvx]|qu)y\b")


def spelling_key(value: object) -> str:
    """`loose` that also reads a syllable's final y as i ("Chiến sỹ thi đua" is "Chiến sĩ thi
    đua"), to find a title named in an office's file; never for people's names."""
    return _FINAL_Y.sub(r"\1i", loose(value))


def _word_key(word: str) -> tuple[tuple[int, ...], tuple[int, ...]]:
    """Letters first, tones second: "an" < "ăn" < "ân", "ba" < "bà" < "bá"."""
    letters: list[int] = []
    tones: list[int] = []
    base = ""
    marks = ""
    tone = 0

    def flush() -> None:
        if not base:
            return
        letter = unicodedata.normalize("NFC", base + marks)
        letters.append(_LETTER_RANK.get(letter, 100 + ord(letter[0])))
        tones.append(tone)

    for ch in unicodedata.normalize("NFD", word.lower()):
        if unicodedata.combining(ch):
            if ch in _TONE_RANK:
                tone = _TONE_RANK[ch]
            else:
                marks += ch
            continue
        flush()
        base, marks, tone = ch, "", 0
    flush()
    return tuple(letters), tuple(tones)


def text_sort_key(value: str) -> tuple:
    """Sort key for any Vietnamese text (unit names, titles): word by word."""
    words = clean(value).split(" ")
    return tuple(_word_key(w) for w in words)


def name_parts(full_name: str) -> tuple[str, str, str]:
    """(family, middle, given) of a Vietnamese full name."""
    words = clean(full_name).split(" ")
    if len(words) == 1:
        return "", "", words[0]
    return words[0], " ".join(words[1:-1]), words[-1]


def name_sort_key(full_name: str) -> tuple:
    """Given name, then middle name, then family name, then the whole name."""
    family, middle, given = name_parts(full_name)
    return (_word_key(given), text_sort_key(middle), _word_key(family), clean(full_name))


def sort_names(names: Iterable[str]) -> list[str]:
    return sorted(names, key=name_sort_key)


def display_sort_key(name: str, kind: str) -> tuple:
    """Collectives sort as text, individuals as people; collectives first."""
    if kind == "individual":
        return (1, name_sort_key(name))
    return (0, text_sort_key(name))
