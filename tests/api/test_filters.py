"""Filters people need: events overlapping a range, by tag and member taking part;
deadlines before / after; participations by member and status; expenses by budget,
event, member and category. Ordering and search."""

import datetime as dt

import pytest

from tests import factories


def _names(response):
    assert response.status_code == 200, response.json()
    return sorted(row.get("name") or row.get("description") for row in response.json()["results"])


@pytest.fixture
def september(db):
    return {
        "before": factories.EventFactory(
            name="August", start_date=dt.date(2025, 8, 1), end_date=dt.date(2025, 8, 31)
        ),
        "spanning": factories.EventFactory(
            name="Spanning", start_date=dt.date(2025, 8, 30), end_date=dt.date(2025, 9, 2)
        ),
        "inside": factories.EventFactory(name="Inside", start_date=dt.date(2025, 9, 10), end_date=None),
        "after": factories.EventFactory(
            name="October", start_date=dt.date(2025, 10, 1), end_date=dt.date(2025, 10, 2)
        ),
        "undated": factories.EventFactory(name="Undated", start_date=None, end_date=None),
    }


def test_events_overlapping_a_range(api_as, september):
    response = api_as("member").get("/api/events/?ends_after=2025-09-01&starts_before=2025-09-30")
    assert _names(response) == ["Inside", "Spanning"]


def test_events_by_tag_status_and_member_taking_part(api_as, september, world):
    tag = factories.TagFactory(slug="cloud")
    september["inside"].tags.add(tag)
    september["after"].status = "confirmed"
    september["after"].save()
    factories.ParticipationFactory(event=september["spanning"], member=world["other"])
    member = api_as("member")
    assert _names(member.get("/api/events/?tag=cloud")) == ["Inside"]
    assert _names(member.get("/api/events/?status=confirmed")) == ["October"]
    assert _names(member.get(f"/api/events/?member={world['other'].pk}")) == ["Spanning"]


def test_events_ordering_and_search(api_as, september):
    member = api_as("member")
    response = member.get("/api/events/?ordering=-start_date&starts_before=2025-12-31")
    assert [row["name"] for row in response.json()["results"]] == [
        "October",
        "Inside",
        "Spanning",
        "August",
    ]
    assert _names(member.get("/api/events/?search=octob")) == ["October"]


def test_deadlines_before_and_after(api_as, world):
    event = world["public_event"]
    early = factories.DeadlineFactory(event=event, due_at=dt.datetime(2025, 1, 1, tzinfo=dt.UTC))
    late = factories.DeadlineFactory(event=event, due_at=dt.datetime(2025, 12, 1, tzinfo=dt.UTC))
    member = api_as("member")
    before = member.get("/api/deadlines/?before=2025-06-01T00:00:00%2B08:00").json()["results"]
    after = member.get("/api/deadlines/?after=2025-11-01T00:00:00Z&kind=cfp_close").json()["results"]
    assert [d["id"] for d in before] == [early.pk]
    assert [d["id"] for d in after] == [late.pk]


def test_participations_by_member_and_status(api_as, world):
    mine = factories.ParticipationFactory(member=world["me"], status="tentative")
    factories.ParticipationFactory(member=world["me"], status="confirmed")
    factories.ParticipationFactory(member=world["other"], status="tentative")
    rows = (
        api_as("member")
        .get(f"/api/participations/?member={world['me'].pk}&status=tentative")
        .json()["results"]
    )
    assert [row["id"] for row in rows] == [mine.pk]


def test_expenses_by_budget_event_member_and_category(api_as, world):
    event = world["public_event"]
    hit = factories.ExpenseFactory(
        budget=world["budget"],
        event=event,
        member=world["other"],
        category="visa",
        description="Hit",
    )
    factories.ExpenseFactory(
        budget=world["budget"],
        event=event,
        member=world["other"],
        category="travel",
        description="Travel",
    )
    factories.ExpenseFactory(budget=world["budget"], member=world["me"], category="visa", description="Mine")
    query = f"budget={world['budget'].pk}&event={event.pk}&member={world['other'].pk}&category=visa"
    rows = api_as("approver").get(f"/api/expenses/?{query}").json()["results"]
    assert [row["id"] for row in rows] == [hit.pk]


def test_money_is_a_decimal_string_with_a_currency(api_as, world):
    factories.ExpenseFactory(member=world["me"], amount="1234.50", currency="EUR")
    row = api_as("member").get("/api/expenses/").json()["results"][0]
    assert (row["amount"], row["currency"]) == ("1234.50", "EUR")


@pytest.mark.parametrize(
    ("after", "expected"),
    [
        ("2025-06-30T16:17:00+17:18", 1),  # = 2025-06-29T22:59Z, an offset PostgreSQL refuses
        ("0001-01-01T00:00:00+14:00", 1),  # before year 1 in UTC
        ("9999-12-31T23:59:00-14:00", 0),  # after year 9999 in UTC
    ],
)
def test_deadline_after_filter_takes_any_offset(api_as, after, expected):
    factories.DeadlineFactory(due_at=dt.datetime(2025, 6, 30, 6, 59, tzinfo=dt.UTC))
    response = api_as("member").get("/api/deadlines/", {"after": after})
    assert response.status_code == 200
    assert response.json()["count"] == expected


@pytest.mark.parametrize("role", ["anonymous", "outsider"])
def test_who_attends_what_is_for_members_only_with_no_id_oracle(api_as, world, role):
    factories.ParticipationFactory(member=world["other"], event=factories.EventFactory(is_public=True))
    client = api_as(role)
    answers = [client.get(f"/api/events/?member={pk}") for pk in (world["other"].pk, 999999)]
    assert [response.status_code for response in answers] == [400, 400]
    assert answers[0].json() == answers[1].json() == {"member": ["Only members may filter events by member."]}
