"""Comments on an event with @mentions, and +1 on ideas (issue 12), through the pages and
the services, with the permission cases."""

import datetime as dt
import zoneinfo

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.utils import timezone

from events import services
from events.models import EventComment, IdeaSupport
from tests import factories

pytestmark = pytest.mark.django_db


def test_member_comments_and_mentions_are_recorded(member_client, member_user):
    event = factories.EventFactory()
    wang = factories.MemberFactory(display_name="Wang Wu")
    factories.MemberFactory(display_name="Wang")
    member_client.post(f"/events/{event.pk}/comments/new/", {"text": "@Wang Wu can you ask about the booth?"})
    comment = EventComment.objects.get()
    assert (comment.author, comment.text) == (member_user.member, "@Wang Wu can you ask about the booth?")
    assert list(comment.mentioned.all()) == [wang]
    page = member_client.get(f"/events/{event.pk}/comments/").content.decode()
    assert "can you ask about the booth?" in page
    assert (
        "1 comment" in member_client.get(f"/events/{event.pk}/", HTTP_ACCEPT_LANGUAGE="en").content.decode()
    )


def test_an_empty_comment_is_refused(member_client):
    event = factories.EventFactory()
    member_client.post(f"/events/{event.pk}/comments/new/", {"text": "   "})
    assert not EventComment.objects.exists()


def test_outsiders_cannot_comment(client, outsider):
    event = factories.EventFactory()
    client.force_login(outsider)
    assert client.post(f"/events/{event.pk}/comments/new/", {"text": "hi"}).status_code == 403
    assert not EventComment.objects.exists()


def test_author_edits_within_the_window_and_not_after(member_user):
    comment = services.comment_post(user=member_user, event=factories.EventFactory(), text="first")
    services.comment_edit(user=member_user, comment=comment, text="second")
    comment.refresh_from_db()
    assert comment.text == "second"
    later = timezone.now() + dt.timedelta(hours=1)
    with pytest.raises(PermissionDenied):
        services.comment_edit(user=member_user, comment=comment, text="third", now=later)
    comment.refresh_from_db()
    assert comment.text == "second"


def test_another_member_cannot_edit_and_only_coordinators_remove(client, member_user, coordinator):
    comment = services.comment_post(user=coordinator, event=factories.EventFactory(), text="mine")
    client.force_login(member_user)
    assert client.post(f"/comments/{comment.pk}/edit/", {"text": "hacked"}).status_code == 403
    assert client.post(f"/comments/{comment.pk}/remove/").status_code == 403
    comment.refresh_from_db()
    assert comment.text == "mine"
    client.force_login(coordinator)
    client.post(f"/comments/{comment.pk}/remove/")
    assert not EventComment.objects.exists()


def test_member_proposes_an_idea_and_another_supports_it_once(client, member_user):
    client.force_login(member_user)
    response = client.post("/ideas/", {"kind": "idea", "title": "Translate the talks", "description": ""})
    assert response.status_code == 302
    idea = member_user.member.ideas.get()
    other = factories.UserFactory(username="other")
    factories.MemberFactory(user=other, display_name="Other Zhao")
    client.force_login(other)
    client.post(f"/ideas/{idea.pk}/support/")
    client.post(f"/ideas/{idea.pk}/support/")
    assert IdeaSupport.objects.filter(idea=idea).count() == 1
    page = client.get("/ideas/", HTTP_ACCEPT_LANGUAGE="en").content.decode()
    assert "1 supporter<" in page and "Take back my +1" in page
    client.post(f"/ideas/{idea.pk}/unsupport/")
    page = client.get("/ideas/", HTTP_ACCEPT_LANGUAGE="en").content.decode()
    assert "0 supporters<" in page and "+1, I support it" in page
    assert not IdeaSupport.objects.exists()


def test_no_support_for_ones_own_idea(member_user):
    idea = services.idea_propose(user=member_user, title="Mine")
    with pytest.raises(PermissionDenied):
        services.idea_support(user=member_user, idea=idea)
    assert not IdeaSupport.objects.exists()


def test_supporting_twice_through_the_service_is_refused(member_user):
    idea = factories.IdeaFactory()
    services.idea_support(user=member_user, idea=idea)
    with pytest.raises(ValidationError):
        services.idea_support(user=member_user, idea=idea)


@pytest.mark.parametrize("count", [1, 5])
def test_ideas_page_stays_within_its_queries(member_client, django_assert_max_num_queries, count):
    for _index in range(count):
        idea = factories.IdeaFactory(proposer=factories.MemberFactory(), event=factories.EventFactory())
        IdeaSupport.objects.create(idea=idea, member=factories.MemberFactory())
    with django_assert_max_num_queries(9):
        assert member_client.get("/ideas/").status_code == 200


@pytest.mark.parametrize("count", [1, 5])
def test_event_page_with_comments_stays_within_its_queries(
    member_client, member_user, django_assert_max_num_queries, count
):
    event = factories.EventFactory()
    for index in range(count):
        services.comment_post(user=member_user, event=event, text=f"c{index}")
        factories.ActionItemFactory(event=event, owner=member_user.member)
    with django_assert_max_num_queries(9):
        assert member_client.get(f"/events/{event.pk}/").status_code == 200
    with django_assert_max_num_queries(9):
        assert member_client.get(f"/events/{event.pk}/comments/").status_code == 200


def test_the_comments_page_names_itself_and_writes_times_in_the_viewers_zone(client, member_user):
    from members.models import Member

    Member.objects.filter(user=member_user).update(timezone="Asia/Shanghai")
    event = factories.EventFactory(name="COSCUP 2026")
    client.force_login(member_user)
    client.post(f"/events/{event.pk}/comments/new/", {"text": "See you there"})
    comment = EventComment.objects.get()
    page = client.get(f"/events/{event.pk}/comments/", HTTP_ACCEPT_LANGUAGE="en").content.decode()
    assert "<h1>Comments: COSCUP 2026</h1>" in page
    local = timezone.localtime(comment.created_at, zoneinfo.ZoneInfo("Asia/Shanghai"))
    assert f"{local:%Y-%m-%d %H:%M} UTC+08:00</time>" in page
