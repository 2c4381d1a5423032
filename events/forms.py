"""Filter forms of the members' pages (calendar, CFP board)."""

import datetime as dt
import re

from django import forms
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy
from django_countries import countries as all_countries

from intl_portal.common.forms import StackedFormMixin

from .models import DateChangeRequest, Event, Goal, Idea, Participation
from .models.date_change import DATE_FIELDS
from .services import PROPOSAL_FIELDS

ANY = [("", pgettext_lazy("filter", "Any"))]
MONTH_RE = re.compile(r"^(\d{4})-(\d{2})$")


class EventFilterForm(forms.Form):
    """The calendar's and CFP board's filters; every field is optional."""

    status = forms.ChoiceField(label=_("Status"), choices=ANY + Event.Status.choices, required=False)
    country = forms.ChoiceField(label=_("Country/region"), required=False)
    kind = forms.ChoiceField(
        label=pgettext_lazy("event kind", "Kind"), choices=ANY + Event.Kind.choices, required=False
    )
    tag = forms.ChoiceField(label=_("Tag"), required=False)
    priority = forms.TypedChoiceField(
        label=_("Priority"),
        choices=ANY + Event.Priority.choices,
        coerce=int,
        empty_value=None,
        required=False,
    )
    mine = forms.BooleanField(label=_("Events I take part in"), required=False)

    FIELDS = ("status", "country", "kind", "tag", "priority", "mine")

    def __init__(self, *args, tags=(), countries=(), allow_mine=False, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["country"].choices = ANY + [(code, all_countries.name(code)) for code in countries]
        self.fields["tag"].choices = ANY + [(tag.slug, str(tag)) for tag in tags]
        if not allow_mine:
            del self.fields["mine"]

    @property
    def is_filtering(self):
        return self.is_bound and any(self.data.get(name) for name in self.FIELDS)

    def selector_arguments(self, *, member_id=None):
        """Keyword arguments for `event_filter` from the cleaned values."""
        data = self.cleaned_data
        return {
            "status": data.get("status", ""),
            "country": data.get("country", ""),
            "kind": data.get("kind", ""),
            "tag": data.get("tag", ""),
            "priority": data.get("priority"),
            "member_id": member_id if data.get("mine") else None,
        }

    def query_items(self):
        """The active filters as (name, value) pairs, to keep them in links."""
        items = []
        for name in self.FIELDS:
            value = self.cleaned_data.get(name)
            if value in (None, "", False):
                continue
            items.append((name, "1" if value is True else str(value)))
        return items


def parse_month(value):
    """A "YYYY-MM" string as the first day of that month, or None when malformed."""
    match = MONTH_RE.match(value or "")
    if not match:
        return None
    year, month = int(match.group(1)), int(match.group(2))
    if not (1 <= month <= 12 and 1900 <= year <= 2999):
        return None
    return dt.date(year, month, 1)


def parse_year(value):
    if not (value or "").isdigit() or not 1900 <= int(value) <= 2999:
        return None
    return int(value)


# --- members acting: shape only; the services decide ---------------------------------------


# The dates' fields, each shown (static/js/forms.js) only for the precisions it serves.
_MONTHS = " ".join(Event.DatePrecision.values[1:5])
WHEN_WIDGETS = {
    "start_date": forms.DateInput(attrs={"type": "date", "data-show-if": "date_precision=exact"}),
    "end_date": forms.DateInput(attrs={"type": "date", "data-show-if": "date_precision=exact"}),
    "approx_year": forms.NumberInput(attrs={"data-show-if": f"date_precision={_MONTHS} quarter unannounced"}),
    "approx_month": forms.Select(
        choices=[("", "—")] + [(n, n) for n in range(1, 13)],
        attrs={"data-show-if": f"date_precision={_MONTHS}"},
    ),
    "approx_quarter": forms.Select(
        choices=[("", "—"), (1, "Q1"), (2, "Q2"), (3, "Q3"), (4, "Q4")],
        attrs={"data-show-if": "date_precision=quarter"},
    ),
}


class EventProposalForm(StackedFormMixin, forms.ModelForm):
    """Propose an event: name, link, place or online, exact or approximate dates, why, goals."""

    goals = forms.MultipleChoiceField(
        label=_("What could we do there?"),
        choices=Goal.Kind.choices,
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )

    class Meta:
        model = Event
        fields = [*PROPOSAL_FIELDS]
        widgets = {
            **WHEN_WIDGETS,
            "proposal_reason": forms.Textarea(attrs={"rows": 4}),
        }
        help_texts = {
            "approx_year": _("For approximate dates: the year, e.g. 2026."),
            "approx_month": _("For a month or part of a month."),
            "approx_quarter": _("For a quarter."),
        }

    def _post_clean(self):
        # Shape only: the model's constraints are the service's to check (event_propose).
        pass


class DateChangeRequestForm(StackedFormMixin, forms.ModelForm):
    """Ask for an event's other dates (exact or approximate, as a proposal gives them), with
    where they come from."""

    class Meta:
        model = DateChangeRequest
        fields = [*DATE_FIELDS, "reason"]
        widgets = {
            **WHEN_WIDGETS,
            "reason": forms.Textarea(attrs={"rows": 4, "maxlength": 2000}),
        }
        labels = {"reason": _("Where do the new dates come from?")}
        help_texts = {
            "approx_year": _("For approximate dates: the year, e.g. 2026."),
            "reason": _("E.g. “the organisers announced 12–14 June” with a link."),
        }

    def _post_clean(self):
        # Shape only: the service checks the dates (date_change_request).
        pass


class VolunteerForm(forms.Form):
    role = forms.ChoiceField(label=_("I'd like to go as"), choices=Participation.Role.choices)
    note = forms.CharField(
        label=_("Note"), max_length=2000, required=False, widget=forms.Textarea(attrs={"rows": 2})
    )


class OutcomeForm(forms.Form):
    outcome = forms.CharField(label=_("Outcome"), max_length=2000, required=False)


class DueDateRequestForm(forms.Form):
    due_date = forms.DateField(label=_("New due date"), widget=forms.DateInput(attrs={"type": "date"}))
    note = forms.CharField(label=_("Why"), max_length=300, required=False)


class TripForm(StackedFormMixin, forms.ModelForm):
    class Meta:
        model = Participation
        fields = ["needs_travel", "needs_visa", "invitation_letter", "visa_status", "trip_report"]
        # static/js/forms.js shows the visa's fields only when "Needs a visa" is ticked.
        widgets = {
            "invitation_letter": forms.Select(attrs={"data-show-if": "needs_visa"}),
            "visa_status": forms.Select(attrs={"data-show-if": "needs_visa"}),
            "trip_report": forms.Textarea(attrs={"rows": 4}),
        }

    def _post_clean(self):
        pass


class ProposalTriageForm(forms.Form):
    DECISIONS = [("accept", _("Accept")), ("decline", _("Decline")), ("merge", _("Merge into"))]
    decision = forms.ChoiceField(choices=DECISIONS)
    reason = forms.CharField(label=_("Reason (the proposer sees it)"), max_length=2000, required=False)
    into = forms.ModelChoiceField(queryset=Event.objects.none(), required=False)
    # Any other event, by the number in its address (/events/<number>/): the page offers only
    # the likely duplicates, the queue may hold events of any year.
    into_number = forms.IntegerField(label=_("or the event's number"), min_value=1, required=False)

    def __init__(self, *args, merge_targets=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["into"].queryset = merge_targets if merge_targets is not None else Event.objects.all()

    def clean(self):
        data = super().clean()
        number = data.get("into_number")
        if number and not data.get("into"):
            data["into"] = self.fields["into"].queryset.filter(pk=number).first()
            if data["into"] is None:
                self.add_error("into_number", _("There is no event with that number to merge into."))
        return data


class IdeaForm(StackedFormMixin, forms.Form):
    """An idea or open topic (the plan's sections 二 and 六), optionally about an event."""

    blank_labels = {"event": _("No event")}

    kind = forms.ChoiceField(label=pgettext_lazy("idea kind", "Kind"), choices=Idea.Kind.choices)
    title = forms.CharField(label=_("Title"), max_length=300)
    description = forms.CharField(
        label=_("Text"), max_length=5000, required=False, widget=forms.Textarea(attrs={"rows": 3})
    )
    event = forms.ModelChoiceField(label=_("Event"), queryset=Event.objects.none(), required=False)

    def __init__(self, *args, events=None, **kwargs):
        super().__init__(*args, **kwargs)
        if events is not None:
            self.fields["event"].queryset = events.order_by("name")
