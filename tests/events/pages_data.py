"""Bulk data for the pages' query-count tests: many events with tags, deadlines,
goals, participations and action items, created in a few queries."""

import datetime as dt
import itertools

from django.utils import timezone

from events.models import ActionItem, Deadline, Event, Goal, Participation, Tag


def make_many_events(count, *, member, start=None, public=True):
    """`count` events from `start` on (one every two days, two days long), each with a tag,
    two deadlines, a goal, the member taking part and an action item for them."""
    start = start or timezone.localdate()
    tags = [Tag.objects.get_or_create(slug=slug, defaults={"name_en": slug})[0] for slug in ("ai", "rust")]
    events = Event.objects.bulk_create(
        [
            Event(
                name=f"Bulk Conference {index}",
                start_date=start + dt.timedelta(days=2 * index % 60),
                end_date=start + dt.timedelta(days=2 * index % 60 + 1),
                country=("CN", "JP", "BE")[index % 3],
                city="Somewhere",
                status=Event.Status.PLANNED if index % 2 else Event.Status.CONFIRMED,
                is_public=public,
                notes="internal",
            )
            for index in range(count)
        ]
    )
    Event.tags.through.objects.bulk_create(
        [Event.tags.through(event=event, tag=tags[index % 2]) for index, event in enumerate(events)]
    )
    now = timezone.now()
    Deadline.objects.bulk_create(
        [
            Deadline(
                event=event,
                kind=kind,
                due_at=now + dt.timedelta(days=offset),
                timezone="Asia/Seoul",
            )
            for event in events
            for kind, offset in ((Deadline.Kind.CFP_CLOSE, 5), (Deadline.Kind.REGISTRATION, -5))
        ]
    )
    Goal.objects.bulk_create([Goal(event=event, kind=Goal.Kind.TALK, owner=member) for event in events])
    Participation.objects.bulk_create(
        [Participation(event=event, member=member, role=Participation.Role.SPEAKER) for event in events]
    )
    ActionItem.objects.bulk_create(
        [ActionItem(event=event, owner=member, title=f"Prepare {event.name}") for event in events]
    )
    # Every event is the either-or alternative of the next one.
    Event.alternatives.through.objects.bulk_create(
        [
            Event.alternatives.through(from_event=first, to_event=second)
            for first, second in itertools.pairwise(events)
        ]
        + [
            Event.alternatives.through(from_event=second, to_event=first)
            for first, second in itertools.pairwise(events)
        ]
    )
    return events
