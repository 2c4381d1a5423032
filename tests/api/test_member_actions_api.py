"""Issue 12 through the API: the same services as the pages (propose, triage, volunteer,
answer, withdraw, trip, action items), with the permission cases."""

import datetime as dt

import pytest

from events import services
from events.models import ActionItem, Event, Participation
from tests import factories

pytestmark = pytest.mark.django_db

PROPOSAL = {
    "name": "EthCC 2026",
    "website_url": "https://ethcc.io/",
    "city": "Cannes",
    "country": "FR",
    "date_precision": "late_month",
    "approx_year": 2026,
    "approx_month": 6,
    "proposal_reason": "Web3 projects of ours go there.",
    "goals": ["talk", "booth"],
}


def test_member_proposes_an_event_through_the_api(api_as, member_user):
    response = api_as("member").post("/api/events/propose/", PROPOSAL, format="json")
    assert response.status_code == 201, response.json()
    body = response.json()
    assert (body["status"], body["when_display"], body["proposed_by"]) == (
        "idea",
        "late June 2026",
        member_user.member.pk,
    )
    assert sorted(goal["kind"] for goal in body["goals"]) == ["booth", "talk"]


@pytest.mark.parametrize(
    "change",
    [
        {"date_precision": "exact", "start_date": "2026-06-30", "end_date": "2026-06-28"},
        {"approx_month": None},
        {"approx_month": 13},
        {"goals": ["juggling"]},
        {"date_precision": "sometime"},
    ],
)
def test_bad_proposals_are_a_400_and_change_nothing(api_as, change):
    response = api_as("member").post("/api/events/propose/", {**PROPOSAL, **change}, format="json")
    assert response.status_code == 400
    assert not Event.objects.exists()


@pytest.mark.parametrize(("role", "code"), [("anonymous", 401), ("outsider", 403)])
def test_only_members_propose(api_as, role, code):
    assert api_as(role).post("/api/events/propose/", PROPOSAL, format="json").status_code == code
    assert not Event.objects.exists()


@pytest.fixture
def proposal(member_user):
    return services.event_propose(
        user=member_user, name="EthCC", date_precision="unannounced", approx_year=2026
    )


def test_coordinator_accepts_declines_and_merges_through_the_api(api_as, proposal, member_user):
    coordinator = api_as("coordinator")
    response = coordinator.post(f"/api/events/{proposal.pk}/decline/", {"reason": ""}, format="json")
    assert response.status_code == 400
    response = coordinator.post(f"/api/events/{proposal.pk}/accept/", {"reason": "Good one"}, format="json")
    assert (response.status_code, response.json()["status"], response.json()["triage_reason"]) == (
        200,
        "considering",
        "Good one",
    )
    duplicate = services.event_propose(user=member_user, name="EthCC again", date_precision="unannounced")
    response = coordinator.post(f"/api/events/{duplicate.pk}/merge/", {"into": proposal.pk}, format="json")
    assert (response.status_code, response.json()["merged_into"]) == (200, proposal.pk)


def test_member_cannot_triage_through_the_api(api_as, proposal):
    assert api_as("member").post(f"/api/events/{proposal.pk}/accept/", {}, format="json").status_code == 403
    proposal.refresh_from_db()
    assert proposal.status == "idea"


def test_volunteer_confirm_and_permission_cases_through_the_api(api_as, member_user):
    event = factories.upcoming_event()
    member = api_as("member")
    response = member.post(
        f"/api/events/{event.pk}/volunteer/", {"role": "speaker", "note": "hi"}, format="json"
    )
    assert response.status_code == 201
    participation_id = response.json()["id"]
    again = member.post(f"/api/events/{event.pk}/volunteer/", {"role": "speaker"}, format="json")
    assert again.status_code == 400
    assert (
        member.post(f"/api/events/{event.pk}/volunteer/", {"role": "pilot"}, format="json").status_code == 400
    )
    assert Participation.objects.count() == 1
    response = member.post(f"/api/participations/{participation_id}/confirm/")
    assert (response.status_code, response.json()["status"]) == (200, "confirmed")
    other = factories.ParticipationFactory(status="tentative")
    assert member.post(f"/api/participations/{other.pk}/confirm/").status_code == 403
    assert member.post(f"/api/participations/{other.pk}/withdraw/").status_code == 403
    other.refresh_from_db()
    assert other.status == "tentative"
    assert (
        api_as("anonymous").post(f"/api/events/{event.pk}/volunteer/", {"role": "speaker"}).status_code == 401
    )


def test_coordinator_triages_a_volunteer_through_the_api(api_as, member_user):
    participation = services.participation_volunteer(
        user=member_user, event=factories.upcoming_event(), role="attendee"
    )
    url = f"/api/participations/{participation.pk}/triage/"
    assert api_as("member").post(url, {"decision": "confirmed"}, format="json").status_code == 403
    response = api_as("coordinator").post(url, {"decision": "tentative"}, format="json")
    assert (response.status_code, response.json()["status"]) == (200, "tentative")


def test_member_updates_their_trip_through_the_api(api_as, member_user):
    own = factories.ParticipationFactory(member=member_user.member)
    response = api_as("member").post(
        f"/api/participations/{own.pk}/trip/", {"needs_visa": True, "visa_status": "applied"}, format="json"
    )
    assert (response.status_code, response.json()["visa_status"]) == (200, "applied")
    other = factories.ParticipationFactory()
    response = api_as("member").post(
        f"/api/participations/{other.pk}/trip/", {"needs_visa": True}, format="json"
    )
    assert response.status_code == 403


def test_action_items_through_the_api(api_as, member_user):
    own = factories.ActionItemFactory(owner=member_user.member, due_date=dt.date(2026, 5, 1))
    other = factories.ActionItemFactory(owner=factories.MemberFactory())
    member = api_as("member")
    assert member.post(f"/api/action-items/{other.pk}/complete/", {}, format="json").status_code == 403
    response = member.post(
        f"/api/action-items/{own.pk}/request-due-date/", {"due_date": "2026-05-20"}, format="json"
    )
    assert (response.status_code, response.json()["requested_due_date"]) == (200, "2026-05-20")
    assert (
        member.post(
            f"/api/action-items/{own.pk}/decide-due-date/", {"accept": True}, format="json"
        ).status_code
        == 403
    )
    response = api_as("coordinator").post(
        f"/api/action-items/{own.pk}/decide-due-date/", {"accept": True}, format="json"
    )
    assert (response.status_code, response.json()["due_date"]) == (200, "2026-05-20")
    response = member.post(f"/api/action-items/{own.pk}/complete/", {"outcome": "Sent."}, format="json")
    assert (response.status_code, response.json()["status"], response.json()["outcome"]) == (
        200,
        "done",
        "Sent.",
    )
    other.refresh_from_db()
    assert other.status == ActionItem.Status.OPEN


def test_coordinator_sets_approximate_dates_through_the_api(api_as):
    event = factories.EventFactory()
    response = api_as("coordinator").patch(
        f"/api/events/{event.pk}/",
        {
            "start_date": None,
            "end_date": None,
            "date_precision": "quarter",
            "approx_year": 2026,
            "approx_quarter": 4,
        },
        format="json",
    )
    assert (response.status_code, response.json()["when_display"]) == (200, "Q4 2026")
    response = api_as("coordinator").patch(f"/api/events/{event.pk}/", {"approx_month": 5}, format="json")
    assert response.status_code == 400
    event.refresh_from_db()
    assert event.approx_month is None


def test_comment_and_support_through_the_api(api_as, member_user, coordinator):
    event = factories.EventFactory()
    response = api_as("member").post(
        f"/api/events/{event.pk}/comment/", {"text": "@Coordinator Chen please check"}, format="json"
    )
    assert response.status_code == 201
    assert response.json()["mentioned"] == [coordinator.member.pk]
    assert (
        api_as("member").post(f"/api/events/{event.pk}/comment/", {"text": ""}, format="json").status_code
        == 400
    )
    assert (
        api_as("outsider").post(f"/api/events/{event.pk}/comment/", {"text": "x"}, format="json").status_code
        == 403
    )
    idea = services.idea_propose(user=coordinator, title="Bilingual recap posts", proposer=coordinator.member)
    assert api_as("member").post(f"/api/ideas/{idea.pk}/support/").status_code == 200
    assert api_as("member").post(f"/api/ideas/{idea.pk}/support/").status_code == 400
    assert api_as("coordinator").post(f"/api/ideas/{idea.pk}/support/").status_code == 403
    assert idea.supports.count() == 1


def test_the_api_refuses_a_members_answer_once_the_event_is_over_as_the_pages_do(api_as, member_user):
    past = factories.EventFactory(start_date=dt.date(2025, 8, 9), end_date=dt.date(2025, 8, 10))
    mine = factories.ParticipationFactory(
        event=past, member=member_user.member, role="speaker", status=Participation.Status.PROPOSED
    )
    member = api_as("member")
    for action in ("confirm", "decline", "withdraw"):
        response = member.post(f"/api/participations/{mine.pk}/{action}/", HTTP_ACCEPT_LANGUAGE="en")
        assert response.status_code == 400, (action, response.content)
        assert "This event is over; a coordinator records who went." in response.content.decode()
    mine.refresh_from_db()
    assert mine.status == Participation.Status.PROPOSED
