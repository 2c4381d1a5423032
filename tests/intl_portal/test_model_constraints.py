"""The database itself refuses invalid rows, whatever code path writes them."""

import datetime as dt
from decimal import Decimal

import pytest
from django.db import IntegrityError, transaction

from budget.models import ExchangeRate
from members.models import StockLevel, StockLocation, SwagItem, SwagVariant
from tests import factories

pytestmark = pytest.mark.django_db


def refused(create):
    with pytest.raises(IntegrityError), transaction.atomic():
        create()


def test_event_ending_before_it_starts_is_refused():
    refused(lambda: factories.EventFactory(start_date=dt.date(2025, 8, 10), end_date=dt.date(2025, 8, 9)))


def test_event_with_end_but_no_start_is_refused():
    refused(lambda: factories.EventFactory(start_date=None, end_date=dt.date(2025, 8, 9)))


def test_event_without_dates_is_allowed():
    event = factories.EventFactory(start_date=None, end_date=None)
    assert event.pk is not None


def test_second_participation_same_member_event_role_is_refused():
    participation = factories.ParticipationFactory()
    refused(
        lambda: factories.ParticipationFactory(
            event=participation.event, member=participation.member, role=participation.role
        )
    )


def test_same_member_may_hold_two_roles_at_one_event():
    participation = factories.ParticipationFactory(role="speaker")
    other = factories.ParticipationFactory(
        event=participation.event, member=participation.member, role="booth_staff"
    )
    assert other.pk != participation.pk


def test_role_term_ending_before_start_is_refused():
    refused(
        lambda: factories.RoleAssignmentFactory(
            term_start=dt.date(2026, 1, 1), term_end=dt.date(2025, 12, 31)
        )
    )


@pytest.mark.parametrize("factory", [factories.BudgetLineFactory, factories.ExpenseFactory])
def test_negative_money_is_refused(factory):
    refused(lambda: factory(amount=Decimal("-0.01")))


def test_negative_budget_total_is_refused():
    refused(lambda: factories.BudgetFactory(total=Decimal("-1")))


def test_second_rate_for_a_currency_on_one_day_is_refused():
    factories.ExchangeRateFactory(currency="JPY", date=dt.date(2025, 12, 1))
    refused(
        lambda: factories.ExchangeRateFactory(currency="JPY", date=dt.date(2025, 12, 1), rate=Decimal("0.05"))
    )


def test_rate_for_another_day_is_allowed():
    factories.ExchangeRateFactory(date=dt.date(2025, 12, 1))
    assert factories.ExchangeRateFactory(date=dt.date(2025, 12, 2)).pk


def test_zero_or_negative_rate_is_refused():
    refused(lambda: factories.ExchangeRateFactory(rate=Decimal("0")))


def test_rate_between_a_currency_and_itself_is_refused():
    refused(
        lambda: ExchangeRate.objects.create(
            currency="CNY", quote_currency="CNY", date=dt.date(2025, 1, 1), rate=1
        )
    )


def test_negative_stock_is_refused():
    variant = SwagVariant.objects.create(item=SwagItem.objects.create(name_en="Sticker"), label="")
    location = StockLocation.objects.create(name="Office")
    refused(lambda: StockLevel.objects.create(variant=variant, location=location, quantity=-1))


def test_contribution_without_any_title_is_refused():
    refused(lambda: factories.ContributionFactory(title_en="", title_zh=""))
