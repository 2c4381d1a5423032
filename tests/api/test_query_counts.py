"""Each list endpoint runs the same number of queries whatever the page holds (no N+1),
checked at two sizes with a literal count. The count includes the request's own queries:
session, the user with their Member (one query: members.backends) and groups."""

import datetime as dt
import itertools

import pytest

from tests import factories


def _event_with_everything():
    event = factories.EventFactory()
    event.tags.add(factories.TagFactory())
    factories.DeadlineFactory(event=event)
    factories.DeadlineFactory(event=event, is_public=False)
    factories.GoalFactory(event=event)
    factories.ParticipationFactory(event=event)
    event.alternatives.add(factories.EventFactory())
    return event


def _swag_request():
    request = factories.SwagRequestFactory()
    factories.SwagRequestLineFactory(request=request)
    return request


def _budget():
    budget = factories.BudgetFactory()
    factories.BudgetLineFactory(budget=budget)
    return budget


def _contact():
    contact = factories.ContactFactory()
    contact.events.add(factories.EventFactory())
    return contact


def _swag_item():
    item = factories.SwagItemFactory()
    factories.SwagVariantFactory(item=item, label="S")
    factories.SwagVariantFactory(item=item, label="L")
    return item


_DAYS = itertools.count()


def _exchange_rate():
    return factories.ExchangeRateFactory(date=dt.date(2025, 1, 1) + dt.timedelta(days=next(_DAYS)))


LISTS = [
    # (path, make one item, queries as coordinator)
    ("events", _event_with_everything, 10),
    ("deadlines", factories.DeadlineFactory, 5),
    ("tags", factories.TagFactory, 5),
    ("goals", factories.GoalFactory, 5),
    ("participations", factories.ParticipationFactory, 5),
    ("action-items", factories.ActionItemFactory, 5),
    ("ideas", factories.IdeaFactory, 5),
    ("contacts", _contact, 6),
    ("members", factories.MemberFactory, 5),
    ("roles", factories.RoleFactory, 5),
    ("role-assignments", factories.RoleAssignmentFactory, 5),
    ("budgets", _budget, 6),
    ("budget-lines", factories.BudgetLineFactory, 5),
    ("expenses", factories.ExpenseFactory, 5),
    ("exchange-rates", _exchange_rate, 5),
    ("ambassadors", factories.EnrolmentFactory, 5),
    ("contributions", factories.ContributionFactory, 5),
    ("rewards", factories.RewardFactory, 5),
    ("swag-items", _swag_item, 6),
    ("swag-requests", _swag_request, 6),
]


@pytest.mark.parametrize("size", [2, 6])
@pytest.mark.parametrize(("path", "make", "queries"), LISTS, ids=[row[0] for row in LISTS])
def test_list_query_count_is_constant(path, make, queries, size, api_as, django_assert_num_queries):
    for _ in range(size):
        make()
    client = api_as("coordinator")
    with django_assert_num_queries(queries):
        response = client.get(f"/api/{path}/?page_size=50")
    assert response.status_code == 200
    assert len(response.json()["results"]) >= size


@pytest.mark.parametrize("size", [2, 6])
def test_public_event_list_query_count_is_constant(size, api_as, django_assert_num_queries):
    for _ in range(size):
        _event_with_everything()
    with django_assert_num_queries(4):
        response = api_as("anonymous").get("/api/events/")
    assert response.json()["count"] >= size
