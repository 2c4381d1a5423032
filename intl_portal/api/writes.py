"""A viewset whose writes are service calls: the serializer checks the shape of the body,
then create, update and destroy each make one call to the app's service, which decides
(its ValidationError becomes a 400, its PermissionDenied a 403: see errors.py)."""

from members.permissions import member_of

from .base import PortalViewSet


class CurrentMember:
    """A serializer field's default: the caller's own member (None for a log-in without one;
    the service then says whose it must be)."""

    requires_context = True

    def __call__(self, serializer_field):
        return member_of(serializer_field.context["request"].user)

    def __repr__(self):
        return "CurrentMember()"


class ServiceViewSet(PortalViewSet):
    """`writes` names the services: {"create": f(user=…, **data), "update": f(<arg>=obj,
    user=…, **data), "destroy": f(<arg>=obj, user=…)}, where <arg> is `transition_argument`.
    `service_data(serializer)` adapts the validated body to the service's arguments."""

    writes = {}

    def service_data(self, serializer):
        return dict(serializer.validated_data)

    def perform_create(self, serializer):
        serializer.instance = self.writes["create"](user=self.request.user, **self.service_data(serializer))

    def perform_update(self, serializer):
        target = {self.transition_argument: serializer.instance}
        self.writes["update"](**target, user=self.request.user, **self.service_data(serializer))

    def perform_destroy(self, instance):
        self.writes["destroy"](**{self.transition_argument: instance}, user=self.request.user)

    def body_fields(self):
        """The fields a PUT or PATCH body names (None for other methods): what a predicate
        such as can_change_contribution(user, obj, fields) asks about."""
        if self.request.method in ("PUT", "PATCH"):
            return set(self.request.data)
        return None
