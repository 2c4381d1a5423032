"""REST API of the ambassador program: enrolments, contributions, rewards, swag items and
requests. Every write calls members.program.services: creates, updates and deletes
(the hooks of intl_portal.api.base.PortalViewSet) and the workflow actions (POST …/<id>/accept/ and
the like). Who may do what: intl_portal/api/permissions.py and members.permissions."""

from django.db.models import Prefetch
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
)
from members.models import Contribution, Enrolment, Reward, SwagItem, SwagVariant
from members.permissions import can_change_contribution, can_change_enrolment, can_change_swag_request
from members.program import selectors, services
from members.program.writes import (
    ContributionWrites,
    EnrolmentWrites,
    RewardWrites,
    SwagItemWrites,
    SwagRequestWrites,
)

from . import filters, serializers


class EnrolmentViewSet(EnrolmentWrites, PortalViewSet):
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
        return can_change_enrolment(self.request.user, enrolment, fields=self.body_fields())

    @extend_schema(request=None, responses=serializers.EnrolmentSerializer)
    @action(detail=True, methods=["post"], permission_classes=[MembersOnly])
    def accept(self, request, pk=None):
        return self.run_transition(services.enrolment_accept)

    @extend_schema(request=NoteSerializer, responses=serializers.EnrolmentSerializer)
    @action(detail=True, methods=["post"], permission_classes=[MembersOnly])
    def reject(self, request, pk=None):
        data = self.action_data(NoteSerializer)
        return self.run_transition(services.enrolment_reject, note=data["note"])


class ContributionViewSet(ContributionWrites, PortalViewSet):
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
        return can_change_contribution(self.request.user, contribution, fields=self.body_fields())

    @extend_schema(request=NoteSerializer, responses=serializers.ContributionSerializer)
    @action(detail=True, methods=["post"], permission_classes=[MembersOnly])
    def accept(self, request, pk=None):
        data = self.action_data(NoteSerializer)
        return self.run_transition(services.contribution_accept, note=data["note"])

    @extend_schema(request=RequiredNoteSerializer, responses=serializers.ContributionSerializer)
    @action(detail=True, methods=["post"], url_path="return", permission_classes=[MembersOnly])
    def return_(self, request, pk=None):
        data = self.action_data(RequiredNoteSerializer)
        return self.run_transition(services.contribution_return, note=data["note"])


class RewardViewSet(RewardWrites, PortalViewSet):
    """Thanks given to a member; a reward for a contribution is for its author."""

    queryset = Reward.objects.all()
    serializer_class = serializers.RewardSerializer
    permission_classes = [MembersReadCoordinatorsWrite]
    filterset_class = filters.RewardFilter
    search_fields = ["title", "description", "member__display_name"]
    ordering_fields = ["awarded_at", "kind"]


class SwagItemViewSet(SwagItemWrites, PortalViewSet):
    queryset = SwagItem.objects.prefetch_related(
        Prefetch("variants", queryset=SwagVariant.objects.order_by("label"))
    )
    serializer_class = serializers.SwagItemSerializer
    permission_classes = [MembersReadCoordinatorsWrite]
    filterset_fields = ["active"]
    search_fields = ["name_en", "name_zh", "description"]
    ordering_fields = ["name_en"]


class SwagRequestViewSet(SwagRequestWrites, PortalViewSet):
    serializer_class = serializers.SwagRequestSerializer
    permission_classes = [MembersReadAndCreateOwn]
    filterset_class = filters.SwagRequestFilter
    search_fields = ["recipient_name", "note"]
    ordering_fields = ["created_at", "status"]
    transition_argument = "request"

    def get_queryset(self):
        return selectors.swag_requests_visible_to(self.request.user)

    def owner_id(self, request):
        return request.requested_by_id

    def owner_may_change(self, request):
        return can_change_swag_request(self.request.user, request)

    @extend_schema(request=None, responses=serializers.SwagRequestSerializer)
    @action(detail=True, methods=["post"], permission_classes=[MembersOnly])
    def approve(self, request, pk=None):
        return self.run_transition(services.swag_request_approve)

    @extend_schema(request=TrackingNoteSerializer, responses=serializers.SwagRequestSerializer)
    @action(detail=True, methods=["post"], permission_classes=[MembersOnly])
    def ship(self, request, pk=None):
        data = self.action_data(TrackingNoteSerializer)
        return self.run_transition(services.swag_request_ship, tracking_note=data["tracking_note"])

    @extend_schema(request=NoteSerializer, responses=serializers.SwagRequestSerializer)
    @action(detail=True, methods=["post"], permission_classes=[MembersOnly])
    def reject(self, request, pk=None):
        data = self.action_data(NoteSerializer)
        return self.run_transition(services.swag_request_reject, note=data["note"])

    @extend_schema(request=None, responses=serializers.SwagRequestSerializer)
    @action(detail=True, methods=["post"], permission_classes=[MembersOnly])
    def cancel(self, request, pk=None):
        return self.run_transition(services.swag_request_cancel)
