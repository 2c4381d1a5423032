"""The program's API door: every write is a service call, so the API gives the services'
answers (the doors-agree tests compare it with the pages and the admin)."""

import pytest

from members.models import Enrolment, SwagItem, SwagRequest
from tests import factories

from .doors import api_client

pytestmark = pytest.mark.django_db

ONLY_COORDINATORS = ["Only coordinators can set this field."]


def _swag_request(requester, **extra):
    request = factories.SwagRequestFactory(
        requested_by=requester, address="1 Secret Road", phone="123", **extra
    )
    factories.SwagRequestLineFactory(request=request)
    return request


@pytest.mark.parametrize(
    ("role", "shown"), [("requester", False), ("recipient", False), ("coordinator", True)]
)
def test_a_postal_address_is_shown_to_coordinators_only(role, shown, member_user, coordinator):
    other = factories.MemberFactory()
    if role == "requester":
        request = _swag_request(member_user.member)
    else:
        request = _swag_request(other, recipient=member_user.member)
    user = coordinator if role == "coordinator" else member_user
    data = api_client(user).get(f"/api/swag-requests/{request.pk}/").json()
    assert (data["address"], data["phone"]) == (("1 Secret Road", "123") if shown else ("", ""))


def test_the_requester_cancels_and_a_coordinator_declines(member_user, coordinator):
    mine, other = _swag_request(member_user.member), _swag_request(member_user.member)
    response = api_client(member_user).post(f"/api/swag-requests/{mine.pk}/cancel/")
    assert (response.status_code, response.json()["status"]) == (200, "cancelled")
    assert api_client(member_user).post(f"/api/swag-requests/{other.pk}/reject/").status_code == 403
    response = api_client(coordinator).post(
        f"/api/swag-requests/{other.pk}/reject/", {"note": "Out of stock"}
    )
    assert response.status_code == 200
    other.refresh_from_db()
    assert (other.status, other.note) == (SwagRequest.Status.REJECTED, "Out of stock")


def test_a_member_cannot_choose_where_their_swag_ships_from(member_user):
    room, variant = factories.StockLocationFactory(), factories.SwagVariantFactory()
    body = {
        "recipient_name": "A",
        "address": "B",
        "reason": "booth",
        "ship_from": room.pk,
        "lines": [{"variant": variant.pk, "quantity": 1}],
    }
    response = api_client(member_user).post("/api/swag-requests/", body, format="json")
    assert (response.status_code, response.json()) == (400, {"ship_from": ONLY_COORDINATORS})
    assert SwagRequest.objects.count() == 0


def test_a_member_applies_without_a_term_and_a_coordinator_may_give_one(member_user, coordinator):
    body = {"track": "translator", "term_start": "2026-01-01"}
    response = api_client(member_user).post("/api/ambassadors/", body, format="json")
    assert (response.status_code, response.json()) == (400, {"term_start": ONLY_COORDINATORS})
    body["member"] = member_user.member.pk
    response = api_client(coordinator).post("/api/ambassadors/", body, format="json")
    assert response.status_code == 201
    assert str(Enrolment.objects.get().term_start) == "2026-01-01"


def test_a_member_lists_themself_after_acceptance_but_changes_nothing_else(member_user):
    enrolment = factories.EnrolmentFactory(member=member_user.member, status=Enrolment.Status.ACTIVE)
    client = api_client(member_user)
    url = f"/api/ambassadors/{enrolment.pk}/"
    assert client.patch(url, {"show_publicly": True}, format="json").status_code == 200
    assert client.patch(url, {"region": "Mars"}, format="json").status_code == 403
    enrolment.refresh_from_db()
    assert (enrolment.show_publicly, enrolment.region) == (True, "")


def test_swag_item_variant_labels_must_differ(coordinator):
    body = {"name_en": "T-shirt", "variant_labels": ["M", " M"]}
    response = api_client(coordinator).post("/api/swag-items/", body, format="json")
    assert (response.status_code, response.json()) == (
        400,
        {"variant_labels": ["Each variant label must be different."]},
    )
    assert not SwagItem.objects.exists()


def test_a_requester_edits_the_items_of_a_new_request_merged(member_user):
    request = _swag_request(member_user.member)
    shirt = factories.SwagVariantFactory(label="XL")
    body = {"lines": [{"variant": shirt.pk, "quantity": 1}, {"variant": shirt.pk, "quantity": 2}]}
    response = api_client(member_user).patch(f"/api/swag-requests/{request.pk}/", body, format="json")
    assert response.status_code == 200
    assert response.json()["lines"] == [{"variant": shirt.pk, "quantity": 3}]
