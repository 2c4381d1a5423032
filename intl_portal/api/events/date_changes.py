"""REST API for members' requests for an event's other dates: members read them and ask
(POST, for themselves), withdraw their own while it waits (DELETE); coordinators accept or
decline (POST …/<id>/accept/, …/decline/). Every write is one call to events.services."""

from drf_spectacular.utils import extend_schema
from rest_framework import serializers
from rest_framework.decorators import action

from events import services
from events.models import DateChangeRequest, Event
from events.models.date_change import DATE_FIELDS
from events.writes import DateChangeRequestWrites
from intl_portal.api.base import PortalViewSet
from intl_portal.api.permissions import MembersOnly

from .actions import ReasonSerializer


class DateChangeRequestSerializer(serializers.ModelSerializer):
    """The dates asked for (the same fields as a proposal's), why, and the answer."""

    event = serializers.PrimaryKeyRelatedField(queryset=Event.objects.all())
    requested_dates_display = serializers.SerializerMethodField()

    class Meta:
        model = DateChangeRequest
        fields = [
            "id",
            "event",
            *DATE_FIELDS,
            "reason",
            "requested_dates_display",
            "requested_by",
            "status",
            "answer",
            "decided_by",
            "decided_at",
            "created_at",
        ]
        read_only_fields = ["requested_by", "status", "answer", "decided_by", "decided_at", "created_at"]

    def get_validators(self):
        return []  # the service checks the dates, the event and the one open request

    def get_requested_dates_display(self, obj) -> str:
        return obj.requested_dates.when_display


class DateChangeRequestViewSet(DateChangeRequestWrites, PortalViewSet):
    queryset = DateChangeRequest.objects.select_related("event", "requested_by")
    serializer_class = DateChangeRequestSerializer
    permission_classes = [MembersOnly]
    http_method_names = ["get", "post", "delete", "head", "options"]
    filterset_fields = ["event", "status", "requested_by"]
    ordering_fields = ["created_at"]
    transition_argument = "date_change"

    @extend_schema(request=ReasonSerializer, responses=DateChangeRequestSerializer)
    @action(detail=True, methods=["post"], permission_classes=[MembersOnly])
    def accept(self, request, pk=None):
        """The event takes the requested dates (its SEQUENCE rises as on any date edit)."""
        data = self.action_data(ReasonSerializer)
        return self.run_transition(services.date_change_accept, reason=data["reason"])

    @extend_schema(request=ReasonSerializer, responses=DateChangeRequestSerializer)
    @action(detail=True, methods=["post"], permission_classes=[MembersOnly])
    def decline(self, request, pk=None):
        """Declined with a reason the member sees."""
        data = self.action_data(ReasonSerializer)
        return self.run_transition(services.date_change_decline, reason=data["reason"])
