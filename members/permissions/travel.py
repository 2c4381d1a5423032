"""Travel readiness: who sees a trip's personal data, the board, steps and support letters."""

from .people import can_act_for, is_own
from .roles import is_coordinator


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
