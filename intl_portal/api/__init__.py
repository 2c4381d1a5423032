"""The REST API under /api/: one door to every app, calling their services and selectors.

- `urls.py` registers every viewset on the router; `docs.py` the schema and Swagger UI;
- `base.py` the base viewset and serializer; `filtering.py` pagination, strict ordering and
  search (imported by DRF's settings, so it imports no viewsets); `errors.py` the error handler;
- `permissions.py` DRF permission classes built on the predicates in members.permissions;
- `events/`, `members/`, `budget/`: viewsets, serializers and filters per app.
"""
