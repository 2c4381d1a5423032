"""Pages of the ambassador program and the swag stock: thin callers of
members.program.services (writes) and members.program.selectors (reads). Who may open a
page is asked of members.permissions; a service's refusal becomes a form error or a message."""

import datetime as dt
import functools

from django.contrib import messages
from django.contrib.auth.views import redirect_to_login
from django.core.exceptions import PermissionDenied, ValidationError
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.dateparse import parse_date
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_POST

from intl_portal.common.forms import add_refusal
from members.models import Contribution, Enrolment, Member, SwagRequest
from members.permissions import (
    can_change_contribution,
    can_manage_program,
    can_see_certificate,
    is_member,
    member_of,
)

from . import selectors, services
from .forms import (
    ApproveForm,
    ConsentForm,
    ContributionForm,
    EnrolmentForm,
    PublicationFormSet,
    ReviewForm,
    RewardForm,
    ShipForm,
    SwagLineFormSet,
    SwagRequestForm,
)


def _allowed_by(predicate, refusal):
    """A view for signed-in users the predicate allows (others: log in, or 403)."""

    def decorator(view):
        @functools.wraps(view)
        def wrapper(request, *args, **kwargs):
            if not request.user.is_authenticated:
                return redirect_to_login(request.get_full_path())
            if not predicate(request.user):
                raise PermissionDenied(refusal)
            return view(request, *args, **kwargs)

        return wrapper

    return decorator


# Lazy: the reasons are built at import time and read in the language of each request.
_member_required = _allowed_by(is_member, gettext_lazy("This page is for members of the group."))
_coordinator_required = _allowed_by(can_manage_program, gettext_lazy("This page is for coordinators."))


def _own_member(request):
    member = member_of(request.user)
    if member is None:
        raise PermissionDenied(_("Your log-in is not linked to a member profile."))
    return member


def _report(request, error):
    """A refused action on a list page: its reason as an error message."""
    messages.error(request, " ".join(error.messages))


def _on_date(request):
    return parse_date(request.GET.get("on") or "") or timezone.localdate()


# --------------------------------------------------------------------------- program pages


def _program(request, *, public):
    on = _on_date(request)
    rows = selectors.program_contributors(on=on, public=public)
    context = {
        "rows": rows,
        "public": public,
        "on": on,
        "on_asked": bool(request.GET.get("on")),
        "total_points": sum(r.points for r in rows),
    }
    return render(request, "program/page.html", context)


def program_page(request):
    """The recognition page: full for members, the public version for everyone else."""
    return _program(request, public=not is_member(request.user))


def program_public(request):
    return _program(request, public=True)


@_member_required
def my_program(request):
    member = _own_member(request)
    context = selectors.member_program(member=member)
    context["member"] = member
    return render(request, "program/mine.html", context)


@_member_required
def enrolment_new(request):
    member = _own_member(request)
    form = EnrolmentForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            services.enrolment_apply(member=member, user=request.user, **form.cleaned_data)
        except ValidationError as error:
            add_refusal(form, error)
        else:
            messages.success(request, _("Thank you for applying. A coordinator will reply."))
            return redirect("program:mine")
    return render(request, "program/form.html", {"form": form, "title": _("Join the program")})


def _consent(request, service, **target):
    form = ConsentForm(request.POST)
    if not form.is_valid():
        raise ValidationError(_("Unknown choice."))
    service(user=request.user, show_publicly=form.cleaned_data["show_publicly"], **target)
    messages.success(request, _("Your choice is saved."))


@_member_required
@require_POST
def enrolment_consent(request, pk):
    try:
        _consent(request, services.enrolment_set_consent, enrolment=get_object_or_404(Enrolment, pk=pk))
    except ValidationError as error:
        _report(request, error)
    return redirect("program:mine")


@_member_required
@require_POST
def contribution_consent(request, pk):
    contribution = get_object_or_404(Contribution, pk=pk)
    try:
        _consent(request, services.contribution_set_consent, contribution=contribution)
    except ValidationError as error:
        _report(request, error)
    return redirect("program:mine")


@_coordinator_required
@require_POST
def enrolment_decide(request, pk, action):
    enrolment = get_object_or_404(Enrolment, pk=pk)
    try:
        if action == "accept":
            services.enrolment_accept(enrolment=enrolment, user=request.user)
            messages.success(request, _("%(member)s is now in the program.") % {"member": enrolment.member})
        elif action == "reject":
            services.enrolment_reject(
                enrolment=enrolment, user=request.user, note=request.POST.get("note", "")
            )
            messages.success(request, _("The application is declined."))
        else:
            raise ValidationError(_("Unknown action."))
    except ValidationError as error:
        _report(request, error)
    return redirect("program:review")


def _publications(formset):
    rows = []
    for data in formset.cleaned_data:
        if data and data.get("channel"):
            rows.append(
                {
                    key: data.get(key) or ("" if key == "url" else None)
                    for key in ("channel", "language", "url", "planned_for", "published_at")
                }
            )
    return rows


@_member_required
def contribution_new(request):
    member = _own_member(request)
    form = ContributionForm(request.POST or None)
    formset = PublicationFormSet(request.POST or None, prefix="pub")
    if request.method == "POST" and form.is_valid() and formset.is_valid():
        try:
            services.contribution_submit(
                member=member,
                user=request.user,
                publications=_publications(formset),
                **form.cleaned_data,
            )
        except ValidationError as error:
            add_refusal(form, error)
        else:
            messages.success(request, _("Thank you! Your contribution awaits review."))
            return redirect("program:mine")
    return render(
        request,
        "program/form.html",
        {"form": form, "formset": formset, "title": _("Submit a contribution")},
    )


@_member_required
def contribution_edit(request, pk):
    """Edit a contribution (its author until it is accepted, coordinators any); once it is
    accepted, the author changes only whether it is shown publicly (on "My program")."""
    contribution = get_object_or_404(Contribution, pk=pk)
    if not can_change_contribution(request.user, contribution):
        raise PermissionDenied
    # The form works on a copy: the service compares the request with the stored row.
    form = ContributionForm(request.POST or None, instance=Contribution.objects.get(pk=pk))
    # Its publications, as rows to change (a blank channel drops one), and blank rows to add.
    stored = [
        {key: getattr(row, key) for key in ("channel", "language", "url", "planned_for", "published_at")}
        for row in contribution.publications.order_by("pk")
    ]
    # A post without the rows (another page's form) leaves the publications as they are.
    with_rows = "pub-TOTAL_FORMS" in request.POST
    formset = PublicationFormSet(request.POST if with_rows else None, prefix="pub", initial=stored)
    formset.extra = 1 if stored else 3
    if request.method == "POST" and form.is_valid() and (not with_rows or formset.is_valid()):
        try:
            services.contribution_update(
                contribution=contribution,
                user=request.user,
                publications=_publications(formset) if with_rows else None,
                **form.cleaned_data,
            )
        except ValidationError as error:
            add_refusal(form, error)
        else:
            messages.success(request, _("Saved. The contribution awaits review."))
            return redirect("program:mine")
    return render(
        request,
        "program/form.html",
        {"form": form, "formset": formset, "title": _("Edit a contribution"), "contribution": contribution},
    )


@_coordinator_required
@require_POST
def contribution_review(request, pk, action):
    contribution = get_object_or_404(Contribution, pk=pk)
    form = ReviewForm(request.POST)
    note = form.cleaned_data["note"] if form.is_valid() else ""
    try:
        if action == "accept":
            services.contribution_accept(contribution=contribution, user=request.user, note=note)
            messages.success(
                request,
                _("Accepted: %(points)s points for %(member)s.")
                % {"points": contribution.points, "member": contribution.member},
            )
        elif action == "return":
            services.contribution_return(contribution=contribution, user=request.user, note=note)
            messages.success(request, _("Returned to the author with your note."))
        else:
            raise ValidationError(_("Unknown action."))
    except ValidationError as error:
        _report(request, error)
    return redirect("program:review")


@_coordinator_required
def review(request):
    return render(request, "program/review.html", selectors.review_queue())


def certificate(request, member_pk):
    """A printable bilingual certificate; the member themself and coordinators may open it."""
    if not request.user.is_authenticated:
        return redirect_to_login(request.get_full_path())
    member = get_object_or_404(Member, pk=member_pk)
    if not can_see_certificate(request.user, member):
        raise PermissionDenied
    context = selectors.member_certificate(member=member)
    if context["is_empty"]:
        # Not a certificate of "0 accepted contributions": a page that says so, as not found.
        return render(request, "program/certificate_empty.html", context, status=404)
    return render(request, "program/certificate.html", context)


@_member_required
def calendar(request):
    start_day = parse_date(request.GET.get("from") or "") or timezone.localdate() - dt.timedelta(days=7)
    days = 42
    start = timezone.make_aware(dt.datetime.combine(start_day, dt.time.min))
    end = start + dt.timedelta(days=days)
    context = selectors.content_calendar(start=start, end=end)
    context.update(
        {
            "missing": selectors.missing_second_language(),
            "start": start_day,
            "end": start_day + dt.timedelta(days=days - 1),
            "previous": start_day - dt.timedelta(days=days),
            "next": start_day + dt.timedelta(days=days),
        }
    )
    return render(request, "program/calendar.html", context)


# --------------------------------------------------------------------------- swag


@_member_required
def swag(request):
    locations, table = selectors.stock_table()
    context = {
        "locations": locations,
        "table": table,
        "out_of_stock": bool(table) and not any(total for _variant, _quantities, total in table),
        "requests": selectors.swag_requests_visible_to(request.user),
    }
    return render(request, "program/swag.html", context)


def swag_lines(formset):
    """[(variant, quantity), …] from the rows of a swag line formset that name an item."""
    return [(d["variant"], d["quantity"]) for d in formset.cleaned_data if d and d.get("variant")]


@_member_required
def swag_request_new(request):
    form = SwagRequestForm(request.POST or None)
    formset = SwagLineFormSet(request.POST or None, prefix="line")
    if request.method == "POST" and form.is_valid() and formset.is_valid():
        try:
            services.swag_request_create(user=request.user, lines=swag_lines(formset), **form.cleaned_data)
        except ValidationError as error:
            add_refusal(form, error)
        else:
            messages.success(request, _("Your request is sent to the coordinators."))
            return redirect("program:swag")
    return render(
        request,
        "program/form.html",
        {"form": form, "formset": formset, "title": _("Ask for swag to be mailed")},
    )


@_member_required
@require_POST
def swag_request_act(request, pk, action):
    swag_request = get_object_or_404(SwagRequest, pk=pk)
    try:
        if action == "approve":
            form = ApproveForm(request.POST)
            ship_from = form.cleaned_data["ship_from"] if form.is_valid() else None
            services.swag_request_approve(request=swag_request, user=request.user, ship_from=ship_from)
            messages.success(request, _("Request approved."))
        elif action == "ship":
            form = ShipForm(request.POST)
            note = form.cleaned_data["tracking_note"] if form.is_valid() else ""
            services.swag_request_ship(request=swag_request, user=request.user, tracking_note=note)
            messages.success(request, _("Marked shipped; the items left the stock."))
        elif action == "reject":
            services.swag_request_reject(request=swag_request, user=request.user)
            messages.success(request, _("Request declined."))
        elif action == "cancel":
            services.swag_request_cancel(request=swag_request, user=request.user)
            messages.success(request, _("Request cancelled."))
        else:
            raise ValidationError(_("Unknown action."))
    except ValidationError as error:
        _report(request, error)
    return redirect("program:swag")


@_coordinator_required
def reward_new(request):
    initial = {}
    if request.GET.get("member"):
        initial["member"] = request.GET["member"]
    form = RewardForm(request.POST or None, initial=initial)
    if request.method == "POST" and form.is_valid():
        data = dict(form.cleaned_data)
        variant, quantity = data.pop("variant"), data.pop("quantity")
        lines = [(variant, quantity or 1)] if variant else []
        try:
            reward = services.reward_give(user=request.user, swag_lines=lines, **data)
        except ValidationError as error:
            add_refusal(form, error)
        else:
            messages.success(request, _("Reward recorded for %(member)s.") % {"member": reward.member})
            return redirect("program:swag" if reward.swag_request_id else "program:page")
    return render(request, "program/form.html", {"form": form, "title": _("Thank a member")})
