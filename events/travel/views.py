"""The travel pages: the coordinators' board, a trip's timeline, support letters, my travel."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from intl_portal.common.forms import add_refusal, refusal_text
from members.permissions import can_manage_travel, can_see_travel_board, member_of

from ..models import SupportLetter
from ..models.travel import TravelStep
from . import letter_services, services
from .forms import LetterIssueForm, LetterPdfForm, PassportCountryForm, StepStateForm
from .seed import ATTRIBUTION
from .selectors import participation_visible_to, requirements_for, travel_board, trip_state, trips_visible_to


@login_required
def board(request):
    if not can_see_travel_board(request.user):
        raise PermissionDenied(_("The travel board is for coordinators."))
    states = travel_board(user=request.user, now=timezone.now())
    return render(request, "events/travel/board.html", {"states": states, "attribution": ATTRIBUTION})


def _trip_context(request, participation, **forms):
    requirement = services.requirement_for(participation)
    state = trip_state(participation, now=timezone.now(), requirement=requirement)
    return {
        "participation": participation,
        "state": state,
        "plan": services.trip_plan(participation, requirement) if services.is_trip(participation) else None,
        "requirement": requirement,
        "letters": participation.support_letters.all(),
        "can_manage": can_manage_travel(request.user),
        "issue_form": forms.get("issue_form") or LetterIssueForm(),
        "pdf_form": forms.get("pdf_form") or LetterPdfForm(),
        "state_choices": TravelStep.State.choices,
        "attribution": ATTRIBUTION,
        "event_zone": participation.event.timezone or "UTC",
    }


@login_required
def trip(request, pk):
    participation = participation_visible_to(user=request.user, pk=pk)
    if participation is None:
        raise Http404
    return render(request, "events/travel/trip.html", _trip_context(request, participation))


@login_required
@require_POST
def step_state(request, pk):
    step = get_object_or_404(TravelStep.objects.select_related("participation"), pk=pk)
    if participation_visible_to(user=request.user, pk=step.participation_id) is None:
        raise Http404
    form = StepStateForm(request.POST)
    if not form.is_valid():
        messages.error(request, _("Choose a state for the step."))
    else:
        try:
            services.travel_step_set_state(user=request.user, step=step, state=form.cleaned_data["state"])
        except (ValidationError, PermissionDenied) as error:
            messages.error(request, refusal_text(error))
        else:
            messages.success(request, _("The step is saved."))
    return redirect("travel:trip", pk=step.participation_id)


@login_required
@require_POST
def letter_issue(request, pk):
    participation = participation_visible_to(user=request.user, pk=pk)
    if participation is None:
        raise Http404
    form = LetterIssueForm(request.POST)
    if form.is_valid():
        try:
            letter_services.support_letter_issue(
                user=request.user, participation=participation, **form.cleaned_data
            )
        except (ValidationError, PermissionDenied) as error:
            add_refusal(form, error)
        else:
            messages.success(request, _("The support letter is issued."))
            return redirect("travel:trip", pk=participation.pk)
    return render(
        request, "events/travel/trip.html", _trip_context(request, participation, issue_form=form), status=400
    )


@login_required
@require_POST
def letter_pdf(request, pk):
    letter = get_object_or_404(SupportLetter.objects.select_related("participation"), pk=pk)
    participation = participation_visible_to(user=request.user, pk=letter.participation_id)
    if participation is None:
        raise Http404
    form = LetterPdfForm(request.POST)
    if form.is_valid():
        try:
            body = letter_services.support_letter_pdf(
                user=request.user, letter=letter, passport_number=form.cleaned_data["passport_number"]
            )
        except (ValidationError, PermissionDenied) as error:
            add_refusal(form, error)
        else:
            response = HttpResponse(body, content_type="application/pdf")
            response["Content-Disposition"] = f'attachment; filename="{letter.reference}.pdf"'
            response["Cache-Control"] = "no-store"
            return response
    form.data = form.data.copy()
    form.data["passport_number"] = ""  # not sent back into the page
    return render(
        request, "events/travel/trip.html", _trip_context(request, participation, pdf_form=form), status=400
    )


@login_required
def my_travel(request):
    member = member_of(request.user)
    if member is None:
        raise PermissionDenied(_("Your log-in is not linked to a member of the group."))
    form = PassportCountryForm(
        request.POST or None, initial={"passport_country": member.passport_country.code}
    )
    if request.method == "POST" and form.is_valid():
        try:
            services.traveller_passport_country_set(
                user=request.user, member=member, passport_country=form.cleaned_data["passport_country"]
            )
        except (ValidationError, PermissionDenied) as error:
            add_refusal(form, error)
        else:
            messages.success(request, _("Your passport country is saved; your trips' steps follow it."))
            return redirect("my_travel")
    now = timezone.now()
    own = list(trips_visible_to(user=request.user).filter(member=member))
    requirements = requirements_for(own)
    states = [
        trip_state(
            p, now=now, requirement=requirements.get((p.member.passport_country.code, p.event.country.code))
        )
        for p in own
    ]
    return render(request, "events/travel/my_travel.html", {"form": form, "states": states})
