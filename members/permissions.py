"""Who may do what: the one module of permission predicates.

Services, views, templates (through the `can` context), admin and the API's permission
classes all ask these functions; none of them restates a role check.

Roles: coordinators work on the site and in Django admin (staff, group "coordinators");
approvers (executive committee / council, group "budget approvers") decide budgets and
expenses; members are users linked to a Member; everyone else is an outsider.

Predicates take the user first and, for a question about one object, the object; they
read only what is on the objects given (no queries beyond the user's groups, cached on
the user), so a template or a list may call them per row.
"""

from .groups import APPROVERS, COORDINATORS


def _in_group(user, name):
    if not user or not user.is_authenticated:
        return False
    cache = getattr(user, "_portal_group_names", None)
    if cache is None:
        cache = set(user.groups.values_list("name", flat=True))
        user._portal_group_names = cache
    return name in cache


def is_coordinator(user):
    return bool(user and user.is_authenticated and (user.is_superuser or _in_group(user, COORDINATORS)))


def is_approver(user):
    return bool(user and user.is_authenticated and (user.is_superuser or _in_group(user, APPROVERS)))


def member_of(user):
    """The Member linked to a user, or None (anonymous users and log-ins without a person)."""
    if not user or not user.is_authenticated:
        return None
    try:
        return user.member
    except AttributeError:
        return None
    except user.__class__.member.RelatedObjectDoesNotExist:
        return None


def is_member(user):
    return member_of(user) is not None or is_coordinator(user)


class Viewer:
    """Who is asking, computed once per request: the roles the pages, serializers and
    permission classes look at."""

    def __init__(self, user):
        self.user = user
        self.member = member_of(user)
        self.is_coordinator = is_coordinator(user)
        self.is_approver = is_approver(user)
        self.is_member = self.member is not None or self.is_coordinator

    def owns(self, member_id):
        return self.member is not None and member_id == self.member.pk


def viewer_of(request):
    """The request's Viewer, computed once (the API and the pages share it)."""
    viewer = getattr(request, "_portal_viewer", None)
    if viewer is None or viewer.user is not request.user:
        viewer = Viewer(request.user)
        request._portal_viewer = viewer
    return viewer
