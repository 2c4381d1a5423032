"""Who may do what: the one package of permission predicates, one module per area (roles,
people, program, events, budget, travel); every name is importable from here.

Services, views, templates (through the `can` context), admin and the API's permission
classes all ask these functions; none of them restates a role check.

Roles: coordinators work on the site and in Django admin (staff, group "coordinators");
approvers (executive committee / council, group "budget approvers") decide budgets and
expenses; members are users linked to a Member; everyone else is an outsider.

Predicates take the user first and, for a question about one object, the object; they
read only what is on the objects given (no queries beyond the user's groups, cached on
the user), so a template or a list may call them per row.
"""

from .budget import (
    can_decide,
    can_decide_expense,
    can_manage_budget,
    can_mark_reimbursed,
    can_see_budgets,
    can_see_expenses,
    can_set_exchange_rates,
    can_submit_expense_for,
)
from .events import (
    OPEN_PARTICIPATION_STATUSES,
    can_answer_participation,
    can_change_idea,
    can_change_trip,
    can_close_action_item,
    can_comment,
    can_confirm_participation,
    can_decide_idea,
    can_edit_comment,
    can_manage_events,
    can_propose_event,
    can_propose_idea,
    can_record_outcome,
    can_remove_comment,
    can_request_date_change,
    can_review_event,
    can_see_contact_details,
    can_see_internal_events,
    can_see_year_money,
    can_support_idea,
    can_triage,
    can_volunteer,
    can_withdraw_date_change,
    can_withdraw_participation,
)
from .people import (
    MEMBER_OWN_FIELDS,
    can_act_for,
    can_change_member,
    can_change_member_field,
    can_manage_people,
    can_see_certificate,
    can_see_member_notes,
    is_own,
)
from .program import (
    CONSENT_FIELDS,
    can_cancel_swag_request,
    can_change_contribution,
    can_change_enrolment,
    can_change_swag_request,
    can_manage_program,
    can_review_contribution,
    can_see_swag_address,
)
from .roles import OPERATOR, Operator, Viewer, is_approver, is_coordinator, is_member, member_of, viewer_of
from .travel import (
    can_change_travel_step,
    can_download_support_letter,
    can_manage_travel,
    can_see_travel_board,
    can_see_trip,
)

__all__ = [
    "CONSENT_FIELDS",
    "MEMBER_OWN_FIELDS",
    "OPEN_PARTICIPATION_STATUSES",
    "OPERATOR",
    "Operator",
    "Viewer",
    "can_act_for",
    "can_answer_participation",
    "can_cancel_swag_request",
    "can_change_contribution",
    "can_change_enrolment",
    "can_change_idea",
    "can_change_member",
    "can_change_member_field",
    "can_change_swag_request",
    "can_change_travel_step",
    "can_change_trip",
    "can_close_action_item",
    "can_comment",
    "can_confirm_participation",
    "can_decide",
    "can_decide_expense",
    "can_decide_idea",
    "can_download_support_letter",
    "can_edit_comment",
    "can_manage_budget",
    "can_manage_events",
    "can_manage_people",
    "can_manage_program",
    "can_manage_travel",
    "can_mark_reimbursed",
    "can_propose_event",
    "can_propose_idea",
    "can_record_outcome",
    "can_remove_comment",
    "can_request_date_change",
    "can_review_contribution",
    "can_review_event",
    "can_see_budgets",
    "can_see_certificate",
    "can_see_contact_details",
    "can_see_expenses",
    "can_see_internal_events",
    "can_see_member_notes",
    "can_see_swag_address",
    "can_see_travel_board",
    "can_see_trip",
    "can_see_year_money",
    "can_set_exchange_rates",
    "can_submit_expense_for",
    "can_support_idea",
    "can_triage",
    "can_volunteer",
    "can_withdraw_date_change",
    "can_withdraw_participation",
    "is_approver",
    "is_coordinator",
    "is_member",
    "is_own",
    "member_of",
    "viewer_of",
]
