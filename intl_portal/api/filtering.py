"""Pagination, strict ordering and strict search for every API list.

DRF's settings import this module while rest_framework.generics is still loading, so it
imports no viewsets (the base viewset is in base.py)."""

from django.utils.translation import gettext_lazy as _
from rest_framework import exceptions
from rest_framework.filters import OrderingFilter, SearchFilter
from rest_framework.pagination import PageNumberPagination


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
