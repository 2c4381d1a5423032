"""The form on a member's calendar feed page (validation rules live in services.py)."""

from django import forms
from django.utils.translation import gettext_lazy as _

from intl_portal.common.forms import StackedFormMixin
from intl_portal.common.languages import Language

from ..models import CalendarFeed, Deadline
from .services import ALARM_CHOICES_MINUTES

ALARM_LABELS = {
    0: _("At the deadline"),
    60: _("1 hour before"),
    3 * 60: _("3 hours before"),
    24 * 60: _("1 day before"),
    2 * 24 * 60: _("2 days before"),
    3 * 24 * 60: _("3 days before"),
    7 * 24 * 60: _("7 days before"),
    14 * 24 * 60: _("14 days before"),
}


class CalendarFeedForm(StackedFormMixin, forms.Form):
    scope = forms.ChoiceField(label=_("Events"), choices=CalendarFeed.Scope.choices, widget=forms.RadioSelect)
    kinds = forms.MultipleChoiceField(
        label=_("Deadline kinds"),
        choices=Deadline.Kind.choices,
        required=False,
        widget=forms.CheckboxSelectMultiple,
        help_text=_("Tick none to get every kind."),
    )
    alarm_minutes = forms.TypedMultipleChoiceField(
        label=_("Reminders"),
        coerce=int,
        choices=[(minutes, ALARM_LABELS[minutes]) for minutes in reversed(ALARM_CHOICES_MINUTES)],
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )
    language = forms.ChoiceField(
        label=_("Language of the feed"),
        choices=[("", _("My language for messages")), *Language.choices],
        required=False,
    )
    include_events = forms.BooleanField(
        label=_("Also show the events' own dates (all-day entries)"), required=False
    )

    def __init__(self, *args, feed, **kwargs):
        kwargs.setdefault(
            "initial",
            {
                "scope": feed.scope,
                "kinds": feed.kinds,
                "alarm_minutes": feed.alarm_minutes,
                "language": feed.language,
                "include_events": feed.include_events,
            },
        )
        super().__init__(*args, **kwargs)
