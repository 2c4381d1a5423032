"""The ambassador program: enrolments, contributions, swag requests and their addresses."""

from .people import is_own
from .roles import is_coordinator

# Whether an enrolment or a contribution is shown on the public page is the member's consent:
# theirs to give or withdraw at any time, even once the record is decided.
CONSENT_FIELDS = frozenset({"show_publicly"})


def can_manage_program(user):
    """Coordinators run the program: decide enrolments, review contributions, give rewards,
    keep the swag stock and catalogue, decide and ship swag requests."""
    return is_coordinator(user)


def can_review_contribution(user, contribution):
    """A coordinator reviews other people's contributions, never their own."""
    return can_manage_program(user) and not is_own(user, contribution.member_id)


def _only_consent(fields):
    return fields is not None and set(fields) <= CONSENT_FIELDS


def can_change_enrolment(user, enrolment, fields=None):
    """Coordinators change any enrolment; the member changes (or withdraws) their application
    until it is decided, and their consent (`fields` only CONSENT_FIELDS) at any time."""
    if can_manage_program(user):
        return True
    if not is_own(user, enrolment.member_id):
        return False
    return _only_consent(fields) or enrolment.status == "applied"


def can_change_contribution(user, contribution, fields=None):
    """Coordinators correct any contribution; the author edits (or withdraws) theirs until it
    is accepted, and their consent (`fields` only CONSENT_FIELDS) at any time."""
    if can_manage_program(user):
        return True
    if not is_own(user, contribution.member_id):
        return False
    return _only_consent(fields) or contribution.status != "accepted"


def can_change_swag_request(user, swag_request):
    """Coordinators change any request; the requester changes or deletes theirs while it is
    new (not yet decided)."""
    if can_manage_program(user):
        return True
    return is_own(user, swag_request.requested_by_id) and swag_request.status == "requested"


def can_cancel_swag_request(user, swag_request):
    """The requester, or a coordinator, withdraws a request (the service checks it has not shipped)."""
    return can_manage_program(user) or is_own(user, swag_request.requested_by_id)


def can_see_swag_address(user, swag_request):
    """A postal address and phone are for the coordinators who mail the swag only (the
    request form says so to whoever types them in); requester and recipient see neither."""
    return can_manage_program(user)
