"""Rules about people: a member's own preferences."""

from intl_portal.common.timezones import normalize_zone_name


def member_set_timezone(*, member, zone):
    """Remember a member's zone (IANA name or AoE) for the pages, feeds and messages;
    raises ValidationError for an unknown zone and then changes nothing."""
    member.timezone = normalize_zone_name(zone)
    member.save(update_fields=["timezone", "updated_at"])
    return member
