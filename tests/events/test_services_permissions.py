"""The calendar's data is written by coordinators: every events service asks
members.permissions.can_manage_events itself, so a command, a task or any new door gets the
same refusal as the admin and the API (which ask the same predicate first)."""

import datetime as dt

import pytest
from django.core.exceptions import PermissionDenied

from events import services
from events.models import ActionItem, Contact, Deadline, Event, Goal, Tag
from tests import factories

pytestmark = pytest.mark.django_db


@pytest.fixture
def rows():
    event = factories.EventFactory(name="FOSSASIA 2026")
    return {
        "event": event,
        "tag": factories.TagFactory(),
        "deadline": factories.DeadlineFactory(event=event),
        "goal": factories.GoalFactory(event=event),
        "action_item": factories.ActionItemFactory(event=event),
        "contact": factories.ContactFactory(),
    }


WRITES = {
    "event_create": lambda rows: {"name": "New event"},
    "event_update": lambda rows: {"event": rows["event"], "name": "Renamed"},
    "event_set_status": lambda rows: {"event": rows["event"], "status": Event.Status.CONFIRMED},
    "event_confirm": lambda rows: {"event": rows["event"]},
    "event_decline": lambda rows: {"event": rows["event"]},
    "event_delete": lambda rows: {"event": rows["event"]},
    "event_copy_to_next_edition": lambda rows: {"event": rows["event"]},
    "tag_create": lambda rows: {"slug": "new", "name_en": "New"},
    "tag_update": lambda rows: {"tag": rows["tag"], "name_en": "Renamed"},
    "tag_delete": lambda rows: {"tag": rows["tag"]},
    "deadline_set": lambda rows: {
        "event": rows["event"],
        "kind": Deadline.Kind.CFP_CLOSE,
        "local": dt.date(2026, 7, 1),
        "zone": "AoE",
    },
    "deadline_delete": lambda rows: {"deadline": rows["deadline"]},
    "goal_create": lambda rows: {"event": rows["event"], "kind": Goal.Kind.TALK},
    "goal_update": lambda rows: {"goal": rows["goal"], "details": "changed"},
    "goal_delete": lambda rows: {"goal": rows["goal"]},
    "action_item_create": lambda rows: {"title": "Book the booth"},
    "action_item_update": lambda rows: {"action_item": rows["action_item"], "title": "changed"},
    "action_item_delete": lambda rows: {"action_item": rows["action_item"]},
    "contact_create": lambda rows: {"name": "Someone"},
    "contact_update": lambda rows: {"contact": rows["contact"], "name": "changed"},
    "contact_delete": lambda rows: {"contact": rows["contact"]},
}


def _snapshot():
    return {
        model.__name__: list(model.objects.order_by("pk").values())
        for model in (Event, Tag, Deadline, Goal, ActionItem, Contact)
    }


@pytest.mark.parametrize("who", ["member", "outsider", "approver"])
@pytest.mark.parametrize("name", sorted(WRITES))
def test_events_services_refuse_anyone_but_a_coordinator(name, who, rows, request):
    user = request.getfixturevalue(
        {"member": "member_user", "outsider": "outsider", "approver": "approver"}[who]
    )
    before = _snapshot()
    with pytest.raises(PermissionDenied):
        getattr(services, name)(user=user, **WRITES[name](rows))
    assert _snapshot() == before


@pytest.mark.parametrize("name", ["event_create", "tag_create", "goal_create", "action_item_create"])
def test_a_coordinator_may(name, rows, coordinator):
    created = getattr(services, name)(user=coordinator, **WRITES[name](rows))
    assert created.pk is not None
