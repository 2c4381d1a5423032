"""An admin whose every write goes through a service.

Django admin saves a form with `obj.save()`; here `save_model` does nothing and
`save_related` hands the form (and its inline rows) to the service the subclass names:
`create`, `change` and `remove`. A refusal (ValidationError or PermissionDenied) rolls the
whole request back and the page is shown again with the reason as a form error, on the
field or inline row it concerns; deletions (the delete page and the "delete selected"
action) are refused with an error message and change nothing.

Nothing in it is specific to members: other apps' admins may build on it."""

from contextlib import contextmanager

from django.contrib import admin, messages
from django.core.exceptions import ImproperlyConfigured, PermissionDenied, ValidationError
from django.db import router, transaction
from django.forms.models import BaseInlineFormSet, InlineForeignKeyField
from django.http import HttpResponseRedirect
from django.urls import reverse
from django.utils.translation import gettext as _

from members.forms import apply_errors

_REFUSAL = "_admin_service_refusal"


class Refused(Exception):
    """A service refused an admin write; where to show it (`prefix`, `index`: an inline row)."""

    def __init__(self, error, *, prefix=None, index=None):
        super().__init__(error)
        if isinstance(error, PermissionDenied):
            error = ValidationError(str(error) or _("Only coordinators may do this."))
        self.error = error
        self.prefix = prefix
        self.index = index


@contextmanager
def refusals(*, prefix=None, index=None):
    """Turn a service's ValidationError / PermissionDenied into Refused."""
    try:
        yield
    except (ValidationError, PermissionDenied) as error:
        raise Refused(error, prefix=prefix, index=index) from error


def row_data(form):
    """An inline row's cleaned data without the formset's own fields (its id, the link to
    the parent, the delete box)."""
    skip = {"DELETE", form._meta.model._meta.pk.name}
    skip |= {name for name, field in form.fields.items() if isinstance(field, InlineForeignKeyField)}
    return {name: value for name, value in form.cleaned_data.items() if name not in skip}


class ServiceInline:
    """An inline whose rows are written by services. Either the parent's service takes the
    rows (`rows_by_parent = True`: the parent admin reads `formset` in create/change), or
    the inline names a service per row: create_row, change_row, remove_row."""

    rows_by_parent = False

    def create_row(self, request, parent, data):
        """Create the row; return it."""
        raise NotImplementedError

    def change_row(self, request, obj, data):
        """Change the row; return it."""
        raise NotImplementedError

    def remove_row(self, request, obj):
        raise NotImplementedError


def live_rows(formset):
    """[(index, form)] of the rows kept (neither empty nor marked for deletion)."""
    return [
        (index, form)
        for index, form in enumerate(formset.forms)
        if form.cleaned_data
        and not form.cleaned_data.get("DELETE")
        and (form.instance.pk or form.has_changed())
    ]


class Writes:
    """The services an admin writes with: `create(user=…, **form data)` → the new object,
    `change(<arg>=stored object, user=…, **form data)`, `remove(<arg>=object, user=…)`."""

    def __init__(self, *, arg, create=None, change=None, remove=None):
        self.arg, self.create, self.change, self.remove = arg, create, change, remove


class ServiceAdmin(admin.ModelAdmin):
    """Names its services in `writes` (a Writes), or overrides create(request, form,
    formsets) → the new object, change(request, obj, form, formsets) and remove(request,
    obj); each makes one service call."""

    writes = None

    def service_data(self, form):
        """The form's data as the service's keyword arguments (without the row's id, which
        the change list's editable rows carry)."""
        pk = self.model._meta.pk.name
        return {name: value for name, value in form.cleaned_data.items() if name != pk}

    def create(self, request, form, formsets):
        return self.writes.create(user=request.user, **self.service_data(form))

    def change(self, request, obj, form, formsets):
        target = {self.writes.arg: self.stored(obj)}
        self.writes.change(**target, user=request.user, **self.service_data(form))

    def remove(self, request, obj):
        self.writes.remove(**{self.writes.arg: obj}, user=request.user)

    @staticmethod
    def stored(obj):
        """The row as stored (the form has already changed the instance it was given)."""
        return type(obj)._default_manager.get(pk=obj.pk)

    # ------------------------------------------------------------------- writes

    def save_model(self, request, obj, form, change):
        """Nothing here: save_related writes the object and its rows in one service call."""

    def save_related(self, request, form, formsets, change):
        with refusals():
            if change:
                self.change(request, form.instance, form, formsets)
                saved = self.stored(form.instance)
            else:
                saved = self.create(request, form, formsets)
        for field in saved._meta.concrete_fields:
            setattr(form.instance, field.attname, getattr(saved, field.attname))
        form.instance._state.adding = False
        form.instance._state.db = saved._state.db
        for formset in formsets:
            self._save_rows(request, form.instance, formset)

    def _save_rows(self, request, parent, formset):
        # What formset.save() would record, for the admin's change message.
        formset.new_objects, formset.changed_objects, formset.deleted_objects = [], [], []
        inline = getattr(formset, "service_inline", None)
        if isinstance(inline, ServiceInline) and inline.rows_by_parent:
            return
        if not isinstance(inline, ServiceInline):
            if formset.has_changed():
                raise ImproperlyConfigured(f"{type(inline).__name__} writes without a service")
            return
        for index, form in enumerate(formset.forms):
            with refusals(prefix=formset.prefix, index=index):
                if form in formset.deleted_forms:
                    if form.instance.pk:
                        inline.remove_row(request, self.stored(form.instance))
                        formset.deleted_objects.append(form.instance)
                elif form.instance.pk is None:
                    if form.has_changed():
                        formset.new_objects.append(inline.create_row(request, parent, row_data(form)))
                elif form.has_changed():
                    row = inline.change_row(request, self.stored(form.instance), row_data(form))
                    formset.changed_objects.append((row, form.changed_data))

    def delete_model(self, request, obj):
        with refusals():
            self.remove(request, obj)

    def delete_queryset(self, request, queryset):
        with transaction.atomic():
            for obj in queryset:
                with refusals():
                    self.remove(request, obj)

    # ------------------------------------------------------------------- refusals

    def changeform_view(self, request, object_id=None, form_url="", extra_context=None):
        try:
            return super().changeform_view(request, object_id, form_url, extra_context)
        except Refused as refused:
            # Rolled back; show the page again, the reason on the form or row it concerns.
            setattr(request, _REFUSAL, refused)
            return super().changeform_view(request, object_id, form_url, extra_context)

    def delete_view(self, request, object_id, extra_context=None):
        try:
            return super().delete_view(request, object_id, extra_context)
        except Refused as refused:
            self.message_user(request, " ".join(refused.error.messages), messages.ERROR)
            opts = self.model._meta
            return HttpResponseRedirect(
                reverse(f"admin:{opts.app_label}_{opts.model_name}_change", args=[object_id])
            )

    def changelist_view(self, request, extra_context=None):
        try:
            # Atomic: "delete selected" logs the deletions before it deletes; a refusal undoes both.
            with transaction.atomic(using=router.db_for_write(self.model)):
                return super().changelist_view(request, extra_context)
        except Refused as refused:
            self.message_user(request, " ".join(refused.error.messages), messages.ERROR)
            return HttpResponseRedirect(request.get_full_path())

    def get_form(self, request, obj=None, change=False, **kwargs):
        form_class = super().get_form(request, obj, change=change, **kwargs)
        refused = getattr(request, _REFUSAL, None)
        if refused is None or refused.prefix is not None:
            return form_class

        class RefusedForm(form_class):
            def clean(self):
                cleaned = super().clean()
                apply_errors(self, refused.error)
                return cleaned

        return RefusedForm

    def get_formsets_with_inlines(self, request, obj=None):
        refused = getattr(request, _REFUSAL, None)
        for formset_class, inline in super().get_formsets_with_inlines(request, obj):
            yield _with_inline(formset_class, inline, refused), inline


def _with_inline(formset_class, inline, refused):
    class FormSet(formset_class):
        service_inline = inline

        def clean(self):
            super().clean()
            if refused is not None and refused.prefix == self.prefix:
                if refused.index is not None and refused.index < len(self.forms):
                    apply_errors(self.forms[refused.index], refused.error)
                else:
                    raise refused.error

    return FormSet


class UniqueByServiceFormSet(BaseInlineFormSet):
    """Rows the parent's service merges or checks itself (e.g. the same item twice): the
    formset does not refuse duplicates first."""

    def validate_unique(self):
        pass
