"""Outcomes and event reviews in admin (coordinators' bulk work), written through the
outcomes' services like the site's outcomes page."""

from django.contrib import admin

from intl_portal.common.admin import ServiceAdmin
from members.permissions import can_manage_events

from ..models import EventReview, Outcome
from .writes import EventReviewWrites, OutcomeWrites


class ManagedByEventCoordinators:
    """The admin is the coordinators' (events.admin.permissions says the same; importing it
    from here would make events.admin and this package import each other). A goal's owner
    records outcomes on the site's outcomes page."""

    def has_add_permission(self, request, obj=None):
        return can_manage_events(request.user)

    def has_change_permission(self, request, obj=None):
        return can_manage_events(request.user)

    def has_delete_permission(self, request, obj=None):
        return can_manage_events(request.user)


@admin.register(Outcome)
class OutcomeAdmin(OutcomeWrites, ManagedByEventCoordinators, ServiceAdmin):
    list_display = ["__str__", "goal", "audience_size", "conversations", "outlet", "language"]
    list_filter = ["goal__kind", "language"]
    search_fields = ["summary", "url", "outlet", "goal__event__name"]
    autocomplete_fields = ["goal", "contributions"]
    list_select_related = ["goal__event"]
    fields = ["goal", "summary", "url", "video_url", "audience_size", "conversations", "leads_to"]
    fields += ["materials", "outlet", "language", "contributions"]

    def get_readonly_fields(self, request, obj=None):
        return ["goal"] if obj is not None else []


@admin.register(EventReview)
class EventReviewAdmin(EventReviewWrites, ManagedByEventCoordinators, ServiceAdmin):
    list_display = ["event", "go_again", "updated_at"]
    list_filter = ["go_again"]
    search_fields = ["event__name", "what_worked", "what_did_not", "go_again_why"]
    autocomplete_fields = ["event"]
    list_select_related = ["event"]
    fields = ["event", "what_worked", "what_did_not", "go_again", "go_again_why"]

    def get_readonly_fields(self, request, obj=None):
        return ["event"] if obj is not None else []
