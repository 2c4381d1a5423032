"""Admin of the ambassador program and the swag stock. Every write goes through
members.program.services (intl_portal.common.admin): the change forms and deletions, the
inline rows and the actions. The movement log is append-only; levels are read-only."""

from django import forms
from django.contrib import admin
from django.contrib.admin import helpers
from django.forms import BaseInlineFormSet
from django.utils.translation import gettext_lazy as _

from intl_portal.common.admin import ReadOnlyAdmin, ServiceAdmin, ServiceInline, service_action
from members.models import (
    Contribution,
    ContributionPublication,
    Enrolment,
    PointRule,
    Reward,
    StockLevel,
    StockLocation,
    StockMovement,
    SwagItem,
    SwagRequest,
    SwagRequestLine,
    SwagVariant,
)
from members.permissions import can_see_swag_address

from . import selectors, services
from .writes import (
    ContributionWrites,
    EnrolmentWrites,
    PointRuleWrites,
    RewardWrites,
    StockLocationWrites,
    StockMovementWrites,
    SwagItemWrites,
    SwagRequestWrites,
    SwagVariantWrites,
)


class NoteActionForm(helpers.ActionForm):
    """The action bar with a note: the reason given to the member when declining or returning."""

    note = forms.CharField(
        label=_("Note to the member"),
        required=False,
        widget=forms.TextInput(attrs={"placeholder": _("optional"), "size": 24}),
    )


def _note(request):
    return request.POST.get("note", "").strip()


# --------------------------------------------------------------------------- enrolments


@admin.register(Enrolment)
class EnrolmentAdmin(EnrolmentWrites, ServiceAdmin):
    list_display = [
        "member",
        "track",
        "status",
        "term_start",
        "term_end",
        "language_pair",
        "region",
        "show_publicly",
    ]
    list_filter = ["track", "status", "show_publicly"]
    search_fields = ["member__display_name", "member__name_zh", "region", "language_pair"]
    list_select_related = ["member"]
    autocomplete_fields = ["member"]
    readonly_fields = ["status", "decision_note", "decided_by", "decided_at", "created_at"]
    date_hierarchy = "created_at"
    actions = ["accept", "reject", "end"]
    action_form = NoteActionForm

    accept = service_action(
        _("Accept the selected applications"),
        lambda request, enrolment: services.enrolment_accept(enrolment=enrolment, user=request.user),
        _("%(count)s application(s) accepted."),
    )
    reject = service_action(
        _("Decline the selected applications (with the note)"),
        lambda request, enrolment: services.enrolment_reject(
            enrolment=enrolment, user=request.user, note=_note(request)
        ),
        _("%(count)s application(s) declined."),
    )
    end = service_action(
        _("End the selected enrolments (term handover)"),
        lambda request, enrolment: services.enrolment_end(enrolment=enrolment, user=request.user),
        _("%(count)s enrolment(s) ended."),
    )


# --------------------------------------------------------------------------- contributions


class PublicationInline(ServiceInline):
    """Where the contribution went out; the contribution's service stores the rows."""

    model = ContributionPublication
    extra = 0
    parent_argument = "publications"


@admin.register(Contribution)
class ContributionAdmin(ContributionWrites, ServiceAdmin):
    list_display = ["__str__", "member", "kind", "status", "public", "created_at"]
    list_filter = ["status", "kind", "show_publicly"]
    search_fields = ["title_zh", "title_en", "member__display_name"]
    list_select_related = ["member"]
    autocomplete_fields = ["member", "event"]
    readonly_fields = ["status", "points", "review_note", "reviewed_by", "reviewed_at", "created_at"]
    inlines = [PublicationInline]
    actions = ["accept", "return_to_author"]
    action_form = NoteActionForm

    @admin.display(description=_("public"), boolean=True, ordering="show_publicly")
    def public(self, obj):
        return obj.show_publicly

    accept = service_action(
        _("Accept the selected contributions (award points)"),
        lambda request, contribution: services.contribution_accept(
            contribution=contribution, user=request.user, note=_note(request)
        ),
        _("%(count)s contribution(s) accepted."),
    )
    return_to_author = service_action(
        _("Return the selected contributions (with the note)"),
        lambda request, contribution: services.contribution_return(
            contribution=contribution, user=request.user, note=_note(request)
        ),
        _("%(count)s contribution(s) returned."),
    )


@admin.register(PointRule)
class PointRuleAdmin(PointRuleWrites, ServiceAdmin):
    list_display = ["kind", "points"]
    list_editable = ["points"]

    def get_readonly_fields(self, request, obj=None):
        return ["kind"] if obj is not None else []


# --------------------------------------------------------------------------- catalogue and stock


class VariantInline(SwagVariantWrites, ServiceInline):
    model = SwagVariant
    extra = 1


@admin.register(SwagItem)
class SwagItemAdmin(SwagItemWrites, ServiceAdmin):
    list_display = ["name_en", "name_zh", "active"]
    list_filter = ["active"]
    search_fields = ["name_en", "name_zh"]
    inlines = [VariantInline]

    def service_data(self, form, formsets):
        data = super().service_data(form, formsets)
        if form.instance.pk is None:
            # The variants are the inline's rows (saved next); without any, one unlabelled.
            rows = [row for formset in formsets for row in formset.service_inline.kept_rows(formset)]
            data["variant_labels"] = [] if rows else None
        return data


@admin.register(SwagVariant)
class SwagVariantAdmin(SwagVariantWrites, ServiceAdmin):
    list_display = ["item", "label"]
    list_display_links = ["label"]
    list_select_related = ["item"]
    search_fields = ["item__name_en", "item__name_zh", "label"]


@admin.register(StockLocation)
class StockLocationAdmin(StockLocationWrites, ServiceAdmin):
    list_display = ["name", "holder"]
    list_select_related = ["holder"]
    search_fields = ["name"]
    autocomplete_fields = ["holder"]


@admin.register(StockMovement)
class StockMovementAdmin(StockMovementWrites, ServiceAdmin):
    """The log is append-only: a mistake is fixed with a correction movement."""

    fields = ["variant", "kind", "quantity", "from_location", "to_location", "note"]
    list_display = [
        "created_at",
        "kind",
        "quantity",
        "variant",
        "from_location",
        "to_location",
        "request",
        "note",
        "created_by",
    ]
    list_filter = ["kind", "variant__item", "from_location", "to_location"]
    list_select_related = ["variant__item", "from_location", "to_location", "request", "created_by"]
    date_hierarchy = "created_at"

    def has_change_permission(self, request, obj=None):
        return obj is None and super().has_change_permission(request, obj)

    def has_delete_permission(self, request, obj=None):
        return False


@admin.register(StockLevel)
class StockLevelAdmin(ReadOnlyAdmin):
    """Derived from the movement log; read-only here."""

    list_display = ["variant", "location", "quantity"]
    list_filter = ["location", "variant__item"]
    list_select_related = ["variant__item", "location"]


# --------------------------------------------------------------------------- swag requests


class LinesMergedByService(BaseInlineFormSet):
    """The request's service merges the same item twice into one line: the formset does not
    refuse it first."""

    def validate_unique(self):
        pass


class RequestLineInline(ServiceInline):
    """The items; the request's service stores them (the same item twice is one line)."""

    model = SwagRequestLine
    formset = LinesMergedByService
    extra = 1
    parent_argument = "lines"

    def service_data(self, row):
        return (row.cleaned_data["variant"], row.cleaned_data["quantity"])


@admin.register(SwagRequest)
class SwagRequestAdmin(SwagRequestWrites, ServiceAdmin):
    list_display = [
        "recipient_name",
        "reason",
        "status",
        "requested_by",
        "event",
        "ship_from",
        "shipped_at",
        "created_at",
    ]
    list_filter = ["status", "reason"]
    search_fields = ["recipient_name", "requested_by__display_name"]
    list_select_related = ["requested_by", "event", "ship_from"]
    autocomplete_fields = ["requested_by", "recipient", "event"]
    readonly_fields = ["status", "decided_by", "shipped_at", "created_at"]
    inlines = [RequestLineInline]
    actions = ["approve", "ship", "reject"]
    action_form = NoteActionForm

    def get_queryset(self, request):
        return selectors.swag_requests_visible_to(request.user).order_by()

    def get_exclude(self, request, obj=None):
        excluded = list(super().get_exclude(request, obj) or [])
        if obj is None:
            excluded.append("tracking_note")  # noted when it ships
        elif not can_see_swag_address(request.user, obj):
            excluded += ["address", "phone"]
        return excluded

    approve = service_action(
        _("Approve the selected requests"),
        lambda request, swag: services.swag_request_approve(request=swag, user=request.user),
        _("%(count)s request(s) approved."),
    )
    ship = service_action(
        _("Mark the selected requests shipped (takes the items out of stock)"),
        lambda request, swag: services.swag_request_ship(request=swag, user=request.user),
        _("%(count)s request(s) shipped."),
    )
    reject = service_action(
        _("Decline the selected requests (with the note)"),
        lambda request, swag: services.swag_request_reject(
            request=swag, user=request.user, note=_note(request)
        ),
        _("%(count)s request(s) declined."),
    )


# --------------------------------------------------------------------------- rewards


@admin.register(Reward)
class RewardAdmin(RewardWrites, ServiceAdmin):
    list_display = ["title", "member", "kind", "contribution", "swag_request", "awarded_at"]
    list_filter = ["kind"]
    search_fields = ["title", "member__display_name"]
    list_select_related = ["member", "contribution", "swag_request"]
    autocomplete_fields = ["member", "contribution", "swag_request"]
    readonly_fields = ["awarded_by", "awarded_at"]
