"""Is the reminder dispatch alive? Celery beat runs a pass every minute; each pass that
finishes records the moment. A pass older than DISPATCH_LATE_AFTER means the worker or
its beat is down: /healthz says so, and the admin shows a warning."""

import datetime as dt

from django.db import transaction
from django.utils import timezone

from ..models import DispatchHeartbeat

DISPATCH_LATE_AFTER = dt.timedelta(minutes=5)


def mark_dispatch_done():
    """Record that a dispatch pass finished now (one row, updated in place)."""
    now = timezone.now()
    with transaction.atomic():
        if not DispatchHeartbeat.objects.filter(pk=1).update(finished_at=now):
            DispatchHeartbeat.objects.update_or_create(pk=1, defaults={"finished_at": now})


def last_dispatch():
    """When the last pass finished, or None if none ever did."""
    return DispatchHeartbeat.objects.filter(pk=1).values_list("finished_at", flat=True).first()


def dispatch_is_late(*, now=None):
    finished = last_dispatch()
    return finished is None or (now or timezone.now()) - finished > DISPATCH_LATE_AFTER
