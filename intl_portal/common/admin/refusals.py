"""What the service admin's pages and inlines share: a refusal kept for the second
pass of a refused save, the stored row a service is given, and the actions."""

from django.contrib import admin
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction

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
