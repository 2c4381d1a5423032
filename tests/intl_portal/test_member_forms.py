"""The members' forms (issue 14, designer's review): stacked fields, no colon after a
checkbox's label, a real label on a blank choice, fields shown only when they apply
(static/js/forms.js reads data-show-if), the contribution's publications when editing it,
and the log-in page telling a signed-in user who they are."""

import pytest
from django.urls import reverse
from django.utils import timezone

from members.models import ContributionPublication
from tests import factories

pytestmark = pytest.mark.django_db


def _page(client, name, *args):
    response = client.get(reverse(name, args=args))
    assert response.status_code == 200
    return response.content.decode()


def test_checkbox_labels_have_no_colon_and_the_blank_chat_choice_says_no_bot(client, member_user):
    client.force_login(member_user)
    page = _page(client, "my_reminders")
    assert 'class="form reminders-form stacked-form"' in page
    assert ">By e-mail</label>" in page and "By e-mail:" not in page
    assert ">Weekly digest by e-mail</label>" in page
    assert '<option value="" selected>No chat bot</option>' in page
    assert page.count('data-show-if="chat_kind"') == 2  # the bot's URL and secret


def test_e_mail_is_not_offered_ticked_to_a_member_without_an_address(client, member_user):
    member_user.member.email = ""
    member_user.member.save()
    factories.ReminderPreferenceFactory(member=member_user.member, by_email=True)
    client.force_login(member_user)
    page = _page(client, "my_reminders")
    box = page.split('name="by_email"')[1].split(">")[0]
    assert "checked" not in box and "disabled" in box
    assert "You have no e-mail address on record." in page


def test_blank_choices_say_choose_and_dates_show_by_precision(client, member_user):
    client.force_login(member_user)
    page = _page(client, "events:event_propose")
    assert "---------" not in page
    assert ">Choose… (optional)</option>" in page  # the country
    assert 'data-show-if="date_precision=exact"' in page
    assert 'data-show-if="date_precision=quarter"' in page
    assert page.count('class="field"') == 0 and "<div><label" in page


def test_the_date_change_page_writes_the_colon_of_the_language(client, member_user):
    event = factories.EventFactory()
    client.force_login(member_user)
    client.cookies.load({"django_language": "zh-hans"})
    page = client.get(reverse("events:event_date_change", args=[event.pk]), HTTP_ACCEPT_LANGUAGE="zh-hans")
    text = page.content.decode()
    assert "现为：" in text and "现为: " not in text
    assert "我的安排" in text


def test_the_visa_fields_show_only_with_needs_a_visa_and_a_coordinator_sees_whose_trip(
    client, member_user, coordinator
):
    participation = factories.ParticipationFactory(member=member_user.member)
    client.force_login(member_user)
    page = _page(client, "events:participation_trip", participation.pk)
    assert page.count('data-show-if="needs_visa"') == 2
    assert ">Needs a visa</label>" in page.replace("needs a visa", "Needs a visa")
    assert "My trip" in page
    client.force_login(coordinator)
    page = _page(client, "events:participation_trip", participation.pk)
    assert "Member Li's trip" in page and "My trip" not in page


def test_the_comment_edit_form_has_a_full_textarea_and_a_way_back(client, member_user):
    event = factories.EventFactory()
    comment = event.comments.create(author=member_user.member, text="Hello")
    client.force_login(member_user)
    page = _page(client, "events:comment_edit", comment.pk)
    assert '<label for="comment-text">' in page and 'rows="8"' in page
    assert f"{reverse('events:event_comments', args=[event.pk])}#comment-{comment.pk}" in page


def test_the_travel_help_is_a_block_under_the_field(client, member_user):
    client.force_login(member_user)
    page = _page(client, "my_travel")
    assert 'class="form stacked-form"' in page and '<div class="helptext"' in page


def test_editing_a_contribution_shows_and_saves_its_publications(client, member_user):
    contribution = factories.ContributionFactory(member=member_user.member)
    contribution.publications.create(channel="wechat", language="zh-hans", planned_for=timezone.now())
    client.force_login(member_user)
    page = _page(client, "program:contribution_edit", contribution.pk)
    assert 'name="pub-0-channel"' in page and 'name="pub-1-channel"' in page
    assert 'name="pub-2-channel"' not in page  # the stored row and one blank row
    assert '<option value="wechat" selected>' in page
    data = {
        "kind": contribution.kind,
        "title_en": contribution.title_en,
        "pub-TOTAL_FORMS": "2",
        "pub-INITIAL_FORMS": "1",
        "pub-0-channel": "wechat",
        "pub-0-language": "zh-hans",
        "pub-1-channel": "linkedin",
        "pub-1-language": "en",
    }
    response = client.post(reverse("program:contribution_edit", args=[contribution.pk]), data)
    assert response.status_code == 302
    assert set(ContributionPublication.objects.values_list("channel", "language")) == {
        ("wechat", "zh-hans"),
        ("linkedin", "en"),
    }


def test_the_log_in_page_says_who_is_signed_in(client, member_user):
    page = _page(client, "login")
    assert "already logged in" not in page and 'class="form stacked-form"' in page
    client.force_login(member_user)
    page = _page(client, "login")
    assert "You are already logged in as member." in page


def test_a_reward_asks_for_shipping_only_with_an_item_and_swag_lines_default_to_one(
    client, coordinator, member_user
):
    client.force_login(coordinator)
    page = _page(client, "program:reward_new")
    assert page.count('data-show-if="variant"') == 5  # quantity, recipient, address, phone, ship from
    assert "---------" not in page and ">Choose…</option>" in page  # the member
    page = _page(client, "program:swag_request_new")
    assert 'name="line-0-quantity" value="1"' in page


def test_a_reminder_whose_deadline_was_removed_says_so_not_a_lone_separator(client, member_user):
    from events.models import Reminder

    now = timezone.now()
    Reminder.objects.create(
        member=member_user.member, via="email", send_at=now, not_before=now, deadline_due_at=now
    )
    client.force_login(member_user)
    page = _page(client, "my_reminders")
    row = page.split("<tbody>")[1].split("</tr>")[0]
    assert "A deadline since removed" in row and "<td> · </td>" not in row
