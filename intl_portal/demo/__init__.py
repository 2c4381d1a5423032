"""Demo data from the group's 2025-26 plan (shared/plan-2025-26.md), one module per concept:
people (and the demo log-ins), events (tags, alternatives, deadlines), work (participations,
goals, action items, ideas, contacts), budget, program; loader runs them in order.

Every value here is one the plan gives; where it gives none the field stays empty.
`load_demo()` is idempotent: each row is found by its natural key and created or updated.
Every write goes through the apps' services, acting as the Operator (members.permissions):
the portal on behalf of whoever runs `manage.py load_demo`, with a coordinator's rights.
Only the demo log-ins themselves are written with Django's auth API (they are Django's).
"""

from .loader import load_demo

__all__ = ["load_demo"]
