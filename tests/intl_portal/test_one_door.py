"""One door per rule, checked over the whole project: no model signal writes rows, every API
viewset and every admin writes through a service. (The behaviour of each rule through each door
is pinned in the apps' test_doors_agree.py.)"""

import pytest
from django.apps import apps
from django.contrib import admin
from django.db.models import signals
from django.test import RequestFactory
from rest_framework.viewsets import ModelViewSet

from intl_portal.api import base as api_base
from intl_portal.api.urls import router

PROJECT_APPS = ("events", "members", "budget")
MODEL_SIGNALS = {
    "pre_save": signals.pre_save,
    "post_save": signals.post_save,
    "pre_delete": signals.pre_delete,
    "post_delete": signals.post_delete,
    "m2m_changed": signals.m2m_changed,
}
# The one kind of receiver allowed (events/feeds/revision.py): it moves the calendar feeds'
# cache revision (an ETag input), so a feed changes when something it showed is deleted; it
# writes no domain row.
ALLOWED_RECEIVERS = {
    "events.feeds.services.calendar_revision_touch",
    "events.feeds.revision._event_tags_changed",
}


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
                    if receiver in ALLOWED_RECEIVERS:
                        continue
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


@pytest.mark.parametrize("prefix, viewset", [(prefix, viewset) for prefix, viewset, _ in router.registry])
def test_api_viewsets_write_through_services(prefix, viewset):
    """The base viewset refuses to save a serializer itself: a viewset that accepts writes
    names its service in perform_create / perform_update / perform_destroy."""
    methods = set(getattr(viewset, "http_method_names", ModelViewSet.http_method_names))
    hooks = {
        "post": "perform_create",
        "put": "perform_update",
        "patch": "perform_update",
        "delete": "perform_destroy",
    }
    for method, hook in hooks.items():
        if method not in methods or not _viewset_allows(viewset, method):
            continue
        implementation = getattr(viewset, hook)
        assert implementation is not getattr(api_base.PortalViewSet, hook), (
            f"/api/{prefix}/ {method.upper()} saves without a service ({hook})"
        )


def _viewset_allows(viewset, method):
    action = {"post": "create", "put": "update", "patch": "partial_update", "delete": "destroy"}[method]
    return hasattr(viewset, action)


def _project_admins():
    for model, model_admin in admin.site._registry.items():
        if model._meta.app_label in PROJECT_APPS:
            yield model, model_admin


@pytest.mark.django_db
@pytest.mark.parametrize(
    "model, model_admin", list(_project_admins()), ids=lambda value: getattr(value, "__name__", "")
)
def test_admin_writes_through_services(model, model_admin, admin_user):
    request = RequestFactory().get("/admin/")
    request.user = admin_user
    base = admin.ModelAdmin
    writable = model_admin.has_add_permission(request) or model_admin.has_change_permission(request)
    if writable:
        assert type(model_admin).save_model is not base.save_model, f"{model.__name__}: save_model"
    if model_admin.has_delete_permission(request):
        assert type(model_admin).delete_model is not base.delete_model, f"{model.__name__}: delete_model"
        assert type(model_admin).delete_queryset is not base.delete_queryset, (
            f"{model.__name__}: delete_queryset (the changelist's bulk delete)"
        )
    inlines = [
        inline
        for inline in model_admin.get_inline_instances(request)
        if inline.has_add_permission(request, None)
        or inline.has_change_permission(request, None)
        or inline.has_delete_permission(request, None)
    ]
    if inlines:
        assert type(model_admin).save_formset is not base.save_formset, f"{model.__name__}: save_formset"
