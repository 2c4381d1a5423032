"""The member's reminder page: /me/reminders/."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _

from intl_portal.common.forms import add_refusal
from members.permissions import member_of

from ..models.reminders import Reminder
from .forms import ReminderPreferenceForm
from .services import reminder_preferences_for, reminder_preferences_update

UPCOMING_LIMIT = 50


@login_required
def my_reminders(request):
    member = member_of(request.user)
    if member is None:
        raise PermissionDenied(_("Your log-in is not linked to a member of the group."))
    preference = reminder_preferences_for(member=member)
    if request.method == "POST":
        form = ReminderPreferenceForm(request.POST, has_email=bool(member.email))
        if form.is_valid():
            data = form.cleaned_data
            try:
                reminder_preferences_update(
                    member=member,
                    offsets=data["offsets"],
                    by_email=data["by_email"],
                    chat_kind=data["chat_kind"],
                    chat_url=data["chat_url"],
                    chat_secret=data["chat_secret"] or None,
                    muted_events=data["muted_events"],
                    followed_events=data["followed_events"],
                    digest_by_email=data["digest_by_email"],
                    digest_by_chat=data["digest_by_chat"],
                )
            except ValidationError as error:
                add_refusal(form, error)
            else:
                messages.success(request, _("Your reminder settings are saved."))
                return redirect("my_reminders")
    else:
        form = ReminderPreferenceForm(
            has_email=bool(member.email),
            initial={
                "offsets": preference.offsets,
                "by_email": preference.by_email,
                "chat_kind": preference.chat_kind,
                "chat_url": preference.chat_url,
                "digest_by_email": preference.digest_by_email,
                "digest_by_chat": preference.digest_by_chat,
                "followed_events": list(preference.followed_events.values_list("pk", flat=True)),
                "muted_events": list(preference.muted_events.values_list("pk", flat=True)),
            },
        )
    upcoming = (
        Reminder.objects.filter(member=member, state=Reminder.State.PENDING)
        .select_related(
            "deadline__event", "travel_step__participation__event", "comment__event", "comment__author"
        )
        .order_by("send_at", "pk")[:UPCOMING_LIMIT]
    )
    return render(
        request,
        "events/my_reminders.html",
        {
            "form": form,
            "member": member,
            "has_secret": bool(preference.chat_secret),
            "upcoming": upcoming,
        },
    )
