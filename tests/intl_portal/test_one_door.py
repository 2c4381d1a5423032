"""One door per rule, checked over the whole project: no model signal writes rows, every API
viewset and every admin writes through a service, by the one mechanism of each door
(intl_portal.common.admin for the admin, intl_portal.api.base.PortalViewSet for the API) and
their one protocol (intl_portal.common.writes.ServiceWrites). (The behaviour of each rule
through each door is pinned in the apps' test_doors_agree.py.)"""

import pytest
from django.apps import apps
from django.contrib import admin
from django.db.models import signals
from django.test import RequestFactory
from rest_framework.viewsets import ModelViewSet

from intl_portal.api.base import PortalViewSet
from intl_portal.api.urls import router
from intl_portal.common.admin import ServiceAdmin, ServiceInline
from intl_portal.common.writes import ServiceWrites

PROJECT_APPS = ("events", "members", "budget")
MODEL_SIGNALS = {
    "pre_save": signals.pre_save,
    "post_save": signals.post_save,
    "pre_delete": signals.pre_delete,
    "post_delete": signals.post_delete,
    "m2m_changed": signals.m2m_changed,
}
# The one receiver allowed: it moves the calendar feeds' cache revision (an ETag input), so a
# feed changes when something it showed is deleted; it writes no domain row.
ALLOWED_RECEIVER_MODULES = {"events.feeds.revision"}


def _project_models():
    for app_label in PROJECT_APPS:
        yield from apps.get_app_config(app_label).get_models()


def _receivers(signal, sender):
    found = []
    for receiver in signal._live_receivers(sender)[0]:
        target = getattr(receiver, "__func__", receiver)
        found.append(f"{getattr(target, '__module__', '?')}.{getattr(target, '__qualname__', target)}")
    return found


def test_no_model_signal_receiver_writes_rows():
    offending = []
    for model in _project_models():
        senders = [model] + [
            field.remote_field.through for field in model._meta.local_many_to_many if field.remote_field
        ]
        for name, signal in MODEL_SIGNALS.items():
            for sender in senders:
                for receiver in _receivers(signal, sender):
                    if receiver.startswith(tuple(f"{module}." for module in ALLOWED_RECEIVER_MODULES)):
                        continue  # module.function or module.Class.method
                    if receiver.startswith("simple_history."):
                        continue  # history is recorded explicitly; see test below
                    offending.append(f"{name} {sender.__name__}: {receiver}")
    assert offending == []


def test_history_is_recorded_by_services_not_by_signals():
    """django-simple-history would record on post_save; the budget's services record it
    explicitly instead, so no history receiver is connected to a project model."""
    connected = []
    for model in _project_models():
        for name in ("post_save", "post_delete", "pre_delete"):
            connected += [
                f"{name} {model.__name__}"
                for r in _receivers(MODEL_SIGNALS[name], model)
                if r.startswith("simple_history.")
            ]
    assert connected == []


# --- the API: PortalViewSet's hooks, one service call each ----------------------------------

WRITE_HOOKS = {
    "post": ("create", "service_create"),
    "put": ("update", "service_update"),
    "patch": ("partial_update", "service_update"),
    "delete": ("destroy", "service_delete"),
}
# How PortalViewSet turns a write into its hook; a viewset that replaced one would save by itself.
PERFORM = ("perform_create", "perform_update", "perform_destroy")


def _write_methods(viewset):
    methods = set(getattr(viewset, "http_method_names", ModelViewSet.http_method_names))
    return [
        method
        for method, (action, _hook) in WRITE_HOOKS.items()
        if method in methods and hasattr(viewset, action)
    ]


@pytest.mark.parametrize("prefix, viewset", [(prefix, viewset) for prefix, viewset, _ in router.registry])
def test_api_viewsets_write_through_services(prefix, viewset):
    """A viewset that accepts a write method is a PortalViewSet that implements the method's
    service hook, and leaves PortalViewSet's perform_* (which call the hooks) alone."""
    methods = _write_methods(viewset)
    if not methods:
        return
    assert issubclass(viewset, PortalViewSet), f"/api/{prefix}/ writes without PortalViewSet"
    assert [name for name in PERFORM if getattr(viewset, name) is not getattr(PortalViewSet, name)] == []
    missing = [
        method.upper()
        for method in methods
        if getattr(viewset, WRITE_HOOKS[method][1]) is getattr(ServiceWrites, WRITE_HOOKS[method][1])
    ]
    assert missing == [], f"/api/{prefix}/ accepts {missing} without naming its service"


class _Body:
    """What perform_create and perform_update read of a serializer; saving it is refused."""

    validated_data = {"title": "Anything"}
    instance = None

    def save(self, **kwargs):
        raise AssertionError("PortalViewSet saved a serializer itself")


@pytest.mark.parametrize("perform", ["perform_create", "perform_update"])
def test_the_base_viewset_never_saves_a_serializer(perform):
    with pytest.raises(NotImplementedError):
        getattr(PortalViewSet(request=None), perform)(_Body())


# --- the admin: ServiceAdmin and ServiceInline hooks, one service call each -----------------

# The write paths of ServiceAdmin and ServiceInline: an admin that replaced one would save by
# itself instead of calling its service hooks.
ADMIN_WRITE_PATHS = (
    "save_form",
    "save_model",
    "save_related",
    "save_formset",
    "delete_model",
    "delete_queryset",
    "changeform_view",
    "changelist_view",
    "delete_view",
)
INLINE_WRITE_PATHS = ("get_formset", "save_rows")


def _project_admins():
    for model, model_admin in admin.site._registry.items():
        if model._meta.app_label in PROJECT_APPS:
            yield model, model_admin


def _granted(request, owner, obj, inline=False):
    """The hooks the admin's permissions make reachable: {permission: hook}."""
    args = (request, obj) if inline else (request,)
    granted = {}
    if owner.has_add_permission(*args):
        granted["add"] = "service_create"
    changes = owner.has_change_permission(request, obj)
    if not inline and owner.list_editable:  # the change list's editable rows
        changes = changes or owner.has_change_permission(request)
    if changes:
        granted["change"] = "service_update"
    if owner.has_delete_permission(request, obj):
        granted["delete"] = "service_delete"
    return granted


def _unimplemented(owner, granted):
    """The hooks of `granted` that the door leaves to ServiceWrites (which refuses them)."""
    return sorted(
        hook for hook in granted.values() if getattr(type(owner), hook) is getattr(ServiceWrites, hook)
    )


def _replaced(owner, base, names):
    return [name for name in names if getattr(type(owner), name) is not getattr(base, name)]


@pytest.mark.django_db
@pytest.mark.parametrize(
    "model, model_admin", list(_project_admins()), ids=lambda value: getattr(value, "__name__", "")
)
def test_admin_writes_through_services(model, model_admin, admin_user):
    """Every admin that can add, change or delete is a ServiceAdmin that implements the hook
    of each write it allows (and keeps the base's write paths); every inline row it can
    write is a ServiceInline's, whose hooks (or the parent's, for rows the parent's service
    takes) are implemented. A read-only admin has no inline that writes either."""
    request = RequestFactory().get("/admin/")
    request.user = admin_user
    obj = model()  # an object's page (a permission may depend on it: the movement log)
    granted = _granted(request, model_admin, obj)
    inlines = [
        inline for inline in model_admin.get_inline_instances(request) if _granted(request, inline, obj, True)
    ]
    if not granted and not inlines:
        return  # read-only
    assert isinstance(model_admin, ServiceAdmin), f"{model.__name__}: writes without ServiceAdmin"
    assert _replaced(model_admin, ServiceAdmin, ADMIN_WRITE_PATHS) == []
    assert _unimplemented(model_admin, granted) == []
    for inline in inlines:
        name = type(inline).__name__
        assert isinstance(inline, ServiceInline), (
            f"{model.__name__}: {name} writes rows without ServiceInline"
        )
        assert _replaced(inline, ServiceInline, INLINE_WRITE_PATHS) == []
        if inline.parent_argument:
            # The rows go to the parent's service with the parent, whose hooks were checked.
            assert {"add", "change"} & set(granted), f"{name}: rows for a parent that is never saved"
        else:
            assert _unimplemented(inline, _granted(request, inline, obj, True)) == [], name
