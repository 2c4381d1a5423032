"""Template filters for the members' pages."""

from django import template
from django.utils import timezone
from django.utils.dateformat import format as date_format

from intl_portal.common.timezones import AOE

register = template.Library()

STAMP = "Y-m-d H:i"


def _abbreviation(local, zone_name):
    if zone_name == AOE:
        return "AoE"
    abbreviation = local.strftime("%Z")
    if abbreviation[:1] in "+-":  # zones without a name, e.g. "+08"
        return f"UTC{abbreviation}"
    return abbreviation


@register.filter
def announced(deadline):
    """The deadline as its organisers announced it, e.g. "2025-06-30 15:59 KST"."""
    local = deadline.local_due_at
    return f"{date_format(local, STAMP)} {_abbreviation(local, deadline.timezone)}"


@register.filter
def in_viewer_zone(instant):
    """An instant in the viewer's active zone, e.g. "2025-06-30 14:59 CST"."""
    local = timezone.localtime(instant)
    zone_name = timezone.get_current_timezone_name()
    return f"{date_format(local, STAMP)} {_abbreviation(local, zone_name)}"
