"""@mentions in comments reach the mentioned member through their own reminder means, in their
language, once per comment (issue 12): posted on the page and through the API, sent by the
dispatch pass to Django's outbox and to a personal chat bot on a local server."""

import datetime as dt

import pytest
from django.core import mail
from django.utils import timezone
from rest_framework.test import APIClient

from events import services
from events.models import Reminder
from events.reminders.dispatch import reminders_dispatch
from tests import factories

from .reminder_helpers import RecordingServer

pytestmark = pytest.mark.django_db
State = Reminder.State


@pytest.fixture
def event():
    return factories.EventFactory(name="COSCUP 2026")


def _dispatch():
    return reminders_dispatch(now=timezone.now() + dt.timedelta(seconds=1))


def test_a_comment_on_the_page_mails_the_mentioned_member_in_english(member_client, event):
    wang = factories.MemberFactory(display_name="Wang Wu", email="wang@example.org")
    response = member_client.post(
        f"/events/{event.pk}/comments/new/", {"text": "@Wang Wu can you ask about the booth?"}
    )
    assert response.status_code == 302
    assert _dispatch().sent == 1
    [message] = mail.outbox
    assert message.to == ["wang@example.org"]
    assert message.subject == "[intl_portal] Member Li mentioned you on COSCUP 2026"
    assert "@Wang Wu can you ask about the booth?" in message.body
    comment = wang.mentioned_in_comments.get()
    assert f"/events/{event.pk}/comments/#comment-{comment.pk}" in message.body
    assert _dispatch().sent == 0  # sent once


def test_a_comment_through_the_api_mails_a_chinese_reader_in_chinese(member_user, event):
    factories.MemberFactory(
        display_name="Zhang San", name_zh="张三", email="zhang@example.org", preferred_language="zh-hans"
    )
    api = APIClient()
    api.force_login(member_user)
    response = api.post(f"/api/events/{event.pk}/comment/", {"text": "请 @Zhang San 看看展位"}, format="json")
    assert response.status_code == 201
    assert _dispatch().sent == 1
    [message] = mail.outbox
    assert message.to == ["zhang@example.org"]
    assert message.subject == "[intl_portal] Member Li 在 COSCUP 2026 中提到了你"
    assert "活动：COSCUP 2026" in message.body
    assert "请 @Zhang San 看看展位" in message.body
    assert "评论：http" in message.body


def test_an_edit_notifies_only_the_newly_mentioned_and_removing_sends_nothing(member_user, event):
    wang = factories.MemberFactory(display_name="Wang Wu", email="wang@example.org")
    zhao = factories.MemberFactory(display_name="Zhao Liu", email="zhao@example.org")
    comment = services.comment_post(user=member_user, event=event, text="@Wang Wu booth?")
    assert _dispatch().sent == 1
    services.comment_edit(user=member_user, comment=comment, text="@Wang Wu @Zhao Liu booth?")
    assert _dispatch().sent == 1
    services.comment_edit(user=member_user, comment=comment, text="booth?")
    services.comment_edit(user=member_user, comment=comment, text="@Wang Wu @Zhao Liu booth??")
    assert _dispatch().sent == 0
    assert [m.to for m in mail.outbox] == [["wang@example.org"], ["zhao@example.org"]]
    assert Reminder.objects.filter(kind="mention").count() == 2
    assert set(comment.mentioned.all()) == {wang, zhao}


def test_the_author_and_inactive_members_are_not_notified(member_user, event):
    factories.MemberFactory(display_name="Gone Away", active=False, email="gone@example.org")
    services.comment_post(user=member_user, event=event, text="@Member Li note to self, @Gone Away too")
    assert not Reminder.objects.filter(kind="mention").exists()
    assert _dispatch().sent == 0
    assert mail.outbox == []


def test_a_member_who_became_inactive_before_sending_is_skipped(member_user, event):
    wang = factories.MemberFactory(display_name="Wang Wu")
    services.comment_post(user=member_user, event=event, text="@Wang Wu hi")
    wang.active = False
    wang.save()
    assert _dispatch().skipped == 1
    assert Reminder.objects.get(kind="mention").last_error == "member inactive"
    assert mail.outbox == []


def test_a_removed_comment_sends_nothing(member_user, coordinator, event):
    factories.MemberFactory(display_name="Wang Wu")
    comment = services.comment_post(user=member_user, event=event, text="@Wang Wu hi")
    services.comment_remove(user=coordinator, comment=comment)
    assert _dispatch().sent == 0
    assert Reminder.objects.get(kind="mention").state == State.CANCELLED
    assert mail.outbox == []


def test_a_muted_event_still_brings_a_mention(member_user, event):
    """The mute silences the event's deadline reminders; a colleague asking by name gets through."""
    wang = factories.MemberFactory(display_name="Wang Wu", email="wang@example.org")
    factories.ReminderPreferenceFactory(member=wang).muted_events.add(event)
    services.comment_post(user=member_user, event=event, text="@Wang Wu are you going?")
    assert _dispatch().sent == 1
    assert [m.to for m in mail.outbox] == [["wang@example.org"]]


def test_mention_goes_to_the_personal_chat_bot_and_not_by_mail_when_mail_is_off(member_user, event):
    wang = factories.MemberFactory(display_name="Wang Wu", email="wang@example.org")
    with RecordingServer(body=b"ok") as server:
        factories.ReminderPreferenceFactory(
            member=wang, by_email=False, chat_kind="slack", chat_url=server.url()
        )
        services.comment_post(user=member_user, event=event, text="@Wang Wu the CFP opens today")
        assert _dispatch().sent == 1
    assert mail.outbox == []
    [request] = server.requests
    text = request["json"]["text"]
    assert "Member Li mentioned you on COSCUP 2026" in text
    assert "@Wang Wu the CFP opens today" in text


def test_a_long_comment_is_quoted_bounded(member_user, event):
    factories.MemberFactory(display_name="Wang Wu")
    services.comment_post(user=member_user, event=event, text="@Wang Wu " + "x" * 1900)
    _dispatch()
    body = mail.outbox[0].body
    assert "x" * 480 in body and "x" * 600 not in body
    assert "…" in body


def test_a_pending_mention_is_listed_on_the_members_reminders_page(client, member_client, event):
    wang = factories.MemberFactory(
        display_name="Wang Wu", email="wang@example.org", user=factories.UserFactory(username="wang")
    )
    member_client.post(f"/events/{event.pk}/comments/new/", {"text": "@Wang Wu can you ask about the booth?"})
    client.force_login(wang.user)
    page = client.get("/me/reminders/", HTTP_ACCEPT_LANGUAGE="en").content.decode()
    row = page.split("Coming up", 1)[1].split("</table>", 1)[0]
    assert "Member Li mentioned you on COSCUP 2026" in row
    assert f'href="/events/{event.pk}/comments/"' in row
