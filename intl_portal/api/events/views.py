"""REST API for events, deadlines, goals, participations, action items, ideas and contacts.

Reads start from events.selectors (visitors who are not members see the public window:
public events and their public deadlines); every write calls events.services through the
hooks of PortalViewSet, and the service decides (a refusal is a 400, or a 403 for a role
that may not). See
intl_portal/api/permissions.py for the whole permission model."""

from django.db import transaction
from django.db.models import Prefetch
from drf_spectacular.utils import extend_schema
from rest_framework import status
from rest_framework.decorators import action
from rest_framework.permissions import SAFE_METHODS
from rest_framework.response import Response

from events import services
from events.models import ActionItem, Contact, Event, Goal, Idea, Participation, Tag
from events.selectors import deadlines_visible_to, events_visible_to
from events.writes import (
    ActionItemWrites,
    ContactWrites,
    DeadlineWrites,
    EventWrites,
    GoalWrites,
    IdeaWrites,
    ParticipationWrites,
    TagWrites,
)
from intl_portal.api.base import PortalViewSet
from intl_portal.api.permissions import (
    MembersOnly,
    MembersReadCoordinatorsWrite,
    PublicReadCoordinatorsWrite,
)
from members.permissions import can_change_idea, can_see_internal_events

from . import actions, deadlines, filters, serializers


class TagViewSet(TagWrites, PortalViewSet):
    queryset = Tag.objects.all()
    serializer_class = serializers.TagSerializer
    permission_classes = [PublicReadCoordinatorsWrite]
    search_fields = ["slug", "name_en", "name_zh"]
    ordering_fields = ["slug", "name_en"]


class EventViewSet(EventWrites, PortalViewSet):
    serializer_class = serializers.EventSerializer
    permission_classes = [PublicReadCoordinatorsWrite]
    filterset_class = filters.EventFilter
    search_fields = ["name", "series", "organizer", "city", "venue", "description"]
    ordering_fields = ["start_date", "end_date", "name", "priority", "status", "created_at"]

    def get_queryset(self):
        user = self.request.user
        events = events_visible_to(user=user).prefetch_related(
            "tags", Prefetch("deadlines", queryset=deadlines_visible_to(user=user))
        )
        if not can_see_internal_events(user):
            # Alternatives, goals and participants are internal: shown empty, never read.
            return events.prefetch_related(Prefetch("alternatives", queryset=Event.objects.none()))
        return events.prefetch_related(
            "alternatives",
            "goals",
            Prefetch("participations", queryset=Participation.objects.select_related("member")),
        )

    transition_argument = "event"

    @extend_schema(request=serializers.EventProposalSerializer, responses=serializers.EventSerializer)
    @action(detail=False, methods=["post"], permission_classes=[MembersOnly])
    def propose(self, request):
        """A member proposes an event: it enters as an idea, with them as proposer."""
        data = self.action_data(serializers.EventProposalSerializer)
        goals = data.pop("goals", [])
        with transaction.atomic():
            event = services.event_propose(user=request.user, goals=goals, **data)
        event = self.get_queryset().get(pk=event.pk)
        return Response(self.get_serializer(event).data, status=status.HTTP_201_CREATED)

    @extend_schema(request=actions.ReasonSerializer, responses=serializers.EventSerializer)
    @action(detail=True, methods=["post"], permission_classes=[MembersOnly])
    def accept(self, request, pk=None):
        data = self.action_data(actions.ReasonSerializer)
        return self.run_transition(services.event_proposal_accept, reason=data["reason"])

    @extend_schema(request=actions.ReasonSerializer, responses=serializers.EventSerializer)
    @action(detail=True, methods=["post"], permission_classes=[MembersOnly])
    def decline(self, request, pk=None):
        data = self.action_data(actions.ReasonSerializer)
        return self.run_transition(services.event_proposal_decline, reason=data["reason"])

    @extend_schema(request=actions.MergeSerializer, responses=serializers.EventSerializer)
    @action(detail=True, methods=["post"], permission_classes=[MembersOnly])
    def merge(self, request, pk=None):
        data = self.action_data(actions.MergeSerializer)
        return self.run_transition(services.event_proposal_merge, into=data["into"], reason=data["reason"])

    @extend_schema(request=actions.VolunteerSerializer, responses=serializers.ParticipationSerializer)
    @action(detail=True, methods=["post"], permission_classes=[MembersOnly])
    def volunteer(self, request, pk=None):
        """Offer to go in a role: a proposed participation of one's own."""
        event = self.get_object()
        data = self.action_data(actions.VolunteerSerializer)
        with transaction.atomic():
            participation = services.participation_volunteer(user=request.user, event=event, **data)
        body = serializers.ParticipationSerializer(participation, context=self.get_serializer_context()).data
        return Response(body, status=status.HTTP_201_CREATED)

    @extend_schema(request=None, responses=serializers.EventSerializer)
    @action(detail=True, methods=["post"], url_path="confirm-dates", permission_classes=[MembersOnly])
    def confirm_dates(self, request, pk=None):
        """A coordinator confirms dates copied from last year's edition (no longer estimated)."""
        return self.run_transition(services.event_confirm_dates)

    @extend_schema(request=actions.CommentTextSerializer, responses={201: actions.EventCommentSerializer})
    @action(detail=True, methods=["post"], permission_classes=[MembersOnly])
    def comment(self, request, pk=None):
        """Comment on the event; members named as @display name are recorded as mentioned."""
        event = self.get_object()
        data = self.action_data(actions.CommentTextSerializer)
        with transaction.atomic():
            comment = services.comment_post(user=request.user, event=event, text=data["text"])
        return Response(actions.EventCommentSerializer(comment).data, status=status.HTTP_201_CREATED)


class DeadlineViewSet(DeadlineWrites, PortalViewSet):
    serializer_class = deadlines.DeadlineSerializer
    permission_classes = [PublicReadCoordinatorsWrite]
    filterset_class = filters.DeadlineFilter
    search_fields = ["title", "event__name", "note"]
    ordering_fields = ["due_at", "kind", "created_at"]

    def get_queryset(self):
        return deadlines_visible_to(user=self.request.user).select_related(
            "tracker_link__source_deadline__listing__source"
        )

    transition_argument = "deadline"

    @extend_schema(request=None, responses=deadlines.DeadlineSerializer)
    @action(detail=True, methods=["post"], url_path="confirm-date", permission_classes=[MembersOnly])
    def confirm_date(self, request, pk=None):
        """A coordinator confirms a deadline copied from last year's edition (no longer estimated)."""
        return self.run_transition(services.deadline_confirm_date)

    def service_data(self, serializer):
        return deadlines.DeadlineSerializer.service_arguments(serializer.instance, serializer.validated_data)


class GoalViewSet(GoalWrites, PortalViewSet):
    queryset = Goal.objects.all()
    serializer_class = serializers.GoalSerializer
    permission_classes = [MembersReadCoordinatorsWrite]
    filterset_class = filters.GoalFilter
    search_fields = ["details", "outcome", "event__name"]
    ordering_fields = ["kind", "status", "created_at"]


class ParticipationViewSet(ParticipationWrites, PortalViewSet):
    queryset = Participation.objects.select_related("member")
    serializer_class = serializers.ParticipationSerializer
    permission_classes = [MembersReadCoordinatorsWrite]
    filterset_class = filters.ParticipationFilter
    search_fields = ["member__display_name", "event__name", "notes"]
    ordering_fields = ["role", "status", "created_at"]
    transition_argument = "participation"

    @extend_schema(request=None, responses=serializers.ParticipationSerializer)
    @action(detail=True, methods=["post"], permission_classes=[MembersOnly])
    def confirm(self, request, pk=None):
        """The member confirms their own proposed or tentative participation."""
        return self.run_transition(services.participation_answer, answer="confirm")

    @extend_schema(request=None, responses=serializers.ParticipationSerializer)
    @action(detail=True, methods=["post"], url_path="decline", permission_classes=[MembersOnly])
    def decline_own(self, request, pk=None):
        return self.run_transition(services.participation_answer, answer="decline")

    @extend_schema(request=None, responses={204: None})
    @action(detail=True, methods=["post"], permission_classes=[MembersOnly])
    def withdraw(self, request, pk=None):
        participation = self.get_object()
        with transaction.atomic():
            services.participation_withdraw(user=request.user, participation=participation)
        return Response(status=status.HTTP_204_NO_CONTENT)

    @extend_schema(request=actions.TripSerializer, responses=serializers.ParticipationSerializer)
    @action(detail=True, methods=["post"], permission_classes=[MembersOnly])
    def trip(self, request, pk=None):
        data = self.action_data(actions.TripSerializer)
        return self.run_transition(services.participation_update_trip, **data)

    @extend_schema(request=actions.TriageSerializer, responses=serializers.ParticipationSerializer)
    @action(detail=True, methods=["post"], permission_classes=[MembersOnly])
    def triage(self, request, pk=None):
        data = self.action_data(actions.TriageSerializer)
        return self.run_transition(
            services.participation_triage, decision=data["decision"], note=data["note"]
        )


class ActionItemViewSet(ActionItemWrites, PortalViewSet):
    queryset = ActionItem.objects.all()
    serializer_class = serializers.ActionItemSerializer
    permission_classes = [MembersReadCoordinatorsWrite]
    filterset_class = filters.ActionItemFilter
    search_fields = ["title", "details"]
    ordering_fields = ["due_date", "status", "created_at"]
    transition_argument = "action_item"

    @extend_schema(request=actions.OutcomeSerializer, responses=serializers.ActionItemSerializer)
    @action(detail=True, methods=["post"], permission_classes=[MembersOnly])
    def complete(self, request, pk=None):
        data = self.action_data(actions.OutcomeSerializer)
        return self.run_transition(services.action_item_complete, outcome=data["outcome"])

    @extend_schema(request=actions.DueDateRequestSerializer, responses=serializers.ActionItemSerializer)
    @action(detail=True, methods=["post"], url_path="request-due-date", permission_classes=[MembersOnly])
    def request_due_date(self, request, pk=None):
        data = self.action_data(actions.DueDateRequestSerializer)
        return self.run_transition(services.action_item_request_due_date, **data)

    @extend_schema(request=actions.DueDateDecisionSerializer, responses=serializers.ActionItemSerializer)
    @action(detail=True, methods=["post"], url_path="decide-due-date", permission_classes=[MembersOnly])
    def decide_due_date(self, request, pk=None):
        data = self.action_data(actions.DueDateDecisionSerializer)
        return self.run_transition(services.action_item_decide_due_date, accept=data["accept"])


class IdeaPermission(MembersOnly):
    """Members read and propose; changing or withdrawing an idea is for whom
    members.permissions.can_change_idea allows (the service asks it too)."""

    def has_object_permission(self, request, view, idea):
        return request.method in SAFE_METHODS or can_change_idea(request.user, idea)


class IdeaViewSet(IdeaWrites, PortalViewSet):
    queryset = Idea.objects.all()
    serializer_class = serializers.IdeaSerializer
    permission_classes = [IdeaPermission]
    filterset_class = filters.IdeaFilter
    search_fields = ["title", "description"]
    ordering_fields = ["created_at", "status", "title"]
    transition_argument = "idea"

    @extend_schema(request=None, responses=serializers.IdeaSerializer)
    @action(detail=True, methods=["post"], permission_classes=[MembersOnly])
    def support(self, request, pk=None):
        """+1 on someone else's idea (once)."""
        return self.run_transition(services.idea_support)

    @extend_schema(request=None, responses=serializers.IdeaSerializer)
    @action(detail=True, methods=["post"], permission_classes=[MembersOnly])
    def unsupport(self, request, pk=None):
        return self.run_transition(services.idea_unsupport)

    @extend_schema(request=actions.ReasonSerializer, responses=serializers.IdeaSerializer)
    @action(detail=True, methods=["post"], permission_classes=[MembersOnly])
    def accept(self, request, pk=None):
        """A coordinator takes a new idea up; the reason is shown to its proposer."""
        data = self.action_data(actions.ReasonSerializer)
        return self.run_transition(services.idea_accept, reason=data["reason"])

    @extend_schema(request=actions.ReasonSerializer, responses=serializers.IdeaSerializer)
    @action(detail=True, methods=["post"], permission_classes=[MembersOnly])
    def decline(self, request, pk=None):
        """A coordinator declines a new idea with a reason its proposer sees."""
        data = self.action_data(actions.ReasonSerializer)
        return self.run_transition(services.idea_decline, reason=data["reason"])


class ContactViewSet(ContactWrites, PortalViewSet):
    queryset = Contact.objects.prefetch_related("events")
    serializer_class = serializers.ContactSerializer
    permission_classes = [MembersReadCoordinatorsWrite]
    filterset_class = filters.ContactFilter
    search_fields = ["name", "organization", "position"]
    ordering_fields = ["name", "organization", "next_follow_up", "created_at"]
