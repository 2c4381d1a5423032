"""Goals and participations in admin: rows and actions go through events' services
(confirming a trip proposes its budget line whichever page does it)."""

from django.contrib import admin
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext

from intl_portal.common.admin import ServiceAdmin, ServiceInline

from .. import services
from ..models import Goal, Participation
from ..selectors import double_bookings
from .permissions import ManagedByEventCoordinators


class GoalInline(ManagedByEventCoordinators, ServiceInline):
    model = Goal
    extra = 0
    fields = ["kind", "status", "owner", "details", "outcome"]
    autocomplete_fields = ["owner"]

    def service_create(self, request, parent, data):
        return services.goal_create(event=parent, **data)

    def service_update(self, request, obj, data):
        return services.goal_update(goal=obj, **data)

    def service_delete(self, request, obj):
        services.goal_delete(goal=obj)


class ParticipationInline(ManagedByEventCoordinators, ServiceInline):
    model = Participation
    extra = 0
    fields = ["member", "role", "status", "needs_travel", "needs_visa", "invitation_letter", "visa_status"]
    autocomplete_fields = ["member"]

    def service_create(self, request, parent, data):
        return services.participation_create(user=request.user, event=parent, **data)

    def service_update(self, request, obj, data):
        return services.participation_update(user=request.user, participation=obj, **data)

    def service_delete(self, request, obj):
        services.participation_delete(user=request.user, participation=obj)


@admin.register(Goal)
class GoalAdmin(ManagedByEventCoordinators, ServiceAdmin):
    list_display = ["event", "kind", "status", "owner"]
    list_filter = ["kind", "status"]
    search_fields = ["event__name", "details", "owner__display_name"]
    autocomplete_fields = ["event", "owner"]
    list_select_related = ["event", "owner"]

    def service_create(self, request, data):
        return services.goal_create(**data)

    def service_update(self, request, obj, data):
        return services.goal_update(goal=obj, **data)

    def service_delete(self, request, obj):
        services.goal_delete(goal=obj)


@admin.register(Participation)
class ParticipationAdmin(ManagedByEventCoordinators, ServiceAdmin):
    list_display = ["member", "event", "role", "status", "needs_travel", "needs_visa", "visa_status"]
    list_filter = ["role", "status", "needs_travel", "needs_visa", "visa_status"]
    search_fields = ["member__display_name", "event__name"]
    autocomplete_fields = ["event", "member"]
    list_select_related = ["event", "member"]
    actions = ["confirm_participations"]

    def service_create(self, request, data):
        return services.participation_create(user=request.user, **data)

    def service_update(self, request, obj, data):
        return services.participation_update(user=request.user, participation=obj, **data)

    def service_delete(self, request, obj):
        services.participation_delete(user=request.user, participation=obj)

    @admin.action(description=_("Confirm the selected participations"))
    def confirm_participations(self, request, queryset):
        self.act_on_each(
            request,
            queryset.select_related("event", "member"),
            lambda participation: services.participation_confirm(
                user=request.user, participation=participation
            ),
            lambda count: (
                ngettext("%(count)d participation confirmed.", "%(count)d participations confirmed.", count)
                % {"count": count}
            ),
        )


def double_booking_warnings(member_ids):
    """Human-readable warnings about members booked at overlapping events."""
    clashes = double_bookings(member_ids=member_ids)
    return {
        member_id: [
            _("%(a)s and %(b)s overlap") % {"a": first.name, "b": second.name} for first, second in pairs
        ]
        for member_id, pairs in clashes.items()
    }
