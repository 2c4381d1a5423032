"""Who may write on the events' admin pages and inline rows: whom
members.permissions.can_manage_events allows (the same predicate as the site's triage and
the API)."""

from members.permissions import can_manage_events


class ManagedByEventCoordinators:
    """Mixed into the events' ServiceAdmins and ServiceInlines (their signatures differ only
    by the inline's `obj`)."""

    def has_add_permission(self, request, obj=None):
        return can_manage_events(request.user)

    def has_change_permission(self, request, obj=None):
        return can_manage_events(request.user)

    def has_delete_permission(self, request, obj=None):
        return can_manage_events(request.user)
