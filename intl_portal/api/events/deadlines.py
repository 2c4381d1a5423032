"""API representation of a deadline: the instant (ISO 8601 with an offset), the zone it was
announced in and its local time there, and the public tracker it was taken from."""

import datetime as dt

from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from drf_spectacular.utils import extend_schema_field
from rest_framework import serializers

from events.models import Deadline
from intl_portal.api.base import PortalModelSerializer, TimeZoneField


class DeadlineSourceSerializer(serializers.Serializer):
    name = serializers.CharField(help_text=_("The public tracker's name."))
    rule = serializers.CharField(help_text=_("What the tracker says of the deadline."))


class DeadlineSerializer(PortalModelSerializer):
    """A deadline. Write `due_at` (an instant, ISO 8601 with offset) or `due_date` (a day:
    the deadline closes at 23:59 of it in `timezone`); `timezone` is the zone it was announced
    in (IANA name or AoE)."""

    timezone = TimeZoneField(max_length=64, required=False, default="UTC")
    due_at = serializers.DateTimeField(required=False)
    due_date = serializers.DateField(
        write_only=True,
        required=False,
        help_text=_("A date-only deadline: it closes at 23:59 of this day in its zone."),
    )
    due_local = serializers.SerializerMethodField(
        help_text=_("The deadline in the zone it was announced in.")
    )
    zone_label = serializers.CharField(read_only=True)
    source = serializers.SerializerMethodField(
        help_text=_("The public tracker the deadline was taken from, or null.")
    )

    class Meta:
        model = Deadline
        fields = [
            "id",
            "event",
            "kind",
            "title",
            "due_at",
            "due_date",
            "timezone",
            "zone_label",
            "due_local",
            "is_date_only",
            "url",
            "is_public",
            "note",
            "source",
            "due_estimated",
            "sequence",
            "created_at",
            "updated_at",
        ]
        read_only_fields = ["is_date_only", "due_estimated", "sequence", "created_at", "updated_at"]

    @extend_schema_field(serializers.DateTimeField())
    def get_due_local(self, deadline):
        return deadline.local_due_at.isoformat()

    @extend_schema_field(DeadlineSourceSerializer(allow_null=True))
    def get_source(self, deadline):
        source = deadline.tracker_source
        return None if source is None else {"name": source.name, "rule": source.rule}

    def validate(self, attrs):
        if self.instance is None and "due_at" not in attrs and "due_date" not in attrs:
            raise serializers.ValidationError({"due_at": [_("Give due_at or due_date.")]})
        if "due_at" in attrs and "due_date" in attrs:
            raise serializers.ValidationError({"due_date": [_("Give due_at or due_date, not both.")]})
        return attrs

    @staticmethod
    def service_arguments(deadline, validated_data):
        """The keyword arguments of events.services.deadline_set for `validated_data`
        about `deadline` (None for a new one): the announced time and whether it is
        date-only."""
        data = dict(validated_data)
        zone = data.pop("timezone", deadline.timezone if deadline else "UTC")
        if "due_date" in data:
            local, date_only = data.pop("due_date"), True
        elif "due_at" in data:
            local, date_only = data.pop("due_at"), False
        elif deadline.is_date_only:
            local, date_only = deadline.local_due_at.date(), True
        else:
            local, date_only = deadline.due_at, False
        if not date_only and isinstance(local, dt.datetime) and timezone.is_naive(local):
            local = timezone.make_aware(local, dt.UTC)
        return {
            "event": data.pop("event", deadline.event if deadline else None),
            "kind": data.pop("kind", deadline.kind if deadline else Deadline.Kind.CFP_CLOSE),
            "local": local,
            "zone": zone,
            "date_only": date_only,
            **data,
        }
