"""Goals: what the group wants at an event. A goal's owner hears about the event's
deadlines, so every change re-plans the event's reminders once, in its transaction."""

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from intl_portal.common.records import assign, save_clean

from ..models import Goal
from ..reminders.planning import reminders_plan_event
from .base import require_manager


def _require_active_owner(goal):
    """A goal's owner hears about the event's deadlines: only an active member may own one."""
    if goal.owner_id is not None and not goal.owner.active:
        raise ValidationError(
            {"owner": _("%(name)s is not an active member.") % {"name": goal.owner.display_name}}
        )


def _replan(*event_ids):
    for event_id in dict.fromkeys(event_ids):
        reminders_plan_event(event_id=event_id)


@transaction.atomic
def goal_create(*, user, **fields):
    require_manager(user)
    goal = Goal(**fields)
    _require_active_owner(goal)
    save_clean(goal)
    _replan(goal.event_id)
    return goal


@transaction.atomic
def goal_update(*, user, goal, **fields):
    require_manager(user)
    stored = Goal.objects.filter(pk=goal.pk).values("event_id", "owner_id").get()
    stored_event_id = stored["event_id"]
    assign(goal, fields)
    if goal.owner_id != stored["owner_id"]:
        _require_active_owner(goal)  # an owner who has since left may stay until replaced
    save_clean(goal)
    _replan(stored_event_id, goal.event_id)
    return goal


@transaction.atomic
def goal_delete(*, user, goal):
    require_manager(user)
    event_id = goal.event_id
    goal.delete()
    _replan(event_id)
