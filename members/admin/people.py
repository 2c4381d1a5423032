"""Members, roles and terms in the coordinators' admin; every write through
members.services (people, roles), a member's participations through events.services."""

from django.contrib import admin
from django.utils import timezone
from django.utils.html import format_html_join
from django.utils.translation import gettext_lazy as _

from events.admin import ManagedByEventCoordinators, double_booking_warnings
from events.models import Participation
from events.selectors import annotate_double_booked
from events.writes import ParticipationWrites
from intl_portal.common.admin import ServiceAdmin, ServiceInline

from ..models import Member, Role, RoleAssignment
from ..writes import MemberWrites, RoleAssignmentWrites, RoleWrites


class RoleAssignmentInline(RoleAssignmentWrites, ServiceInline):
    model = RoleAssignment
    extra = 0
    fields = ["role", "term_start", "term_end", "note"]


class MemberParticipationInline(ParticipationWrites, ManagedByEventCoordinators, ServiceInline):
    """A person's trips, written by events' services as on the event's page: confirming one
    runs the events' rules (a trip that needs travel proposes a budget line)."""

    model = Participation
    extra = 0
    fields = ["event", "role", "status", "needs_travel", "needs_visa", "visa_status"]
    autocomplete_fields = ["event"]
    verbose_name_plural = _("participations")
    show_change_link = True

    def get_queryset(self, request):
        return super().get_queryset(request).select_related("event")


class DoubleBookedFilter(admin.SimpleListFilter):
    title = _("double-booked")
    parameter_name = "double_booked"

    def lookups(self, request, model_admin):
        return [("yes", _("Yes"))]

    def queryset(self, request, queryset):
        if self.value() == "yes":
            return queryset.filter(is_double_booked=True)
        return queryset


class CurrentRoleFilter(admin.SimpleListFilter):
    title = _("current role")
    parameter_name = "role"

    def lookups(self, request, model_admin):
        return [(role.slug, str(role)) for role in Role.objects.all()]

    def queryset(self, request, queryset):
        if not self.value():
            return queryset
        today = timezone.localdate()
        return (
            queryset.filter(
                role_assignments__role__slug=self.value(),
                role_assignments__term_start__lte=today,
            )
            .exclude(role_assignments__term_end__lt=today)
            .distinct()
        )


@admin.register(Member)
class MemberAdmin(MemberWrites, ServiceAdmin):
    list_display = ["display_name", "group", "affiliation", "active", "double_booked"]
    list_filter = ["group", "active", CurrentRoleFilter, DoubleBookedFilter, "preferred_language"]
    search_fields = ["display_name", "name_zh", "name_en", "email", "affiliation"]
    autocomplete_fields = ["user"]
    readonly_fields = ["double_booking_details"]
    inlines = [RoleAssignmentInline, MemberParticipationInline]
    fieldsets = [
        (None, {"fields": ["display_name", ("name_zh", "name_en"), "group", "affiliation", "active"]}),
        (_("Contact"), {"fields": ["email", "feishu_open_id", "user"]}),
        (_("Preferences"), {"fields": ["languages", "preferred_language", "timezone"]}),
        (_("Notes"), {"fields": ["notes", "double_booking_details"]}),
    ]

    def get_queryset(self, request):
        return annotate_double_booked(super().get_queryset(request))

    def service_data(self, form, formsets):
        data = super().service_data(form, formsets)
        if "user" in data:  # the Member's log-in; the service's `user` is who acts
            data["login"] = data.pop("user")
        return data

    @admin.display(description=_("clash"), boolean=True, ordering="is_double_booked")
    def double_booked(self, obj):
        return obj.is_double_booked

    @admin.display(description=_("overlapping confirmed events"))
    def double_booking_details(self, obj):
        warnings = double_booking_warnings([obj.pk]).get(obj.pk) if obj.pk else None
        if not warnings:
            return "—"
        return format_html_join("", "<div>⚠ {}</div>", ((warning,) for warning in warnings))


@admin.register(Role)
class RoleAdmin(RoleWrites, ServiceAdmin):
    list_display = ["name_en", "name_zh", "slug"]
    search_fields = ["name_en", "name_zh", "slug"]
    prepopulated_fields = {"slug": ["name_en"]}


@admin.register(RoleAssignment)
class RoleAssignmentAdmin(RoleAssignmentWrites, ServiceAdmin):
    list_display = ["member", "role", "term_start", "term_end", "note"]
    list_filter = ["role"]
    search_fields = ["member__display_name", "role__name_en"]
    autocomplete_fields = ["member"]
    list_select_related = ["member", "role"]
