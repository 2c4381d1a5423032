from django.conf import settings
from django.utils import timezone
from django.utils.functional import SimpleLazyObject
from django.utils.translation import gettext as _

from events.reminders.health import dispatch_is_late, last_dispatch
from members.permissions import viewer_of

from .common.durations import time_since
from .common.timezones import zone_label


def portal(request):
    # The IANA name (or AoE) of the viewer's zone: what the zone field shows and takes back.
    # Django's own {% get_current_timezone %} gives "-12" for Etc/GMT+12, which is no name.
    zone = timezone.get_current_timezone()
    return {
        "DEMO_MODE": settings.DEMO_MODE,
        "PORTAL_BASE_URL": settings.PORTAL_BASE_URL,
        "VIEWER_ZONE": zone_label(getattr(zone, "key", "UTC")),
        # Who is asking (members.permissions.Viewer): templates ask `viewer.is_coordinator`,
        # `viewer.is_member`, … instead of restating a role check. Lazy: a page that asks
        # nothing costs no query.
        "viewer": SimpleLazyObject(lambda: viewer_of(request)),
        # The admin's warning (templates/admin/base_site.html): empty while reminders go
        # out. Lazy, as above.
        "DISPATCH_LATE": SimpleLazyObject(lambda: _dispatch_late()),
    }


def _dispatch_late():
    if not dispatch_is_late():
        return ""
    finished = last_dispatch()
    if finished is None:
        return _(
            "Reminders are not being sent: no dispatch pass has finished yet. Check that the "
            "Celery worker and its beat are running (see /healthz)."
        )
    return _(
        "Reminders are not being sent: the last dispatch pass finished %(time)s ago. Check that "
        "the Celery worker and its beat are running (see /healthz)."
    ) % {"time": time_since(finished)}
