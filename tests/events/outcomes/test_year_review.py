"""The year in review's numbers on a hand-checked year (review_data), member and public."""

from decimal import Decimal

import pytest
from django.contrib.auth.models import AnonymousUser

from events.outcomes.selectors import next_year_plan, year_review

from .review_data import build_year

pytestmark = pytest.mark.django_db


def test_review_numbers_member_version_match_the_hand_count(coordinator):
    build_year()
    review = year_review(year=2025, user=coordinator)
    assert review.public is False
    assert [row.event.name for row in review.went] == [
        "FOSDEM 2025",
        "State of Open Con 2025",
        "FOSSASIA 2025 Summit",
        "The Global Sovereign AI Opportunity Webinar: APAC Edition",
        "Internal meetup 2025",
        "Community Over Code Asia 2025",
    ]
    assert (review.talks_won, review.talks_wanted) == (3, 6)
    assert (review.booths_won, review.booths_wanted) == (2, 3)
    assert review.person_count == 7
    assert [name for name, _roles in review.people] == sorted(
        ["江波", "Richard", "边思康", "许银", "Emily", "Ted", "李小明"]
    )
    assert review.pieces_published == 4
    assert review.contacts_made == 6
    assert review.publications == [
        ("English", "Blog", 1),
        ("English", "LinkedIn", 1),
        ("Simplified Chinese", "WeChat", 2),
    ]
    assert [row.event.name for row in review.declined] == ["All Things Open 2025"]
    assert review.goals_declined == 1


def test_review_money_converts_with_the_budgets_rates(coordinator):
    ev, _goals, _people = build_year()
    review = year_review(year=2025, user=coordinator)
    money = review.money
    assert money.currency == "CNY"
    assert money.planned == Decimal("88000.00")
    assert money.approved_budget == Decimal("88000.00")
    assert money.spent == Decimal("13700.00")
    assert money.pending == Decimal("3000.00")
    assert money.person_trips == 5
    assert money.by_event[ev["fosdem"].pk] == Decimal("6000.00")
    assert money.by_event[ev["sooc"].pk] == Decimal("2700.00")
    assert review.cost_per_talk == Decimal("4566.67")
    assert review.cost_per_piece == Decimal("3425.00")
    assert review.cost_per_contact == Decimal("2283.33")
    assert review.cost_per_person_trip == Decimal("2740.00")
    assert {r["currency"]: r["rate"] for r in money.rates_used} == {
        "EUR": Decimal("7.5"),
        "GBP": Decimal("9"),
    }


def test_review_by_region_and_month(coordinator):
    build_year()
    review = year_review(year=2025, user=coordinator)
    regions = {label: [row.event.name for row in rows] for label, rows in review.by_region}
    assert regions["Europe"] == ["FOSDEM 2025", "State of Open Con 2025"]
    assert regions["Asia"] == [
        "FOSSASIA 2025 Summit",
        "Internal meetup 2025",
        "Community Over Code Asia 2025",
    ]
    assert regions["Online"] == ["The Global Sovereign AI Opportunity Webinar: APAC Edition"]
    months = dict(review.by_month)
    assert (months[2], months[3], months[4], months[6], months[7], months[8]) == (2, 1, 1, 1, 1, 0)


def test_public_version_shows_public_events_and_allowed_pieces_only(db):
    build_year()
    review = year_review(year=2025, user=AnonymousUser())
    assert review.public is True
    assert review.show_money is False and review.money is None
    assert "Internal meetup 2025" not in [row.event.name for row in review.rows]
    assert (review.talks_won, review.talks_wanted) == (2, 5)
    assert review.pieces_published == 2
    assert review.contacts_made == 5
    assert review.people == []
    assert review.publications == [("English", "LinkedIn", 1), ("Simplified Chinese", "WeChat", 1)]
    assert all(row.review is None for row in review.rows)


def test_a_member_asking_for_the_public_version_gets_it(member_user):
    build_year()
    assert year_review(year=2025, user=member_user, public=True).public is True
    member_review = year_review(year=2025, user=member_user)
    assert member_review.public is False
    assert member_review.show_money is False  # money is for whoever sees budgets


def test_next_year_plan_lists_yes_then_maybe(db):
    build_year()
    plan = next_year_plan(year=2025)
    assert [(review.event.name, review.go_again) for review, _next in plan] == [
        ("FOSDEM 2025", "yes"),
        ("State of Open Con 2025", "maybe"),
    ]
