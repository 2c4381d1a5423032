"""Admin for the reminder outbox, group channels and the group's defaults."""

from django import forms
from django.contrib import admin, messages
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext

from ..models.reminders import Reminder, ReminderChannel, ReminderDefaults, ReminderPreference
from .services import reminders_retry


@admin.register(ReminderDefaults)
class ReminderDefaultsAdmin(admin.ModelAdmin):
    list_display = ["__str__", "offsets", "grace_period", "max_attempts", "updated_at"]

    def has_add_permission(self, request):
        return super().has_add_permission(request) and not ReminderDefaults.objects.exists()


class ReminderChannelForm(forms.ModelForm):
    secret = forms.CharField(
        label=_("signing secret"),
        required=False,
        max_length=200,
        widget=forms.PasswordInput(render_value=False),
        help_text=_("Leave empty to keep the stored secret; tick “clear secret” to remove it."),
    )
    clear_secret = forms.BooleanField(label=_("clear secret"), required=False)

    class Meta:
        model = ReminderChannel
        fields = ["name", "kind", "url", "email", "secret", "language", "offsets", "active"]

    def clean(self):
        data = super().clean()
        if data.get("clear_secret"):
            data["secret"] = ""
        elif not data.get("secret") and self.instance.pk:
            data["secret"] = ReminderChannel.objects.get(pk=self.instance.pk).secret
        return data


@admin.register(ReminderChannel)
class ReminderChannelAdmin(admin.ModelAdmin):
    form = ReminderChannelForm
    list_display = ["name", "kind", "language", "offsets", "active", "has_secret"]
    list_filter = ["kind", "active", "language"]
    search_fields = ["name"]

    @admin.display(boolean=True, description=_("secret"))
    def has_secret(self, channel):
        return bool(channel.secret)


@admin.register(ReminderPreference)
class ReminderPreferenceAdmin(admin.ModelAdmin):
    list_display = ["member", "offsets", "by_email", "chat_kind", "updated_at"]
    list_select_related = ["member"]
    search_fields = ["member__display_name"]
    raw_id_fields = ["member"]
    filter_horizontal = ["muted_events", "followed_events"]
    exclude = ["chat_secret"]


@admin.register(Reminder)
class ReminderAdmin(admin.ModelAdmin):
    list_display = [
        "label",
        "recipient",
        "via",
        "offset_label",
        "send_at",
        "state",
        "attempts",
        "sent_at",
        "short_error",
    ]
    list_filter = ["state", "via"]
    list_select_related = ["member", "channel"]
    search_fields = ["label", "member__display_name", "channel__name", "last_error"]
    date_hierarchy = "send_at"
    ordering = ["-send_at"]
    actions = ["retry"]
    readonly_fields = [
        "deadline",
        "member",
        "channel",
        "via",
        "offset",
        "deadline_due_at",
        "send_at",
        "not_before",
        "state",
        "attempts",
        "last_error",
        "sent_at",
        "lease_until",
        "claim_token",
        "label",
        "created_at",
        "updated_at",
    ]

    def has_add_permission(self, request):
        return False

    @admin.display(description=_("recipient"))
    def recipient(self, reminder):
        return reminder.member or reminder.channel

    @admin.display(description=_("before"), ordering="offset")
    def offset_label(self, reminder):
        return reminder.offset_label

    @admin.display(description=_("last error"))
    def short_error(self, reminder):
        return (reminder.last_error or "")[:80]

    @admin.action(description=_("Try the selected failed or skipped reminders again now"))
    def retry(self, request, queryset):
        count = reminders_retry(reminder_ids=list(queryset.values_list("pk", flat=True)))
        self.message_user(
            request,
            ngettext("%(count)d reminder queued again.", "%(count)d reminders queued again.", count)
            % {"count": count},
            messages.SUCCESS,
        )
