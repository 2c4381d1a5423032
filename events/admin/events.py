"""The coordinators' main tool: events with their deadlines, goals and participants."""

import datetime as dt

from django import forms
from django.contrib import admin, messages
from django.core.exceptions import ValidationError
from django.db.models import Count
from django.utils import timezone
from django.utils.html import format_html, format_html_join
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext

from intl_portal.common.timezones import normalize_zone_name

from . import services
from .models import ActionItem, Contact, Deadline, Event, Goal, Idea, Participation, Tag
from .selectors import double_bookings


class DeadlineForm(forms.ModelForm):
    """Coordinators type a deadline as announced ("June 30, 15:59 KST"): a local date and
    time plus the zone; the form stores the UTC instant."""

    local_date = forms.DateField(label=_("date (as announced)"))
    local_time = forms.TimeField(
        label=_("time (as announced)"),
        required=False,
        help_text=_("Leave empty for a date-only deadline: 23:59 of that day."),
    )
    timezone = forms.CharField(
        label=_("announced time zone"),
        initial="UTC",
        help_text=_("IANA name such as Asia/Seoul, or AoE."),
    )

    class Meta:
        model = Deadline
        fields = ["kind", "title", "local_date", "local_time", "timezone", "url", "is_public", "note"]

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if self.instance.pk:
            local = self.instance.local_due_at
            self.initial["local_date"] = local.date()
            self.initial["local_time"] = None if self.instance.is_date_only else local.time()

    def clean_timezone(self):
        return normalize_zone_name(self.cleaned_data["timezone"])

    def clean(self):
        cleaned = super().clean()
        day, time, zone = cleaned.get("local_date"), cleaned.get("local_time"), cleaned.get("timezone")
        if day and zone:
            local = day if time is None else dt.datetime.combine(day, time)
            due_at, zone = services.deadline_instant(local=local, zone=zone, date_only=time is None)
            cleaned["due_at"] = due_at
        return cleaned

    def save(self, commit=True):
        deadline = self.instance
        deadline.due_at = self.cleaned_data["due_at"]
        deadline.is_date_only = self.cleaned_data.get("local_time") is None
        return super().save(commit=commit)


class DeadlineInline(admin.TabularInline):
    model = Deadline
    form = DeadlineForm
    extra = 0
    fields = ["kind", "title", "local_date", "local_time", "timezone", "utc_instant", "url", "is_public"]
    readonly_fields = ["utc_instant"]

    @admin.display(description=_("UTC"))
    def utc_instant(self, obj):
        return obj.due_at.strftime("%Y-%m-%d %H:%M UTC") if obj.due_at else "—"


class GoalInline(admin.TabularInline):
    model = Goal
    extra = 0
    fields = ["kind", "status", "owner", "details", "outcome"]
    autocomplete_fields = ["owner"]


class ParticipationInline(admin.TabularInline):
    model = Participation
    extra = 0
    fields = ["member", "role", "status", "needs_travel", "needs_visa", "invitation_letter", "visa_status"]
    autocomplete_fields = ["member"]


class ActionItemInline(admin.TabularInline):
    model = ActionItem
    extra = 0
    fields = ["title", "owner", "due_date", "status"]
    autocomplete_fields = ["owner"]


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
class TagAdmin(admin.ModelAdmin):
    list_display = ["slug", "name_en", "name_zh"]
    search_fields = ["slug", "name_en", "name_zh"]


@admin.register(Event)
class EventAdmin(admin.ModelAdmin):
    list_display = [
        "name",
        "start_date",
        "end_date",
        "city",
        "country",
        "status",
        "priority",
        "is_public",
        "deadline_count",
        "participant_count",
    ]
    list_filter = ["status", YearListFilter, "country", "kind", "priority", "format", "is_public", "tags"]
    search_fields = ["name", "series", "organizer", "city", "venue"]
    date_hierarchy = "start_date"
    autocomplete_fields = ["alternatives", "tags"]
    inlines = [DeadlineInline, GoalInline, ParticipationInline, ActionItemInline]
    actions = ["confirm_events", "decline_events", "copy_to_next_edition"]
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
            super()
            .get_queryset(request)
            .annotate(
                deadline_total=Count("deadlines", distinct=True),
                participant_total=Count("participations", distinct=True),
            )
        )

    @admin.display(description=_("deadlines"), ordering="deadline_total")
    def deadline_count(self, obj):
        return obj.deadline_total

    @admin.display(description=_("people"), ordering="participant_total")
    def participant_count(self, obj):
        return obj.participant_total

    @admin.action(description=_("Confirm the selected events"))
    def confirm_events(self, request, queryset):
        for event in queryset:
            services.event_confirm(event=event)
        self.message_user(
            request,
            ngettext("%(count)d event confirmed.", "%(count)d events confirmed.", len(queryset))
            % {"count": len(queryset)},
            messages.SUCCESS,
        )

    @admin.action(description=_("Decline the selected events"))
    def decline_events(self, request, queryset):
        for event in queryset:
            services.event_decline(event=event)
        self.message_user(
            request,
            ngettext("%(count)d event declined.", "%(count)d events declined.", len(queryset))
            % {"count": len(queryset)},
            messages.SUCCESS,
        )

    @admin.action(description=_("Copy to the next edition"))
    def copy_to_next_edition(self, request, queryset):
        copies = []
        for event in queryset:
            try:
                copies.append(services.event_copy_to_next_edition(event=event))
            except ValidationError as error:
                self.message_user(request, f"{event}: {'; '.join(error.messages)}", messages.ERROR)
        if copies:
            self.message_user(
                request,
                format_html(
                    "{} {}",
                    _("Created as 'considering':"),
                    format_html_join(
                        ", ", '<a href="../event/{}/change/">{}</a>', ((c.pk, c.name) for c in copies)
                    ),
                ),
                messages.SUCCESS,
            )


@admin.register(Deadline)
class DeadlineAdmin(admin.ModelAdmin):
    form = DeadlineForm
    list_display = ["event", "kind", "due_at", "announced", "is_public"]
    list_filter = ["kind", "is_public", "event__status"]
    search_fields = ["event__name", "title"]
    autocomplete_fields = ["event"]
    list_select_related = ["event"]
    date_hierarchy = "due_at"

    def get_fields(self, request, obj=None):
        return ["event", *DeadlineForm.Meta.fields]

    @admin.display(description=_("as announced"))
    def announced(self, obj):
        return f"{obj.local_due_at:%Y-%m-%d %H:%M} {obj.zone_label}"


@admin.register(Goal)
class GoalAdmin(admin.ModelAdmin):
    list_display = ["event", "kind", "status", "owner"]
    list_filter = ["kind", "status"]
    search_fields = ["event__name", "details", "owner__display_name"]
    autocomplete_fields = ["event", "owner"]
    list_select_related = ["event", "owner"]


@admin.register(Participation)
class ParticipationAdmin(admin.ModelAdmin):
    list_display = ["member", "event", "role", "status", "needs_travel", "needs_visa", "visa_status"]
    list_filter = ["role", "status", "needs_travel", "needs_visa", "visa_status"]
    search_fields = ["member__display_name", "event__name"]
    autocomplete_fields = ["event", "member"]
    list_select_related = ["event", "member"]
    actions = ["confirm_participations"]

    @admin.action(description=_("Confirm the selected participations"))
    def confirm_participations(self, request, queryset):
        for participation in queryset.select_related("event", "member"):
            services.participation_confirm(participation=participation)
        self.message_user(request, _("Confirmed."), messages.SUCCESS)


@admin.register(ActionItem)
class ActionItemAdmin(admin.ModelAdmin):
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
class IdeaAdmin(admin.ModelAdmin):
    list_display = ["title", "kind", "proposer", "status", "parent"]
    list_filter = ["kind", "status"]
    search_fields = ["title", "description", "proposer__display_name"]
    autocomplete_fields = ["proposer", "parent"]
    list_select_related = ["proposer", "parent"]


@admin.register(Contact)
class ContactAdmin(admin.ModelAdmin):
    list_display = ["name", "organization", "position", "owner", "follow_up_status", "next_follow_up"]
    list_filter = ["follow_up_status"]
    search_fields = ["name", "organization", "position", "notes"]
    autocomplete_fields = ["owner", "events"]
    list_select_related = ["owner"]


def double_booking_warnings(member_ids):
    """Human-readable warnings about members booked at overlapping events."""
    clashes = double_bookings(member_ids=member_ids)
    return {
        member_id: [
            _("%(a)s and %(b)s overlap") % {"a": first.name, "b": second.name} for first, second in pairs
        ]
        for member_id, pairs in clashes.items()
    }
