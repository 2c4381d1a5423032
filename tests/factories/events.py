"""Factories for the events models, and estimated_copy: an event copied to its next edition."""

import datetime as dt

import factory
from django.utils import timezone

from events.models import (
    ActionItem,
    Contact,
    DateChangeRequest,
    Deadline,
    Event,
    EventReview,
    Goal,
    Idea,
    Outcome,
    Participation,
    Tag,
)
from events.models.feeds import CalendarFeed
from events.services import deadline_set, event_copy_to_next_edition

from .members import MemberFactory


class TagFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Tag
        django_get_or_create = ("slug",)

    slug = factory.Sequence(lambda n: f"tag-{n}")
    name_en = factory.LazyAttribute(lambda tag: tag.slug.title())


class EventFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Event

    name = factory.Sequence(lambda n: f"Open Source Conference {n}")
    series = "Open Source Conference"
    edition_year = 2025
    start_date = dt.date(2025, 9, 13)
    end_date = dt.date(2025, 9, 14)
    timezone = "Asia/Shanghai"
    city = "Hangzhou"
    country = "CN"
    status = Event.Status.PLANNED


class DeadlineFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Deadline

    event = factory.SubFactory(EventFactory)
    kind = Deadline.Kind.CFP_CLOSE
    due_at = dt.datetime(2025, 7, 14, 15, 59, tzinfo=dt.UTC)
    timezone = "UTC"


class GoalFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Goal

    event = factory.SubFactory(EventFactory)
    kind = Goal.Kind.TALK


class ParticipationFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Participation

    event = factory.SubFactory(EventFactory)
    member = factory.SubFactory(MemberFactory)
    role = Participation.Role.ATTENDEE
    status = Participation.Status.CONFIRMED


class ActionItemFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = ActionItem

    title = factory.Sequence(lambda n: f"Action {n}")


class DateChangeRequestFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = DateChangeRequest

    event = factory.SubFactory(EventFactory)
    requested_by = factory.SubFactory(MemberFactory)
    start_date = dt.date(2025, 9, 20)
    end_date = dt.date(2025, 9, 21)
    reason = "The organisers announced new dates."


class IdeaFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Idea

    title = factory.Sequence(lambda n: f"Idea {n}")


class ContactFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Contact

    name = factory.Sequence(lambda n: f"Contact {n}")
    organization = "Example Foundation"


class ReminderChannelFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = "events.ReminderChannel"

    name = factory.Sequence(lambda n: f"Group channel {n}")
    kind = "webhook"
    url = "http://127.0.0.1:9/hook"
    language = "en"


class ReminderPreferenceFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = "events.ReminderPreference"
        django_get_or_create = ("member",)

    member = factory.SubFactory(MemberFactory)


class CalendarFeedFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = CalendarFeed

    member = factory.SubFactory(MemberFactory)
    token = factory.Sequence(lambda n: f"test-feed-token-{n:06d}-abcdefghijklmnop")
    token_created_at = factory.LazyFunction(lambda: dt.datetime.now(dt.UTC))


class TrackerSourceFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = "events.TrackerSource"

    name = factory.Sequence(lambda n: f"source-{n}")
    kind = "confs_tech"
    url = "http://127.0.0.1:9/none.json"
    attribution = (
        "Conference data from confs.tech (github.com/tech-conferences/conference-data), MIT licence."
    )
    licence = "MIT"


class TravelStepFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = "events.TravelStep"

    participation = factory.SubFactory(ParticipationFactory, needs_travel=True)
    kind = "check_requirement"
    owner = "traveller"
    due_date = dt.date(2025, 7, 1)
    due_at = dt.datetime(2025, 7, 1, 15, 59, tzinfo=dt.UTC)


class SupportLetterFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = "events.SupportLetter"

    participation = factory.SubFactory(ParticipationFactory, needs_travel=True)
    language = "en"
    reference = factory.Sequence(lambda n: f"SL-2025-{n + 1:04d}")
    signer_name = "Emily Chen"
    issued_on = dt.date(2025, 7, 1)


class OutcomeFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Outcome

    goal = factory.SubFactory(GoalFactory)
    summary = "Talk given"


class EventReviewFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = EventReview

    event = factory.SubFactory(EventFactory)
    go_again = EventReview.GoAgain.YES


def upcoming_event(**fields):
    """An event a month from today (two days), for what members may do only before an event
    is over, such as volunteering."""
    start = timezone.localdate() + dt.timedelta(days=30)
    return EventFactory(**{"start_date": start, "end_date": start + dt.timedelta(days=1), **fields})


def estimated_copy(*, user, days_ahead, cfp_days_before, goal_owner=None):
    """FOSDEM 2026 (two days starting `days_ahead` from today, a CFP closing `cfp_days_before`
    the start, Brussels time) copied to its next edition by `user`: the copy's dates and its
    deadline are estimated from last year. With `goal_owner`, the event has a booth goal of
    theirs before it is copied."""
    start = timezone.localdate() + dt.timedelta(days=days_ahead)
    event = EventFactory(
        name="FOSDEM 2026",
        series="FOSDEM",
        edition_year=2026,
        start_date=start,
        end_date=start + dt.timedelta(days=1),
    )
    deadline_set(
        user=user,
        event=event,
        kind="cfp_close",
        local=start - dt.timedelta(days=cfp_days_before),
        zone="Europe/Brussels",
    )
    if goal_owner is not None:
        GoalFactory(event=event, kind="booth", owner=goal_owner)
    return event_copy_to_next_edition(user=user, event=event)
