"""A member's page and "my plan" (/me/)."""

import datetime as dt

from django.urls import reverse
from django.utils import timezone

from events.models import ActionItem, Participation
from members.models import Contribution, Member
from tests import factories

XSS = "<script>alert(1)</script>"


def test_my_plan_needs_a_log_in(client, db):
    response = client.get("/me/")
    assert response.status_code == 302
    assert response.url.startswith("/accounts/login/?next=/me/")


def test_my_plan_lists_my_events_deadlines_actions_and_contributions(member_client, member_user):
    me = Member.objects.get(user=member_user)
    going = factories.EventFactory(name="GOSIM Hangzhou 2025")
    maybe = factories.EventFactory(name="COSCUP 2025", start_date=dt.date(2025, 8, 9), end_date=None)
    other = factories.EventFactory(name="Someone else's")
    factories.ParticipationFactory(event=going, member=me, role=Participation.Role.SPEAKER)
    factories.ParticipationFactory(event=maybe, member=me, status=Participation.Status.TENTATIVE)
    upcoming = factories.DeadlineFactory(event=going, due_at=timezone.now() + dt.timedelta(days=3))
    past = factories.DeadlineFactory(event=maybe)
    factories.DeadlineFactory(event=other, due_at=timezone.now() + dt.timedelta(days=3))
    factories.ActionItemFactory(owner=me, title="Write the talk", event=going)
    factories.ActionItemFactory(owner=me, title="Old one", status=ActionItem.Status.DONE)
    factories.ActionItemFactory(title="Not mine")
    factories.ContributionFactory(
        member=me, title_en="Annual report, English", status=Contribution.Status.ACCEPTED, points=30
    )
    factories.RoleAssignmentFactory(member=me, role__name_en="Liaison lead")
    response = member_client.get("/me/")
    assert response.status_code == 200
    plan = response.context["plan"]
    assert [p.event.name for p in plan.participations] == ["GOSIM Hangzhou 2025", "COSCUP 2025"]
    assert plan.upcoming_deadlines == [upcoming]
    assert plan.recent_deadlines == [past]
    assert [item.title for item in plan.action_items] == ["Write the talk", "Old one"]
    text = response.text
    for expected in (
        "My plan",
        "Speaker",
        'class="badge tentative"',
        "Write the talk",
        "Annual report, English",
        "Liaison lead",
    ):
        assert expected in text, expected
    assert "Not mine" not in text
    assert "Someone else" not in text


def test_my_plan_says_when_no_deadline_is_upcoming(member_client, member_user):
    me = Member.objects.get(user=member_user)
    event = factories.EventFactory()
    factories.ParticipationFactory(event=event, member=me)
    factories.DeadlineFactory(event=event)
    response = member_client.get("/me/")
    assert "No upcoming deadlines." in response.text
    assert "The most recent ones are below." in response.text


def test_my_plan_for_a_log_in_without_a_member(client, outsider):
    client.force_login(outsider)
    response = client.get("/me/")
    assert response.status_code == 200
    assert "not linked to a member" in response.text


def test_member_page_shows_another_member_to_members(member_client):
    other = factories.MemberFactory(display_name="Richard")
    factories.ParticipationFactory(member=other, event__name="FOSSASIA 2025")
    response = member_client.get(f"/members/{other.pk}/")
    assert response.status_code == 200
    assert "Richard" in response.text
    assert "FOSSASIA 2025" in response.text
    assert response.context["is_me"] is False


def test_member_page_is_forbidden_to_outsiders(client, outsider):
    other = factories.MemberFactory()
    client.force_login(outsider)
    assert client.get(f"/members/{other.pk}/").status_code == 403


def test_member_page_unknown_member_is_not_found(member_client):
    assert member_client.get("/members/999999/").status_code == 404


def test_my_plan_escapes_names(member_client, member_user):
    me = Member.objects.get(user=member_user)
    factories.ParticipationFactory(member=me, event__name=XSS)
    factories.ActionItemFactory(owner=me, title=XSS)
    factories.ContributionFactory(member=me, title_en=XSS)
    response = member_client.get("/me/")
    assert XSS not in response.text
    assert response.text.count("&lt;script&gt;alert(1)&lt;/script&gt;") == 3


def test_my_plan_links_to_my_settings_pages(member_client):
    content = member_client.get(reverse("members:me")).content.decode()
    for name in ("my_calendar_feed", "my_reminders", "api_tokens", "program:mine"):
        assert f'href="{reverse(name)}"' in content
