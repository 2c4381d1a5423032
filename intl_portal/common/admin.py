"""Admin pages that write through services, for every app's admin.

Every add, change and delete of a ServiceAdmin, every row of its ServiceInlines and every
action is one call to the app's service; forms check shape only. Django's admin validates
every form first and saves afterwards, but a service's rules are known only when it is
called. So when a service refuses (ValidationError or PermissionDenied) the whole save is
rolled back and the same POST is validated once more with the refusal attached to the form
or inline row that caused it: the page comes back with the reason where the coordinator
typed, and nothing is saved. Never a 403 page, never a silent save.

The protocol, the same for a ServiceAdmin, a ServiceInline and the API's PortalViewSet
(.writes.ServiceWrites; each hook is one service call, `request.user` is who acts):
    service_create(request, data) → the new object
    service_update(request, obj, data) → the object
    service_delete(request, obj)
An app names its services once per model, in a ServiceWrites of its `writes.py` that
every door of that model mixes in (e.g. events.writes.ParticipationWrites: the
participation's page, the event's and the member's participation rows, the API).
- `data` is the door's service_data(…): here the values the form gives its model's fields
  (an inline row's with its parent, under the name of the link to it); override it to
  rename or add arguments. `obj` is the row as stored, not the form's changed copy.
- Rows that the parent's service takes whole (e.g. a request's lines): the inline sets
  `parent_argument = "lines"`, and its kept rows go to the parent's hooks as data["lines"],
  a list of the inline's service_data(row).
- Actions: service_action(description, call, done), or self.act_on_each(…) in an
  @admin.action method. The delete page and "delete selected" call service_delete; a
  refusal is an error message and deletes nothing.
"""

from django.contrib import admin, messages
from django.contrib.admin.actions import delete_selected as django_delete_selected
from django.core.exceptions import ImproperlyConfigured, PermissionDenied, ValidationError
from django.db import router, transaction
from django.forms.models import InlineForeignKeyField
from django.http import HttpResponseRedirect
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from simple_history.admin import SimpleHistoryAdmin

from .forms import add_refusal, refusal_text
from .writes import ServiceWrites

REFUSED = (ValidationError, PermissionDenied)
MAIN_FORM = "__main__"
_PAGE = "_service_admin_page"


class Refused(Exception):
    """A service refused part of an admin save. `errors`: {MAIN_FORM: error} for the main
    form, {inline formset prefix: {row index: error}} for inline rows."""

    def __init__(self, errors):
        super().__init__(errors)
        self.errors = errors


class _Page:
    """What one request's admin page knows about its save: whether the inline formsets
    follow the main form (the add and change page), and the refusals of the first pass."""

    def __init__(self):
        self.rows_follow = False
        self.refusals = {}


def _page(request):
    if not hasattr(request, _PAGE):
        setattr(request, _PAGE, _Page())
    return getattr(request, _PAGE)


def _attempt(call):
    """Run one service call in a savepoint; its refusal, or None."""
    try:
        with transaction.atomic():
            call()
    except REFUSED as error:
        return error
    return None


def stored(obj):
    """The row as stored (a form has already changed the instance it was given)."""
    return type(obj)._default_manager.get(pk=obj.pk)


def adopt(target, saved):
    """Make the admin's instance the row the service saved (its pk, its stored values)."""
    if saved is None or saved is target:
        return
    for field in type(saved)._meta.concrete_fields:
        setattr(target, field.attname, getattr(saved, field.attname))
    target._state.adding = False
    target._state.db = saved._state.db


def form_values(form, exclude=()):
    """The values `form` gives its model's fields: those it shows, as ModelForm validation
    set them on its instance (files included), many-to-many fields as chosen; never the
    primary key."""
    fields = {
        field.name: field
        for field in form._meta.model._meta.get_fields()
        if field.concrete and not field.auto_created and not field.primary_key
    }
    return {
        name: form.cleaned_data[name] if fields[name].many_to_many else getattr(form.instance, name)
        for name in form.fields
        if name in fields and name not in exclude and name in form.cleaned_data
    }


def _done_message(done, count):
    return done(count) if callable(done) else done % {"count": count}


def service_action(description, call, done, **options):
    """An admin action calling `call(request, obj)` (one service call) for each selected
    object; `done` is the message for the successes (see ServiceAdmin.act_on_each)."""

    def action(modeladmin, request, queryset):
        modeladmin.act_on_each(request, queryset, lambda obj: call(request, obj), done)

    return admin.action(description=description, **options)(action)


# --------------------------------------------------------------------------- inline rows


class _ServiceFormSet:
    """Mixed into a ServiceInline's formset: in the second pass each refused row shows its
    refusal; a refused deletion (whose row Django no longer validates) is said above the rows."""

    service_inline = None
    refusals = {}

    def clean(self):
        super().clean()
        deletions = []
        for index, error in self.refusals.get(self.prefix, {}).items():
            row = self.forms[index]
            if self.can_delete and self._should_delete_form(row):
                deletions.append(refusal_text(error))
            else:
                add_refusal(row, error)
        if deletions:
            raise ValidationError(deletions)


class ServiceInline(ServiceWrites, admin.TabularInline):
    """An inline whose rows are written by services (see the module's protocol). Tabular;
    set `template = "admin/edit_inline/stacked.html"` for stacked rows."""

    parent_argument = None

    def service_data(self, row):
        """The row's values as the service's keyword arguments, with its parent under the
        name of the link to it; without it for rows the parent's service takes."""
        parent = {name for name, field in row.fields.items() if isinstance(field, InlineForeignKeyField)}
        data = form_values(row, exclude=parent)
        if not self.parent_argument:
            data.update({name: row.cleaned_data[name] for name in parent})
        return data

    def get_formset(self, request, obj=None, **kwargs):
        formset = super().get_formset(request, obj, **kwargs)
        attributes = {"service_inline": self, "refusals": _page(request).refusals}
        return type(formset.__name__, (_ServiceFormSet, formset), attributes)

    def kept_rows(self, formset):
        """The rows the page keeps: neither empty new rows nor rows marked for deletion."""
        return [
            row
            for row in formset.forms
            if row.cleaned_data
            and not (formset.can_delete and formset._should_delete_form(row))
            and (row.instance.pk is not None or row.has_changed())
        ]

    def save_rows(self, request, formset):
        """Write each added, changed or deleted row through the services, each in its own
        savepoint; returns {row index: refusal}."""
        formset.new_objects, formset.changed_objects, formset.deleted_objects = [], [], []
        if self.parent_argument:
            return {}  # the parent's service took them
        refused = {}
        for index, row in enumerate(formset.forms):
            error = _attempt(lambda row=row: self._save_row(request, formset, row))
            if error is not None:
                refused[index] = error
        return refused

    def _save_row(self, request, formset, row):
        obj = row.instance
        if formset.can_delete and formset._should_delete_form(row):
            if obj.pk is not None:
                self.service_delete(request, stored(obj))
                formset.deleted_objects.append(obj)
        elif not row.has_changed():
            return
        elif obj.pk is None:
            adopt(obj, self.service_create(request, self.service_data(row)))
            formset.new_objects.append(obj)
        else:
            adopt(obj, self.service_update(request, stored(obj), self.service_data(row)))
            formset.changed_objects.append((obj, row.changed_data))


# --------------------------------------------------------------------------- the model admin


class ServiceAdmin(ServiceWrites, admin.ModelAdmin):
    """A ModelAdmin whose writes are service calls (see the module's protocol); its inlines
    that can write are ServiceInlines. "Delete selected" is one act, as in Django: it deletes
    every selected object or, if the service refuses one, none, and says why.
    """

    def service_data(self, form, formsets):
        """The form's values as the service's keyword arguments, with the rows of each inline
        whose rows the parent's service takes (its `parent_argument`)."""
        data = form_values(form)
        for formset in formsets:
            inline = getattr(formset, "service_inline", None)
            if inline is not None and inline.parent_argument:
                data[inline.parent_argument] = [inline.service_data(row) for row in inline.kept_rows(formset)]
        return data

    # --- add and change -----------------------------------------------------------------

    def changeform_view(self, request, object_id=None, form_url="", extra_context=None):
        # On this page Django calls save_related right after save_model, with the inline
        # formsets: the object is written there, with the rows its service may take.
        _page(request).rows_follow = True
        view = super().changeform_view
        return self._showing_refusals(view, request, object_id, form_url, extra_context)

    @staticmethod
    def _showing_refusals(view, request, *args):
        try:
            return view(request, *args)
        except Refused as refused:
            # Nothing was saved (the view's transaction is rolled back): validate the same
            # POST again with each refusal on its form or row, and show the page.
            _page(request).refusals.update(refused.errors)
            return view(request, *args)

    def get_form(self, request, obj=None, change=False, **kwargs):
        form = super().get_form(request, obj, change=change, **kwargs)
        error = _page(request).refusals.get(MAIN_FORM)
        if error is None:
            return form

        class RefusedForm(form):
            def clean(self):
                cleaned = super().clean()
                add_refusal(self, error)
                return cleaned

        return RefusedForm

    def save_form(self, request, form, change):
        # The unsaved object; the services write it and its many-to-many fields, so the
        # form's own save_m2m (which a revert page calls) writes nothing.
        form.save_m2m = lambda: None
        return form.instance

    def save_model(self, request, obj, form, change):
        # Pages that call save_model alone (the change list's editable rows, a history
        # revert) write here; the add and change page in save_related.
        if not _page(request).rows_follow:
            self._write(request, form, (), change)

    def save_related(self, request, form, formsets, change):
        if _page(request).rows_follow:
            self._write(request, form, formsets, change)
        errors = {}
        for formset in formsets:
            try:
                self.save_formset(request, form, formset, change=change)
            except Refused as refused:
                errors.update(refused.errors)
        if errors:
            raise Refused(errors)

    def _write(self, request, form, formsets, change):
        data = self.service_data(form, formsets)
        try:
            if change:
                saved = self.service_update(request, stored(form.instance), data)
            else:
                saved = self.service_create(request, data)
        except REFUSED as error:
            raise Refused({MAIN_FORM: error}) from error
        adopt(form.instance, saved)

    def save_formset(self, request, form, formset, change):
        inline = getattr(formset, "service_inline", None)
        if inline is None:
            if formset.has_changed():
                raise ImproperlyConfigured(f"{formset.model.__name__} rows must be saved by a ServiceInline")
            formset.new_objects, formset.changed_objects, formset.deleted_objects = [], [], []
            return
        refused = inline.save_rows(request, formset)
        if refused:
            raise Refused({formset.prefix: refused})

    def changelist_view(self, request, extra_context=None):
        try:
            return super().changelist_view(request, extra_context)
        except Refused as refused:
            # An editable row of the list was refused: its transaction is rolled back.
            for error in refused.errors.values():
                self.message_user(request, refusal_text(error), messages.ERROR)
            return HttpResponseRedirect(request.get_full_path())

    # --- actions ------------------------------------------------------------------------

    def act_on_each(self, request, queryset, call, done):
        """Run `call(obj)` (one service call) for each selected object, each in its own
        savepoint: a refusal is an error message naming the object and changes nothing of
        it. `done` is the message for the successes: a text with %(count)s, or a function of
        the count. Returns the objects done."""
        finished = []
        for obj in queryset:
            error = _attempt(lambda obj=obj: call(obj))
            if error is None:
                finished.append(obj)
            else:
                self.message_user(request, f"{obj}: {refusal_text(error)}", messages.ERROR)
        if finished:
            self.message_user(request, _done_message(done, len(finished)), messages.SUCCESS)
        return finished

    # --- delete -------------------------------------------------------------------------

    def delete_model(self, request, obj):
        try:
            self.service_delete(request, obj)
        except REFUSED as error:
            raise Refused({MAIN_FORM: error}) from error

    def delete_view(self, request, object_id, extra_context=None):
        try:
            return super().delete_view(request, object_id, extra_context)
        except Refused as refused:
            # Rolled back (the log entry too); back to the object's page with the reason.
            self.message_user(request, refusal_text(refused.errors[MAIN_FORM]), messages.ERROR)
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
            actions["delete_selected"] = (_delete_selected, name, description)
        return actions

    def delete_queryset(self, request, queryset):
        """The change list's "delete selected": one service call per object (logged as it
        is deleted); if any is refused, nothing is deleted and each refusal is reported."""
        deleted, refused = [], []
        with transaction.atomic(using=router.db_for_write(self.model)):
            for obj in queryset:
                label = str(obj)
                error = _attempt(lambda obj=obj: self._delete_logged(request, obj))
                if error is None:
                    deleted.append(label)
                else:
                    refused.append(f"{label}: {refusal_text(error)}")
            if refused:
                transaction.set_rollback(True)
                deleted = []
        for text in refused:
            self.message_user(request, text, messages.ERROR)
        if deleted:
            self.message_user(request, _done_message(_("%(count)s deleted."), len(deleted)), messages.SUCCESS)

    def _delete_logged(self, request, obj):
        self.log_deletions(request, [obj])
        self.service_delete(request, obj)


def _delete_selected(modeladmin, request, queryset):
    """Django's confirmation page, then delete_queryset (whose messages say what was deleted
    and what was refused, instead of Django's "Successfully deleted")."""
    if not request.POST.get("post"):
        return django_delete_selected(modeladmin, request, queryset)
    modeladmin.delete_queryset(request, queryset)
    return None


class ReadOnlyAdmin(admin.ModelAdmin):
    """An admin that only shows (derived tables, an outbox): nothing is added, changed or
    deleted here; its actions, if any, call services."""

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False


class ServiceHistoryAdmin(ServiceAdmin, SimpleHistoryAdmin):
    """A ServiceAdmin with django-simple-history's pages: reverting to an old version is a
    service update too, its refusal a form error on the revert page."""

    def history_form_view(self, request, object_id, version_id, extra_context=None):
        parent = super().history_form_view

        def view(*args):
            with transaction.atomic(using=router.db_for_write(self.model)):
                return parent(*args)

        return self._showing_refusals(view, request, object_id, version_id, extra_context)
