"""The calendar's data (events, deadlines, goals, participations, action items, contacts,
tags, comments, ideas, outcomes) is written by coordinators; members read all of it and
propose, volunteer and comment; anyone else reads the public window
(events.selectors.public_events / public_deadlines)."""

from .budget import can_see_budgets
from .people import is_own
from .roles import is_coordinator, is_member, member_of


def can_see_internal_events(user):
    """Members see every event, deadline, goal and participant; others the public window."""
    return is_member(user)


def can_manage_events(user):
    """Create, change and delete events and their deadlines, goals, participants, action
    items, contacts and tags (the site's triage, the admin, the API)."""
    return is_coordinator(user)


def can_confirm_participation(user, participation):
    """Confirm (or decline, or otherwise move) someone's participation: coordinators only;
    confirming a trip proposes its budget line. (A member answers for their own proposed or
    tentative participation: can_answer_participation.)"""
    return is_coordinator(user)


# Participation statuses a member may still answer or withdraw for themself.
OPEN_PARTICIPATION_STATUSES = frozenset({"proposed", "tentative"})


def can_volunteer(user):
    """Sign oneself up for an event (a proposed participation): members."""
    return member_of(user) is not None


def can_answer_participation(user, participation):
    """Confirm or decline a participation: coordinators any; the member their own while it
    is proposed or tentative."""
    if is_coordinator(user):
        return True
    return is_own(user, participation.member_id) and participation.status in OPEN_PARTICIPATION_STATUSES


def can_withdraw_participation(user, participation):
    """Take back a participation before it is confirmed: the member their own, coordinators any."""
    return can_answer_participation(user, participation)


def can_change_trip(user, participation):
    """The travel fields and the post-trip report: the traveller and coordinators."""
    return is_coordinator(user) or is_own(user, participation.member_id)


def can_propose_event(user):
    """Propose an event worth attending (列出任何觉得可以参加的活动): members."""
    return member_of(user) is not None


def can_triage(user):
    """Accept, decline or merge proposals, volunteers, due-date and date-change requests and
    new ideas: coordinators."""
    return is_coordinator(user)


def can_request_date_change(user):
    """Ask for an event's dates to change ("the organisers announced 12–14 June"): members."""
    return member_of(user) is not None


def can_withdraw_date_change(user, date_change):
    """Take back a request for other dates while it waits: the member who asked, and
    coordinators (who accept or decline it: can_triage)."""
    if is_coordinator(user):
        return True
    return is_own(user, date_change.requested_by_id) and date_change.status == "open"


def can_comment(user):
    """Write a comment on an event: members."""
    return member_of(user) is not None


def can_edit_comment(user, comment, now):
    """The author edits their comment within its edit window (EventComment.EDIT_WINDOW)."""
    return is_own(user, comment.author_id) and now <= comment.editable_until()


def can_remove_comment(user, comment):
    """Coordinators remove any comment."""
    return is_coordinator(user)


def can_support_idea(user, idea):
    """+1 someone else's idea: members, not on their own."""
    own = member_of(user)
    return own is not None and idea.proposer_id != own.pk


def can_close_action_item(user, action_item):
    """Mark an action item done or ask for a new due date: its owner, and coordinators."""
    return is_coordinator(user) or is_own(user, action_item.owner_id)


def can_see_contact_details(user, contact):
    """A contact's e-mail and phone: coordinators and the member who owns the relationship."""
    if is_coordinator(user):
        return True
    member = member_of(user)
    return member is not None and contact.owner_id is not None and contact.owner_id == member.pk


def can_propose_idea(user):
    return is_member(user)


def can_change_idea(user, idea):
    """Coordinators change any idea; its proposer changes or withdraws it while it is still
    only proposed (`idea.is_undecided`)."""
    if is_coordinator(user):
        return True
    member = member_of(user)
    return member is not None and idea.proposer_id == member.pk and idea.is_undecided


def can_decide_idea(user):
    """Set an idea's status or its proposer (someone else's name on it)."""
    return is_coordinator(user)


def can_record_outcome(user, goal):
    """Record what a goal produced (its outcomes, the contacts made): the goal's owner and
    coordinators."""
    return is_coordinator(user) or (goal.owner_id is not None and is_own(user, goal.owner_id))


def can_review_event(user, goal_owner_ids):
    """Write an event's short review (what worked, go again?): coordinators and the owner of
    any of its goals (`goal_owner_ids`, the ids of the event's goals' owners)."""
    if is_coordinator(user):
        return True
    own = member_of(user)
    return own is not None and own.pk in set(goal_owner_ids)


def can_see_year_money(user):
    """The money beside the outcomes (cost per event, per talk, per contact…) is the
    budget's: whoever sees budgets."""
    return can_see_budgets(user)
