"""The standing permission groups, created with their model permissions after every migrate."""

from django.contrib.auth.models import Group, Permission

COORDINATORS = "coordinators"
APPROVERS = "budget approvers"

# Apps whose every model coordinators may add, change, delete and view.
COORDINATOR_APPS = ("events", "members", "budget")
APPROVER_APPS = ("budget",)


def ensure_standard_groups(**kwargs):
    """Create the standard groups with their model permissions (run after every migrate)."""
    coordinators, _ = Group.objects.get_or_create(name=COORDINATORS)
    coordinators.permissions.set(Permission.objects.filter(content_type__app_label__in=COORDINATOR_APPS))
    approvers, _ = Group.objects.get_or_create(name=APPROVERS)
    approvers.permissions.set(Permission.objects.filter(content_type__app_label__in=APPROVER_APPS))
