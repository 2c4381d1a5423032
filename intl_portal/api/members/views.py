"""REST API for members, roles and role assignments: writes call members.services (people,
roles); who may do what is in intl_portal/api/permissions.py. The ambassador program is in
intl_portal/api/program/."""

from intl_portal.api.permissions import MembersReadCoordinatorsWrite, MembersReadOwnProfileWrite
from intl_portal.api.writes import ServiceViewSet
from members.models import Member, Role, RoleAssignment
from members.services import people, roles

from . import filters, serializers


class MemberViewSet(ServiceViewSet):
    queryset = Member.objects.all()
    serializer_class = serializers.MemberSerializer
    permission_classes = [MembersReadOwnProfileWrite]
    filterset_class = filters.MemberFilter
    search_fields = ["display_name", "name_zh", "name_en", "affiliation"]
    ordering_fields = ["display_name", "created_at"]
    transition_argument = "member"
    writes = {
        "create": people.member_create,
        "update": people.member_update_profile,
        "destroy": people.member_delete,
    }


class RoleViewSet(ServiceViewSet):
    queryset = Role.objects.all()
    serializer_class = serializers.RoleSerializer
    permission_classes = [MembersReadCoordinatorsWrite]
    search_fields = ["slug", "name_en", "name_zh"]
    ordering_fields = ["slug", "name_en"]
    transition_argument = "role"
    writes = {"create": roles.role_create, "update": roles.role_update, "destroy": roles.role_delete}


class RoleAssignmentViewSet(ServiceViewSet):
    queryset = RoleAssignment.objects.all()
    serializer_class = serializers.RoleAssignmentSerializer
    permission_classes = [MembersReadCoordinatorsWrite]
    filterset_class = filters.RoleAssignmentFilter
    search_fields = ["member__display_name", "role__name_en", "note"]
    ordering_fields = ["term_start", "term_end"]
    transition_argument = "assignment"
    writes = {
        "create": roles.role_assign,
        "update": roles.role_assignment_update,
        "destroy": roles.role_assignment_delete,
    }
