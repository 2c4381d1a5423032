"""Time-zone names: IANA zones, plus the "AoE" alias conferences use for Anywhere on Earth."""

import zoneinfo
from functools import cache

from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

# Anywhere on Earth is UTC-12; the IANA name's sign is inverted by POSIX convention.
AOE = "Etc/GMT+12"
ALIASES = {"aoe": AOE, "anywhere on earth": AOE, "utc": "UTC", "gmt": "UTC"}


@cache
def available_zones():
    return frozenset(zoneinfo.available_timezones())


def normalize_zone_name(name):
    """Return the IANA name for `name` (accepting "AoE"), or raise ValidationError."""
    cleaned = (name or "").strip()
    cleaned = ALIASES.get(cleaned.lower(), cleaned)
    if cleaned not in available_zones():
        raise ValidationError(
            _("“%(zone)s” is not a known time zone (use an IANA name such as Asia/Tokyo, or AoE)."),
            code="unknown_timezone",
            params={"zone": name},
        )
    return cleaned


def validate_zone_name(name):
    normalize_zone_name(name)


def zone_label(name):
    """A short label for a zone: AoE for Anywhere on Earth, else the IANA name."""
    return "AoE" if name == AOE else name
