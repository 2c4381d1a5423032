"""/healthz: can the portal serve and send? The database, the Celery broker, and how long
ago the last reminder dispatch pass finished (beat runs one a minute: an old one means the
worker or its beat is down). 200 when all is well, 503 otherwise; for a load balancer or a
monitoring probe. Nothing in it is secret."""

from django.db import connection
from django.http import JsonResponse
from django.utils import timezone
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_safe

from events.reminders.health import DISPATCH_LATE_AFTER, last_dispatch

BROKER_TIMEOUT_SECONDS = 2


def _database():
    try:
        with connection.cursor() as cursor:
            cursor.execute("SELECT 1")
            cursor.fetchone()
    except Exception as exc:  # reported, not raised: this is the health check
        return {"ok": False, "error": type(exc).__name__}
    return {"ok": True}


def _broker():
    from .celery import app

    try:
        with app.connection_for_read() as broker:
            broker.ensure_connection(max_retries=1, timeout=BROKER_TIMEOUT_SECONDS)
    except Exception as exc:
        return {"ok": False, "error": type(exc).__name__}
    return {"ok": True, "transport": app.conf.broker_url.split(":", 1)[0] if app.conf.broker_url else "?"}


def _dispatch():
    try:
        finished = last_dispatch()
    except Exception as exc:
        return {"ok": False, "error": type(exc).__name__}
    if finished is None:
        return {"ok": False, "last": None, "error": "no dispatch pass has finished yet"}
    age = (timezone.now() - finished).total_seconds()
    return {
        "ok": age <= DISPATCH_LATE_AFTER.total_seconds(),
        "last": finished.isoformat(),
        "age_seconds": int(age),
        "late_after_seconds": int(DISPATCH_LATE_AFTER.total_seconds()),
    }


@never_cache
@require_safe
def healthz(request):
    checks = {"database": _database(), "broker": _broker()}
    checks["dispatch"] = _dispatch() if checks["database"]["ok"] else {"ok": False, "error": "no database"}
    healthy = all(check["ok"] for check in checks.values())
    body = {"status": "ok" if healthy else "failing", **checks}
    return JsonResponse(body, status=200 if healthy else 503)
