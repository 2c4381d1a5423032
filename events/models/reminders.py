"""Deadline reminders: the outbox, group channels, defaults and members' preferences.

A Reminder row is one message to one recipient (a member by one means, or a group
channel) for one deadline at one offset before it closes. Rows are planned in the
same transaction as the change that causes them (see events/reminders/planning.py)
and sent by the periodic dispatch pass (events/reminders/dispatch.py).
"""

import datetime as dt
import re

from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from intl_portal.common.fields import BoundedTextField
from intl_portal.common.languages import Language
from intl_portal.common.timezones import validate_zone_name

DEFAULT_OFFSETS = "14d, 7d, 3d, 1d, 2h"
_OFFSET_RE = re.compile(r"^(\d+)\s*([dhm])$")
_UNITS = {"d": "days", "h": "hours", "m": "minutes"}
MAX_OFFSET = dt.timedelta(days=366)


def parse_offsets(text):
    """'14d, 7d, 2h' → [timedelta(days=14), …] sorted from the largest; ValidationError if bad."""
    offsets = set()
    for part in (text or "").replace(";", ",").split(","):
        part = part.strip().lower()
        if not part:
            continue
        match = _OFFSET_RE.match(part)
        if not match:
            raise ValidationError(
                _("“%(part)s” is not an offset: write a number and d, h or m, e.g. 14d, 2h, 30m."),
                code="invalid_offset",
                params={"part": part},
            )
        offset = dt.timedelta(**{_UNITS[match.group(2)]: int(match.group(1))})
        if offset <= dt.timedelta(0) or offset > MAX_OFFSET:
            raise ValidationError(
                _("An offset must be more than zero and at most a year: “%(part)s”."),
                code="offset_range",
                params={"part": part},
            )
        offsets.add(offset)
    return sorted(offsets, reverse=True)


def format_offset(offset):
    seconds = int(offset.total_seconds())
    if seconds % 86400 == 0:
        return f"{seconds // 86400}d"
    if seconds % 3600 == 0:
        return f"{seconds // 3600}h"
    return f"{seconds // 60}m"


def format_offsets(offsets):
    return ", ".join(format_offset(offset) for offset in sorted(offsets, reverse=True))


def validate_offsets(text):
    if not parse_offsets(text):
        raise ValidationError(_("Give at least one offset, e.g. 1d."), code="no_offsets")


def validate_offsets_or_blank(text):
    parse_offsets(text)


class Via(models.TextChoices):
    """How a message travels."""

    EMAIL = "email", _("E-mail")
    FEISHU = "feishu", _("Feishu / Lark bot")
    SLACK = "slack", _("Slack incoming webhook")
    WEBHOOK = "webhook", _("Generic JSON webhook")
    WECOM = "wecom", _("WeCom group robot")
    DINGTALK = "dingtalk", _("DingTalk custom robot")


# The kinds a member may use for their own chat bot (each needs hosts in
# REMINDER_PERSONAL_CHAT_HOSTS).
PERSONAL_CHAT_KINDS = (Via.FEISHU, Via.SLACK, Via.WECOM, Via.DINGTALK)


class Weekday(models.IntegerChoices):
    MONDAY = 0, _("Monday")
    TUESDAY = 1, _("Tuesday")
    WEDNESDAY = 2, _("Wednesday")
    THURSDAY = 3, _("Thursday")
    FRIDAY = 4, _("Friday")
    SATURDAY = 5, _("Saturday")
    SUNDAY = 6, _("Sunday")


DIGEST_DEFAULT_TIME = dt.time(10, 0)
DIGEST_DEFAULT_ZONE = "Asia/Shanghai"


class ReminderDefaults(models.Model):
    """The group's defaults (one row, edited by coordinators in admin)."""

    offsets = models.CharField(
        _("offsets before a deadline"),
        max_length=200,
        default=DEFAULT_OFFSETS,
        validators=[validate_offsets],
        help_text=_("Comma-separated, e.g. 14d, 7d, 3d, 1d, 2h (d = days, h = hours, m = minutes)."),
    )
    grace_period = models.DurationField(
        _("grace period"),
        default=dt.timedelta(hours=6),
        help_text=_(
            "A reminder whose moment passed longer ago than this is skipped, except the last "
            "one before the deadline, which is sent while the deadline is in the future."
        ),
    )
    max_attempts = models.PositiveSmallIntegerField(
        _("attempts before giving up"),
        default=5,
        help_text=_(
            "For unexpected errors. A mail server or webhook that is down or busy is retried, "
            "with backoff, for as long as the reminder matters."
        ),
    )
    updated_at = models.DateTimeField(_("updated"), auto_now=True)

    class Meta:
        verbose_name = _("reminder defaults")
        verbose_name_plural = _("reminder defaults")

    def __str__(self):
        return str(_("Reminder defaults"))

    @classmethod
    def load(cls):
        defaults = cls.objects.order_by("pk").first()
        return defaults if defaults is not None else cls(offsets=DEFAULT_OFFSETS)

    @property
    def offset_list(self):
        return parse_offsets(self.offsets)


class ReminderChannel(models.Model):
    """A group channel: a mailing list, a Feishu/Lark, WeCom or DingTalk group robot, a Slack
    channel, a webhook. It can take deadline reminders, the weekly digest, or both.

    The URL and secret are stored server-side only: nobody sees them again once saved (a
    WeCom robot's key and a DingTalk robot's token are in the URL itself).
    """

    name = models.CharField(_("name"), max_length=100, unique=True)
    kind = models.CharField(_("kind"), max_length=20, choices=Via.choices)
    url = models.URLField(
        _("webhook URL"),
        max_length=500,
        blank=True,
        help_text=_("For chat robots and webhooks."),
    )
    email = models.EmailField(_("e-mail address"), blank=True, help_text=_("For the e-mail kind."))
    secret = models.CharField(
        _("signing secret"),
        max_length=200,
        blank=True,
        help_text=_(
            "Feishu/Lark or DingTalk signing secret, or the HMAC key of a generic webhook. Optional."
        ),
    )
    language = models.CharField(
        _("language"), max_length=10, choices=Language.choices, default=Language.CHINESE
    )
    offsets = models.CharField(
        _("offsets"),
        max_length=200,
        blank=True,
        validators=[validate_offsets_or_blank],
        help_text=_("Empty: the group's defaults."),
    )
    active = models.BooleanField(pgettext_lazy("channel", "active"), default=True)
    send_reminders = models.BooleanField(
        _("deadline reminders"), default=True, help_text=_("A message before each deadline.")
    )
    public_only = models.BooleanField(
        _("public events only"),
        default=False,
        help_text=_(
            "For groups with partners and volunteers: only public events and deadlines, "
            "and no names of who goes."
        ),
    )
    digest = models.BooleanField(
        _("weekly digest"),
        default=False,
        help_text=_("Once a week: what closes, starts and is due in the coming weeks."),
    )
    digest_weekday = models.PositiveSmallIntegerField(
        _("digest day"), choices=Weekday.choices, default=Weekday.MONDAY
    )
    digest_time = models.TimeField(_("digest time"), default=DIGEST_DEFAULT_TIME)
    timezone = models.CharField(
        _("time zone"),
        max_length=64,
        default=DIGEST_DEFAULT_ZONE,
        validators=[validate_zone_name],
        help_text=_("The digest's day and time are in this zone."),
    )
    created_at = models.DateTimeField(_("created"), auto_now_add=True)

    class Meta:
        verbose_name = _("reminder channel")
        verbose_name_plural = _("reminder channels")
        ordering = ["name"]

    def __str__(self):
        return self.name

    def clean(self):
        if self.kind == Via.EMAIL and not self.email:
            raise ValidationError({"email": _("An e-mail channel needs an address.")})
        if self.kind != Via.EMAIL and not self.url:
            raise ValidationError({"url": _("This kind of channel needs a webhook URL.")})


class ReminderPreference(models.Model):
    """A member's own choices: offsets, channels, muted and followed events."""

    member = models.OneToOneField(
        "members.Member",
        verbose_name=_("member"),
        on_delete=models.CASCADE,
        related_name="reminder_preference",
    )
    offsets = models.CharField(
        _("offsets"),
        max_length=200,
        blank=True,
        validators=[validate_offsets_or_blank],
        help_text=_("Empty: the group's defaults. E.g. 7d, 1d, 2h."),
    )
    by_email = models.BooleanField(_("by e-mail"), default=True)
    chat_kind = models.CharField(
        _("personal chat bot"),
        max_length=20,
        blank=True,
        choices=[(via.value, via.label) for via in PERSONAL_CHAT_KINDS],
    )
    chat_url = models.URLField(
        _("personal bot webhook URL"),
        max_length=500,
        blank=True,
        help_text=_("A Feishu/Lark, WeCom or DingTalk robot or a Slack incoming webhook of your own."),
    )
    chat_secret = models.CharField(_("personal bot signing secret"), max_length=200, blank=True)
    digest_by_email = models.BooleanField(_("weekly digest by e-mail"), default=False)
    digest_by_chat = models.BooleanField(_("weekly digest on my chat bot"), default=False)
    muted_events = models.ManyToManyField(
        "events.Event", verbose_name=_("muted events"), blank=True, related_name="muted_by"
    )
    followed_events = models.ManyToManyField(
        "events.Event", verbose_name=_("followed events"), blank=True, related_name="followed_by"
    )
    updated_at = models.DateTimeField(_("updated"), auto_now=True)

    class Meta:
        verbose_name = _("reminder preference")
        verbose_name_plural = _("reminder preferences")

    def __str__(self):
        return str(self.member)


class Reminder(models.Model):
    """The outbox: one message to one recipient, either for one deadline at one offset, the
    weekly digest of one week (`period`: the Monday of that week in the recipient's zone), or
    a comment that @mentions the member (`comment`, due at once)."""

    class Kind(models.TextChoices):
        DEADLINE = "deadline", _("Deadline reminder")
        DIGEST = "digest", _("Weekly digest")
        MENTION = "mention", _("Mention in a comment")

    class State(models.TextChoices):
        PENDING = "pending", pgettext_lazy("reminder state", "Pending")
        SENDING = "sending", pgettext_lazy("reminder state", "Sending")
        SENT = "sent", pgettext_lazy("reminder state", "Sent")
        FAILED = "failed", pgettext_lazy("reminder state", "Failed")
        SKIPPED = "skipped", pgettext_lazy("reminder state", "Skipped")
        CANCELLED = "cancelled", pgettext_lazy("reminder state", "Cancelled")

    # Kept (deadline set to NULL) when a deadline is deleted, so admin shows what was cancelled.
    deadline = models.ForeignKey(
        "events.Deadline",
        verbose_name=_("deadline"),
        on_delete=models.SET_NULL,
        null=True,
        related_name="reminders",
    )
    # A travel step's due date instead of a deadline (events/travel): the same outbox,
    # channels and exactly-once rules; `deadline_due_at` then holds the step's due instant.
    travel_step = models.ForeignKey(
        "events.TravelStep",
        verbose_name=_("travel step"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="reminders",
    )
    # A comment that @mentions the member (kind "mention"): sent at once, once per comment,
    # member and means. Kept (comment set to NULL) when the comment is removed: not sent then.
    comment = models.ForeignKey(
        "events.EventComment",
        verbose_name=_("comment"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="mention_reminders",
    )
    member = models.ForeignKey(
        "members.Member",
        verbose_name=_("member"),
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="reminders",
    )
    channel = models.ForeignKey(
        ReminderChannel,
        verbose_name=_("group channel"),
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="reminders",
    )
    kind = models.CharField(_("kind"), max_length=10, choices=Kind.choices, default=Kind.DEADLINE)
    period = models.DateField(_("week of"), null=True, blank=True)
    via = models.CharField(_("via"), max_length=20, choices=Via.choices)
    offset = models.DurationField(_("before the deadline"), default=dt.timedelta(0))
    deadline_due_at = models.DateTimeField(_("deadline (UTC)"), null=True, blank=True)
    send_at = models.DateTimeField(pgettext_lazy("reminder", "planned for"))
    # When the next attempt may run: send_at at first, later after each retry's backoff.
    not_before = models.DateTimeField(_("next attempt"))
    state = models.CharField(_("state"), max_length=20, choices=State.choices, default=State.PENDING)
    attempts = models.PositiveSmallIntegerField(_("attempts"), default=0)
    last_error = BoundedTextField(_("last error"), blank=True)
    sent_at = models.DateTimeField(_("sent"), null=True, blank=True)
    lease_until = models.DateTimeField(_("lease until"), null=True, blank=True)
    claim_token = models.CharField(_("claimed by"), max_length=40, blank=True)
    label = models.CharField(_("what"), max_length=300, blank=True)
    created_at = models.DateTimeField(_("created"), auto_now_add=True)
    updated_at = models.DateTimeField(_("updated"), auto_now=True)

    class Meta:
        verbose_name = _("reminder")
        verbose_name_plural = _("reminders")
        ordering = ["send_at", "id"]
        indexes = [
            models.Index(
                fields=["not_before"],
                name="reminder_due_pending",
                condition=Q(state="pending"),
            ),
            models.Index(
                fields=["lease_until"],
                name="reminder_due_sending",
                condition=Q(state="sending"),
            ),
            models.Index(fields=["state", "send_at"]),
        ]
        constraints = [
            models.CheckConstraint(
                condition=(Q(member__isnull=False) & Q(channel__isnull=True))
                | (Q(member__isnull=True) & Q(channel__isnull=False)),
                name="reminder_member_xor_channel",
            ),
            models.UniqueConstraint(
                fields=["deadline", "member", "via", "offset"],
                condition=Q(member__isnull=False),
                name="reminder_unique_member",
            ),
            models.UniqueConstraint(
                fields=["deadline", "channel", "offset"],
                condition=Q(channel__isnull=False),
                name="reminder_unique_channel",
            ),
            # One digest a week per channel, and per member and means: two planners racing
            # create one row.
            models.UniqueConstraint(
                fields=["channel", "period"],
                condition=Q(kind="digest", channel__isnull=False),
                name="reminder_unique_channel_digest",
            ),
            models.UniqueConstraint(
                fields=["member", "via", "period"],
                condition=Q(kind="digest", member__isnull=False),
                name="reminder_unique_member_digest",
            ),
            models.CheckConstraint(
                condition=(Q(kind="deadline") & Q(deadline_due_at__isnull=False) & Q(period__isnull=True))
                | (Q(kind="digest") & Q(period__isnull=False) & Q(deadline__isnull=True))
                | (
                    Q(kind="mention")
                    & Q(member__isnull=False)
                    & Q(period__isnull=True)
                    & Q(deadline__isnull=True)
                    & Q(travel_step__isnull=True)
                ),
                name="reminder_kind_fields",
            ),
            # A member hears of a comment that mentions them once per means, however often
            # the comment is edited.
            models.UniqueConstraint(
                fields=["comment", "member", "via"],
                condition=Q(kind="mention"),
                name="reminder_unique_mention",
            ),
            models.UniqueConstraint(
                fields=["travel_step", "member", "via", "offset"],
                condition=Q(travel_step__isnull=False),
                name="reminder_unique_travel_step",
            ),
        ]

    def __str__(self):
        recipient = self.member or self.channel
        if self.kind in (self.Kind.DIGEST, self.Kind.MENTION):
            return f"{self.label} → {recipient}"
        return f"{self.label or self.deadline_id} → {recipient} ({format_offset(self.offset)})"

    @property
    def offset_label(self):
        return "" if self.kind in (self.Kind.DIGEST, self.Kind.MENTION) else format_offset(self.offset)
