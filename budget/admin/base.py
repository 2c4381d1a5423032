"""Admin that saves through services: every add, change, delete and action of the budget
admin is one call to budget.services, and a refusal comes back as a form error on the form
or inline row that caused it (never a silent save, never a 403 page).

Django's admin validates every form first and saves afterwards, but a service's rules are
known only when it is called. So `save_model` / `save_formset` call the services; if one
refuses, the whole save is rolled back (the admin runs it in a transaction) and the same
POST is validated once more with the refusal attached to its form or row, so the page comes
back with the error where the coordinator typed and nothing saved.
"""

from contextlib import contextmanager

from django.contrib import admin, messages
from django.contrib.admin.actions import delete_selected as django_delete_selected
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.forms import BaseInlineFormSet, ModelForm
from django.http import HttpResponseRedirect
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from simple_history.admin import SimpleHistoryAdmin

from members.permissions import can_decide

from ..forms import add_refusal

MAIN_FORM = "__form__"


def refusal_text(error):
    if isinstance(error, ValidationError):
        return " ".join(error.messages)
    return str(error) or str(_("You may not do this."))


class Refused(Exception):
    """A service refused part of an admin save; `errors` maps where (MAIN_FORM, or an
    inline's prefix → {row index: error}, or an object → error) to the refusal."""

    def __init__(self, errors):
        super().__init__(errors)
        self.errors = errors


@contextmanager
def refused_as(key):
    """Run a service call in a savepoint; its ValidationError / PermissionDenied becomes
    Refused({key: error})."""
    try:
        with transaction.atomic():
            yield
    except (ValidationError, PermissionDenied) as error:
        raise Refused({key: error}) from error


def form_fields(form, names):
    """The model fields among `names` with the values the form cleaned (already set on its
    instance by ModelForm validation, files and foreign keys included)."""
    concrete = {field.name for field in form.instance._meta.concrete_fields if not field.primary_key}
    return {name: getattr(form.instance, name) for name in names if name in concrete}


def adopt(target, saved):
    """Make the admin's object the row the service saved (its pk, its stored values)."""
    if saved is None or saved is target:
        return target
    for field in type(saved)._meta.concrete_fields:
        setattr(target, field.attname, getattr(saved, field.attname))
    target._state.adding = False
    target._state.db = saved._state.db
    return target


class ServiceModelForm(ModelForm):
    """The admin's form: shape only. In the second pass it shows the service's refusal."""

    refusal = None

    def full_clean(self):
        super().full_clean()
        if self.is_bound and self.refusal is not None:
            add_refusal(self, self.refusal)


class ServiceInlineFormSet(BaseInlineFormSet):
    """An inline's rows: in the second pass each refused row shows its refusal; a refused
    deletion (whose row Django no longer validates) is reported above the rows."""

    refusals = {}

    def clean(self):
        super().clean()
        deletions = []
        for index, error in self.refusals.items():
            row = self.forms[index]
            if self.can_delete and self._should_delete_form(row):
                deletions.append(refusal_text(error))
            else:
                add_refusal(row, error)
        if deletions:
            raise ValidationError(deletions)


class ServiceInline(admin.TabularInline):
    """An inline whose rows are saved by services. Subclasses implement service_create
    (parent, fields), service_update(obj, fields) and service_delete(obj)."""

    formset = ServiceInlineFormSet

    def get_formset(self, request, obj=None, **kwargs):
        formset = super().get_formset(request, obj, **kwargs)
        formset.service_inline = self
        formset.refusals = getattr(request, "_service_refusals", {}).get(formset.get_default_prefix(), {})
        return formset

    def save_rows(self, request, parent, formset):
        """Save each changed row through the services; collect the refusals by row."""
        formset.new_objects, formset.changed_objects, formset.deleted_objects = [], [], []
        refusals = {}
        for index, row in enumerate(formset.forms):
            try:
                with refused_as(index):
                    self._save_row(request, parent, formset, row)
            except Refused as refused:
                refusals.update(refused.errors)
        if refusals:
            raise Refused({formset.prefix: refusals})

    def _save_row(self, request, parent, formset, row):
        is_new = row.instance.pk is None
        if formset.can_delete and formset._should_delete_form(row):
            if not is_new:
                self.service_delete(request, row.instance)
                formset.deleted_objects.append(row.instance)
            return
        if not row.has_changed():
            return
        if is_new:
            names = [name for name in row.fields if name != formset.fk.name]
            adopt(row.instance, self.service_create(request, parent, form_fields(row, names)))
            formset.new_objects.append(row.instance)
        else:
            adopt(
                row.instance, self.service_update(request, row.instance, form_fields(row, row.changed_data))
            )
            formset.changed_objects.append((row.instance, row.changed_data))


def run_each(modeladmin, request, queryset, call, done):
    """Call a service for each selected object; report each refusal, count the successes."""
    count = 0
    for obj in queryset:
        try:
            with transaction.atomic():
                call(obj)
        except (ValidationError, PermissionDenied) as error:
            modeladmin.message_user(request, f"{obj}: {refusal_text(error)}", messages.ERROR)
        else:
            count += 1
    if count:
        modeladmin.message_user(request, done % {"count": count}, messages.SUCCESS)
    return count


def service_action(description, call, done):
    """An admin action calling `call(user, obj)` (a service) for each selected object."""

    def action(modeladmin, request, queryset):
        run_each(modeladmin, request, queryset, lambda obj: call(request.user, obj), done)

    return admin.action(description=description)(action)


def decision_action(description, title, call, done):
    """An approver's action: first a page asking for a comment (required to reject), then
    `call(user, obj, comment)` for each selected object. Offered to approvers only (the
    admin mixes in DecidedByApprovers)."""

    def action(modeladmin, request, queryset):
        if request.POST.get("confirm"):
            comment = request.POST.get("comment", "")
            run_each(modeladmin, request, queryset, lambda obj: call(request.user, obj, comment), done)
            return None
        context = {
            **modeladmin.admin_site.each_context(request),
            "title": title,
            "queryset": queryset,
            "action": request.POST.get("action"),
            "opts": modeladmin.model._meta,
            "action_checkbox_name": admin.helpers.ACTION_CHECKBOX_NAME,
        }
        return TemplateResponse(request, "admin/budget/decision_comment.html", context)

    return admin.action(description=description, permissions=["decide"])(action)


class DecidedByApprovers:
    """Admins with decision_action()s: those actions are offered to approvers only."""

    def has_decide_permission(self, request):
        return can_decide(request.user)


class ServiceAdmin(SimpleHistoryAdmin):
    """A ModelAdmin whose saves and deletes are service calls. Subclasses implement
    service_create(fields), service_update(obj, fields) and service_delete(obj)."""

    form = ServiceModelForm

    # --- add and change ---------------------------------------------------------------

    @staticmethod
    def _showing_refusals(view, request, *args):
        try:
            return view(request, *args)
        except Refused as refused:
            # Nothing was saved (the transaction or savepoint is rolled back): validate the
            # same POST again with the refusal on its form or row, and show the page.
            request._service_refusals = refused.errors
            return view(request, *args)

    def changeform_view(self, request, object_id=None, form_url="", extra_context=None):
        view = super().changeform_view
        return self._showing_refusals(view, request, object_id, form_url, extra_context)

    def history_form_view(self, request, object_id, version_id, extra_context=None):
        # Reverting to an old version saves through save_model, hence the services, too.
        view = super().history_form_view
        return self._showing_refusals(view, request, object_id, version_id, extra_context)

    def get_form(self, request, obj=None, change=False, **kwargs):
        form = super().get_form(request, obj, change=change, **kwargs)
        form.refusal = getattr(request, "_service_refusals", {}).get(MAIN_FORM)
        return form

    def save_model(self, request, obj, form, change):
        # Every field of the form, not only those changed: a revert from the history page
        # compares with the old version, and the services compare with the stored row.
        fields = form_fields(form, form.fields)
        with refused_as(MAIN_FORM):
            if change:
                saved = self.service_update(request, obj, fields)
            else:
                saved = self.service_create(request, fields)
        adopt(obj, saved)

    def save_formset(self, request, form, formset, change):
        inline = getattr(formset, "service_inline", None)
        if inline is None:
            raise TypeError(f"{formset.model.__name__} rows must be saved through a ServiceInline")
        inline.save_rows(request, form.instance, formset)

    # --- delete -----------------------------------------------------------------------

    def delete_model(self, request, obj):
        with refused_as(obj):
            self.service_delete(request, obj)

    def delete_view(self, request, object_id, extra_context=None):
        try:
            return super().delete_view(request, object_id, extra_context)
        except Refused as refused:
            for error in refused.errors.values():
                self.message_user(request, refusal_text(error), messages.ERROR)
            opts = self.model._meta
            url = reverse(
                f"admin:{opts.app_label}_{opts.model_name}_change",
                args=[object_id],
                current_app=self.admin_site.name,
            )
            return HttpResponseRedirect(url)

    def get_actions(self, request):
        actions = super().get_actions(request)
        if "delete_selected" in actions:
            _function, name, description = actions["delete_selected"]
            actions["delete_selected"] = (type(self).delete_selected_through_services, name, description)
        return actions

    def delete_queryset(self, request, queryset):
        """The changelist's bulk delete: one service call per object; each refusal is
        reported, the others are deleted (and logged)."""

        def delete(obj):
            self.service_delete(request, obj)
            self.log_deletions(request, [obj])

        run_each(self, request, queryset, delete, _("%(count)s deleted."))

    @staticmethod
    def delete_selected_through_services(modeladmin, request, queryset):
        """Django's confirmation page, then delete_queryset (whose messages say what was
        deleted and what was refused, instead of Django's "Successfully deleted")."""
        if not request.POST.get("post"):
            return django_delete_selected(modeladmin, request, queryset)
        modeladmin.delete_queryset(request, queryset)
        return None
