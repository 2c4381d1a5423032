"""The events app's admin, by concept; every write goes through events.services
(base.py says how a refusal becomes a form error on its row)."""

from ..reminders import admin as reminders_admin  # noqa: F401  (registers the reminders' admins:

# admin autodiscovery imports only <app>.admin, and reminders is a package of the events app)
from . import deadlines, events, participations, work  # noqa: F401  (registers the admins)
from .base import RefusalsOnFormsMixin
from .participations import MemberParticipationInline, double_booking_warnings

__all__ = ["MemberParticipationInline", "RefusalsOnFormsMixin", "double_booking_warnings"]
