"""Standing roles (lead, treasurer, …) and the terms members hold them for (换届: a
handover ends one term and starts the next). Coordinators keep them."""

from django.db import transaction

from intl_portal.common.records import check_field_names, create_record, delete_record, require, update_record
from members.models import Role, RoleAssignment
from members.permissions import can_manage_people

ROLE_FIELDS = ("slug", "name_en", "name_zh", "description")
ASSIGNMENT_FIELDS = ("member", "role", "term_start", "term_end", "note")


@transaction.atomic
def role_create(*, user, **fields):
    require(can_manage_people(user))
    check_field_names(fields, ROLE_FIELDS)
    return create_record(Role, fields)


@transaction.atomic
def role_update(*, role, user, **fields):
    require(can_manage_people(user))
    check_field_names(fields, ROLE_FIELDS)
    return update_record(role, fields)


@transaction.atomic
def role_delete(*, role, user):
    """Delete a role nobody ever held (a role with terms is kept: PROTECT)."""
    require(can_manage_people(user))
    delete_record(role)


@transaction.atomic
def role_assign(*, user, member, role, term_start, term_end=None, note=""):
    """Give a member a role for a term (open-ended without term_end)."""
    require(can_manage_people(user))
    return create_record(
        RoleAssignment,
        {"member": member, "role": role, "term_start": term_start, "term_end": term_end, "note": note},
    )


@transaction.atomic
def role_assignment_update(*, assignment, user, **fields):
    """Change a term, e.g. end it at the handover."""
    require(can_manage_people(user))
    check_field_names(fields, ASSIGNMENT_FIELDS)
    return update_record(assignment, fields)


@transaction.atomic
def role_assignment_delete(*, assignment, user):
    require(can_manage_people(user))
    delete_record(assignment)
