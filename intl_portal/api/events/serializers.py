"""API representations of events, goals, participations and the group's notes; a deadline's
is in deadlines.py.

Times are ISO 8601 with an offset. Fields a role may not see come back empty (the shape never
changes with the caller, so the OpenAPI description holds for everyone)."""

from django.utils.translation import gettext_lazy as _
from django_countries.serializers import CountryFieldMixin
from drf_spectacular.utils import extend_schema_field
from rest_framework import serializers

from events.models import ActionItem, Contact, Deadline, Event, Goal, Idea, Participation, Tag
from events.services import PROPOSAL_FIELDS
from intl_portal.api.base import PortalModelSerializer, TimeZoneField
from members.models import Member
from members.permissions import can_see_contact_details, can_see_internal_events, can_see_trip


def _user(serializer):
    viewer = serializer.viewer
    return viewer.user if viewer is not None else None


class TagSerializer(PortalModelSerializer):
    class Meta:
        model = Tag
        fields = ["id", "slug", "name_en", "name_zh"]


class GoalSerializer(PortalModelSerializer):
    class Meta:
        model = Goal
        fields = ["id", "event", "kind", "status", "owner", "details", "outcome", "created_at"]
        read_only_fields = ["created_at"]


class ParticipationSerializer(PortalModelSerializer):
    """A participation; its travel data (needs a visa, invitation letter, visa status) is
    personal: null for anyone but the traveller and coordinators."""

    PERSONAL_FIELDS = ("needs_visa", "invitation_letter", "visa_status")

    member_name = serializers.CharField(source="member.display_name", read_only=True)
    needs_visa = serializers.BooleanField(required=False, allow_null=True)
    invitation_letter = serializers.ChoiceField(
        choices=Participation.InvitationLetter.choices, required=False, allow_null=True
    )
    visa_status = serializers.ChoiceField(
        choices=Participation.VisaStatus.choices, required=False, allow_null=True
    )

    def to_representation(self, participation):
        data = super().to_representation(participation)
        viewer = self.viewer
        if viewer is None or not can_see_trip(viewer.user, participation.member):
            for name in self.PERSONAL_FIELDS:
                data[name] = None
        return data

    class Meta:
        model = Participation
        fields = [
            "id",
            "event",
            "member",
            "member_name",
            "role",
            "status",
            "needs_travel",
            "needs_visa",
            "invitation_letter",
            "visa_status",
            "notes",
            "trip_report",
            "answer_note",
            "created_at",
            "updated_at",
        ]
        read_only_fields = ["created_at", "updated_at"]

    constraint_fields = {"participation_unique_member_role": "role"}


class ParticipantSerializer(serializers.ModelSerializer):
    """Who takes part in an event, as nested in the event."""

    member_name = serializers.CharField(source="member.display_name", read_only=True)

    class Meta:
        model = Participation
        fields = ["id", "member", "member_name", "role", "status"]
        read_only_fields = fields


class NestedGoalSerializer(serializers.ModelSerializer):
    class Meta:
        model = Goal
        fields = ["id", "kind", "status", "owner", "details", "outcome"]
        read_only_fields = fields


class NestedDeadlineSerializer(serializers.ModelSerializer):
    due_local = serializers.SerializerMethodField()

    class Meta:
        model = Deadline
        fields = ["id", "kind", "title", "due_at", "timezone", "due_local", "is_date_only", "url"]
        read_only_fields = fields

    @extend_schema_field(serializers.DateTimeField())
    def get_due_local(self, deadline):
        return deadline.local_due_at.isoformat()


class EventSerializer(CountryFieldMixin, PortalModelSerializer):
    """An event with its deadlines, goals and participants (one request, no N+1)."""

    PRIVATE_TEXT = ("notes", "decision_notes", "review", "proposal_reason", "triage_reason")

    timezone = TimeZoneField(max_length=64, required=False, allow_blank=True)
    tags = serializers.SlugRelatedField(
        slug_field="slug", many=True, required=False, queryset=Tag.objects.all()
    )
    alternatives = serializers.PrimaryKeyRelatedField(many=True, required=False, queryset=Event.objects.all())
    deadlines = serializers.SerializerMethodField()
    goals = serializers.SerializerMethodField()
    participants = serializers.SerializerMethodField()
    when_display = serializers.CharField(
        read_only=True, help_text=_("The dates as shown on the pages, approximate ones as such.")
    )

    class Meta:
        model = Event
        fields = [
            "id",
            "name",
            "series",
            "edition_year",
            "organizer",
            "kind",
            "format",
            "start_date",
            "end_date",
            "date_precision",
            "approx_year",
            "approx_month",
            "approx_quarter",
            "dates_estimated",
            "when_display",
            "timezone",
            "city",
            "country",
            "venue",
            "website_url",
            "cfp_url",
            "registration_url",
            "status",
            "priority",
            "is_public",
            "tags",
            "alternatives",
            "description",
            "notes",
            "decision_notes",
            "review",
            "proposed_by",
            "proposal_reason",
            "triage_reason",
            "merged_into",
            "deadlines",
            "goals",
            "participants",
            "created_at",
            "updated_at",
        ]
        read_only_fields = ["created_at", "updated_at", "proposed_by", "triage_reason", "merged_into"]

    constraint_fields = {
        "event_end_needs_start": "start_date",
        "event_end_after_start": "end_date",
        "event_approximate_has_no_exact_dates": "start_date",
        "event_exact_has_no_approximation": "date_precision",
        "event_approximate_month_given": "approx_month",
        "event_approximate_quarter_given": "approx_quarter",
        "event_unannounced_has_no_month": "approx_month",
        "event_approx_year_in_range": "approx_year",
        "event_approx_month_valid": "approx_month",
        "event_approx_quarter_valid": "approx_quarter",
    }

    def _sees_everything(self):
        return can_see_internal_events(_user(self))

    @extend_schema_field(NestedDeadlineSerializer(many=True))
    def get_deadlines(self, event):
        # The viewset prefetches the deadlines the viewer may see (deadlines_visible_to).
        return NestedDeadlineSerializer(event.deadlines.all(), many=True).data

    @extend_schema_field(NestedGoalSerializer(many=True))
    def get_goals(self, event):
        if not self._sees_everything():
            return []
        return NestedGoalSerializer(event.goals.all(), many=True).data

    @extend_schema_field(ParticipantSerializer(many=True))
    def get_participants(self, event):
        if not self._sees_everything():
            return []
        return ParticipantSerializer(event.participations.all(), many=True).data

    def to_representation(self, event):
        data = super().to_representation(event)
        if not self._sees_everything():
            for name in self.PRIVATE_TEXT:
                data[name] = ""
            data["alternatives"] = []
            data["proposed_by"] = None
        return data


class ActionItemSerializer(PortalModelSerializer):
    is_overdue = serializers.BooleanField(read_only=True, help_text=_("Still open after its due date."))

    class Meta:
        model = ActionItem
        fields = [
            "id",
            "title",
            "details",
            "owner",
            "due_date",
            "status",
            "event",
            "outcome",
            "requested_due_date",
            "due_date_request_note",
            "is_overdue",
            "created_at",
            "updated_at",
        ]
        read_only_fields = ["created_at", "updated_at", "is_overdue"]


class IdeaSerializer(PortalModelSerializer):
    """An idea or open topic. A member proposes it as themselves; only coordinators set its
    status or its proposer (events.services.idea_propose / idea_update decide)."""

    proposer = serializers.PrimaryKeyRelatedField(
        queryset=Member.objects.all(), required=False, allow_null=True
    )

    class Meta:
        model = Idea
        fields = [
            "id",
            "kind",
            "title",
            "description",
            "proposer",
            "parent",
            "status",
            "triage_reason",
            "created_at",
        ]
        read_only_fields = ["triage_reason", "created_at"]


class ContactSerializer(PortalModelSerializer):
    """An external contact; e-mail and phone are shown only to coordinators and to the
    member who owns the relationship."""

    PRIVATE = ("email", "phone")

    events = serializers.PrimaryKeyRelatedField(many=True, required=False, queryset=Event.objects.all())

    class Meta:
        model = Contact
        fields = [
            "id",
            "name",
            "organization",
            "position",
            "email",
            "phone",
            "profile_url",
            "events",
            "owner",
            "follow_up_status",
            "next_follow_up",
            "notes",
            "created_at",
        ]
        read_only_fields = ["created_at"]

    def to_representation(self, contact):
        data = super().to_representation(contact)
        if not can_see_contact_details(_user(self), contact):
            for name in self.PRIVATE:
                data[name] = ""
        return data


# --- members acting, coordinators triaging: the bodies of the workflow actions ----------------


class EventProposalSerializer(CountryFieldMixin, serializers.ModelSerializer):
    """A member's proposal (POST /api/events/propose/): exact dates, or an approximate one."""

    goals = serializers.ListField(
        child=serializers.ChoiceField(choices=Goal.Kind.choices), required=False, default=list
    )

    class Meta:
        model = Event
        fields = [*PROPOSAL_FIELDS, "goals"]

    def get_validators(self):
        return []  # the service checks the model's constraints
