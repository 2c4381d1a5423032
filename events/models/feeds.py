"""Calendar subscriptions: a member's personal feed, and the revision every feed's
cache validators (ETag, Last-Modified) are built on."""

from django.db import models
from django.utils.translation import gettext_lazy as _

# Reminders before each deadline, in minutes, when a member has not chosen theirs.
DEFAULT_ALARM_MINUTES = (7 * 24 * 60, 24 * 60)


def default_alarm_minutes():
    return list(DEFAULT_ALARM_MINUTES)


class CalendarFeed(models.Model):
    """One member's personal iCal feed, fetched by calendar clients with a secret token."""

    class Scope(models.TextChoices):
        ALL = "all", _("Every event's deadlines")
        MINE = "mine", _("Only events I take part in")

    member = models.OneToOneField(
        "members.Member",
        verbose_name=_("member"),
        on_delete=models.CASCADE,
        related_name="calendar_feed",
    )
    # secrets.token_urlsafe(32): 256 random bits; regenerating it kills the old address.
    token = models.CharField(_("token"), max_length=64, unique=True, editable=False)
    scope = models.CharField(_("events"), max_length=10, choices=Scope.choices, default=Scope.ALL)
    kinds = models.JSONField(_("deadline kinds"), default=list, blank=True, help_text=_("Empty: every kind."))
    alarm_minutes = models.JSONField(
        _("reminders (minutes before)"), default=default_alarm_minutes, blank=True
    )
    language = models.CharField(
        _("language"),
        max_length=10,
        blank=True,
        help_text=_("Empty: the member's language for messages."),
    )
    include_events = models.BooleanField(_("include the events' own dates"), default=False)
    token_created_at = models.DateTimeField(_("address created"))
    created_at = models.DateTimeField(_("created"), auto_now_add=True)
    updated_at = models.DateTimeField(_("updated"), auto_now=True)

    class Meta:
        verbose_name = _("calendar feed")
        verbose_name_plural = _("calendar feeds")

    def __str__(self):
        return f"{self.member} · {self.get_scope_display()}"

    @property
    def feed_language(self):
        return self.language or self.member.preferred_language


class CalendarRevision(models.Model):
    """A single row: when anything a feed shows last changed or disappeared.

    Deletions leave no `updated_at` behind, so feeds' validators include this instant;
    signal receivers move it on every save or delete of what the feeds show.
    """

    changed_at = models.DateTimeField(_("changed"))

    class Meta:
        verbose_name = _("calendar revision")
        verbose_name_plural = _("calendar revisions")

    def __str__(self):
        return self.changed_at.isoformat()
