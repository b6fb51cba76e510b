"""The project's own translation catalogues, kept without GNU gettext.

Strings are found in our Python files and templates (Django's `templatize` turns a template into
gettext calls, as `makemessages` does), written into the catalogue of the app that owns the file
(`<app>/locale/ar/LC_MESSAGES/django.po`), checked for a missing Arabic translation, and compiled to
`.mo` with polib, so no system package is needed.
"""

from __future__ import annotations

import io
import tokenize
from collections import defaultdict
from dataclasses import dataclass
from pathlib import Path

import polib

ROOT = Path(__file__).resolve().parent.parent
APPS = ("hub", "hub/accounts", "hub/cooperation", "hub/places", "hub/statistics", "projects_db", "forum", "search")
TARGET_LANGUAGES = ("ar",)
SKIP_DIRS = {".venv", "var", "migrations", "node_modules", "__pycache__", "static_collected", "media"}
# Templates under these folders of templates/ belong to that app's catalogue; the rest to hub.
TEMPLATE_OWNERS = {
    "projects_db": "projects_db",
    "forum": "forum",
    "machina": "forum",
    "search": "search",
    "cooperation": "hub/cooperation",
    "statistics": "hub/statistics",
    "account": "hub/accounts",
    "accounts": "hub/accounts",
    "allauth": "hub/accounts",
}
# An entry with this extracted comment ("#.") corrects a library's Arabic (allauth's, Wagtail's) for a string the site
# shows; the project's catalogue comes before the library's, so its translation wins (hub/accounts: the account pages).
THIRD_PARTY_MARK = "Correction of a third-party Arabic translation"
PLURAL_FORMS = {
    "ar": "nplurals=6; plural=n==0 ? 0 : n==1 ? 1 : n==2 ? 2 : n%100>=3 && n%100<=10 ? 3 : n%100>=11 ? 4 : 5;",
}
# keyword -> (index of context arg or None, index of singular, index of plural or None)
KEYWORDS = {
    "_": (None, 0, None),
    "gettext": (None, 0, None),
    "gettext_lazy": (None, 0, None),
    "gettext_noop": (None, 0, None),
    "ngettext": (None, 0, 1),
    "ngettext_lazy": (None, 0, 1),
    "pgettext": (0, 1, None),
    "pgettext_lazy": (0, 1, None),
    "npgettext": (0, 1, 2),
    "npgettext_lazy": (0, 1, 2),
}


@dataclass(frozen=True)
class Message:
    msgid: str
    plural: str | None
    context: str | None
    source: str  # "path:line"


def owner_of(path: Path) -> str:
    """The app whose catalogue holds the strings of `path` (relative to the project root)."""
    parts = path.parts
    if parts[0] == "templates":
        return TEMPLATE_OWNERS.get(parts[1], "hub") if len(parts) > 2 else "hub"
    if parts[:2] == ("hub", "accounts"):
        return "hub/accounts"
    if parts[:2] == ("hub", "cooperation"):
        return "hub/cooperation"
    if parts[:2] == ("hub", "places"):
        return "hub/places"
    if parts[:2] == ("hub", "statistics"):
        return "hub/statistics"
    return parts[0] if parts[0] in APPS else "hub"


def source_files() -> list[Path]:
    """Our Python files and templates (relative paths); third-party and generated folders are skipped."""
    files = []
    for top in (*[a for a in APPS if "/" not in a], "templates"):
        for path in sorted((ROOT / top).rglob("*")):
            rel = path.relative_to(ROOT)
            if not path.is_file() or any(part in SKIP_DIRS for part in rel.parts):
                continue
            is_template = path.suffix in {".html", ".txt", ".xml"} and (top == "templates" or "templates" in rel.parts)
            if path.suffix == ".py" or is_template:
                files.append(rel)
    return files


def _python_source(rel: Path) -> str:
    text = (ROOT / rel).read_text(encoding="utf-8")
    if rel.suffix == ".py":
        return text
    from django.utils.translation.template import templatize

    return templatize(text, origin=str(rel))


def _string_value(token_text: str) -> str:
    import ast

    return ast.literal_eval(token_text)


def messages_in(rel: Path) -> list[Message]:
    """Every translatable string in one file, found by reading gettext calls in its token stream."""
    code = _python_source(rel)
    try:
        tokens = [
            t
            for t in tokenize.generate_tokens(io.StringIO(code).readline)
            if t.type not in (tokenize.NL, tokenize.NEWLINE, tokenize.COMMENT, tokenize.INDENT, tokenize.DEDENT)
        ]
    except (tokenize.TokenError, IndentationError, SyntaxError):
        return []
    found = []
    i = 0
    while i < len(tokens) - 1:
        tok = tokens[i]
        if tok.type == tokenize.NAME and tok.string in KEYWORDS and tokens[i + 1].string == "(":
            if i > 0 and tokens[i - 1].string in (".", "def"):
                i += 1
                continue
            args, j = _call_arguments(tokens, i + 2)
            ctx_i, sing_i, plural_i = KEYWORDS[tok.string]
            try:
                singular = args[sing_i]
                plural = args[plural_i] if plural_i is not None else None
                context = args[ctx_i] if ctx_i is not None else None
            except IndexError:
                singular = None
            plain = (plural is None or isinstance(plural, str)) and (context is None or isinstance(context, str))
            if isinstance(singular, str) and singular and plain:
                found.append(Message(singular, plural, context, f"{rel}:{tok.start[0]}"))
            i = j
        else:
            i += 1
    return found


def _call_arguments(tokens, start):
    """Arguments of a call as literal strings (None where an argument is not a plain string)."""
    args, current, depth, i = [], [], 0, start
    while i < len(tokens):
        t = tokens[i]
        if t.string in "([{" and t.type == tokenize.OP:
            depth += 1
        elif t.string in ")]}" and t.type == tokenize.OP:
            if depth == 0:
                args.append(_literal(current))
                return args, i + 1
            depth -= 1
        elif t.string == "," and depth == 0:
            args.append(_literal(current))
            current = []
            i += 1
            continue
        current.append(t)
        i += 1
    return args, i


def _literal(tokens) -> str | None:
    if tokens and all(t.type == tokenize.STRING for t in tokens):
        try:
            return "".join(_string_value(t.string) for t in tokens)
        except (ValueError, SyntaxError):
            return None
    return None


def collect() -> dict[str, list[Message]]:
    """All messages, grouped by the app whose catalogue owns them."""
    by_app: dict[str, list[Message]] = defaultdict(list)
    for rel in source_files():
        by_app[owner_of(rel)].extend(messages_in(rel))
    return by_app


def catalogue_path(app: str, language: str) -> Path:
    return ROOT / app / "locale" / language / "LC_MESSAGES" / "django.po"


def _load(app: str, language: str) -> polib.POFile:
    path = catalogue_path(app, language)
    if path.exists():
        return polib.pofile(str(path), wrapwidth=0)
    po = polib.POFile(wrapwidth=0)
    po.metadata = {
        "Project-Id-Version": "e-Municipality Knowledge Hub",
        "Language": language,
        "MIME-Version": "1.0",
        "Content-Type": "text/plain; charset=UTF-8",
        "Content-Transfer-Encoding": "8bit",
        "Plural-Forms": PLURAL_FORMS.get(language, "nplurals=2; plural=(n != 1);"),
    }
    return po


def extract(*, prune: bool = False) -> dict[str, int]:
    """Add new strings (empty translation) to each catalogue; with prune, drop strings no longer used."""
    added: dict[str, int] = {}
    for app, messages in collect().items():
        for language in TARGET_LANGUAGES:
            po = _load(app, language)
            keys = set()
            count = 0
            for m in messages:
                keys.add((m.msgid, m.context))
                entry = po.find(m.msgid, msgctxt=m.context) if m.context else po.find(m.msgid)
                if entry is None or (m.context is None and entry.msgctxt):
                    entry = polib.POEntry(msgid=m.msgid, msgstr="", msgctxt=m.context, occurrences=[])
                    if m.plural:
                        nplurals = int(po.metadata.get("Plural-Forms", "nplurals=2").split("=")[1].split(";")[0])
                        entry.msgid_plural = m.plural
                        entry.msgstr_plural = dict.fromkeys(range(nplurals), "")
                    po.append(entry)
                    count += 1
            if prune:  # corrections of a library's Arabic (THIRD_PARTY_MARK) are not used in our code: keep them
                for entry in [e for e in po if (e.msgid, e.msgctxt) not in keys and THIRD_PARTY_MARK not in e.comment]:
                    po.remove(entry)
            if len(po) or catalogue_path(app, language).exists():
                path = catalogue_path(app, language)
                path.parent.mkdir(parents=True, exist_ok=True)
                for entry in po:
                    entry.occurrences = []  # line numbers churn on every edit; keep diffs about text
                po.save(str(path))
            added[f"{app}:{language}"] = count
    return added


def missing() -> list[Message]:
    """Strings used in the code or templates whose Arabic translation is missing, empty or fuzzy."""
    translated: set[tuple[str, str | None]] = set()
    for app in APPS:
        for language in TARGET_LANGUAGES:
            path = catalogue_path(app, language)
            if not path.exists():
                continue
            for e in polib.pofile(str(path)):
                done = all(e.msgstr_plural.values()) if e.msgid_plural else bool(e.msgstr)
                if done and "fuzzy" not in e.flags:
                    translated.add((e.msgid, e.msgctxt))
    out = []
    for messages in collect().values():
        out.extend(m for m in messages if (m.msgid, m.context) not in translated)
    return out


def compile_all() -> list[Path]:
    """Write a `.mo` beside every `.po` of the project; return the files written."""
    written = []
    for po_path in sorted(ROOT.glob("*/locale/*/LC_MESSAGES/django.po")) + sorted(
        ROOT.glob("hub/*/locale/*/LC_MESSAGES/django.po")
    ):
        mo_path = po_path.with_suffix(".mo")
        polib.pofile(str(po_path)).save_as_mofile(str(mo_path))
        written.append(mo_path)
    return written


def apply_translations(mapping: dict[str, str | list[str]], *, language: str = "ar") -> int:
    """Fill translations by msgid (a list for plural forms) in every catalogue holding that msgid.

    A key "context\\x04msgid" targets a string with a context. Returns how many entries changed.
    """
    changed = 0
    for app in APPS:
        path = catalogue_path(app, language)
        if not path.exists():
            continue
        po = polib.pofile(str(path), wrapwidth=0)
        for entry in po:
            key = f"{entry.msgctxt}\x04{entry.msgid}" if entry.msgctxt else entry.msgid
            value = mapping.get(key)
            if value is None:
                continue
            if entry.msgid_plural:
                forms = value if isinstance(value, list) else [value]
                entry.msgstr_plural = {i: forms[min(i, len(forms) - 1)] for i in range(len(entry.msgstr_plural))}
            else:
                entry.msgstr = value if isinstance(value, str) else value[0]
            if "fuzzy" in entry.flags:
                entry.flags.remove("fuzzy")
            changed += 1
        po.save(str(path))
    return changed
