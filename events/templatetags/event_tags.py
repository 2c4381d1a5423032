"""Template filters for the members' pages."""

from django import template
from django.utils import timezone
from django.utils.dateformat import format as date_format

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
