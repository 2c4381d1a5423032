"""The program's rules, one module per concept; every write of the program goes through a
function here, whichever door it comes through (pages, admin, API).

A refused transition or bad input raises ValidationError and changes nothing; a user who
may not act raises PermissionDenied (asking members.permissions). Import the functions
from here: `from members.program import services`, then `services.reward_give(...)`."""

from .catalogue import (
    swag_item_create,
    swag_item_delete,
    swag_item_update,
    swag_variant_create,
    swag_variant_delete,
    swag_variant_update,
)
from .contributions import (
    contribution_accept,
    contribution_return,
    contribution_set_consent,
    contribution_submit,
    contribution_update,
    contribution_withdraw,
    point_rule_delete,
    point_rule_set,
    points_for_kind,
)
from .enrolments import (
    enrolment_accept,
    enrolment_apply,
    enrolment_end,
    enrolment_reject,
    enrolment_set_consent,
    enrolment_update,
    enrolment_withdraw,
)
from .rewards import reward_delete, reward_give, reward_update
from .stock import stock_location_create, stock_location_delete, stock_location_update, stock_record
from .swag import (
    swag_request_approve,
    swag_request_cancel,
    swag_request_create,
    swag_request_delete,
    swag_request_reject,
    swag_request_ship,
    swag_request_update,
)

__all__ = [
    "contribution_accept",
    "contribution_return",
    "contribution_set_consent",
    "contribution_submit",
    "contribution_update",
    "contribution_withdraw",
    "enrolment_accept",
    "enrolment_apply",
    "enrolment_end",
    "enrolment_reject",
    "enrolment_set_consent",
    "enrolment_update",
    "enrolment_withdraw",
    "point_rule_delete",
    "point_rule_set",
    "points_for_kind",
    "reward_delete",
    "reward_give",
    "reward_update",
    "stock_location_create",
    "stock_location_delete",
    "stock_location_update",
    "stock_record",
    "swag_item_create",
    "swag_item_delete",
    "swag_item_update",
    "swag_request_approve",
    "swag_request_cancel",
    "swag_request_create",
    "swag_request_delete",
    "swag_request_reject",
    "swag_request_ship",
    "swag_request_update",
    "swag_variant_create",
    "swag_variant_delete",
    "swag_variant_update",
]
