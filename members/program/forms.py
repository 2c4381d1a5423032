"""Forms of the program pages; they only check the shape of the input (types, required
fields), the services decide (intl_portal.common.forms.add_refusal puts their refusal on the form).
Labels start with a capital, as Django writes a model field's verbose name (capfirst)."""

from django import forms
from django.utils.text import capfirst
from django.utils.translation import gettext_lazy as _

from events.models import Event
from intl_portal.common.forms import StackedFormMixin
from members.models import (
    Contribution,
    ContributionPublication,
    Enrolment,
    Member,
    Reward,
    StockLocation,
    SwagRequest,
    SwagVariant,
)


class EnrolmentForm(StackedFormMixin, forms.ModelForm):
    class Meta:
        model = Enrolment
        fields = ["track", "region", "language_pair", "motivation", "show_publicly"]
        widgets = {"motivation": forms.Textarea(attrs={"rows": 3})}


class ContributionForm(StackedFormMixin, forms.ModelForm):
    url_zh = forms.URLField(
        label=capfirst(_("link (Chinese)")), max_length=500, required=False, assume_scheme="https"
    )
    url_en = forms.URLField(
        label=capfirst(_("link (English)")), max_length=500, required=False, assume_scheme="https"
    )

    class Meta:
        model = Contribution
        fields = [
            "kind",
            "title_zh",
            "title_en",
            "url_zh",
            "url_en",
            "outline",
            "event",
            "show_publicly",
        ]
        widgets = {"outline": forms.Textarea(attrs={"rows": 3})}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["event"].queryset = Event.objects.order_by("-start_date")


class ConsentForm(forms.Form):
    """List me / hide me: the buttons post 1 or 0."""

    show_publicly = forms.TypedChoiceField(
        choices=[("1", "1"), ("0", "0")], coerce=lambda value: value == "1"
    )


# What an <input type="datetime-local"> reads (a stored time shows in the box when editing).
LOCAL_DATETIME = "%Y-%m-%dT%H:%M"


class PublicationForm(StackedFormMixin, forms.Form):
    channel = forms.ChoiceField(
        label=capfirst(_("channel")),
        choices=[("", "—"), *ContributionPublication.Channel.choices],
        required=False,
    )
    language = forms.ChoiceField(
        label=capfirst(_("language")), choices=ContributionPublication.Language.choices
    )
    url = forms.URLField(label=capfirst(_("link")), required=False, max_length=500, assume_scheme="https")
    planned_for = forms.DateTimeField(
        label=capfirst(_("planned for")),
        required=False,
        widget=forms.DateTimeInput(attrs={"type": "datetime-local"}, format=LOCAL_DATETIME),
    )
    published_at = forms.DateTimeField(
        label=capfirst(_("published at")),
        required=False,
        widget=forms.DateTimeInput(attrs={"type": "datetime-local"}, format=LOCAL_DATETIME),
    )


PublicationFormSet = forms.formset_factory(PublicationForm, extra=3, max_num=12)


class ReviewForm(forms.Form):
    note = forms.CharField(
        label=capfirst(_("note")), required=False, widget=forms.Textarea(attrs={"rows": 2})
    )


class SwagRequestForm(StackedFormMixin, forms.ModelForm):
    class Meta:
        model = SwagRequest
        fields = ["recipient_name", "address", "phone", "reason", "event", "note"]
        widgets = {
            "address": forms.Textarea(attrs={"rows": 3}),
            "note": forms.Textarea(attrs={"rows": 2}),
        }


class SwagLineForm(StackedFormMixin, forms.Form):
    variant = forms.ModelChoiceField(
        label=capfirst(_("item")),
        queryset=SwagVariant.objects.filter(item__active=True).select_related("item"),
        required=False,
    )
    quantity = forms.IntegerField(label=capfirst(_("quantity")), min_value=1, initial=1, required=False)

    def clean(self):
        cleaned = super().clean()
        if cleaned.get("variant") and not cleaned.get("quantity"):
            self.add_error("quantity", _("How many?"))
        return cleaned


SwagLineFormSet = forms.formset_factory(SwagLineForm, extra=3, max_num=20)


class ShipForm(forms.Form):
    tracking_note = forms.CharField(label=capfirst(_("tracking note")), max_length=200, required=False)


class ApproveForm(forms.Form):
    ship_from = forms.ModelChoiceField(
        label=capfirst(_("ship from")), queryset=StockLocation.objects.all(), required=False
    )


SHIPPING = {"data-show-if": "variant"}


class RewardForm(StackedFormMixin, forms.Form):
    # The shipping fields show (static/js/forms.js) once an item to send is chosen.
    member = forms.ModelChoiceField(label=capfirst(_("member")), queryset=Member.objects.filter(active=True))
    kind = forms.ChoiceField(label=capfirst(_("kind")), choices=Reward.Kind.choices)
    title = forms.CharField(label=capfirst(_("title")), max_length=200)
    description = forms.CharField(
        label=capfirst(_("description")), required=False, widget=forms.Textarea(attrs={"rows": 2})
    )
    contribution = forms.ModelChoiceField(
        label=capfirst(_("for contribution")),
        queryset=Contribution.objects.filter(status=Contribution.Status.ACCEPTED).select_related("member"),
        required=False,
    )
    variant = forms.ModelChoiceField(
        label=capfirst(_("swag to send")),
        queryset=SwagVariant.objects.filter(item__active=True).select_related("item"),
        required=False,
        help_text=_("Choose an item to send it: the reward becomes an approved swag request."),
    )
    quantity = forms.IntegerField(
        label=capfirst(_("quantity")),
        min_value=1,
        initial=1,
        required=False,
        widget=forms.NumberInput(SHIPPING),
    )
    recipient_name = forms.CharField(
        label=capfirst(_("recipient")), max_length=100, required=False, widget=forms.TextInput(SHIPPING)
    )
    address = forms.CharField(
        label=capfirst(_("postal address")), required=False, widget=forms.Textarea({"rows": 3, **SHIPPING})
    )
    phone = forms.CharField(
        label=capfirst(_("phone")), max_length=50, required=False, widget=forms.TextInput(SHIPPING)
    )
    ship_from = forms.ModelChoiceField(
        label=capfirst(_("ship from")),
        queryset=StockLocation.objects.all(),
        required=False,
        widget=forms.Select(SHIPPING),
    )

    def clean(self):
        cleaned = super().clean()
        if cleaned.get("variant") and not (cleaned.get("address") or "").strip():
            self.add_error("address", _("Where should the swag go?"))
        return cleaned
