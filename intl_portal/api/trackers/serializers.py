"""Read-only shapes of the tracker sources, their runs and the conferences found."""

from rest_framework import serializers

from events.models import DiscoveredDeadline, DiscoveredEntry, EntryListing, TrackerRun, TrackerSource


class TrackerSourceSerializer(serializers.ModelSerializer):
    class Meta:
        model = TrackerSource
        fields = ["id", "name", "kind", "url", "topics", "regions", "active", "attribution", "licence"]
        read_only_fields = fields


class TrackerRunSerializer(serializers.ModelSerializer):
    source = serializers.SlugRelatedField(slug_field="name", read_only=True)

    class Meta:
        model = TrackerRun
        fields = [
            "id", "source", "started_at", "finished_at", "status", "origin", "fetched", "unchanged",
            "created", "updated", "removed", "failed", "failures", "error",
        ]  # fmt: skip
        read_only_fields = fields


class DiscoveredDeadlineSerializer(serializers.ModelSerializer):
    class Meta:
        model = DiscoveredDeadline
        fields = ["kind", "due_at", "timezone", "is_date_only", "rule", "removed_at"]
        read_only_fields = fields


class EntryListingSerializer(serializers.ModelSerializer):
    source = serializers.SlugRelatedField(slug_field="name", read_only=True)
    attribution = serializers.CharField(source="source.attribution", read_only=True)
    deadlines = DiscoveredDeadlineSerializer(many=True, read_only=True)

    class Meta:
        model = EntryListing
        fields = [
            "source",
            "attribution",
            "name",
            "url",
            "cfp_url",
            "last_seen_at",
            "removed_at",
            "deadlines",
        ]
        read_only_fields = fields


class DiscoveredEntrySerializer(serializers.ModelSerializer):
    country = serializers.CharField(source="country.code", read_only=True)
    listings = EntryListingSerializer(many=True, read_only=True)

    class Meta:
        model = DiscoveredEntry
        fields = [
            "id", "name", "url", "series", "year", "city", "country", "region", "online", "start_date",
            "end_date", "topics", "event", "listings",
        ]  # fmt: skip
        read_only_fields = fields
