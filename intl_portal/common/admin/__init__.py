"""Admin pages that write through services, for every app's admin.

Every add, change and delete of a ServiceAdmin, every row of its ServiceInlines and every
action is one call to the app's service; forms check shape only. Django's admin validates
every form first and saves afterwards, but a service's rules are known only when it is
called. So when a service refuses (ValidationError or PermissionDenied) the whole save is
rolled back and the same POST is validated once more with the refusal attached to the form
or inline row that caused it: the page comes back with the reason where the coordinator
typed, and nothing is saved. Never a 403 page, never a silent save.

The protocol, the same for a ServiceAdmin, a ServiceInline and the API's PortalViewSet
(.writes.ServiceWrites; each hook is one service call, `request.user` is who acts):
    service_create(request, data) → the new object
    service_update(request, obj, data) → the object
    service_delete(request, obj)
An app names its services once per model, in a ServiceWrites of its `writes.py` that
every door of that model mixes in (e.g. events.writes.ParticipationWrites: the
participation's page, the event's and the member's participation rows, the API).
- `data` is the door's service_data(…): here the values the form gives its model's fields
  (an inline row's with its parent, under the name of the link to it); override it to
  rename or add arguments. `obj` is the row as stored, not the form's changed copy.
- Rows that the parent's service takes whole (e.g. a request's lines): the inline sets
  `parent_argument = "lines"`, and its kept rows go to the parent's hooks as data["lines"],
  a list of the inline's service_data(row).
- Actions: service_action(description, call, done), or self.act_on_each(…) in an
  @admin.action method. The delete page and "delete selected" call service_delete; a
  refusal is an error message and deletes nothing.
"""

from .admins import ReadOnlyAdmin, ServiceAdmin, ServiceHistoryAdmin
from .filters import InUseChoicesFilter
from .inlines import ServiceInline
from .refusals import service_action

__all__ = [
    "InUseChoicesFilter",
    "ReadOnlyAdmin",
    "ServiceAdmin",
    "ServiceHistoryAdmin",
    "ServiceInline",
    "service_action",
]
