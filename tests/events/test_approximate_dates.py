"""Approximate event dates (a month, part of a month, a quarter, not announced): how they
read in both languages, the rules that refuse contradictions, and the calendar pages."""

import datetime as dt

import pytest
from django.core.exceptions import ValidationError
from django.utils import translation

from events import services
from events.calendar import event_month_approximate, event_year_list
from events.models import Event
from members.permissions import OPERATOR
from tests import factories

pytestmark = pytest.mark.django_db


def approx(**fields):
    defaults = {"name": "EthCC", "start_date": None, "end_date": None, "edition_year": 2026}
    return factories.EventFactory(**{**defaults, **fields})


# --- approximate dates ---------------------------------------------------------------------


@pytest.mark.parametrize(
    ("fields", "english", "chinese"),
    [
        (
            {"date_precision": "late_month", "approx_year": 2026, "approx_month": 6},
            "late June 2026",
            "2026年6月下旬",
        ),
        (
            {"date_precision": "early_month", "approx_year": 2026, "approx_month": 11},
            "early November 2026",
            "2026年11月上旬",
        ),
        (
            {"date_precision": "mid_month", "approx_year": 2026, "approx_month": 3},
            "mid-March 2026",
            "2026年3月中旬",
        ),
        ({"date_precision": "month", "approx_year": 2026, "approx_month": 11}, "November 2026", "2026年11月"),
        ({"date_precision": "quarter", "approx_year": 2026, "approx_quarter": 3}, "Q3 2026", "2026年第3季度"),
        (
            {"date_precision": "unannounced", "approx_year": 2026},
            "2026, dates not announced yet",
            "2026年，日期未公布",
        ),
        ({"date_precision": "unannounced"}, "dates not announced yet", "日期未公布"),
    ],
)
def test_approximate_dates_read_as_the_plan_writes_them(fields, english, chinese):
    event = approx(**fields)
    with translation.override("en"):
        assert event.when_display == english
    with translation.override("zh-hans"):
        assert event.when_display == chinese


@pytest.mark.parametrize(
    "fields",
    [
        {"date_precision": "late_month", "approx_year": 2026},  # no month
        {"date_precision": "quarter", "approx_year": 2026, "approx_month": 6},  # a month, no quarter
        {"date_precision": "late_month", "approx_year": 2026, "approx_month": 13},
        {"date_precision": "quarter", "approx_year": 2026, "approx_quarter": 5},
        {
            "date_precision": "late_month",
            "approx_year": 2026,
            "approx_month": 6,
            "start_date": dt.date(2026, 6, 28),
        },
        {"date_precision": "exact", "approx_year": 2026, "start_date": dt.date(2026, 6, 28)},
        {"date_precision": "unannounced", "approx_year": 2026, "approx_month": 6},
    ],
)
def test_approximate_dates_that_contradict_themselves_are_refused(fields):
    with pytest.raises(ValidationError):
        services.event_create(user=OPERATOR, name="EthCC", **fields)
    assert not Event.objects.filter(name="EthCC").exists()


def test_year_list_places_approximate_events_in_their_month_and_unannounced_last():
    exact = factories.EventFactory(name="FOSDEM", start_date=dt.date(2026, 6, 5), end_date=None)
    late_june = approx(name="EthCC", date_precision="late_month", approx_year=2026, approx_month=6)
    q3 = approx(name="KubeCon", date_precision="quarter", approx_year=2026, approx_quarter=3)
    open_source_congress = approx(name="Open Source Congress", date_precision="unannounced", approx_year=2026)
    approx(name="Other year", date_precision="month", approx_year=2027, approx_month=6)
    months = event_year_list(events=Event.objects.all(), year=2026)
    assert months == [
        (dt.date(2026, 6, 1), [exact, late_june]),
        (dt.date(2026, 7, 1), [q3]),
        (None, [open_source_congress]),
    ]


def test_month_grid_lists_approximate_events_of_the_month_and_its_quarter():
    late_june = approx(name="EthCC", date_precision="late_month", approx_year=2026, approx_month=6)
    q2 = approx(name="Q2 summit", date_precision="quarter", approx_year=2026, approx_quarter=2)
    approx(name="July thing", date_precision="month", approx_year=2026, approx_month=7)
    assert event_month_approximate(events=Event.objects.all(), year=2026, month=6) == [q2, late_june]


def test_calendar_pages_show_approximate_dates_as_such(member_client):
    approx(name="EthCC", date_precision="late_month", approx_year=2026, approx_month=6)
    grid = member_client.get("/?month=2026-06", HTTP_ACCEPT_LANGUAGE="en").content.decode()
    assert "Sometime this month" in grid and "EthCC" in grid and "late June 2026" in grid
    listing = member_client.get("/?view=list&year=2026", HTTP_ACCEPT_LANGUAGE="en").content.decode()
    assert "EthCC" in listing and "late June 2026" in listing


def test_event_page_shows_approximate_dates_in_chinese(member_client):
    event = approx(name="EthCC", date_precision="late_month", approx_year=2026, approx_month=6)
    member_client.cookies["django_language"] = "zh-hans"
    page = member_client.get(f"/events/{event.pk}/", HTTP_ACCEPT_LANGUAGE="zh-hans").content.decode()
    assert "2026年6月下旬" in page


@pytest.mark.parametrize("count", [1, 4])
def test_year_list_with_approximate_events_stays_within_its_queries(
    member_client, django_assert_max_num_queries, count
):
    for index in range(count):
        approx(name=f"E{index}", date_precision="late_month", approx_year=2026, approx_month=6)
        approx(name=f"U{index}", date_precision="unannounced", approx_year=2026)
    with django_assert_max_num_queries(9):
        assert member_client.get("/?view=list&year=2026").status_code == 200
