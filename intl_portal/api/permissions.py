"""Permission classes the API's viewsets share, built on members.permissions.

Who may do what through the API (the permission matrix, tested in one parametrised test in
tests/api/test_permission_matrix.py):

Roles: *anonymous* (not signed in); *outsider* (signed in, but no Member linked and not a
coordinator); *member* (a log-in linked to a Member); *coordinator* (group "coordinators" or
superuser); *approver* (group "budget approvers"; approvers are also members).

- Events and deadlines: anonymous visitors and outsiders read public events and their public
  deadlines only (internal notes, decision notes and reviews come back empty, goals and
  participants as empty lists); members read all; coordinators write.
- Goals, participations, action items, roles, role assignments, budgets, budget lines, rewards,
  swag items: members read; coordinators write. A participation for an inactive member is
  refused.
- Members: members read every member (a member's internal notes are shown to coordinators
  only); a member may change their own preferences (languages, language for messages, time
  zone, names, affiliation); everything else on a member, and creating or deleting one, is
  for coordinators.
- Ideas, contributions, ambassador enrolments and swag requests: members read and create them
  for themselves (the member / proposer / requester is always the caller); the author may
  change or delete their own while it is undecided (idea proposed, contribution submitted or
  returned, enrolment applied, swag request requested); coordinators change any. Whether an
  enrolment or a contribution is shown publicly is the member's consent, theirs to change at
  any time (members.permissions.can_change_enrolment / can_change_contribution).
- Contacts: members read; the e-mail and phone of a contact are shown only to coordinators and
  to the member who owns the relationship (others get empty strings); coordinators write.
- Expenses: a member sees only their own expenses and may submit one for themselves;
  coordinators and approvers see all; coordinators change and delete them.
- Exchange rates: members read; coordinators and approvers write.
- Swag requests: the postal address and phone are shown only to coordinators (who mail the
  swag: members.permissions.can_see_swag_address); members see only requests they made or
  receive (members.program.selectors.swag_requests_visible_to).
- Workflow transitions are POST actions on the object and call the service functions, which
  decide: budget submit (coordinators), approve / reject (approvers); expense approve / reject
  (approvers), mark reimbursed (approvers and coordinators); enrolment accept / reject,
  contribution accept / return, swag request approve / ship / reject (coordinators), swag
  request cancel (the requester or a coordinator). Approval fields
  (status, decided_by, decided_at, reviewed_by, points, …) are read-only everywhere else.
- API tokens: any signed-in user may create (or replace) and revoke their own token on
  /me/api-tokens/; a token acts with its user's rights.

Unauthenticated requests that need a log-in get 401 (with a WWW-Authenticate: Token header);
signed-in users without the right get 403; objects a role may not see are 404.
"""

from rest_framework.permissions import SAFE_METHODS, BasePermission

from members.permissions import is_coordinator, is_member


def _viewer(request):
    from members.permissions import viewer_of

    return viewer_of(request)


class MembersReadCoordinatorsWrite(BasePermission):
    """Signed-in members read; coordinators write."""

    def has_permission(self, request, view):
        if request.method in SAFE_METHODS:
            return is_member(request.user)
        return is_coordinator(request.user)


class PublicReadCoordinatorsWrite(BasePermission):
    """Anyone reads (the viewset shows non-members only what is public); coordinators write."""

    def has_permission(self, request, view):
        if request.method in SAFE_METHODS:
            return True
        return is_coordinator(request.user)


class MembersOnly(BasePermission):
    """Any member; used for workflow actions, whose service functions decide further."""

    def has_permission(self, request, view):
        return is_member(request.user)


class MembersReadAndCreateOwn(BasePermission):
    """Members read and create (for themselves); the author changes or deletes their own
    while the viewset's `owner_may_change(obj)` says it is still undecided; coordinators
    change anything."""

    def has_permission(self, request, view):
        return is_member(request.user)

    def has_object_permission(self, request, view, obj):
        if request.method in SAFE_METHODS:
            return True
        viewer = _viewer(request)
        if viewer.is_coordinator:
            return True
        return viewer.owns(view.owner_id(obj)) and view.owner_may_change(obj)


class MembersReadOwnProfileWrite(BasePermission):
    """Members read; a member changes their own record (the serializer limits which
    fields); coordinators create, change and delete any."""

    def has_permission(self, request, view):
        if request.method in SAFE_METHODS or request.method in ("PUT", "PATCH"):
            return is_member(request.user)
        return is_coordinator(request.user)

    def has_object_permission(self, request, view, obj):
        if request.method in SAFE_METHODS:
            return True
        viewer = _viewer(request)
        return viewer.is_coordinator or viewer.owns(obj.pk)
