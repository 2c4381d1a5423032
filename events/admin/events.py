"""The coordinators' main tool: events with their deadlines, goals, participants and
action items, and the group's tags. Every write is a call of events' services."""

from django.contrib import admin
from django.db.models import Count
from django.utils.html import format_html, format_html_join
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext

from intl_portal.common.admin import InUseChoicesFilter, ServiceAdmin, service_action
from intl_portal.common.day_ranges import day_range

from .. import services
from ..models import Event, Tag
from ..writes import EventWrites, TagWrites
from .deadlines import DeadlineInline
from .participations import GoalInline, ParticipationInline
from .permissions import ManagedByEventCoordinators
from .work import ActionItemInline


class YearListFilter(admin.SimpleListFilter):
    title = _("year")
    parameter_name = "year"

    def lookups(self, request, model_admin):
        years = Event.objects.filter(start_date__isnull=False).dates("start_date", "year", order="DESC")
        return [(str(day.year), str(day.year)) for day in years]

    def queryset(self, request, queryset):
        if self.value() and self.value().isdigit():
            return queryset.filter(start_date__year=int(self.value()))
        return queryset


@admin.register(Tag)
class TagAdmin(TagWrites, ManagedByEventCoordinators, ServiceAdmin):
    list_display = ["slug", "name_en", "name_zh"]
    search_fields = ["slug", "name_en", "name_zh"]


@admin.register(Event)
class EventAdmin(EventWrites, ManagedByEventCoordinators, ServiceAdmin):
    list_display = [
        "name",
        "dates",
        "country",
        "status",
        "priority",
        "participant_count",
    ]
    list_filter = [
        "status",
        YearListFilter,
        ("country", InUseChoicesFilter),
        "kind",
        "priority",
        "format",
        "is_public",
        "dates_estimated",
        "tags",
    ]
    search_fields = ["name", "series", "organizer", "city", "venue"]
    date_hierarchy = "start_date"
    autocomplete_fields = ["alternatives", "tags"]
    inlines = [DeadlineInline, GoalInline, ParticipationInline, ActionItemInline]
    actions = ["confirm_events", "decline_events", "copy_to_next_edition", "confirm_estimated_dates"]
    save_on_top = True
    fieldsets = [
        (None, {"fields": ["name", ("series", "edition_year"), "organizer", ("kind", "format")]}),
        (
            _("When and where"),
            {"fields": [("start_date", "end_date"), "timezone", ("city", "country"), "venue"]},
        ),
        (_("Links"), {"fields": ["website_url", "cfp_url", "registration_url"]}),
        (
            _("Decision"),
            {"fields": [("status", "priority"), "is_public", "tags", "alternatives", "decision_notes"]},
        ),
        (_("Notes"), {"fields": ["description", "notes", "review"]}),
    ]

    def get_queryset(self, request):
        return (
            super().get_queryset(request).annotate(participant_total=Count("participations", distinct=True))
        )

    @admin.display(description=_("Dates"), ordering="start_date")
    def dates(self, obj):
        return day_range(obj.start_date, obj.end_date, year=True) or None

    @admin.display(description=_("people"), ordering="participant_total")
    def participant_count(self, obj):
        return obj.participant_total

    confirm_events = service_action(
        _("Confirm the selected events"),
        lambda request, event: services.event_confirm(user=request.user, event=event),
        lambda count: (
            ngettext("%(count)d event confirmed.", "%(count)d events confirmed.", count) % {"count": count}
        ),
    )
    confirm_estimated_dates = service_action(
        _("Confirm the dates estimated from last year"),
        lambda request, event: services.event_confirm_dates(user=request.user, event=event),
        lambda count: (
            ngettext("%(count)d event's dates confirmed.", "%(count)d events' dates confirmed.", count)
            % {"count": count}
        ),
    )
    decline_events = service_action(
        _("Decline the selected events"),
        lambda request, event: services.event_decline(user=request.user, event=event),
        lambda count: (
            ngettext("%(count)d event declined.", "%(count)d events declined.", count) % {"count": count}
        ),
    )

    @admin.action(description=_("Copy to the next edition"))
    def copy_to_next_edition(self, request, queryset):
        copies = []
        self.act_on_each(
            request,
            queryset,
            lambda event: copies.append(services.event_copy_to_next_edition(user=request.user, event=event)),
            lambda count: format_html(
                "{} {}",
                _("Created as 'considering':"),
                format_html_join(
                    ", ", '<a href="../event/{}/change/">{}</a>', ((c.pk, c.name) for c in copies)
                ),
            ),
        )
