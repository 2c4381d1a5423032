"""Personal calendar feeds (/calendar/feed/<token>.ics) and the member's page /me/calendar/."""

import datetime as dt

import pytest
from django.urls import reverse
from django.utils import timezone

from events.feeds.services import calendar_feed_for_member, calendar_feed_update
from events.models import CalendarFeed, Participation
from members.permissions import member_of
from tests import factories
from tests.events.feeds.ical_helpers import deadline_uid, event_uid

from .ical_helpers import content_lines, instant, parse, vevents_by_uid

PAGE = "/me/calendar/"
# A deadline still ahead whenever the suite runs (past ones carry no alarms).
SOON = (timezone.now() + dt.timedelta(days=60)).replace(second=0, microsecond=0)


def feed_url(feed):
    return reverse("calendar:personal", kwargs={"token": feed.token})


@pytest.fixture
def feed(member_user):
    return calendar_feed_for_member(member=member_of(member_user))


@pytest.fixture
def two_members(db):
    """Member A and member B, each going to an internal event of their own."""
    a = factories.MemberFactory(user=factories.UserFactory(username="a"), display_name="A")
    b = factories.MemberFactory(user=factories.UserFactory(username="b"), display_name="B")
    a_event = factories.EventFactory(name="A's internal summit", is_public=False)
    b_event = factories.EventFactory(name="B's internal summit", is_public=False)
    factories.ParticipationFactory(member=a, event=a_event)
    factories.ParticipationFactory(member=b, event=b_event)
    return {
        "a": calendar_feed_for_member(member=a),
        "b": calendar_feed_for_member(member=b),
        "a_deadline": factories.DeadlineFactory(event=a_event),
        "b_deadline": factories.DeadlineFactory(event=b_event),
    }


def test_token_is_random_with_at_least_128_bits(two_members):
    tokens = {two_members["a"].token, two_members["b"].token}
    assert len(tokens) == 2
    for token in tokens:
        # URL-safe base64: 6 bits a character; 43 characters = 256 bits.
        assert len(token) >= 22
        assert set(token) <= set("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_")


def test_personal_feed_includes_internal_events_without_a_session(client, two_members):
    uids = set(vevents_by_uid(parse(client.get(feed_url(two_members["a"])))))
    assert deadline_uid(two_members["a_deadline"].pk) in uids
    public_uids = set(vevents_by_uid(parse(client.get("/calendar/cfp.ics"))))
    assert deadline_uid(two_members["a_deadline"].pk) not in public_uids


def test_one_members_token_never_shows_another_members_events(client, two_members):
    for name in ("a", "b"):
        feed = two_members[name]
        calendar_feed_update(
            feed=feed,
            scope=CalendarFeed.Scope.MINE,
            kinds=[],
            alarm_minutes=[1440],
            language="",
            include_events=True,
        )
    a_uids = set(vevents_by_uid(parse(client.get(feed_url(two_members["a"])))))
    b_uids = set(vevents_by_uid(parse(client.get(feed_url(two_members["b"])))))
    a_deadline, b_deadline = two_members["a_deadline"], two_members["b_deadline"]
    assert a_uids == {deadline_uid(a_deadline.pk), event_uid(a_deadline.event_id)}
    assert b_uids == {deadline_uid(b_deadline.pk), event_uid(b_deadline.event_id)}


def test_declined_participation_leaves_the_event_out_of_my_events(client, two_members):
    feed = two_members["a"]
    calendar_feed_update(
        feed=feed, scope="mine", kinds=[], alarm_minutes=[], language="", include_events=False
    )
    Participation.objects.filter(member=feed.member).update(status=Participation.Status.DECLINED)
    assert vevents_by_uid(parse(client.get(feed_url(feed)))) == {}


def test_regenerated_token_kills_the_old_address_at_once(client, member_client, feed):
    old_url = feed_url(feed)
    assert client.get(old_url).status_code == 200
    response = member_client.post(PAGE, {"regenerate": "1"})
    assert response.status_code == 302
    feed.refresh_from_db()
    assert client.get(old_url).status_code == 404
    assert client.get(feed_url(feed)).status_code == 200
    assert feed_url(feed) != old_url


@pytest.mark.parametrize("token", ["x" * 43, "short", "a" * 43 + "/../cfp"])
def test_unknown_token_is_404(client, feed, token):
    assert client.get(f"/calendar/feed/{token}.ics").status_code == 404


def test_feed_of_an_inactive_member_or_login_is_404(client, feed, member_user):
    url = feed_url(feed)
    member_user.is_active = False
    member_user.save()
    assert client.get(url).status_code == 404
    member_user.is_active = True
    member_user.save()
    feed.member.active = False
    feed.member.save()
    assert client.get(url).status_code == 404


def test_member_choices_kinds_alarms_and_language(client, feed):
    event = factories.EventFactory(name="Open Source Summit Japan 2025", country="JP")
    close = factories.DeadlineFactory(event=event, kind="cfp_close", timezone="Asia/Tokyo", due_at=SOON)
    factories.DeadlineFactory(event=event, kind="registration")
    calendar_feed_update(
        feed=feed,
        scope="all",
        kinds=["cfp_close"],
        alarm_minutes=[60, 20160],
        language="zh-hans",
        include_events=False,
    )
    calendar = parse(client.get(feed_url(feed)))
    vevents = vevents_by_uid(calendar)
    assert set(vevents) == {deadline_uid(close.pk)}
    vevent = vevents[deadline_uid(close.pk)]
    assert instant(vevent) == close.due_at
    assert [alarm.decoded("TRIGGER") for alarm in vevent.walk("VALARM")] == [
        -dt.timedelta(days=14),
        -dt.timedelta(hours=1),
    ]
    assert str(calendar["X-WR-CALNAME"]) == "我的截止日期 · 国际接轨组"
    assert "日期：" in str(vevent["DESCRIPTION"])
    english = parse(client.get(feed_url(feed), {"lang": "en"}))
    assert str(english["X-WR-CALNAME"]) == "My deadlines · International outreach"


def test_personal_feed_defaults_to_the_members_language(client, feed):
    feed.member.preferred_language = "zh-hans"
    feed.member.save()
    factories.DeadlineFactory()
    calendar = parse(client.get(feed_url(feed)))
    assert str(calendar["X-WR-CALNAME"]) == "我的截止日期 · 国际接轨组"


def test_personal_feed_is_private_and_marks_internal_entries(client, two_members):
    response = client.get(feed_url(two_members["a"]))
    assert response["Cache-Control"] == "private, max-age=3600"
    assert max(len(line) for line in content_lines(response.content)) <= 75
    vevent = vevents_by_uid(parse(response))[deadline_uid(two_members["a_deadline"].pk)]
    assert str(vevent["CLASS"]) == "PRIVATE"
    again = client.get(feed_url(two_members["a"]), headers={"If-None-Match": response["ETag"]})
    assert again.status_code == 304


def test_settings_change_changes_the_etag(client, feed):
    factories.DeadlineFactory(due_at=SOON)
    first = client.get(feed_url(feed))
    calendar_feed_update(
        feed=feed, scope="all", kinds=[], alarm_minutes=[0], language="", include_events=False
    )
    again = client.get(feed_url(feed), headers={"If-None-Match": first["ETag"]})
    assert again.status_code == 200
    assert parse(again).walk("VALARM")[0].decoded("TRIGGER") == dt.timedelta(0)


def test_personal_feed_rejects_unknown_filters(client, feed):
    response = client.get(feed_url(feed), {"kind": "nope"})
    assert response.status_code == 400
    assert "Unknown deadline kind “nope”" in response.content.decode()


@pytest.mark.parametrize("size", [1, 10])
def test_personal_feed_query_count_is_constant(client, db, django_assert_num_queries, size):
    member = factories.MemberFactory(user=factories.UserFactory(username="m"))
    feed = calendar_feed_for_member(member=member)
    calendar_feed_update(
        feed=feed, scope="mine", kinds=[], alarm_minutes=[1440], language="", include_events=True
    )
    factories.TagFactory(slug="cloud")
    for _index in range(size):
        event = factories.EventFactory(is_public=False)
        factories.ParticipationFactory(member=member, event=event)
        factories.DeadlineFactory.create_batch(2, event=event, timezone="Europe/Berlin")
    # The feed and member, the validators, one read per kind of row.
    with django_assert_num_queries(4):
        response = client.get(feed_url(feed))
    assert len(vevents_by_uid(parse(response))) == size * 3
    with django_assert_num_queries(5):
        assert client.get(feed_url(feed), {"tag": "cloud"}).status_code == 200
    with django_assert_num_queries(2):
        assert client.get(feed_url(feed), headers={"If-None-Match": response["ETag"]}).status_code == 304


# The member's page


def test_page_needs_a_login(client, db):
    response = client.get(PAGE)
    assert response.status_code == 302
    assert response["Location"].startswith(reverse("login"))


def test_page_for_a_login_without_member_profile_is_403(client, outsider):
    client.force_login(outsider)
    response = client.get(PAGE)
    assert response.status_code == 403
    assert CalendarFeed.objects.count() == 0


def test_page_shows_address_webcal_link_and_copy_button(member_client, member_user, settings):
    settings.PORTAL_BASE_URL = "https://portal.example.org"
    response = member_client.get(PAGE)
    assert response.status_code == 200
    feed = CalendarFeed.objects.get(member=member_of(member_user))
    html = response.content.decode()
    assert f'value="https://portal.example.org/calendar/feed/{feed.token}.ics"' in html
    assert f'href="webcal://portal.example.org/calendar/feed/{feed.token}.ics"' in html
    assert 'data-copy-target="feed-url"' in html
    assert 'src="/static/js/calendar_feed.js"' in html
    assert "<script>" not in html and " style=" not in html


def test_page_saves_settings(member_client, feed):
    response = member_client.post(
        PAGE,
        {
            "scope": "mine",
            "kinds": ["cfp_close", "cfp_open"],
            "alarm_minutes": ["10080", "60"],
            "language": "en",
            "include_events": "on",
        },
    )
    assert response.status_code == 302
    feed.refresh_from_db()
    assert (feed.scope, feed.kinds, feed.alarm_minutes, feed.language, feed.include_events) == (
        "mine",
        ["cfp_close", "cfp_open"],
        [10080, 60],
        "en",
        True,
    )


@pytest.mark.parametrize(
    "data",
    [
        {"scope": "everyone", "alarm_minutes": ["60"]},
        {"scope": "all", "alarm_minutes": ["61"]},
        {"scope": "all", "kinds": ["party"]},
        {"scope": "all", "alarm_minutes": ["0", "60", "180", "1440", "2880"]},
        {"scope": "all", "language": "fr"},
    ],
)
def test_page_rejects_bad_settings_and_changes_nothing(member_client, feed, data):
    before = CalendarFeed.objects.values().get(pk=feed.pk)
    response = member_client.post(PAGE, data)
    assert response.status_code == 400
    assert CalendarFeed.objects.values().get(pk=feed.pk) == before


def test_page_in_chinese(member_client, feed):
    response = member_client.get(PAGE, headers={"Accept-Language": "zh-hans"})
    assert "我的日历订阅" in response.content.decode()


def test_feed_page_shows_when_the_address_was_made_in_the_viewers_zone(member_client, member_user):
    member_client.post("/timezone/", {"timezone": "Asia/Tokyo", "next": "/"})
    content = member_client.get("/me/calendar/").content.decode()
    assert "JST." in content
    assert "(UTC)" not in content
