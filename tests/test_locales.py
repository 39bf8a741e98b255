"""The texts themselves: both languages say the same things, and the Russian one holds no English
words, codes or ids (many readers are 65–80)."""

from __future__ import annotations

import re
from pathlib import Path

from fluent.syntax import ast, parse
from fluent.syntax.visitor import Visitor

LOCALES = Path(__file__).parent.parent / "locales"

# Latin words a Russian reader meets in the texts on purpose: names of things as their screens
# show them, and the two words of the language switch, written in both languages.
ALLOWED = {"Telegram", "Excel", "XLSX", "PDF", "WhatsApp", "English", "Choose", "language"}
# Texts that show an example of what the admin's own spreadsheet holds (a center's code column)
# or of a link, and the names of files.
EXAMPLES = {
    "registry-bad-code",
    "registry-file-name",
    "registry-errors-file",
    "mycenter-hint-link",
    "input-bad-link",
    "media-bad-link",
    "registry-not-xlsx",  # the file type as Excel names it: «Книга Excel (*.xlsx)»
    "lang-choose",
    "cmd-lang",
}


def messages(lang: str) -> dict[str, ast.Message]:
    found: dict[str, ast.Message] = {}
    for path in sorted((LOCALES / lang).glob("*.ftl")):
        resource = parse(path.read_text(encoding="utf-8"))
        junk = [e for e in resource.body if isinstance(e, ast.Junk)]
        assert not junk, f"{path.name}: {(junk[0].content or '')[:80]}"
        for entry in resource.body:
            if isinstance(entry, ast.Message):
                assert entry.id.name not in found, f"{entry.id.name} twice"
                found[entry.id.name] = entry
    return found


def shown_text(message: ast.Message) -> str:
    """What a reader sees of a message: its text elements, without variables, selectors' keys,
    commands, @names, links and HTML tags."""
    parts: list[str] = []

    class Texts(Visitor):
        def visit_TextElement(self, node: ast.TextElement) -> None:
            parts.append(node.value)

    Texts().visit(message)
    text = " ".join(parts)
    text = re.sub(r"<[^>]+>", " ", text)
    text = re.sub(r"https?://\S+|\b[\w.-]+\.(?:me|com|ru)\b\S*", " ", text)
    return re.sub(r"/[a-z_]+|@\w+", " ", text)


def test_both_languages_have_the_same_texts():
    ru, en = messages("ru"), messages("en")
    assert sorted(set(ru) - set(en)) == [] and sorted(set(en) - set(ru)) == []


def test_the_russian_texts_hold_no_english_words_or_codes():
    offending = {}
    for key, message in messages("ru").items():
        if key in EXAMPLES:
            continue
        words = set(re.findall(r"[A-Za-z][A-Za-z_]+", shown_text(message))) - ALLOWED
        if words:
            offending[key] = sorted(words)
    assert offending == {}
