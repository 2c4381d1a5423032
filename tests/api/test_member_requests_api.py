"""Date-change requests and the triage of new ideas through the API (issue 12): the same
services as the pages, the permission cases (anonymous 401, outsider 403, member vs
coordinator, own vs other's), bad input as 400 that changes nothing, and the list's query
count at two sizes."""

import datetime as dt

import pytest

from events import services
from events.models import DateChangeRequest, Idea
from tests import factories

pytestmark = pytest.mark.django_db

URL = "/api/date-change-requests/"


@pytest.fixture
def event():
    return factories.EventFactory(name="Open Source Congress 2026", start_date=None, end_date=None)


def _body(for_event, **extra):
    return {
        "event": for_event.pk,
        "date_precision": "exact",
        "start_date": "2026-08-25",
        "end_date": "2026-08-26",
        "reason": "Announced on the congress site.",
    } | extra


def test_member_asks_and_coordinator_accepts_through_the_api(api_as, member_user, event):
    response = api_as("member").post(URL, _body(event), format="json")
    assert response.status_code == 201, response.json()
    body = response.json()
    assert (body["status"], body["requested_by"], body["start_date"]) == (
        "open",
        member_user.member.pk,
        "2026-08-25",
    )
    sequence = event.sequence
    accepted = api_as("coordinator").post(f"{URL}{body['id']}/accept/", {"reason": "ok"}, format="json")
    assert accepted.status_code == 200, accepted.json()
    assert (accepted.json()["status"], accepted.json()["answer"]) == ("accepted", "ok")
    event.refresh_from_db()
    assert (event.start_date, event.end_date, event.sequence) == (
        dt.date(2026, 8, 25),
        dt.date(2026, 8, 26),
        sequence + 1,
    )


def test_decline_needs_a_reason_and_the_member_reads_it(api_as, member_user, event):
    change = services.date_change_request(
        user=member_user,
        event=event,
        reason="r",
        date_precision="quarter",
        approx_year=2026,
        approx_quarter=3,
    )
    coordinator = api_as("coordinator")
    assert coordinator.post(f"{URL}{change.pk}/decline/", {}, format="json").status_code == 400
    assert coordinator.post(f"{URL}{change.pk}/decline/", {"reason": "Not yet official"}).status_code == 200
    mine = api_as("member").get(f"{URL}{change.pk}/").json()
    assert (mine["status"], mine["answer"]) == ("declined", "Not yet official")


@pytest.mark.parametrize(
    ("extra", "field"),
    [
        ({"start_date": "2026-08-27"}, "end_date"),
        ({"start_date": None}, "start_date"),
        ({"reason": ""}, "reason"),
        ({"event": 999999}, "event"),
        ({"date_precision": "someday"}, "date_precision"),
    ],
)
def test_bad_input_is_a_400_naming_the_field_and_saves_nothing(api_as, event, extra, field):
    response = api_as("member").post(URL, _body(event, **extra), format="json")
    assert response.status_code == 400
    assert field in response.json()
    assert not DateChangeRequest.objects.exists()


def test_a_second_open_request_is_a_400(api_as, event):
    member = api_as("member")
    assert member.post(URL, _body(event), format="json").status_code == 201
    again = member.post(URL, _body(event, start_date="2026-08-24"), format="json")
    assert again.status_code == 400
    assert "already asked" in str(again.json())
    assert DateChangeRequest.objects.count() == 1


@pytest.mark.parametrize(("role", "expected"), [("anonymous", 401), ("outsider", 403)])
def test_non_members_neither_read_nor_ask(api_as, event, role, expected):
    client = api_as(role)
    assert client.get(URL).status_code == expected
    assert client.post(URL, _body(event), format="json").status_code == expected
    assert not DateChangeRequest.objects.exists()


def test_members_cannot_answer_and_withdraw_only_their_own(api_as, member_user, approver, event):
    change = services.date_change_request(
        user=member_user, event=event, reason="r", date_precision="unannounced", approx_year=2027
    )
    assert api_as("member").post(f"{URL}{change.pk}/accept/", {}, format="json").status_code == 403
    assert api_as("approver").delete(f"{URL}{change.pk}/").status_code == 403  # another member's
    assert api_as("member").patch(f"{URL}{change.pk}/", {"reason": "x"}, format="json").status_code == 405
    change.refresh_from_db()
    assert change.status == "open"
    assert api_as("member").delete(f"{URL}{change.pk}/").status_code == 204
    assert not DateChangeRequest.objects.exists()


@pytest.mark.parametrize("count", [2, 20])
def test_the_list_stays_under_ten_queries(api_as, member_user, django_assert_max_num_queries, count):
    for index in range(count):
        services.date_change_request(
            user=member_user,
            event=factories.EventFactory(),
            reason="r",
            date_precision="month",
            approx_year=2026,
            approx_month=1 + index % 12,
        )
    client = api_as("member")
    with django_assert_max_num_queries(9):
        response = client.get(URL, {"page_size": 100})
    assert response.status_code == 200
    assert response.json()["count"] == count


def test_coordinator_accepts_and_declines_ideas_through_the_api(api_as, member_user):
    first = services.idea_propose(user=member_user, kind="idea", title="Booth swag")
    second = services.idea_propose(user=member_user, kind="idea", title="A podcast")
    coordinator = api_as("coordinator")
    assert (
        coordinator.post(f"/api/ideas/{second.pk}/decline/", {"reason": ""}, format="json").status_code == 400
    )
    accepted = coordinator.post(f"/api/ideas/{first.pk}/accept/", {"reason": "Go"}, format="json").json()
    assert (accepted["status"], accepted["triage_reason"]) == ("accepted", "Go")
    declined = coordinator.post(f"/api/ideas/{second.pk}/decline/", {"reason": "Later"}, format="json")
    assert (declined.json()["status"], declined.json()["triage_reason"]) == ("rejected", "Later")
    assert (
        coordinator.post(f"/api/ideas/{first.pk}/decline/", {"reason": "x"}, format="json").status_code == 400
    )


def test_members_cannot_answer_ideas_through_the_api(api_as, member_user):
    idea = services.idea_propose(user=member_user, kind="idea", title="Booth swag")
    assert api_as("member").post(f"/api/ideas/{idea.pk}/accept/", {}, format="json").status_code == 403
    assert api_as("anonymous").post(f"/api/ideas/{idea.pk}/accept/", {}, format="json").status_code == 401
    # The reason is the coordinators' to write, through the actions only.
    api_as("member").patch(f"/api/ideas/{idea.pk}/", {"triage_reason": "self-accepted"}, format="json")
    idea.refresh_from_db()
    assert (idea.status, idea.triage_reason) == (Idea.Status.PROPOSED, "")
