"""Action items, ideas and contacts in admin, written through events' services."""

from django.contrib import admin
from django.utils import timezone
from django.utils.text import Truncator
from django.utils.translation import gettext_lazy as _

from intl_portal.common.admin import ServiceAdmin, ServiceInline
from members.permissions import can_see_contact_details

from ..models import ActionItem, Contact, Idea
from ..writes import ActionItemWrites, ContactWrites, IdeaWrites
from .permissions import ManagedByEventCoordinators


class ActionItemInline(ActionItemWrites, ManagedByEventCoordinators, ServiceInline):
    model = ActionItem
    extra = 0
    fields = ["title", "owner", "due_date", "status"]
    autocomplete_fields = ["owner"]


@admin.register(ActionItem)
class ActionItemAdmin(ActionItemWrites, ManagedByEventCoordinators, ServiceAdmin):
    list_display = ["title", "owner", "due_date", "status", "event", "overdue"]
    list_filter = ["status"]
    search_fields = ["title", "details", "owner__display_name"]
    autocomplete_fields = ["owner", "event"]
    list_select_related = ["owner", "event"]

    @admin.display(description=_("overdue"), boolean=True)
    def overdue(self, obj):
        return bool(
            obj.due_date
            and obj.status in (ActionItem.Status.OPEN, ActionItem.Status.IN_PROGRESS)
            and obj.due_date < timezone.localdate()
        )


@admin.register(Idea)
class IdeaAdmin(IdeaWrites, ManagedByEventCoordinators, ServiceAdmin):
    list_display = ["title", "kind", "proposer", "status", "part_of"]
    list_filter = ["kind", "status"]
    search_fields = ["title", "description", "proposer__display_name"]
    autocomplete_fields = ["proposer", "parent", "event"]
    list_select_related = ["proposer", "parent"]

    @admin.display(description=_("part of"), ordering="parent__title")
    def part_of(self, obj):
        return Truncator(obj.parent.title).chars(24) if obj.parent_id else None


@admin.register(Contact)
class ContactAdmin(ContactWrites, ManagedByEventCoordinators, ServiceAdmin):
    PRIVATE = ("email", "phone")

    list_display = ["name", "organization", "position", "owner", "follow_up_status", "next_follow_up"]
    list_filter = ["follow_up_status"]
    search_fields = ["name", "organization", "position", "notes"]
    autocomplete_fields = ["owner", "events"]
    list_select_related = ["owner"]

    def get_exclude(self, request, obj=None):
        if obj is not None and not can_see_contact_details(request.user, obj):
            return self.PRIVATE
        return super().get_exclude(request, obj)
