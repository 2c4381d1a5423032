"""Writes about reminders: a member's preferences, the group's channels and defaults,
retries, and a dispatch pass. Every door (the member's page, admin, the command, the
Celery tasks) calls these; each plans the outbox itself, once (no model signal does).
"""

import dataclasses
from urllib.parse import urlsplit

from celery import current_app
from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from ..models import Deadline
from ..models.reminder_settings import PERSONAL_CHAT_KINDS, ReminderDefaults, ReminderPreference
from ..models.reminders import Reminder, format_offsets, parse_offsets
from .channels import DeliveryError, Throttled, redact
from .delivery import Target, deliver
from .digests import digests_plan, digests_unplan
from .dispatch import reminders_dispatch
from .messages import render_test_message
from .pacing import pace_block, pace_reserve
from .planning import reminders_plan_all, reminders_plan_deadlines, reminders_plan_member

# The Celery task (tasks.py) that re-plans every future deadline. Enqueued by name: a
# domain module never imports a door.
REPLAN_TASK = "events.replan_reminders"


def chat_hosts(kind):
    """The hosts a member's personal chat bot may post to (REMINDER_PERSONAL_CHAT_HOSTS):
    a member cannot make the portal call an arbitrary address. Group channels are set by
    coordinators and are not limited."""
    return tuple(settings.REMINDER_PERSONAL_CHAT_HOSTS.get(kind, ()))


# --- a member's preferences ------------------------------------------------------------------


def reminder_preferences_for(*, member):
    preference, _created = ReminderPreference.objects.get_or_create(member=member)
    return preference


def reminder_preferences_check(*, offsets="", chat_kind="", chat_url="", muted_events=(), followed_events=()):
    """The rules of a member's choices. Returns the offsets normalised ("7d, 2h"); raises
    ValidationError by field. Admin's form asks this before saving; update() asks it too."""
    errors = {}
    both = {getattr(e, "pk", e) for e in muted_events} & {getattr(e, "pk", e) for e in followed_events}
    if both:
        errors["muted_events"] = [
            _("An event cannot be both followed and muted: choose one for %(events)s.")
            % {"events": ", ".join(sorted(str(e) for e in muted_events if getattr(e, "pk", e) in both))}
        ]
    offsets = offsets or ""
    try:
        offsets = format_offsets(parse_offsets(offsets)) if offsets.strip() else ""
    except ValidationError as error:
        errors["offsets"] = error.messages
    if chat_kind and chat_kind not in PERSONAL_CHAT_KINDS:
        errors["chat_kind"] = [_("Choose Feishu/Lark, WeCom, DingTalk or Slack.")]
    if chat_kind and not chat_url:
        errors["chat_url"] = [_("Give the bot's webhook URL.")]
    if chat_url and not chat_kind:
        errors["chat_kind"] = [_("Say which kind of bot this URL belongs to.")]
    if chat_url and chat_kind and "chat_kind" not in errors:
        parts, hosts = urlsplit(chat_url), chat_hosts(chat_kind)
        if not hosts:
            errors["chat_kind"] = [_("This portal takes no personal bots of this kind.")]
        elif parts.scheme != "https" or parts.hostname not in hosts:
            errors["chat_url"] = [
                _("The URL must start with https:// and go to %(hosts)s.") % {"hosts": ", ".join(hosts)}
            ]
    if errors:
        raise ValidationError(errors)
    return offsets


@transaction.atomic
def reminder_preferences_update(
    *,
    member,
    offsets="",
    by_email=True,
    chat_kind="",
    chat_url="",
    chat_secret=None,
    muted_events=(),
    followed_events=(),
    digest_by_email=None,
    digest_by_chat=None,
):
    """Save a member's reminder choices and re-plan their reminders once, in this
    transaction. ValidationError (by field) and nothing saved if a choice is bad.

    `chat_secret=None` keeps the stored secret (the page never shows it back); the digest
    choices None keep the stored ones (admin does not show them).
    """
    offsets = reminder_preferences_check(
        offsets=offsets,
        chat_kind=chat_kind,
        chat_url=chat_url,
        muted_events=muted_events,
        followed_events=followed_events,
    )
    preference = reminder_preferences_for(member=member)
    preference.offsets = offsets
    preference.by_email = by_email
    preference.chat_kind = chat_kind
    preference.chat_url = chat_url
    if chat_secret is not None or not chat_url:
        preference.chat_secret = (chat_secret or "") if chat_url else ""
    digest_before = (preference.digest_by_email, preference.digest_by_chat, preference.chat_kind)
    if digest_by_email is not None:
        preference.digest_by_email = digest_by_email
    if digest_by_chat is not None:
        preference.digest_by_chat = digest_by_chat
    if preference.digest_by_chat and not chat_url:
        raise ValidationError(
            {"digest_by_chat": [_("Give your chat bot's webhook URL to get the digest there.")]}
        )
    preference.save()
    if (preference.digest_by_email, preference.digest_by_chat, preference.chat_kind) != digest_before:
        digests_unplan(member=member)
        digests_plan(now=timezone.now(), member=member)  # shown at once under "Coming up"
    preference.muted_events.set(muted_events)
    preference.followed_events.set(followed_events)
    reminders_plan_member(member_id=member.pk)
    return preference


@transaction.atomic
def reminder_preferences_delete(*, preference):
    """Forget a member's choices: the group's defaults apply again, follows and mutes go."""
    member_id = preference.member_id
    preference.delete()
    reminders_plan_member(member_id=member_id)


# --- the group's channels and defaults -------------------------------------------------------
# They change the reminders of every future deadline: the re-plan runs once, in a Celery
# task after the commit, not inside the coordinator's request.


def reminders_replan_all_on_commit():
    """Enqueue one re-plan of every future deadline when the current transaction commits."""
    transaction.on_commit(lambda: current_app.signature(REPLAN_TASK).delay())


@transaction.atomic
def reminders_replan_all():
    """Re-plan every future deadline (the task enqueued above). Returns (created, updated,
    cancelled)."""
    return reminders_plan_all()


@transaction.atomic
def reminder_channel_save(*, channel, secret=None, url=None):
    """Create or change a group channel (fields set on `channel`). `secret=None` keeps the
    channel's signing secret, "" removes it; `url=None` keeps its webhook URL (admin never
    shows it back). ValidationError if the channel is incomplete."""
    if secret is not None:
        channel.secret = secret
    if url is not None:
        channel.url = url
    channel.full_clean()
    channel.save()
    digests_unplan(channel=channel)  # planned again at the channel's day and time
    digests_plan(now=timezone.now(), channel=channel)
    reminders_replan_all_on_commit()
    return channel


@transaction.atomic
def reminder_channel_delete(*, channel):
    """Delete a group channel; its reminders go with it."""
    channel.delete()


@transaction.atomic
def reminder_defaults_save(*, defaults):
    """Create or change the group's defaults (fields set on `defaults`); there is one row."""
    if defaults.pk is None and ReminderDefaults.objects.exists():
        raise ValidationError(_("The group's reminder defaults exist already: change them."))
    defaults.full_clean()
    defaults.save()
    reminders_replan_all_on_commit()
    return defaults


@transaction.atomic
def reminder_defaults_delete(*, defaults):
    """Delete the group's defaults: the built-in ones apply again."""
    defaults.delete()
    reminders_replan_all_on_commit()


# --- the outbox ------------------------------------------------------------------------------


def reminders_retry(*, reminder_ids, now=None):
    """Put failed (or skipped) reminders back in the queue to be tried at once."""
    now = now or timezone.now()
    return Reminder.objects.filter(
        pk__in=reminder_ids, state__in=(Reminder.State.FAILED, Reminder.State.SKIPPED)
    ).update(state=Reminder.State.PENDING, attempts=0, last_error="", not_before=now, updated_at=now)


def reminders_send_due(*, now=None, dry_run=False, plan=False, stdout=None):
    """One dispatch pass at `now` (default: the clock); returns its DispatchResult.

    `plan` first plans the outbox as it would have been at `now`: deadlines still ahead
    then get the rows they would have had (e.g. to show the demo's past reminders).
    A dry run changes nothing, planning included; it writes what it would do to `stdout`.
    """
    if plan and not dry_run:
        with transaction.atomic():
            ahead = Deadline.objects.filter(due_at__gt=now) if now else Deadline.objects.all()
            reminders_plan_deadlines(deadlines=list(ahead.select_related("event")), now=now)
    return reminders_dispatch(now=now, dry_run=dry_run, stdout=stdout)


# --- "test this channel" ---------------------------------------------------------------------


@dataclasses.dataclass(frozen=True)
class ChannelTestResult:
    """What a channel answered to a test message: `ok`, and its answer or the error (with
    the channel's secrets masked), or when it may be tried again if it is throttled."""

    ok: bool
    answer: str
    retry_at: object = None


def reminder_channel_test(*, channel, now=None):
    """Send a test message to a group channel now, outside the outbox, keeping to the
    channel's rate limits; returns a ChannelTestResult (never raises for a channel's error)."""
    now = now or timezone.now()
    message = render_test_message(channel_name=channel.name, language=channel.language, now=now)
    to = Target(channel.kind, url=channel.url, secret=channel.secret, address=channel.email)
    if to.url:
        turn = pace_reserve(via=to.via, url=to.url, now=now)
        if turn is not None:
            return ChannelTestResult(False, _("The channel's rate limit is reached."), retry_at=turn)
    try:
        answer = deliver(message, to, now=now, key=f"channel-test-{channel.pk}-{int(now.timestamp())}")
    except Throttled as error:
        pace_block(via=to.via, url=to.url, until=now + error.retry_after)
        text = redact(str(error), url=to.url, secret=to.secret)
        return ChannelTestResult(False, text, retry_at=now + error.retry_after)
    except DeliveryError as error:
        return ChannelTestResult(False, redact(str(error), url=to.url, secret=to.secret))
    if answer is None:  # e-mail: the mail server took it
        return ChannelTestResult(
            True, _("The mail server accepted the message for %(address)s.") % {"address": channel.email}
        )
    return ChannelTestResult(
        True, f"HTTP {answer.status}: {redact(answer.text[:500], url=to.url, secret=to.secret)}"
    )
