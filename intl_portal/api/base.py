"""The base classes of every API viewset and serializer: writes as service calls, model
validation of the body's shape, errors as HTTP 400, the viewer's roles in the serializer
context.

(Kept apart from filtering.py, which DRF's settings import while rest_framework.generics
is still loading.)"""

import copy

from django.core.exceptions import NON_FIELD_ERRORS
from django.core.exceptions import ValidationError as DjangoValidationError
from django.db import transaction
from django_filters.rest_framework import DjangoFilterBackend
from drf_spectacular.utils import extend_schema_field
from rest_framework import exceptions, serializers, viewsets
from rest_framework.authentication import SessionAuthentication, TokenAuthentication
from rest_framework.response import Response

from intl_portal.common.timezones import normalize_zone_name
from intl_portal.common.writes import ServiceWrites
from members.permissions import member_of, viewer_of

from .errors import as_field_errors, portal_exception_handler
from .filtering import StrictOrderingFilter, StrictSearchFilter


class PortalViewSet(ServiceWrites, viewsets.ModelViewSet):
    """The base of every API viewset: errors as HTTP 400, the viewer's roles in the
    serializer context, and writes that are service calls.

    The serializer checks the body's shape; then each write is one call to the app's
    service, which decides (its ValidationError is a 400, its PermissionDenied a 403: see
    errors.py). The base never saves a serializer: a viewset that accepts POST, PUT/PATCH
    or DELETE implements the hooks of those methods, the protocol of every door
    (intl_portal.common.writes.ServiceWrites), by mixing in its model's ServiceWrites of
    the app's `writes.py`:
        service_create(request, data) → the new object
        service_update(request, obj, data) → the object
        service_delete(request, obj)
    where `data` is service_data(serializer), the validated body, and `request.user` is
    who acts. Workflow actions (POST …/<id>/approve/) call run_transition.
    """

    http_method_names = ["get", "post", "put", "patch", "delete", "head", "options"]
    # Token first, so a request without credentials gets 401 with WWW-Authenticate: Token.
    authentication_classes = [TokenAuthentication, SessionAuthentication]
    filter_backends = [DjangoFilterBackend, StrictSearchFilter, StrictOrderingFilter]

    def get_exception_handler(self):
        return portal_exception_handler

    @property
    def viewer(self):
        return viewer_of(self.request)

    def get_serializer_context(self):
        context = super().get_serializer_context()
        context["viewer"] = viewer_of(self.request)
        return context

    # --- writes: one service call each ---------------------------------------------------

    def service_data(self, serializer):
        """The validated body as the service's keyword arguments."""
        return dict(serializer.validated_data)

    def perform_create(self, serializer):
        serializer.instance = self.service_create(self.request, self.service_data(serializer))

    def perform_update(self, serializer):
        saved = self.service_update(self.request, serializer.instance, self.service_data(serializer))
        if saved is not None:
            serializer.instance = saved

    def perform_destroy(self, instance):
        self.service_delete(self.request, instance)

    def body_fields(self):
        """The fields a PUT or PATCH body names (None for other methods): what a predicate
        such as can_change_contribution(user, obj, fields) asks about."""
        if self.request.method in ("PUT", "PATCH"):
            return set(self.request.data)
        return None

    # --- workflow actions -----------------------------------------------------------------

    def run_transition(self, service, **kwargs):
        """Call a workflow service in a savepoint and answer with the object as it now is."""
        instance = self.get_object()
        with transaction.atomic():
            service(**{self.transition_argument: instance}, user=self.request.user, **kwargs)
        instance = self.get_queryset().get(pk=instance.pk)
        return Response(self.get_serializer(instance).data)

    transition_argument = "instance"

    def action_data(self, serializer_class):
        """The validated body of a workflow action (400 with field errors otherwise)."""
        serializer = serializer_class(data=self.request.data)
        serializer.is_valid(raise_exception=True)
        return serializer.validated_data


# ---------------------------------------------------------------------------------------
# Serializers


class CurrentMember:
    """A serializer field's default: the caller's own member (None for a log-in without one;
    the service then says whose it must be)."""

    requires_context = True

    def __call__(self, serializer_field):
        return member_of(serializer_field.context["request"].user)

    def __repr__(self):
        return "CurrentMember()"


class PortalModelSerializer(serializers.ModelSerializer):
    """A ModelSerializer that runs the model's own validation (field validators, clean(),
    unique checks and constraints) before saving, so a refusal is a 400 with the field's
    name, not an IntegrityError.

    `constraint_fields` maps a constraint's name to the field its message belongs to. Who
    may write what is never decided here: the service behind the viewset decides.
    """

    constraint_fields = {}

    def get_validators(self):
        # The model's constraints are checked in model_clean, with their own messages and
        # the field they concern (DRF's generic unique-together validator is not needed).
        return list(getattr(getattr(self, "Meta", None), "validators", []))

    @property
    def viewer(self):
        viewer = self.context.get("viewer")
        if viewer is None and self.context.get("request") is not None:
            viewer = viewer_of(self.context["request"])
        return viewer

    def validate(self, attrs):
        attrs = super().validate(attrs)
        self.model_clean(attrs)
        return attrs

    def model_clean(self, attrs):
        model = self.Meta.model
        instance = copy.copy(self.instance) if self.instance is not None else model()
        concrete = {field.name for field in model._meta.concrete_fields}
        for name, value in attrs.items():
            if name in concrete:
                setattr(instance, name, value)
        # Validate what the client may write (given now, stored or defaulted); fields the
        # server fills in are left out.
        writable = self._writable_names()
        exclude = {name for name in concrete if name not in attrs and name not in writable}
        errors = {}
        try:
            instance.clean_fields(exclude=exclude)
        except DjangoValidationError as error:
            errors.update(error.message_dict)
        try:
            instance.clean()
        except DjangoValidationError as error:
            for field, messages in as_field_errors(error).items():
                errors.setdefault(field, []).extend(messages)
        if not errors:
            errors.update(self._constraint_errors(instance, exclude))
        if errors:
            raise exceptions.ValidationError(
                {("non_field_errors" if k == NON_FIELD_ERRORS else k): v for k, v in errors.items()}
            )

    def _writable_names(self):
        return {name for name, field in self.fields.items() if not field.read_only}

    def _constraint_errors(self, instance, exclude):
        errors = {}
        model = type(instance)
        try:
            instance.validate_unique(exclude=exclude)
        except DjangoValidationError as error:
            for field, messages in as_field_errors(error).items():
                errors.setdefault(field, []).extend(messages)
        for constraint in model._meta.constraints:
            try:
                constraint.validate(model, instance, exclude=exclude)
            except DjangoValidationError as error:
                field = self.constraint_fields.get(constraint.name, "non_field_errors")
                errors.setdefault(field, []).extend(error.messages)
        return errors


@extend_schema_field({"type": "string", "example": "Asia/Tokyo"})
class TimeZoneField(serializers.CharField):
    """An IANA time-zone name; "AoE" is accepted and stored as Etc/GMT+12."""

    def to_internal_value(self, data):
        value = super().to_internal_value(data)
        if not value and self.allow_blank:
            return value
        try:
            return normalize_zone_name(value)
        except DjangoValidationError as error:
            raise exceptions.ValidationError(error.messages) from error


class CommentSerializer(serializers.Serializer):
    comment = serializers.CharField(required=False, allow_blank=True, default="", max_length=5000)


class RequiredCommentSerializer(serializers.Serializer):
    comment = serializers.CharField(max_length=5000)


class NoteSerializer(serializers.Serializer):
    note = serializers.CharField(required=False, allow_blank=True, default="", max_length=5000)


class RequiredNoteSerializer(serializers.Serializer):
    note = serializers.CharField(max_length=5000)


class TrackingNoteSerializer(serializers.Serializer):
    tracking_note = serializers.CharField(required=False, allow_blank=True, default="", max_length=200)
