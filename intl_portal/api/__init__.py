"""The REST API under /api/: one door to every app, calling their services and selectors.

- `urls.py` registers every viewset on the router; `docs.py` the schema and Swagger UI;
- `base.py` the base viewset (PortalViewSet: creates, updates and deletes as one call to a
  service each, through its hooks service_create / service_update / service_delete) and
  serializer; `filtering.py` pagination, strict ordering and search (imported by DRF's
  settings, so it imports no viewsets); `errors.py` the error handler;
- `permissions.py` DRF permission classes built on the predicates in members.permissions;
- `events/`, `members/`, `program/` (the ambassador program), `budget/`: viewsets,
  serializers and filters per app.
"""
