"""Template filters for the members' pages."""

from django import template
from django.utils import timezone
from django.utils.dateformat import format as date_format
from django.utils.translation import gettext, pgettext

from intl_portal.common.timezones import zone_abbreviation

register = template.Library()

STAMP = "Y-m-d H:i"


@register.filter
def announced(deadline):
    """The deadline as its organisers announced it, e.g. "2025-06-30 15:59 KST"."""
    local = deadline.local_due_at
    return f"{date_format(local, STAMP)} {zone_abbreviation(local, deadline.timezone)}"


@register.filter
def in_viewer_zone(instant):
    """An instant in the viewer's active zone, e.g. "2025-06-30 14:59 UTC+08:00"."""
    local = timezone.localtime(instant)
    zone_name = timezone.get_current_timezone_name()
    return f"{date_format(local, STAMP)} {zone_abbreviation(local, zone_name)}"


@register.filter
def place(event, with_venue=False):
    """Where an event is, on one line: "online", else the venue (when asked), city and
    country that are known, e.g. "Brussels, Belgium" or "Belgium" (never ", Belgium");
    "" when nothing is known."""
    if event.format == "online":
        return gettext("online")
    parts = [event.venue if with_venue else "", event.city, event.country.name if event.country else ""]
    return pgettext("between the parts of a place", ", ").join(str(part) for part in parts if part)
