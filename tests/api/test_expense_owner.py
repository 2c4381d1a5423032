"""Whose expense an API submission files: the caller's own by default; only a coordinator files
for someone else. The serializer only fills in the default; expense_submit decides."""

import pytest

from budget.models import Expense
from tests import factories

pytestmark = pytest.mark.django_db

BODY = {
    "category": "travel",
    "description": "Train",
    "amount": "120.00",
    "currency": "CNY",
    "spent_on": "2025-07-01",
}


def test_a_members_expense_is_their_own_by_default(api_as, member_user):
    response = api_as("member").post("/api/expenses/", BODY, format="json")
    assert response.status_code == 201, response.json()
    assert Expense.objects.get().member == member_user.member


def test_a_member_cannot_file_for_someone_else_and_nothing_is_saved(api_as):
    other = factories.MemberFactory()
    response = api_as("member").post("/api/expenses/", {**BODY, "member": other.pk}, format="json")
    assert response.status_code == 403
    assert response.json() == {"detail": "You may submit expenses only for yourself."}
    assert not Expense.objects.exists()


def test_a_coordinator_files_for_a_member(api_as):
    other = factories.MemberFactory()
    response = api_as("coordinator").post("/api/expenses/", {**BODY, "member": other.pk}, format="json")
    assert response.status_code == 201, response.json()
    assert Expense.objects.get().member == other
