from django.conf import settings
from django.utils import timezone
from django.utils.functional import SimpleLazyObject

from members.permissions import viewer_of

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
    }
