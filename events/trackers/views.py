"""The Discover page and the coordinator's acts on it and on an event's page: thin doors,
each calling one service; a refusal becomes a message, never a 500."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from members.permissions import can_manage_events, can_see_internal_events

from ..models import Event
from ..models.trackers import DeadlineLink, DiscoveredEntry
from . import services
from .forms import DiscoverFilterForm, LinkForm
from .selectors import discover_choices, discover_entries, sources_with_attribution


def _members_only(request):
    if not can_see_internal_events(request.user):
        raise PermissionDenied


@login_required
def discover(request):
    _members_only(request)
    countries, topics = discover_choices()
    form = DiscoverFilterForm(request.GET or None, countries=countries, topics=topics)
    arguments, query_items = {}, []
    if form.is_bound and form.is_valid():
        arguments, query_items = form.selector_arguments(), form.query_items()
    elif form.is_bound:
        messages.warning(request, _("These filters were not understood, so nothing is filtered."))
        form = DiscoverFilterForm(None, countries=countries, topics=topics)
    now = timezone.now()
    context = {
        "form": form,
        "entries": list(discover_entries(now=now, **arguments)),
        "sources": sources_with_attribution(),
        "query_items": query_items,
        "can_adopt": can_manage_events(request.user),
        "now": now,
    }
    return render(request, "events/discover.html", context)


def _back(request, default):
    target = request.POST.get("next", "")
    if url_has_allowed_host_and_scheme(target, allowed_hosts={request.get_host()}):
        return redirect(target)
    return redirect(default)


def _act(request, call, success):
    try:
        result = call()
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
        return None
    except PermissionDenied as error:
        messages.error(request, str(error) or _("Only coordinators may change the calendar."))
        return None
    messages.success(request, success)
    return result


@require_POST
@login_required
def adopt(request, pk):
    entry = get_object_or_404(DiscoveredEntry, pk=pk)
    event = _act(
        request,
        lambda: services.tracker_entry_adopt(user=request.user, entry=entry),
        _("Added to the plan at status “considering”."),
    )
    if event is not None:
        return redirect("events:event_detail", event.pk)
    return _back(request, reverse("events:discover"))


@require_POST
@login_required
def link(request, pk):
    entry = get_object_or_404(DiscoveredEntry, pk=pk)
    form = LinkForm(request.POST)
    if not form.is_valid():
        messages.error(request, _("Give the ID of an event of the plan."))
        return _back(request, reverse("events:discover"))
    event = Event.objects.filter(pk=form.cleaned_data["event"]).first()
    if event is None:
        messages.error(request, _("There is no event with this ID."))
        return _back(request, reverse("events:discover"))
    _act(
        request,
        lambda: services.tracker_entry_link(user=request.user, entry=entry, event=event),
        _("Linked to the event."),
    )
    return _back(request, reverse("events:event_detail", args=[event.pk]))


@require_POST
@login_required
def unlink(request, pk):
    entry = get_object_or_404(DiscoveredEntry, pk=pk)
    event_id = entry.event_id
    _act(
        request,
        lambda: services.tracker_entry_unlink(user=request.user, entry=entry),
        _("Unlinked: its deadlines no longer follow the source."),
    )
    return _back(request, reverse("events:event_detail", args=[event_id]) if event_id else "/")


@require_POST
@login_required
def change(request, pk, decision):
    link_row = get_object_or_404(DeadlineLink.objects.select_related("deadline"), pk=pk)
    if decision == "accept":
        call, done = services.tracker_change_accept, _("The source's value is taken.")
    else:
        call, done = services.tracker_change_dismiss, _("The value edited by hand is kept.")
    _act(request, lambda: call(user=request.user, link=link_row), done)
    return redirect("events:event_detail", link_row.deadline.event_id)
