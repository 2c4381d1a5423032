"""The CFP board: deadlines by time left, shown as announced and in the viewer's zone."""

import datetime as dt

from django.utils import timezone

from events.models import Deadline, Event
from intl_portal.middleware import SESSION_KEY
from members.models import Member
from tests import factories

XSS = "<script>alert(1)</script>"


def _due_in(days, **fields):
    return factories.DeadlineFactory(due_at=timezone.now() + dt.timedelta(days=days), **fields)


def _set_session_zone(client, zone):
    session = client.session
    session[SESSION_KEY] = zone
    session.save()


def test_cfp_board_lists_upcoming_by_time_left_and_overdue_below(member_client):
    later = _due_in(20, event__name="Later")
    sooner = _due_in(2, event__name="Sooner")
    past = _due_in(-3, event__name="Past")
    older = _due_in(-30, event__name="Older")
    response = member_client.get("/cfp/")
    assert response.context["upcoming"] == [sooner, later]
    assert response.context["overdue"] == [past, older]
    text = response.text
    assert text.index("Sooner") < text.index("Later") < text.index("Past") < text.index("Older")
    assert 'class="deadline past"' in text
    assert text.count('class="countdown"') == 2


def test_cfp_board_shows_the_announced_zone_and_the_viewer_zone(member_client):
    # "Closes June 30, 3:59 PM KST" is 06:59 UTC.
    factories.DeadlineFactory(due_at=dt.datetime(2025, 6, 30, 6, 59, tzinfo=dt.UTC), timezone="Asia/Seoul")
    _set_session_zone(member_client, "Europe/Berlin")
    response = member_client.get("/cfp/")
    assert "2025-06-30 15:59 KST" in response.text
    assert "your time: 2025-06-30 08:59 CEST" in response.text


def test_cfp_board_labels_anywhere_on_earth(member_client):
    factories.DeadlineFactory(
        due_at=dt.datetime(2025, 7, 15, 11, 59, tzinfo=dt.UTC),
        timezone="Etc/GMT+12",
        is_date_only=True,
    )
    response = member_client.get("/cfp/")
    assert "2025-07-14 23:59 AoE" in response.text


def test_cfp_board_uses_the_member_zone_when_the_session_has_none(member_client, member_user):
    Member.objects.filter(user=member_user).update(timezone="Asia/Tokyo")
    factories.DeadlineFactory(due_at=dt.datetime(2025, 6, 30, 6, 59, tzinfo=dt.UTC), timezone="UTC")
    response = member_client.get("/cfp/")
    assert "your time: 2025-06-30 15:59 JST" in response.text


def test_cfp_board_session_zone_wins_over_the_member_zone(member_client, member_user):
    Member.objects.filter(user=member_user).update(timezone="Asia/Tokyo")
    _set_session_zone(member_client, "UTC")
    factories.DeadlineFactory(due_at=dt.datetime(2025, 6, 30, 6, 59, tzinfo=dt.UTC), timezone="Asia/Seoul")
    response = member_client.get("/cfp/")
    assert "your time: 2025-06-30 06:59 UTC" in response.text


def test_cfp_board_does_not_repeat_a_time_the_viewers_zone_shows_alike(member_client):
    # Announced in Seoul, read in Tokyo: the same clock time, written once.
    _set_session_zone(member_client, "Asia/Tokyo")
    factories.DeadlineFactory(due_at=dt.datetime(2025, 6, 30, 6, 59, tzinfo=dt.UTC), timezone="Asia/Seoul")
    response = member_client.get("/cfp/")
    assert "2025-06-30 15:59 KST" in response.text
    assert "your time:" not in response.text


def test_cfp_board_visitor_defaults_to_utc(client, db):
    factories.DeadlineFactory(due_at=dt.datetime(2025, 6, 30, 6, 59, tzinfo=dt.UTC), timezone="Asia/Seoul")
    response = client.get("/cfp/")
    assert "your time: 2025-06-30 06:59 UTC" in response.text


def test_cfp_board_says_when_nothing_is_upcoming(member_client):
    factories.DeadlineFactory(event__name="GOSIM Hangzhou 2025")  # 2025-07-14
    response = member_client.get("/cfp/")
    assert "No upcoming deadlines." in response.text
    assert "The most recent ones are below." in response.text
    assert "GOSIM Hangzhou 2025" in response.text


def test_cfp_board_public_view_hides_private_deadlines_and_events(client, db):
    _due_in(5, event__name="Public event")
    _due_in(5, event__name="Private deadline", is_public=False)
    _due_in(5, event__name="Private event", event__is_public=False)
    response = client.get("/cfp/")
    assert [deadline.event.name for deadline in response.context["upcoming"]] == ["Public event"]
    assert "Private" not in response.text


def test_cfp_board_leaves_out_declined_events_unless_asked(member_client):
    _due_in(5, event__name="Going")
    _due_in(5, event__name="Not going", event__status=Event.Status.DECLINED)
    response = member_client.get("/cfp/")
    assert [deadline.event.name for deadline in response.context["upcoming"]] == ["Going"]
    response = member_client.get("/cfp/?status=declined")
    assert [deadline.event.name for deadline in response.context["upcoming"]] == ["Not going"]


def test_cfp_board_uses_the_calendar_filters(member_client, member_user):
    mine = _due_in(5, event__name="Mine", event__country="JP")
    _due_in(5, event__name="Not mine", event__country="BE")
    factories.ParticipationFactory(event=mine.event, member=Member.objects.get(user=member_user))
    assert [d.event.name for d in member_client.get("/cfp/?mine=1").context["upcoming"]] == ["Mine"]
    assert [d.event.name for d in member_client.get("/cfp/?country=BE").context["upcoming"]] == ["Not mine"]


def test_cfp_board_bad_filter_gives_everything_and_a_message(member_client):
    _due_in(5, event__name="One")
    _due_in(6, event__name="Two", kind=Deadline.Kind.REGISTRATION)
    response = member_client.get("/cfp/?priority=-1&kind=<b>")
    assert response.status_code == 200
    assert len(response.context["upcoming"]) == 2
    assert "were not understood" in response.text


def test_cfp_board_escapes_names(member_client):
    _due_in(5, event__name=XSS, title=XSS)
    response = member_client.get("/cfp/")
    assert XSS not in response.text
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in response.text
