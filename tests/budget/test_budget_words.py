"""How the budget pages name people and say what happened: a person by their name (never a
log-in name), a transition as a sentence in the reader's language (never a raw status)."""

import pytest

from budget.models import Expense
from tests import factories

pytestmark = pytest.mark.django_db


@pytest.fixture
def expense(member_user):
    # The member's log-in is "member"; the person is Member 1 / 成员一.
    member = member_user.member
    member.display_name, member.name_en, member.name_zh = "Richard", "Richard Lin", "林理查"
    member.save()
    return factories.ExpenseFactory(member=member, submitted_by=member_user)


def test_an_expense_page_names_people_not_log_ins(client, approver, expense):
    client.force_login(approver)
    client.post(f"/budget/expenses/{expense.pk}/approve/", {"comment": "ok"})
    text = client.get(f"/budget/expenses/{expense.pk}/").text
    assert "<dt>Submitted by</dt><dd>Richard Lin ·" in text
    assert "<dt>Decided by</dt><dd>Approver Wang ·" in text
    assert "<td>approver</td>" not in text and ">member ·" not in text
    assert "<td>Approver Wang</td>" in text  # the history table


def test_an_expense_page_in_chinese_names_people_in_chinese(client, approver, expense):
    client.force_login(approver)
    client.post("/i18n/setlang/", {"language": "zh-hans"})
    text = client.get(f"/budget/expenses/{expense.pk}/").text
    assert "林理查" in text


def test_expense_list_names_the_member(client, approver, expense):
    client.force_login(approver)
    text = client.get("/budget/expenses/").text
    assert "<td>Richard Lin</td>" in text


def test_a_budget_decision_names_the_approver(client, approver, coordinator):
    budget = factories.BudgetFactory()
    client.force_login(coordinator)
    client.post(f"/budget/{budget.pk}/submit/", {"body": "council"})
    client.force_login(approver)
    response = client.post(f"/budget/{budget.pk}/approve/", {"comment": "fine"}, follow=True)
    assert "Decided by Approver Wang on" in response.text
    assert "The budget is approved." in response.text


def test_transitions_are_said_as_sentences(client, approver, coordinator, expense):
    budget = factories.BudgetFactory()
    client.force_login(coordinator)
    response = client.post(f"/budget/{budget.pk}/submit/", {"body": "council"}, follow=True)
    assert "The budget is submitted for approval." in response.text
    assert "is now Submitted" not in response.text
    client.force_login(approver)
    response = client.post(f"/budget/expenses/{expense.pk}/approve/", {"comment": "ok"}, follow=True)
    assert "The expense is approved." in response.text
    response = client.post(f"/budget/expenses/{expense.pk}/reimburse/", follow=True)
    assert "The expense is marked as reimbursed." in response.text
    assert Expense.objects.get(pk=expense.pk).status == Expense.Status.REIMBURSED


def test_transitions_are_said_in_chinese(client, coordinator):
    budget = factories.BudgetFactory()
    client.force_login(coordinator)
    client.post("/i18n/setlang/", {"language": "zh-hans"})
    response = client.post(f"/budget/{budget.pk}/submit/", {"body": "council"}, follow=True)
    assert "预算已提交审批。" in response.text
