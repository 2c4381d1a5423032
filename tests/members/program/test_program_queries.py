"""Program pages: their query counts do not grow with the rows they list."""

import pytest
from django.urls import reverse
from django.utils import timezone

from members.models import ContributionPublication
from members.program import services
from tests import factories

from .records import accepted, enrolled

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize("count", [1, 6])
def test_program_page_query_count_does_not_grow(client, coordinator, count, django_assert_num_queries):
    factories.PointRuleFactory(points=10)
    for number in range(count):
        member = factories.MemberFactory()
        enrolled(member, public=True)
        contribution = accepted(member, coordinator, public=True, title=f"A{number}")
        ContributionPublication.objects.create(
            contribution=contribution,
            channel="linkedin",
            language="en",
            published_at=timezone.now(),
        )
    with django_assert_num_queries(3):  # enrolments, contributions, publications
        response = client.get(reverse("program:page"))
    assert len(response.context["rows"]) == count


@pytest.mark.parametrize("count", [1, 5])
def test_calendar_query_count_does_not_grow(member_client, count, django_assert_num_queries):
    for _ in range(count):
        contribution = factories.ContributionFactory(title_zh="", title_en="T")
        ContributionPublication.objects.create(
            contribution=contribution, channel="x", language="en", planned_for=timezone.now()
        )
    # session, user with member, groups; publications (dated, undated), pairs, their publications
    with django_assert_num_queries(7):
        response = member_client.get(reverse("program:calendar"))
    assert len(response.context["missing"]) == count


@pytest.mark.parametrize("count", [1, 5])
def test_swag_page_query_count_does_not_grow(
    coordinator_client, coordinator, count, django_assert_num_queries
):
    room = factories.StockLocationFactory()
    for number in range(count):
        variant = factories.SwagVariantFactory(label=f"V{number}")
        services.stock_record(user=coordinator, variant=variant, kind="in", quantity=3, to_location=room)
        services.swag_request_create(
            user=coordinator, recipient_name="A", address="B", reason="booth", lines=[(variant, 1)]
        )
    # session, user with member, groups; locations, variants, levels; requests, their lines
    with django_assert_num_queries(8):
        response = coordinator_client.get(reverse("program:swag"))
    assert len(response.context["table"]) == count
