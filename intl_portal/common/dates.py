"""The range of dates the portal accepts, one rule for every model, service and door.

Python's dates end at year 9999 and calendars, time zones and feeds misbehave near the ends
(0001-01-01 in UTC+14 is before year 1). The portal plans conferences: 1990–2100 is ample,
and a date outside it is a typing error, refused with one clear message.

Also: a date carried whole years on (the next edition of an event), one rule for 29 February.
"""

import datetime as dt

from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

FIRST_DAY = dt.date(1990, 1, 1)
LAST_DAY = dt.date(2100, 12, 31)
FIRST_INSTANT = dt.datetime(1990, 1, 1, tzinfo=dt.UTC)
END_INSTANT = dt.datetime(2101, 1, 1, tzinfo=dt.UTC)  # exclusive
OUT_OF_RANGE = _("Dates must fall between 1990 and 2100.")


def date_in_range(field_name, name):
    """A database constraint keeping a DateField (or an empty one) within the range."""
    return models.CheckConstraint(
        condition=Q(**{f"{field_name}__isnull": True})
        | Q(**{f"{field_name}__gte": FIRST_DAY, f"{field_name}__lte": LAST_DAY}),
        name=name,
        violation_error_message=OUT_OF_RANGE,
    )


def instant_in_range(field_name, name):
    """The same for a DateTimeField."""
    return models.CheckConstraint(
        condition=Q(**{f"{field_name}__isnull": True})
        | Q(**{f"{field_name}__gte": FIRST_INSTANT, f"{field_name}__lt": END_INSTANT}),
        name=name,
        violation_error_message=OUT_OF_RANGE,
    )


def require_in_range(value, field=None):
    """Raise ValidationError for a date or datetime outside the range (before any time-zone
    arithmetic that could overflow)."""
    if value is None:
        return
    day = value.date() if isinstance(value, dt.datetime) else value
    if not FIRST_DAY <= day <= LAST_DAY:
        raise ValidationError({field: OUT_OF_RANGE} if field else OUT_OF_RANGE)


def shift_years(day, years):
    """`day` (a date or a datetime) `years` years on; 29 February becomes the 28th in a year
    without it. None stays None."""
    if day is None:
        return None
    try:
        return day.replace(year=day.year + years)
    except ValueError:  # 29 February in a year without it
        return day.replace(year=day.year + years, day=28)
