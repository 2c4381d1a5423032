"""Model receivers that keep the outbox planned, inside the saving transaction.

Events' own data (deadlines, events, participations, goals) no longer comes here: its
services in events/services/ plan the reminders by an explicit call.

Django calls these synchronously from save()/delete(), so the rows they write commit
or roll back with the change itself (see planning.py for the design).
"""

from django.db.models.signals import m2m_changed, post_save
from django.dispatch import receiver

from members.models import Member

from ..models.reminders import ReminderChannel, ReminderDefaults, ReminderPreference
from . import planning


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
