"""One Chinese term per concept: the catalogue follows the glossary (locale/zh_Hans/glossary.tsv)."""

import re
from pathlib import Path

import polib

LOCALE = Path(__file__).resolve().parents[2] / "locale" / "zh_Hans"
CATALOGUE = LOCALE / "LC_MESSAGES" / "django.po"
GLOSSARY = LOCALE / "glossary.tsv"
# Placeholders, markup and code are not words of the text.
NOT_TEXT = re.compile(r"%\([^)]+\)[sdif]|\{[^}]*\}|<[^>]+>|`[^`]*`")

# Where grammar or meaning needs another word: (English term, msgid) → why.
EXCEPTIONS = {
    # "triage" as a verb: coordinators 处理 a proposal; 待处理 names the page and the queue.
    ("triage", "Only coordinators may triage proposals."),
    ("triage", "%(count)d proposed event awaits triage"),
    # A value offered by a tracker, not a member's proposal.
    ("proposed", "proposed by the source"),
    # The kinds of entry that need no visa at all.
    ("visa", "Visa free"),
    ("visa", "Visa on arrival"),
    ("visa", "days without a visa"),
    ("visa", "For visa free: how many days."),
    # A tracker's proper name.
    ("deadline", "Python Deadlines (YAML)"),
    # The CSV's column names are codes, kept in English.
    ("event", "Header row: event, person, category, description, amount, currency, person_trips."),
    # Calendar entries (日程) and a site's name, not the group's events.
    ("event", "Conferences the working group follows, as all-day events."),
    ("event", "developers.events CFPs (all-cfps.json)"),
    ("event", "%(series)s %(year)s is already on the calendar: %(name)s (/events/%(pk)s/)."),
    # The reason of an approver's decision, not a member's comment on an event.
    ("comment", "Comment"),
    ("comment", "decision comment"),
    # "To contact" is a verb (待联系); a member's contact details are 联系方式.
    ("contact", "To contact"),
    # "your time" reads 本地时间.
    ("time zone", "In your time zone"),
    # The plan writes 闪电讲, not 闪电演讲.
    ("talk", "Lightning talk"),
}


def glossary():
    terms = []
    for line in GLOSSARY.read_text(encoding="utf-8").splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        english, chinese = line.split("\t")[:2]
        terms.append((english.strip(), chinese.strip()))
    return terms


def _pattern(english):
    # The term as a word, plural included; "trip" is not found in "person-trip".
    return re.compile(r"(?<![-\w])" + re.escape(english) + r"s?(?![-\w])", re.IGNORECASE)


def test_glossary_lists_each_english_term_once_with_one_chinese_term():
    terms = glossary()
    english = [term.lower() for term, _chinese in terms]
    assert len(english) == len(set(english))
    assert all(chinese for _english, chinese in terms)
    assert ("action item", "待办事项") in terms
    assert ("triage", "待处理") in terms


def test_catalogue_uses_the_glossarys_chinese_term():
    catalogue = polib.pofile(str(CATALOGUE))
    entries = [entry for entry in catalogue if not entry.obsolete and entry.translated()]
    departures = []
    for english, chinese in glossary():
        pattern = _pattern(english)
        for entry in entries:
            if (english, entry.msgid) in EXCEPTIONS or not pattern.search(NOT_TEXT.sub(" ", entry.msgid)):
                continue
            targets = entry.msgstr_plural.values() if entry.msgid_plural else [entry.msgstr]
            if not all(chinese in target for target in targets):
                departures.append((english, chinese, entry.msgid, next(iter(targets))))
    assert departures == []


def test_every_exception_is_still_needed():
    catalogue = {entry.msgid for entry in polib.pofile(str(CATALOGUE)) if not entry.obsolete}
    terms = dict(glossary())
    assert [
        (english, msgid) for english, msgid in EXCEPTIONS if msgid not in catalogue or english not in terms
    ] == []


def test_the_check_finds_a_second_word_for_a_term():
    pattern = _pattern("action item")
    assert pattern.search("Close your action items")
    assert not _pattern("trip").search("person-trips planned")
