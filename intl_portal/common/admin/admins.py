"""The model admins: one that writes through services, one that only reads, and one with
the history pages (see the package's protocol)."""

from django.contrib import admin, messages
from django.contrib.admin.actions import delete_selected as django_delete_selected
from django.core.exceptions import ImproperlyConfigured
from django.db import router, transaction
from django.http import HttpResponseRedirect
from django.urls import reverse
from django.utils.translation import gettext, override
from django.utils.translation import gettext_lazy as _
from simple_history.admin import SimpleHistoryAdmin

from ..forms import add_refusal, refusal_text
from ..writes import ServiceWrites
from .refusals import (
    MAIN_FORM,
    REFUSED,
    Refused,
    _attempt,
    _done_message,
    _page,
    adopt,
    form_values,
    stored,
)
from .zones import ZoneFields


class ServiceAdmin(ZoneFields, ServiceWrites, admin.ModelAdmin):
    """A ModelAdmin whose writes are service calls (see the module's protocol); its inlines
    that can write are ServiceInlines. "Delete selected" is one act, as in Django: it deletes
    every selected object or, if the service refuses one, none, and says why.
    """

    def construct_change_message(self, request, form, formsets, add=False):
        """Django stores the changed fields' labels in English ("Name") and translates them
        when the history is read; our catalogue has the verbose names ("name"), so store
        those where the catalogue knows them: the history then reads "已修改 名称"."""
        message = super().construct_change_message(request, form, formsets, add)
        for entry in message:
            for details in entry.values():
                if isinstance(details, dict) and "fields" in details:
                    details["fields"] = [_catalogue_word(label) for label in details["fields"]]
        return message

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


def _catalogue_word(label):
    """The msgid of a field label stored in English: "Name" → "name" when the catalogue has
    "name" (our verbose names are lower case), else the label as it was."""
    word = label[:1].lower() + label[1:]
    with override("zh-hans"):
        return word if word != label and gettext(word) != word else label


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
