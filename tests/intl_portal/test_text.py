"""Texts put together from parts (admin lists, selects, history) use the reader's punctuation:
full-width brackets and colon in Chinese, names instead of codes (issue 14)."""

import datetime as dt
from decimal import Decimal

from django.utils import translation

from budget.models import ExchangeRate, Expense
from events.models import Reminder, SupportLetterTemplate, TravelRequirement
from members.models import (
    Contribution,
    ContributionPublication,
    Member,
    PointRule,
    StockLevel,
    StockLocation,
    SwagItem,
    SwagVariant,
)


def _both(value):
    """str(value) in English and in Chinese."""
    with translation.override("en"):
        english = str(value)
    with translation.override("zh-hans"):
        chinese = str(value)
    return english, chinese


def test_an_aside_takes_the_readers_brackets():
    expense = Expense(description="出租车", amount=Decimal("350.50"), currency="CNY")
    assert _both(expense) == ("出租车 (350.50 CNY)", "出租车（350.50 CNY）")
    rate = ExchangeRate(currency="USD", rate=Decimal("7.1"), quote_currency="CNY", date=dt.date(2026, 1, 5))
    assert _both(rate) == ("1 USD = 7.1 CNY (2026-01-05)", "1 USD = 7.1 CNY（2026-01-05）")


def test_a_publication_names_its_language_instead_of_its_code():
    contribution = Contribution(title_en="Meeting notes", title_zh="会议纪要")
    publication = ContributionPublication(
        contribution=contribution,
        channel=ContributionPublication.Channel.LINKEDIN,
        language="zh-hans",
    )
    assert _both(publication) == (
        "Meeting notes · LinkedIn (Simplified Chinese)",
        "会议纪要 · LinkedIn（简体中文）",
    )


def test_a_reminder_says_how_long_before_in_words():
    reminder = Reminder(
        kind=Reminder.Kind.DEADLINE,
        label="FOSDEM 2027 · CFP",
        member=Member(display_name="Ann"),
        offset=dt.timedelta(days=7),
    )
    english, chinese = _both(reminder)
    assert english == "FOSDEM 2027 · CFP → Ann (7 days before)"
    assert chinese == "FOSDEM 2027 · CFP → Ann（提前 7 天）"


def test_labels_take_the_readers_colon():
    rule = PointRule(kind=PointRule._meta.get_field("kind").choices[0][0], points=5)
    english, chinese = _both(rule)
    assert english.endswith(": 5") and chinese.endswith("：5")
    level = StockLevel(
        variant=SwagVariant(item=SwagItem(name_en="T-shirt", name_zh="T 恤"), label="M"),
        location=StockLocation(name="Beijing office"),
        quantity=12,
    )
    assert _both(level)[1] == "T 恤 M @ Beijing office：12"


def test_travel_texts_take_the_readers_punctuation():
    template = SupportLetterTemplate(language="en", title="Support letter")
    assert _both(template) == ("Support letter (English)", "Support letter（英文）")
    requirement = TravelRequirement(passport="CN", destination="BE", kind=TravelRequirement.Kind.E_VISA)
    english, chinese = _both(requirement)
    assert english == "China → Belgium: E-visa"
    assert chinese.startswith("中国 → 比利时：")
