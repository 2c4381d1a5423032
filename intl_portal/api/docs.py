"""The OpenAPI description and the Swagger UI page, compatible with the portal's CSP: the
page loads its script and styles from our own static files (drf-spectacular-sidecar), with
no inline script or style."""

from drf_spectacular.views import SpectacularAPIView, SpectacularSwaggerSplitView
from rest_framework.permissions import AllowAny

ERROR_SCHEMA = {
    "type": "object",
    "properties": {"detail": {"type": "string"}},
}
VALIDATION_ERROR_SCHEMA = {
    "type": "object",
    "description": "Field name (or non_field_errors) → messages.",
    "additionalProperties": {},
}


def _json(description, schema):
    return {"description": description, "content": {"application/json": {"schema": schema}}}


def document_error_responses(result, generator, request, public):
    """Describe the errors every operation can answer with, so clients (and the schema
    fuzzing test) know their shape."""
    for path, path_item in result.get("paths", {}).items():
        for operation in path_item.values():
            if not isinstance(operation, dict) or "responses" not in operation:
                continue
            responses = operation["responses"]
            responses.setdefault("400", _json("Invalid input", VALIDATION_ERROR_SCHEMA))
            responses.setdefault("401", _json("Not signed in", ERROR_SCHEMA))
            responses.setdefault("403", _json("Not allowed", ERROR_SCHEMA))
            if "{" in path:
                responses.setdefault("404", _json("Not found", ERROR_SCHEMA))
    for component in result.get("components", {}).get("schemas", {}).values():
        for prop in component.get("properties", {}).values():
            _allow_blank_uri(prop)
    return result


def _allow_blank_uri(prop):
    """Every link field of the portal is optional and stored as "" when absent: say so."""
    if prop.get("format") == "uri":
        del prop["format"]
        prop["anyOf"] = [{"format": "uri"}, {"maxLength": 0}]


class PortalSchemaView(SpectacularAPIView):
    """The schema; its settings (split request components, error responses, enum names)
    are in SPECTACULAR_SETTINGS, so `manage.py spectacular` writes the same."""

    permission_classes = [AllowAny]


class PortalSwaggerView(SpectacularSwaggerSplitView):
    permission_classes = [AllowAny]
    template_name = "api/swagger_ui.html"
