"""Pages where members act and coordinators triage: propose an event, volunteer, answer or
withdraw one's own participation, update one's trip, close one's action items; the triage
page. Thin doors: a form checks shape, one service call decides; a refusal becomes a form
error or a message and changes nothing; acting on someone else's row is a 403."""

import functools

from django.contrib import messages
from django.contrib.auth.views import redirect_to_login
from django.core.exceptions import PermissionDenied, ValidationError
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy as _lazy
from django.views.decorators.http import require_POST

from intl_portal.common.forms import add_refusal, refusal_text
from members.permissions import (
    can_change_trip,
    can_comment,
    can_edit_comment,
    can_propose_event,
    can_triage,
    can_volunteer,
    member_of,
)

from . import services
from .forms import (
    DueDateRequestForm,
    EventProposalForm,
    IdeaForm,
    OutcomeForm,
    ProposalTriageForm,
    TripForm,
    VolunteerForm,
)
from .models import ActionItem, Event, EventComment, Idea, Participation
from .selectors import event_comments as event_comments_of
from .selectors import events_visible_to, ideas_for
from .trackers.selectors import discovered_entry
from .worklists import triage_queue


def _allowed_by(predicate, reason=None):
    """Sign in first; then the predicate, refused with `reason` (by default: for members)."""

    def decorator(view):
        @functools.wraps(view)
        def wrapper(request, *args, **kwargs):
            if not request.user.is_authenticated:
                return redirect_to_login(request.get_full_path())
            if not predicate(request.user):
                raise PermissionDenied(reason or _("This page is for members of the group."))
            return view(request, *args, **kwargs)

        return wrapper

    return decorator


_member_required = _allowed_by(can_propose_event)
_coordinator_required = _allowed_by(can_triage, _lazy("This page is for coordinators."))


def _back(request, fallback):
    """Back to the page the form was on (only a path on this site), or `fallback`."""
    target = request.POST.get("next", "")
    if target.startswith("/") and not target.startswith("//"):
        return redirect(target)
    return redirect(fallback)


def _run(request, call, success):
    """Call a service; a ValidationError becomes an error message (nothing changed), a
    PermissionDenied stays a 403."""
    try:
        call()
    except ValidationError as error:
        messages.error(request, refusal_text(error))
        return False
    messages.success(request, success)
    return True


@_member_required
def event_propose(request):
    form = EventProposalForm(
        request.POST or None, initial=_proposal_from_tracker(request.GET.get("from_entry"))
    )
    if request.method == "POST" and form.is_valid():
        data = dict(form.cleaned_data)
        goals = data.pop("goals", [])
        try:
            event = services.event_propose(user=request.user, goals=goals, **data)
        except ValidationError as error:
            add_refusal(form, error)
        else:
            messages.success(
                request,
                _("Thank you: %(name)s is proposed. Coordinators will answer on your plan.")
                % {"name": event.name},
            )
            return redirect("events:event_detail", event.pk)
    return render(request, "events/propose.html", {"form": form})


def _proposal_from_tracker(entry_id):
    """The proposal form filled from a conference discovered in the public trackers."""
    if not (entry_id or "").isdigit() or len(entry_id) > 18:
        return {}
    entry = discovered_entry(pk=int(entry_id))
    if entry is None:
        return {}
    initial = {
        "name": entry.name,
        "website_url": entry.url,
        "city": entry.city,
        "country": entry.country,
        "format": Event.Format.ONLINE if entry.online and not entry.city else Event.Format.IN_PERSON,
    }
    if entry.start_date:
        initial.update(date_precision="exact", start_date=entry.start_date, end_date=entry.end_date)
    return initial


@_allowed_by(can_volunteer)
@require_POST
def event_volunteer(request, pk):
    event = get_object_or_404(events_visible_to(user=request.user), pk=pk)
    form = VolunteerForm(request.POST)
    if not form.is_valid():
        messages.error(request, _("Choose a role from the list."))
    else:
        _run(
            request,
            lambda: services.participation_volunteer(user=request.user, event=event, **form.cleaned_data),
            _("You are down as a volunteer; a coordinator will answer."),
        )
    return redirect("events:event_detail", event.pk)


@_allowed_by(can_volunteer)
@require_POST
def participation_act(request, pk, action):
    participation = get_object_or_404(Participation, pk=pk)
    if action in ("confirm", "decline"):
        _run(
            request,
            lambda: services.participation_answer(
                user=request.user, participation=participation, answer=action
            ),
            _("Your answer is saved."),
        )
    elif action == "withdraw":
        _run(
            request,
            lambda: services.participation_withdraw(user=request.user, participation=participation),
            _("You are no longer down for this event."),
        )
    else:
        messages.error(request, _("Unknown action."))
    return _back(request, "members:me")


@_allowed_by(can_volunteer)
def participation_trip(request, pk):
    participation = get_object_or_404(Participation.objects.select_related("event", "member"), pk=pk)
    if not can_change_trip(request.user, participation):
        raise PermissionDenied(_("This is someone else's trip."))
    form = TripForm(request.POST or None, instance=Participation.objects.get(pk=pk))
    if request.method == "POST" and form.is_valid():
        try:
            services.participation_update_trip(
                user=request.user, participation=participation, **form.cleaned_data
            )
        except ValidationError as error:
            add_refusal(form, error)
        else:
            messages.success(request, _("Your trip is updated."))
            return redirect("members:me")
    own = participation.member.user_id == request.user.pk
    return render(request, "events/trip.html", {"form": form, "participation": participation, "own": own})


@_allowed_by(can_volunteer)
@require_POST
def action_item_act(request, pk, action):
    item = get_object_or_404(ActionItem, pk=pk)
    if action == "done":
        form = OutcomeForm(request.POST)
        if form.is_valid():
            _run(
                request,
                lambda: services.action_item_complete(
                    user=request.user, action_item=item, **form.cleaned_data
                ),
                _("Marked done."),
            )
        else:
            messages.error(request, refusal_text(ValidationError(list(form.errors.values()))))
    elif action == "new-date":
        form = DueDateRequestForm(request.POST)
        if form.is_valid():
            _run(
                request,
                lambda: services.action_item_request_due_date(
                    user=request.user, action_item=item, **form.cleaned_data
                ),
                _("Your request for a new due date is sent to the coordinators."),
            )
        else:
            messages.error(request, _("Give the new due date as a date."))
    else:
        messages.error(request, _("Unknown action."))
    return _back(request, "members:me")


# --- triage ------------------------------------------------------------------------------------


@_coordinator_required
def triage(request):
    queue = triage_queue(query=request.GET)
    return render(request, "events/triage.html", {"queue": queue})


@_coordinator_required
@require_POST
def triage_proposal(request, pk):
    event = get_object_or_404(Event, pk=pk)
    queue_targets = Event.objects.filter(merged_into__isnull=True).exclude(pk=pk)
    form = ProposalTriageForm(request.POST, merge_targets=queue_targets)
    if not form.is_valid():
        messages.error(request, refusal_text(ValidationError(list(form.errors.values()))))
        return redirect("events:triage")
    data = form.cleaned_data
    decision, reason = data["decision"], data["reason"]
    if decision == "accept":
        call = lambda: services.event_proposal_accept(user=request.user, event=event, reason=reason)  # noqa: E731
    elif decision == "decline":
        call = lambda: services.event_proposal_decline(user=request.user, event=event, reason=reason)  # noqa: E731
    else:
        call = lambda: services.event_proposal_merge(  # noqa: E731
            user=request.user, event=event, into=data["into"], reason=reason
        )
    _run(request, call, _("%(name)s: answered.") % {"name": event.name})
    return redirect("events:triage")


@_coordinator_required
@require_POST
def triage_volunteer(request, pk):
    participation = get_object_or_404(Participation, pk=pk)
    decision = request.POST.get("decision", "")
    _run(
        request,
        lambda: services.participation_triage(
            user=request.user,
            participation=participation,
            decision=decision,
            note=request.POST.get("note", ""),
        ),
        _("The volunteer is answered."),
    )
    return redirect("events:triage")


@_coordinator_required
@require_POST
def triage_due_date(request, pk):
    item = get_object_or_404(ActionItem, pk=pk)
    decision = request.POST.get("decision")
    if decision not in ("accept", "refuse"):
        messages.error(request, _("Unknown action."))
    else:
        _run(
            request,
            lambda: services.action_item_decide_due_date(
                user=request.user, action_item=item, accept=decision == "accept"
            ),
            _("The request is answered."),
        )
    return redirect("events:triage")


# --- comments and ideas ----------------------------------------------------------------------


@_allowed_by(can_comment)
def event_comments(request, pk):
    event = get_object_or_404(events_visible_to(user=request.user), pk=pk)
    context = {"event": event, "comments": event_comments_of(event=event), "now": timezone.now()}
    return render(request, "events/comments.html", context)


@_allowed_by(can_comment)
@require_POST
def comment_post(request, pk):
    event = get_object_or_404(events_visible_to(user=request.user), pk=pk)
    _run(
        request,
        lambda: services.comment_post(user=request.user, event=event, text=request.POST.get("text", "")),
        _("Your comment is posted."),
    )
    return redirect("events:event_comments", event.pk)


@_allowed_by(can_comment)
def comment_edit(request, pk):
    comment = get_object_or_404(EventComment.objects.select_related("event"), pk=pk)
    if not can_edit_comment(request.user, comment, timezone.now()):
        raise PermissionDenied(
            _("Only the author may edit a comment, and only for a while after writing it.")
        )
    if request.method == "POST" and _run(
        request,
        lambda: services.comment_edit(user=request.user, comment=comment, text=request.POST.get("text", "")),
        _("Your comment is changed."),
    ):
        return redirect("events:event_comments", comment.event_id)
    return render(request, "events/comment_edit.html", {"comment": comment})


@_coordinator_required
@require_POST
def comment_remove(request, pk):
    comment = get_object_or_404(EventComment.objects.select_related("event"), pk=pk)
    event = comment.event
    services.comment_remove(user=request.user, comment=comment)
    messages.success(request, _("The comment is removed."))
    return redirect("events:event_comments", event.pk)


@_allowed_by(can_comment)
def ideas(request):
    member = member_of(request.user)
    form = IdeaForm(request.POST or None, events=events_visible_to(user=request.user))
    if request.method == "POST" and form.is_valid():
        try:
            services.idea_propose(user=request.user, **form.cleaned_data)
        except ValidationError as error:
            add_refusal(form, error)
        else:
            messages.success(request, _("Your idea is posted."))
            return redirect("events:ideas")
    return render(request, "events/ideas.html", {"form": form, "ideas": ideas_for(member=member)})


@_allowed_by(can_comment)
@require_POST
def idea_support(request, pk, action):
    idea = get_object_or_404(Idea, pk=pk)
    if action == "support":
        _run(request, lambda: services.idea_support(user=request.user, idea=idea), _("+1 recorded."))
    elif action == "unsupport":
        _run(request, lambda: services.idea_unsupport(user=request.user, idea=idea), _("+1 taken back."))
    else:
        messages.error(request, _("Unknown action."))
    return redirect("events:ideas")
