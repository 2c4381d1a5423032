"""Who may do what: the one module of permission predicates.

Services, views, templates (through the `can` context), admin and the API's permission
classes all ask these functions; none of them restates a role check.

Roles: coordinators work on the site and in Django admin (staff, group "coordinators");
approvers (executive committee / council, group "budget approvers") decide budgets and
expenses; members are users linked to a Member; everyone else is an outsider.

Predicates take the user first and, for a question about one object, the object; they
read only what is on the objects given (no queries beyond the user's groups, cached on
the user), so a template or a list may call them per row.
"""

from .groups import APPROVERS, COORDINATORS


def _in_group(user, name):
    if not user or not user.is_authenticated:
        return False
    cache = getattr(user, "_portal_group_names", None)
    if cache is None:
        cache = set(user.groups.values_list("name", flat=True))
        user._portal_group_names = cache
    return name in cache


def is_coordinator(user):
    return bool(user and user.is_authenticated and (user.is_superuser or _in_group(user, COORDINATORS)))


def is_approver(user):
    return bool(user and user.is_authenticated and (user.is_superuser or _in_group(user, APPROVERS)))


def member_of(user):
    """The Member linked to a user, or None (anonymous users and log-ins without a person)."""
    if not user or not user.is_authenticated:
        return None
    try:
        return user.member
    except AttributeError:
        return None
    except user.__class__.member.RelatedObjectDoesNotExist:
        return None


def is_member(user):
    return member_of(user) is not None or is_coordinator(user)


class Operator:
    """The portal acting for the operator who runs a management command on the server (the
    demo loader): it may do what a coordinator may. It is no log-in: never a request's
    user, no row in the database, nobody to record in a history (pk None)."""

    is_authenticated = True
    is_active = True
    is_staff = False
    is_superuser = False
    pk = id = None
    username = "operator"
    _portal_group_names = frozenset({COORDINATORS})  # what _in_group reads

    def __str__(self):
        return self.username


OPERATOR = Operator()


class Viewer:
    """Who is asking, computed once per request: the roles the pages, serializers and
    permission classes look at."""

    def __init__(self, user):
        self.user = user
        self.member = member_of(user)
        self.is_coordinator = is_coordinator(user)
        self.is_approver = is_approver(user)
        self.is_member = self.member is not None or self.is_coordinator

    def owns(self, member_id):
        return self.member is not None and member_id == self.member.pk


def viewer_of(request):
    """The request's Viewer, computed once (the API and the pages share it)."""
    viewer = getattr(request, "_portal_viewer", None)
    if viewer is None or viewer.user is not request.user:
        viewer = Viewer(request.user)
        request._portal_viewer = viewer
    return viewer


# --- members ---

# What a member may change on their own record; everything else on a member is for coordinators.
MEMBER_OWN_FIELDS = frozenset(
    {"name_zh", "name_en", "affiliation", "languages", "preferred_language", "timezone"}
)


def is_own(user, member_id):
    """The member id is the user's own member."""
    own = member_of(user)
    return own is not None and member_id is not None and own.pk == member_id


def can_act_for(user, member):
    """The user is this member, or a coordinator acting for them (an application, a
    contribution, a certificate, a profile)."""
    return is_coordinator(user) or (member is not None and is_own(user, member.pk))


def can_manage_people(user):
    """Create and delete members, roles and role assignments; change any field of a member."""
    return is_coordinator(user)


def can_see_certificate(user, member):
    """A member's certificate and program record: the member themself and coordinators."""
    return can_act_for(user, member)


def can_see_member_notes(user, member):
    """A member's internal notes are for coordinators."""
    return can_manage_people(user)


def can_change_member(user, member):
    """Change something on this member: their own record, or anyone's for a coordinator."""
    return can_act_for(user, member)


def can_change_member_field(user, member, field):
    """A member changes only their own preferences and names (MEMBER_OWN_FIELDS)."""
    return can_manage_people(user) or (is_own(user, member.pk) and field in MEMBER_OWN_FIELDS)


# --- program ---

# Whether an enrolment or a contribution is shown on the public page is the member's consent:
# theirs to give or withdraw at any time, even once the record is decided.
CONSENT_FIELDS = frozenset({"show_publicly"})


def can_manage_program(user):
    """Coordinators run the program: decide enrolments, review contributions, give rewards,
    keep the swag stock and catalogue, decide and ship swag requests."""
    return is_coordinator(user)


def can_review_contribution(user, contribution):
    """A coordinator reviews other people's contributions, never their own."""
    return can_manage_program(user) and not is_own(user, contribution.member_id)


def _only_consent(fields):
    return fields is not None and set(fields) <= CONSENT_FIELDS


def can_change_enrolment(user, enrolment, fields=None):
    """Coordinators change any enrolment; the member changes (or withdraws) their application
    until it is decided, and their consent (`fields` only CONSENT_FIELDS) at any time."""
    if can_manage_program(user):
        return True
    if not is_own(user, enrolment.member_id):
        return False
    return _only_consent(fields) or enrolment.status == "applied"


def can_change_contribution(user, contribution, fields=None):
    """Coordinators correct any contribution; the author edits (or withdraws) theirs until it
    is accepted, and their consent (`fields` only CONSENT_FIELDS) at any time."""
    if can_manage_program(user):
        return True
    if not is_own(user, contribution.member_id):
        return False
    return _only_consent(fields) or contribution.status != "accepted"


def can_change_swag_request(user, swag_request):
    """Coordinators change any request; the requester changes or deletes theirs while it is
    new (not yet decided)."""
    if can_manage_program(user):
        return True
    return is_own(user, swag_request.requested_by_id) and swag_request.status == "requested"


def can_cancel_swag_request(user, swag_request):
    """The requester, or a coordinator, withdraws a request (the service checks it has not shipped)."""
    return can_manage_program(user) or is_own(user, swag_request.requested_by_id)


def can_see_swag_address(user, swag_request):
    """A postal address and phone are for the coordinators who mail the swag only (the
    request form says so to whoever types them in); requester and recipient see neither."""
    return can_manage_program(user)


# --- events ---------------------------------------------------------------------------------
# The calendar's data (events, deadlines, goals, participations, action items, contacts,
# tags) is written by coordinators; members read all of it; anyone else reads the public
# window (events.selectors.public_events / public_deadlines).


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


# --- budget ---


def can_see_budgets(user):
    """Budgets, their reports and exports, and every member's expenses: coordinators and
    approvers."""
    return is_coordinator(user) or is_approver(user)


def can_manage_budget(user):
    """Plan and keep the books: create and change budgets and their planned lines (by hand,
    by import, by accepting proposals), submit, revise and close a budget, correct or
    withdraw an expense. Coordinators."""
    return is_coordinator(user)


def can_decide(user):
    """Approve or reject a budget, or an expense (see can_decide_expense). Approvers."""
    return is_approver(user)


def can_decide_expense(user, expense):
    """An approver decides an expense, never one they submitted or that pays them."""
    if not can_decide(user):
        return False
    return user.pk not in {expense.submitted_by_id, expense.member.user_id}


def can_mark_reimbursed(user):
    """Record that an approved expense was paid back: coordinators and approvers."""
    return is_coordinator(user) or is_approver(user)


def can_see_expenses(user):
    """Who has an expense page at all: members (their own expenses) and whoever sees every
    expense (budget.selectors.expenses_visible_to says which)."""
    return is_member(user) or can_see_budgets(user)


def can_submit_expense_for(user, member):
    """A member submits their own expenses; a coordinator submits for anyone."""
    if member is None:
        return False
    own = member_of(user)
    return (own is not None and own.pk == member.pk) or can_manage_budget(user)


def can_set_exchange_rates(user):
    """Enter, correct or delete the exchange rates reports convert with: coordinators and
    approvers."""
    return is_coordinator(user) or is_approver(user)


# --- travel readiness ---


def can_see_trip(user, member):
    """A trip's personal data (passport country, visa, steps, letters): the traveller and coordinators."""
    return can_act_for(user, member)


def can_see_travel_board(user):
    return is_coordinator(user)


def can_manage_travel(user):
    """Edit the requirement table and the letter's template, issue support letters, change any step."""
    return is_coordinator(user)


def can_change_travel_step(user, step):
    """The traveller changes their own steps (owner "traveller"); coordinators change any step."""
    return can_manage_travel(user) or (
        step.owner == "traveller" and is_own(user, step.participation.member_id)
    )


def can_download_support_letter(user, letter):
    return can_see_trip(user, letter.participation.member)
