"""Admin of the ambassador program and the swag stock. Transitions go through the
services (admin actions); the movement log is append-only and levels are read-only."""

from django import forms
from django.contrib import admin, messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import HttpResponseRedirect
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

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
from members.services import program as services


def _run(modeladmin, request, queryset, service, done_message, **kwargs):
    """Call a service for each selected row; report successes and refusals."""
    done = 0
    for obj in queryset:
        try:
            service(user=request.user, **{modeladmin.service_arg: obj}, **kwargs)
        except (ValidationError, PermissionDenied) as error:
            text = " ".join(getattr(error, "messages", [str(error)]))
            modeladmin.message_user(request, f"{obj}: {text}", messages.ERROR)
        else:
            done += 1
    if done:
        modeladmin.message_user(request, done_message % {"count": done}, messages.SUCCESS)


@admin.register(Enrolment)
class EnrolmentAdmin(admin.ModelAdmin):
    service_arg = "enrolment"
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
    readonly_fields = ["decided_by", "decided_at", "created_at"]
    date_hierarchy = "created_at"
    actions = ["accept", "reject", "end"]

    @admin.action(description=gettext_lazy("Accept the selected applications"))
    def accept(self, request, queryset):
        _run(
            self,
            request,
            queryset,
            services.enrolment_accept,
            _("%(count)s application(s) accepted."),
        )

    @admin.action(description=gettext_lazy("Decline the selected applications"))
    def reject(self, request, queryset):
        _run(
            self,
            request,
            queryset,
            services.enrolment_reject,
            _("%(count)s application(s) declined."),
        )

    @admin.action(description=gettext_lazy("End the selected enrolments (term handover)"))
    def end(self, request, queryset):
        _run(self, request, queryset, services.enrolment_end, _("%(count)s enrolment(s) ended."))


class PublicationInline(admin.TabularInline):
    model = ContributionPublication
    extra = 0


@admin.register(Contribution)
class ContributionAdmin(admin.ModelAdmin):
    service_arg = "contribution"
    list_display = ["__str__", "member", "kind", "status", "points", "show_publicly", "created_at"]
    list_filter = ["status", "kind", "show_publicly"]
    search_fields = ["title_zh", "title_en", "member__display_name"]
    list_select_related = ["member"]
    raw_id_fields = ["member", "event"]
    readonly_fields = ["status", "points", "reviewed_by", "reviewed_at", "created_at"]
    inlines = [PublicationInline]
    actions = ["accept", "return_to_author"]

    @admin.action(description=gettext_lazy("Accept the selected contributions (award points)"))
    def accept(self, request, queryset):
        _run(
            self,
            request,
            queryset,
            services.contribution_accept,
            _("%(count)s contribution(s) accepted."),
        )

    @admin.action(description=gettext_lazy("Return the selected contributions (with their review note)"))
    def return_to_author(self, request, queryset):
        done = 0
        for contribution in queryset:
            try:
                services.contribution_return(
                    contribution=contribution, user=request.user, note=contribution.review_note
                )
            except (ValidationError, PermissionDenied) as error:
                text = " ".join(getattr(error, "messages", [str(error)]))
                self.message_user(request, f"{contribution}: {text}", messages.ERROR)
            else:
                done += 1
        if done:
            self.message_user(request, _("%(count)s contribution(s) returned.") % {"count": done})


@admin.register(PointRule)
class PointRuleAdmin(admin.ModelAdmin):
    list_display = ["kind", "points"]
    list_editable = ["points"]


class VariantInline(admin.TabularInline):
    model = SwagVariant
    extra = 1


@admin.register(SwagItem)
class SwagItemAdmin(admin.ModelAdmin):
    list_display = ["name_en", "name_zh", "active"]
    list_filter = ["active"]
    search_fields = ["name_en", "name_zh"]
    inlines = [VariantInline]


@admin.register(SwagVariant)
class SwagVariantAdmin(admin.ModelAdmin):
    list_display = ["__str__", "item", "label"]
    list_select_related = ["item"]
    search_fields = ["item__name_en", "item__name_zh", "label"]


@admin.register(StockLocation)
class StockLocationAdmin(admin.ModelAdmin):
    list_display = ["name", "holder"]
    list_select_related = ["holder"]
    search_fields = ["name"]
    raw_id_fields = ["holder"]


class StockMovementForm(forms.ModelForm):
    class Meta:
        model = StockMovement
        fields = ["variant", "kind", "quantity", "from_location", "to_location", "note"]


@admin.register(StockMovement)
class StockMovementAdmin(admin.ModelAdmin):
    """The log is append-only: a mistake is fixed with a correction movement."""

    form = StockMovementForm
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

    def save_model(self, request, obj, form, change):
        try:
            saved = services.stock_record(
                user=request.user,
                variant=obj.variant,
                kind=obj.kind,
                quantity=obj.quantity,
                from_location=obj.from_location,
                to_location=obj.to_location,
                note=obj.note,
            )
        except ValidationError as error:
            self.message_user(request, " ".join(error.messages), messages.ERROR)
            return
        obj.pk = saved.pk

    def response_add(self, request, obj, post_url_continue=None):
        if obj.pk is None:  # refused by the service: back to the form's list, nothing changed
            return HttpResponseRedirect(reverse("admin:members_stockmovement_add"))
        return super().response_add(request, obj, post_url_continue)

    def log_addition(self, request, obj, message):
        if obj.pk is not None:
            return super().log_addition(request, obj, message)
        return None


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


class RequestLineInline(admin.TabularInline):
    model = SwagRequestLine
    extra = 1


@admin.register(SwagRequest)
class SwagRequestAdmin(admin.ModelAdmin):
    service_arg = "request"
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

    @admin.action(description=gettext_lazy("Approve the selected requests"))
    def approve(self, request, queryset):
        _run(
            self,
            request,
            queryset,
            services.swag_request_approve,
            _("%(count)s request(s) approved."),
        )

    @admin.action(
        description=gettext_lazy("Mark the selected requests shipped (takes the items out of stock)")
    )
    def ship(self, request, queryset):
        _run(self, request, queryset, services.swag_request_ship, _("%(count)s request(s) shipped."))

    @admin.action(description=gettext_lazy("Decline the selected requests"))
    def reject(self, request, queryset):
        _run(
            self,
            request,
            queryset,
            services.swag_request_reject,
            _("%(count)s request(s) declined."),
        )


@admin.register(Reward)
class RewardAdmin(admin.ModelAdmin):
    list_display = ["title", "member", "kind", "contribution", "swag_request", "awarded_at"]
    list_filter = ["kind"]
    search_fields = ["title", "member__display_name"]
    list_select_related = ["member", "contribution", "swag_request"]
    raw_id_fields = ["member", "contribution", "swag_request"]
    readonly_fields = ["awarded_by", "awarded_at"]

    def save_model(self, request, obj, form, change):
        if not change:
            obj.awarded_by = request.user
        super().save_model(request, obj, form, change)
