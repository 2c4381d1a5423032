"""REST API for events, deadlines, goals, participations, action items, ideas and contacts.

Visitors who are not members see public events and their public deadlines only; see
intl_portal/permissions.py for the whole permission model."""

from django.db.models import Prefetch

from events.models import ActionItem, Contact, Deadline, Event, Goal, Idea, Participation, Tag
from intl_portal.api.base import PortalViewSet
from intl_portal.api.permissions import (
    MembersReadAndCreateOwn,
    MembersReadCoordinatorsWrite,
    PublicReadCoordinatorsWrite,
)

from . import filters, serializers


class TagViewSet(PortalViewSet):
    queryset = Tag.objects.all()
    serializer_class = serializers.TagSerializer
    permission_classes = [PublicReadCoordinatorsWrite]
    search_fields = ["slug", "name_en", "name_zh"]
    ordering_fields = ["slug", "name_en"]


class EventViewSet(PortalViewSet):
    serializer_class = serializers.EventSerializer
    permission_classes = [PublicReadCoordinatorsWrite]
    filterset_class = filters.EventFilter
    search_fields = ["name", "series", "organizer", "city", "venue", "description"]
    ordering_fields = ["start_date", "end_date", "name", "priority", "status", "created_at"]

    def get_queryset(self):
        events = Event.objects.all()
        if not self.viewer.is_member:
            return events.filter(is_public=True).prefetch_related(
                "tags",
                Prefetch("alternatives", queryset=Event.objects.none()),
                Prefetch("deadlines", queryset=Deadline.objects.filter(is_public=True)),
            )
        return events.prefetch_related(
            "tags",
            "alternatives",
            "deadlines",
            "goals",
            Prefetch("participations", queryset=Participation.objects.select_related("member")),
        )


class DeadlineViewSet(PortalViewSet):
    serializer_class = serializers.DeadlineSerializer
    permission_classes = [PublicReadCoordinatorsWrite]
    filterset_class = filters.DeadlineFilter
    search_fields = ["title", "event__name", "note"]
    ordering_fields = ["due_at", "kind", "created_at"]

    def get_queryset(self):
        deadlines = Deadline.objects.all()
        if not self.viewer.is_member:
            deadlines = deadlines.filter(is_public=True, event__is_public=True)
        return deadlines


class GoalViewSet(PortalViewSet):
    queryset = Goal.objects.all()
    serializer_class = serializers.GoalSerializer
    permission_classes = [MembersReadCoordinatorsWrite]
    filterset_class = filters.GoalFilter
    search_fields = ["details", "outcome", "event__name"]
    ordering_fields = ["kind", "status", "created_at"]


class ParticipationViewSet(PortalViewSet):
    queryset = Participation.objects.select_related("member")
    serializer_class = serializers.ParticipationSerializer
    permission_classes = [MembersReadCoordinatorsWrite]
    filterset_class = filters.ParticipationFilter
    search_fields = ["member__display_name", "event__name", "notes"]
    ordering_fields = ["role", "status", "created_at"]


class ActionItemViewSet(PortalViewSet):
    queryset = ActionItem.objects.all()
    serializer_class = serializers.ActionItemSerializer
    permission_classes = [MembersReadCoordinatorsWrite]
    filterset_class = filters.ActionItemFilter
    search_fields = ["title", "details"]
    ordering_fields = ["due_date", "status", "created_at"]


class IdeaViewSet(PortalViewSet):
    queryset = Idea.objects.all()
    serializer_class = serializers.IdeaSerializer
    permission_classes = [MembersReadAndCreateOwn]
    filterset_class = filters.IdeaFilter
    search_fields = ["title", "description"]
    ordering_fields = ["created_at", "status", "title"]

    def owner_id(self, idea):
        return idea.proposer_id

    def owner_may_change(self, idea):
        return idea.status == Idea.Status.PROPOSED


class ContactViewSet(PortalViewSet):
    queryset = Contact.objects.prefetch_related("events")
    serializer_class = serializers.ContactSerializer
    permission_classes = [MembersReadCoordinatorsWrite]
    filterset_class = filters.ContactFilter
    search_fields = ["name", "organization", "position"]
    ordering_fields = ["name", "organization", "next_follow_up", "created_at"]
