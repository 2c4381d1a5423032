"""What only the members app's services share: who a user acts for. The app-agnostic
helpers (row locks, changed fields, refusals, create / update / delete with the model's
own validation) are in intl_portal.common.records."""

from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _

from intl_portal.common.records import require
from members.permissions import can_act_for, member_of


def acting_member(*, user, member=None, field="member"):
    """The member a user acts for: themselves unless they name someone. A member naming
    someone else is refused on that field (a coordinator may name anyone); a user who is
    no member at all may not act (PermissionDenied)."""
    own = member_of(user)
    member = member if member is not None else own
    if member is None:
        require(can_act_for(user, None), _("Only members of the group may do this."))
        raise ValidationError({field: [_("This field is required.")]})
    if not can_act_for(user, member):
        require(own is not None, _("Only members of the group may do this."))
        raise ValidationError({field: [_("You can only do this for yourself.")]})
    return member
