"""The events app's admin, by concept; every write goes through events.services with
intl_portal.common.admin (a refusal becomes a form error on its row)."""

from ..outcomes import admin as outcomes_admin  # noqa: F401  (registers its admins)
from ..reminders import admin as reminders_admin  # noqa: F401  (registers the reminders' admins:

# admin autodiscovery imports only <app>.admin, and reminders is a package of the events app)
from ..trackers import admin as trackers_admin  # noqa: F401  (the trackers' admins, likewise)
from ..travel import admin as travel_admin  # noqa: F401  (registers the travel admins, likewise)
from . import date_changes, deadlines, events, participations, work  # noqa: F401  (registers the admins)
from .participations import double_booking_warnings
from .permissions import ManagedByEventCoordinators

__all__ = ["ManagedByEventCoordinators", "double_booking_warnings"]
