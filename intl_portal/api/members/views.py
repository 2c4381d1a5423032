"""REST API for members, roles and role assignments: writes call members.services (people,
roles); who may do what is in intl_portal/api/permissions.py. The ambassador program is in
intl_portal/api/program/."""

from intl_portal.api.base import PortalViewSet
from intl_portal.api.permissions import MembersReadCoordinatorsWrite, MembersReadOwnProfileWrite
from members.models import Member, Role, RoleAssignment
from members.services import people, roles

from . import filters, serializers


class MemberViewSet(PortalViewSet):
    queryset = Member.objects.all()
    serializer_class = serializers.MemberSerializer
    permission_classes = [MembersReadOwnProfileWrite]
    filterset_class = filters.MemberFilter
    search_fields = ["display_name", "name_zh", "name_en", "affiliation"]
    ordering_fields = ["display_name", "created_at"]

    def service_create(self, data):
        return people.member_create(user=self.request.user, **data)

    def service_update(self, member, data):
        return people.member_update_profile(member=member, user=self.request.user, **data)

    def service_delete(self, member):
        people.member_delete(member=member, user=self.request.user)


class RoleViewSet(PortalViewSet):
    queryset = Role.objects.all()
    serializer_class = serializers.RoleSerializer
    permission_classes = [MembersReadCoordinatorsWrite]
    search_fields = ["slug", "name_en", "name_zh"]
    ordering_fields = ["slug", "name_en"]

    def service_create(self, data):
        return roles.role_create(user=self.request.user, **data)

    def service_update(self, role, data):
        return roles.role_update(role=role, user=self.request.user, **data)

    def service_delete(self, role):
        roles.role_delete(role=role, user=self.request.user)


class RoleAssignmentViewSet(PortalViewSet):
    queryset = RoleAssignment.objects.all()
    serializer_class = serializers.RoleAssignmentSerializer
    permission_classes = [MembersReadCoordinatorsWrite]
    filterset_class = filters.RoleAssignmentFilter
    search_fields = ["member__display_name", "role__name_en", "note"]
    ordering_fields = ["term_start", "term_end"]

    def service_create(self, data):
        return roles.role_assign(user=self.request.user, **data)

    def service_update(self, assignment, data):
        return roles.role_assignment_update(assignment=assignment, user=self.request.user, **data)

    def service_delete(self, assignment):
        roles.role_assignment_delete(assignment=assignment, user=self.request.user)
