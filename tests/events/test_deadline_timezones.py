"""Deadlines are stored in UTC and keep the zone they were announced in."""

import datetime as dt

import pytest
from django.core.exceptions import ValidationError

from events import services
from intl_portal.common.timezones import AOE
from members.permissions import OPERATOR
from tests import factories

UTC = dt.UTC


def test_korea_cfp_1559_kst_is_0659_utc():
    instant, zone = services.deadline_instant(local=dt.datetime(2025, 6, 30, 15, 59), zone="Asia/Seoul")
    assert instant == dt.datetime(2025, 6, 30, 6, 59, tzinfo=UTC)
    assert zone == "Asia/Seoul"


def test_japan_cfp_1559_jst_is_0659_utc():
    instant, _ = services.deadline_instant(local=dt.datetime(2025, 8, 4, 15, 59), zone="Asia/Tokyo")
    assert instant == dt.datetime(2025, 8, 4, 6, 59, tzinfo=UTC)


def test_deadline_date_only_closes_at_2359_local():
    instant, _ = services.deadline_instant(local=dt.date(2025, 7, 14), zone="Asia/Shanghai", date_only=True)
    assert instant == dt.datetime(2025, 7, 14, 15, 59, tzinfo=UTC)


def test_aoe_is_utc_minus_12():
    instant, zone = services.deadline_instant(local=dt.date(2025, 3, 1), zone="AoE")
    assert zone == AOE
    assert instant == dt.datetime(2025, 3, 2, 11, 59, tzinfo=UTC)


def test_daylight_saving_is_respected():
    winter, _ = services.deadline_instant(local=dt.datetime(2025, 1, 15, 12, 0), zone="Europe/Brussels")
    summer, _ = services.deadline_instant(local=dt.datetime(2025, 7, 15, 12, 0), zone="Europe/Brussels")
    assert (winter.hour, summer.hour) == (11, 10)


def test_unknown_zone_is_a_validation_error():
    with pytest.raises(ValidationError) as error:
        services.deadline_instant(local=dt.date(2025, 1, 1), zone="Mars/Olympus")
    assert "Mars/Olympus" in error.value.messages[0]


@pytest.mark.django_db
def test_deadline_keeps_announced_zone_and_shows_local_time():
    event = factories.EventFactory()
    deadline = services.deadline_set(
        user=OPERATOR,
        event=event,
        kind="cfp_close",
        local=dt.datetime(2025, 6, 30, 15, 59),
        zone="Asia/Seoul",
    )
    deadline.refresh_from_db()
    assert deadline.due_at == dt.datetime(2025, 6, 30, 6, 59, tzinfo=UTC)
    assert deadline.timezone == "Asia/Seoul"
    assert deadline.local_due_at.strftime("%H:%M") == "15:59"
    assert deadline.is_date_only is False


@pytest.mark.django_db
def test_moving_a_deadline_raises_its_sequence_and_keeping_it_does_not():
    event = factories.EventFactory()
    deadline = services.deadline_set(
        user=OPERATOR, event=event, kind="cfp_close", local=dt.date(2025, 7, 14), zone="UTC"
    )
    services.deadline_set(
        user=OPERATOR,
        event=event,
        kind="cfp_close",
        local=dt.date(2025, 7, 14),
        zone="UTC",
        deadline=deadline,
    )
    assert deadline.sequence == 0
    services.deadline_set(
        user=OPERATOR,
        event=event,
        kind="cfp_close",
        local=dt.date(2025, 7, 21),
        zone="UTC",
        deadline=deadline,
    )
    assert deadline.sequence == 1
