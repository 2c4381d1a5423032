"""The doors: the year in review, its exports, next year's plan, an event's outcomes page."""

from django.conf import settings
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404, HttpResponse, HttpResponseBadRequest
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone, translation
from django.utils.dates import MONTHS_3
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from intl_portal.common.forms import add_refusal, refusal_text
from members.permissions import (
    can_manage_events,
    can_record_outcome,
    can_review_event,
    can_see_internal_events,
)

from .. import services as event_services
from ..models import Event, Goal, Outcome, OutcomeContact
from ..selectors import events_visible_to
from . import services
from .charts import count_chart
from .exports import review_markdown, review_pdf
from .forms import ContactMadeForm, EventReviewForm, OutcomeForm, ReviewVersionForm
from .selectors import event_cost, next_year_plan, year_review

MIN_YEAR, MAX_YEAR = 2000, 2100


def _year(year):
    if not MIN_YEAR <= year <= MAX_YEAR:
        raise Http404
    return year


class BadQuery(Exception):
    pass


def _version(request):
    """(public, lang) from the query string; an unknown language is refused (400)."""
    form = ReviewVersionForm(request.GET, languages=[code for code, _name in settings.LANGUAGES])
    if not form.is_valid():
        raise BadQuery(" ".join(f"{name}: {' '.join(errors)}" for name, errors in form.errors.items()))
    return form.cleaned_data["public"], form.cleaned_data["lang"]


def _bad_query(view):
    def wrapped(request, *args, **kwargs):
        try:
            return view(request, *args, **kwargs)
        except BadQuery as error:
            return HttpResponseBadRequest(str(error), content_type="text/plain; charset=utf-8")

    return wrapped


def _charts(review):
    return {
        "goals_chart": count_chart(
            rows=[
                (_("Talks"), review.talks_won, review.talks_wanted),
                (_("Booths"), review.booths_won, review.booths_wanted),
            ]
        ),
        "month_chart": count_chart(
            rows=[
                (review_month_label(month), count)
                for month, count in review.by_month
                if month is not None and count
            ]
        ),
        "region_chart": count_chart(rows=[(label, len(rows)) for label, rows in review.by_region]),
    }


def review_month_label(month):
    return str(MONTHS_3[month]).capitalize()


def review_latest(request):
    """This year's review (the year so far)."""
    return redirect("review:year", year=timezone.localdate().year)


@_bad_query
def review_page(request, year):
    public, _lang = _version(request)
    review = year_review(year=_year(year), user=request.user, public=public)
    return render(
        request,
        "events/review.html",
        {"review": review, "year": year, **_charts(review)},
    )


@_bad_query
def review_export(request, year, fmt):
    if fmt not in {"md", "pdf"}:
        raise Http404
    public, lang = _version(request)
    with translation.override(lang or translation.get_language()):
        review = year_review(year=_year(year), user=request.user, public=public)
        suffix = "-public" if review.public else ""
        language = translation.get_language()
        name = f"review-{year}{suffix}-{language}.{fmt}"
        if fmt == "md":
            response = HttpResponse(review_markdown(review), content_type="text/markdown; charset=utf-8")
        else:
            response = HttpResponse(review_pdf(review), content_type="application/pdf")
    response["Content-Disposition"] = f'attachment; filename="{name}"'
    response["Content-Language"] = language
    return response


@login_required
def next_year(request, year):
    """Events of the year marked "go again", with their next edition or a copy button."""
    if not can_see_internal_events(request.user):
        raise PermissionDenied
    return render(
        request,
        "events/review_next_year.html",
        {"year": year, "plan": next_year_plan(year=_year(year)), "can_copy": can_manage_events(request.user)},
    )


@require_POST
@login_required
def copy_to_next_edition(request, year, pk):
    event = get_object_or_404(Event, pk=pk)
    try:
        copy = event_services.event_copy_to_next_edition(user=request.user, event=event)
    except (PermissionDenied, ValidationError) as error:
        messages.error(request, refusal_text(error))
    else:
        messages.success(request, _("Copied to %(name)s.") % {"name": copy.name})
    return redirect("review:next_year", year=year)


def _outcomes_context(request, event):
    goals = list(
        Goal.objects.filter(event=event)
        .select_related("owner")
        .prefetch_related("outcomes__contributions", "outcomes__contacts_made__contact")
        .order_by("kind", "pk")
    )
    owner_ids = [goal.owner_id for goal in goals if goal.owner_id]
    for goal in goals:
        goal.can_record = can_record_outcome(request.user, goal)
    review = getattr(event, "outcome_review", None)
    return {
        "event": event,
        "goals": goals,
        "review": review,
        "can_review": can_review_event(request.user, owner_ids),
        "outcome_form": OutcomeForm(event=event),
        "blank_outcome_form": OutcomeForm(event=event),
        "contact_form": ContactMadeForm(),
        "review_form": EventReviewForm(instance=review),
        "today": timezone.localdate(),
        "cost": event_cost(event=event, user=request.user),
    }


@login_required
def event_outcomes(request, pk):
    """Members only: outcomes name contacts and people."""
    if not can_see_internal_events(request.user):
        raise PermissionDenied
    event = get_object_or_404(events_visible_to(user=request.user).select_related("outcome_review"), pk=pk)
    context = _outcomes_context(request, event)
    if request.method == "POST":
        action = request.POST.get("action")
        handled = _post(request, event, action, context)
        if handled:
            return redirect("review:event_outcomes", pk=event.pk)
    return render(request, "events/event_outcomes.html", context)


def _post(request, event, action, context):
    """Run the posted action; its refusal becomes the form's errors (re-shown, nothing changed)."""
    if action == "outcome":
        goal = get_object_or_404(Goal, pk=request.POST.get("goal") or 0, event=event)
        form = OutcomeForm(request.POST, event=event)
        context["outcome_form"] = form
        if form.is_valid():
            contributions, fields = form.service_fields()
            try:
                services.outcome_record(user=request.user, goal=goal, contributions=contributions, **fields)
                return True
            except PermissionDenied as error:
                messages.error(request, refusal_text(error))
            except ValidationError as error:
                add_refusal(form, error)
        context["outcome_goal"] = goal.pk
        return False
    if action == "contact":
        outcome = get_object_or_404(Outcome, pk=request.POST.get("outcome") or 0, goal__event=event)
        form = ContactMadeForm(request.POST)
        context["contact_form"] = form
        if form.is_valid():
            try:
                services.outcome_contact_add(user=request.user, outcome=outcome, **form.cleaned_data)
                return True
            except PermissionDenied as error:
                messages.error(request, refusal_text(error))
            except ValidationError as error:
                add_refusal(form, error)
        return False
    if action == "remove_contact":
        made = get_object_or_404(OutcomeContact, pk=request.POST.get("made") or 0, outcome__goal__event=event)
        try:
            services.outcome_contact_remove(user=request.user, contact_made=made)
        except PermissionDenied as error:
            messages.error(request, refusal_text(error))
        return True
    if action == "delete_outcome":
        outcome = get_object_or_404(Outcome, pk=request.POST.get("outcome") or 0, goal__event=event)
        try:
            services.outcome_delete(user=request.user, outcome=outcome)
        except (PermissionDenied, ValidationError) as error:
            messages.error(request, refusal_text(error))
        return True
    if action == "review":
        form = EventReviewForm(request.POST, instance=context["review"])
        context["review_form"] = form
        if form.is_valid():
            try:
                services.event_review_set(user=request.user, event=event, **form.cleaned_data)
                return True
            except PermissionDenied as error:
                messages.error(request, refusal_text(error))
            except ValidationError as error:
                add_refusal(form, error)
        return False
    raise Http404
