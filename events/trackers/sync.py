"""A run per source: read it (conditional GET or a local file), parse it with its kind's
adapter, and apply it in one transaction — all of it or none; then keep the plan's adopted
deadlines in step with it (through the deadline service, with notices), flagging what the
source dropped and leaving values a coordinator edited by hand for them to decide.

A run's cost does not grow in queries with its records: the source's listings, their
deadlines and the candidate conferences are read in a few queries, and the changes are
written in bulk. Only a deadline of the plan that moved costs queries of its own (the
deadline service, reminders, notices)."""

import dataclasses
import hashlib
import logging

from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import Q
from django.db.models.functions import Lower
from django.utils import timezone
from django.utils.translation import gettext as _

from ..models import Deadline, Event
from ..models.trackers import (
    DeadlineLink,
    DiscoveredDeadline,
    DiscoveredEntry,
    EntryListing,
    TrackerRun,
    TrackerSource,
)
from ..services import deadline_set_from_source
from .adapters import PARSERS, FileError
from .fetch import FetchError, fetch_file, fetch_url
from .normalise import announced_local, match_key, url_key
from .notices import tracker_notices_plan

logger = logging.getLogger(__name__)

# Discovered kinds → the plan's deadline kinds (and a title where the plan has no kind).
PLAN_KIND = {
    DiscoveredDeadline.Kind.CFP_OPEN: (Deadline.Kind.CFP_OPEN, ""),
    DiscoveredDeadline.Kind.CFP_CLOSE: (Deadline.Kind.CFP_CLOSE, ""),
    DiscoveredDeadline.Kind.NOTIFICATION: (Deadline.Kind.SPEAKER_NOTIFICATION, ""),
    DiscoveredDeadline.Kind.WORKSHOP: (Deadline.Kind.OTHER, "Workshop proposals"),
    DiscoveredDeadline.Kind.TUTORIAL: (Deadline.Kind.OTHER, "Tutorial proposals"),
}


# --- a run ----------------------------------------------------------------------------------


@dataclasses.dataclass
class _Counts:
    fetched: int = 0
    unchanged: int = 0
    created: int = 0
    updated: int = 0
    removed: int = 0
    failures: list = dataclasses.field(default_factory=list)


def _fingerprint(record):
    parts = [
        record.name, record.url, record.cfp_url, record.city, record.country, record.online,
        record.start_date, record.end_date, ",".join(record.topics), record.series, record.year,
        *(f"{d.kind}={d.due_at.isoformat()}/{d.timezone}/{d.rule}" for d in record.deadlines),
    ]  # fmt: skip
    return hashlib.sha256("\x1f".join(map(str, parts)).encode()).hexdigest()


def tracker_source_sync(*, source, path=None, now=None):
    """Read `source` (its URL with a conditional GET, or the local file `path`), parse it
    with its kind's adapter and apply it in one transaction. Returns the TrackerRun, which
    says what happened; a file that cannot be read is a failed run and changes nothing."""
    now = now or timezone.now()
    run = TrackerRun(source=source, started_at=now, origin=str(path or source.url)[:600])
    try:
        if path is not None:
            fetched = fetch_file(path)
        else:
            fetched = fetch_url(source.url, etag=source.etag, last_modified=source.last_modified)
        run.origin = fetched.origin[:600]
        if fetched.not_modified:
            run.status = TrackerRun.Status.NOT_MODIFIED
        else:
            records, failures = PARSERS[source.kind](fetched.body, topics=source.topic_list)
            _apply_in_transaction(source, run, records, failures, fetched, from_url=path is None, now=now)
    except (FetchError, FileError) as error:
        run.status, run.error = TrackerRun.Status.FAILED, str(error)[:2000]
    except Exception as error:  # a bug must not hide the run: record it, then re-raise
        logger.exception("tracker sync of %s failed", source.name)
        run.status, run.error = TrackerRun.Status.FAILED, f"{type(error).__name__}: {error}"[:2000]
        _save_run(run)
        raise
    if run.pk is None:
        _save_run(run)
    return run


def _save_run(run):
    run.finished_at = timezone.now()
    run.save()


@transaction.atomic
def _apply_in_transaction(source, run, records, failures, fetched, *, from_url, now):
    counts = _apply(source, records, now=now)
    counts.failures = failures
    run.status = TrackerRun.Status.DONE
    run.fetched = len(records) + len(failures)
    run.failed = len(failures)
    for name in ("unchanged", "created", "updated", "removed"):
        setattr(run, name, getattr(counts, name))
    run.failures = failures[:1000]
    _save_run(run)
    if from_url and (fetched.etag, fetched.last_modified) != (source.etag, source.last_modified):
        source.etag, source.last_modified = fetched.etag, fetched.last_modified
        TrackerSource.objects.filter(pk=source.pk).update(
            etag=source.etag, last_modified=source.last_modified
        )


def _entry_fields(record):
    return {
        "name": record.name[:300],
        "url": record.url,
        "url_key": url_key(record.url),
        "match_key": match_key(record.name, record.start_date, record.end_date, record.city),
        "series": record.series,
        "year": record.year,
        "city": record.city,
        "country": record.country,
        "region": record.region,
        "online": record.online,
        "start_date": record.start_date,
        "end_date": record.end_date,
        "topics": ",".join(record.topics)[:300],
    }


def _find_entries(records):
    """{record index: entry} for records that an entry of another source already lists."""
    url_keys = {url_key(r.url) for r in records} - {""}
    match_keys = {match_key(r.name, r.start_date, r.end_date, r.city) for r in records} - {""}
    if not url_keys and not match_keys:
        return {}, {}
    by_url, by_match = {}, {}
    for entry in DiscoveredEntry.objects.filter(Q(url_key__in=url_keys) | Q(match_key__in=match_keys)):
        # The same site with other dates is another edition: a URL merges only the same year.
        if entry.url_key:
            by_url.setdefault((entry.url_key, entry.year), entry)
        if entry.match_key:
            by_match.setdefault(entry.match_key, entry)
    return by_url, by_match


def _apply(source, records, *, now):
    counts = _Counts()
    listings = {
        listing.external_id: listing
        for listing in EntryListing.objects.filter(source=source).select_related("entry")
    }
    stored = {}
    for row in DiscoveredDeadline.objects.filter(listing__source=source):
        stored.setdefault(row.listing_id, {})[row.kind] = row

    new_records = [r for r in records if r.external_id not in listings]
    by_url, by_match = _find_entries(new_records)
    new_entries, new_listings, changed_listings, changed_entries = [], [], [], []
    seen_ids = set()
    for record in records:
        seen_ids.add(record.external_id)
        fingerprint = _fingerprint(record)
        listing = listings.get(record.external_id)
        if listing is None:
            fields = _entry_fields(record)
            entry = by_url.get((fields["url_key"], record.year)) if fields["url_key"] else None
            entry = entry or by_match.get(fields["match_key"])
            if entry is None:
                entry = DiscoveredEntry(**fields)
                new_entries.append(entry)
                if fields["url_key"]:
                    by_url[(fields["url_key"], record.year)] = entry
                if fields["match_key"]:
                    by_match[fields["match_key"]] = entry
            listing = EntryListing(source=source, entry=entry, external_id=record.external_id)
            new_listings.append((listing, record))
            counts.created += 1
        elif listing.fingerprint == fingerprint and listing.removed_at is None:
            counts.unchanged += 1
            continue
        else:
            changed_listings.append((listing, record))
            entry = listing.entry
            for name, value in _entry_fields(record).items():
                if value not in ("", None):
                    setattr(entry, name, value)
            changed_entries.append(entry)
            counts.updated += 1
        listing.name, listing.url, listing.cfp_url = record.name[:300], record.url, record.cfp_url
        listing.fingerprint, listing.last_seen_at, listing.removed_at = fingerprint, now, None

    DiscoveredEntry.objects.bulk_create(new_entries, batch_size=500)
    for listing, _record in new_listings:
        listing.entry_id = listing.entry.pk
    EntryListing.objects.bulk_create([listing for listing, _r in new_listings], batch_size=500)
    listing_fields = ["name", "url", "cfp_url", "fingerprint", "last_seen_at", "removed_at"]
    EntryListing.objects.bulk_update([lst for lst, _r in changed_listings], listing_fields, batch_size=500)
    entry_fields = [*_entry_fields(records[0]).keys(), "updated_at"] if records else []
    for entry in changed_entries:
        entry.updated_at = now
    DiscoveredEntry.objects.bulk_update(changed_entries, entry_fields, batch_size=500)

    moved, removed_rows = _apply_deadlines(new_listings + changed_listings, stored, now=now)
    gone = [lst for ext, lst in listings.items() if ext not in seen_ids and lst.removed_at is None]
    for listing in gone:
        listing.removed_at = now
        removed_rows.extend(r for r in stored.get(listing.pk, {}).values() if r.removed_at is None)
    EntryListing.objects.bulk_update(gone, ["removed_at"])
    counts.removed = len(gone)
    for row in removed_rows:
        row.removed_at = now
    DiscoveredDeadline.objects.bulk_update(removed_rows, ["removed_at"])

    _match_events([e for e in new_entries + changed_entries if e.event_id is None and not e.unlinked])
    _sync_links(source, moved, removed_rows, now=now)
    return counts


def _apply_deadlines(listings_and_records, stored, *, now):
    """Create, update or flag the deadlines of changed listings. Returns (moved rows,
    rows removed at the source)."""
    create, update, moved, removed = [], [], [], []
    for listing, record in listings_and_records:
        existing = stored.get(listing.pk, {}) if listing.pk else {}
        kinds = set()
        for found in record.deadlines:
            kinds.add(found.kind)
            row = existing.get(found.kind)
            if row is None:
                create.append(
                    DiscoveredDeadline(
                        listing=listing,
                        kind=found.kind,
                        due_at=found.due_at,
                        timezone=found.timezone,
                        is_date_only=found.is_date_only,
                        rule=found.rule,
                    )
                )
                continue
            was = (row.due_at, row.timezone, row.is_date_only, row.rule, row.removed_at)
            row.due_at, row.timezone, row.is_date_only = found.due_at, found.timezone, found.is_date_only
            row.rule, row.removed_at = found.rule, None
            if was != (row.due_at, row.timezone, row.is_date_only, row.rule, None):
                update.append(row)
                if was[0] != row.due_at or was[4] is not None:
                    moved.append(row)
        removed.extend(row for kind, row in existing.items() if kind not in kinds and row.removed_at is None)
    DiscoveredDeadline.objects.bulk_create(create, batch_size=500)
    DiscoveredDeadline.objects.bulk_update(
        update, ["due_at", "timezone", "is_date_only", "rule", "removed_at"], batch_size=500
    )
    return moved, removed


def _match_events(entries):
    """An entry without an event takes the plan's event of the same series and year (e.g.
    FOSDEM 2026 typed by hand), when there is exactly one."""
    keys = {(e.series.lower(), e.year) for e in entries if e.series and e.year}
    if not keys:
        return
    candidates = {}
    events = Event.objects.annotate(series_lower=Lower("series")).filter(
        series_lower__in={k[0] for k in keys}, edition_year__in={k[1] for k in keys}
    )
    for event in events.only("pk", "series", "edition_year"):
        candidates.setdefault((event.series.lower(), event.edition_year), []).append(event.pk)
    matched = []
    for entry in entries:
        found = candidates.get((entry.series.lower(), entry.year), [])
        if len(found) == 1:
            entry.event_id = found[0]
            matched.append(entry)
    DiscoveredEntry.objects.bulk_update(matched, ["event"])


def _sync_links(source, moved, removed_rows, *, now):
    """Adopted deadlines follow their source: moved through the deadline service when
    nobody edited them by hand, else the change waits for a coordinator; a deadline gone
    from the source is flagged, never deleted."""
    ids = [row.pk for row in moved] + [row.pk for row in removed_rows]
    if not ids:
        return
    rows = {row.pk: row for row in [*moved, *removed_rows]}
    links = DeadlineLink.objects.filter(source_deadline_id__in=ids).select_related("deadline__event")
    for link in links:
        row = rows[link.source_deadline_id]
        if row.removed_at is not None:
            if link.source_removed_at is None:
                link.source_removed_at = now
                link.save(update_fields=["source_removed_at"])
            continue
        link.source_removed_at = None
        deadline = link.deadline
        if deadline.due_at == row.due_at:
            link.synced_due_at, link.pending_due_at, link.pending_source = row.due_at, None, ""
        elif deadline.due_at == link.synced_due_at:
            old = deadline.due_at
            local, zone, date_only = announced_local(row)
            deadline_set_from_source(deadline=deadline, local=local, zone=zone, date_only=date_only)
            link.synced_due_at = deadline.due_at
            link.pending_due_at, link.pending_source = None, ""
            tracker_notices_plan(deadline=deadline, old_due_at=old, source_name=source.name)
        else:
            link.pending_due_at, link.pending_timezone = row.due_at, row.timezone
            link.pending_rule, link.pending_source = row.rule, source.name
        link.save()


def tracker_sync_all(*, source_name=None, path=None, now=None):
    """Run every active source (or the one named). Returns the runs. ValidationError for
    an unknown name or a file given without one source."""
    sources = TrackerSource.objects.filter(active=True)
    if source_name:
        sources = TrackerSource.objects.filter(name=source_name)
        if not sources.exists():
            raise ValidationError(_("No tracker source is called “%(name)s”.") % {"name": source_name})
    elif path is not None:
        raise ValidationError(_("Say which source the file belongs to (--source)."))
    return [tracker_source_sync(source=source, path=path, now=now) for source in sources]
