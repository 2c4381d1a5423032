"""Coordinators edit the requirement table and the support letter's templates here (through
events.travel.services); a trip's steps and the letters issued are shown read-only (they are
changed on the trip's page, by their rules)."""

from django.contrib import admin
from django.utils.translation import gettext_lazy as _

from intl_portal.common.admin import InUseChoicesFilter, ReadOnlyAdmin, ServiceAdmin
from members.permissions import can_manage_travel

from ..models import SupportLetter, SupportLetterTemplate, TravelRequirement, TravelStep
from .writes import SupportLetterTemplateWrites, TravelRequirementWrites


class ManagedByTravelCoordinators:
    def has_add_permission(self, request, obj=None):
        return can_manage_travel(request.user)

    def has_change_permission(self, request, obj=None):
        return can_manage_travel(request.user)

    def has_delete_permission(self, request, obj=None):
        return can_manage_travel(request.user)


class CoordinatorsOnlyView:
    def has_view_permission(self, request, obj=None):
        return can_manage_travel(request.user)

    def has_module_permission(self, request):
        return can_manage_travel(request.user)


@admin.register(TravelRequirement)
class TravelRequirementAdmin(TravelRequirementWrites, ManagedByTravelCoordinators, ServiceAdmin):
    list_display = [
        "passport",
        "destination",
        "kind",
        "visa_free",
        "lead_time",
        "edited",
    ]
    list_filter = [("passport", InUseChoicesFilter), "kind", "edited_by_coordinator"]
    search_fields = ["destination", "notes"]
    fields = ["passport", "destination", "kind", "visa_free_days", "lead_time_days", "notes"]
    readonly_fields = ["source", "source_date"]
    # templates/admin/events/travelrequirement/change_list.html shows the dataset's attribution.

    @admin.display(description=_("visa-free days"), ordering="visa_free_days")
    def visa_free(self, obj):
        return obj.visa_free_days

    @admin.display(description=_("lead time"), ordering="lead_time_days")
    def lead_time(self, obj):
        return obj.lead_time_days

    @admin.display(description=_("edited"), boolean=True, ordering="edited_by_coordinator")
    def edited(self, obj):
        return obj.edited_by_coordinator


@admin.register(SupportLetterTemplate)
class SupportLetterTemplateAdmin(SupportLetterTemplateWrites, ManagedByTravelCoordinators, ServiceAdmin):
    list_display = ["language", "title", "organisation", "signer_name", "updated_at"]
    fields = ["language", "organisation", "title", "body", "signer_name", "signer_title"]


@admin.register(TravelStep)
class TravelStepAdmin(CoordinatorsOnlyView, ReadOnlyAdmin):
    list_display = ["participation", "kind", "owner", "state", "due_date"]
    list_filter = ["state", "owner", "kind"]
    search_fields = ["participation__member__display_name", "participation__event__name"]
    list_select_related = ["participation__event", "participation__member"]


@admin.register(SupportLetter)
class SupportLetterAdmin(CoordinatorsOnlyView, ReadOnlyAdmin):
    list_display = ["reference", "participation", "language", "signer_name", "issued_on"]
    search_fields = ["reference", "participation__member__display_name"]
    list_select_related = ["participation__event", "participation__member"]
