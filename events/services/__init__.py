"""Every write and business rule about the events app, by concept:

- events.py — events (create, update, status, delete, next edition) and tags
- deadlines.py — deadlines as announced, their SEQUENCE and reminders
- goals.py — goals
- participations.py — participations and their status (confirm → proposed budget line)
- work.py — action items (members close their own), ideas and open topics, contacts
- comments.py — comments on events with @mentions, members' +1 on ideas
- proposals.py — events members propose, and the coordinators' triage of them
- date_changes.py — members' requests for an event's dates to change, and their answer

Views, admin, the API, commands and tasks call these functions; none of them repeats a
rule or writes a model itself. Side effects (reminder planning, the SEQUENCE, budget
lines) are explicit calls inside the service that causes them, in its transaction.
"""

from .comments import comment_edit, comment_post, comment_remove, idea_support, idea_unsupport
from .date_changes import (
    date_change_accept,
    date_change_decline,
    date_change_request,
    date_change_withdraw,
)
from .deadlines import (
    deadline_confirm_date,
    deadline_delete,
    deadline_instant,
    deadline_set,
    deadline_set_from_source,
)
from .events import (
    event_confirm,
    event_confirm_dates,
    event_copy_to_next_edition,
    event_create,
    event_decline,
    event_delete,
    event_set_status,
    event_update,
    tag_create,
    tag_delete,
    tag_update,
)
from .goals import goal_create, goal_delete, goal_update
from .participations import (
    participation_answer,
    participation_confirm,
    participation_create,
    participation_decline,
    participation_delete,
    participation_set_status,
    participation_triage,
    participation_update,
    participation_update_trip,
    participation_volunteer,
    participation_withdraw,
)
from .proposals import (
    PROPOSAL_FIELDS,
    event_proposal_accept,
    event_proposal_decline,
    event_proposal_merge,
    event_propose,
)
from .work import (
    action_item_complete,
    action_item_create,
    action_item_decide_due_date,
    action_item_delete,
    action_item_request_due_date,
    action_item_update,
    contact_create,
    contact_delete,
    contact_update,
    idea_accept,
    idea_decline,
    idea_propose,
    idea_update,
    idea_withdraw,
)

__all__ = [
    "PROPOSAL_FIELDS",
    "action_item_complete",
    "action_item_create",
    "action_item_decide_due_date",
    "action_item_delete",
    "action_item_request_due_date",
    "action_item_update",
    "comment_edit",
    "comment_post",
    "comment_remove",
    "contact_create",
    "contact_delete",
    "contact_update",
    "date_change_accept",
    "date_change_decline",
    "date_change_request",
    "date_change_withdraw",
    "deadline_confirm_date",
    "deadline_delete",
    "deadline_instant",
    "deadline_set",
    "deadline_set_from_source",
    "event_confirm",
    "event_confirm_dates",
    "event_copy_to_next_edition",
    "event_create",
    "event_decline",
    "event_delete",
    "event_proposal_accept",
    "event_proposal_decline",
    "event_proposal_merge",
    "event_propose",
    "event_set_status",
    "event_update",
    "goal_create",
    "goal_delete",
    "goal_update",
    "idea_accept",
    "idea_decline",
    "idea_propose",
    "idea_support",
    "idea_unsupport",
    "idea_update",
    "idea_withdraw",
    "participation_answer",
    "participation_confirm",
    "participation_create",
    "participation_decline",
    "participation_delete",
    "participation_set_status",
    "participation_triage",
    "participation_update",
    "participation_update_trip",
    "participation_volunteer",
    "participation_withdraw",
    "tag_create",
    "tag_delete",
    "tag_update",
]
