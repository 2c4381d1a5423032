"""How a zone is written beside a time: its abbreviation when it names one zone, else the
UTC offset ("CST" is China, US Central and Cuba; readers in Beijing take it for theirs)."""

import datetime as dt
import zoneinfo

import pytest

from intl_portal.common.timezones import AOE, zone_abbreviation

WINTER = dt.datetime(2026, 1, 15, 12, 0, tzinfo=dt.UTC)
SUMMER = dt.datetime(2026, 7, 15, 12, 0, tzinfo=dt.UTC)


@pytest.mark.parametrize(
    "zone, instant, expected",
    [
        ("Asia/Shanghai", WINTER, "UTC+08:00"),
        ("Asia/Taipei", WINTER, "UTC+08:00"),
        ("America/Chicago", WINTER, "UTC-06:00"),
        ("America/Chicago", SUMMER, "UTC-05:00"),
        ("Asia/Kolkata", WINTER, "UTC+05:30"),
        ("Europe/London", SUMMER, "UTC+01:00"),
        ("America/Los_Angeles", WINTER, "UTC-08:00"),
        ("Asia/Seoul", WINTER, "KST"),
        ("Asia/Tokyo", SUMMER, "JST"),
        ("Europe/Brussels", WINTER, "CET"),
        ("Europe/Brussels", SUMMER, "CEST"),
        ("America/New_York", WINTER, "EST"),
        ("Asia/Singapore", WINTER, "UTC+08:00"),  # tzdata names it "+08"
        ("UTC", WINTER, "UTC"),
        (AOE, WINTER, "AoE"),
    ],
)
def test_zone_written_beside_a_time(zone, instant, expected):
    assert zone_abbreviation(instant.astimezone(zoneinfo.ZoneInfo(zone)), zone) == expected
