"""Rewards: thanks given to a member by a coordinator, an honour, a certificate or swag.
A reward for a contribution is for that contribution's author, whichever door gives it."""

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from intl_portal.common.records import check_field_names, delete_record, require, save_clean
from members.models import Reward, SwagRequest
from members.permissions import can_manage_program

from .swag import swag_request_approve, swag_request_create

REWARD_FIELDS = ("member", "kind", "title", "description", "contribution", "swag_request")


def _check_belongs(reward):
    """The contribution and the swag request of a reward are the rewarded member's."""
    if reward.contribution is not None and reward.contribution.member_id != reward.member_id:
        raise ValidationError({"contribution": [_("The contribution is by someone else.")]})
    request = reward.swag_request
    if request is not None and request.recipient_id not in (None, reward.member_id):
        raise ValidationError({"swag_request": [_("The swag request is for someone else.")]})


@transaction.atomic
def reward_give(
    *,
    member,
    kind,
    title,
    user,
    description="",
    contribution=None,
    swag_request=None,
    swag_lines=(),
    recipient_name="",
    address="",
    phone="",
    ship_from=None,
):
    """Thank a member. With swag lines, the reward is a swag request, approved at once
    (a coordinator gives it), ready to ship: thanking a translator with a T-shirt is one
    step. An existing swag request may be given instead."""
    require(can_manage_program(user))
    if swag_lines and swag_request is not None:
        raise ValidationError({"swag_request": [_("Give either swag to send or a swag request.")]})
    reward = Reward(
        member=member,
        kind=Reward.Kind.SWAG if swag_lines else kind,
        title=title,
        description=description,
        contribution=contribution,
        swag_request=swag_request,
        awarded_by=user,
    )
    _check_belongs(reward)
    reward.full_clean(exclude=["swag_request"] if swag_lines else None)
    if swag_lines:
        request = swag_request_create(
            user=user,
            recipient=member,
            recipient_name=recipient_name or str(member),
            address=address,
            phone=phone,
            reason=SwagRequest.Reason.REWARD,
            lines=swag_lines,
            note=title,
            ship_from=ship_from,
        )
        swag_request_approve(request=request, user=user)
        reward.swag_request = request
    reward.save()
    return reward


@transaction.atomic
def reward_update(*, reward, user, **fields):
    require(can_manage_program(user))
    check_field_names(fields, REWARD_FIELDS)
    for name, value in fields.items():
        setattr(reward, name, value)
    _check_belongs(reward)
    return save_clean(reward)


@transaction.atomic
def reward_delete(*, reward, user):
    """Withdraw a reward (its swag request, if any, stays: cancel it there)."""
    require(can_manage_program(user))
    delete_record(reward)
