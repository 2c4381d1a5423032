"""What coordinators do on an event's page without going to admin: give a goal its owner,
change a participant's role, confirm dates and deadlines copied from last year's edition.
Thin doors: the POST's shape is checked here, the service decides; a refusal becomes a
message on the event page and changes nothing."""

from django.contrib import messages
from django.shortcuts import get_object_or_404
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy as _lazy
from django.views.decorators.http import require_POST

from members.models import Member
from members.permissions import can_manage_events

from . import services
from .member_views import _allowed_by, _back, _run
from .models import Deadline, Event, Goal, Participation

_manager_required = _allowed_by(can_manage_events, _lazy("This page is for coordinators."))


def _to_event(request, event_id, anchor):
    return _back(request, f"/events/{event_id}/#{anchor}")


def _owner_from(value):
    """The member a form names by id ("" for nobody); (ok, member)."""
    value = (value or "").strip()
    if not value:
        return True, None
    if not value.isdigit() or len(value) > 18:
        return False, None
    member = Member.objects.filter(pk=int(value)).first()
    return member is not None, member


@_manager_required
@require_POST
def goal_owner(request, pk):
    goal = get_object_or_404(Goal.objects.select_related("owner"), pk=pk)
    known, owner = _owner_from(request.POST.get("owner"))
    if not known:
        messages.error(request, _("Unknown member: choose someone from the list."))
    else:
        _run(
            request,
            lambda: services.goal_update(user=request.user, goal=goal, owner=owner),
            _("%(goal)s: the owner is %(name)s.")
            % {"goal": goal.get_kind_display(), "name": owner.localized_name if owner else _("nobody")},
        )
    return _to_event(request, goal.event_id, "goals")


@_manager_required
@require_POST
def participation_role(request, pk):
    participation = get_object_or_404(Participation.objects.select_related("member"), pk=pk)
    role = request.POST.get("role", "")
    label = dict(Participation.Role.choices).get(role, role)
    _run(
        request,
        lambda: services.participation_update(user=request.user, participation=participation, role=role),
        _("%(name)s now goes as %(role)s.") % {"name": participation.member.localized_name, "role": label},
    )
    return _to_event(request, participation.event_id, "who-goes")


@_manager_required
@require_POST
def event_dates_confirm(request, pk):
    event = get_object_or_404(Event, pk=pk)
    _run(
        request,
        lambda: services.event_confirm_dates(user=request.user, event=event),
        _("The dates are confirmed."),
    )
    return _to_event(request, event.pk, "dates")


@_manager_required
@require_POST
def deadline_date_confirm(request, pk):
    deadline = get_object_or_404(Deadline, pk=pk)
    _run(
        request,
        lambda: services.deadline_confirm_date(user=request.user, deadline=deadline),
        _("The deadline's date is confirmed."),
    )
    return _to_event(request, deadline.event_id, "deadlines")
