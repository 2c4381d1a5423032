"""Admin for the reminder outbox, group channels, the group's defaults and members'
preferences. Every save and delete goes through the reminders' services, which plan
the outbox (a channel or the defaults: one re-plan in a Celery task after the commit)."""

from django import forms
from django.contrib import admin, messages
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext

from intl_portal.common.admin import ReadOnlyAdmin, ServiceAdmin

from ..models.reminders import Reminder, ReminderChannel, ReminderDefaults, ReminderPreference
from . import services


@admin.register(ReminderDefaults)
class ReminderDefaultsAdmin(ServiceAdmin):
    list_display = ["__str__", "offsets", "grace_period", "max_attempts", "updated_at"]

    def has_add_permission(self, request):
        return super().has_add_permission(request) and not ReminderDefaults.objects.exists()

    def service_data(self, form, formsets):
        # The service takes the defaults with the form's values set on them.
        return {"defaults": form.instance}

    def service_create(self, request, data):
        return services.reminder_defaults_save(**data)

    def service_update(self, request, obj, data):
        return services.reminder_defaults_save(**data)

    def service_delete(self, request, obj):
        services.reminder_defaults_delete(defaults=obj)


class ReminderChannelForm(forms.ModelForm):
    # Not named "secret": admin would copy it onto the channel, and an empty box keeps it.
    new_secret = forms.CharField(
        label=_("signing secret"),
        required=False,
        max_length=200,
        widget=forms.PasswordInput(render_value=False),
        help_text=_("Leave empty to keep the stored secret; tick “clear secret” to remove it."),
    )
    clear_secret = forms.BooleanField(label=_("clear secret"), required=False)

    class Meta:
        model = ReminderChannel
        fields = ["name", "kind", "url", "email", "language", "offsets", "active"]

    def secret_to_save(self):
        """For the service: None keeps the stored secret, "" removes it, else the new one."""
        if self.cleaned_data.get("clear_secret"):
            return ""
        return self.cleaned_data.get("new_secret") or None


@admin.register(ReminderChannel)
class ReminderChannelAdmin(ServiceAdmin):
    form = ReminderChannelForm
    fields = ["name", "kind", "url", "email", "new_secret", "clear_secret", "language", "offsets", "active"]
    list_display = ["name", "kind", "language", "offsets", "active", "has_secret"]
    list_filter = ["kind", "active", "language"]
    search_fields = ["name"]

    @admin.display(boolean=True, description=_("secret"))
    def has_secret(self, channel):
        return bool(channel.secret)

    def service_data(self, form, formsets):
        # The service takes the channel with the form's values set on it.
        return {"channel": form.instance, "secret": form.secret_to_save()}

    def service_create(self, request, data):
        return services.reminder_channel_save(**data)

    def service_update(self, request, obj, data):
        return services.reminder_channel_save(**data)

    def service_delete(self, request, obj):
        services.reminder_channel_delete(channel=obj)


@admin.register(ReminderPreference)
class ReminderPreferenceAdmin(ServiceAdmin):
    fields = ["member", "offsets", "by_email", "chat_kind", "chat_url", "muted_events", "followed_events"]
    list_display = ["member", "offsets", "by_email", "chat_kind", "updated_at"]
    list_select_related = ["member"]
    search_fields = ["member__display_name"]
    raw_id_fields = ["member"]
    filter_horizontal = ["muted_events", "followed_events"]

    def get_readonly_fields(self, request, obj=None):
        return ["member"] if obj is not None else []

    def service_create(self, request, data):
        return services.reminder_preferences_update(**data)

    def service_update(self, request, obj, data):
        return services.reminder_preferences_update(member=obj.member, **data)

    def service_delete(self, request, obj):
        services.reminder_preferences_delete(preference=obj)


@admin.register(Reminder)
class ReminderAdmin(ReadOnlyAdmin):
    """The outbox is written by planning and dispatch only: here it is read, and failed or
    skipped rows can be queued again."""

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

    def has_retry_permission(self, request):
        return request.user.has_perm("events.change_reminder")

    @admin.display(description=_("recipient"))
    def recipient(self, reminder):
        return reminder.member or reminder.channel

    @admin.display(description=_("before"), ordering="offset")
    def offset_label(self, reminder):
        return reminder.offset_label

    @admin.display(description=_("last error"))
    def short_error(self, reminder):
        return (reminder.last_error or "")[:80]

    @admin.action(
        description=_("Try the selected failed or skipped reminders again now"),
        permissions=["retry"],
    )
    def retry(self, request, queryset):
        count = services.reminders_retry(reminder_ids=list(queryset.values_list("pk", flat=True)))
        self.message_user(
            request,
            ngettext("%(count)d reminder queued again.", "%(count)d reminders queued again.", count)
            % {"count": count},
            messages.SUCCESS,
        )
