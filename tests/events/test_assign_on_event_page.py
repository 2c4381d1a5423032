"""Coordinators give goals their owners and change participants' roles on the event page
(issue 12), through goal_update / participation_update: bad input (an unknown or inactive
member, an unknown role, a second participation in the same role) gets a clear message
and changes nothing; only coordinators may, whatever the door."""

import re

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from rest_framework.test import APIClient

from events import services
from events.models import Goal, Participation
from tests import factories

pytestmark = pytest.mark.django_db


@pytest.fixture
def goal():
    return factories.GoalFactory(kind=Goal.Kind.TALK, owner=None)


@pytest.fixture
def speaker(goal):
    member = factories.MemberFactory(display_name="Speaker Zhang")
    return factories.ParticipationFactory(event=goal.event, member=member, role=Participation.Role.SPEAKER)


def _messages(response):
    return [str(message) for message in response.context["messages"]]


def test_coordinator_sets_changes_and_clears_a_goals_owner(coordinator_client, goal):
    first = factories.MemberFactory(display_name="Owner One")
    second = factories.MemberFactory(display_name="Owner Two")
    url = f"/goals/{goal.pk}/owner/"
    response = coordinator_client.post(url, {"owner": first.pk}, HTTP_ACCEPT_LANGUAGE="en", follow=True)
    assert response.redirect_chain[-1][0] == f"/events/{goal.event_id}/#goals"
    assert "Talk: the owner is Owner One." in _messages(response)
    goal.refresh_from_db()
    assert goal.owner == first
    coordinator_client.post(url, {"owner": second.pk})
    goal.refresh_from_db()
    assert goal.owner == second
    page = coordinator_client.get(f"/events/{goal.event_id}/").content.decode()
    assert f'<option value="{second.pk}" selected>Owner Two</option>' in page
    coordinator_client.post(url, {"owner": ""})
    goal.refresh_from_db()
    assert goal.owner is None


@pytest.mark.parametrize("value", ["999999", "abc", "1" * 30])
def test_unknown_member_as_owner_is_refused_and_changes_nothing(coordinator_client, goal, value):
    owner = factories.MemberFactory()
    Goal.objects.filter(pk=goal.pk).update(owner=owner)
    response = coordinator_client.post(
        f"/goals/{goal.pk}/owner/", {"owner": value}, HTTP_ACCEPT_LANGUAGE="en", follow=True
    )
    assert _messages(response) == ["Unknown member: choose someone from the list."]
    goal.refresh_from_db()
    assert goal.owner == owner


def test_inactive_member_as_owner_is_refused_and_changes_nothing(coordinator_client, goal):
    gone = factories.MemberFactory(display_name="Former Wu", active=False)
    response = coordinator_client.post(
        f"/goals/{goal.pk}/owner/", {"owner": gone.pk}, HTTP_ACCEPT_LANGUAGE="en", follow=True
    )
    assert _messages(response) == ["Former Wu is not an active member."]
    goal.refresh_from_db()
    assert goal.owner is None


def test_inactive_members_are_not_offered_and_a_former_owner_shows_as_inactive(
    coordinator_client, coordinator, goal
):
    gone = factories.MemberFactory(display_name="Former Wu", active=False)
    Goal.objects.filter(pk=goal.pk).update(owner=gone)
    page = coordinator_client.get(f"/events/{goal.event_id}/", HTTP_ACCEPT_LANGUAGE="en").content.decode()
    # Offered once, in the goal owner's list (the page's other lists, such as a month's
    # number in the request for other dates, may share the value).
    owner_lists = re.findall(r'<select name="owner">.*?</select>', page, re.S)
    assert [options.count(f'value="{gone.pk}"') for options in owner_lists] == [1]
    assert "Former Wu (inactive)" in page
    # Keeping the former owner while changing nothing else is no change to refuse.
    goal.refresh_from_db()
    services.goal_update(user=coordinator, goal=goal, details="Keynote slot")
    goal.refresh_from_db()
    assert (goal.owner, goal.details) == (gone, "Keynote slot")


def test_coordinator_changes_a_participants_role(coordinator_client, speaker):
    response = coordinator_client.post(
        f"/participations/{speaker.pk}/role/", {"role": "booth_staff"}, HTTP_ACCEPT_LANGUAGE="en", follow=True
    )
    assert response.redirect_chain[-1][0] == f"/events/{speaker.event_id}/#who-goes"
    assert _messages(response) == ["Speaker Zhang now goes as Booth staff."]
    speaker.refresh_from_db()
    assert speaker.role == "booth_staff"


def test_unknown_role_is_refused_and_changes_nothing(coordinator_client, speaker):
    response = coordinator_client.post(
        f"/participations/{speaker.pk}/role/", {"role": "juggler"}, HTTP_ACCEPT_LANGUAGE="en", follow=True
    )
    assert _messages(response) == ["Unknown role: juggler"]
    speaker.refresh_from_db()
    assert speaker.role == "speaker"


def test_a_second_participation_in_the_same_role_is_refused(coordinator_client, speaker):
    attendee = factories.ParticipationFactory(
        event=speaker.event, member=speaker.member, role=Participation.Role.ATTENDEE
    )
    response = coordinator_client.post(
        f"/participations/{attendee.pk}/role/", {"role": "speaker"}, HTTP_ACCEPT_LANGUAGE="en", follow=True
    )
    assert _messages(response) == ["This member already has this role at this event."]
    attendee.refresh_from_db()
    assert attendee.role == "attendee"


def test_chinese_messages(coordinator_client, speaker, goal):
    gone = factories.MemberFactory(display_name="Former Wu", active=False)
    response = coordinator_client.post(
        f"/goals/{goal.pk}/owner/", {"owner": gone.pk}, HTTP_ACCEPT_LANGUAGE="zh-hans", follow=True
    )
    assert _messages(response) == ["Former Wu 不是活跃成员。"]
    response = coordinator_client.post(
        f"/participations/{speaker.pk}/role/",
        {"role": "juggler"},
        HTTP_ACCEPT_LANGUAGE="zh-hans",
        follow=True,
    )
    assert _messages(response) == ["未知角色：juggler"]


# --- who may -----------------------------------------------------------------------------------


def test_members_see_no_assign_forms_and_coordinators_do(member_client, goal, speaker):
    page = member_client.get(f"/events/{goal.event_id}/").content.decode()
    assert "/owner/" not in page and "/role/" not in page
    assert "Speaker Zhang" in page


def test_coordinator_page_shows_both_forms(coordinator_client, goal, speaker):
    page = coordinator_client.get(f"/events/{goal.event_id}/").content.decode()
    assert f'action="/goals/{goal.pk}/owner/"' in page
    assert f'action="/participations/{speaker.pk}/role/"' in page


@pytest.mark.parametrize("who", ["member", "outsider"])
def test_members_and_outsiders_may_not_assign(client, member_user, outsider, goal, speaker, who):
    client.force_login(member_user if who == "member" else outsider)
    owner = factories.MemberFactory()
    assert client.post(f"/goals/{goal.pk}/owner/", {"owner": owner.pk}).status_code == 403
    assert client.post(f"/participations/{speaker.pk}/role/", {"role": "attendee"}).status_code == 403
    goal.refresh_from_db()
    speaker.refresh_from_db()
    assert (goal.owner, speaker.role) == (None, "speaker")


def test_anonymous_is_sent_to_log_in(client, goal, speaker):
    response = client.post(f"/goals/{goal.pk}/owner/", {"owner": ""})
    assert response.status_code == 302 and "/login/" in response["Location"]
    response = client.post(f"/participations/{speaker.pk}/role/", {"role": "attendee"})
    assert response.status_code == 302 and "/login/" in response["Location"]


def test_a_get_changes_nothing(coordinator_client, goal):
    assert coordinator_client.get(f"/goals/{goal.pk}/owner/").status_code == 405


def test_the_services_refuse_a_member(member_user, goal, speaker):
    with pytest.raises(PermissionDenied):
        services.goal_update(user=member_user, goal=goal, owner=factories.MemberFactory())
    with pytest.raises(PermissionDenied):
        services.participation_update(user=member_user, participation=speaker, role="attendee")


def test_the_services_refuse_an_inactive_owner_on_create_too(coordinator, goal):
    gone = factories.MemberFactory(active=False)
    with pytest.raises(ValidationError) as refusal:
        services.goal_create(user=coordinator, event=goal.event, kind=Goal.Kind.BOOTH, owner=gone)
    assert "owner" in refusal.value.message_dict
    assert not Goal.objects.filter(kind=Goal.Kind.BOOTH).exists()


def test_the_api_door_gives_the_same_refusals(coordinator, goal, speaker):
    api = APIClient()
    api.force_login(coordinator)
    gone = factories.MemberFactory(display_name="Former Wu", active=False)
    response = api.patch(
        f"/api/goals/{goal.pk}/", {"owner": gone.pk}, format="json", HTTP_ACCEPT_LANGUAGE="en"
    )
    assert response.status_code == 400
    assert "Former Wu is not an active member." in str(response.json())
    response = api.patch(f"/api/participations/{speaker.pk}/", {"role": "juggler"}, format="json")
    assert response.status_code == 400
    goal.refresh_from_db()
    speaker.refresh_from_db()
    assert (goal.owner, speaker.role) == (None, "speaker")
