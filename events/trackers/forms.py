"""The Discover page's filters (shape only) and the coordinator's link form."""

from django import forms
from django.utils.translation import gettext_lazy as _
from django_countries import countries as all_countries

from ..models.trackers import Region


class DiscoverFilterForm(forms.Form):
    region = forms.ChoiceField(label=_("Region"), required=False)
    country = forms.ChoiceField(label=_("Country/region"), required=False)
    topic = forms.ChoiceField(label=_("Topic"), required=False)
    days_left = forms.IntegerField(
        label=_("Closes within (days)"), required=False, min_value=0, max_value=3650
    )
    attendance = forms.ChoiceField(
        label=_("Attendance"),
        required=False,
        choices=[("", _("Any")), ("online", _("Online")), ("in_person", _("In person"))],
    )

    def __init__(self, *args, countries=(), topics=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["region"].choices = [("", _("Any")), *Region.choices]
        self.fields["country"].choices = [("", _("Any")), *((c, all_countries.name(c)) for c in countries)]
        self.fields["topic"].choices = [("", _("Any")), *((t, t) for t in topics)]

    def selector_arguments(self):
        data = self.cleaned_data
        attendance = data.get("attendance")
        return {
            "region": data.get("region") or "",
            "country": data.get("country") or "",
            "topic": data.get("topic") or "",
            "days_left": data.get("days_left"),
            "online": {"online": True, "in_person": False}.get(attendance),
        }

    def query_items(self):
        return [(name, value) for name, value in self.data.items() if name in self.fields and value]


class LinkForm(forms.Form):
    event = forms.IntegerField(label=_("Event ID"), min_value=1)
