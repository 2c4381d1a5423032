"""Demo data from the group's 2025-26 plan (shared/plan-2025-26.md), one module per concept:
people (and the demo log-ins), events (tags, alternatives, deadlines), work (participations,
goals, action items, ideas, contacts), budget, program; loader runs them in order.

Every value here is one the plan gives; where it gives none the field stays empty.
`load_demo()` is idempotent: each row is found by its natural key and updated. Writes go
through the apps' services where one exists; each `TODO(one-door)` names the service a
write still waits for.
"""

from .loader import load_demo

__all__ = ["load_demo"]
