"""The travel API: the requirement table (members read, coordinators write through
events.travel.services) and trips' steps (the traveller's own, or every trip's for
coordinators; a step's state changes by POST …/<id>/state/)."""

from django_countries.serializers import CountryFieldMixin
from drf_spectacular.utils import extend_schema
from rest_framework import mixins, serializers, viewsets
from rest_framework.decorators import action

from events.models import TravelRequirement, TravelStep
from events.travel import services
from events.travel.selectors import steps_visible_to
from events.travel.writes import TravelRequirementWrites
from intl_portal.api.base import PortalModelSerializer, PortalViewSet
from intl_portal.api.permissions import MembersOnly, MembersReadCoordinatorsWrite


class TravelRequirementSerializer(CountryFieldMixin, PortalModelSerializer):
    class Meta:
        model = TravelRequirement
        fields = [
            "id",
            "passport",
            "destination",
            "kind",
            "visa_free_days",
            "lead_time_days",
            "notes",
            "source",
            "source_date",
            "edited_by_coordinator",
            "updated_at",
        ]
        read_only_fields = ["source", "source_date", "edited_by_coordinator", "updated_at"]


class TravelRequirementViewSet(TravelRequirementWrites, PortalViewSet):
    queryset = TravelRequirement.objects.all()
    serializer_class = TravelRequirementSerializer
    permission_classes = [MembersReadCoordinatorsWrite]
    filterset_fields = ["passport", "destination", "kind"]
    search_fields = ["notes"]
    ordering_fields = ["passport", "destination", "lead_time_days"]


class TravelStepSerializer(serializers.ModelSerializer):
    event = serializers.IntegerField(source="participation.event_id", read_only=True)
    member = serializers.IntegerField(source="participation.member_id", read_only=True)

    class Meta:
        model = TravelStep
        fields = [
            "id",
            "participation",
            "event",
            "member",
            "kind",
            "owner",
            "state",
            "due_date",
            "due_at",
            "note",
        ]
        read_only_fields = fields


class StepStateSerializer(serializers.Serializer):
    state = serializers.ChoiceField(choices=TravelStep.State.choices)


class TravelStepViewSet(mixins.ListModelMixin, mixins.RetrieveModelMixin, viewsets.GenericViewSet):
    """Steps of the trips the caller may see: their own, or all for coordinators."""

    serializer_class = TravelStepSerializer
    permission_classes = [MembersOnly]
    authentication_classes = PortalViewSet.authentication_classes
    filter_backends = PortalViewSet.filter_backends
    filterset_fields = ["participation", "state", "owner", "kind"]
    search_fields = ["participation__event__name"]
    ordering_fields = ["due_date", "state"]
    transition_argument = "step"
    get_exception_handler = PortalViewSet.get_exception_handler
    viewer = PortalViewSet.viewer
    run_transition = PortalViewSet.run_transition
    action_data = PortalViewSet.action_data

    def get_serializer_context(self):
        return {**super().get_serializer_context(), "viewer": self.viewer}

    def get_queryset(self):
        return steps_visible_to(user=self.request.user)

    @extend_schema(request=StepStateSerializer, responses=TravelStepSerializer)
    @action(detail=True, methods=["post"])
    def state(self, request, pk=None):
        data = self.action_data(StepStateSerializer)
        return self.run_transition(services.travel_step_set_state, state=data["state"])
