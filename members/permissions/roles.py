"""Who someone is: coordinator, approver, member (the groups and the linked Member), the
operator acting from a management command, and the per-request Viewer the others build on."""

from ..groups import APPROVERS, COORDINATORS


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


class Operator:
    """The portal acting for the operator who runs a management command on the server (the
    demo loader): it may do what a coordinator may. It is no log-in: never a request's
    user, no row in the database, nobody to record in a history (pk None)."""

    is_authenticated = True
    is_active = True
    is_staff = False
    is_superuser = False
    pk = id = None
    username = "operator"
    _portal_group_names = frozenset({COORDINATORS})  # what _in_group reads

    def __str__(self):
        return self.username


OPERATOR = Operator()


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
