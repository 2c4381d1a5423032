"""Admin of the ambassador program and the swag stock. Every write goes through
members.program.services: the change forms and deletions (members.admin.base.ServiceAdmin),
the inline rows and the actions. The movement log is append-only; levels are read-only."""

from django import forms
from django.contrib import admin, messages
from django.contrib.admin import helpers
from django.core.exceptions import PermissionDenied, ValidationError
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from members.admin.base import (
    ServiceAdmin,
    ServiceInline,
    UniqueByServiceFormSet,
    Writes,
    live_rows,
    row_data,
)
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


def _run(modeladmin, request, queryset, service, done_message, **kwargs):
    """Call a service for each selected row; report successes and refusals."""
    done = 0
    for obj in queryset:
        try:
            service(user=request.user, **{modeladmin.writes.arg: obj}, **kwargs)
        except (ValidationError, PermissionDenied) as error:
            text = " ".join(getattr(error, "messages", [str(error)]))
            modeladmin.message_user(request, f"{obj}: {text}", messages.ERROR)
        else:
            done += 1
    if done:
        modeladmin.message_user(request, done_message % {"count": done}, messages.SUCCESS)


class NoteActionForm(helpers.ActionForm):
    """The action bar with a note: the reason given to the member when declining or returning."""

    note = forms.CharField(label=gettext_lazy("note"), required=False)


def _note(request):
    return request.POST.get("note", "").strip()


def _rows(formsets, model):
    """The kept rows of the inline for `model`, or None when the page has no such inline."""
    for formset in formsets:
        if formset.model is model:
            return [form for _index, form in live_rows(formset)]
    return None


# --------------------------------------------------------------------------- enrolments


@admin.register(Enrolment)
class EnrolmentAdmin(ServiceAdmin):
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
    raw_id_fields = ["member"]
    readonly_fields = ["status", "decision_note", "decided_by", "decided_at", "created_at"]
    date_hierarchy = "created_at"
    actions = ["accept", "reject", "end"]
    action_form = NoteActionForm
    writes = Writes(
        arg="enrolment",
        create=services.enrolment_apply,
        change=services.enrolment_update,
        remove=services.enrolment_withdraw,
    )

    @admin.action(description=gettext_lazy("Accept the selected applications"))
    def accept(self, request, queryset):
        _run(self, request, queryset, services.enrolment_accept, _("%(count)s application(s) accepted."))

    @admin.action(description=gettext_lazy("Decline the selected applications (with the note)"))
    def reject(self, request, queryset):
        done = _("%(count)s application(s) declined.")
        _run(self, request, queryset, services.enrolment_reject, done, note=_note(request))

    @admin.action(description=gettext_lazy("End the selected enrolments (term handover)"))
    def end(self, request, queryset):
        _run(self, request, queryset, services.enrolment_end, _("%(count)s enrolment(s) ended."))


# --------------------------------------------------------------------------- contributions


class PublicationInline(ServiceInline, admin.TabularInline):
    """Where the contribution went out; the contribution's service stores the rows."""

    model = ContributionPublication
    extra = 0
    rows_by_parent = True


def _publications(formsets):
    rows = _rows(formsets, ContributionPublication)
    return None if rows is None else [row_data(form) for form in rows]


@admin.register(Contribution)
class ContributionAdmin(ServiceAdmin):
    list_display = ["__str__", "member", "kind", "status", "points", "show_publicly", "created_at"]
    list_filter = ["status", "kind", "show_publicly"]
    search_fields = ["title_zh", "title_en", "member__display_name"]
    list_select_related = ["member"]
    raw_id_fields = ["member", "event"]
    readonly_fields = ["status", "points", "review_note", "reviewed_by", "reviewed_at", "created_at"]
    inlines = [PublicationInline]
    actions = ["accept", "return_to_author"]
    action_form = NoteActionForm
    writes = Writes(arg="contribution", remove=services.contribution_withdraw)

    def create(self, request, form, formsets):
        publications = _publications(formsets) or ()
        return services.contribution_submit(user=request.user, publications=publications, **form.cleaned_data)

    def change(self, request, obj, form, formsets):
        services.contribution_update(
            contribution=self.stored(obj),
            user=request.user,
            publications=_publications(formsets),
            **form.cleaned_data,
        )

    @admin.action(description=gettext_lazy("Accept the selected contributions (award points)"))
    def accept(self, request, queryset):
        done = _("%(count)s contribution(s) accepted.")
        _run(self, request, queryset, services.contribution_accept, done, note=_note(request))

    @admin.action(description=gettext_lazy("Return the selected contributions (with the note)"))
    def return_to_author(self, request, queryset):
        done = _("%(count)s contribution(s) returned.")
        _run(self, request, queryset, services.contribution_return, done, note=_note(request))


@admin.register(PointRule)
class PointRuleAdmin(ServiceAdmin):
    list_display = ["kind", "points"]
    list_editable = ["points"]
    writes = Writes(arg="rule", create=services.point_rule_set, remove=services.point_rule_delete)

    def get_readonly_fields(self, request, obj=None):
        return ["kind"] if obj is not None else []

    def change(self, request, obj, form, formsets):
        kind = self.stored(obj).kind
        services.point_rule_set(user=request.user, kind=kind, points=form.cleaned_data["points"])


# --------------------------------------------------------------------------- catalogue and stock


class VariantInline(ServiceInline, admin.TabularInline):
    model = SwagVariant
    extra = 1

    def create_row(self, request, parent, data):
        return services.swag_variant_create(user=request.user, item=parent, **data)

    def change_row(self, request, obj, data):
        return services.swag_variant_update(variant=obj, user=request.user, **data)

    def remove_row(self, request, obj):
        services.swag_variant_delete(variant=obj, user=request.user)


@admin.register(SwagItem)
class SwagItemAdmin(ServiceAdmin):
    list_display = ["name_en", "name_zh", "active"]
    list_filter = ["active"]
    search_fields = ["name_en", "name_zh"]
    inlines = [VariantInline]
    writes = Writes(arg="item", change=services.swag_item_update, remove=services.swag_item_delete)

    def create(self, request, form, formsets):
        # The variants are the inline's rows (saved next); without any, one unlabelled.
        labels = [] if _rows(formsets, SwagVariant) else None
        return services.swag_item_create(user=request.user, variant_labels=labels, **form.cleaned_data)


@admin.register(SwagVariant)
class SwagVariantAdmin(ServiceAdmin):
    list_display = ["__str__", "item", "label"]
    list_select_related = ["item"]
    search_fields = ["item__name_en", "item__name_zh", "label"]
    writes = Writes(
        arg="variant",
        create=services.swag_variant_create,
        change=services.swag_variant_update,
        remove=services.swag_variant_delete,
    )


@admin.register(StockLocation)
class StockLocationAdmin(ServiceAdmin):
    list_display = ["name", "holder"]
    list_select_related = ["holder"]
    search_fields = ["name"]
    raw_id_fields = ["holder"]
    writes = Writes(
        arg="location",
        create=services.stock_location_create,
        change=services.stock_location_update,
        remove=services.stock_location_delete,
    )


@admin.register(StockMovement)
class StockMovementAdmin(ServiceAdmin):
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
    writes = Writes(arg="movement", create=services.stock_record)

    def has_change_permission(self, request, obj=None):
        return obj is None and super().has_change_permission(request, obj)

    def has_delete_permission(self, request, obj=None):
        return False


@admin.register(StockLevel)
class StockLevelAdmin(admin.ModelAdmin):
    """Derived from the movement log; read-only here."""

    list_display = ["variant", "location", "quantity"]
    list_filter = ["location", "variant__item"]
    list_select_related = ["variant__item", "location"]

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False


# --------------------------------------------------------------------------- swag requests


class RequestLineInline(ServiceInline, admin.TabularInline):
    """The items; the request's service stores them (the same item twice is one line)."""

    model = SwagRequestLine
    formset = UniqueByServiceFormSet
    extra = 1
    rows_by_parent = True


def _lines(formsets):
    rows = _rows(formsets, SwagRequestLine)
    return (
        None
        if rows is None
        else [(row.cleaned_data["variant"], row.cleaned_data["quantity"]) for row in rows]
    )


@admin.register(SwagRequest)
class SwagRequestAdmin(ServiceAdmin):
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
    raw_id_fields = ["requested_by", "recipient", "event"]
    readonly_fields = ["status", "decided_by", "shipped_at", "created_at"]
    inlines = [RequestLineInline]
    actions = ["approve", "ship", "reject"]
    action_form = NoteActionForm
    writes = Writes(arg="request", remove=services.swag_request_delete)

    def get_queryset(self, request):
        return selectors.swag_requests_visible_to(request.user).order_by()

    def get_exclude(self, request, obj=None):
        excluded = list(super().get_exclude(request, obj) or [])
        if obj is None:
            excluded.append("tracking_note")  # noted when it ships
        elif not can_see_swag_address(request.user, obj):
            excluded += ["address", "phone"]
        return excluded

    def create(self, request, form, formsets):
        lines = _lines(formsets) or []
        return services.swag_request_create(user=request.user, lines=lines, **form.cleaned_data)

    def change(self, request, obj, form, formsets):
        lines = _lines(formsets)
        services.swag_request_update(
            request=self.stored(obj), user=request.user, lines=lines, **form.cleaned_data
        )

    @admin.action(description=gettext_lazy("Approve the selected requests"))
    def approve(self, request, queryset):
        _run(self, request, queryset, services.swag_request_approve, _("%(count)s request(s) approved."))

    @admin.action(
        description=gettext_lazy("Mark the selected requests shipped (takes the items out of stock)")
    )
    def ship(self, request, queryset):
        _run(self, request, queryset, services.swag_request_ship, _("%(count)s request(s) shipped."))

    @admin.action(description=gettext_lazy("Decline the selected requests (with the note)"))
    def reject(self, request, queryset):
        done = _("%(count)s request(s) declined.")
        _run(self, request, queryset, services.swag_request_reject, done, note=_note(request))


# --------------------------------------------------------------------------- rewards


@admin.register(Reward)
class RewardAdmin(ServiceAdmin):
    list_display = ["title", "member", "kind", "contribution", "swag_request", "awarded_at"]
    list_filter = ["kind"]
    search_fields = ["title", "member__display_name"]
    list_select_related = ["member", "contribution", "swag_request"]
    raw_id_fields = ["member", "contribution", "swag_request"]
    readonly_fields = ["awarded_by", "awarded_at"]
    writes = Writes(
        arg="reward",
        create=services.reward_give,
        change=services.reward_update,
        remove=services.reward_delete,
    )
