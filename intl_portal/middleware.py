"""Activate the viewer's time zone: the session's choice, else their member profile's,
else the zone their browser reported (a cookie set by static/js/portal.js), else UTC."""

import zoneinfo

from django.utils import timezone

from members.permissions import member_of

from .common.timezones import available_zones

SESSION_KEY = "viewer_timezone"
# Set by portal.js from Intl.DateTimeFormat().resolvedOptions().timeZone on a visitor's
# first page; read only when nothing better is known (a member keeps their saved zone).
BROWSER_ZONE_COOKIE = "browser_zone"
# Machine-read answers keep UTC whoever asks, so a script sees the same text as any other.
UTC_PATH_PREFIXES = ("/api/",)


class ZoneSource:
    """Where the viewer's zone came from (the zone field's data-zone-source): portal.js
    replaces a "default" or "browser" zone by the browser's own, never a chosen one."""

    CHOSEN = "chosen"
    MEMBER = "member"
    BROWSER = "browser"
    DEFAULT = "default"


def viewer_zone(request):
    """(zone name, ZoneSource): the zone chosen in this session, else the signed-in member's
    own zone, else the browser's zone from its cookie if it is a known zone, else (None,
    DEFAULT): UTC."""
    zone_name = request.session.get(SESSION_KEY) if hasattr(request, "session") else None
    if zone_name in available_zones():
        return zone_name, ZoneSource.CHOSEN
    member = member_of(getattr(request, "user", None))
    if member is not None and member.timezone in available_zones():
        return member.timezone, ZoneSource.MEMBER
    zone_name = request.COOKIES.get(BROWSER_ZONE_COOKIE, "")
    if zone_name in available_zones():
        return zone_name, ZoneSource.BROWSER
    return None, ZoneSource.DEFAULT


def viewer_zone_name(request):
    """The viewer's zone name (see viewer_zone), or None for UTC."""
    return viewer_zone(request)[0]


class ViewerTimezoneMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if request.path.startswith(UTC_PATH_PREFIXES):
            zone_name, request.viewer_zone_source = None, ZoneSource.DEFAULT
        else:
            zone_name, request.viewer_zone_source = viewer_zone(request)
        if zone_name is not None:
            timezone.activate(zoneinfo.ZoneInfo(zone_name))
        else:
            timezone.deactivate()
        try:
            return self.get_response(request)
        finally:
            timezone.deactivate()
