"""What only the events services share: the calendar's one write right. The generic
helpers (assign, save_clean, …) are in intl_portal.common.records."""

from django.utils.translation import gettext as _

from intl_portal.common.records import require
from members.permissions import can_manage_events


def require_manager(user):
    """Refuse a write about the calendar's data to anyone but a coordinator."""
    require(can_manage_events(user), _("Only coordinators may change the calendar."))
