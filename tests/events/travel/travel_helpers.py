"""Trips for the travel tests: a CN passport holder going to an event, made through the services."""

import datetime as dt

from events.models import Event, Participation
from events.services import participation_create
from members.permissions import OPERATOR
from tests import factories

EVENTS = {
    # destination: (name, start, end, zone, city)
    "BE": ("FOSDEM 2027", dt.date(2027, 2, 6), dt.date(2027, 2, 7), "Europe/Brussels", "Brussels"),
    "US": ("PyCon US 2027", dt.date(2027, 5, 14), dt.date(2027, 5, 22), "America/Los_Angeles", "Long Beach"),
    "JP": (
        "Open Source Summit Japan 2027",
        dt.date(2027, 6, 10),
        dt.date(2027, 6, 11),
        "Asia/Tokyo",
        "Tokyo",
    ),
    "TW": ("COSCUP 2027", dt.date(2027, 8, 7), dt.date(2027, 8, 8), "Asia/Taipei", "Taipei"),
    "TH": ("FOSSASIA Summit 2027", dt.date(2027, 3, 20), dt.date(2027, 3, 22), "Asia/Bangkok", "Bangkok"),
}


def event_in(country, **overrides):
    name, start, end, zone, city = EVENTS[country]
    fields = {
        "name": name,
        "start_date": start,
        "end_date": end,
        "timezone": zone,
        "city": city,
        "country": country,
        "status": Event.Status.PLANNED,
        "edition_year": 2027,
    }
    fields.update(overrides)
    return factories.EventFactory(**fields)


def traveller(passport="CN", **fields):
    fields.setdefault("display_name", "Traveller Zhang")
    fields.setdefault("email", "zhang@example.org")
    fields.setdefault("preferred_language", "zh-hans")
    return factories.MemberFactory(passport_country=passport, **fields)


def trip(event, member, *, role=Participation.Role.SPEAKER, status=Participation.Status.CONFIRMED):
    return participation_create(
        user=OPERATOR, event=event, member=member, role=role, status=status, needs_travel=True
    )


def due_dates(participation):
    return {step.kind: step.due_date for step in participation.travel_steps.all()}
