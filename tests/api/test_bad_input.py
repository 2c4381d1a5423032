"""Bad input through the API: HTTP 400 with the field's message, and nothing written."""

import datetime as dt
from decimal import Decimal

import pytest

from budget.models import Budget, ExchangeRate, Expense
from events.models import Deadline, Event, Participation
from members.models import Member
from tests import factories


@pytest.fixture
def coord(api_as):
    return api_as("coordinator")


def _event(**fields):
    return {"name": "Open Source Summit", **fields}


def test_event_ending_before_it_starts_is_refused_on_end_date(coord):
    response = coord.post(
        "/api/events/", _event(start_date="2026-06-11", end_date="2026-06-10"), format="json"
    )
    assert response.status_code == 400
    assert response.json() == {"end_date": ["An event cannot end before it starts."]}
    assert not Event.objects.exists()


def test_event_patched_to_end_before_its_stored_start_is_refused(coord):
    event = factories.EventFactory(start_date=dt.date(2026, 6, 10), end_date=dt.date(2026, 6, 11))
    response = coord.patch(f"/api/events/{event.pk}/", {"end_date": "2026-06-01"}, format="json")
    assert response.status_code == 400
    assert list(response.json()) == ["end_date"]
    event.refresh_from_db()
    assert event.end_date == dt.date(2026, 6, 11)


def test_event_with_an_unknown_time_zone_is_refused(coord):
    response = coord.post("/api/events/", _event(timezone="Mars/Olympus"), format="json")
    assert response.status_code == 400
    assert "timezone" in response.json()
    assert not Event.objects.exists()


def test_deadline_in_aoe_is_stored_as_etc_gmt_plus_12_and_closes_2359_local(coord, world):
    response = coord.post(
        "/api/deadlines/",
        {"event": world["public_event"].pk, "due_date": "2026-03-01", "timezone": "AoE"},
        format="json",
    )
    assert response.status_code == 201, response.json()
    data = response.json()
    assert (data["timezone"], data["zone_label"], data["is_date_only"]) == (
        "Etc/GMT+12",
        "AoE",
        True,
    )
    assert data["due_at"] == "2026-03-02T11:59:00Z"
    assert data["due_local"] == "2026-03-01T23:59:00-12:00"


def test_deadline_moved_through_the_api_raises_its_sequence(coord, world):
    deadline = world["public_deadline"]
    response = coord.patch(
        f"/api/deadlines/{deadline.pk}/", {"due_at": "2025-07-20T15:59:00+09:00"}, format="json"
    )
    assert response.status_code == 200
    deadline.refresh_from_db()
    assert (deadline.due_at, deadline.sequence) == (
        dt.datetime(2025, 7, 20, 6, 59, tzinfo=dt.UTC),
        1,
    )


def test_deadline_with_an_unknown_time_zone_is_refused(coord, world):
    before = Deadline.objects.count()
    response = coord.post(
        "/api/deadlines/",
        {"event": world["public_event"].pk, "due_at": "2026-03-01T12:00:00Z", "timezone": "KST"},
        format="json",
    )
    assert response.status_code == 400
    assert "timezone" in response.json()
    assert Deadline.objects.count() == before


def test_budget_with_a_negative_total_is_refused(coord):
    response = coord.post(
        "/api/budgets/",
        {
            "title": "2026",
            "period_start": "2026-01-01",
            "period_end": "2026-12-31",
            "total": "-1.00",
        },
        format="json",
    )
    assert response.status_code == 400
    assert response.json() == {"total": ["The total cannot be negative."]}
    assert not Budget.objects.exists()


def test_expense_with_a_negative_amount_is_refused(coord, world):
    response = coord.post(
        "/api/expenses/",
        {
            "member": world["me"].pk,
            "category": "travel",
            "description": "Refund?",
            "amount": "-5.00",
            "currency": "EUR",
            "spent_on": "2025-12-01",
        },
        format="json",
    )
    assert response.status_code == 400
    assert response.json() == {"amount": ["An amount cannot be negative."]}
    assert not Expense.objects.exists()


def test_expense_in_an_unknown_currency_is_refused(coord, world):
    response = coord.post(
        "/api/expenses/",
        {
            "member": world["me"].pk,
            "category": "travel",
            "description": "Flight",
            "amount": "5.00",
            "currency": "XYZ",
            "spent_on": "2025-12-01",
        },
        format="json",
    )
    assert response.status_code == 400
    assert response.json() == {"currency": ["“XYZ” is not an ISO 4217 currency code."]}
    assert not Expense.objects.exists()


def test_second_exchange_rate_for_the_same_day_is_refused_on_date(coord):
    factories.ExchangeRateFactory(currency="EUR", date=dt.date(2025, 12, 1), rate=Decimal("8.2"))
    response = coord.post(
        "/api/exchange-rates/",
        {"currency": "EUR", "date": "2025-12-01", "rate": "8.3"},
        format="json",
    )
    assert response.status_code == 400
    assert "date" in response.json()
    assert ExchangeRate.objects.count() == 1


def test_exchange_rate_into_its_own_currency_is_refused(coord):
    response = coord.post(
        "/api/exchange-rates/",
        {"currency": "CNY", "quote_currency": "CNY", "date": "2025-12-01", "rate": "1"},
        format="json",
    )
    assert response.status_code == 400
    assert response.json() == {"quote_currency": ["A rate converts between two different currencies."]}


def test_participation_for_an_inactive_member_is_refused(coord, world):
    retired = factories.MemberFactory(active=False, display_name="Retired Qian")
    response = coord.post(
        "/api/participations/",
        {"event": world["public_event"].pk, "member": retired.pk, "role": "speaker"},
        format="json",
    )
    assert response.status_code == 400
    assert response.json() == {"member": ["Retired Qian is not an active member."]}
    assert not Participation.objects.exists()


def test_duplicate_participation_is_a_400_not_an_integrity_error(coord, world):
    factories.ParticipationFactory(event=world["public_event"], member=world["other"], role="speaker")
    response = coord.post(
        "/api/participations/",
        {"event": world["public_event"].pk, "member": world["other"].pk, "role": "speaker"},
        format="json",
    )
    assert response.status_code == 400
    assert Participation.objects.count() == 1


def test_malformed_json_is_a_400(coord):
    response = coord.generic("POST", "/api/events/", '{"name": "Broken', content_type="application/json")
    assert response.status_code == 400
    assert "JSON parse error" in response.json()["detail"]
    assert not Event.objects.exists()


@pytest.mark.parametrize("size", ["201", "0", "-3", "lots"])
def test_page_size_out_of_range_is_a_400_not_clamped(coord, size):
    response = coord.get(f"/api/events/?page_size={size}")
    assert response.status_code == 400
    assert response.json() == {"page_size": ["Choose a page size between 1 and 200."]}


def test_page_size_up_to_the_limit_is_honoured(coord):
    factories.EventFactory.create_batch(3)
    response = coord.get("/api/events/?page_size=2")
    assert (response.status_code, len(response.json()["results"])) == (200, 2)
    assert response.json()["count"] == 3


@pytest.mark.parametrize(
    "query",
    [
        "status=maybe",
        "kind=party",
        "country=XX",
        "tag=no-such-tag",
        "member=999999",
        "starts_before=tomorrow",
        "priority=9",
        "ordering=secret_field",
    ],
)
def test_unknown_event_filter_values_are_a_400(coord, query):
    response = coord.get(f"/api/events/?{query}")
    assert response.status_code == 400
    assert list(response.json()) == [query.split("=")[0]]


def test_deleting_a_member_others_refer_to_is_a_400(coord, world):
    factories.ParticipationFactory(member=world["other"])
    response = coord.delete(f"/api/members/{world['other'].pk}/")
    assert response.status_code == 400
    assert Member.objects.filter(pk=world["other"].pk).exists()


def test_swag_request_without_lines_is_refused(api_as, world):
    response = api_as("member").post(
        "/api/swag-requests/",
        {"recipient_name": "Li Si", "address": "2 Example Street", "reason": "booth", "lines": []},
        format="json",
    )
    assert response.status_code == 400
    assert response.json() == {"lines": ["Ask for at least one item."]}


def test_errors_come_in_chinese_for_a_chinese_client(coord):
    response = coord.get("/api/events/?page_size=500", HTTP_ACCEPT_LANGUAGE="zh-hans")
    assert response.status_code == 400
    assert response.json() == {"page_size": ["每页条数须在 1 到 200 之间。"]}
