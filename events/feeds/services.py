"""Writes about calendar feeds: a member's personal feed and the feeds' revision."""

import secrets

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from intl_portal.common.languages import LANGUAGE_CODES

from ..models import CalendarFeed, CalendarRevision, Deadline

# The reminders a member may pick, in minutes before the deadline.
HOUR, DAY = 60, 24 * 60
ALARM_CHOICES_MINUTES = (0, HOUR, 3 * HOUR, DAY, 2 * DAY, 3 * DAY, 7 * DAY, 14 * DAY)
MAX_ALARMS = 4


def new_feed_token():
    """A URL-safe random token of 256 bits (43 characters)."""
    return secrets.token_urlsafe(32)


def calendar_feed_for_member(*, member):
    """The member's personal feed, created with the default settings on first use."""
    feed = CalendarFeed.objects.filter(member=member).first()
    if feed is not None:
        return feed
    feed, _created = CalendarFeed.objects.get_or_create(
        member=member,
        defaults={"token": new_feed_token(), "token_created_at": timezone.now()},
    )
    return feed


@transaction.atomic
def calendar_feed_regenerate_token(*, feed):
    """Give the feed a new secret address; the old one answers 404 from now on."""
    feed.token = new_feed_token()
    feed.token_created_at = timezone.now()
    feed.save(update_fields=["token", "token_created_at", "updated_at"])
    return feed


@transaction.atomic
def calendar_feed_update(*, feed, scope, kinds, alarm_minutes, language, include_events):
    """Change what the personal feed holds. Raises ValidationError (nothing saved)."""
    errors = {}
    if scope not in CalendarFeed.Scope.values:
        errors["scope"] = _("Unknown choice of events: %(value)s") % {"value": scope}
    kinds = list(dict.fromkeys(kinds or ()))
    unknown_kinds = [kind for kind in kinds if kind not in Deadline.Kind.values]
    if unknown_kinds:
        errors["kinds"] = _("Unknown deadline kind: %(value)s") % {"value": ", ".join(unknown_kinds)}
    try:
        alarms = sorted({int(value) for value in alarm_minutes or ()}, reverse=True)
    except (TypeError, ValueError):
        alarms = None
    if alarms is None or any(value not in ALARM_CHOICES_MINUTES for value in alarms):
        errors["alarm_minutes"] = _("Choose reminders from the list.")
    elif len(alarms) > MAX_ALARMS:
        errors["alarm_minutes"] = _("Choose at most %(count)d reminders.") % {"count": MAX_ALARMS}
    if language and language not in LANGUAGE_CODES:
        errors["language"] = _("Unknown language: %(value)s") % {"value": language}
    if errors:
        raise ValidationError(errors)
    feed.scope = scope
    feed.kinds = kinds
    feed.alarm_minutes = alarms
    feed.language = language or ""
    feed.include_events = bool(include_events)
    feed.save()
    return feed


def calendar_revision_touch():
    """Move the feeds' cache version: something they show changed or disappeared (called by
    the receivers of revision.py, the one receiver module)."""
    now = timezone.now()
    if not CalendarRevision.objects.filter(pk=1).update(changed_at=now):
        CalendarRevision.objects.update_or_create(pk=1, defaults={"changed_at": now})
