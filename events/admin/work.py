"""Action items, ideas and contacts in admin, written through events' services."""

from django.contrib import admin
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from intl_portal.common.admin import ServiceAdmin, ServiceInline
from members.permissions import can_see_contact_details

from .. import services
from ..models import ActionItem, Contact, Idea
from .permissions import ManagedByEventCoordinators


class ActionItemInline(ManagedByEventCoordinators, ServiceInline):
    model = ActionItem
    extra = 0
    fields = ["title", "owner", "due_date", "status"]
    autocomplete_fields = ["owner"]

    def service_create(self, request, parent, data):
        return services.action_item_create(event=parent, **data)

    def service_update(self, request, obj, data):
        return services.action_item_update(action_item=obj, **data)

    def service_delete(self, request, obj):
        services.action_item_delete(action_item=obj)


@admin.register(ActionItem)
class ActionItemAdmin(ManagedByEventCoordinators, ServiceAdmin):
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

    def service_create(self, request, data):
        return services.action_item_create(**data)

    def service_update(self, request, obj, data):
        return services.action_item_update(action_item=obj, **data)

    def service_delete(self, request, obj):
        services.action_item_delete(action_item=obj)


@admin.register(Idea)
class IdeaAdmin(ManagedByEventCoordinators, ServiceAdmin):
    list_display = ["title", "kind", "proposer", "status", "parent"]
    list_filter = ["kind", "status"]
    search_fields = ["title", "description", "proposer__display_name"]
    autocomplete_fields = ["proposer", "parent"]
    list_select_related = ["proposer", "parent"]

    def service_create(self, request, data):
        return services.idea_propose(user=request.user, **data)

    def service_update(self, request, obj, data):
        return services.idea_update(user=request.user, idea=obj, **data)

    def service_delete(self, request, obj):
        services.idea_withdraw(user=request.user, idea=obj)


@admin.register(Contact)
class ContactAdmin(ManagedByEventCoordinators, ServiceAdmin):
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

    def service_create(self, request, data):
        return services.contact_create(**data)

    def service_update(self, request, obj, data):
        return services.contact_update(contact=obj, **data)

    def service_delete(self, request, obj):
        services.contact_delete(contact=obj)
