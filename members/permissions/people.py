"""Members and their records: who may change a member, and which fields of their own."""

from .roles import is_coordinator, member_of

# What a member may change on their own record; everything else on a member is for coordinators.
MEMBER_OWN_FIELDS = frozenset(
    {"name_zh", "name_en", "affiliation", "languages", "preferred_language", "timezone"}
)


def is_own(user, member_id):
    """The member id is the user's own member."""
    own = member_of(user)
    return own is not None and member_id is not None and own.pk == member_id


def can_act_for(user, member):
    """The user is this member, or a coordinator acting for them (an application, a
    contribution, a certificate, a profile)."""
    return is_coordinator(user) or (member is not None and is_own(user, member.pk))


def can_manage_people(user):
    """Create and delete members, roles and role assignments; change any field of a member."""
    return is_coordinator(user)


def can_see_certificate(user, member):
    """A member's certificate and program record: the member themself and coordinators."""
    return can_act_for(user, member)


def can_see_member_notes(user, member):
    """A member's internal notes are for coordinators."""
    return can_manage_people(user)


def can_change_member(user, member):
    """Change something on this member: their own record, or anyone's for a coordinator."""
    return can_act_for(user, member)


def can_change_member_field(user, member, field):
    """A member changes only their own preferences and names (MEMBER_OWN_FIELDS)."""
    return can_manage_people(user) or (is_own(user, member.pk) and field in MEMBER_OWN_FIELDS)
