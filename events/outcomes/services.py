"""Every write about outcomes and event reviews. The goal's owner or a coordinator records a
goal's outcomes; a coordinator or an owner of one of the event's goals writes its review.
Outcomes are recorded once the event has begun, never for a declined or cancelled one."""

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from intl_portal.common.records import assign, check_field_names, delete_record, require, save_clean
from members.models import Contribution
from members.permissions import can_record_outcome, can_review_event, member_of

from ..models import Event, EventReview, Goal, Outcome, OutcomeContact

OUTCOME_FIELDS = (
    "summary",
    "url",
    "video_url",
    "audience_size",
    "conversations",
    "leads_to",
    "materials",
    "outlet",
    "language",
)
REVIEW_FIELDS = ("what_worked", "what_did_not", "go_again", "go_again_why")


def _require_recorder(user, goal):
    require(
        can_record_outcome(user, goal),
        _("Only the goal's owner or a coordinator may record its outcomes."),
    )


def _require_event_happened(event):
    if event.status in Event.CLOSED_STATUSES:
        raise ValidationError(_("This event was declined or cancelled: it has no outcomes."))
    if event.start_date is None or event.start_date > timezone.localdate():
        raise ValidationError(_("Outcomes are recorded once the event has begun."))


def _check_contributions(contributions):
    contributions = list(contributions)
    unpublished = [c for c in contributions if c.status != Contribution.Status.ACCEPTED]
    if unpublished:
        raise ValidationError(
            {"contributions": [_("Only accepted contributions are published pieces.")]},
        )
    return contributions


@transaction.atomic
def outcome_record(*, user, goal, contributions=(), **fields):
    """Record one thing a goal produced."""
    check_field_names(fields, OUTCOME_FIELDS)
    _require_recorder(user, goal)
    _require_event_happened(goal.event)
    contributions = _check_contributions(contributions)
    outcome = save_clean(Outcome(goal=goal, recorded_by=member_of(user), **fields))
    outcome.contributions.set(contributions)
    return outcome


@transaction.atomic
def outcome_update(*, user, outcome, contributions=None, **fields):
    check_field_names(fields, OUTCOME_FIELDS)
    stored = Outcome.objects.select_related("goal__event").get(pk=outcome.pk)
    _require_recorder(user, stored.goal)
    if contributions is not None:
        contributions = _check_contributions(contributions)
    assign(outcome, fields)
    outcome.goal = stored.goal
    save_clean(outcome)
    if contributions is not None:
        outcome.contributions.set(contributions)
    return outcome


@transaction.atomic
def outcome_delete(*, user, outcome):
    stored = Outcome.objects.select_related("goal").get(pk=outcome.pk)
    _require_recorder(user, stored.goal)
    delete_record(stored)


@transaction.atomic
def outcome_contact_add(*, user, outcome, contact, follow_up_owner=None):
    """A contact made: recorded on the outcome and added to the contact's events."""
    stored = Outcome.objects.select_related("goal__event").get(pk=outcome.pk)
    _require_recorder(user, stored.goal)
    made = save_clean(
        OutcomeContact(outcome=stored, contact=contact, follow_up_owner=follow_up_owner),
        conflict=_("This contact is already recorded for this outcome."),
    )
    contact.events.add(stored.goal.event)
    return made


@transaction.atomic
def outcome_contact_remove(*, user, contact_made):
    stored = OutcomeContact.objects.select_related("outcome__goal").get(pk=contact_made.pk)
    _require_recorder(user, stored.outcome.goal)
    stored.delete()


def _goal_owner_ids(event):
    return Goal.objects.filter(event=event, owner__isnull=False).values_list("owner_id", flat=True)


@transaction.atomic
def event_review_set(*, user, event, **fields):
    """Write (or rewrite) an event's short review."""
    check_field_names(fields, REVIEW_FIELDS)
    require(
        can_review_event(user, _goal_owner_ids(event)),
        _("Only coordinators and the owners of the event's goals may review it."),
    )
    _require_event_happened(event)
    review = EventReview.objects.select_for_update().filter(event=event).first() or EventReview(event=event)
    assign(review, fields)
    review.recorded_by = member_of(user)
    return save_clean(review)


@transaction.atomic
def event_review_delete(*, user, review):
    stored = EventReview.objects.select_related("event").get(pk=review.pk)
    require(
        can_review_event(user, _goal_owner_ids(stored.event)),
        _("Only coordinators and the owners of the event's goals may review it."),
    )
    stored.delete()
