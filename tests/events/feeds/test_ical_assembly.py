"""Feed bodies kept up to date entry by entry: after any change the body is the one a full
build gives, and concurrent polls after a change share one build."""

import datetime as dt
import threading

import pytest
from django.core.cache import cache
from django.db import connection
from django.test import Client
from django.utils import timezone

from events.feeds.assembly import builds, snapshots
from events.models import Deadline, Event
from events.services import deadline_set, event_update
from members.permissions import OPERATOR
from tests import factories

CFP = "/calendar/cfp.ics"
EVENTS = "/calendar/events.ics"
FUTURE = (timezone.now() + dt.timedelta(days=20)).replace(microsecond=0)


@pytest.fixture
def many(db):
    events = [factories.EventFactory(country=code) for code in ("JP", "CN", "BE")]
    deadlines = [
        factories.DeadlineFactory(event=event, due_at=FUTURE + dt.timedelta(days=index))
        for index in range(10)
        for event in events
    ]
    return events, deadlines


def _full_build(client, path, query):
    """The body a process that never built this feed would serve."""
    snapshots.clear()
    cache.clear()
    return client.get(path, query).content


CHANGES = {
    "move a deadline": lambda events, deadlines: deadline_set(
        user=OPERATOR,
        event=deadlines[4].event,
        kind="cfp_close",
        local=FUTURE + dt.timedelta(days=90),
        zone="Asia/Tokyo",
        deadline=deadlines[4],
    ),
    "add a deadline": lambda events, deadlines: factories.DeadlineFactory(event=events[0], due_at=FUTURE),
    "delete a deadline": lambda events, deadlines: deadlines[7].delete(),
    "rename an event": lambda events, deadlines: event_update(user=OPERATOR, event=events[1], name="Renamed"),
    "make an event internal": lambda events, deadlines: event_update(
        user=OPERATOR, event=events[2], is_public=False
    ),
    "a deadline passes": lambda events, deadlines: Deadline.objects.filter(pk=deadlines[0].pk).update(
        due_at=timezone.now() - dt.timedelta(minutes=1)
    ),
    "move an event": lambda events, deadlines: event_update(
        user=OPERATOR, event=events[0], start_date=dt.date(2027, 1, 1), end_date=dt.date(2027, 1, 2)
    ),
}


@pytest.mark.parametrize("change", list(CHANGES))
@pytest.mark.parametrize(("path", "query"), [(CFP, {}), (CFP, {"lang": "zh-hans"}), (EVENTS, {})])
def test_after_a_change_the_next_body_is_a_full_builds_body_built_incrementally(
    client, many, change, path, query
):
    first = client.get(path, query).content
    full, incremental = builds.full, builds.incremental
    CHANGES[change](*many)
    updated = client.get(path, query).content
    assert builds.full == full  # never rebuilt from scratch
    if path == CFP:  # every change shows in the CFP feed (the events feed ignores deadlines)
        assert updated != first and builds.incremental == incremental + 1
    assert updated == _full_build(client, path, query)


def test_the_same_feed_again_is_served_from_the_cache_without_a_build(client, many):
    client.get(CFP)
    count = builds.total
    assert client.get(CFP).status_code == 200
    assert builds.total == count


def test_a_process_whose_snapshot_is_too_far_behind_builds_in_full(client, many):
    client.get(CFP)
    events, _deadlines = many
    for index in range(3):
        Deadline.objects.bulk_create(
            Deadline(event=events[index], due_at=FUTURE, ical_uid=f"bulk-{index}-{n}@test")
            for n in range(200)
        )
    Event.objects.filter(pk=events[0].pk).update(name="Changed")  # no save: bulk rows only
    full = builds.full
    body = client.get(CFP).content
    assert builds.full == full + 1
    assert body.count(b"BEGIN:VEVENT") == 630
    assert body == _full_build(client, CFP, {})


@pytest.mark.postgres
@pytest.mark.django_db(transaction=True)
def test_twenty_concurrent_polls_after_an_edit_cause_exactly_one_build():
    events = [factories.EventFactory(country="JP") for _ in range(20)]
    deadlines = [
        factories.DeadlineFactory(event=event, due_at=FUTURE + dt.timedelta(hours=n))
        for n, event in enumerate(events * 10)
    ]
    Client().get(CFP)
    deadline_set(
        user=OPERATOR,
        event=deadlines[0].event,
        kind="cfp_close",
        local=FUTURE + dt.timedelta(days=3),
        zone="UTC",
        deadline=deadlines[0],
    )
    before = builds.total
    start = threading.Barrier(20)
    bodies, errors = [], []

    def poll():
        try:
            start.wait()
            response = Client().get(CFP)
            bodies.append((response.status_code, response.content))
        except Exception as error:  # reported below
            errors.append(error)
        finally:
            connection.close()

    threads = [threading.Thread(target=poll) for _ in range(20)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(60)
    assert errors == []
    assert len(bodies) == 20 and {status for status, _body in bodies} == {200}
    assert len({body for _status, body in bodies}) == 1
    assert builds.total == before + 1


def test_a_request_waits_for_another_processs_build_instead_of_building(db):
    """Another process holds the build lock in the shared cache and stores the body: this
    process takes that body and builds nothing."""
    from events.feeds.assembly import feed_body

    body_key = "ical:body:test-etag"
    cache.add(f"{body_key}:building", 1, 60)

    def other_process():
        cache.set(body_key, b"BODY FROM ELSEWHERE", 60)
        cache.delete(f"{body_key}:building")

    timer = threading.Timer(0.2, other_process)
    timer.start()
    built = []
    assert feed_body(body_key=body_key, variant="v", build=lambda: built.append(1) or b"MINE") == (
        b"BODY FROM ELSEWHERE"
    )
    timer.join()
    assert built == []
    # The other process gave up (its lock expired without a body): this one builds.
    cache.add("ical:body:gone:building", 1, 1)
    timer = threading.Timer(0.1, lambda: cache.delete("ical:body:gone:building"))
    timer.start()
    assert feed_body(body_key="ical:body:gone", variant="v", build=lambda: b"MINE") == b"MINE"
    timer.join()


def test_a_request_that_missed_the_cache_just_before_a_build_ended_takes_that_body(db, monkeypatch):
    """The race CI once hit: a request misses the cache, another request's build stores the
    body and ends its flight, and only then does the first look for a flight. It finds none:
    it must take the stored body, not build a second time."""
    from events.feeds import assembly

    body_key = "ical:body:race"
    real = assembly._cache_call
    misses = []

    def cache_call(method, *args, default=None):
        if method == "get" and args == (body_key,) and not misses:
            misses.append(1)
            cache.set(body_key, b"BODY OF THE BUILD THAT JUST ENDED", 60)  # it ends meanwhile
            return None
        return real(method, *args, default=default)

    monkeypatch.setattr(assembly, "_cache_call", cache_call)
    built = []
    body = assembly.feed_body(body_key=body_key, variant="v", build=lambda: built.append(1) or b"MINE")
    assert body == b"BODY OF THE BUILD THAT JUST ENDED"
    assert built == []
