"""Admin for the reminder outbox, group channels, the group's defaults and members'
preferences. Every save and delete goes through the reminders' services, which plan
the outbox (a channel or the defaults: one re-plan in a Celery task after the commit)."""

from django import forms
from django.contrib import admin, messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.shortcuts import get_object_or_404, redirect
from django.urls import path, reverse
from django.utils import timezone
from django.utils.decorators import method_decorator
from django.utils.formats import date_format
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext
from django.views.decorators.http import require_POST

import intl_portal.common.converters  # noqa: F401  (registers "id")
from intl_portal.common.admin import ReadOnlyAdmin, ServiceAdmin
from intl_portal.common.durations import offset_before

from ..models.reminder_settings import ReminderChannel, ReminderDefaults, ReminderPreference
from ..models.reminders import Reminder
from . import services
from .channels import redacted_url


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
    # The URL and secret are write-only: a WeCom key or DingTalk token is in the URL itself.
    # Not named "url"/"secret": admin would copy them onto the channel, and an empty box
    # keeps what is stored.
    new_url = forms.URLField(
        label=_("webhook URL"),
        required=False,
        max_length=500,
        assume_scheme="https",
        widget=forms.URLInput(attrs={"autocomplete": "off", "size": 80}),
        help_text=_(
            "For chat robots and webhooks. Never shown again once saved (the key is in it): "
            "leave empty to keep the stored one."
        ),
    )
    new_secret = forms.CharField(
        label=_("signing secret"),
        required=False,
        max_length=200,
        widget=forms.PasswordInput(render_value=False),
        help_text=_("Leave empty to keep the stored secret; tick “clear secret” to remove it."),
    )
    clear_secret = forms.BooleanField(label=_("clear secret"), required=False)
    # A plain box: admin's time widget would warn about the browser's offset from the
    # server, but this time is in the channel's own zone.
    digest_time = forms.TimeField(
        label=_("digest time"),
        widget=forms.TimeInput(format="%H:%M", attrs={"size": 6}),
        help_text=_("In the channel's time zone, e.g. 10:00."),
    )

    class Meta:
        model = ReminderChannel
        fields = [
            "name",
            "kind",
            "email",
            "language",
            "active",
            "send_reminders",
            "offsets",
            "public_only",
            "digest",
            "digest_weekday",
            "digest_time",
            "timezone",
        ]

    def clean(self):
        cleaned = super().clean()
        if cleaned.get("new_url"):
            # The model's own checks (a robot needs a URL) see the new one.
            self.instance.url = cleaned["new_url"]
        return cleaned

    def add_error(self, field, error):
        # The model's checks speak of "url"; on this form the box is "new_url".
        if field == "url":
            field = "new_url"
        elif (
            field is None and isinstance(error, ValidationError) and "url" in getattr(error, "error_dict", {})
        ):
            error.error_dict["new_url"] = error.error_dict.pop("url")
        super().add_error(field, error)

    def url_to_save(self):
        """For the service: None keeps the stored URL."""
        return self.cleaned_data.get("new_url") or None

    def secret_to_save(self):
        """For the service: None keeps the stored secret, "" removes it, else the new one."""
        if self.cleaned_data.get("clear_secret"):
            return ""
        return self.cleaned_data.get("new_secret") or None


@admin.register(ReminderChannel)
class ReminderChannelAdmin(ServiceAdmin):
    form = ReminderChannelForm
    change_form_template = "admin/events/reminderchannel/change_form.html"
    fieldsets = [
        (None, {"fields": ["name", "kind", "stored_url", "new_url", "email", "new_secret", "clear_secret"]}),
        (None, {"fields": ["language", "active"]}),
        (_("Deadline reminders"), {"fields": ["send_reminders", "offsets", "public_only"]}),
        (_("Weekly digest"), {"fields": ["digest", "digest_weekday", "digest_time", "timezone"]}),
    ]
    readonly_fields = ["stored_url"]
    list_display = ["name", "kind", "language", "send_reminders", "digest", "active", "has_secret"]
    list_filter = ["kind", "active", "digest", "language"]
    search_fields = ["name"]
    actions = ["send_test"]

    @admin.display(boolean=True, description=_("secret"))
    def has_secret(self, channel):
        return bool(channel.secret)

    @admin.display(description=_("stored URL"))
    def stored_url(self, channel):
        return redacted_url(channel.url) if channel.url else "—"

    def service_data(self, form, formsets):
        # The service takes the channel with the form's values set on it.
        return {"channel": form.instance, "secret": form.secret_to_save(), "url": form.url_to_save()}

    def service_create(self, request, data):
        return services.reminder_channel_save(**data)

    def service_update(self, request, obj, data):
        return services.reminder_channel_save(**data)

    def service_delete(self, request, obj):
        services.reminder_channel_delete(channel=obj)

    # --- "test this channel" -----------------------------------------------------------

    def has_send_test_permission(self, request):
        return request.user.has_perm("events.change_reminderchannel")

    def get_urls(self):
        test = self.admin_site.admin_view(self.send_test_view)
        name = f"{self.opts.app_label}_{self.opts.model_name}_test"
        return [path("<id:object_id>/test/", test, name=name), *super().get_urls()]

    @method_decorator(require_POST)
    def send_test_view(self, request, object_id):
        if not self.has_send_test_permission(request):
            raise PermissionDenied
        channel = get_object_or_404(ReminderChannel, pk=object_id)
        self._report_test(request, channel)
        return redirect(
            reverse(f"admin:{self.opts.app_label}_{self.opts.model_name}_change", args=[channel.pk])
        )

    @admin.action(description=_("Send a test message to the selected channels"), permissions=["send_test"])
    def send_test(self, request, queryset):
        for channel in queryset:
            self._report_test(request, channel)

    def _report_test(self, request, channel):
        result = services.reminder_channel_test(channel=channel)
        if result.ok:
            self.message_user(
                request,
                _("“%(channel)s” took the test message. Its answer: %(answer)s")
                % {"channel": channel.name, "answer": result.answer},
                messages.SUCCESS,
            )
        elif result.retry_at is not None:
            self.message_user(
                request,
                _("“%(channel)s” is throttled: try again after %(when)s. Its answer: %(answer)s")
                % {
                    "channel": channel.name,
                    "when": date_format(timezone.localtime(result.retry_at), "DATETIME_FORMAT"),
                    "answer": result.answer,
                },
                messages.WARNING,
            )
        else:
            self.message_user(
                request,
                _("“%(channel)s” did not take the test message. Its answer: %(answer)s")
                % {"channel": channel.name, "answer": result.answer},
                messages.ERROR,
            )


@admin.register(ReminderPreference)
class ReminderPreferenceAdmin(ServiceAdmin):
    fields = [
        "member",
        "offsets",
        "by_email",
        "chat_kind",
        "chat_url",
        "digest_by_email",
        "digest_by_chat",
        "muted_events",
        "followed_events",
    ]
    list_display = ["member", "when", "by_email", "chat_kind", "updated_at"]
    list_select_related = ["member"]
    search_fields = ["member__display_name"]
    autocomplete_fields = ["member"]
    filter_horizontal = ["muted_events", "followed_events"]

    def get_readonly_fields(self, request, obj=None):
        return ["member"] if obj is not None else []

    @admin.display(description=_("offsets"), ordering="offsets")
    def when(self, preference):
        return preference.offsets or _("group default")

    def service_create(self, request, data):
        return services.reminder_preferences_update(**data)

    def service_update(self, request, obj, data):
        return services.reminder_preferences_update(member=obj.member, **data)

    def service_delete(self, request, obj):
        services.reminder_preferences_delete(preference=obj)


class _Named:
    """A row as the changelist's checkbox sees it: its key and its name."""

    def __init__(self, pk, name):
        self.pk, self.name = pk, name

    def __str__(self):
        return str(self.name)


@admin.register(Reminder)
class ReminderAdmin(ReadOnlyAdmin):
    """The outbox is written by planning and dispatch only: here it is read, and failed or
    skipped rows can be queued again. What a row is about is said in the reader's language,
    from the row's deadline, travel step, week or comment (the stored label is English)."""

    list_display = ["what", "recipient", "via", "before", "send_at", "state"]
    list_filter = ["state", "kind", "via"]
    list_select_related = [
        "member",
        "channel",
        "deadline__event",
        "travel_step__participation__event",
        "comment__author",
        "comment__event",
    ]
    search_fields = ["label", "member__display_name", "channel__name", "last_error"]
    date_hierarchy = "send_at"
    ordering = ["-send_at"]
    actions = ["retry"]
    readonly_fields = ["what", "recipient", "before"]
    SOURCES = ["deadline", "travel_step", "comment", "period", "deadline_due_at"]
    INTERNALS = ["attempts", "not_before", "lease_until", "claim_token", "label", "created_at", "updated_at"]

    def get_fieldsets(self, request, obj=None):
        sources = [name for name in self.SOURCES if obj is not None and getattr(obj, name) is not None]
        main = ["what", "kind", "recipient", "via", "before", "send_at", "state", "sent_at", "last_error"]
        return [
            (None, {"fields": main + sources}),
            (_("Delivery internals"), {"fields": self.INTERNALS, "classes": ["collapse"]}),
        ]

    def change_view(self, request, object_id, form_url="", extra_context=None):
        reminder = self.get_object(request, object_id)
        if reminder is not None:
            subtitle = f"{self.what(reminder)} → {self.recipient(reminder)}"
            extra_context = {**(extra_context or {}), "subtitle": subtitle}
        return super().change_view(request, object_id, form_url, extra_context)

    def action_checkbox(self, reminder):
        # The checkbox is named like the row, in the reader's language.
        return super().action_checkbox(_Named(reminder.pk, self.what(reminder)))

    @admin.display(description=_("what"), ordering="label")
    def what(self, reminder):
        if reminder.kind == Reminder.Kind.MENTION and reminder.comment is not None:
            comment = reminder.comment
            author = comment.author.display_name if comment.author_id else _("(a removed member)")
            return _("Mention by %(author)s · %(event)s") % {"author": author, "event": comment.event.name}
        if reminder.kind == Reminder.Kind.DIGEST and reminder.period is not None:
            return _("Weekly digest, the week of %(date)s") % {"date": date_format(reminder.period)}
        source = reminder.deadline or reminder.travel_step
        if source is not None:
            event = source.event if reminder.deadline is not None else source.participation.event
            return f"{event.name} · {source.get_kind_display()}"
        return reminder.label

    @admin.display(description=_("before"), ordering="offset")
    def before(self, reminder):
        if reminder.kind in (Reminder.Kind.DIGEST, Reminder.Kind.MENTION):
            return None
        return offset_before(reminder.offset)

    def has_retry_permission(self, request):
        return request.user.has_perm("events.change_reminder")

    @admin.display(description=_("recipient"))
    def recipient(self, reminder):
        return reminder.member or reminder.channel

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
