"""The English words a reader sees on a page: text nodes and the attributes that are read
out or shown (title, alt, placeholder, aria-label, a button's value), not what is inside
<code>, <script>, <style> or a text area (the reader's own text), nor what is marked as
English on purpose (lang="en": the language menu's "English", the certificate's English
half), not URLs, e-mail addresses, time-zone names (Asia/Shanghai) or tokens with digits
(2025, SL-2025-1)."""

import re
from html.parser import HTMLParser
from pathlib import Path

SKIPPED_ELEMENTS = {"code", "kbd", "samp", "script", "style", "textarea", "template"}
READ_ATTRIBUTES = {"title", "alt", "placeholder", "aria-label"}
VOID = {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track", "wbr"}

# Whole whitespace-separated tokens that are not words: addresses, zone names, paths, codes.
NOT_WORDS = re.compile(
    r"(?:https?://|www\.|mailto:)\S*"  # URLs
    r"|\S+@\S+"  # e-mail addresses
    r"|(?<!\S)/\S*"  # paths
    r"|\b(?:[A-Z][A-Za-z_+-]*/)+[A-Za-z_+0-9-]+\b"  # zone names: Asia/Shanghai, Etc/GMT+12
    r"|\S*\d\S*"  # anything with a digit: years, references, sizes, offsets
    r"|[\w.-]*\.(?:ics|csv|xlsx|pdf|md|json|yml)\b"  # file names and extensions
    r"|\b[\w-]+\.(?:org|com|net|io|dev|tech|events)\b"  # site names: confs.tech
)
WORD = re.compile(r"[A-Za-z]{2,}")
# Chinese puts no space after a full stop (or ！？；): "。 下面" reads as a stray gap.
STRAY_SPACE = re.compile(r"[。！？；]\s+(?=[^\s<·|])")

ALLOWED_FILE = Path(__file__).resolve().parents[2] / "locale" / "zh_Hans" / "english_allowed.txt"


# Texts Django's admin templates write in English whatever the language (not in any
# catalogue): the search button's icon and the yes/no icons of a boolean column.
DJANGO_HARD_CODED = {("alt", "Search"), ("alt", "True"), ("alt", "False"), ("alt", "None")}


def allowed_words():
    """The allow-list: one word (or a phrase, with spaces) a line, '#' starts a comment;
    compared case-sensitively. Returns (words, phrases)."""
    words, phrases = set(), set()
    for line in ALLOWED_FILE.read_text(encoding="utf-8").splitlines():
        entry = line.split("#", 1)[0].strip()
        if " " in entry:
            phrases.add(entry)
        elif entry:
            words.add(entry)
    return words, phrases


def words_in(text, phrases=()):
    for phrase in phrases:
        text = text.replace(phrase, " ")
    return WORD.findall(NOT_WORDS.sub(" ", text))


class _Visible(HTMLParser):
    def __init__(self, phrases):
        super().__init__(convert_charrefs=True)
        self.phrases = phrases
        self.stack = []  # (tag, marked English)
        self.found = []  # (word, the text it was in)

    def _skipping(self):
        return any(tag in SKIPPED_ELEMENTS or english for tag, english in self.stack)

    def handle_starttag(self, tag, attrs):
        attributes = dict(attrs)
        english = (attributes.get("lang") or "").lower().startswith("en") and tag != "html"
        if not self._skipping() and not english:
            for name, value in attrs:
                if value and name in READ_ATTRIBUTES and (name, value) not in DJANGO_HARD_CODED:
                    self._collect(value)
            if tag == "input" and attributes.get("type") in {"submit", "button", "reset"}:
                self._collect(attributes.get("value") or "")
        if tag not in VOID:
            self.stack.append((tag, english))

    def handle_startendtag(self, tag, attrs):
        self.handle_starttag(tag, attrs)
        if tag not in VOID and self.stack and self.stack[-1][0] == tag:
            self.stack.pop()

    def handle_endtag(self, tag):
        if any(open_tag == tag for open_tag, _english in self.stack):
            while self.stack and self.stack.pop()[0] != tag:
                pass

    def handle_data(self, data):
        if not self._skipping():
            self._collect(data)
            if STRAY_SPACE.search(data):
                self.found.append(("。␠", " ".join(data.split())[:120]))

    def _collect(self, text):
        for word in words_in(text, self.phrases):
            self.found.append((word, " ".join(text.split())[:120]))


def visible_english(html, allowed, phrases=()):
    """[(word, context)] for each English word on the page that is not allowed."""
    parser = _Visible(phrases)
    parser.feed(html)
    parser.close()
    return [(word, context) for word, context in parser.found if word not in allowed]
