"""Template filters for the members' pages."""

from django import template
from django.utils import timezone
from django.utils.dateformat import format as date_format
from django.utils.safestring import mark_safe
from django.utils.translation import get_language, gettext, pgettext

from intl_portal.common.day_ranges import day_range
from intl_portal.common.durations import time_since, time_until
from intl_portal.common.places import place_text
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
def shown_as_announced(deadline):
    """Whether the viewer's zone gives the deadline the same clock time as its announced zone
    (then a second "your time" line would only repeat it)."""
    return timezone.localtime(deadline.due_at).utcoffset() == deadline.local_due_at.utcoffset()


@register.filter
def since(instant):
    """ "1 year, 3 months" / "1 年 3 个月" since a past instant."""
    return time_since(instant)


@register.filter
def until(instant):
    """The time left until a future instant, in the same words."""
    return time_until(instant)


@register.simple_tag
def days(start, end=None, with_year=False):
    """{% days event.start_date event.end_date %}: "Dec 8 – Dec 10" / "12月8日–10日"."""
    return day_range(start, end, year=with_year)


@register.filter
def place(event, with_venue=False):
    """Where an event (or a tracker's entry) is, on one line: "online", else the venue (when
    asked), city and country that are known: "Tokyo, Japan" / "东京，日本", "Belgium" (never
    ", Belgium"); "" when nothing is known."""
    if getattr(event, "format", "") == "online":
        return gettext("online")
    country = event.country.name if event.country else ""
    return place_text(event.city, country, event.venue if with_venue else "")


@register.simple_tag
def colon():
    """The colon after a label, as the reader's language writes it: ": " / "："."""
    return pgettext("label separator", ": ")


@register.simple_tag
def gap():
    """The space between two sentences: one in English, none after a Chinese full stop."""
    return "" if (get_language() or "").startswith("zh") else " "


@register.simple_tag(takes_context=True)
def nav_current(context, patterns):
    """' aria-current="page"' on the menu link of the page being shown: `patterns` is a
    space-separated list of view names ("events:calendar"), namespaces ("budget:") and name
    prefixes ("events:triage*"); the stylesheet marks the link."""
    match = getattr(context.get("request"), "resolver_match", None)
    if match is None:
        return ""
    name = match.view_name
    for pattern in patterns.split():
        if pattern.endswith(":") and name.startswith(pattern):
            return mark_safe(' aria-current="page"')
        if pattern.endswith("*") and name.startswith(pattern[:-1]):
            return mark_safe(' aria-current="page"')
        if name == pattern:
            return mark_safe(' aria-current="page"')
    return ""
