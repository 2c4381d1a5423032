"""Reads about trackers that several doors share: the Discover page's question (open CFPs
not yet in the plan), an event's links to its sources, the sources with their attribution."""

import dataclasses
import datetime as dt

from django.db.models import Min, Prefetch, Q

from ..models.trackers import DeadlineLink, DiscoveredDeadline, DiscoveredEntry, EntryListing, TrackerSource

DISCOVER_LIMIT = 300


def _open_cfp(now, prefix=""):
    return Q(
        **{
            f"{prefix}listings__removed_at__isnull": True,
            f"{prefix}listings__deadlines__kind": DiscoveredDeadline.Kind.CFP_CLOSE,
            f"{prefix}listings__deadlines__removed_at__isnull": True,
            f"{prefix}listings__deadlines__due_at__gt": now,
        }
    )


def discover_entries(*, now, region="", country="", topic="", days_left=None, online=None):
    """Conferences whose CFP is still open, from every source, not yet in the plan, soonest
    closing first; each with its live listings (and their source) and deadlines. Three queries."""
    entries = DiscoveredEntry.objects.filter(event__isnull=True).filter(_open_cfp(now))
    if days_left is not None:
        entries = entries.filter(listings__deadlines__due_at__lte=now + dt.timedelta(days=days_left))
    if region:
        entries = entries.filter(region=region)
    if country:
        entries = entries.filter(country=country)
    if topic:
        entries = entries.filter(
            Q(topics=topic) | Q(topics__startswith=f"{topic},") | Q(topics__contains=f",{topic}")
        )
    if online is not None:
        entries = entries.filter(online=online)
    live = (
        EntryListing.objects.filter(removed_at__isnull=True).select_related("source").order_by("source__name")
    )
    deadlines = DiscoveredDeadline.objects.filter(removed_at__isnull=True).order_by("due_at")
    return (
        entries.annotate(closes_at=Min("listings__deadlines__due_at", filter=_open_cfp(now, "")))
        .order_by("closes_at", "name")
        .prefetch_related(
            Prefetch("listings", queryset=live), Prefetch("listings__deadlines", queryset=deadlines)
        )[:DISCOVER_LIMIT]
    )


def discover_choices():
    """The countries and topics there are to filter by (two queries)."""
    countries = sorted(
        set(DiscoveredEntry.objects.exclude(country="").values_list("country", flat=True).distinct())
    )
    topics = set()
    for value in DiscoveredEntry.objects.exclude(topics="").values_list("topics", flat=True).distinct():
        topics.update(t for t in value.split(",") if t)
    return countries, sorted(topics)


def sources_with_attribution():
    return list(TrackerSource.objects.filter(active=True).order_by("name"))


@dataclasses.dataclass
class TrackerPanel:
    entries: list
    links: list

    @property
    def pending(self):
        return [link for link in self.links if link.pending_due_at is not None]

    @property
    def removed(self):
        return [link for link in self.links if link.source_removed_at is not None]


def tracker_panel(*, event, deadlines=None):
    """What the event page shows a coordinator about the event's sources: the discovered
    conferences linked to it and its deadlines' links (changes waiting, removals).

    Two queries; none when the page has read them already: `deadlines` selected with
    "tracker_link__source_deadline__listing__source" (all of the event's, in due order) give
    the links, and an event annotated `has_tracker_entries` False has no conferences."""
    entries = []
    if getattr(event, "has_tracker_entries", True):
        entries = list(
            DiscoveredEntry.objects.filter(event=event).prefetch_related(
                Prefetch("listings", queryset=EntryListing.objects.select_related("source"))
            )
        )
    if deadlines is None:
        links = list(
            DeadlineLink.objects.filter(deadline__event=event)
            .select_related("deadline", "source_deadline__listing__source")
            .order_by("deadline__due_at")
        )
    else:
        links = [link for link in (_selected_link(deadline) for deadline in deadlines) if link is not None]
    return TrackerPanel(entries=entries, links=links)


def _selected_link(deadline):
    try:
        return deadline.tracker_link
    except DeadlineLink.DoesNotExist:
        return None


def discovered_entry(*, pk):
    """One discovered conference (members may read them all), or None."""
    return DiscoveredEntry.objects.filter(pk=pk).first()
