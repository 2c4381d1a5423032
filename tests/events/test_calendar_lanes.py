"""The month grid lays events out in lanes (issue 14, the designer's pass): an event keeps one
height over its days in a week, its name is written once across them, and a free lane holds a
spacer so the bars line up."""

import datetime as dt

import pytest

from tests import factories

pytestmark = pytest.mark.django_db

MONDAY = dt.date(2025, 7, 7)


def _event(name, first, days):
    return factories.EventFactory(
        name=name,
        start_date=MONDAY + dt.timedelta(days=first),
        end_date=MONDAY + dt.timedelta(days=first + days - 1),
    )


def _lanes(response, offset):
    day = MONDAY + dt.timedelta(days=offset)
    [cell] = [cell for week in response.context["weeks"] for cell in week if cell.date == day]
    return [(entry.event.name if entry.event else None, entry.run) for entry in cell.lanes]


def test_an_event_keeps_its_lane_and_a_free_lane_holds_a_spacer(member_client):
    _event("Summit", 0, 3)  # Monday to Wednesday
    _event("Meetup", 1, 1)  # Tuesday
    _event("Sprint", 2, 2)  # Wednesday and Thursday: lane 1 is free again on Wednesday
    _event("Late", 3, 1)  # Thursday: lane 0 is free, Sprint keeps lane 1
    response = member_client.get("/?month=2025-07")
    assert _lanes(response, 0) == [("Summit", 3)]
    assert _lanes(response, 1) == [("Summit", 0), ("Meetup", 1)]
    assert _lanes(response, 2) == [("Summit", 0), ("Sprint", 2)]
    assert _lanes(response, 3) == [("Late", 1), ("Sprint", 0)]
    assert _lanes(response, 4) == []


def test_a_lane_free_below_an_event_is_a_spacer(member_client):
    _event("First", 0, 2)  # Monday, Tuesday
    _event("Second", 0, 4)  # Monday to Thursday: longer, so the lower lane
    response = member_client.get("/?month=2025-07")
    assert _lanes(response, 0) == [("Second", 4), ("First", 2)]
    assert _lanes(response, 2) == [("Second", 0)]
    # A one-day event on Wednesday takes the lane First left.
    _event("Third", 2, 1)
    assert _lanes(member_client.get("/?month=2025-07"), 2) == [("Second", 0), ("Third", 1)]


def test_a_run_starts_again_on_the_next_week_row(member_client):
    _event("Weekend", 5, 4)  # Saturday to Tuesday
    response = member_client.get("/?month=2025-07")
    assert _lanes(response, 5) == [("Weekend", 2)]
    assert _lanes(response, 6) == [("Weekend", 0)]
    assert _lanes(response, 7) == [("Weekend", 2)]


def test_the_name_is_written_once_per_run_and_continuation_bars_are_hidden_from_readers(member_client):
    _event("Open Source Summit Japan 2025", 0, 3)
    page = member_client.get("/?month=2025-07").text
    assert page.count('<span class="chip-name">Open Source Summit Japan 2025</span>') == 1
    assert page.count('aria-hidden="true" tabindex="-1"><span class="continued">') == 2
    assert "run-3" in page


def test_spacers_hold_lanes_in_the_markup(member_client):
    _event("Early", 0, 2)  # Monday, Tuesday: lane 0
    _event("Later", 1, 3)  # Tuesday to Thursday: lane 1, kept on Wednesday when lane 0 is free
    response = member_client.get("/?month=2025-07")
    assert _lanes(response, 2) == [(None, 0), ("Later", 0)]
    wednesday = response.text.split('datetime="2025-07-09"')[1].split("</td>")[0]
    assert wednesday.index('class="chip-spacer"') < wednesday.index("Later")
