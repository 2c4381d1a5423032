from django import forms
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from intl_portal.common.forms import StackedFormMixin

from ..models import Event
from ..models.reminder_settings import PERSONAL_CHAT_KINDS, ReminderDefaults


class ReminderPreferenceForm(StackedFormMixin, forms.Form):
    blank_labels = {"chat_kind": _("No chat bot")}

    offsets = forms.CharField(
        label=_("When to remind me"),
        required=False,
        max_length=200,
        help_text=_(
            "How long before each deadline: d for days, h for hours, separated by commas, "
            "e.g. 7d, 1d, 2h. Empty: the group's defaults (%(defaults)s)."
        ),
    )
    by_email = forms.BooleanField(label=_("By e-mail"), required=False)
    chat_kind = forms.ChoiceField(
        label=_("Personal chat bot"),
        required=False,
        choices=[("", _("None")), *((via.value, via.label) for via in PERSONAL_CHAT_KINDS)],
    )
    # static/js/forms.js shows the bot's address and secret once a bot is chosen.
    chat_url = forms.URLField(
        label=_("Bot webhook URL"),
        required=False,
        max_length=500,
        assume_scheme="https",
        widget=forms.URLInput(attrs={"data-show-if": "chat_kind"}),
    )
    chat_secret = forms.CharField(
        label=_("Bot signing secret"),
        required=False,
        max_length=200,
        widget=forms.PasswordInput(render_value=False, attrs={"data-show-if": "chat_kind"}),
        help_text=_("Feishu/Lark and DingTalk only. Leave empty to keep the stored one."),
    )
    digest_by_email = forms.BooleanField(label=_("Weekly digest by e-mail"), required=False)
    digest_by_chat = forms.BooleanField(label=_("Weekly digest on my chat bot"), required=False)
    followed_events = forms.ModelMultipleChoiceField(
        label=_("Also remind me about"),
        required=False,
        queryset=Event.objects.none(),
        widget=forms.CheckboxSelectMultiple,
    )
    muted_events = forms.ModelMultipleChoiceField(
        label=_("Never remind me about"),
        required=False,
        queryset=Event.objects.none(),
        widget=forms.CheckboxSelectMultiple,
    )

    def __init__(self, *args, has_email=True, **kwargs):
        super().__init__(*args, **kwargs)
        if not has_email:
            # Nothing can be sent by e-mail: not offered ticked (the page says why).
            for name in ("by_email", "digest_by_email"):
                self.fields[name].disabled = True
                self.fields[name].help_text = _("You have no e-mail address on record.")
                self.initial[name] = False
        # Events still ahead (or without dates yet): a past event has no deadline to remind of.
        today = timezone.localdate()
        events = (
            Event.objects.exclude(status__in=Event.CLOSED_STATUSES)
            .filter(Q(start_date__isnull=True) | Q(start_date__gte=today) | Q(end_date__gte=today))
            .only("pk", "name", "start_date")
        )
        self.fields["followed_events"].queryset = events
        self.fields["muted_events"].queryset = events
        self.fields["offsets"].help_text = self.fields["offsets"].help_text % {
            "defaults": ReminderDefaults.load().offsets
        }
