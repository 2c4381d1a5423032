"""Where an event is, as the pages write it: only the parts that are known ("Belgium", never
", Belgium"), and no empty "Place" row on the event page."""

import pytest
from django.urls import reverse

from events.models import Event
from tests import factories

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(
    ("fields", "expected"),
    [
        ({"city": "Brussels", "country": "BE"}, "Brussels, Belgium"),
        ({"city": "", "country": "BE"}, "Belgium"),
        ({"city": "Brussels", "country": ""}, "Brussels"),
        ({"city": "", "country": "", "format": Event.Format.ONLINE}, "online"),
    ],
)
def test_the_year_list_writes_the_known_parts_of_a_place(member_client, fields, expected):
    factories.EventFactory(name="FOSDEM 2026", **fields)
    response = member_client.get("/?view=list&year=2025")
    assert f'<span class="event-place">{expected}</span>' in response.text


def test_an_event_without_any_place_has_no_place_row(member_client):
    event = factories.EventFactory(city="", country="", venue="")
    response = member_client.get(reverse("events:event_detail", args=[event.pk]))
    assert "<dt>Place</dt>" not in response.text
    assert "<dd>, " not in response.text


def test_an_event_page_writes_venue_city_and_country_that_are_known(member_client):
    event = factories.EventFactory(venue="ULB Solbosch", city="", country="BE")
    response = member_client.get(reverse("events:event_detail", args=[event.pk]))
    assert "<dt>Place</dt><dd>ULB Solbosch, Belgium</dd>" in response.text


def test_triage_writes_no_leading_comma(coordinator_client):
    factories.EventFactory(
        name="Proposed conf",
        status=Event.Status.IDEA,
        city="",
        country="BE",
        proposed_by=factories.MemberFactory(),
    )
    response = coordinator_client.get(reverse("events:triage"))
    assert ", Belgium" not in response.text
    assert "Belgium" in response.text


def test_a_place_in_chinese_uses_the_chinese_comma(member_client):
    member_client.post("/i18n/setlang/", {"language": "zh-hans"})
    factories.EventFactory(name="FOSDEM 2026", city="Brussels", country="BE")
    response = member_client.get("/?view=list&year=2025")
    assert '<span class="event-place">比利时布鲁塞尔</span>' in response.text
