"""New ideas on the triage page: coordinators accept them or decline with a reason the
proposer sees on /ideas/ and /me/ (issue 12); the permission cases; the lists' query counts
at two sizes (/triage/, /ideas/, /me/ with ideas and date-change requests)."""

import datetime as dt

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.utils import translation

from events import services
from events.models import Idea
from tests import factories

pytestmark = pytest.mark.django_db


@pytest.fixture
def idea(member_user):
    return services.idea_propose(user=member_user, kind="idea", title="Subtitles for our talks")


def test_new_ideas_show_on_triage_and_an_accept_is_seen_by_the_proposer(
    client, coordinator, member_user, idea
):
    answered = factories.IdeaFactory(title="Old one", status=Idea.Status.ACCEPTED)
    client.force_login(coordinator)
    page = client.get("/triage/", HTTP_ACCEPT_LANGUAGE="en").content.decode()
    section = page[page.index('id="ideas"') :]
    assert "Subtitles for our talks" in section and answered.title not in section
    assert "proposed by Member Li" in section
    client.post(f"/triage/ideas/{idea.pk}/", {"decision": "accept", "reason": "Let's start with FOSDEM"})
    idea.refresh_from_db()
    assert (idea.status, idea.triage_reason) == ("accepted", "Let's start with FOSDEM")
    after = client.get("/triage/", HTTP_ACCEPT_LANGUAGE="en").content.decode()
    assert "Subtitles for our talks" not in after[after.index('id="ideas"') :]
    client.force_login(member_user)
    ideas_page = client.get("/ideas/", HTTP_ACCEPT_LANGUAGE="en").content.decode()
    assert "Coordinators' answer: Let's start with FOSDEM" in ideas_page.replace("&#x27;", "'")
    me = client.get("/me/", HTTP_ACCEPT_LANGUAGE="en").content.decode().replace("&#x27;", "'")
    assert "My ideas" in me and "Let's start with FOSDEM" in me


def test_a_decline_needs_a_reason_which_the_proposer_sees_in_chinese(client, coordinator, member_user, idea):
    client.force_login(coordinator)
    client.post(f"/triage/ideas/{idea.pk}/", {"decision": "decline", "reason": ""})
    idea.refresh_from_db()
    assert (idea.status, idea.triage_reason) == ("proposed", "")
    client.post(f"/triage/ideas/{idea.pk}/", {"decision": "decline", "reason": "今年人手不够"})
    idea.refresh_from_db()
    assert (idea.status, idea.triage_reason) == ("rejected", "今年人手不够")
    client.force_login(member_user)
    me = client.get("/me/", HTTP_ACCEPT_LANGUAGE="zh-hans").content.decode()
    assert "我的想法" in me and "今年人手不够" in me


def test_an_answered_idea_cannot_be_answered_again(coordinator, idea):
    services.idea_decline(user=coordinator, idea=idea, reason="no")
    with translation.override("en"), pytest.raises(ValidationError, match="already answered"):
        services.idea_accept(user=coordinator, idea=idea)
    idea.refresh_from_db()
    assert idea.status == "rejected"


def test_an_unknown_decision_changes_nothing(coordinator_client, idea):
    coordinator_client.post(f"/triage/ideas/{idea.pk}/", {"decision": "merge"})
    idea.refresh_from_db()
    assert idea.status == "proposed"


@pytest.mark.parametrize("role", ["anonymous", "outsider", "proposer", "other member"])
def test_only_coordinators_answer_ideas(client, outsider, member_user, idea, role):
    users = {"outsider": outsider, "proposer": member_user}
    if role == "other member":
        users[role] = factories.UserFactory(username="other")
        factories.MemberFactory(user=users[role])
    if role in users:
        client.force_login(users[role])
    response = client.post(f"/triage/ideas/{idea.pk}/", {"decision": "accept"})
    assert response.status_code == (302 if role == "anonymous" else 403)
    if role in users:
        with pytest.raises(PermissionDenied):
            services.idea_accept(user=users[role], idea=idea)
    idea.refresh_from_db()
    assert idea.status == "proposed"


def _fill(member_user, count):
    """`count` of everything that waits on the triage page or shows on the member's plan."""
    for index in range(count):
        event = factories.upcoming_event(name=f"Conf {index}")
        factories.GoalFactory(event=event, kind="talk")
        services.event_propose(
            user=member_user, name=f"P{index}", date_precision="unannounced", goals=["talk"]
        )
        services.participation_volunteer(user=member_user, event=event, role="attendee")
        factories.ActionItemFactory(owner=member_user.member, requested_due_date=dt.date(2026, 9, 1))
        services.idea_propose(user=member_user, kind="idea", title=f"Idea {index}", event=event)
        services.date_change_request(
            user=member_user,
            event=event,
            reason="announced",
            date_precision="month",
            approx_year=2026,
            approx_month=1 + index % 12,
        )


@pytest.mark.parametrize("count", [1, 12])
def test_triage_ideas_and_my_plan_stay_under_ten_queries(
    client, coordinator, member_user, django_assert_max_num_queries, count
):
    _fill(member_user, count)
    client.force_login(coordinator)
    with django_assert_max_num_queries(9):
        page = client.get("/triage/").content.decode()
    assert page.count('action="/triage/ideas/') == count
    assert page.count('action="/triage/date-changes/') == count
    client.force_login(member_user)
    for url in ("/ideas/", "/me/"):
        with django_assert_max_num_queries(9):
            response = client.get(url)
        assert response.status_code == 200
    assert response.content.decode().count('class="date-change date-change-open"') == count


def test_the_triage_page_opens_with_its_sections_and_their_counts(coordinator_client):
    factories.IdeaFactory(title="Bilingual interviews")
    page = coordinator_client.get("/triage/", HTTP_ACCEPT_LANGUAGE="zh-hans").content.decode()
    jump = page.split('class="triage-jump"', 1)[1].split("</nav>", 1)[0]
    for anchor in ("#proposals", "#volunteers", "#due-dates", "#date-changes", "#ideas"):
        assert f'href="{anchor}"' in jump
    # Counts are badges, not half-width brackets on a Chinese page.
    assert '<span class="count">(' not in page
    assert '<h2>新想法 <span class="count-badge">1</span></h2>' in page
