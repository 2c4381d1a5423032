"""Shape checks for the travel pages; the rules are in events/travel/services.py."""

from django import forms
from django.utils.translation import gettext_lazy as _
from django_countries import countries

from intl_portal.common.forms import StackedFormMixin
from intl_portal.common.languages import Language

from ..models.travel import TravelStep


class PassportCountryForm(StackedFormMixin, forms.Form):
    passport_country = forms.ChoiceField(
        label=_("Passport country/region"),
        required=False,
        choices=[("", "—")],
        help_text=_("Only you and the coordinators see it. Never enter your passport number here."),
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["passport_country"].choices = [("", "—"), *countries]


class StepStateForm(forms.Form):
    state = forms.ChoiceField(label=_("State"), choices=TravelStep.State.choices)


class LetterIssueForm(forms.Form):
    language = forms.ChoiceField(label=_("Language"), choices=Language.choices)
    signer_name = forms.CharField(
        label=_("Signed by"), max_length=100, required=False, help_text=_("Empty: the template's signer.")
    )


class LetterPdfForm(forms.Form):
    passport_number = forms.CharField(
        label=_("Passport number"),
        max_length=40,
        help_text=_("Printed on the letter and never stored: type it each time you download the letter."),
        widget=forms.TextInput(attrs={"autocomplete": "off"}),
    )
