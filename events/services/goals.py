"""Goals: what the group wants at an event. A goal's owner hears about the event's
deadlines, so every change re-plans the event's reminders once, in its transaction."""

from django.db import transaction

from intl_portal.common.records import assign, save_clean

from ..models import Goal
from ..reminders.planning import reminders_plan_event
from .base import require_manager


def _replan(*event_ids):
    for event_id in dict.fromkeys(event_ids):
        reminders_plan_event(event_id=event_id)


@transaction.atomic
def goal_create(*, user, **fields):
    require_manager(user)
    goal = save_clean(Goal(**fields))
    _replan(goal.event_id)
    return goal


@transaction.atomic
def goal_update(*, user, goal, **fields):
    require_manager(user)
    stored_event_id = Goal.objects.filter(pk=goal.pk).values_list("event_id", flat=True).get()
    assign(goal, fields)
    save_clean(goal)
    _replan(stored_event_id, goal.event_id)
    return goal


@transaction.atomic
def goal_delete(*, user, goal):
    require_manager(user)
    event_id = goal.event_id
    goal.delete()
    _replan(event_id)
