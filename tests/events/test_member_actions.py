"""Members act on the web (issue 12): propose events with exact or approximate dates,
volunteer, answer and withdraw their own participation, close their action items; the
coordinators' triage page. Every flow through the pages (Django client), with the
permission cases: own vs other's, member vs coordinator vs outsider vs anonymous."""

import datetime as dt

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.utils import timezone

from events import services
from events.models import ActionItem, Event, Goal, Participation
from tests import factories

pytestmark = pytest.mark.django_db


def approx(**fields):
    defaults = {"name": "EthCC", "start_date": None, "end_date": None, "edition_year": 2026}
    return factories.EventFactory(**{**defaults, **fields})


# --- proposing events ------------------------------------------------------------------------

PROPOSAL = {
    "name": "EthCC 2026",
    "website_url": "https://ethcc.io/",
    "format": "in_person",
    "city": "Cannes",
    "country": "FR",
    "date_precision": "late_month",
    "approx_year": "2026",
    "approx_month": "6",
    "proposal_reason": "Many Web3 projects of ours go there.",
    "goals": ["talk", "networking"],
}


def test_member_proposes_an_event_with_approximate_dates(member_client, member_user):
    response = member_client.post("/events/propose/", PROPOSAL)
    assert response.status_code == 302
    event = Event.objects.get(name="EthCC 2026")
    assert (event.status, event.proposed_by, event.is_public, event.when_display) == (
        "idea",
        member_user.member,
        False,
        "late June 2026",
    )
    assert sorted(event.goals.values_list("kind", flat=True)) == ["networking", "talk"]
    assert set(event.goals.values_list("status", flat=True)) == {Goal.Status.WANTED}


def test_proposal_with_reversed_dates_is_refused_and_nothing_saved(member_client):
    data = {**PROPOSAL, "date_precision": "exact", "start_date": "2026-06-30", "end_date": "2026-06-28"}
    response = member_client.post("/events/propose/", data)
    assert response.status_code == 200
    assert "An event cannot end before it starts." in response.content.decode()
    assert not Event.objects.filter(name="EthCC 2026").exists()


def test_proposal_with_a_month_but_no_month_is_refused(member_client):
    response = member_client.post("/events/propose/", {**PROPOSAL, "approx_month": ""})
    assert response.status_code == 200
    assert not Event.objects.exists()


def test_online_proposal_keeps_no_place(member_client):
    member_client.post("/events/propose/", {**PROPOSAL, "format": "online"})
    event = Event.objects.get()
    assert (event.city, str(event.country)) == ("", "")


def test_propose_page_renders_for_a_member_and_refuses_others(client, member_client, outsider):
    assert member_client.get("/events/propose/").status_code == 200
    member_client.logout()
    assert client.get("/events/propose/").status_code == 302  # anonymous: log in
    client.force_login(outsider)
    assert client.get("/events/propose/").status_code == 403
    assert client.post("/events/propose/", PROPOSAL).status_code == 403
    assert not Event.objects.exists()


def test_proposer_sees_a_declined_proposal_and_its_reason_on_my_plan(member_client, member_user, coordinator):
    event = services.event_propose(user=member_user, name="Some meetup", date_precision="unannounced")
    services.event_proposal_decline(user=coordinator, event=event, reason="Too far from our goals this year.")
    page = member_client.get("/me/", HTTP_ACCEPT_LANGUAGE="en").content.decode()
    assert "Some meetup" in page and "Too far from our goals this year." in page


# --- triage ----------------------------------------------------------------------------------


@pytest.fixture
def proposal(member_user):
    return services.event_propose(
        user=member_user, name="EthCC 2026", date_precision="late_month", approx_year=2026, approx_month=6
    )


def test_coordinator_accepts_a_proposal_on_the_triage_page(coordinator_client, proposal):
    page = coordinator_client.get("/triage/").content.decode()
    assert "EthCC 2026" in page
    response = coordinator_client.post(
        f"/triage/proposals/{proposal.pk}/", {"decision": "accept", "reason": "Yes!"}
    )
    assert response.status_code == 302
    proposal.refresh_from_db()
    assert (proposal.status, proposal.triage_reason) == ("considering", "Yes!")


def test_declining_needs_a_reason(coordinator_client, proposal):
    coordinator_client.post(f"/triage/proposals/{proposal.pk}/", {"decision": "decline", "reason": ""})
    proposal.refresh_from_db()
    assert proposal.status == "idea"


def test_merging_a_duplicate_points_the_proposer_to_the_existing_event(
    coordinator_client, proposal, member_user
):
    existing = factories.EventFactory(name="EthCC[9]")
    coordinator_client.post(f"/triage/proposals/{proposal.pk}/", {"decision": "merge", "into": existing.pk})
    proposal.refresh_from_db()
    assert (proposal.status, proposal.merged_into) == ("declined", existing)
    coordinator_client.force_login(member_user)
    page = coordinator_client.get("/me/", HTTP_ACCEPT_LANGUAGE="en").content.decode()
    assert "Merged into" in page and "EthCC[9]" in page


def test_a_proposal_cannot_be_merged_into_itself(coordinator, proposal):
    with pytest.raises(ValidationError):
        services.event_proposal_merge(user=coordinator, event=proposal, into=proposal)
    proposal.refresh_from_db()
    assert proposal.status == "idea"


def test_a_proposal_is_answered_once(coordinator, proposal):
    services.event_proposal_accept(user=coordinator, event=proposal)
    with pytest.raises(ValidationError):
        services.event_proposal_decline(user=coordinator, event=proposal, reason="No")
    proposal.refresh_from_db()
    assert proposal.status == "considering"


@pytest.mark.parametrize("role", ["member", "outsider"])
def test_only_coordinators_triage(client, member_user, outsider, proposal, role):
    client.force_login(member_user if role == "member" else outsider)
    assert client.get("/triage/").status_code == 403
    assert client.post(f"/triage/proposals/{proposal.pk}/", {"decision": "accept"}).status_code == 403
    proposal.refresh_from_db()
    assert proposal.status == "idea"


@pytest.mark.parametrize("count", [1, 5])
def test_triage_page_stays_within_its_queries(
    coordinator_client, member_user, django_assert_max_num_queries, count
):
    for index in range(count):
        services.event_propose(
            user=member_user, name=f"P{index}", date_precision="unannounced", goals=["talk"]
        )
        event = factories.upcoming_event()
        services.participation_volunteer(user=member_user, event=event, role="attendee")
        factories.ActionItemFactory(owner=member_user.member, requested_due_date=dt.date(2026, 9, 1))
    with django_assert_max_num_queries(9):
        assert coordinator_client.get("/triage/").status_code == 200


# --- volunteering ------------------------------------------------------------------------------


def test_member_volunteers_on_the_event_page(member_client, member_user):
    event = factories.upcoming_event()
    page = member_client.get(f"/events/{event.pk}/", HTTP_ACCEPT_LANGUAGE="en").content.decode()
    assert f'action="/events/{event.pk}/volunteer/"' in page
    member_client.post(f"/events/{event.pk}/volunteer/", {"role": "speaker", "note": "I have a talk."})
    participation = Participation.objects.get()
    assert (participation.member, participation.role, participation.status, participation.notes) == (
        member_user.member,
        "speaker",
        "proposed",
        "I have a talk.",
    )


def test_a_second_volunteer_entry_for_the_same_role_is_refused(member_client):
    event = factories.upcoming_event()
    member_client.post(f"/events/{event.pk}/volunteer/", {"role": "speaker"})
    response = member_client.post(f"/events/{event.pk}/volunteer/", {"role": "speaker"}, follow=True)
    assert "already down for this event" in response.content.decode()
    assert Participation.objects.count() == 1


def test_an_unknown_role_is_refused(member_client):
    event = factories.upcoming_event()
    member_client.post(f"/events/{event.pk}/volunteer/", {"role": "astronaut"})
    assert not Participation.objects.exists()


def test_outsiders_cannot_volunteer(client, outsider):
    event = factories.upcoming_event()
    client.force_login(outsider)
    assert client.post(f"/events/{event.pk}/volunteer/", {"role": "speaker"}).status_code == 403
    assert not Participation.objects.exists()


def test_member_confirms_their_own_tentative_participation(member_client, member_user):
    participation = factories.ParticipationFactory(
        member=member_user.member, status="tentative", event=factories.upcoming_event()
    )
    member_client.post(f"/participations/{participation.pk}/confirm/")
    participation.refresh_from_db()
    assert participation.status == "confirmed"


def test_member_cannot_answer_someone_elses_participation(member_client):
    other = factories.ParticipationFactory(status="tentative")
    assert member_client.post(f"/participations/{other.pk}/confirm/").status_code == 403
    other.refresh_from_db()
    assert other.status == "tentative"


def test_member_withdraws_before_confirmation_but_not_after(member_client, member_user):
    proposed = factories.ParticipationFactory(
        member=member_user.member, status="proposed", event=factories.upcoming_event()
    )
    member_client.post(f"/participations/{proposed.pk}/withdraw/")
    assert not Participation.objects.filter(pk=proposed.pk).exists()
    confirmed = factories.ParticipationFactory(member=member_user.member, status="confirmed")
    assert member_client.post(f"/participations/{confirmed.pk}/withdraw/").status_code == 403
    assert Participation.objects.filter(pk=confirmed.pk).exists()


def test_coordinator_accepts_a_volunteer_as_tentative(coordinator_client, member_user):
    event = factories.upcoming_event()
    participation = services.participation_volunteer(user=member_user, event=event, role="attendee")
    coordinator_client.post(f"/triage/volunteers/{participation.pk}/", {"decision": "tentative"})
    participation.refresh_from_db()
    assert participation.status == "tentative"


def test_declining_a_volunteer_tells_them_why(coordinator_client, member_user):
    event = factories.upcoming_event()
    participation = services.participation_volunteer(user=member_user, event=event, role="attendee")
    coordinator_client.post(
        f"/triage/volunteers/{participation.pk}/", {"decision": "declined", "note": "Budget is full."}
    )
    participation.refresh_from_db()
    assert (participation.status, participation.answer_note) == ("declined", "Budget is full.")


def test_member_updates_their_trip_but_not_someone_elses(member_client, member_user):
    own = factories.ParticipationFactory(member=member_user.member, status="confirmed")
    response = member_client.post(
        f"/participations/{own.pk}/trip/",
        {"needs_visa": "on", "invitation_letter": "requested", "visa_status": "to_apply", "trip_report": ""},
    )
    assert response.status_code == 302
    own.refresh_from_db()
    assert (own.needs_visa, own.invitation_letter, own.visa_status) == (True, "requested", "to_apply")
    other = factories.ParticipationFactory(status="confirmed")
    assert member_client.get(f"/participations/{other.pk}/trip/").status_code == 403


# --- action items ------------------------------------------------------------------------------


def test_owner_marks_their_item_done_with_an_outcome(member_client, member_user):
    item = factories.ActionItemFactory(owner=member_user.member)
    member_client.post(f"/action-items/{item.pk}/done/", {"outcome": "Booth booked."})
    item.refresh_from_db()
    assert (item.status, item.outcome) == ("done", "Booth booked.")


def test_member_cannot_close_someone_elses_item(member_client):
    item = factories.ActionItemFactory(owner=factories.MemberFactory())
    assert member_client.post(f"/action-items/{item.pk}/done/", {"outcome": "x"}).status_code == 403
    item.refresh_from_db()
    assert item.status == "open"


def test_coordinator_may_close_anyones_item(coordinator_client):
    item = factories.ActionItemFactory(owner=factories.MemberFactory())
    coordinator_client.post(f"/action-items/{item.pk}/done/", {"outcome": "Done for them."})
    item.refresh_from_db()
    assert item.status == "done"


def test_owner_asks_for_a_new_due_date_and_a_coordinator_grants_it(client, coordinator, member_user):
    item = factories.ActionItemFactory(owner=member_user.member, due_date=dt.date(2026, 5, 1))
    client.force_login(member_user)
    client.post(
        f"/action-items/{item.pk}/new-date/", {"due_date": "2026-05-15", "note": "Waiting on the venue."}
    )
    item.refresh_from_db()
    assert (item.requested_due_date, item.due_date) == (dt.date(2026, 5, 15), dt.date(2026, 5, 1))
    client.force_login(coordinator)
    client.post(f"/triage/due-dates/{item.pk}/", {"decision": "accept"})
    item.refresh_from_db()
    assert (item.due_date, item.requested_due_date) == (dt.date(2026, 5, 15), None)


def test_an_earlier_due_date_is_refused(member_user):
    item = factories.ActionItemFactory(owner=member_user.member, due_date=dt.date(2026, 5, 1))
    with pytest.raises(ValidationError):
        services.action_item_request_due_date(
            user=member_user, action_item=item, due_date=dt.date(2026, 4, 1)
        )
    item.refresh_from_db()
    assert item.requested_due_date is None


def test_event_page_marks_overdue_items(member_client):
    event = factories.EventFactory()
    factories.ActionItemFactory(event=event, title="Send the slides", due_date=dt.date(2020, 1, 1))
    page = member_client.get(f"/events/{event.pk}/", HTTP_ACCEPT_LANGUAGE="en").content.decode()
    assert "1 overdue" in page


def test_services_refuse_outsiders(outsider):
    event = factories.upcoming_event()
    with pytest.raises(PermissionDenied):
        services.event_propose(user=outsider, name="x", date_precision="unannounced")
    with pytest.raises(PermissionDenied):
        services.participation_volunteer(user=outsider, event=event, role="attendee")
    item = factories.ActionItemFactory(owner=factories.MemberFactory())
    with pytest.raises(PermissionDenied):
        services.action_item_complete(user=outsider, action_item=item)
    assert (Event.objects.count(), Participation.objects.count(), ActionItem.objects.get().status) == (
        1,
        0,
        "open",
    )


def test_nobody_volunteers_for_an_event_that_is_over(member_client, member_user):
    past = factories.EventFactory(start_date=dt.date(2025, 2, 1), end_date=dt.date(2025, 2, 2))
    page = member_client.get(f"/events/{past.pk}/", HTTP_ACCEPT_LANGUAGE="en").content.decode()
    assert f'action="/events/{past.pk}/volunteer/"' not in page
    response = member_client.post(f"/events/{past.pk}/volunteer/", {"role": "speaker"}, follow=True)
    assert "This event is over; nobody can sign up for it any more." in response.content.decode()
    attended = factories.upcoming_event(status=Event.Status.ATTENDED)
    with pytest.raises(ValidationError):
        services.participation_volunteer(user=member_user, event=attended, role="attendee")
    assert not Participation.objects.filter(member=member_user.member).exists()


def test_a_member_no_longer_answers_or_withdraws_once_the_event_is_over(
    member_client, member_user, coordinator
):
    past = factories.EventFactory(start_date=dt.date(2025, 8, 9), end_date=dt.date(2025, 8, 10))
    mine = factories.ParticipationFactory(
        event=past, member=member_user.member, role="speaker", status=Participation.Status.PROPOSED
    )
    plan = member_client.get("/me/", HTTP_ACCEPT_LANGUAGE="en").content.decode()
    assert f"/participations/{mine.pk}/confirm/" not in plan
    assert f"/participations/{mine.pk}/withdraw/" not in plan
    assert f"/participations/{mine.pk}/trip/" in plan  # the trip's report is still theirs to write
    for action in ("confirm", "decline", "withdraw"):
        response = member_client.post(f"/participations/{mine.pk}/{action}/", follow=True)
        assert "This event is over; a coordinator records who went." in response.content.decode()
    mine.refresh_from_db()
    assert mine.status == Participation.Status.PROPOSED
    # The coordinators still record what happened.
    services.participation_answer(user=coordinator, participation=mine, answer="confirm")
    mine.refresh_from_db()
    assert mine.status == Participation.Status.CONFIRMED


def test_an_event_is_over_when_its_last_day_ends_where_it_takes_place_whoever_asks(member_user):
    west = dt.timezone(dt.timedelta(hours=-12))  # Baker Island: the last place a day ends
    here_today = timezone.now().astimezone(west).date()
    event = factories.EventFactory(
        start_date=here_today, end_date=here_today, timezone="Etc/GMT+12", status=Event.Status.PLANNED
    )
    # In Kiritimati (UTC+14) that day is over already; the event is not, so every door agrees.
    for zone in ("Pacific/Kiritimati", "Etc/GMT+12", "UTC"):
        with timezone.override(zone):
            assert not event.is_over
            participation = services.participation_volunteer(user=member_user, event=event, role="attendee")
            services.participation_withdraw(user=member_user, participation=participation)
    event.end_date = event.start_date = here_today - dt.timedelta(days=1)
    with timezone.override("Etc/GMT+12"):
        assert event.is_over
