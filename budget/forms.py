"""The budget pages' forms: shape only (types, required fields). The rules are the
services'; intl_portal.common.forms.add_refusal puts a service's refusal on the form."""

from django import forms
from django.utils.translation import gettext_lazy as _

from events.models import Event
from intl_portal.common.forms import StackedFormMixin

from .models import Budget, Expense


class ExpenseForm(StackedFormMixin, forms.ModelForm):
    """A member records what they spent, with the receipt."""

    class Meta:
        model = Expense
        fields = ["event", "category", "description", "amount", "currency", "spent_on", "receipt"]
        widgets = {
            "spent_on": forms.DateInput(attrs={"type": "date"}),
            "receipt": forms.ClearableFileInput(
                attrs={"accept": ".pdf,.png,.jpg,.jpeg,.webp,application/pdf,image/*"}
            ),
        }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["event"].queryset = Event.objects.exclude(status__in=Event.CLOSED_STATUSES).order_by(
            "-start_date", "name"
        )
        self.fields["receipt"].required = True
        self.fields["amount"].min_value = 0


class DecisionForm(forms.Form):
    comment = forms.CharField(
        label=_("Comment"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_("Required when rejecting."),
    )


class BudgetSubmitForm(forms.Form):
    body = forms.ChoiceField(label=_("Submit to"), choices=Budget.ApprovalBody.choices, required=True)


class LineImportForm(StackedFormMixin, forms.Form):
    file = forms.FileField(
        label=_("CSV file"),
        help_text=_("Header row: event, person, category, description, amount, currency, person_trips."),
    )
