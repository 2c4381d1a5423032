"""Dates and deadlines copied to the next edition are "estimated from last year" until a
coordinator confirms them (issue 12): every page that shows them says so — the event page,
the calendar's month grid and year list, the CFP board, a member's plan — and the
coordinator's "Confirm dates" / "Confirm date" buttons clear the estimate through
event_confirm_dates / deadline_confirm_date."""

import datetime as dt

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.utils import timezone

from events import services
from events.models import Deadline, Participation
from tests import factories

pytestmark = pytest.mark.django_db

MARK = 'class="badge estimated"'


@pytest.fixture
def copy(coordinator, member_user):
    """FOSDEM 2026 (1–2 February, a CFP closing a month ahead) copied to 2027, with the
    member going to the copy."""
    copy = factories.estimated_copy(user=coordinator, days_ahead=60, cfp_days_before=30)
    factories.ParticipationFactory(event=copy, member=member_user.member, role=Participation.Role.SPEAKER)
    return copy


def _page(client, url, language="en"):
    response = client.get(url, HTTP_ACCEPT_LANGUAGE=language)
    assert response.status_code == 200, url
    return response.content.decode()


def test_the_copy_and_its_deadlines_are_estimated(copy):
    assert copy.dates_estimated is True
    assert [d.due_estimated for d in copy.deadlines.all()] == [True]


def test_every_page_showing_the_dates_marks_the_estimate(member_client, copy):
    deadline = copy.deadlines.get()
    pages = {
        "event": f"/events/{copy.pk}/",
        "grid": f"/?month={copy.start_date:%Y-%m}",
        "year list": f"/?view=list&year={copy.start_date.year}",
        "cfp": "/cfp/",
        "me": "/me/",
    }
    for name, url in pages.items():
        page = _page(member_client, url)
        assert "estimated from last year" in page, name
    # The event page: the dates and the deadline; the CFP board and my plan: the deadline.
    assert _page(member_client, pages["event"]).count(MARK) == 2
    assert _page(member_client, pages["cfp"]).count(MARK) == 1
    assert _page(member_client, pages["me"]).count(MARK) == 2  # my events' dates, my deadline
    assert "≈ FOSDEM 2027" in _page(member_client, pages["grid"])
    assert "推算" in _page(member_client, pages["event"], "zh-hans")
    # Members do not get the coordinators' buttons.
    assert "confirm-date" not in _page(member_client, pages["event"])
    assert deadline.due_estimated


def test_coordinator_confirms_the_dates_then_each_deadline_on_the_event_page(coordinator_client, copy):
    deadline = copy.deadlines.get()
    page = _page(coordinator_client, f"/events/{copy.pk}/")
    assert f'action="/events/{copy.pk}/confirm-dates/"' in page
    assert f'action="/deadlines/{deadline.pk}/confirm-date/"' in page
    response = coordinator_client.post(
        f"/events/{copy.pk}/confirm-dates/", HTTP_ACCEPT_LANGUAGE="en", follow=True
    )
    assert response.redirect_chain[-1][0] == f"/events/{copy.pk}/#dates"
    assert [str(m) for m in response.context["messages"]] == ["The dates are confirmed."]
    copy.refresh_from_db()
    deadline.refresh_from_db()
    assert (copy.dates_estimated, deadline.due_estimated) == (False, True)
    page = response.content.decode()
    assert page.count(MARK) == 1 and "confirm-dates" not in page
    response = coordinator_client.post(
        f"/deadlines/{deadline.pk}/confirm-date/", HTTP_ACCEPT_LANGUAGE="en", follow=True
    )
    assert [str(m) for m in response.context["messages"]] == ["The deadline's date is confirmed."]
    deadline.refresh_from_db()
    assert deadline.due_estimated is False
    assert MARK not in response.content.decode()


def test_confirming_again_is_a_clear_refusal(coordinator_client, copy):
    coordinator_client.post(f"/events/{copy.pk}/confirm-dates/", follow=True)
    response = coordinator_client.post(
        f"/events/{copy.pk}/confirm-dates/", HTTP_ACCEPT_LANGUAGE="en", follow=True
    )
    assert [str(m) for m in response.context["messages"]] == ["The dates of FOSDEM 2027 are not estimated."]


@pytest.mark.parametrize("who", ["member", "outsider"])
def test_only_coordinators_confirm(client, member_user, outsider, copy, who):
    client.force_login(member_user if who == "member" else outsider)
    deadline = copy.deadlines.get()
    assert client.post(f"/events/{copy.pk}/confirm-dates/").status_code == 403
    assert client.post(f"/deadlines/{deadline.pk}/confirm-date/").status_code == 403
    copy.refresh_from_db()
    deadline.refresh_from_db()
    assert (copy.dates_estimated, deadline.due_estimated) == (True, True)


def test_anonymous_is_sent_to_log_in(client, copy):
    response = client.post(f"/events/{copy.pk}/confirm-dates/")
    assert response.status_code == 302 and "/login/" in response["Location"]


def test_the_service_refuses_a_member_and_a_deadline_not_estimated(member_user, coordinator, copy):
    deadline = copy.deadlines.get()
    with pytest.raises(PermissionDenied):
        services.deadline_confirm_date(user=member_user, deadline=deadline)
    services.deadline_confirm_date(user=coordinator, deadline=deadline)
    with pytest.raises(ValidationError):
        services.deadline_confirm_date(user=coordinator, deadline=deadline)


def test_moving_a_deadline_by_hand_ends_its_estimate(coordinator, copy):
    deadline = copy.deadlines.get()
    services.deadline_set(
        user=coordinator,
        event=copy,
        deadline=deadline,
        kind=deadline.kind,
        local=deadline.local_due_at.replace(tzinfo=None) + dt.timedelta(days=2),
        zone=deadline.timezone,
    )
    assert Deadline.objects.get(pk=deadline.pk).due_estimated is False
    # Saving it unmoved (a note) keeps the estimate of another copy's deadline.
    other = services.event_copy_to_next_edition(user=coordinator, event=copy).deadlines.get()
    services.deadline_set(
        user=coordinator,
        event=other.event,
        deadline=other,
        kind=other.kind,
        local=other.local_due_at.replace(tzinfo=None),
        zone=other.timezone,
        note="Check the CFP page in autumn.",
    )
    assert Deadline.objects.get(pk=other.pk).due_estimated is True


@pytest.mark.parametrize("count", [3, 30])
def test_the_coordinators_event_page_costs_the_same_whatever_its_size(
    coordinator_client, copy, django_assert_num_queries, count
):
    """Members' event page stays under ten (test_pages_queries); a coordinator's adds the
    groups and the members to assign: 10, at any size. The trackers' panel reads nothing more
    when the event has no discovered conference (its deadlines' links come with them)."""
    for index in range(count):
        member = factories.MemberFactory(display_name=f"Member {index:02d}")
        factories.ParticipationFactory(event=copy, member=member)
        factories.GoalFactory(event=copy, owner=member, kind="booth" if index % 2 else "talk")
    with django_assert_num_queries(10):
        assert coordinator_client.get(f"/events/{copy.pk}/").status_code == 200


@pytest.mark.parametrize("count", [2, 20])
def test_the_trackers_panel_costs_two_queries_whatever_its_links(
    coordinator_client, django_assert_num_queries, count
):
    """An event adopted from a tracker: its conference and listings (two queries) beside the
    page's ten; its deadlines' links come with the deadlines, however many."""
    from events.models import DeadlineLink, DiscoveredDeadline, DiscoveredEntry, EntryListing

    event = factories.EventFactory(name="Tokyo Conf 2027")
    source = factories.TrackerSourceFactory(name="confs-tech")
    entry = DiscoveredEntry.objects.create(name="Tokyo Conf", region="asia", country="JP", event=event)
    for index in range(count):
        listing = EntryListing.objects.create(
            entry=entry, source=source, external_id=f"t{index}", name="Tokyo Conf", fingerprint="x",
            last_seen_at=timezone.now(),
        )  # fmt: skip
        deadline = factories.DeadlineFactory(event=event, title=f"Round {index}")
        record = DiscoveredDeadline.objects.create(
            listing=listing, kind="cfp_close", due_at=deadline.due_at, timezone="UTC", rule=f"rule {index}"
        )
        DeadlineLink.objects.create(deadline=deadline, source_deadline=record, synced_due_at=deadline.due_at)
    with django_assert_num_queries(12):
        page = coordinator_client.get(f"/events/{event.pk}/", HTTP_ACCEPT_LANGUAGE="en").content.decode()
    assert f"From confs-tech: rule {count - 1}" in page and "Tokyo Conf — confs-tech" in page


def test_the_api_door_confirms_through_the_same_services(coordinator, member_user, copy):
    from rest_framework.test import APIClient

    deadline = copy.deadlines.get()
    member, coord = APIClient(), APIClient()
    member.force_login(member_user)
    coord.force_login(coordinator)
    assert member.get(f"/api/deadlines/{deadline.pk}/").json()["due_estimated"] is True
    assert member.post(f"/api/events/{copy.pk}/confirm-dates/").status_code == 403
    assert member.post(f"/api/deadlines/{deadline.pk}/confirm-date/").status_code == 403
    response = coord.post(f"/api/events/{copy.pk}/confirm-dates/")
    assert (response.status_code, response.json()["dates_estimated"]) == (200, False)
    response = coord.post(f"/api/deadlines/{deadline.pk}/confirm-date/")
    assert (response.status_code, response.json()["due_estimated"]) == (200, False)
    response = coord.post(f"/api/deadlines/{deadline.pk}/confirm-date/", HTTP_ACCEPT_LANGUAGE="en")
    assert response.status_code == 400
    assert "This deadline's date is not estimated." in str(response.json())
    # Read-only through a plain write: the estimate is set by the copy and cleared by confirming.
    coord.patch(f"/api/deadlines/{deadline.pk}/", {"due_estimated": True}, format="json")
    deadline.refresh_from_db()
    assert deadline.due_estimated is False


def test_the_admin_door_confirms_through_the_same_services(coordinator_client, copy):
    deadline = copy.deadlines.get()
    response = coordinator_client.post(
        "/admin/events/deadline/",
        {"action": "confirm_estimated_dates", "_selected_action": [deadline.pk]},
        HTTP_ACCEPT_LANGUAGE="en",
        follow=True,
    )
    assert "1 deadline confirmed." in response.content.decode()
    coordinator_client.post(
        "/admin/events/event/", {"action": "confirm_estimated_dates", "_selected_action": [copy.pk]}
    )
    copy.refresh_from_db()
    deadline.refresh_from_db()
    assert (copy.dates_estimated, deadline.due_estimated) == (False, False)
    # A second time: the service's refusal, shown by the admin, changes nothing.
    response = coordinator_client.post(
        "/admin/events/event/",
        {"action": "confirm_estimated_dates", "_selected_action": [copy.pk]},
        HTTP_ACCEPT_LANGUAGE="en",
        follow=True,
    )
    assert "The dates of FOSDEM 2027 are not estimated." in response.content.decode()
