"""Every members' page renders in fewer than 10 queries, whatever the number of events."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from members.models import Member
from tests import factories

from .pages_data import make_many_events

MAX_QUERIES = 9


def _pages(events):
    middle = events[len(events) // 2].pk
    return [
        "/",
        "/?view=list",
        "/?status=planned&country=JP&kind=conference&tag=ai&priority=2&mine=1",
        "/cfp/",
        "/cfp/?tag=rust&mine=1",
        f"/events/{middle}/",
        "/me/",
    ]


@pytest.mark.parametrize("count", [3, 300])
def test_member_pages_stay_under_ten_queries(client, member_user, django_assert_max_num_queries, count):
    member = Member.objects.get(user=member_user)
    events = make_many_events(count, member=member)
    factories.ContributionFactory.create_batch(3, member=member, event=events[0])
    client.force_login(member_user)
    for url in [*_pages(events), f"/members/{member.pk}/"]:
        with django_assert_max_num_queries(MAX_QUERIES):
            response = client.get(url)
        assert response.status_code == 200, url


@pytest.mark.parametrize("count", [3, 300])
def test_public_pages_stay_under_ten_queries(client, db, django_assert_max_num_queries, count):
    member = factories.MemberFactory()
    events = make_many_events(count, member=member)
    for url in _pages(events)[:-1]:
        with django_assert_max_num_queries(MAX_QUERIES):
            response = client.get(url)
        assert response.status_code == 200, url


def test_outsider_pages_stay_under_ten_queries(client, outsider, django_assert_max_num_queries):
    member = factories.MemberFactory()
    events = make_many_events(50, member=member)
    client.force_login(outsider)
    for url in _pages(events):
        with django_assert_max_num_queries(MAX_QUERIES):
            response = client.get(url)
        assert response.status_code == 200, url


@pytest.mark.parametrize("count", [30, 300])
def test_the_eight_pages_and_their_later_pages_stay_under_ten_queries_at_two_sizes(
    client, coordinator, member_user, django_assert_max_num_queries, count
):
    """The pages of issue 14's benchmark (bench/pages.py) on a group's history of `count`
    events (four deadlines each), their windows' later pages included. (A coordinator's event
    page adds the trackers' panel: it is measured as a member's, as in the benchmark.)"""
    from django.test import Client

    from budget.models import Budget

    from .history_data import make_history

    member = Member.objects.get(user=coordinator)
    events = make_history(count, member=member)
    client.force_login(coordinator)
    member_client = Client()
    member_client.force_login(member_user)
    middle = events[len(events) // 2].pk
    with django_assert_max_num_queries(MAX_QUERIES):
        assert member_client.get(f"/events/{middle}/").status_code == 200
    budget = Budget.objects.get()
    for url in [
        "/",
        "/?view=list",
        "/cfp/",
        "/cfp/?page=2",
        "/me/",
        "/me/?events=2&deadlines=2&actions=2&contributions=2",
        f"/members/{member.pk}/",
        "/program/",
        f"/budget/{budget.pk}/",
        "/triage/",
        "/triage/?proposals=2&volunteers=2&requests=2&dates=2&ideas=2",
    ]:
        with django_assert_max_num_queries(MAX_QUERIES, info=url):
            response = client.get(url)
        assert response.status_code == 200, url


def test_an_event_page_costs_the_same_queries_with_the_members_own_rows(member_client, member_user):
    """My own participation shows its buttons (confirm, decline, withdraw, unless the event is
    over), read from the page's event: no query of its own."""

    def queries(event):
        with CaptureQueriesContext(connection) as captured:
            assert member_client.get(f"/events/{event.pk}/").status_code == 200
        return len(captured)

    others, mine = factories.upcoming_event(), factories.upcoming_event()
    for event in (others, mine):
        factories.ParticipationFactory(event=event, role="attendee")
    own = factories.ParticipationFactory(
        event=mine, member=member_user.member, role="speaker", status="proposed"
    )
    page = member_client.get(f"/events/{mine.pk}/").content.decode()
    assert f"/participations/{own.pk}/confirm/" in page
    assert queries(mine) == queries(others)
