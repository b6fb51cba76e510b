"""search.arabic: every spelling variant people really write reaches the same index terms."""

import string

import pytest
from hypothesis import given
from hypothesis import strategies as st

from search import arabic
from search.arabic import normalize, stem, tokenize, word_forms


def same_terms(a: str, b: str) -> bool:
    """True when two spellings of one word share a term (what a search needs to match them)."""
    fa, fb = word_forms(tokenize(a)[0]), word_forms(tokenize(b)[0])
    return fa.primary == fb.primary or not fa.weak.isdisjoint(fb.weak)


@pytest.mark.parametrize(
    ("written", "expected"),
    [
        ("أحمد إبراهيم آمال ٱلله", "احمد ابراهيم امال الله"),  # alef forms
        ("البلدية", "البلديه"),  # taa marbuta
        ("مستشفى", "مستشفي"),  # alef maksura
        ("مسؤول قائمة", "مسوول قايمه"),  # hamza on waw and ya
        ("الإلكترونيـــة", "الالكترونيه"),  # tatweel
        ("مَدْرَسَةٌ", "مدرسه"),  # diacritics
        ("٢٠١٢ ۱۲", "2012 12"),  # Arabic-Indic and Persian digits
        ("ﻻ ﺑﻠﺪﻳﺔ", "لا بلديه"),  # presentation forms
        ("Municipal PORTAL", "municipal portal"),
        ("\u200fرام الله\u200e", "رام الله"),  # right-to-left and left-to-right marks
        ("café", "cafe"),
    ],
)
def test_spelling_variants_are_folded(written, expected):
    assert normalize(written) == expected


@pytest.mark.parametrize(
    ("a", "b"),
    [
        ("الإلكترونية", "الالكترونيه"),
        ("رخصة", "رخص"),  # singular / plural
        ("المهن", "مهنة"),  # article + plural
        ("للمواطنين", "المواطن"),  # لل + sound plural
        ("والبلديات", "بلدية"),  # و + ال + plural
        ("بالهمزة", "الهمزه"),  # ب + ال
        ("مشاريع", "مشروع"),  # broken plural مفاعيل / مفعول
        ("مواقف", "موقف"),  # broken plural مفاعل
        ("أعمال", "عمل"),  # broken plural أفعال
        ("رضى", "رضا"),  # final alef maksura / alef
        ("إلكتروني", "الإلكترونية"),  # ال that belongs to the word
        ("لبلدية", "بلدية"),  # one-letter preposition
    ],
)
def test_arabic_word_variants_share_a_term(a, b):
    assert same_terms(a, b)


@pytest.mark.parametrize(("a", "b"), [("mapping", "map"), ("certificates", "certificate"), ("renewal", "renewing")])
def test_english_words_are_stemmed(a, b):
    assert stem(tokenize(a)[0]) == stem(tokenize(b)[0])


def test_unrelated_words_do_not_share_the_primary_term():
    assert stem(normalize("بلدية")) != stem(normalize("مدرسة"))
    assert stem("water") != stem("waste")


def test_mixed_text_is_split_by_script():
    assert tokenize("نظام GIS في نابلس") == ["نظام", "gis", "في", "نابلس"]
    assert tokenize("GISنابلس") == ["gis", "نابلس"]
    assert arabic.index_words("نظام GIS في نابلس") == ["نظام", "gis", "نابلس"]  # stop word out


def test_punctuation_and_emoji_give_no_words():
    assert tokenize("&|!():*'\"\\ 🙂🙂 ؟،") == []


ARABIC_LETTERS = [chr(c) for c in range(0x0621, 0x064B) if chr(c).isalpha()]
MARKS = [chr(c) for c in range(0x064B, 0x0653)] + ["\u0670", "\u0640", "\u200f", "\u200e"]
TEXT = st.text(
    alphabet=st.sampled_from(
        ARABIC_LETTERS + MARKS + list(string.ascii_letters + string.digits + " .,;!?-'\"") + list("٠١٢٣٤٥٦٧٨٩")
    ),
    max_size=60,
)


@given(st.text(max_size=80))
def test_normalisation_is_idempotent_on_any_text(text):
    once = normalize(text)
    assert normalize(once) == once


@given(TEXT)
def test_normalisation_keeps_every_meaningful_letter(text):
    def letters(s):
        return [c for c in s if c.isalnum() and c != "\u0640"]  # tatweel only stretches a line

    folded = [arabic._LETTERS.get(c, c) for c in letters(text)]
    folded = [arabic._DIGITS.get(c, c).casefold() for c in folded]
    assert letters(normalize(text)) == folded


@given(TEXT)
def test_query_and_document_see_the_same_words(text):
    assert tokenize(text) == tokenize(normalize(text))
