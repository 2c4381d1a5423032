"""Celery tasks of the events app: thin callers of its services."""

import logging

from celery import shared_task

from .dispatch import reminders_dispatch

logger = logging.getLogger(__name__)


@shared_task(name="events.dispatch_due_reminders", ignore_result=True)
def dispatch_due_reminders():
    """One dispatch pass over the reminder outbox (celery beat runs it every minute)."""
    result = reminders_dispatch()
    if result.sent or result.failed or result.skipped or result.cancelled or result.retried:
        logger.info("reminders: %s retried=%d", result.line(), result.retried)
    return result.line()
