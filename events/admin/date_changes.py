"""Members' requests for an event's other dates, in admin: read here, accepted by an action
(the same service as the triage page and the API); declining needs a reason for the member,
so it is done on the triage page (/triage/) or through the API."""

from django.contrib import admin
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext

from intl_portal.common.admin import ServiceAdmin
from intl_portal.common.admin.refusals import service_action
from members.permissions import can_manage_events

from .. import services
from ..models import DateChangeRequest
from ..models.date_change import DATE_FIELDS
from ..writes import DateChangeRequestWrites


@admin.register(DateChangeRequest)
class DateChangeRequestAdmin(DateChangeRequestWrites, ServiceAdmin):
    list_display = ["event", "requested_dates", "requested_by", "status", "created_at", "decided_by"]
    list_filter = ["status"]
    search_fields = ["event__name", "reason", "requested_by__display_name"]
    list_select_related = ["event", "requested_by", "decided_by"]
    readonly_fields = [
        "event",
        "requested_by",
        *DATE_FIELDS,
        "reason",
        "status",
        "answer",
        "decided_by",
        "decided_at",
        "created_at",
    ]
    actions = ["accept_requests"]

    def has_add_permission(self, request):
        return False  # members ask on the event's page or through the API

    def has_change_permission(self, request, obj=None):
        return False  # read only: answered by the actions, the triage page or the API

    def has_delete_permission(self, request, obj=None):
        return can_manage_events(request.user)

    def has_view_permission(self, request, obj=None):
        return can_manage_events(request.user)

    @admin.display(description=_("dates asked for"))
    def requested_dates(self, obj):
        return obj.requested_dates.when_display

    accept_requests = service_action(
        _("Accept the selected requests (the events take the dates asked for)"),
        lambda request, change: services.date_change_accept(user=request.user, date_change=change),
        lambda count: (
            ngettext("%(count)d request accepted.", "%(count)d requests accepted.", count) % {"count": count}
        ),
        permissions=["view"],
    )
