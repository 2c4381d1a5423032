"""The month grid shows deadlines on their day in the viewer's zone (issue 14, item 10): the
ones the viewer may see, with their kind, linking to the event."""

import datetime as dt

from events.models import Deadline, Event
from members.models import Member
from tests import factories

LATE_EVENING_UTC = dt.datetime(2025, 7, 14, 23, 30, tzinfo=dt.UTC)  # 07:30 on the 15th in Beijing


def _deadlines_by_day(response):
    return {
        day.date: [(deadline.event.name, deadline.kind) for deadline in day.deadlines]
        for week in response.context["weeks"]
        for day in week
        if day.deadlines
    }


def _in_zone(member_user, zone):
    Member.objects.filter(user=member_user).update(timezone=zone)


def test_a_deadline_at_2330_utc_is_on_the_next_day_for_a_viewer_in_shanghai(member_client, member_user):
    _in_zone(member_user, "Asia/Shanghai")
    event = factories.EventFactory(name="GOSIM Hangzhou 2025")
    factories.DeadlineFactory(event=event, due_at=LATE_EVENING_UTC, timezone="Europe/Brussels")
    response = member_client.get("/?month=2025-07")
    assert _deadlines_by_day(response) == {dt.date(2025, 7, 15): [("GOSIM Hangzhou 2025", "cfp_close")]}
    text = response.text
    assert "CFP closes" in text
    assert '<time datetime="2025-07-15T07:30:00+08:00">07:30</time> GOSIM Hangzhou 2025' in text
    assert f'href="/events/{event.pk}/"' in text
    assert "in your time zone (Asia/Shanghai)" in text


def test_the_same_deadline_is_on_its_utc_day_for_a_viewer_in_utc(member_client, member_user):
    _in_zone(member_user, "UTC")
    factories.DeadlineFactory(event__name="GOSIM Hangzhou 2025", due_at=LATE_EVENING_UTC)
    response = member_client.get("/?month=2025-07")
    assert _deadlines_by_day(response) == {dt.date(2025, 7, 14): [("GOSIM Hangzhou 2025", "cfp_close")]}


def test_a_deadline_in_the_grids_days_of_the_next_month_is_shown_there(member_client, member_user):
    _in_zone(member_user, "Asia/Shanghai")
    # July 2025's grid ends on Sunday 3 August: 2 August 20:00 UTC is 3 August 04:00 in Beijing.
    factories.DeadlineFactory(event__name="Late", due_at=dt.datetime(2025, 8, 2, 20, 0, tzinfo=dt.UTC))
    factories.DeadlineFactory(event__name="Too late", due_at=dt.datetime(2025, 8, 3, 17, 0, tzinfo=dt.UTC))
    response = member_client.get("/?month=2025-07")
    assert _deadlines_by_day(response) == {dt.date(2025, 8, 3): [("Late", "cfp_close")]}


def test_visitors_see_only_public_deadlines_of_public_events_in_the_grid(client, db):
    shown = factories.EventFactory(name="Public event", is_public=True)
    hidden_event = factories.EventFactory(name="Internal event", is_public=False)
    factories.DeadlineFactory(event=shown, due_at=dt.datetime(2025, 7, 10, 6, 0, tzinfo=dt.UTC))
    factories.DeadlineFactory(
        event=shown,
        kind=Deadline.Kind.TRAVEL_GRANT,
        is_public=False,
        due_at=dt.datetime(2025, 7, 11, 6, 0, tzinfo=dt.UTC),
    )
    factories.DeadlineFactory(event=hidden_event, due_at=dt.datetime(2025, 7, 12, 6, 0, tzinfo=dt.UTC))
    response = client.get("/?month=2025-07")
    assert _deadlines_by_day(response) == {dt.date(2025, 7, 10): [("Public event", "cfp_close")]}
    assert "Internal event" not in response.text


def test_members_see_every_kind_and_cancelled_events_deadlines_are_left_out(member_client, member_user):
    _in_zone(member_user, "UTC")
    event = factories.EventFactory(name="Open event")
    cancelled = factories.EventFactory(name="Cancelled event", status=Event.Status.CANCELLED)
    factories.DeadlineFactory(event=event, due_at=dt.datetime(2025, 7, 10, 6, 0, tzinfo=dt.UTC))
    factories.DeadlineFactory(
        event=event,
        kind=Deadline.Kind.TRAVEL_GRANT,
        is_public=False,
        due_at=dt.datetime(2025, 7, 10, 9, 0, tzinfo=dt.UTC),
    )
    factories.DeadlineFactory(event=cancelled, due_at=dt.datetime(2025, 7, 11, 6, 0, tzinfo=dt.UTC))
    response = member_client.get("/?month=2025-07")
    assert _deadlines_by_day(response) == {
        dt.date(2025, 7, 10): [("Open event", "cfp_close"), ("Open event", "travel_grant")]
    }
    assert "Travel grant" in response.text
    # Asking for cancelled events shows their deadlines too, as the CFP board does.
    response = member_client.get("/?month=2025-07&status=cancelled")
    assert _deadlines_by_day(response) == {dt.date(2025, 7, 11): [("Cancelled event", "cfp_close")]}


def test_the_grids_deadlines_follow_the_filters(member_client, member_user):
    _in_zone(member_user, "UTC")
    tag = factories.TagFactory(slug="ai")
    tagged = factories.EventFactory(name="AI event")
    tagged.tags.add(tag)
    factories.DeadlineFactory(event=tagged, due_at=dt.datetime(2025, 7, 10, 6, 0, tzinfo=dt.UTC))
    factories.DeadlineFactory(event__name="Other event", due_at=dt.datetime(2025, 7, 10, 7, 0, tzinfo=dt.UTC))
    response = member_client.get("/?month=2025-07&tag=ai")
    assert _deadlines_by_day(response) == {dt.date(2025, 7, 10): [("AI event", "cfp_close")]}


def test_a_day_with_only_a_deadline_is_not_marked_empty(member_client, member_user):
    _in_zone(member_user, "UTC")
    factories.DeadlineFactory(
        event__start_date=dt.date(2025, 9, 13), due_at=dt.datetime(2025, 7, 10, 6, 0, tzinfo=dt.UTC)
    )
    response = member_client.get("/?month=2025-07")
    cell = response.text.split('datetime="2025-07-10"')[0].rsplit("<td", 1)[1]
    assert "no-events" not in cell


def test_a_month_with_only_deadlines_says_so_not_that_it_is_empty(member_client, member_user):
    _in_zone(member_user, "UTC")
    factories.DeadlineFactory(
        event__start_date=dt.date(2025, 9, 13), due_at=dt.datetime(2025, 7, 10, 6, 0, tzinfo=dt.UTC)
    )
    july = member_client.get("/?month=2025-07")
    assert july.context["notice"] == "deadlines_only_month"
    assert "only the deadlines below fall due in it" in july.text
    assert "No events in this month." not in july.text
    # A month with neither still says it has no events.
    assert member_client.get("/?month=2025-06").context["notice"] == "empty_month"


def test_an_empty_calendar_does_not_talk_of_filters_it_was_not_given(member_client):
    page = member_client.get("/").text
    assert "No events are on the calendar yet." in page and "No events match." not in page
    assert "No events match." in member_client.get("/?kind=conference").text
