"""The budget pages as designed: the breakdown shows the one table of the chosen tab, the rate
columns only when something was converted, statuses as badges, a legend whose swatches stay with
their words; an expense page without a dangling "— ·" or a header-only history, and a decision
form with the comment above its hint and the buttons."""

import datetime as dt
from decimal import Decimal

import pytest

from tests import factories

pytestmark = pytest.mark.django_db


@pytest.fixture
def budget():
    budget = factories.BudgetFactory(title="2025 国际接轨组预算")
    factories.BudgetLineFactory(budget=budget, description="Flight to Taipei")
    factories.ExpenseFactory(budget=budget, description="Hotel", status="submitted")
    return budget


def test_breakdown_shows_only_the_table_of_the_chosen_tab(client, approver, budget):
    client.force_login(approver)
    page = client.get(f"/budget/{budget.pk}/").text
    assert page.count('<table class="budget-table groups-table">') == 1
    assert '<caption class="visually-hidden">By event</caption>' in page
    by_person = client.get(f"/budget/{budget.pk}/?chart=person").text
    assert '<caption class="visually-hidden">By person</caption>' in by_person
    assert "By event</caption>" not in by_person


def test_legend_keeps_each_swatch_with_its_word_and_the_unit_apart(client, approver, budget):
    client.force_login(approver)
    page = client.get(f"/budget/{budget.pk}/").text
    assert '<span class="nowrap"><span class="swatch swatch-over"></span>Over its plan</span>' in page
    assert '<p class="chart-legend chart-unit">Amounts in CNY.</p>' in page
    assert "· Amounts in" not in page


def test_rate_columns_only_when_an_amount_was_converted(client, approver, budget):
    client.force_login(approver)
    page = client.get(f"/budget/{budget.pk}/").text
    assert "Rate used" not in page and "In CNY</th>" not in page
    assert '<span class="status status-submitted">Submitted</span>' in page  # a badge in the table
    assert 'id="rates-none"' in page
    factories.ExchangeRateFactory(currency="JPY", date=dt.date(2025, 7, 1))
    factories.ExpenseFactory(budget=budget, currency="JPY", amount=Decimal("10000"), status="submitted")
    converted = client.get(f"/budget/{budget.pk}/").text
    assert "Rate used" in converted and "In CNY</th>" in converted and 'id="rates-used"' in converted


def test_expense_without_a_submitter_or_history_says_so(client, approver, member_user):
    expense = factories.ExpenseFactory(member=member_user.member, submitted_by=None, status="submitted")
    expense.history.all().delete()
    client.force_login(approver)
    page = client.get(f"/budget/expenses/{expense.pk}/").text
    assert "— ·" not in page
    assert '<p class="muted" id="history-empty">No changes recorded yet.</p>' in page
    assert "<th>When</th>" not in page
    zh = client.get(f"/budget/expenses/{expense.pk}/", HTTP_ACCEPT_LANGUAGE="zh-hans").text
    assert "暂无修改记录。" in zh


def test_decision_form_stacks_comment_hint_and_buttons(client, approver, member_user):
    expense = factories.ExpenseFactory(member=member_user.member, submitted_by=member_user.member.user)
    client.force_login(approver)
    page = client.get(f"/budget/expenses/{expense.pk}/").text
    form = page.split('class="decision-form stacked"', 1)[1].split("</form>", 1)[0]
    assert form.index("<textarea") < form.index('id="decision-help"') < form.index('class="decision-buttons"')
    assert 'rows="3"' in form
    assert '<button type="submit" class="button-primary">Approve</button>' in form
