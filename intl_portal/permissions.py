"""Permission classes the API's viewsets share, built on members.roles."""

from rest_framework.permissions import SAFE_METHODS, BasePermission

from members.roles import is_approver, is_coordinator, is_member


class MembersReadCoordinatorsWrite(BasePermission):
    """Signed-in members read; coordinators write."""

    def has_permission(self, request, view):
        if request.method in SAFE_METHODS:
            return is_member(request.user)
        return is_coordinator(request.user)


class CoordinatorsOnly(BasePermission):
    def has_permission(self, request, view):
        return is_coordinator(request.user)


class MembersReadApproversWrite(BasePermission):
    """Signed-in members read; budget approvers and coordinators write."""

    def has_permission(self, request, view):
        if request.method in SAFE_METHODS:
            return is_member(request.user)
        return is_coordinator(request.user) or is_approver(request.user)
