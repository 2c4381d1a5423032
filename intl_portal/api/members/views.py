"""REST API for members, roles and the ambassador program. Workflow transitions are POST
actions that call members.services.program; see intl_portal/permissions.py for who may."""

from django.db.models import Prefetch, Q
from drf_spectacular.utils import extend_schema
from rest_framework.decorators import action

from intl_portal.api.base import (
    NoteSerializer,
    PortalViewSet,
    RequiredNoteSerializer,
    TrackingNoteSerializer,
)
from intl_portal.api.permissions import (
    MembersOnly,
    MembersReadAndCreateOwn,
    MembersReadCoordinatorsWrite,
    MembersReadOwnProfileWrite,
)
from members.models import (
    Contribution,
    Enrolment,
    Member,
    Reward,
    Role,
    RoleAssignment,
    SwagItem,
    SwagRequest,
    SwagVariant,
)
from members.services import program

from . import filters, serializers


class MemberViewSet(PortalViewSet):
    queryset = Member.objects.all()
    serializer_class = serializers.MemberSerializer
    permission_classes = [MembersReadOwnProfileWrite]
    filterset_class = filters.MemberFilter
    search_fields = ["display_name", "name_zh", "name_en", "affiliation"]
    ordering_fields = ["display_name", "created_at"]


class RoleViewSet(PortalViewSet):
    queryset = Role.objects.all()
    serializer_class = serializers.RoleSerializer
    permission_classes = [MembersReadCoordinatorsWrite]
    search_fields = ["slug", "name_en", "name_zh"]
    ordering_fields = ["slug", "name_en"]


class RoleAssignmentViewSet(PortalViewSet):
    queryset = RoleAssignment.objects.all()
    serializer_class = serializers.RoleAssignmentSerializer
    permission_classes = [MembersReadCoordinatorsWrite]
    filterset_class = filters.RoleAssignmentFilter
    search_fields = ["member__display_name", "role__name_en", "note"]
    ordering_fields = ["term_start", "term_end"]


class EnrolmentViewSet(PortalViewSet):
    """Ambassadors and translators: enrolments in the program."""

    queryset = Enrolment.objects.all()
    serializer_class = serializers.EnrolmentSerializer
    permission_classes = [MembersReadAndCreateOwn]
    filterset_class = filters.EnrolmentFilter
    search_fields = ["member__display_name", "region", "language_pair"]
    ordering_fields = ["created_at", "term_start", "status"]
    transition_argument = "enrolment"

    def owner_id(self, enrolment):
        return enrolment.member_id

    def owner_may_change(self, enrolment):
        return enrolment.status == Enrolment.Status.APPLIED

    @extend_schema(request=None, responses=serializers.EnrolmentSerializer)
    @action(detail=True, methods=["post"], permission_classes=[MembersOnly])
    def accept(self, request, pk=None):
        return self.run_transition(program.enrolment_accept)

    @extend_schema(request=NoteSerializer, responses=serializers.EnrolmentSerializer)
    @action(detail=True, methods=["post"], permission_classes=[MembersOnly])
    def reject(self, request, pk=None):
        data = self.action_data(NoteSerializer)
        return self.run_transition(program.enrolment_reject, note=data["note"])


class ContributionViewSet(PortalViewSet):
    queryset = Contribution.objects.all()
    serializer_class = serializers.ContributionSerializer
    permission_classes = [MembersReadAndCreateOwn]
    filterset_class = filters.ContributionFilter
    search_fields = ["title_zh", "title_en", "member__display_name"]
    ordering_fields = ["created_at", "points", "status"]
    transition_argument = "contribution"

    def owner_id(self, contribution):
        return contribution.member_id

    def owner_may_change(self, contribution):
        return contribution.status in (Contribution.Status.SUBMITTED, Contribution.Status.RETURNED)

    def perform_create(self, serializer):
        fields = dict(serializer.validated_data)
        serializer.instance = program.contribution_submit(
            member=fields.pop("member"), user=self.request.user, **fields
        )

    def perform_update(self, serializer):
        # The service holds the rule that an edited, returned contribution is resubmitted.
        fields = {name: value for name, value in serializer.validated_data.items() if name != "member"}
        program.contribution_update(contribution=serializer.instance, user=self.request.user, **fields)

    @extend_schema(request=NoteSerializer, responses=serializers.ContributionSerializer)
    @action(detail=True, methods=["post"], permission_classes=[MembersOnly])
    def accept(self, request, pk=None):
        data = self.action_data(NoteSerializer)
        return self.run_transition(program.contribution_accept, note=data["note"])

    @extend_schema(request=RequiredNoteSerializer, responses=serializers.ContributionSerializer)
    @action(detail=True, methods=["post"], url_path="return", permission_classes=[MembersOnly])
    def return_(self, request, pk=None):
        data = self.action_data(RequiredNoteSerializer)
        return self.run_transition(program.contribution_return, note=data["note"])


class RewardViewSet(PortalViewSet):
    queryset = Reward.objects.all()
    serializer_class = serializers.RewardSerializer
    permission_classes = [MembersReadCoordinatorsWrite]
    filterset_class = filters.RewardFilter
    search_fields = ["title", "description", "member__display_name"]
    ordering_fields = ["awarded_at", "kind"]


class SwagItemViewSet(PortalViewSet):
    queryset = SwagItem.objects.prefetch_related(
        Prefetch("variants", queryset=SwagVariant.objects.order_by("label"))
    )
    serializer_class = serializers.SwagItemSerializer
    permission_classes = [MembersReadCoordinatorsWrite]
    filterset_fields = ["active"]
    search_fields = ["name_en", "name_zh", "description"]
    ordering_fields = ["name_en"]


class SwagRequestViewSet(PortalViewSet):
    serializer_class = serializers.SwagRequestSerializer
    permission_classes = [MembersReadAndCreateOwn]
    filterset_class = filters.SwagRequestFilter
    search_fields = ["recipient_name", "note"]
    ordering_fields = ["created_at", "status"]
    transition_argument = "request"

    def get_queryset(self):
        requests = SwagRequest.objects.prefetch_related("lines")
        viewer = self.viewer
        if viewer.is_coordinator:
            return requests
        if viewer.member is None:
            return requests.none()
        return requests.filter(Q(requested_by=viewer.member) | Q(recipient=viewer.member))

    def owner_id(self, request):
        return request.requested_by_id

    def owner_may_change(self, request):
        return request.status == SwagRequest.Status.REQUESTED

    @extend_schema(request=None, responses=serializers.SwagRequestSerializer)
    @action(detail=True, methods=["post"], permission_classes=[MembersOnly])
    def approve(self, request, pk=None):
        return self.run_transition(program.swag_request_approve)

    @extend_schema(request=TrackingNoteSerializer, responses=serializers.SwagRequestSerializer)
    @action(detail=True, methods=["post"], permission_classes=[MembersOnly])
    def ship(self, request, pk=None):
        data = self.action_data(TrackingNoteSerializer)
        return self.run_transition(program.swag_request_ship, tracking_note=data["tracking_note"])
