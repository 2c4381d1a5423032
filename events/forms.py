"""Filter forms of the members' pages (calendar, CFP board)."""

import datetime as dt
import re

from django import forms
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy
from django_countries import countries as all_countries

from .models import Event

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
