"""The REST API under /api/. Each app registers its viewsets on `router` in its api.py;
importing those modules here is what publishes them. The OpenAPI description is at
/api/schema/ and the interactive docs (Swagger UI, served from our own static files) at
/api/docs/."""

from django.urls import include, path

# Importing each app's api module registers its viewsets on the router.
import budget.api  # noqa: F401
import events.api  # noqa: F401
import members.api  # noqa: F401

from .api import router
from .api_docs import PortalSchemaView, PortalSwaggerView

urlpatterns = [
    path("schema/", PortalSchemaView.as_view(), name="api-schema"),
    path("docs/", PortalSwaggerView.as_view(url_name="api-schema"), name="api-docs"),
    path("", include(router.urls)),
]
