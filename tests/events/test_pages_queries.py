"""Every members' page renders in fewer than 10 queries, whatever the number of events."""

import pytest

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
