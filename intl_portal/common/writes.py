"""The doors' one protocol for writing a model through its services, shared by the admin
(intl_portal.common.admin: ServiceAdmin, ServiceInline) and the API
(intl_portal.api.base.PortalViewSet).

An app says once per model which service each write calls, in a ServiceWrites subclass of
its `writes.py` (e.g. events.writes.ParticipationWrites), and every door of that model
mixes it in; each hook is one service call and `request.user` is who acts. `data` is the
door's service_data(…): a form's or a serializer's values as the service's keyword
arguments; `obj` is the row as stored."""


class ServiceWrites:
    def service_create(self, request, data):
        """Create through the service; return the new object."""
        raise NotImplementedError(f"{type(self).__name__}.service_create")

    def service_update(self, request, obj, data):
        """Change `obj` through the service; return it (as saved)."""
        raise NotImplementedError(f"{type(self).__name__}.service_update")

    def service_delete(self, request, obj):
        """Delete `obj` through the service."""
        raise NotImplementedError(f"{type(self).__name__}.service_delete")
