"""Read-only API of the tracker import, for members: sources (with their attribution),
runs (with the records they left out and why) and the conferences found, merged, with each
source's listing and deadlines."""

from django.db.models import Prefetch

from events.models import DiscoveredEntry, EntryListing, TrackerRun, TrackerSource
from intl_portal.api.base import PortalViewSet
from intl_portal.api.permissions import MembersOnly

from . import serializers


class _ReadOnly(PortalViewSet):
    http_method_names = ["get", "head", "options"]
    permission_classes = [MembersOnly]


class TrackerSourceViewSet(_ReadOnly):
    queryset = TrackerSource.objects.order_by("name")
    serializer_class = serializers.TrackerSourceSerializer
    ordering_fields = ["name"]
    search_fields = ["name"]


class TrackerRunViewSet(_ReadOnly):
    queryset = TrackerRun.objects.select_related("source").order_by("-started_at", "-id")
    serializer_class = serializers.TrackerRunSerializer
    filterset_fields = ["source", "status"]
    ordering_fields = ["started_at"]


class DiscoveredEntryViewSet(_ReadOnly):
    serializer_class = serializers.DiscoveredEntrySerializer
    filterset_fields = ["region", "country", "online", "year"]
    search_fields = ["name", "series", "city"]
    ordering_fields = ["start_date", "name"]

    def get_queryset(self):
        listings = EntryListing.objects.select_related("source").prefetch_related("deadlines")
        return DiscoveredEntry.objects.order_by("start_date", "name", "pk").prefetch_related(
            Prefetch("listings", queryset=listings)
        )
