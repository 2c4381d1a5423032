"""The calendar: month grid and year list, filters, the public window, empty periods."""

import datetime as dt

import pytest
from django.utils import timezone

from events.models import Event, Participation
from members.models import Member
from tests import factories

XSS = "<script>alert(1)</script>"


def _names(response):
    return {entry.event.name for week in response.context["weeks"] for day in week for entry in day.entries}


def test_calendar_opens_on_most_recent_month_with_events_when_nothing_is_upcoming(member_client):
    factories.EventFactory(name="FOSDEM 2025", start_date=dt.date(2025, 2, 1), end_date=dt.date(2025, 2, 2))
    factories.EventFactory(name="GOSIM Hangzhou 2025")  # 2025-09-13..14
    response = member_client.get("/")
    assert response.status_code == 200
    assert response.context["month"] == dt.date(2025, 9, 1)
    assert response.context["notice"] == "nothing_upcoming"
    assert "Nothing is coming up yet." in response.text
    assert _names(response) == {"GOSIM Hangzhou 2025"}


def test_calendar_opens_on_this_month_when_something_is_upcoming(member_client):
    today = timezone.localdate()
    factories.EventFactory(name="Soon", start_date=today + dt.timedelta(days=40), end_date=None)
    factories.EventFactory(name="Old", start_date=dt.date(2025, 2, 1), end_date=None)
    response = member_client.get("/")
    assert response.context["month"] == today.replace(day=1)
    assert response.context["notice"] in ("", "empty_month")
    assert response.context["next_month_with_events"] == (today + dt.timedelta(days=40)).replace(day=1)


def test_calendar_multi_day_event_spans_its_days(member_client):
    factories.EventFactory(name="COCA", start_date=dt.date(2025, 7, 25), end_date=dt.date(2025, 7, 27))
    response = member_client.get("/?month=2025-07")
    positions = {
        day.date: [entry.position for entry in day.entries]
        for week in response.context["weeks"]
        for day in week
        if day.entries
    }
    assert positions == {
        dt.date(2025, 7, 25): ["start"],
        dt.date(2025, 7, 26): ["middle"],
        dt.date(2025, 7, 27): ["end"],
    }


def test_calendar_event_crossing_months_shows_in_both(member_client):
    factories.EventFactory(name="Crossing", start_date=dt.date(2025, 8, 30), end_date=dt.date(2025, 9, 2))
    august = member_client.get("/?month=2025-08")
    september = member_client.get("/?month=2025-09")
    assert [event.name for event in august.context["events_in_month"]] == ["Crossing"]
    assert [event.name for event in september.context["events_in_month"]] == ["Crossing"]


def test_calendar_previous_and_next_links_keep_filters(member_client):
    factories.EventFactory(status=Event.Status.CONFIRMED)
    response = member_client.get("/?month=2025-01&status=confirmed")
    assert response.context["prev_url"] == "/?month=2024-12&status=confirmed"
    assert response.context["next_url"] == "/?month=2025-02&status=confirmed"
    assert response.context["list_url"] == "/?view=list&year=2025&status=confirmed"


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("status=confirmed", {"Confirmed in Japan"}),
        ("country=BE", {"Planned in Belgium"}),
        ("kind=webinar", {"Planned in Belgium"}),
        ("tag=ai", {"Confirmed in Japan"}),
        ("priority=1", {"Planned in Belgium"}),
        ("mine=1", {"Confirmed in Japan"}),
        ("status=planned&country=JP", set()),
    ],
)
def test_calendar_filters_events(member_client, member_user, query, expected):
    japan = factories.EventFactory(name="Confirmed in Japan", status=Event.Status.CONFIRMED, country="JP")
    japan.tags.add(factories.TagFactory(slug="ai"))
    factories.EventFactory(
        name="Planned in Belgium",
        country="BE",
        kind=Event.Kind.WEBINAR,
        priority=Event.Priority.HIGH,
    )
    factories.ParticipationFactory(event=japan, member=Member.objects.get(user=member_user))
    response = member_client.get(f"/?month=2025-09&{query}")
    assert _names(response) == expected


def test_calendar_mine_leaves_out_declined_participations(member_client, member_user):
    event = factories.EventFactory(name="Declined by me")
    factories.ParticipationFactory(
        event=event,
        member=Member.objects.get(user=member_user),
        status=Participation.Status.DECLINED,
    )
    response = member_client.get("/?month=2025-09&mine=1")
    assert _names(response) == set()


@pytest.mark.parametrize(
    "query",
    [
        "priority=urgent",
        "status=maybe",
        "tag=no-such-tag",
        "country=XX",
        "kind=%00",
        "priority=1&status=x",
    ],
)
def test_calendar_bad_filter_values_give_the_unfiltered_page_and_a_message(member_client, query):
    factories.EventFactory(name="A", status=Event.Status.CONFIRMED)
    factories.EventFactory(name="B", status=Event.Status.PLANNED, priority=Event.Priority.LOW)
    response = member_client.get(f"/?month=2025-09&{query}")
    assert response.status_code == 200
    assert _names(response) == {"A", "B"}
    assert "were not understood" in response.text
    assert response.context["query_items"] == []


@pytest.mark.parametrize("month", ["2025-13", "September", "0000-01", "2025-9-1"])
def test_calendar_bad_month_falls_back_with_a_message(member_client, month):
    factories.EventFactory()
    response = member_client.get(f"/?month={month}")
    assert response.status_code == 200
    assert response.context["month"] == dt.date(2025, 9, 1)
    assert "is not a month" in response.text


def test_calendar_bad_year_in_list_view_falls_back(member_client):
    factories.EventFactory()
    response = member_client.get("/?view=list&year=twenty")
    assert response.status_code == 200
    assert response.context["year"] == 2025


def test_calendar_list_view_groups_a_year_by_month(member_client):
    factories.EventFactory(name="FOSDEM 2025", start_date=dt.date(2025, 2, 1), end_date=dt.date(2025, 2, 2))
    factories.EventFactory(name="GOSIM Hangzhou 2025")
    factories.EventFactory(name="FOSDEM 2024", start_date=dt.date(2024, 2, 3), end_date=None)
    response = member_client.get("/?view=list&year=2025")
    months = [(month, [event.name for event in events]) for month, events in response.context["months"]]
    assert months == [
        (dt.date(2025, 2, 1), ["FOSDEM 2025"]),
        (dt.date(2025, 9, 1), ["GOSIM Hangzhou 2025"]),
    ]


def test_calendar_public_view_shows_only_public_events(client, db):
    factories.EventFactory(name="Public one", is_public=True)
    factories.EventFactory(name="Internal one", is_public=False)
    response = client.get("/?month=2025-09")
    assert _names(response) == {"Public one"}
    assert "Internal one" not in response.text
    assert "Where to meet us" in response.text


def test_calendar_outsider_without_member_sees_the_public_view(client, outsider):
    factories.EventFactory(name="Internal one", is_public=False)
    client.force_login(outsider)
    response = client.get("/?month=2025-09")
    assert _names(response) == set()


def test_calendar_mine_filter_is_ignored_for_visitors(client, db):
    factories.EventFactory(name="Public one")
    response = client.get("/?month=2025-09&mine=1")
    assert _names(response) == {"Public one"}


def test_calendar_escapes_event_names(member_client):
    factories.EventFactory(name=XSS)
    for url in ("/?month=2025-09", "/?view=list&year=2025"):
        response = member_client.get(url)
        assert XSS not in response.text
        assert "&lt;script&gt;alert(1)&lt;/script&gt;" in response.text


def test_calendar_page_has_no_inline_script_or_style(member_client):
    factories.EventFactory()
    response = member_client.get("/?month=2025-09")
    assert "<script>" not in response.text
    assert "<style" not in response.text
    assert " style=" not in response.text
    assert "script-src 'self'" in response.headers["Content-Security-Policy"]


def test_calendar_list_view_opens_on_the_latest_year_when_nothing_is_upcoming(member_client):
    factories.EventFactory(name="FOSDEM 2024", start_date=dt.date(2024, 2, 3), end_date=None)
    factories.EventFactory(name="GOSIM Hangzhou 2025")
    response = member_client.get("/?view=list")
    assert response.context["year"] == 2025
    assert "Showing the most recent year with events: 2025." in response.text


def test_calendar_today_link_jumps_to_this_month(member_client):
    factories.EventFactory()
    today = timezone.localdate()
    response = member_client.get("/?month=2025-09&kind=conference")
    assert response.context["today_url"] == f"/?month={today:%Y-%m}&kind=conference"
    response = member_client.get(response.context["today_url"])
    assert response.context["month"] == today.replace(day=1)
    assert response.context["notice"] == "empty_month"
    assert "Most recent events" in response.text
