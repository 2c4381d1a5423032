"""The steps of a trip and their due dates, counted back from the event's first day.

Pure computation on dates in the event's zone (no database): the services turn the plan
into TravelStep rows and their reminders.

For a destination that needs an application (visa, e-visa, entry permit) with lead time L:
  X (apply by)              = start − L
  check the requirement     = X − 28 days
  organiser's invitation    = X − 21 days
  community support letter  = X − 14 days
  budget line approved      = X − 14 days
  apply for the visa        = X
  book refundable travel    = X (only refundable until the visa is granted)
  fallback decision (Y)     = start − 14 days
For a speaker whose talk is decided at a CFP notification N, nothing that needs the
acceptance (letters, budget, the application) is due before N + 1 day (the application
before N + 7): a late notification makes the timeline tight rather than earlier than possible.
An ETA: check X − 14, budget start − 42, apply X, book start − 28. Visa free, on arrival or own
country: check start − 56 (not for one's own country), budget start − 42, book start − 28.
Unknown requirement (no passport country or no row): check start − 140, budget, book.
No admission: check and fallback decision at start − 56.
"""

import dataclasses
import datetime as dt

from ..models.travel import TravelRequirement, TravelStep

Kind = TravelStep.Kind
Owner = TravelStep.Owner
Req = TravelRequirement.Kind

DAY = dt.timedelta(days=1)
CHECK_BEFORE_APPLY = 28
INVITATION_BEFORE_APPLY = 21
SUPPORT_BEFORE_APPLY = 14
BUDGET_BEFORE_APPLY = 14
FALLBACK_BEFORE_START = 14
CHECK_BEFORE_START = 56
BUDGET_BEFORE_START = 42
BOOK_BEFORE_START = 28
UNKNOWN_CHECK_BEFORE_START = 140
AFTER_NOTIFICATION = 1
APPLY_AFTER_NOTIFICATION = 7

OWNERS = {
    Kind.CHECK_REQUIREMENT: Owner.TRAVELLER,
    Kind.INVITATION_LETTER: Owner.TRAVELLER,
    Kind.SUPPORT_LETTER: Owner.COORDINATORS,
    Kind.BUDGET_APPROVED: Owner.COORDINATORS,
    Kind.APPLY_VISA: Owner.TRAVELLER,
    Kind.BOOK_TRAVEL: Owner.TRAVELLER,
    Kind.FALLBACK_DECISION: Owner.COORDINATORS,
}
ORDER = list(Kind.values)
# Steps that wait for the talk to be accepted.
NEEDS_ACCEPTANCE = (Kind.INVITATION_LETTER, Kind.SUPPORT_LETTER, Kind.BUDGET_APPROVED)


@dataclasses.dataclass(frozen=True)
class PlannedStep:
    kind: str
    owner: str
    due_date: dt.date

    @property
    def position(self):
        return ORDER.index(self.kind)


@dataclasses.dataclass(frozen=True)
class Plan:
    steps: tuple
    apply_by: dt.date | None = None
    fallback_on: dt.date | None = None
    tight: bool = False  # the notification comes too late for the lead time


def _days(start, days):
    return start - dt.timedelta(days=days)


def plan_trip(*, start, requirement_kind=None, lead_time_days=0, notification=None):
    """The plan for a trip that starts on `start` (date in the event's zone). `notification`:
    the date (event's zone) the talk is accepted or refused, for a speaker; None otherwise."""
    due = {}
    apply_by = fallback = None
    if requirement_kind in TravelRequirement.APPLICATION_KINDS:
        apply_by = _days(start, lead_time_days)
        fallback = _days(start, FALLBACK_BEFORE_START)
        due = {
            Kind.CHECK_REQUIREMENT: apply_by - CHECK_BEFORE_APPLY * DAY,
            Kind.INVITATION_LETTER: apply_by - INVITATION_BEFORE_APPLY * DAY,
            Kind.SUPPORT_LETTER: apply_by - SUPPORT_BEFORE_APPLY * DAY,
            Kind.BUDGET_APPROVED: apply_by - BUDGET_BEFORE_APPLY * DAY,
            Kind.APPLY_VISA: apply_by,
            Kind.BOOK_TRAVEL: apply_by,
            Kind.FALLBACK_DECISION: fallback,
        }
    elif requirement_kind == Req.ETA:
        apply_by = _days(start, lead_time_days)
        due = {
            Kind.CHECK_REQUIREMENT: apply_by - 14 * DAY,
            Kind.BUDGET_APPROVED: _days(start, BUDGET_BEFORE_START),
            Kind.APPLY_VISA: apply_by,
            Kind.BOOK_TRAVEL: _days(start, BOOK_BEFORE_START),
        }
    elif requirement_kind == Req.NO_ADMISSION:
        fallback = _days(start, CHECK_BEFORE_START)
        due = {Kind.CHECK_REQUIREMENT: fallback, Kind.FALLBACK_DECISION: fallback}
    else:
        due = {
            Kind.BUDGET_APPROVED: _days(start, BUDGET_BEFORE_START),
            Kind.BOOK_TRAVEL: _days(start, BOOK_BEFORE_START),
        }
        if requirement_kind is None:
            due[Kind.CHECK_REQUIREMENT] = _days(start, UNKNOWN_CHECK_BEFORE_START)
        elif requirement_kind != Req.OWN_COUNTRY:
            due[Kind.CHECK_REQUIREMENT] = _days(start, CHECK_BEFORE_START)
    tight = False
    if notification is not None:
        earliest = notification + AFTER_NOTIFICATION * DAY
        for kind in NEEDS_ACCEPTANCE:
            if kind in due and due[kind] < earliest:
                due[kind], tight = earliest, True
        if Kind.APPLY_VISA in due and requirement_kind in TravelRequirement.APPLICATION_KINDS:
            earliest_apply = notification + APPLY_AFTER_NOTIFICATION * DAY
            if due[Kind.APPLY_VISA] < earliest_apply:
                due[Kind.APPLY_VISA], tight = earliest_apply, True
                due[Kind.BOOK_TRAVEL] = max(due[Kind.BOOK_TRAVEL], earliest_apply)
    last = start - DAY
    steps = tuple(
        sorted(
            (
                PlannedStep(kind=kind, owner=OWNERS[kind], due_date=min(day, last))
                for kind, day in due.items()
            ),
            key=lambda step: step.position,
        )
    )
    return Plan(steps=steps, apply_by=apply_by, fallback_on=fallback, tight=tight)
