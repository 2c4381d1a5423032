"""Who may do what: the standing permission groups and the checks every caller shares.

Coordinators work in Django admin (they are staff and in the "coordinators" group);
approvers (executive committee / council) decide budgets and expenses; members are
users linked to a Member; everyone else is an outsider.
"""

from django.contrib.auth.models import Group, Permission

COORDINATORS = "coordinators"
APPROVERS = "budget approvers"

# Apps whose every model coordinators may add, change, delete and view.
COORDINATOR_APPS = ("events", "members", "budget")
APPROVER_APPS = ("budget",)


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


def ensure_standard_groups(**kwargs):
    """Create the standard groups with their model permissions (run after every migrate)."""
    coordinators, _ = Group.objects.get_or_create(name=COORDINATORS)
    coordinators.permissions.set(Permission.objects.filter(content_type__app_label__in=COORDINATOR_APPS))
    approvers, _ = Group.objects.get_or_create(name=APPROVERS)
    approvers.permissions.set(Permission.objects.filter(content_type__app_label__in=APPROVER_APPS))
