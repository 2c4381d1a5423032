"""Shared pieces of the REST API: the router, pagination, strict ordering, the viewer's
roles, and the error handling that turns model and database refusals into HTTP 400 with
field messages (a 500 is a bug). The base viewset and serializer are in api_base."""

from django.core.exceptions import NON_FIELD_ERRORS
from django.core.exceptions import ValidationError as DjangoValidationError
from django.db import IntegrityError
from django.db.models import ProtectedError, RestrictedError
from django.utils.translation import gettext_lazy as _
from rest_framework import exceptions
from rest_framework.filters import OrderingFilter, SearchFilter
from rest_framework.pagination import PageNumberPagination
from rest_framework.routers import DefaultRouter
from rest_framework.views import exception_handler as drf_exception_handler

from members.roles import is_approver, is_coordinator, member_of


class StandardPagination(PageNumberPagination):
    """Page numbers, with a page size the client may choose up to `max_page_size`.
    A size out of range is refused (400), not silently clamped."""

    page_size = 50
    page_size_query_param = "page_size"
    max_page_size = 200

    def get_page_size(self, request):
        raw = request.query_params.get(self.page_size_query_param)
        if raw is None or raw == "":
            return self.page_size
        try:
            size = int(raw)
        except ValueError:
            size = 0
        if not 1 <= size <= self.max_page_size:
            raise exceptions.ValidationError(
                {
                    self.page_size_query_param: [
                        _("Choose a page size between 1 and %(max)d.") % {"max": self.max_page_size}
                    ]
                }
            )
        return size

    def get_schema_operation_parameters(self, view):
        parameters = super().get_schema_operation_parameters(view)
        for parameter in parameters:
            if parameter["name"] == self.page_size_query_param:
                parameter["schema"].update({"minimum": 1, "maximum": self.max_page_size})
            if parameter["name"] == self.page_query_param:
                parameter["schema"].update({"minimum": 1})
        return parameters


class StrictOrderingFilter(OrderingFilter):
    """Ordering that refuses a field it does not know (400) instead of ignoring it."""

    def get_ordering(self, request, queryset, view):
        params = request.query_params.get(self.ordering_param)
        if params:
            fields = [param.strip() for param in params.split(",") if param.strip()]
            valid = self.remove_invalid_fields(queryset, fields, view, request)
            if len(valid) != len(fields):
                allowed = sorted(name for name, _label in self.get_valid_fields(queryset, view))
                raise exceptions.ValidationError(
                    {
                        self.ordering_param: [
                            _("Order by one of: %(fields)s.") % {"fields": ", ".join(allowed)}
                        ]
                    }
                )
        return super().get_ordering(request, queryset, view)


class StrictSearchFilter(SearchFilter):
    """Search that refuses characters a database cannot store (NUL) with a 400."""

    def get_search_terms(self, request):
        value = request.query_params.get(self.search_param, "")
        if "\x00" in value:
            raise exceptions.ValidationError({self.search_param: [_("Null characters are not allowed.")]})
        return super().get_search_terms(request)


class PortalRouter(DefaultRouter):
    """The one router every app's api.py registers on."""


router = PortalRouter()


class Viewer:
    """Who is asking, computed once per request: the roles the serializers and
    permissions look at."""

    def __init__(self, user):
        self.user = user
        self.member = member_of(user)
        self.is_coordinator = is_coordinator(user)
        self.is_approver = is_approver(user)
        self.is_member = self.member is not None or self.is_coordinator

    def owns(self, member_id):
        return self.member is not None and member_id == self.member.pk


def viewer_of(request):
    viewer = getattr(request, "_portal_viewer", None)
    if viewer is None or viewer.user is not request.user:
        viewer = Viewer(request.user)
        request._portal_viewer = viewer
    return viewer


# ---------------------------------------------------------------------------------------
# Errors


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
