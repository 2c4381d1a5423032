"""Deadline reminders: the outbox, the offsets before a deadline and the means a message travels by.

The group's defaults, its channels and members' preferences are in reminder_settings.py. The
offset validators stay here: old migrations name them by this path.

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

from intl_portal.common.durations import offset_before
from intl_portal.common.fields import BoundedTextField
from intl_portal.common.text import with_aside

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
        "events.ReminderChannel",
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
        return with_aside(f"{self.label or self.deadline_id} → {recipient}", offset_before(self.offset))

    @property
    def offset_label(self):
        return "" if self.kind in (self.Kind.DIGEST, self.Kind.MENTION) else format_offset(self.offset)
