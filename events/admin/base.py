"""Admin pages that write through events' services.

Every save, delete and inline row of these pages is one service call. A service that
refuses (ValidationError or PermissionDenied) is shown as a form error on the form or
inline row it came from, and nothing is saved: the change form's transaction rolls back,
the page is validated again with the refusal attached to that row, and shown again.
"""

from django.contrib import admin, messages
from django.contrib.admin.options import InlineModelAdmin
from django.core.exceptions import NON_FIELD_ERRORS, PermissionDenied, ValidationError
from django.utils.translation import gettext as _

from members.permissions import can_manage_events

REFUSALS = "_service_refusals"
MAIN_FORM = "__main__"


class Refused(Exception):
    """A service refused the change of one form (its prefix, or MAIN_FORM)."""

    def __init__(self, prefix, error):
        super().__init__(prefix)
        self.prefix, self.error = prefix, error


def refusal_messages(error):
    """[(field or None, message)] of a service's ValidationError or PermissionDenied."""
    if isinstance(error, PermissionDenied):
        return [(None, str(error) or _("You may not do this."))]
    if hasattr(error, "error_dict"):
        return [
            (None if field == NON_FIELD_ERRORS else field, message)
            for field, field_messages in error.message_dict.items()
            for message in field_messages
        ]
    return [(None, message) for message in error.messages]


def refusal_text(error):
    return "; ".join(message for _field, message in refusal_messages(error))


def attach_refusal(form, error):
    """Show a service's refusal on `form`: on the field it names, if the form has it."""
    for field, message in refusal_messages(error):
        if field is not None and field not in form.fields:
            message, field = f"{field}: {message}", None
        elif field is not None and form.fields[field].widget.is_hidden:
            field = None  # e.g. the inline's own foreign key: say it on the row
        form.add_error(field, message)


def refusals_of(request):
    return getattr(request, REFUSALS, {})


def run_refusable(prefix, act):
    """Run a service call; its refusal becomes Refused(prefix, error)."""
    try:
        return act()
    except (ValidationError, PermissionDenied) as error:
        raise Refused(prefix, error) from error


def adopt(obj, saved):
    """Make the admin's form instance `obj` the row the service saved (`saved`)."""
    if saved is None or saved is obj:
        return
    for field in saved._meta.concrete_fields:
        setattr(obj, field.attname, getattr(saved, field.attname))
    obj._state.adding, obj._state.db = False, saved._state.db


def model_fields(form, exclude=()):
    """The cleaned values of `form` that are fields of its model (many-to-many included)."""
    opts = form._meta.model._meta
    names = {field.name for field in opts.get_fields() if field.concrete and not field.auto_created}
    return {
        name: value
        for name, value in form.cleaned_data.items()
        if name in names and name not in exclude and name != opts.pk.name
    }


class ServiceFormSetMixin:
    """An inline formset whose rows are saved by the inline's services (one call per added,
    changed or deleted row) and that shows the refusals of the previous pass on their rows."""

    refusals = {}
    service_inline = None
    request = None

    def clean(self):
        super().clean()
        for form in self.forms:
            error = self.refusals.get(form.prefix)
            if error is not None:
                attach_refusal(form, error)

    def save(self, commit=True):
        inline, request = self.service_inline, self.request
        self.new_objects, self.changed_objects, self.deleted_objects = [], [], []
        deleted = set(self.deleted_forms)
        for row in self.forms:
            obj = row.instance
            if row in deleted:
                if obj.pk is not None:
                    run_refusable(row.prefix, lambda row=row: inline.delete_row(request, row.instance))
                    self.deleted_objects.append(obj)
            elif not row.has_changed():
                continue
            elif obj.pk is None:
                saved = run_refusable(
                    row.prefix, lambda row=row: inline.create_row(request, row, self.instance)
                )
                adopt(obj, saved)
                self.new_objects.append(obj)
            else:
                run_refusable(row.prefix, lambda row=row: inline.update_row(request, row))
                self.changed_objects.append((obj, row.changed_data))
        return self.new_objects + [obj for obj, _changed in self.changed_objects]


class ServiceInline(InlineModelAdmin):
    """An inline whose rows are saved by services: subclasses define create_row,
    update_row and delete_row (one service call each). Its admin shows refusals on the
    rows (RefusalsOnFormsMixin)."""

    def get_formset(self, request, obj=None, **kwargs):
        formset = super().get_formset(request, obj, **kwargs)
        attributes = {"refusals": refusals_of(request), "service_inline": self, "request": request}
        return type(formset.__name__, (ServiceFormSetMixin, formset), attributes)

    def row_fields(self, row):
        return model_fields(row, exclude=(self.fk_name or "", "id"))

    def create_row(self, request, row, parent):
        raise NotImplementedError

    def update_row(self, request, row):
        raise NotImplementedError

    def delete_row(self, request, obj):
        raise NotImplementedError

    def has_add_permission(self, request, obj=None):
        return can_manage_events(request.user)

    def has_change_permission(self, request, obj=None):
        return can_manage_events(request.user)

    def has_delete_permission(self, request, obj=None):
        return can_manage_events(request.user)


class ServiceTabularInline(ServiceInline, admin.TabularInline):
    pass


class RefusalsOnFormsMixin:
    """For a ModelAdmin with ServiceInlines (or a service-saved main form): a service's
    refusal during the save rolls the change form's transaction back, and the page is
    validated again with the refusal attached to the form or row it came from."""

    def changeform_view(self, request, object_id=None, form_url="", extra_context=None):
        try:
            return super().changeform_view(request, object_id, form_url, extra_context)
        except Refused as refused:
            setattr(request, REFUSALS, {refused.prefix: refused.error})
            return super().changeform_view(request, object_id, form_url, extra_context)

    def get_form(self, request, obj=None, change=False, **kwargs):
        form = super().get_form(request, obj, change, **kwargs)
        error = refusals_of(request).get(MAIN_FORM)
        if error is None:
            return form

        def clean(self):
            cleaned = form.clean(self)
            attach_refusal(self, error)
            return cleaned

        return type(form.__name__, (form,), {"clean": clean})


class ServiceModelAdmin(RefusalsOnFormsMixin, admin.ModelAdmin):
    """A model admin whose writes are services: subclasses define save_object and
    delete_object (one service call each); its inlines are ServiceInlines."""

    def save_object(self, request, obj, form, change):
        raise NotImplementedError

    def delete_object(self, request, obj):
        raise NotImplementedError

    # --- permissions: the predicates of members.permissions -------------------------------

    def has_add_permission(self, request):
        return can_manage_events(request.user)

    def has_change_permission(self, request, obj=None):
        return can_manage_events(request.user)

    def has_delete_permission(self, request, obj=None):
        return can_manage_events(request.user)

    # --- saving -----------------------------------------------------------------------------

    def save_model(self, request, obj, form, change):
        adopt(obj, run_refusable(MAIN_FORM, lambda: self.save_object(request, obj, form, change)))

    def save_related(self, request, form, formsets, change):
        # Many-to-many fields went with save_object's service call; each inline formset
        # saves its rows through the inline's services.
        for formset in formsets:
            self.save_formset(request, form, formset, change=change)

    # --- deleting ---------------------------------------------------------------------------

    def delete_model(self, request, obj):
        self.delete_object(request, obj)

    def delete_queryset(self, request, queryset):
        for obj in queryset:
            self.delete_object(request, obj)

    # --- actions ----------------------------------------------------------------------------

    def act_on_each(self, request, queryset, act, done_message):
        """Run `act(obj)` (one service call) for each selected object; a refusal is an error
        message naming the object and changes nothing of it. Returns the objects done."""
        done = []
        for obj in queryset:
            try:
                act(obj)
            except (ValidationError, PermissionDenied) as error:
                self.message_user(request, f"{obj}: {refusal_text(error)}", messages.ERROR)
            else:
                done.append(obj)
        if done:
            self.message_user(request, done_message(len(done)), messages.SUCCESS)
        return done
