"""Shape checks only; the services decide (who may, when, which contributions)."""

from django import forms
from django.utils.text import capfirst
from django.utils.translation import gettext_lazy as _

from members.models import Contribution, Member

from ..models import Contact, EventReview, Outcome
from .services import OUTCOME_FIELDS, REVIEW_FIELDS


class OutcomeForm(forms.ModelForm):
    contributions = forms.ModelMultipleChoiceField(
        label=_("published pieces"), queryset=Contribution.objects.none(), required=False
    )

    class Meta:
        model = Outcome
        fields = [*OUTCOME_FIELDS]

    def __init__(self, *args, event=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["contributions"].queryset = Contribution.objects.filter(
            status=Contribution.Status.ACCEPTED, event=event
        ).select_related("member")

    def service_fields(self):
        data = dict(self.cleaned_data)
        return data.pop("contributions"), {name: data[name] for name in OUTCOME_FIELDS}


class ContactMadeForm(forms.Form):
    contact = forms.ModelChoiceField(label=_("contact"), queryset=Contact.objects.all())
    follow_up_owner = forms.ModelChoiceField(
        label=_("follow-up owner"), queryset=Member.objects.all(), required=False
    )


class EventReviewForm(forms.ModelForm):
    # Yes / Maybe / No as three radio buttons, no empty "---------" choice.
    go_again = forms.ChoiceField(
        label=capfirst(EventReview._meta.get_field("go_again").verbose_name),
        choices=EventReview.GoAgain.choices,
        widget=forms.RadioSelect,
    )

    class Meta:
        model = EventReview
        fields = [*REVIEW_FIELDS]
        widgets = {
            "what_worked": forms.Textarea(attrs={"rows": 3}),
            "what_did_not": forms.Textarea(attrs={"rows": 3}),
            "go_again_why": forms.Textarea(attrs={"rows": 2}),
        }


class ReviewVersionForm(forms.Form):
    """The query string of the review and its exports."""

    public = forms.BooleanField(required=False)
    lang = forms.ChoiceField(required=False, choices=[("", "")])

    def __init__(self, *args, languages=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["lang"].choices = [("", ""), *[(code, code) for code in languages]]
