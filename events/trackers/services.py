"""Coordinators' writes about trackers: adopting a discovered conference into the plan,
linking and unlinking by hand, deciding on a source's change to a hand-edited deadline, and
setting up sources. A run per source is in sync.py."""

import datetime as dt
import logging
import zoneinfo

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from intl_portal.common.records import require
from members.permissions import can_manage_events

from ..models import Deadline, Event
from ..models.trackers import (
    DeadlineLink,
    DiscoveredDeadline,
    DiscoveredEntry,
    TrackerSource,
)
from ..services import deadline_set, event_create
from .normalise import announced_local

logger = logging.getLogger(__name__)

# Discovered kinds → the plan's deadline kinds (and a title where the plan has no kind).
PLAN_KIND = {
    DiscoveredDeadline.Kind.CFP_OPEN: (Deadline.Kind.CFP_OPEN, ""),
    DiscoveredDeadline.Kind.CFP_CLOSE: (Deadline.Kind.CFP_CLOSE, ""),
    DiscoveredDeadline.Kind.NOTIFICATION: (Deadline.Kind.SPEAKER_NOTIFICATION, ""),
    DiscoveredDeadline.Kind.WORKSHOP: (Deadline.Kind.OTHER, "Workshop proposals"),
    DiscoveredDeadline.Kind.TUTORIAL: (Deadline.Kind.OTHER, "Tutorial proposals"),
}


def _require_manager(user):
    require(can_manage_events(user), _("Only coordinators may change the calendar."))


# --- adopting, matching, linking ------------------------------------------------------------


def _best_deadlines(entry):
    """One discovered deadline per kind, from the listings still at their source: an exact
    time beats a date only; then the latest (an extension)."""
    best = {}
    rows = DiscoveredDeadline.objects.filter(
        listing__entry=entry, listing__removed_at__isnull=True, removed_at__isnull=True
    ).select_related("listing__source")
    for row in rows:
        current = best.get(row.kind)
        if current is None or (not row.is_date_only, row.due_at) > (not current.is_date_only, current.due_at):
            best[row.kind] = row
    return best


def _link_deadlines(*, user, entry, event):
    """Each discovered deadline becomes the plan's deadline (or is linked to the plan's
    deadline of that kind when there is one); a differing value waits for a coordinator."""
    existing = {}
    for deadline in Deadline.objects.filter(event=event).select_related("tracker_link"):
        existing.setdefault((deadline.kind, deadline.title), deadline)
    for kind, row in _best_deadlines(entry).items():
        plan_kind, title = PLAN_KIND[kind]
        deadline = existing.get((plan_kind, title))
        if deadline is not None and hasattr(deadline, "tracker_link"):
            continue
        if deadline is None:
            local, zone, date_only = announced_local(row)
            deadline = deadline_set(
                user=user,
                event=event,
                kind=plan_kind,
                local=local,
                zone=zone,
                date_only=date_only,
                title=title,
                url=row.listing.cfp_url or row.listing.url,
            )
        link = DeadlineLink(deadline=deadline, source_deadline=row, synced_due_at=deadline.due_at)
        if deadline.due_at != row.due_at:
            link.pending_due_at, link.pending_timezone = row.due_at, row.timezone
            link.pending_rule, link.pending_source = row.rule, row.listing.source.name
        link.save()


@transaction.atomic
def tracker_entry_adopt(*, user, entry):
    """Add a discovered conference to the plan: the plan's event of the same series and year
    if there is one, else a new event at status considering; its deadlines linked to the
    source's records. Returns the event."""
    _require_manager(user)
    entry = DiscoveredEntry.objects.select_for_update().get(pk=entry.pk)
    if entry.event_id is not None:
        raise ValidationError(_("This conference is in the plan already."))
    event = None
    if entry.series and entry.year:
        found = list(Event.objects.filter(series__iexact=entry.series, edition_year=entry.year)[:2])
        event = found[0] if len(found) == 1 else None
    if event is None:
        online = entry.online and not entry.city
        event = event_create(
            user=user,
            name=entry.name[:200],
            series=entry.series[:100],
            edition_year=entry.year,
            status=Event.Status.CONSIDERING,
            format=Event.Format.ONLINE if online else Event.Format.IN_PERSON,
            start_date=entry.start_date,
            end_date=entry.end_date,
            city=entry.city[:100],
            country=entry.country,
            website_url=entry.url,
            cfp_url=next((lst.cfp_url for lst in entry.listings.all() if lst.cfp_url), ""),
            is_public=False,
        )
    entry.event, entry.unlinked = event, False
    entry.save(update_fields=["event", "unlinked", "updated_at"])
    _link_deadlines(user=user, entry=entry, event=event)
    return event


@transaction.atomic
def tracker_entry_link(*, user, entry, event):
    """Say by hand that a discovered conference is this event of the plan."""
    _require_manager(user)
    if entry.event_id not in (None, event.pk):
        raise ValidationError(_("Unlink this conference from its event first."))
    entry.event, entry.unlinked = event, False
    entry.save(update_fields=["event", "unlinked", "updated_at"])
    _link_deadlines(user=user, entry=entry, event=event)
    return entry


@transaction.atomic
def tracker_entry_unlink(*, user, entry):
    """Say by hand that a discovered conference is not the event it was matched with: its
    deadlines stop following the source (they stay as they are) and it is not matched again."""
    _require_manager(user)
    if entry.event_id is not None:
        DeadlineLink.objects.filter(
            deadline__event_id=entry.event_id, source_deadline__listing__entry=entry
        ).delete()
    entry.event, entry.unlinked = None, True
    entry.save(update_fields=["event", "unlinked", "updated_at"])
    return entry


# --- changes waiting for a coordinator ------------------------------------------------------


@transaction.atomic
def tracker_change_accept(*, user, link):
    """Take the source's value for a deadline edited by hand (the deadline service moves it)."""
    _require_manager(user)
    link = DeadlineLink.objects.select_for_update().select_related("deadline__event").get(pk=link.pk)
    if link.pending_due_at is None:
        raise ValidationError(_("There is no change from the source to accept."))
    deadline = link.deadline
    local = link.pending_due_at.astimezone(zoneinfo.ZoneInfo(link.pending_timezone))
    date_only = deadline.is_date_only and local.time() == dt.time(23, 59)
    deadline_set(
        user=user,
        event=deadline.event,
        kind=deadline.kind,
        deadline=deadline,
        local=local.date() if date_only else local.replace(tzinfo=None),
        zone=link.pending_timezone,
        date_only=date_only,
    )
    link.synced_due_at, link.pending_due_at, link.pending_source = deadline.due_at, None, ""
    link.pending_rule = link.pending_timezone = ""
    link.save()
    return deadline


@transaction.atomic
def tracker_change_dismiss(*, user, link):
    """Keep the value edited by hand; the source's value is not proposed again until it
    moves once more."""
    _require_manager(user)
    link = DeadlineLink.objects.select_for_update().get(pk=link.pk)
    if link.pending_due_at is None:
        raise ValidationError(_("There is no change from the source to dismiss."))
    link.synced_due_at, link.pending_due_at, link.pending_source = link.pending_due_at, None, ""
    link.pending_rule = link.pending_timezone = ""
    link.save()
    return link


# --- sources (coordinators, in admin) -------------------------------------------------------


@transaction.atomic
def tracker_source_save(*, source):
    """Create or change a tracker source (fields set on `source`). A changed URL or kind
    forgets the conditional-GET validators: the next run reads the whole file.
    ValidationError if a field is bad."""
    if source.pk is not None:
        before = TrackerSource.objects.filter(pk=source.pk).values("url", "kind").first()
        if before and (before["url"] != source.url or before["kind"] != source.kind):
            source.etag = source.last_modified = ""
    source.full_clean()
    source.save()
    return source


@transaction.atomic
def tracker_source_delete(*, source):
    """Delete a source, its runs and its listings; entries adopted into the plan keep their
    events and deadlines (the links to the source go)."""
    source.delete()
