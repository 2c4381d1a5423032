"""The REST API under /api/. Each app registers its viewsets on `router` in its api.py;
importing those modules here is what publishes them."""

from django.urls import include, path

from .api import router

urlpatterns = [
    path("", include(router.urls)),
]
