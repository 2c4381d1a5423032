"""The whole permission matrix: role × endpoint × method, in one parametrised test.

Letters: L list, R retrieve, C create, U update (PATCH), D delete. A role gets 2xx for the
letters it is allowed, 404 for an object it may not see, and otherwise 401 (not signed in)
or 403. The decisions are documented in intl_portal/permissions.py."""

import datetime as dt
from dataclasses import dataclass, field

import pytest

from tests import factories

from .conftest import ROLES


@dataclass
class Endpoint:
    path: str
    make: object  # world -> the object for R / U / D
    create: object  # (world, actor_member) -> payload
    update: dict
    allowed: dict
    hidden: dict = field(default_factory=dict)
    make_for_delete: object = None  # world -> an object nothing else refers to

    def __str__(self):
        return self.path


PUBLIC_READ = {
    "anonymous": "LR",
    "outsider": "LR",
    "member": "LR",
    "approver": "LR",
    "coordinator": "LRCUD",
}
MEMBERS_READ = {
    "anonymous": "",
    "outsider": "",
    "member": "LR",
    "approver": "LR",
    "coordinator": "LRCUD",
}
OWN_WRITE = {
    "anonymous": "",
    "outsider": "",
    "member": "LRCUD",
    "approver": "LRC",
    "coordinator": "LRCUD",
}


def _id(obj):
    return obj.pk if obj is not None else None


ENDPOINTS = [
    Endpoint(
        "events",
        lambda w: factories.EventFactory(is_public=True),
        lambda w, me: {
            "name": "KubeCon China 2026",
            "start_date": "2026-06-10",
            "end_date": "2026-06-11",
        },
        {"city": "Hong Kong"},
        PUBLIC_READ,
    ),
    Endpoint(
        "deadlines",
        lambda w: factories.DeadlineFactory(event=w["public_event"], is_public=True),
        lambda w, me: {
            "event": w["public_event"].pk,
            "kind": "cfp_close",
            "due_date": "2026-03-01",
            "timezone": "AoE",
        },
        {"title": "Main track"},
        PUBLIC_READ,
    ),
    Endpoint(
        "tags",
        lambda w: factories.TagFactory(),
        lambda w, me: {"slug": "cloud", "name_en": "Cloud"},
        {"name_zh": "云"},
        PUBLIC_READ,
    ),
    Endpoint(
        "goals",
        lambda w: factories.GoalFactory(event=w["public_event"]),
        lambda w, me: {"event": w["public_event"].pk, "kind": "booth"},
        {"status": "secured"},
        MEMBERS_READ,
    ),
    Endpoint(
        "participations",
        lambda w: factories.ParticipationFactory(event=w["public_event"]),
        lambda w, me: {"event": w["public_event"].pk, "member": w["other"].pk, "role": "speaker"},
        {"status": "tentative"},
        MEMBERS_READ,
    ),
    Endpoint(
        "action-items",
        lambda w: factories.ActionItemFactory(),
        lambda w, me: {"title": "Book the booth"},
        {"status": "done"},
        MEMBERS_READ,
    ),
    Endpoint(
        "ideas",
        lambda w: factories.IdeaFactory(proposer=w["me"]),
        lambda w, me: {"title": "A podcast", "proposer": _id(me)},
        {"description": "Monthly"},
        OWN_WRITE,
    ),
    Endpoint(
        "contacts",
        lambda w: factories.ContactFactory(),
        lambda w, me: {"name": "Jane Doe", "email": "jane@example.org"},
        {"position": "Director"},
        MEMBERS_READ,
    ),
    Endpoint(
        "members",
        lambda w: w["me"],
        lambda w, me: {"display_name": "New Person"},
        {"languages": "zh, en, ja"},
        {
            "anonymous": "",
            "outsider": "",
            "member": "LRU",
            "approver": "LR",
            "coordinator": "LRCUD",
        },
        make_for_delete=lambda w: factories.MemberFactory(),
    ),
    Endpoint(
        "roles",
        lambda w: factories.RoleFactory(),
        lambda w, me: {"slug": "treasurer", "name_en": "Treasurer"},
        {"name_zh": "财务"},
        MEMBERS_READ,
    ),
    Endpoint(
        "role-assignments",
        lambda w: factories.RoleAssignmentFactory(member=w["other"], role=w["role"]),
        lambda w, me: {"member": w["other"].pk, "role": w["role"].pk, "term_start": "2026-01-01"},
        {"note": "Second term"},
        MEMBERS_READ,
    ),
    Endpoint(
        "budgets",
        lambda w: factories.BudgetFactory(),
        lambda w, me: {
            "title": "2026",
            "period_start": "2026-01-01",
            "period_end": "2026-12-31",
            "total": "88000.00",
        },
        {"notes": "Ten person-trips"},
        MEMBERS_READ,
    ),
    Endpoint(
        "budget-lines",
        lambda w: factories.BudgetLineFactory(budget=w["budget"]),
        lambda w, me: {"budget": w["budget"].pk, "category": "travel", "amount": "8800.00"},
        {"description": "Flights"},
        MEMBERS_READ,
    ),
    Endpoint(
        "expenses",
        lambda w: factories.ExpenseFactory(member=w["me"], budget=w["budget"]),
        lambda w, me: {
            "member": _id(me),
            "category": "visa",
            "description": "Visa fee",
            "amount": "80.00",
            "currency": "EUR",
            "spent_on": "2025-12-01",
        },
        {"description": "Visa fee (Schengen)"},
        {
            "anonymous": "",
            "outsider": "",
            "member": "LRC",
            "approver": "LRC",
            "coordinator": "LRCUD",
        },
    ),
    Endpoint(
        "exchange-rates",
        lambda w: factories.ExchangeRateFactory(),
        lambda w, me: {"currency": "EUR", "date": "2025-12-01", "rate": "8.20000000"},
        {"source": "Bank of China"},
        {
            "anonymous": "",
            "outsider": "",
            "member": "LR",
            "approver": "LRCUD",
            "coordinator": "LRCUD",
        },
    ),
    Endpoint(
        "ambassadors",
        lambda w: factories.EnrolmentFactory(member=w["me"]),
        lambda w, me: {"member": _id(me), "track": "ambassador", "region": "Europe"},
        {"motivation": "I live in Berlin."},
        OWN_WRITE,
    ),
    Endpoint(
        "contributions",
        lambda w: factories.ContributionFactory(member=w["me"]),
        lambda w, me: {"member": _id(me), "kind": "social_post", "title_en": "FOSDEM recap"},
        {"url_en": "https://example.org/recap"},
        OWN_WRITE,
    ),
    Endpoint(
        "rewards",
        lambda w: factories.RewardFactory(member=w["other"]),
        lambda w, me: {"member": w["other"].pk, "kind": "certificate", "title": "Thanks"},
        {"description": "For 2025"},
        MEMBERS_READ,
    ),
    Endpoint(
        "swag-items",
        lambda w: factories.SwagItemFactory(),
        lambda w, me: {"name_en": "Sticker", "variant_labels": [""]},
        {"name_zh": "贴纸"},
        MEMBERS_READ,
    ),
    Endpoint(
        "swag-requests",
        lambda w: w["swag_request"],
        lambda w, me: {
            "requested_by": _id(me),
            "recipient_name": "Li Si",
            "address": "2 Example Street",
            "reason": "booth",
            "lines": [{"variant": w["variant"].pk, "quantity": 20}],
        },
        {"note": "Before the event, please"},
        {**OWN_WRITE, "approver": "LC"},
        hidden={"approver": "RUD"},
    ),
]

OPERATIONS = "LRCUD"
SUCCESS = {"L": 200, "R": 200, "C": 201, "U": 200, "D": 204}


def expected_status(endpoint, role, operation):
    if operation in endpoint.allowed[role]:
        return SUCCESS[operation]
    if operation in endpoint.hidden.get(role, ""):
        return 404
    return 401 if role == "anonymous" else 403


CASES = [
    pytest.param(endpoint, role, operation, id=f"{endpoint.path}-{role}-{operation}")
    for endpoint in ENDPOINTS
    for role in ROLES
    for operation in OPERATIONS
]


@pytest.mark.parametrize(("endpoint", "role", "operation"), CASES)
def test_permission_matrix(endpoint, role, operation, world, users, api_as):
    client = api_as(role)
    actor = users[role]
    actor_member = getattr(actor, "member", None) if actor is not None else None
    if operation == "D" and endpoint.make_for_delete is not None:
        obj = endpoint.make_for_delete(world)
    else:
        obj = endpoint.make(world)
    base = f"/api/{endpoint.path}/"
    detail = f"{base}{obj.pk}/"
    if operation == "L":
        response = client.get(base)
    elif operation == "R":
        response = client.get(detail)
    elif operation == "C":
        response = client.post(base, endpoint.create(world, actor_member or world["me"]), format="json")
    elif operation == "U":
        response = client.patch(detail, endpoint.update, format="json")
    else:
        response = client.delete(detail)
    assert response.status_code == expected_status(endpoint, role, operation), response.content
    if response.status_code == 401:
        assert response["WWW-Authenticate"] == "Token"
    if operation == "D" and response.status_code == 204:
        assert not type(obj).objects.filter(pk=obj.pk).exists()
    if operation == "U" and response.status_code == 200:
        obj.refresh_from_db()
        for name, value in endpoint.update.items():
            assert getattr(obj, name) == value


def test_member_cannot_change_someone_elses_idea(world, api_as):
    idea = factories.IdeaFactory(proposer=world["other"])
    response = api_as("member").patch(f"/api/ideas/{idea.pk}/", {"title": "Mine now"}, format="json")
    assert response.status_code == 403


def test_member_cannot_change_own_contribution_once_accepted(world, api_as):
    contribution = factories.ContributionFactory(member=world["me"], status="accepted")
    response = api_as("member").patch(
        f"/api/contributions/{contribution.pk}/", {"title_en": "Retitled"}, format="json"
    )
    assert response.status_code == 403


def test_member_cannot_submit_a_contribution_for_someone_else(world, api_as):
    response = api_as("member").post(
        "/api/contributions/",
        {"member": world["other"].pk, "kind": "social_post", "title_en": "Not mine"},
        format="json",
    )
    assert response.status_code == 400
    assert "member" in response.json()


def test_member_cannot_change_their_own_group_or_notes(world, api_as):
    response = api_as("member").patch(
        f"/api/members/{world['me'].pk}/", {"group": "advisory", "notes": "VIP"}, format="json"
    )
    assert response.status_code == 400
    assert set(response.json()) == {"group", "notes"}


def test_member_cannot_set_idea_status(world, api_as):
    response = api_as("member").post(
        "/api/ideas/", {"title": "Self-accepted", "status": "accepted"}, format="json"
    )
    assert response.status_code == 400
    assert "status" in response.json()


def test_member_sees_only_their_own_expenses(world, api_as):
    mine = factories.ExpenseFactory(member=world["me"])
    factories.ExpenseFactory(member=world["other"])
    response = api_as("member").get("/api/expenses/")
    assert [row["id"] for row in response.json()["results"]] == [mine.pk]


def test_approver_sees_every_expense(world, api_as):
    factories.ExpenseFactory(member=world["me"])
    factories.ExpenseFactory(member=world["other"])
    assert api_as("approver").get("/api/expenses/").json()["count"] == 2


def test_anonymous_sees_public_events_and_public_deadlines_only(world, api_as):
    factories.GoalFactory(event=world["public_event"])
    factories.ParticipationFactory(event=world["public_event"])
    response = api_as("anonymous").get("/api/events/")
    rows = response.json()["results"]
    assert [row["name"] for row in rows] == ["FOSDEM 2026"]
    assert [d["id"] for d in rows[0]["deadlines"]] == [world["public_deadline"].pk]
    assert rows[0]["goals"] == [] and rows[0]["participants"] == []
    deadlines = api_as("anonymous").get("/api/deadlines/").json()["results"]
    assert [d["id"] for d in deadlines] == [world["public_deadline"].pk]
    assert api_as("anonymous").get(f"/api/events/{world['private_event'].pk}/").status_code == 404


def test_member_sees_private_events_goals_and_participants(world, api_as):
    factories.GoalFactory(event=world["public_event"])
    factories.ParticipationFactory(event=world["public_event"], member=world["other"])
    response = api_as("member").get(f"/api/events/{world['public_event'].pk}/")
    data = response.json()
    assert len(data["deadlines"]) == 2
    assert [g["kind"] for g in data["goals"]] == ["talk"]
    assert [p["member_name"] for p in data["participants"]] == ["Other Zhao"]
    assert api_as("member").get("/api/events/").json()["count"] == 2


@pytest.mark.parametrize(("role", "shown"), [("member", False), ("coordinator", True)])
def test_contact_email_and_phone_shown_to_coordinators_only(world, api_as, role, shown):
    contact = factories.ContactFactory(email="jane@example.org", phone="+32 2 000 00 00")
    data = api_as(role).get(f"/api/contacts/{contact.pk}/").json()
    assert (data["email"], data["phone"]) == (("jane@example.org", "+32 2 000 00 00") if shown else ("", ""))


def test_contact_email_shown_to_the_member_who_owns_the_relationship(world, api_as):
    contact = factories.ContactFactory(email="jane@example.org", owner=world["me"])
    assert api_as("member").get(f"/api/contacts/{contact.pk}/").json()["email"] == "jane@example.org"


def test_swag_request_address_hidden_from_the_recipient(world, api_as):
    world["swag_request"].requested_by = world["other"]
    world["swag_request"].recipient = world["me"]
    world["swag_request"].save()
    data = api_as("member").get(f"/api/swag-requests/{world['swag_request'].pk}/").json()
    assert (data["address"], data["phone"]) == ("", "")
    assert data["recipient_name"] == world["swag_request"].recipient_name


def test_deadline_day_is_kept_for_reference(world):
    assert world["day"] == dt.date(2025, 9, 13)
