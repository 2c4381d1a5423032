"""Outcomes are written by the goal's owner or a coordinator; an event's review by a
coordinator or an owner of one of its goals. Every refusal changes nothing; bad input is a
clear error, not a 500."""

import datetime as dt

import pytest
from django.core.exceptions import PermissionDenied, ValidationError

from events.models import Event, EventReview, Goal, Outcome, OutcomeContact
from events.outcomes import services
from members.models import Contribution, Member
from tests import factories

pytestmark = pytest.mark.django_db


@pytest.fixture
def goal(member_user):
    event = factories.EventFactory(
        name="FOSDEM 2025", start_date=dt.date(2025, 2, 1), end_date=dt.date(2025, 2, 2), status="attended"
    )
    return factories.GoalFactory(event=event, kind=Goal.Kind.TALK, owner=Member.objects.get(user=member_user))


def _users(request, name):
    return None if name == "anonymous" else request.getfixturevalue(name)


@pytest.mark.parametrize(
    ("who", "allowed"),
    [("coordinator", True), ("member_user", True), ("approver", False), ("outsider", False)],
)
def test_outcome_record_by_owner_or_coordinator_only(request, goal, who, allowed):
    user = request.getfixturevalue(who)
    if allowed:
        outcome = services.outcome_record(user=user, goal=goal, url="https://example.org/slides.pdf")
        assert outcome.recorded_by == Member.objects.get(user=user)
    else:
        with pytest.raises(PermissionDenied):
            services.outcome_record(user=user, goal=goal, url="https://example.org/slides.pdf")
        assert Outcome.objects.count() == 0


def test_another_member_may_not_touch_someone_elses_outcome(goal):
    other = factories.UserFactory(username="other")
    factories.MemberFactory(user=other)
    outcome = Outcome.objects.create(goal=goal, summary="kept")
    with pytest.raises(PermissionDenied):
        services.outcome_update(user=other, outcome=outcome, summary="changed")
    with pytest.raises(PermissionDenied):
        services.outcome_delete(user=other, outcome=outcome)
    contact = factories.ContactFactory()
    with pytest.raises(PermissionDenied):
        services.outcome_contact_add(user=other, outcome=outcome, contact=contact)
    outcome.refresh_from_db()
    assert outcome.summary == "kept"
    assert OutcomeContact.objects.count() == 0


def test_contact_made_is_linked_to_the_event_with_a_follow_up_owner(goal, member_user):
    outcome = services.outcome_record(user=member_user, goal=goal, summary="hallway")
    contact = factories.ContactFactory(name="Quincy")
    owner = Member.objects.get(user=member_user)
    made = services.outcome_contact_add(
        user=member_user, outcome=outcome, contact=contact, follow_up_owner=owner
    )
    assert made.follow_up_owner == owner
    assert list(contact.events.all()) == [goal.event]
    with pytest.raises(ValidationError):
        services.outcome_contact_add(user=member_user, outcome=outcome, contact=contact)
    assert OutcomeContact.objects.count() == 1


def test_no_outcome_before_the_event_or_for_a_declined_one(goal, coordinator):
    goal.event.start_date = dt.date.today() + dt.timedelta(days=30)
    goal.event.end_date = None
    goal.event.save()
    with pytest.raises(ValidationError):
        services.outcome_record(user=coordinator, goal=goal, summary="too early")
    Event.objects.filter(pk=goal.event.pk).update(start_date=dt.date(2025, 2, 1), status="declined")
    goal.event.refresh_from_db()
    with pytest.raises(ValidationError):
        services.outcome_record(user=coordinator, goal=goal, summary="declined")
    assert Outcome.objects.count() == 0


def test_only_accepted_contributions_are_linked(goal, member_user):
    submitted = factories.ContributionFactory(event=goal.event)
    with pytest.raises(ValidationError) as refusal:
        services.outcome_record(user=member_user, goal=goal, contributions=[submitted])
    assert "contributions" in refusal.value.message_dict
    accepted = factories.ContributionFactory(event=goal.event, status=Contribution.Status.ACCEPTED)
    outcome = services.outcome_record(user=member_user, goal=goal, contributions=[accepted])
    assert list(outcome.contributions.all()) == [accepted]


def test_bad_link_is_a_field_error(goal, member_user):
    with pytest.raises(ValidationError) as refusal:
        services.outcome_record(user=member_user, goal=goal, url="not a link")
    assert "url" in refusal.value.message_dict
    assert Outcome.objects.count() == 0


@pytest.mark.parametrize(
    ("who", "allowed"),
    [("coordinator", True), ("member_user", True), ("approver", False), ("outsider", False)],
)
def test_event_review_by_coordinator_or_goal_owner(request, goal, who, allowed):
    user = request.getfixturevalue(who)
    if allowed:
        review = services.event_review_set(user=user, event=goal.event, go_again="yes", go_again_why="Core")
        assert review.go_again == "yes"
        again = services.event_review_set(user=user, event=goal.event, go_again="maybe")
        assert again.pk == review.pk and EventReview.objects.count() == 1
    else:
        with pytest.raises(PermissionDenied):
            services.event_review_set(user=user, event=goal.event, go_again="yes")
        assert EventReview.objects.count() == 0


def test_event_review_refuses_an_unknown_answer(goal, coordinator):
    with pytest.raises(ValidationError):
        services.event_review_set(user=coordinator, event=goal.event, go_again="perhaps")
    assert EventReview.objects.count() == 0


def test_outcomes_page_owner_records_others_cannot(client, goal, member_user, outsider):
    url = f"/events/{goal.event.pk}/outcomes/"
    data = {"action": "outcome", "goal": goal.pk, "url": "https://example.org/s.pdf", "audience_size": "80"}
    client.force_login(outsider)
    assert client.get(url).status_code == 403
    other = factories.UserFactory(username="other")
    factories.MemberFactory(user=other)
    client.force_login(other)
    response = client.post(url, data)
    assert response.status_code == 200
    assert "Only the goal&#x27;s owner or a coordinator" in response.content.decode()
    assert Outcome.objects.count() == 0
    client.force_login(member_user)
    assert client.post(url, data).status_code == 302
    assert Outcome.objects.get().audience_size == 80
    bad = client.post(url, {**data, "audience_size": "many"})
    assert bad.status_code == 200 and Outcome.objects.count() == 1
    assert client.post(url, {"action": "nonsense"}).status_code == 404
    review = client.post(url, {"action": "review", "go_again": "no", "go_again_why": "Far"})
    assert review.status_code == 302
    assert EventReview.objects.get().go_again == "no"


def test_outcomes_page_shows_the_cost_to_budget_viewers_only(client, coordinator, member_user):
    from .review_data import build_year

    ev, _goals, _people = build_year()
    url = f"/events/{ev['fosdem'].pk}/outcomes/"
    client.force_login(member_user)
    assert 'id="event-cost"' not in client.get(url).content.decode()
    client.force_login(coordinator)
    page = client.get(url).content.decode()
    assert "Cost: 6,000.00 CNY in approved expenses, 1 person-trip." in page


def test_admin_records_through_the_service(coordinator_client, coordinator, goal):
    response = coordinator_client.post(
        "/admin/events/outcome/add/", {"goal": goal.pk, "url": "https://example.org/s.pdf", "summary": "Talk"}
    )
    assert response.status_code == 302
    assert Outcome.objects.get().recorded_by == Member.objects.get(user=coordinator)
    soon = dt.date.today() + dt.timedelta(days=9)
    future = factories.GoalFactory(event=factories.EventFactory(start_date=soon, end_date=soon))
    refused = coordinator_client.post("/admin/events/outcome/add/", {"goal": future.pk, "summary": "Early"})
    assert refused.status_code == 200
    assert "Outcomes are recorded once the event has begun." in refused.content.decode()
    assert Outcome.objects.count() == 1
    review = coordinator_client.post(
        "/admin/events/eventreview/add/", {"event": goal.event.pk, "go_again": "yes"}
    )
    assert review.status_code == 302
    assert EventReview.objects.get().recorded_by == Member.objects.get(user=coordinator)
