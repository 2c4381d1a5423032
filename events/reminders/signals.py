"""Model receivers that keep the outbox planned, inside the saving transaction.

Django calls these synchronously from save()/delete(), so the rows they write commit
or roll back with the change itself (see planning.py for the design).
"""

from django.db.models.signals import m2m_changed, post_delete, post_save, pre_delete
from django.dispatch import receiver

from members.models import Member

from ..models import Deadline, Event, Goal, Participation
from ..models.reminders import ReminderChannel, ReminderDefaults, ReminderPreference
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


@receiver(post_save, sender=Member, dispatch_uid="reminders_member_saved")
def _member_saved(sender, instance, raw=False, created=False, **kwargs):
    if not raw and not created:
        planning.reminders_plan_member(member_id=instance.pk)


@receiver(post_save, sender=ReminderPreference, dispatch_uid="reminders_preference_saved")
def _preference_saved(sender, instance, raw=False, **kwargs):
    if not raw:
        planning.reminders_plan_member(member_id=instance.member_id)


def _events_changed(sender, instance, action, pk_set=None, **kwargs):
    if action not in ("post_add", "post_remove", "post_clear"):
        return
    if isinstance(instance, ReminderPreference):
        planning.reminders_plan_member(member_id=instance.member_id)
    else:  # changed from the event's side
        planning.reminders_plan_event(event_id=instance.pk)


m2m_changed.connect(
    _events_changed,
    sender=ReminderPreference.muted_events.through,
    dispatch_uid="reminders_muted_changed",
)
m2m_changed.connect(
    _events_changed,
    sender=ReminderPreference.followed_events.through,
    dispatch_uid="reminders_followed_changed",
)


@receiver(post_save, sender=ReminderChannel, dispatch_uid="reminders_channel_saved")
@receiver(post_save, sender=ReminderDefaults, dispatch_uid="reminders_defaults_saved")
def _group_settings_saved(sender, instance, raw=False, **kwargs):
    if not raw:
        planning.reminders_plan_all()
