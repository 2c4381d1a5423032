"""Goals and participations in admin: rows and actions go through events' services
(confirming a trip proposes its budget line whichever page does it)."""

from django.contrib import admin
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext

from intl_portal.common.admin import ServiceAdmin, ServiceInline

from .. import services
from ..models import Goal, Participation
from ..selectors import double_bookings
from ..writes import GoalWrites, ParticipationWrites
from .permissions import ManagedByEventCoordinators


class GoalInline(GoalWrites, ManagedByEventCoordinators, ServiceInline):
    model = Goal
    extra = 0
    fields = ["kind", "status", "owner", "details", "outcome"]
    autocomplete_fields = ["owner"]


class ParticipationInline(ParticipationWrites, ManagedByEventCoordinators, ServiceInline):
    model = Participation
    extra = 0
    fields = ["member", "role", "status", "needs_travel", "needs_visa", "invitation_letter", "visa_status"]
    autocomplete_fields = ["member"]


@admin.register(Goal)
class GoalAdmin(GoalWrites, ManagedByEventCoordinators, ServiceAdmin):
    list_display = ["event", "kind", "status", "owner"]
    list_filter = ["kind", "status"]
    search_fields = ["event__name", "details", "owner__display_name"]
    autocomplete_fields = ["event", "owner"]
    list_select_related = ["event", "owner"]


@admin.register(Participation)
class ParticipationAdmin(ParticipationWrites, ManagedByEventCoordinators, ServiceAdmin):
    list_display = ["member", "event", "role", "status", "travel", "visa", "visa_status"]
    list_filter = ["role", "status", "needs_travel", "needs_visa", "visa_status"]
    search_fields = ["member__display_name", "event__name"]
    autocomplete_fields = ["event", "member"]
    list_select_related = ["event", "member"]
    actions = ["confirm_participations"]

    @admin.display(description=_("travel"), boolean=True, ordering="needs_travel")
    def travel(self, obj):
        return obj.needs_travel

    @admin.display(description=_("visa"), boolean=True, ordering="needs_visa")
    def visa(self, obj):
        return obj.needs_visa

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
