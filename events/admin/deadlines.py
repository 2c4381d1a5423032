"""Deadlines in admin: typed as announced ("June 30, 15:59 KST"), saved by deadline_set."""

import datetime as dt

from django import forms
from django.contrib import admin
from django.db import models
from django.utils.html import format_html
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext

from intl_portal.common.admin import ServiceAdmin, ServiceInline, service_action
from intl_portal.common.timezones import ZoneField

from .. import services
from ..models import Deadline
from ..templatetags.event_tags import announced as announced_in_zone
from ..writes import DeadlineWrites
from .permissions import ManagedByEventCoordinators


class DeadlineForm(forms.ModelForm):
    """Coordinators type a deadline as announced: a local date and time plus the zone;
    events.services.deadline_set stores the UTC instant."""

    local_date = forms.DateField(label=_("Date (as announced)"))
    local_time = forms.TimeField(
        label=_("Time (as announced)"),
        required=False,
        help_text=_("Leave empty for a date-only deadline: 23:59 of that day."),
    )
    timezone = ZoneField(
        label=_("Time zone (as announced)"),
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

    def service_arguments(self):
        """The keyword arguments of deadline_set for this form's values (the event: the one
        chosen, or an inline row's parent)."""
        data = self.cleaned_data
        day, time = data["local_date"], data.get("local_time")
        extra = {name: data[name] for name in ("title", "url", "is_public", "note") if name in data}
        return {
            "event": data["event"],
            "kind": data["kind"],
            "local": day if time is None else dt.datetime.combine(day, time),
            "zone": data["timezone"],
            "date_only": time is None,
            **extra,
        }


class EventStatusFilter(admin.ChoicesFieldListFilter):
    """The event's status, titled as such (not the deadline's own)."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.title = _("event status")


class DeadlineInline(DeadlineWrites, ManagedByEventCoordinators, ServiceInline):
    model = Deadline
    form = DeadlineForm
    extra = 0
    fields = ["kind", "title", "local_date", "local_time", "timezone", "utc_instant", "url", "is_public"]
    readonly_fields = ["utc_instant"]
    # A plain address field: Django's "Currently: <link> Change: <field>" made each row
    # twice as wide as the window.
    formfield_overrides = {models.URLField: {"widget": forms.URLInput(attrs={"class": "vURLField"})}}

    @admin.display(description=_("UTC"))
    def utc_instant(self, obj):
        if not obj.due_at:
            return "—"
        # The date and the time each on one line ("2026-11-/20" was unreadable).
        return format_html(
            '<span class="nowrap">{}</span> <span class="nowrap">{}</span>',
            obj.due_at.strftime("%Y-%m-%d"),
            obj.due_at.strftime("%H:%M UTC"),
        )

    def service_data(self, row):
        return row.service_arguments()


@admin.register(Deadline)
class DeadlineAdmin(DeadlineWrites, ManagedByEventCoordinators, ServiceAdmin):
    form = DeadlineForm
    list_display = ["event", "kind", "due_at", "announced", "is_public", "estimated"]
    list_filter = ["kind", "is_public", "due_estimated", ("event__status", EventStatusFilter)]
    actions = ["confirm_estimated_dates"]
    confirm_estimated_dates = service_action(
        _("Confirm the dates estimated from last year"),
        lambda request, deadline: services.deadline_confirm_date(user=request.user, deadline=deadline),
        lambda count: (
            ngettext("%(count)d deadline confirmed.", "%(count)d deadlines confirmed.", count)
            % {"count": count}
        ),
    )
    search_fields = ["event__name", "title"]
    autocomplete_fields = ["event"]
    list_select_related = ["event"]
    date_hierarchy = "due_at"

    def get_fields(self, request, obj=None):
        return ["event", *DeadlineForm.Meta.fields]

    @admin.display(description=_("estimated"), boolean=True, ordering="due_estimated")
    def estimated(self, obj):
        return obj.due_estimated

    @admin.display(description=_("as announced"))
    def announced(self, obj):
        return announced_in_zone(obj)

    def service_data(self, form, formsets):
        return form.service_arguments()
