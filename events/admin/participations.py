"""Goals and participations in admin: rows and actions go through events' services
(confirming a trip proposes its budget line whichever page does it)."""

from django.contrib import admin
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext

from .. import services
from ..models import Goal, Participation
from ..selectors import double_bookings
from .base import ServiceModelAdmin, ServiceTabularInline, model_fields


class GoalInline(ServiceTabularInline):
    model = Goal
    extra = 0
    fields = ["kind", "status", "owner", "details", "outcome"]
    autocomplete_fields = ["owner"]

    def create_row(self, request, row, parent):
        return services.goal_create(user=request.user, event=parent, **self.row_fields(row))

    def update_row(self, request, row):
        return services.goal_update(user=request.user, goal=row.instance, **self.row_fields(row))

    def delete_row(self, request, obj):
        services.goal_delete(user=request.user, goal=obj)


class ParticipationInline(ServiceTabularInline):
    model = Participation
    extra = 0
    fields = ["member", "role", "status", "needs_travel", "needs_visa", "invitation_letter", "visa_status"]
    autocomplete_fields = ["member"]

    def create_row(self, request, row, parent):
        return services.participation_create(user=request.user, event=parent, **self.row_fields(row))

    def update_row(self, request, row):
        return services.participation_update(
            user=request.user, participation=row.instance, **self.row_fields(row)
        )

    def delete_row(self, request, obj):
        services.participation_delete(user=request.user, participation=obj)


class MemberParticipationInline(ServiceTabularInline):
    """A member's participations, on the member's admin page (members.admin)."""

    model = Participation
    extra = 0
    fields = ["event", "role", "status", "needs_travel", "needs_visa", "visa_status"]
    autocomplete_fields = ["event"]
    verbose_name_plural = _("participations")

    def get_queryset(self, request):
        return super().get_queryset(request).select_related("event")

    def create_row(self, request, row, parent):
        return services.participation_create(user=request.user, member=parent, **self.row_fields(row))

    def update_row(self, request, row):
        return services.participation_update(
            user=request.user, participation=row.instance, **self.row_fields(row)
        )

    def delete_row(self, request, obj):
        services.participation_delete(user=request.user, participation=obj)


@admin.register(Goal)
class GoalAdmin(ServiceModelAdmin):
    list_display = ["event", "kind", "status", "owner"]
    list_filter = ["kind", "status"]
    search_fields = ["event__name", "details", "owner__display_name"]
    autocomplete_fields = ["event", "owner"]
    list_select_related = ["event", "owner"]

    def save_object(self, request, obj, form, change):
        if change:
            return services.goal_update(user=request.user, goal=obj, **model_fields(form))
        return services.goal_create(user=request.user, **model_fields(form))

    def delete_object(self, request, obj):
        services.goal_delete(user=request.user, goal=obj)


@admin.register(Participation)
class ParticipationAdmin(ServiceModelAdmin):
    list_display = ["member", "event", "role", "status", "needs_travel", "needs_visa", "visa_status"]
    list_filter = ["role", "status", "needs_travel", "needs_visa", "visa_status"]
    search_fields = ["member__display_name", "event__name"]
    autocomplete_fields = ["event", "member"]
    list_select_related = ["event", "member"]
    actions = ["confirm_participations"]

    def save_object(self, request, obj, form, change):
        if change:
            return services.participation_update(user=request.user, participation=obj, **model_fields(form))
        return services.participation_create(user=request.user, **model_fields(form))

    def delete_object(self, request, obj):
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
