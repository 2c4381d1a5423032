"""A member asks for an event's other dates; coordinators accept (the event moves as on any
date edit, its SEQUENCE raised) or decline with a reason the member sees on /me/ (issue 12):
through the pages and the services, with the permission cases and bad input."""

import datetime as dt

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.utils import translation

from events import services
from events.models import DateChangeRequest, Event
from tests import factories

pytestmark = pytest.mark.django_db

JUNE = {"date_precision": "exact", "start_date": "2026-06-12", "end_date": "2026-06-14"}


@pytest.fixture
def event():
    return factories.EventFactory(
        name="EthCC 2026",
        start_date=None,
        end_date=None,
        date_precision="late_month",
        approx_year=2026,
        approx_month=6,
    )


def _ask(client, event, **fields):
    data = {**JUNE, "reason": "The organisers announced 12–14 June.", **fields}
    return client.post(f"/events/{event.pk}/dates/", data, HTTP_ACCEPT_LANGUAGE="en")


def test_member_asks_on_the_event_page_and_a_coordinator_accepts_on_triage(
    client, member_user, coordinator, event
):
    client.force_login(member_user)
    page = client.get(f"/events/{event.pk}/", HTTP_ACCEPT_LANGUAGE="en").content.decode()
    assert f'action="/events/{event.pk}/dates/"' in page
    assert _ask(client, event).status_code == 302
    change = DateChangeRequest.objects.get()
    assert (change.requested_by, change.start_date, change.end_date, change.status) == (
        member_user.member,
        dt.date(2026, 6, 12),
        dt.date(2026, 6, 14),
        "open",
    )
    assert (change.approx_year, change.approx_month) == (None, None)
    sequence = event.sequence

    client.force_login(coordinator)
    triage = client.get("/triage/", HTTP_ACCEPT_LANGUAGE="en").content.decode()
    assert "The organisers announced 12–14 June." in triage
    assert "late June 2026 → asks for June 12, 2026 – June 14, 2026" in triage
    client.post(f"/triage/date-changes/{change.pk}/", {"decision": "accept", "reason": "Thanks"})
    event.refresh_from_db()
    change.refresh_from_db()
    assert (event.date_precision, event.start_date, event.end_date) == (
        "exact",
        dt.date(2026, 6, 12),
        dt.date(2026, 6, 14),
    )
    assert (event.approx_year, event.approx_month) == (None, None)
    assert event.sequence == sequence + 1
    assert (change.status, change.answer, change.decided_by) == ("accepted", "Thanks", coordinator.member)

    client.force_login(member_user)
    me = client.get("/me/", HTTP_ACCEPT_LANGUAGE="en").content.decode()
    assert "Other dates I asked for" in me and "Coordinators' answer: Thanks" in me


def test_a_declined_request_shows_its_reason_on_my_plan_in_chinese(client, member_user, coordinator, event):
    change = services.date_change_request(
        user=member_user,
        event=event,
        reason="Website says Q3",
        date_precision="quarter",
        approx_year=2026,
        approx_quarter=3,
    )
    client.force_login(coordinator)
    client.post(f"/triage/date-changes/{change.pk}/", {"decision": "decline", "reason": "官网仍写六月下旬"})
    event.refresh_from_db()
    assert (event.date_precision, event.approx_month) == ("late_month", 6)
    client.force_login(member_user)
    me = client.get("/me/", HTTP_ACCEPT_LANGUAGE="zh-hans").content.decode()
    assert "我申请的改期" in me
    assert "2026年第3季度" in me
    assert "协调人的答复：官网仍写六月下旬" in me


def test_a_decline_needs_a_reason_and_changes_nothing(coordinator, member_user, event):
    change = services.date_change_request(user=member_user, event=event, reason="r", **_dates())
    with pytest.raises(ValidationError):
        services.date_change_decline(user=coordinator, date_change=change, reason="  ")
    change.refresh_from_db()
    assert change.status == "open"


def _dates(**extra):
    return {
        "date_precision": "exact",
        "start_date": dt.date(2026, 6, 12),
        "end_date": dt.date(2026, 6, 14),
    } | extra


@pytest.mark.parametrize(
    ("fields", "message"),
    [
        ({"start_date": "2026-06-14", "end_date": "2026-06-12"}, "The end date is before the start date."),
        ({"start_date": ""}, "This field is required for these dates."),
        ({"date_precision": "month", "approx_year": "2026", "approx_month": ""}, "required for these dates"),
        ({"reason": ""}, "This field is required."),
        ({"start_date": "12 June"}, "Enter a valid date."),
    ],
)
def test_bad_input_gets_a_clear_message_and_saves_nothing(member_client, event, fields, message):
    response = _ask(member_client, event, **fields)
    assert response.status_code == 200
    assert message in response.content.decode()
    assert not DateChangeRequest.objects.exists()


def test_a_second_open_request_by_the_same_member_is_refused(member_client, member_user, event):
    _ask(member_client, event)
    response = _ask(member_client, event, start_date="2026-06-13")
    assert (
        "You already asked for other dates for this event; wait for the answer." in response.content.decode()
    )
    assert DateChangeRequest.objects.count() == 1
    other = factories.UserFactory(username="other")
    factories.MemberFactory(user=other)
    services.date_change_request(user=other, event=event, reason="me too", **_dates())
    assert DateChangeRequest.objects.count() == 2


def test_asking_for_the_dates_it_already_has_or_for_a_closed_event_is_refused(member_user, event):
    with translation.override("en"), pytest.raises(ValidationError, match="already has these dates"):
        services.date_change_request(
            user=member_user,
            event=event,
            reason="r",
            date_precision="late_month",
            approx_year=2026,
            approx_month=6,
        )
    event.status = Event.Status.CANCELLED
    event.save()
    with translation.override("en"), pytest.raises(ValidationError, match="closed"):
        services.date_change_request(user=member_user, event=event, reason="r", **_dates())
    assert not DateChangeRequest.objects.exists()


def test_an_unknown_event_is_a_404_and_changes_nothing(member_client):
    response = member_client.post("/events/999999/dates/", {**JUNE, "reason": "x"})
    assert response.status_code == 404
    assert not DateChangeRequest.objects.exists()


@pytest.mark.parametrize("role", ["anonymous", "outsider"])
def test_only_members_may_ask(client, outsider, event, role):
    if role == "outsider":
        client.force_login(outsider)
    response = _ask(client, event)
    assert response.status_code == (302 if role == "anonymous" else 403)
    assert not DateChangeRequest.objects.exists()
    assert 'dates/"' not in client.get(f"/events/{event.pk}/").content.decode()


def test_members_cannot_answer_and_own_vs_others_withdraw(client, member_user, coordinator, event):
    change = services.date_change_request(user=member_user, event=event, reason="r", **_dates())
    client.force_login(member_user)
    assert client.post(f"/triage/date-changes/{change.pk}/", {"decision": "accept"}).status_code == 403
    with pytest.raises(PermissionDenied):
        services.date_change_accept(user=member_user, date_change=change)
    other = factories.UserFactory(username="other")
    factories.MemberFactory(user=other)
    with pytest.raises(PermissionDenied):
        services.date_change_withdraw(user=other, date_change=change)
    change.refresh_from_db()
    assert change.status == "open"
    services.date_change_withdraw(user=member_user, date_change=change)
    assert not DateChangeRequest.objects.exists()


def test_an_answered_request_cannot_be_answered_again(coordinator, member_user, event):
    change = services.date_change_request(user=member_user, event=event, reason="r", **_dates())
    services.date_change_decline(user=coordinator, date_change=change, reason="no")
    with translation.override("en"), pytest.raises(ValidationError, match="already answered"):
        services.date_change_accept(user=coordinator, date_change=change)
    event.refresh_from_db()
    assert event.start_date is None
    with pytest.raises(PermissionDenied):
        services.date_change_withdraw(user=member_user, date_change=change)


def test_admin_lists_requests_and_accepts_through_the_service(coordinator_client, member_user, event):
    change = services.date_change_request(user=member_user, event=event, reason="r", **_dates())
    listing = coordinator_client.get("/admin/events/datechangerequest/", HTTP_ACCEPT_LANGUAGE="en")
    assert listing.status_code == 200 and "EthCC 2026" in listing.content.decode()
    assert coordinator_client.get(f"/admin/events/datechangerequest/{change.pk}/change/").status_code == 200
    coordinator_client.post(
        "/admin/events/datechangerequest/",
        {"action": "accept_requests", "_selected_action": [change.pk]},
    )
    change.refresh_from_db()
    event.refresh_from_db()
    assert (change.status, event.start_date) == ("accepted", dt.date(2026, 6, 12))


def _accept(door, client, change):
    if door == "page":
        return client.post(f"/triage/date-changes/{change.pk}/", {"decision": "accept"})
    if door == "admin":
        data = {"action": "accept_requests", "_selected_action": [change.pk]}
        return client.post("/admin/events/datechangerequest/", data)
    return client.post(f"/api/date-change-requests/{change.pk}/accept/", {}, content_type="application/json")


@pytest.mark.parametrize("door", ["page", "admin", "api"])
def test_every_door_accepts_alike_and_refuses_a_second_answer_alike(
    door, coordinator_client, coordinator, member_user, event
):
    change = services.date_change_request(user=member_user, event=event, reason="r", **_dates())
    sequence = event.sequence
    _accept(door, coordinator_client, change)
    event.refresh_from_db()
    change.refresh_from_db()
    assert (change.status, event.start_date, event.end_date, event.sequence) == (
        "accepted",
        dt.date(2026, 6, 12),
        dt.date(2026, 6, 14),
        sequence + 1,
    )
    response = _accept(door, coordinator_client, change)
    event.refresh_from_db()
    assert event.sequence == sequence + 1  # answered once: nothing moves again
    if door == "api":
        assert response.status_code == 400
        assert "already answered" in str(response.json())
    else:
        shown = [str(m) for m in response.wsgi_request._messages]
        assert any("already answered" in text for text in shown), shown
