"""Shared pieces of the REST API: pagination and the router."""

from rest_framework.pagination import PageNumberPagination
from rest_framework.routers import DefaultRouter


class StandardPagination(PageNumberPagination):
    page_size = 50
    page_size_query_param = "page_size"
    max_page_size = 200


class PortalRouter(DefaultRouter):
    """The one router every app's api.py registers on."""


router = PortalRouter()
