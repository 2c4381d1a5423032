"""The shapes of the API's actions on events, participations, action items, ideas and
date-change requests: the bodies they take (a reason to accept or decline, a merge, a
volunteer's role, a triage decision, trip details, an outcome, a due date asked for or decided,
a comment's text) and the comment a post returns. Shape only: the services decide."""

from rest_framework import serializers

from events.models import Event, EventComment, Participation


class ReasonSerializer(serializers.Serializer):
    reason = serializers.CharField(required=False, allow_blank=True, default="", max_length=5000)


class MergeSerializer(ReasonSerializer):
    into = serializers.PrimaryKeyRelatedField(queryset=Event.objects.all())


class VolunteerSerializer(serializers.Serializer):
    role = serializers.ChoiceField(choices=Participation.Role.choices)
    note = serializers.CharField(required=False, allow_blank=True, default="", max_length=2000)


class TriageSerializer(serializers.Serializer):
    decision = serializers.ChoiceField(choices=["tentative", "confirmed", "declined"])
    note = serializers.CharField(required=False, allow_blank=True, default="", max_length=5000)


class TripSerializer(serializers.ModelSerializer):
    class Meta:
        model = Participation
        fields = ["needs_travel", "needs_visa", "invitation_letter", "visa_status", "trip_report"]
        extra_kwargs = {name: {"required": False} for name in fields}


class OutcomeSerializer(serializers.Serializer):
    outcome = serializers.CharField(required=False, allow_blank=True, default="", max_length=2000)


class DueDateRequestSerializer(serializers.Serializer):
    due_date = serializers.DateField()
    note = serializers.CharField(required=False, allow_blank=True, default="", max_length=300)


class DueDateDecisionSerializer(serializers.Serializer):
    accept = serializers.BooleanField()


class CommentTextSerializer(serializers.Serializer):
    text = serializers.CharField(max_length=2000)


class EventCommentSerializer(serializers.ModelSerializer):
    class Meta:
        model = EventComment
        fields = ["id", "event", "author", "text", "mentioned", "created_at", "edited_at"]
        read_only_fields = fields
