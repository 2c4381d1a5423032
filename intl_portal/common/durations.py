"""How long ago, how long left, how long before a deadline, in words a reader of either
language writes: "1 year, 3 months" / "1 年 3 个月" (Django's own words give "1 年，3 月" in
Chinese)."""

from django.utils import timezone
from django.utils.timesince import timesince, timeuntil
from django.utils.translation import gettext, ngettext, npgettext_lazy, pgettext

TIME_STRINGS = {
    "year": npgettext_lazy("duration", "%(num)d year", "%(num)d years", "num"),
    "month": npgettext_lazy("duration", "%(num)d month", "%(num)d months", "num"),
    "week": npgettext_lazy("duration", "%(num)d week", "%(num)d weeks", "num"),
    "day": npgettext_lazy("duration", "%(num)d day", "%(num)d days", "num"),
    "hour": npgettext_lazy("duration", "%(num)d hour", "%(num)d hours", "num"),
    "minute": npgettext_lazy("duration", "%(num)d minute", "%(num)d minutes", "num"),
}


def _joined(text):
    # timesince joins its two parts with Django's ", " ("，" in Chinese); ours joins with a
    # space in Chinese ("1 年 3 个月").
    return pgettext("duration", ", ").join(text.split(gettext(", ")))


def time_since(instant, now=None):
    """ "1 year, 3 months" / "1 年 3 个月": the time since a past instant, two units at most."""
    return _joined(timesince(instant, now or timezone.now(), time_strings=TIME_STRINGS))


def time_until(instant, now=None):
    """The time left until a future instant, in the same words."""
    return _joined(timeuntil(instant, now or timezone.now(), time_strings=TIME_STRINGS))


def offset_before(offset):
    """How long before the deadline, in words: "7 days before", "2 hours before"."""
    minutes = int(offset.total_seconds()) // 60
    if minutes == 0:
        return gettext("at the deadline")
    if minutes % (24 * 60) == 0:
        days = minutes // (24 * 60)
        return ngettext("%(count)d day before", "%(count)d days before", days) % {"count": days}
    if minutes % 60 == 0:
        hours = minutes // 60
        return ngettext("%(count)d hour before", "%(count)d hours before", hours) % {"count": hours}
    return ngettext("%(count)d minute before", "%(count)d minutes before", minutes) % {"count": minutes}
