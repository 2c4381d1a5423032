"""The API's error handling: model and database refusals become HTTP 400 with field
messages, a service's PermissionDenied a 403 (a 500 is a bug)."""

from django.core.exceptions import NON_FIELD_ERRORS
from django.core.exceptions import ValidationError as DjangoValidationError
from django.db import IntegrityError
from django.db.models import ProtectedError, RestrictedError
from django.utils.translation import gettext_lazy as _
from rest_framework import exceptions
from rest_framework.views import exception_handler as drf_exception_handler


def as_field_errors(error):
    """A Django ValidationError as DRF's {field: [messages]} (non-field under non_field_errors)."""
    if hasattr(error, "error_dict"):
        return {
            ("non_field_errors" if field == NON_FIELD_ERRORS else field): messages
            for field, messages in error.message_dict.items()
        }
    return {"non_field_errors": error.messages}


def portal_exception_handler(exc, context):
    if isinstance(exc, DjangoValidationError):
        exc = exceptions.ValidationError(as_field_errors(exc))
    elif isinstance(exc, ProtectedError | RestrictedError):
        exc = exceptions.ValidationError(
            {"non_field_errors": [_("This cannot be deleted while other records still refer to it.")]}
        )
    elif isinstance(exc, IntegrityError):
        exc = exceptions.ValidationError(
            {"non_field_errors": [_("This conflicts with data already stored.")]}
        )
    return drf_exception_handler(exc, context)
