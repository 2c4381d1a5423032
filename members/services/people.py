"""Rules about people: members and their profiles.

A member changes their own names, affiliation, languages, language for messages and time
zone (members.permissions.MEMBER_OWN_FIELDS); coordinators create, change and delete any
member. The pages, the admin and the API all call these functions."""

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _
from django_countries import countries

from intl_portal.common.records import (
    changed_fields,
    check_field_names,
    copy_stored,
    create_record,
    delete_record,
    locked,
    refuse_fields,
    require,
    update_record,
)
from intl_portal.common.timezones import normalize_zone_name
from members.models import Member
from members.permissions import can_change_member, can_change_member_field, can_manage_people

MEMBER_FIELDS = (
    "display_name",
    "name_zh",
    "name_en",
    "email",
    "affiliation",
    "group",
    "languages",
    "preferred_language",
    "timezone",
    "feishu_open_id",
    "active",
    "login",
    "notes",
)


def _normalized(fields):
    """The model's field names and values: `login` is the Member's `user` (the keyword
    `user` is the one who acts), a zone is stored by its IANA name (AoE: Etc/GMT+12)."""
    fields = dict(fields)
    if "login" in fields:
        fields["user"] = fields.pop("login")
    if fields.get("timezone"):
        fields["timezone"] = normalize_zone_name(fields["timezone"])
    return fields


@transaction.atomic
def member_create(*, user, **fields):
    """A coordinator records a person; a log-in (`login`, a User) is optional."""
    require(can_manage_people(user))
    check_field_names(fields, MEMBER_FIELDS)
    return create_record(Member, _normalized(fields))


@transaction.atomic
def member_update_profile(*, member, user, **fields):
    """Change a member's record. Only the fields whose value really changes count; one the
    caller may not change is refused by name (ValidationError) and nothing is saved."""
    require(can_change_member(user, member), _("You may only change your own profile."))
    check_field_names(fields, MEMBER_FIELDS)
    fields = _normalized(fields)
    row = locked(member)
    changed = changed_fields(row, fields)
    refuse_fields({name for name in changed if not can_change_member_field(user, row, name)})
    if changed:
        update_record(row, changed)
    return copy_stored(member, row)


def member_set_timezone(*, member, user, zone):
    """Remember a member's zone (IANA name or AoE) for the pages, feeds and messages;
    raises ValidationError for an unknown zone and then changes nothing."""
    return member_update_profile(member=member, user=user, timezone=zone)


@transaction.atomic
def member_delete(*, member, user):
    """Delete a member nothing else refers to (otherwise: ValidationError; deactivate them)."""
    require(can_manage_people(user))
    delete_record(member)


@transaction.atomic
def member_set_passport_country(*, member, user, passport_country):
    """Record which country or region issued a member's passport (never its number): the
    member themself or a coordinator. Their trips' timelines depend on it, so callers that
    plan trips (events.travel.services.traveller_passport_country_set) call this one."""
    require(can_change_member(user, member), _("You may only change your own profile."))
    code = (passport_country or "").strip().upper()
    if code and code not in countries:
        raise ValidationError(
            {"passport_country": _("Unknown country or region code: %(code)s") % {"code": code}}
        )
    row = locked(member)
    if row.passport_country != code:
        update_record(row, {"passport_country": code})
    return copy_stored(member, row)
