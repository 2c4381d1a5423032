"""Writes about reminder preferences (the member page and the API call these)."""

from urllib.parse import urlsplit

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from ..models.reminders import ReminderPreference, Via, format_offsets, parse_offsets

# Personal chat bots may only post to these hosts (a member cannot make the portal call
# an arbitrary address); group channels are set by coordinators and are not limited.
DEFAULT_CHAT_HOSTS = {
    Via.FEISHU: ("open.feishu.cn", "open.larksuite.com"),
    Via.SLACK: ("hooks.slack.com",),
}


def chat_hosts(kind):
    allowed = getattr(settings, "REMINDER_PERSONAL_CHAT_HOSTS", None) or DEFAULT_CHAT_HOSTS
    return tuple(allowed.get(kind, ()))


def reminder_preference_for(*, member):
    preference, _created = ReminderPreference.objects.get_or_create(member=member)
    return preference


@transaction.atomic
def reminder_preference_update(
    *,
    member,
    offsets="",
    by_email=True,
    chat_kind="",
    chat_url="",
    chat_secret=None,
    muted_events=(),
    followed_events=(),
):
    """Save a member's reminder choices; ValidationError (by field) and nothing saved if bad.

    `chat_secret=None` keeps the stored secret (the page never shows it back).
    """
    errors = {}
    try:
        offsets = format_offsets(parse_offsets(offsets)) if offsets.strip() else ""
    except ValidationError as error:
        errors["offsets"] = error.messages
    if chat_kind and chat_kind not in (Via.FEISHU, Via.SLACK):
        errors["chat_kind"] = [_("Choose Feishu/Lark or Slack.")]
    if chat_kind and not chat_url:
        errors["chat_url"] = [_("Give the bot's webhook URL.")]
    if chat_url and not chat_kind:
        errors["chat_kind"] = [_("Say which kind of bot this URL belongs to.")]
    if chat_url and chat_kind and "chat_kind" not in errors:
        parts = urlsplit(chat_url)
        if parts.scheme != "https" or parts.hostname not in chat_hosts(chat_kind):
            errors["chat_url"] = [
                _("The URL must start with https:// and go to %(hosts)s.")
                % {"hosts": ", ".join(chat_hosts(chat_kind))}
            ]
    if errors:
        raise ValidationError(errors)
    preference = reminder_preference_for(member=member)
    preference.offsets = offsets
    preference.by_email = by_email
    preference.chat_kind = chat_kind
    preference.chat_url = chat_url
    if chat_secret is not None or not chat_url:
        preference.chat_secret = (chat_secret or "") if chat_url else ""
    preference.save()
    # m2m set() sends m2m_changed, which re-plans this member's reminders.
    preference.muted_events.set(muted_events)
    preference.followed_events.set(followed_events)
    return preference


def reminders_retry(*, reminder_ids, now=None):
    """Put failed (or skipped) reminders back in the queue to be tried at once."""
    from django.utils import timezone

    from ..models.reminders import Reminder

    now = now or timezone.now()
    return Reminder.objects.filter(
        pk__in=reminder_ids, state__in=(Reminder.State.FAILED, Reminder.State.SKIPPED)
    ).update(state=Reminder.State.PENDING, attempts=0, last_error="", not_before=now, updated_at=now)
