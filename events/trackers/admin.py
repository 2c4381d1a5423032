"""Admin of the public CFP trackers: sources are set by coordinators (through the
trackers' services), runs, discovered conferences and notices are read here."""

from django.contrib import admin, messages
from django.db.models import Max
from django.utils.translation import gettext_lazy as _

from intl_portal.common.admin import ReadOnlyAdmin, ServiceAdmin

from ..models.trackers import DiscoveredEntry, TrackerNotice, TrackerRun, TrackerSource
from . import services
from .sync import tracker_source_sync


@admin.register(TrackerSource)
class TrackerSourceAdmin(ServiceAdmin):
    fields = ["name", "kind", "url", "topics", "regions", "active", "attribution", "licence"]
    list_display = ["name", "kind", "active", "url", "last_run"]
    list_filter = ["kind", "active"]
    search_fields = ["name", "url"]
    actions = ["sync_now"]

    def get_queryset(self, request):
        return super().get_queryset(request).annotate(last_run_at=Max("runs__started_at"))

    @admin.display(description=_("last run"), ordering="last_run_at")
    def last_run(self, source):
        return source.last_run_at or "—"

    def service_data(self, form, formsets):
        return {"source": form.instance}

    def service_create(self, request, data):
        return services.tracker_source_save(**data)

    def service_update(self, request, obj, data):
        return services.tracker_source_save(**data)

    def service_delete(self, request, obj):
        services.tracker_source_delete(source=obj)

    def has_sync_now_permission(self, request):
        return request.user.has_perm("events.change_trackersource")

    @admin.action(description=_("Read the selected sources now"), permissions=["sync_now"])
    def sync_now(self, request, queryset):
        for source in queryset:
            run = tracker_source_sync(source=source)
            level = messages.ERROR if run.status == TrackerRun.Status.FAILED else messages.SUCCESS
            self.message_user(
                request,
                _(
                    "%(source)s: %(status)s — %(fetched)d read, %(created)d new, %(updated)d updated, "
                    "%(failed)d skipped."
                )
                % {
                    "source": source.name,
                    "status": run.get_status_display(),
                    "fetched": run.fetched,
                    "created": run.created,
                    "updated": run.updated,
                    "failed": run.failed,
                }
                + (f" {run.error}" if run.error else ""),
                level,
            )


@admin.register(TrackerRun)
class TrackerRunAdmin(ReadOnlyAdmin):
    list_display = ["source", "started_at", "status", "fetched", "unchanged", "created", "updated", "failed"]
    list_filter = ["status", "source"]
    list_select_related = ["source"]
    date_hierarchy = "started_at"
    ordering = ["-started_at"]


@admin.register(DiscoveredEntry)
class DiscoveredEntryAdmin(ReadOnlyAdmin):
    list_display = ["name", "year", "city", "country", "region", "start_date", "event"]
    list_filter = ["region", "online", "year"]
    list_select_related = ["event"]
    search_fields = ["name", "city", "url"]


@admin.register(TrackerNotice)
class TrackerNoticeAdmin(ReadOnlyAdmin):
    list_display = ["deadline", "member", "old_due_at", "new_due_at", "source_name", "state"]
    list_filter = ["state"]
    list_select_related = ["deadline__event", "member"]
