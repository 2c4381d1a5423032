"""Model receivers that still plan the outbox: deadlines, events, participants, goals.

To go: the events-core branch makes events' services call planning explicitly and
deletes these. A member's preferences, the group's channels and defaults are planned by
the reminders' services (services.py); a member's address and active flag are read when
sending, so a Member save plans nothing.
"""

from django.db.models.signals import post_delete, post_save, pre_delete
from django.dispatch import receiver

from ..models import Deadline, Event, Goal, Participation
from . import planning


@receiver(post_save, sender=Deadline, dispatch_uid="reminders_deadline_saved")
def _deadline_saved(sender, instance, raw=False, **kwargs):
    if not raw:
        planning.reminders_plan_deadlines(deadlines=[instance])


@receiver(pre_delete, sender=Deadline, dispatch_uid="reminders_deadline_deleted")
def _deadline_deleted(sender, instance, **kwargs):
    planning.reminders_cancel_for_deadline(deadline_id=instance.pk)


@receiver(post_save, sender=Event, dispatch_uid="reminders_event_saved")
def _event_saved(sender, instance, raw=False, created=False, update_fields=None, **kwargs):
    if raw or created:
        return  # a new event has no deadlines yet
    if update_fields is not None and "status" not in update_fields:
        return
    planning.reminders_plan_event(event_id=instance.pk)


@receiver(post_save, sender=Participation, dispatch_uid="reminders_participation_saved")
@receiver(post_delete, sender=Participation, dispatch_uid="reminders_participation_deleted")
@receiver(post_save, sender=Goal, dispatch_uid="reminders_goal_saved")
@receiver(post_delete, sender=Goal, dispatch_uid="reminders_goal_deleted")
def _people_changed(sender, instance, raw=False, **kwargs):
    if not raw:
        planning.reminders_plan_event(event_id=instance.event_id)
