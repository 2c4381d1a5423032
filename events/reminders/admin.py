"""Admin for the reminder outbox, group channels, the group's defaults and members'
preferences. Every save and delete goes through the reminders' services, which plan
the outbox (a channel or the defaults: one re-plan in a Celery task after the commit)."""

from django import forms
from django.contrib import admin, messages
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext

from ..models.reminders import Reminder, ReminderChannel, ReminderDefaults, ReminderPreference
from . import services


class DeletesOneByOne:
    """Admin's "delete selected" deletes each row through delete_model, i.e. the service."""

    def delete_queryset(self, request, queryset):
        for obj in queryset:
            self.delete_model(request, obj)


@admin.register(ReminderDefaults)
class ReminderDefaultsAdmin(DeletesOneByOne, admin.ModelAdmin):
    list_display = ["__str__", "offsets", "grace_period", "max_attempts", "updated_at"]

    def has_add_permission(self, request):
        return super().has_add_permission(request) and not ReminderDefaults.objects.exists()

    def save_model(self, request, obj, form, change):
        services.reminder_defaults_save(defaults=obj)

    def delete_model(self, request, obj):
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
class ReminderChannelAdmin(DeletesOneByOne, admin.ModelAdmin):
    form = ReminderChannelForm
    fields = ["name", "kind", "url", "email", "new_secret", "clear_secret", "language", "offsets", "active"]
    list_display = ["name", "kind", "language", "offsets", "active", "has_secret"]
    list_filter = ["kind", "active", "language"]
    search_fields = ["name"]

    @admin.display(boolean=True, description=_("secret"))
    def has_secret(self, channel):
        return bool(channel.secret)

    def save_model(self, request, obj, form, change):
        services.reminder_channel_save(channel=obj, secret=form.secret_to_save())

    def delete_model(self, request, obj):
        services.reminder_channel_delete(channel=obj)


class ReminderPreferenceForm(forms.ModelForm):
    class Meta:
        model = ReminderPreference
        fields = ["member", "offsets", "by_email", "chat_kind", "chat_url", "muted_events", "followed_events"]

    def clean(self):
        """The member page's rules (the service's), as errors on this form's fields."""
        data = super().clean()
        checked = ("offsets", "chat_kind", "chat_url")
        if not any(name in self.errors for name in checked):
            try:
                data["offsets"] = services.reminder_preferences_check(
                    **{name: data.get(name) or "" for name in checked}
                )
            except ValidationError as error:
                self.add_error(None, error)
        return data


@admin.register(ReminderPreference)
class ReminderPreferenceAdmin(DeletesOneByOne, admin.ModelAdmin):
    form = ReminderPreferenceForm
    list_display = ["member", "offsets", "by_email", "chat_kind", "updated_at"]
    list_select_related = ["member"]
    search_fields = ["member__display_name"]
    raw_id_fields = ["member"]
    filter_horizontal = ["muted_events", "followed_events"]

    def get_readonly_fields(self, request, obj=None):
        return ["member"] if obj is not None else []

    def save_model(self, request, obj, form, change):
        data = form.cleaned_data
        saved = services.reminder_preferences_update(
            member=obj.member,
            offsets=data["offsets"],
            by_email=data["by_email"],
            chat_kind=data["chat_kind"],
            chat_url=data["chat_url"],
            muted_events=data["muted_events"],
            followed_events=data["followed_events"],
        )
        obj.pk = saved.pk  # admin logs and redirects to the saved row (a new one when adding)

    def save_related(self, request, form, formsets, change):
        pass  # the service saved the muted and followed events; there are no inlines

    def delete_model(self, request, obj):
        services.reminder_preferences_delete(preference=obj)


@admin.register(Reminder)
class ReminderAdmin(admin.ModelAdmin):
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

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False

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
