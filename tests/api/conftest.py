"""Fixtures for the API tests: a client per role and a small world of objects."""

import datetime as dt

import pytest
from rest_framework.test import APIClient

from tests import factories

ROLES = ("anonymous", "outsider", "member", "approver", "coordinator")


@pytest.fixture
def users(coordinator, approver, member_user, outsider):
    return {
        "anonymous": None,
        "outsider": outsider,
        "member": member_user,
        "approver": approver,
        "coordinator": coordinator,
    }


@pytest.fixture
def api_as(users):
    """api_as("member") → an APIClient signed in (by session) as that role."""

    def make(role):
        client = APIClient()
        if users[role] is not None:
            client.force_login(users[role])
        return client

    return make


@pytest.fixture
def world(db, member_user):
    """One of each object, the member's own where ownership matters."""
    me = member_user.member
    public_event = factories.EventFactory(name="FOSDEM 2026", is_public=True)
    private_event = factories.EventFactory(name="Closed summit", is_public=False)
    variant = factories.SwagVariantFactory()
    request = factories.SwagRequestFactory(requested_by=me)
    factories.SwagRequestLineFactory(request=request, variant=variant)
    return {
        "me": me,
        "other": factories.MemberFactory(display_name="Other Zhao"),
        "public_event": public_event,
        "private_event": private_event,
        "public_deadline": factories.DeadlineFactory(event=public_event, is_public=True),
        "private_deadline": factories.DeadlineFactory(event=public_event, is_public=False),
        "role": factories.RoleFactory(slug="lead", name_en="Lead"),
        "budget": factories.BudgetFactory(),
        "variant": variant,
        "swag_request": request,
        "day": dt.date(2025, 9, 13),
    }
