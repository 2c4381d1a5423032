"""Where and when reminders go: the group's defaults (one row), its channels (mailing lists,
chat robots, webhooks) and each member's own preferences."""

import datetime as dt

from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from intl_portal.common.languages import Language
from intl_portal.common.timezones import validate_zone_name

from .reminders import DEFAULT_OFFSETS, Via, parse_offsets, validate_offsets, validate_offsets_or_blank

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
