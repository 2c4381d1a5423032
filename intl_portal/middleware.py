"""Activate the viewer's time zone: the session's choice, else their member profile's."""

import zoneinfo

from django.utils import timezone

from members.permissions import member_of

from .common.timezones import available_zones

SESSION_KEY = "viewer_timezone"
# Machine-read answers keep UTC whoever asks, so a script sees the same text as any other.
UTC_PATH_PREFIXES = ("/api/",)


def viewer_zone_name(request):
    """The zone chosen in this session, else the signed-in member's own zone, else None."""
    zone_name = request.session.get(SESSION_KEY) if hasattr(request, "session") else None
    if zone_name is None:
        member = member_of(getattr(request, "user", None))
        zone_name = member.timezone if member else None
    return zone_name


class ViewerTimezoneMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        zone_name = None if request.path.startswith(UTC_PATH_PREFIXES) else viewer_zone_name(request)
        if zone_name in available_zones():
            timezone.activate(zoneinfo.ZoneInfo(zone_name))
        else:
            timezone.deactivate()
        try:
            return self.get_response(request)
        finally:
            timezone.deactivate()
