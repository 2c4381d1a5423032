"""Pages where a member asks for an event's other dates, and where coordinators answer those
requests and new ideas on the triage page. Thin doors: the form checks shape, one service
decides; a refusal is shown and changes nothing."""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from intl_portal.common.forms import add_refusal
from members.permissions import can_request_date_change, can_triage

from . import services
from .forms import DateChangeRequestForm
from .member_views import _allowed_by, _run
from .models import DateChangeRequest, Idea
from .models.date_change import DATE_FIELDS
from .selectors import events_visible_to


@_allowed_by(can_request_date_change)
def event_date_change(request, pk):
    """The form is on the event's page; a refusal is shown here, with what was typed."""
    event = get_object_or_404(events_visible_to(user=request.user), pk=pk)
    initial = {name: getattr(event, name) for name in DATE_FIELDS}
    form = DateChangeRequestForm(request.POST or None, initial=initial)
    if request.method == "POST" and form.is_valid():
        data = dict(form.cleaned_data)
        try:
            services.date_change_request(user=request.user, event=event, **data)
        except ValidationError as error:
            add_refusal(form, error)
        else:
            messages.success(request, _("Your request for other dates is sent to the coordinators."))
            return redirect("events:event_detail", event.pk)
    return render(request, "events/date_change.html", {"form": form, "event": event})


def _decision(request):
    decision = request.POST.get("decision", "")
    return decision if decision in ("accept", "decline") else None


@_allowed_by(can_triage)
@require_POST
def triage_date_change(request, pk):
    change = get_object_or_404(DateChangeRequest.objects.select_related("event"), pk=pk)
    decision, reason = _decision(request), request.POST.get("reason", "")
    if decision is None:
        messages.error(request, _("Unknown action."))
    else:
        service = services.date_change_accept if decision == "accept" else services.date_change_decline
        _run(
            request,
            lambda: service(user=request.user, date_change=change, reason=reason),
            _("%(name)s: the request for other dates is answered.") % {"name": change.event.name},
        )
    return redirect("events:triage")


@_allowed_by(can_triage)
@require_POST
def triage_idea(request, pk):
    idea = get_object_or_404(Idea, pk=pk)
    decision, reason = _decision(request), request.POST.get("reason", "")
    if decision is None:
        messages.error(request, _("Unknown action."))
    else:
        service = services.idea_accept if decision == "accept" else services.idea_decline
        _run(
            request,
            lambda: service(user=request.user, idea=idea, reason=reason),
            _("%(title)s: answered.") % {"title": idea.title},
        )
    return redirect("events:triage")
