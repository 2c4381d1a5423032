"""REST API for members, roles and role assignments: writes call members.services (people,
roles); who may do what is in intl_portal/api/permissions.py. The ambassador program is in
intl_portal/api/program/."""

from intl_portal.api.base import PortalViewSet
from intl_portal.api.permissions import MembersReadCoordinatorsWrite, MembersReadOwnProfileWrite
from members.models import Member, Role, RoleAssignment
from members.writes import MemberWrites, RoleAssignmentWrites, RoleWrites

from . import filters, serializers


class MemberViewSet(MemberWrites, PortalViewSet):
    queryset = Member.objects.all()
    serializer_class = serializers.MemberSerializer
    permission_classes = [MembersReadOwnProfileWrite]
    filterset_class = filters.MemberFilter
    search_fields = ["display_name", "name_zh", "name_en", "affiliation"]
    ordering_fields = ["display_name", "created_at"]


class RoleViewSet(RoleWrites, PortalViewSet):
    queryset = Role.objects.all()
    serializer_class = serializers.RoleSerializer
    permission_classes = [MembersReadCoordinatorsWrite]
    search_fields = ["slug", "name_en", "name_zh"]
    ordering_fields = ["slug", "name_en"]


class RoleAssignmentViewSet(RoleAssignmentWrites, PortalViewSet):
    queryset = RoleAssignment.objects.all()
    serializer_class = serializers.RoleAssignmentSerializer
    permission_classes = [MembersReadCoordinatorsWrite]
    filterset_class = filters.RoleAssignmentFilter
    search_fields = ["member__display_name", "role__name_en", "note"]
    ordering_fields = ["term_start", "term_end"]
