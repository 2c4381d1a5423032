"""Which service every door calls to write members, roles and terms: one class per model,
mixed into its admin page, the inlines that edit its rows and its API viewset, so that
each door of a model makes the same calls. The hooks are the doors' protocol
(intl_portal.common.writes.ServiceWrites): service_create(request, data) → the new object,
service_update(request, obj, data) → the object, service_delete(request, obj); each is
one call to members.services, `request.user` is who acts. (The program's: program/writes.py.)"""

from intl_portal.common.writes import ServiceWrites

from .services import people, roles


class MemberWrites(ServiceWrites):
    """`data["login"]` is the member's own log-in (the `user` argument is who acts)."""

    def service_create(self, request, data):
        return people.member_create(user=request.user, **data)

    def service_update(self, request, obj, data):
        return people.member_update_profile(member=obj, user=request.user, **data)

    def service_delete(self, request, obj):
        people.member_delete(member=obj, user=request.user)


class RoleWrites(ServiceWrites):
    def service_create(self, request, data):
        return roles.role_create(user=request.user, **data)

    def service_update(self, request, obj, data):
        return roles.role_update(role=obj, user=request.user, **data)

    def service_delete(self, request, obj):
        roles.role_delete(role=obj, user=request.user)


class RoleAssignmentWrites(ServiceWrites):
    def service_create(self, request, data):
        return roles.role_assign(user=request.user, **data)

    def service_update(self, request, obj, data):
        return roles.role_assignment_update(assignment=obj, user=request.user, **data)

    def service_delete(self, request, obj):
        roles.role_assignment_delete(assignment=obj, user=request.user)
