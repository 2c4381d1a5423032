import datetime as dt
from decimal import Decimal

import pytest
from django.core.exceptions import PermissionDenied, ValidationError

from budget import services
from budget.models import ExchangeRate
from budget.rates import RateBook, convert
from tests import factories

pytestmark = pytest.mark.django_db


def test_conversion_uses_the_rate_of_the_day():
    factories.ExchangeRateFactory(currency="EUR", date=dt.date(2026, 1, 30), rate=Decimal("7.9"))
    factories.ExchangeRateFactory(currency="EUR", date=dt.date(2026, 1, 31), rate=Decimal("7.95"))

    result = convert(amount=Decimal("100.00"), currency="EUR", target="CNY", day=dt.date(2026, 1, 31))

    assert (result.converted, result.rate, result.rate_date) == (
        Decimal("795.00"),
        Decimal("7.95000000"),
        dt.date(2026, 1, 31),
    )


def test_conversion_falls_back_to_the_latest_rate_before_the_day():
    factories.ExchangeRateFactory(currency="EUR", date=dt.date(2026, 1, 20), rate=Decimal("7.9"))
    factories.ExchangeRateFactory(currency="EUR", date=dt.date(2026, 2, 5), rate=Decimal("8.1"))

    result = convert(amount=Decimal("10.00"), currency="EUR", target="CNY", day=dt.date(2026, 2, 1))

    assert (result.converted, result.rate_date) == (Decimal("79.00"), dt.date(2026, 1, 20))


def test_conversion_without_a_rate_is_missing_not_guessed():
    factories.ExchangeRateFactory(currency="EUR", date=dt.date(2026, 2, 5), rate=Decimal("8.1"))
    # The opposite direction does not count either: no inverting.
    factories.ExchangeRateFactory(
        currency="CNY", quote_currency="EUR", date=dt.date(2026, 1, 1), rate=Decimal("0.125")
    )

    result = convert(amount=Decimal("10.00"), currency="EUR", target="CNY", day=dt.date(2026, 2, 1))

    assert result.missing is True
    assert (result.converted, result.rate) == (None, None)


def test_conversion_rounds_half_up_to_the_cent():
    factories.ExchangeRateFactory(currency="JPY", date=dt.date(2025, 12, 1), rate=Decimal("0.04705"))

    result = convert(amount=Decimal("1234"), currency="JPY", target="CNY", day=dt.date(2025, 12, 8))

    # 1234 × 0.04705 = 58.0597 → 58.06
    assert result.converted == Decimal("58.06")


def test_same_currency_needs_no_rate(django_assert_num_queries):
    with django_assert_num_queries(0):
        book = RateBook(target="CNY", currencies={"CNY"}, until=dt.date(2025, 1, 1))
    result = book.convert(Decimal("88000.00"), "CNY", dt.date(2025, 1, 1))
    assert (result.converted, result.rate) == (Decimal("88000.00"), None)


def test_exchange_rate_set_enters_then_corrects_the_day(coordinator, approver):
    services.exchange_rate_set(user=coordinator, currency="EUR", date="2025-12-01", rate="8.2")
    row = services.exchange_rate_set(
        user=approver, currency="EUR", date="2025-12-01", rate="8.25", source="BOC"
    )

    assert list(ExchangeRate.objects.values_list("pk", "rate", "source")) == [
        (row.pk, Decimal("8.25"), "BOC")
    ]


def test_exchange_rate_set_moves_a_given_row_and_refuses_members(coordinator, member_user):
    row = factories.ExchangeRateFactory(currency="EUR", date=dt.date(2025, 12, 1), rate=Decimal("8.2"))
    with pytest.raises(PermissionDenied):
        services.exchange_rate_set(user=member_user, rate_row=row, rate="1")

    services.exchange_rate_set(user=coordinator, rate_row=row, date=dt.date(2025, 12, 2))

    assert list(ExchangeRate.objects.values_list("pk", "date", "rate")) == [
        (row.pk, dt.date(2025, 12, 2), Decimal("8.2"))
    ]


@pytest.mark.parametrize(
    ("fields", "field"),
    [({"rate": "abc"}, "rate"), ({"date": "1 Dec"}, "date"), ({"rate": "-1"}, "__all__")],
)
def test_exchange_rate_set_refuses_bad_input_and_saves_nothing(fields, field, coordinator):
    with pytest.raises(ValidationError) as refusal:
        services.exchange_rate_set(
            user=coordinator, **{"currency": "EUR", "date": "2025-12-01", "rate": "8.2", **fields}
        )
    assert list(refusal.value.message_dict) == [field]
    assert ExchangeRate.objects.count() == 0
