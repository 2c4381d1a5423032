"""Celery tasks of the reminders: thin doors, each calling one service.

The names are part of the deployment (settings' beat schedule, queued messages): keep them.
"""

import logging

from celery import shared_task

from .services import reminders_replan_all, reminders_send_due

logger = logging.getLogger(__name__)


@shared_task(name="events.dispatch_due_reminders", ignore_result=True)
def dispatch_due_reminders():
    """One dispatch pass over the reminder outbox (celery beat runs it every minute)."""
    result = reminders_send_due()
    if result.sent or result.failed or result.skipped or result.cancelled or result.retried:
        logger.info("reminders: %s retried=%d", result.line(), result.retried)
    return result.line()


@shared_task(name="events.replan_reminders", ignore_result=True)
def replan_reminders():
    """Re-plan every future deadline's reminders (enqueued on commit when a group channel
    or the group's defaults change)."""
    created, updated, cancelled = reminders_replan_all()
    logger.info("reminders re-planned: created=%d updated=%d cancelled=%d", created, updated, cancelled)
