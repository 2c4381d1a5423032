"""The public feeds' filters: what they select, what they refuse (400), and that they show
exactly what the public pages show."""

import datetime as dt
import itertools

import pytest
from django.contrib.auth.models import AnonymousUser

from events.models import Deadline, Event
from events.selectors import deadlines_visible_to, events_visible_to
from tests import factories
from tests.events.feeds.ical_helpers import deadline_uid, event_uid

from .ical_helpers import (
    parse,
    vevents_by_uid,
)

CFP = "/calendar/cfp.ics"
EVENTS = "/calendar/events.ics"


@pytest.fixture
def filter_data(db):
    cloud = factories.TagFactory(slug="cloud", name_en="Cloud")
    jp = factories.EventFactory(country="JP", status=Event.Status.CONFIRMED)
    jp.tags.add(cloud)
    kr = factories.EventFactory(country="KR", status=Event.Status.CONSIDERING)
    return {
        "jp_close": factories.DeadlineFactory(event=jp, kind="cfp_close"),
        "jp_reg": factories.DeadlineFactory(event=jp, kind="registration"),
        "kr_close": factories.DeadlineFactory(event=kr, kind="cfp_close"),
    }


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ({"country": "JP"}, {"jp_close", "jp_reg"}),
        ({"country": "jp,kr"}, {"jp_close", "jp_reg", "kr_close"}),
        ({"status": "considering"}, {"kr_close"}),
        ({"kind": "cfp_close"}, {"jp_close", "kr_close"}),
        ({"tag": "cloud"}, {"jp_close", "jp_reg"}),
        ({"tag": "cloud", "kind": "registration"}, {"jp_reg"}),
        ({"country": ""}, {"jp_close", "jp_reg", "kr_close"}),
    ],
)
def test_cfp_feed_filters(client, filter_data, query, expected):
    uids = set(vevents_by_uid(parse(client.get(CFP, query))))
    assert uids == {deadline_uid(filter_data[name].pk) for name in expected}


def test_events_feed_filters(client, filter_data):
    jp = filter_data["jp_close"].event
    assert set(vevents_by_uid(parse(client.get(EVENTS, {"country": "JP"})))) == {event_uid(jp.pk)}
    assert set(vevents_by_uid(parse(client.get(EVENTS, {"kind": "registration"})))) == {event_uid(jp.pk)}


def test_events_feed_kind_filter_looks_only_at_public_deadlines(client, summit):
    """A public event is not listed under ?kind=other because of an INTERNAL deadline."""
    factories.DeadlineFactory(event=summit, kind="other", is_public=False)
    factories.DeadlineFactory(event=summit, kind="cfp_close")
    listed = factories.EventFactory(name="Listed", start_date=dt.date(2025, 11, 1), end_date=None)
    factories.DeadlineFactory(event=listed, kind="other")
    assert set(vevents_by_uid(parse(client.get(EVENTS, {"kind": "other"})))) == {event_uid(listed.pk)}
    assert set(vevents_by_uid(parse(client.get(EVENTS, {"kind": "cfp_close"})))) == {event_uid(summit.pk)}
    # The CFP feed agrees: the internal deadline is in neither public feed.
    assert set(vevents_by_uid(parse(client.get(CFP, {"kind": "other"})))) == {
        deadline_uid(listed.deadlines.get().pk)
    }


def test_public_feeds_show_what_the_public_pages_show(client, summit, member_user):
    """One visibility rule: the public feeds hold exactly what events_visible_to /
    deadlines_visible_to give an anonymous viewer, whoever is logged in."""
    factories.DeadlineFactory(event=summit)
    factories.DeadlineFactory(event=summit, is_public=False)
    internal = factories.EventFactory(is_public=False, start_date=dt.date(2025, 9, 1), end_date=None)
    factories.DeadlineFactory(event=internal)
    client.force_login(member_user)  # a member's session does not widen a public feed
    anyone = AnonymousUser()
    assert set(vevents_by_uid(parse(client.get(CFP)))) == {
        deadline_uid(pk) for pk in deadlines_visible_to(user=anyone).values_list("pk", flat=True)
    }
    assert set(vevents_by_uid(parse(client.get(EVENTS)))) == {
        event_uid(pk)
        for pk in events_visible_to(user=anyone).filter(start_date__isnull=False).values_list("pk", flat=True)
    }
    assert len(vevents_by_uid(parse(client.get(CFP)))) == 1


@pytest.mark.parametrize("url", [CFP, EVENTS])
@pytest.mark.parametrize(
    ("query", "message"),
    [
        ({"country": "XX"}, "Unknown country “XX”"),
        ({"status": "maybe"}, "Unknown status “maybe”"),
        ({"kind": "deadline"}, "Unknown deadline kind “deadline”"),
        ({"tag": "nope"}, "Unknown tag “nope”"),
        ({"lang": "fr"}, "Unknown language “fr”"),
        ({"colour": "red"}, "Unknown parameter “colour”"),
    ],
)
def test_unknown_filter_values_answer_400_in_plain_text(client, filter_data, url, query, message):
    response = client.get(url, query)
    assert response.status_code == 400
    assert response["Content-Type"] == "text/plain; charset=utf-8"
    assert message in response.content.decode()


@pytest.fixture
def leak_data(db):
    """Public and internal events and deadlines; every internal text says SECRET."""
    cloud = factories.TagFactory(slug="cloud", name_en="Cloud")
    jp = factories.EventFactory(country="JP", status=Event.Status.PLANNED)
    jp.tags.add(cloud)
    kr = factories.EventFactory(country="KR", status=Event.Status.CONSIDERING, notes="SECRET notes")
    internal = factories.EventFactory(name="SECRET summit", country="BE", is_public=False)
    internal.tags.add(cloud)
    public = [factories.DeadlineFactory(event=jp, kind="cfp_close"), factories.DeadlineFactory(event=kr)]
    for kind in Deadline.Kind.values:
        factories.DeadlineFactory(event=jp, kind=kind, is_public=False, title="SECRET track")
        factories.DeadlineFactory(event=kr, kind=kind, is_public=False, title="SECRET track")
        factories.DeadlineFactory(event=internal, kind=kind, title="SECRET deadline")
    return {"deadlines": {d.ical_uid for d in public}, "events": {jp.ical_uid, kr.ical_uid}}


def test_no_internal_data_in_any_public_feed_under_any_filters(client, leak_data):
    combinations = itertools.product(
        [None, "JP", "KR", "BE"],
        [None, "planned", "considering"],
        [None, *Deadline.Kind.values],
        [None, "cloud"],
    )
    for country, status, kind, tag in combinations:
        query = {
            name: value
            for name, value in (("country", country), ("status", status), ("kind", kind), ("tag", tag))
            if value
        }
        for path, allowed in ((CFP, leak_data["deadlines"]), (EVENTS, leak_data["events"])):
            response = client.get(path, query)
            assert b"SECRET" not in response.content, (path, query)
            assert set(vevents_by_uid(parse(response))) <= allowed, (path, query)
    # An event is listed under a kind only for a public deadline of that kind.
    assert set(vevents_by_uid(parse(client.get(EVENTS, {"kind": "other"})))) == set()
    for lang in ("en", "zh-hans"):
        for path in (CFP, EVENTS):
            assert b"SECRET" not in client.get(path, {"lang": lang}).content
