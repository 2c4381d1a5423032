"""REST API for events, deadlines, goals, participations, action items, ideas and contacts.

Reads start from events.selectors (visitors who are not members see the public window:
public events and their public deadlines); every write calls events.services, which
decide (a refusal is a 400, or a 403 for a role that may not). See
intl_portal/api/permissions.py for the whole permission model."""

from django.db.models import Prefetch
from rest_framework.permissions import SAFE_METHODS

from events import services
from events.models import ActionItem, Contact, Event, Goal, Idea, Participation, Tag
from events.selectors import deadlines_visible_to, events_visible_to
from intl_portal.api.base import PortalViewSet
from intl_portal.api.permissions import (
    MembersOnly,
    MembersReadCoordinatorsWrite,
    PublicReadCoordinatorsWrite,
)
from members.permissions import can_change_idea, can_see_internal_events

from . import filters, serializers


class ServiceViewSet(PortalViewSet):
    """A viewset whose every write is one call of an events service: subclasses say which
    in create_object / update_object / delete_object (the serializer checks shape only)."""

    def create_object(self, data):
        raise NotImplementedError

    def update_object(self, instance, data):
        raise NotImplementedError

    def delete_object(self, instance):
        raise NotImplementedError

    def perform_create(self, serializer):
        serializer.instance = self.create_object(dict(serializer.validated_data))

    def perform_update(self, serializer):
        serializer.instance = self.update_object(serializer.instance, dict(serializer.validated_data))

    def perform_destroy(self, instance):
        self.delete_object(instance)


class TagViewSet(ServiceViewSet):
    queryset = Tag.objects.all()
    serializer_class = serializers.TagSerializer
    permission_classes = [PublicReadCoordinatorsWrite]
    search_fields = ["slug", "name_en", "name_zh"]
    ordering_fields = ["slug", "name_en"]

    def create_object(self, data):
        return services.tag_create(user=self.request.user, **data)

    def update_object(self, tag, data):
        return services.tag_update(user=self.request.user, tag=tag, **data)

    def delete_object(self, tag):
        services.tag_delete(user=self.request.user, tag=tag)


class EventViewSet(ServiceViewSet):
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

    def create_object(self, data):
        return services.event_create(user=self.request.user, **data)

    def update_object(self, event, data):
        return services.event_update(user=self.request.user, event=event, **data)

    def delete_object(self, event):
        services.event_delete(user=self.request.user, event=event)


class DeadlineViewSet(ServiceViewSet):
    serializer_class = serializers.DeadlineSerializer
    permission_classes = [PublicReadCoordinatorsWrite]
    filterset_class = filters.DeadlineFilter
    search_fields = ["title", "event__name", "note"]
    ordering_fields = ["due_at", "kind", "created_at"]

    def get_queryset(self):
        return deadlines_visible_to(user=self.request.user)

    def create_object(self, data):
        return services.deadline_set(
            user=self.request.user, **serializers.DeadlineSerializer.service_arguments(None, data)
        )

    def update_object(self, deadline, data):
        return services.deadline_set(
            user=self.request.user, **serializers.DeadlineSerializer.service_arguments(deadline, data)
        )

    def delete_object(self, deadline):
        services.deadline_delete(user=self.request.user, deadline=deadline)


class GoalViewSet(ServiceViewSet):
    queryset = Goal.objects.all()
    serializer_class = serializers.GoalSerializer
    permission_classes = [MembersReadCoordinatorsWrite]
    filterset_class = filters.GoalFilter
    search_fields = ["details", "outcome", "event__name"]
    ordering_fields = ["kind", "status", "created_at"]

    def create_object(self, data):
        return services.goal_create(user=self.request.user, **data)

    def update_object(self, goal, data):
        return services.goal_update(user=self.request.user, goal=goal, **data)

    def delete_object(self, goal):
        services.goal_delete(user=self.request.user, goal=goal)


class ParticipationViewSet(ServiceViewSet):
    queryset = Participation.objects.select_related("member")
    serializer_class = serializers.ParticipationSerializer
    permission_classes = [MembersReadCoordinatorsWrite]
    filterset_class = filters.ParticipationFilter
    search_fields = ["member__display_name", "event__name", "notes"]
    ordering_fields = ["role", "status", "created_at"]

    def create_object(self, data):
        return services.participation_create(user=self.request.user, **data)

    def update_object(self, participation, data):
        return services.participation_update(user=self.request.user, participation=participation, **data)

    def delete_object(self, participation):
        services.participation_delete(user=self.request.user, participation=participation)


class ActionItemViewSet(ServiceViewSet):
    queryset = ActionItem.objects.all()
    serializer_class = serializers.ActionItemSerializer
    permission_classes = [MembersReadCoordinatorsWrite]
    filterset_class = filters.ActionItemFilter
    search_fields = ["title", "details"]
    ordering_fields = ["due_date", "status", "created_at"]

    def create_object(self, data):
        return services.action_item_create(user=self.request.user, **data)

    def update_object(self, action_item, data):
        return services.action_item_update(user=self.request.user, action_item=action_item, **data)

    def delete_object(self, action_item):
        services.action_item_delete(user=self.request.user, action_item=action_item)


class IdeaPermission(MembersOnly):
    """Members read and propose; changing or withdrawing an idea is for whom
    members.permissions.can_change_idea allows (the service asks it too)."""

    def has_object_permission(self, request, view, idea):
        return request.method in SAFE_METHODS or can_change_idea(request.user, idea)


class IdeaViewSet(ServiceViewSet):
    queryset = Idea.objects.all()
    serializer_class = serializers.IdeaSerializer
    permission_classes = [IdeaPermission]
    filterset_class = filters.IdeaFilter
    search_fields = ["title", "description"]
    ordering_fields = ["created_at", "status", "title"]

    def create_object(self, data):
        return services.idea_propose(user=self.request.user, **data)

    def update_object(self, idea, data):
        return services.idea_update(user=self.request.user, idea=idea, **data)

    def delete_object(self, idea):
        services.idea_withdraw(user=self.request.user, idea=idea)


class ContactViewSet(ServiceViewSet):
    queryset = Contact.objects.prefetch_related("events")
    serializer_class = serializers.ContactSerializer
    permission_classes = [MembersReadCoordinatorsWrite]
    filterset_class = filters.ContactFilter
    search_fields = ["name", "organization", "position"]
    ordering_fields = ["name", "organization", "next_follow_up", "created_at"]

    def create_object(self, data):
        return services.contact_create(user=self.request.user, **data)

    def update_object(self, contact, data):
        return services.contact_update(user=self.request.user, contact=contact, **data)

    def delete_object(self, contact):
        services.contact_delete(user=self.request.user, contact=contact)
