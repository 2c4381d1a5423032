"""Time-zone names: IANA zones, plus the "AoE" alias conferences use for Anywhere on Earth."""

import zoneinfo
from functools import cache

from django import forms
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


# Abbreviations that name several zones (CST: China, US Central and Cuba; IST: India, Israel
# and Ireland; PST: the US Pacific and the Philippines; …): written as the UTC offset instead.
AMBIGUOUS_ABBREVIATIONS = frozenset({"CST", "CDT", "IST", "BST", "AST", "ADT", "GST", "SST", "PST", "ECT"})


def zone_abbreviation(local, zone_name):
    """How a local time's zone is written beside it: "KST", "CET", "AoE", "UTC", or the UTC
    offset ("UTC+08:00") for a zone without a name or with an ambiguous one."""
    if zone_name == AOE:
        return "AoE"
    if zone_name == "UTC":
        return "UTC"
    abbreviation = local.tzname() or ""
    if not abbreviation or abbreviation[:1] in "+-" or abbreviation in AMBIGUOUS_ABBREVIATIONS:
        offset = local.strftime("%z")
        return f"UTC{offset[:3]}:{offset[3:]}"
    return abbreviation


class ZoneField(forms.CharField):
    """A form field for a zone: takes an IANA name or "AoE" (stored as Etc/GMT+12) and shows
    Etc/GMT+12 as "AoE" again, so a zone chosen as AoE comes back as AoE."""

    def __init__(self, **kwargs):
        kwargs.setdefault("max_length", 64)
        kwargs.setdefault("widget", forms.TextInput(attrs={"size": 14, "class": "zone-input"}))
        super().__init__(**kwargs)

    def to_python(self, value):
        value = super().to_python(value)
        return normalize_zone_name(value) if value else value

    def prepare_value(self, value):
        return zone_label(value) if isinstance(value, str) and value else value
