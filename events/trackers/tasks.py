"""Celery tasks of the tracker sync: thin doors, each calling one service. The names are
part of the deployment (settings' beat schedule): keep them."""

import logging

from celery import shared_task

from .notices import tracker_notices_send
from .sync import tracker_sync_all

logger = logging.getLogger(__name__)


@shared_task(name="events.sync_trackers", ignore_result=True)
def sync_trackers():
    """Read every active tracker source (celery beat runs it every few hours)."""
    for run in tracker_sync_all():
        logger.info(
            "tracker %s: %s fetched=%d created=%d updated=%d unchanged=%d failed=%d %s",
            run.source.name, run.status, run.fetched, run.created, run.updated, run.unchanged, run.failed,
            run.error,
        )  # fmt: skip


@shared_task(name="events.send_tracker_notices", ignore_result=True)
def send_tracker_notices():
    """Send the notices of deadlines a tracker moved (enqueued when a sync commits)."""
    sent, failed = tracker_notices_send()
    if sent or failed:
        logger.info("tracker notices: sent=%d failed=%d", sent, failed)
