"""Arabic and English text as the search sees it: one normalisation, one tokenizer, one light stemmer.

Everything here is a pure function used the same way at index time and at query time, so a spelling variant
of a word (أ/إ/ا, ة/ه, ى/ي, tatweel, diacritics, Arabic-Indic digits, presentation forms, capitals) always
reaches the same index terms.

Each word gives one *primary* term (its light stem) and a few *expansion* terms, stored with a lower weight:
the stem without a one-letter proclitic (و ف ب ل ك, which cannot be stripped blindly: بلدية starts with ب) and a
pattern-reduced form that brings common broken plurals to their singular (مشاريع/مشروع, مواقف/موقف, أعمال/عمل).
A query word matches a document word when their primary terms are equal (strong) or when any of their forms
meet (weak); the ranking puts strong matches first.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from functools import lru_cache

import snowballstemmer

# Letter variants folded to one form. Hamza carriers on waw/ya lose the hamza; a lone hamza (ء) stays a letter.
# These tables are the one source of the folding: Elasticsearch's character filter is generated from them
# (`char_mappings`, used by search.engines.elasticsearch.index).
LETTER_FOLDS = {
    "أ": "ا",
    "إ": "ا",
    "آ": "ا",
    "ٱ": "ا",
    "ٲ": "ا",
    "ٳ": "ا",
    "ٵ": "ا",
    "ة": "ه",
    "ۀ": "ه",
    "ە": "ه",
    "ى": "ي",
    "ی": "ي",
    "ې": "ي",
    "ئ": "ي",
    "ؤ": "و",
    "ٶ": "و",
    "ک": "ك",
    "ڪ": "ك",
}
_LETTERS = LETTER_FOLDS
DIGIT_FOLDS = {chr(0x0660 + i): str(i) for i in range(10)} | {chr(0x06F0 + i): str(i) for i in range(10)}
_DIGITS = DIGIT_FOLDS
_TRANSLATE = str.maketrans(LETTER_FOLDS | DIGIT_FOLDS)

# Marks that never carry meaning for search (inclusive code point ranges): Arabic diacritics (harakat, tanwin,
# shadda, sukun, dagger alef, Quranic marks), tatweel, bidi and joiner controls, and Latin combining accents.
STRIPPED_RANGES = [
    (0x0610, 0x061A),
    (0x064B, 0x065F),
    (0x0670, 0x0670),
    (0x0674, 0x0674),  # high hamza: NFKC writes ٵ as ا + ٴ, and ٵ is folded to ا
    (0x06D6, 0x06DC),
    (0x06DF, 0x06E8),
    (0x06EA, 0x06ED),
    (0x08D3, 0x08FF),
    (0x0640, 0x0640),  # tatweel
    (0x0300, 0x036F),  # Latin combining accents
    (0x200B, 0x200F),  # zero-width spaces and joiners, direction marks
    (0x202A, 0x202E),  # bidi embeddings and overrides
    (0x2066, 0x2069),  # bidi isolates
    (0xFEFF, 0xFEFF),
    (0x061C, 0x061C),  # Arabic letter mark
]
_STRIP = re.compile("[" + "".join(f"\\u{a:04x}-\\u{b:04x}" for a, b in STRIPPED_RANGES) + "]")
# Arabic presentation forms (ﻻ, ﺑ…): normalize() folds them with NFKC.
PRESENTATION_RANGES = [(0xFB50, 0xFDFF), (0xFE70, 0xFEFF)]

ARABIC_WORD = "[\u0621-\u063a\u0641-\u064a\u066e-\u06d3\u06d5\u06fa-\u06ff]+"
OTHER_WORD = "[^\\W_\u0600-\u06ff\u0750-\u077f\u08a0-\u08ff]+"
_TOKEN = re.compile(f"{ARABIC_WORD}|{OTHER_WORD}")
_ARABIC = re.compile(ARABIC_WORD)

MAX_WORD = 40  # longer "words" are noise (hashes, base64); they are cut, never dropped

ARABIC_STOPWORDS = frozenset(
    [
        "في",
        "من",
        "الي",
        "علي",
        "عن",
        "مع",
        "او",
        "ثم",
        "ان",
        "انه",
        "انها",
        "اذا",
        "الا",
        "التي",
        "الذي",
        "الذين",
        "اللتي",
        "هذا",
        "هذه",
        "ذلك",
        "تلك",
        "هناك",
        "هنا",
        "كل",
        "بعض",
        "غير",
        "بين",
        "حتي",
        "قد",
        "لقد",
        "كان",
        "كانت",
        "يكون",
        "ما",
        "ماذا",
        "لا",
        "لم",
        "لن",
        "هل",
        "و",
        "ف",
        "ب",
        "ل",
        "ك",
        "هو",
        "هي",
        "هم",
        "هن",
        "نحن",
        "انا",
        "انت",
        "عند",
        "عندما",
        "كما",
        "لكن",
        "بل",
        "اي",
        "ايضا",
        "منذ",
        "خلال",
        "حول",
        "ضمن",
        "دون",
        "لدي",
        "الي",
        "عبر",
    ]
)
ENGLISH_STOPWORDS = frozenset(
    [
        "a",
        "an",
        "and",
        "are",
        "as",
        "at",
        "be",
        "by",
        "for",
        "from",
        "has",
        "have",
        "in",
        "is",
        "it",
        "its",
        "of",
        "on",
        "or",
        "that",
        "the",
        "their",
        "this",
        "to",
        "was",
        "were",
        "will",
        "with",
        "we",
        "our",
        "you",
        "your",
        "how",
        "what",
        "do",
        "does",
    ]
)

_ENGLISH = snowballstemmer.stemmer("english")


def normalize(text: str) -> str:
    """Fold spelling variants: the same text in, the same text out, at index and at query time (idempotent)."""
    previous = None
    # A second pass is needed only when stripping a mark lets Unicode compose two neighbours; it converges fast.
    for _ in range(4):
        if text == previous:
            break
        previous = text
        text = unicodedata.normalize("NFKC", text)
        text = _STRIP.sub("", unicodedata.normalize("NFD", text))
        text = unicodedata.normalize("NFC", text.translate(_TRANSLATE).casefold())
    return text


def char_mappings() -> dict[str, str]:
    """Every single character `normalize` rewrites by the tables above, and what it becomes (possibly nothing):
    the letter and digit folds, the stripped marks, and the Arabic presentation forms. A presentation form
    whose folded form holds a space (ligatures of whole phrases such as ﷺ) is left out: a character map
    cannot split a token, and those are not words anyone searches for."""
    chars = [*LETTER_FOLDS, *DIGIT_FOLDS]
    for start, end in STRIPPED_RANGES + PRESENTATION_RANGES:
        chars += [chr(code) for code in range(start, end + 1) if unicodedata.category(chr(code)) != "Cn"]
    mappings = {}
    for char in chars:
        folded = normalize(char)  # what the Python side really does with it, by construction the same
        if folded != char and not any(c.isspace() for c in folded):
            mappings[char] = folded
    return mappings


def tokenize(text: str) -> list[str]:
    """Normalised words, Arabic and non-Arabic runs split apart ("GISنابلس" gives two words)."""
    return [word[:MAX_WORD] for word in _TOKEN.findall(normalize(text))]


def is_arabic(word: str) -> bool:
    return bool(_ARABIC.fullmatch(word))


def is_stopword(word: str) -> bool:
    return word in ARABIC_STOPWORDS or word in ENGLISH_STOPWORDS


# Light stemming (after normalize, so ة is ه and ى is ي). Prefixes that always are clitics when the rest
# is long enough: the article and the article with a preposition or conjunction.
_PREFIXES = ("وبال", "وكال", "فبال", "ولل", "فلل", "وال", "فال", "بال", "كال", "لل", "ال")
_PROCLITICS = "وفبلك"  # one letter; stripped only as a weak (expansion) form
_SUFFIXES = (
    "هما",
    "كما",
    "تين",
    "تان",
    "يين",
    "ات",
    "ون",
    "ين",
    "ان",
    "يه",
    "ها",
    "هم",
    "هن",
    "كم",
    "نا",
    "ه",
    "ي",
)


def _strip_affixes(word: str) -> str:
    for prefix in _PREFIXES:
        if word.startswith(prefix) and len(word) - len(prefix) >= 2:
            word = word[len(prefix) :]
            break
    return _strip_suffixes(word)


def _strip_suffixes(word: str) -> str:
    changed = True
    # Suffixes can stack (مشاريعها, البلديات): strip while a stem of three letters or more remains.
    while changed:
        changed = False
        for suffix in _SUFFIXES:
            if word.endswith(suffix) and len(word) - len(suffix) >= 3:
                word = word[: -len(suffix)]
                changed = True
                break
    return word


def _pattern(stem: str) -> str:
    """Reduce common broken-plural and derived patterns to three or four letters (a weak form)."""
    n = len(stem)
    if n == 4 and stem[0] == "ا":  # افعل / اجهز (أجهزة)
        return stem[1:]
    if n == 5 and stem[0] == "ا" and stem[3] == "ا":  # افعال: اعمال → عمل
        return stem[1:3] + stem[4]
    if n == 4 and stem[2] in "اوي":  # فعال / فعول / فعيل: جبال → جبل, دروس → درس, كبير → كبر
        return stem[:2] + stem[3]
    if n == 5 and stem[2] == "ا":  # مفاعل / فواعل / فعائل: مواقف → موقف, رسايل → رسيل
        return stem[:2] + stem[3:]
    if n == 5 and stem[3] in "وي":  # مفعول / مفعيل: مشروع → مشرع
        return stem[:3] + stem[4]
    if n == 6 and stem[2] == "ا" and stem[4] == "ي":  # مفاعيل: مشاريع → مشرع
        return stem[:2] + stem[3] + stem[5]
    return stem


@dataclass(frozen=True)
class Forms:
    """The index terms of one word: `primary` (strong) and `weak` (expansions, including primary itself)."""

    primary: str
    weak: frozenset[str]


@lru_cache(maxsize=65536)
def word_forms(word: str) -> Forms:
    """Terms for one normalised word (a token from `tokenize`)."""
    if not is_arabic(word):
        if word.isdigit():
            return Forms(word, frozenset({word}))
        stem = _ENGLISH.stemWord(word)
        return Forms(stem, frozenset({stem}))
    primary = _strip_affixes(word)
    weak = {primary, _pattern(primary)}
    if word.startswith("ال") and not primary.startswith("ال"):
        # ال may belong to the word itself (الكتروني, إلكتروني): keep the form without the prefix stripped too.
        weak.add(_strip_suffixes(word))
    if primary.endswith("ا") and len(primary) >= 3:
        weak.add(primary[:-1] + "ي")  # final alef and alef maksura are written for each other (رضا / رضى)
    if word[0] in _PROCLITICS and len(word) >= 4:
        rest = _strip_affixes(word[1:])
        weak.update((rest, _pattern(rest)))
    return Forms(primary, frozenset(weak))


def stem(word: str) -> str:
    """The primary (light) stem of one normalised word."""
    return word_forms(word).primary


def index_words(text: str) -> list[str]:
    """The words of `text` that go into the index (stop words left out), normalised, in order."""
    return [word for word in tokenize(text) if not is_stopword(word)]
