"""The menu's budget item: the budget overview for those who see budgets, "My expenses" (where
it lands) for a member; nothing for a log-in without a person."""

import pytest

pytestmark = pytest.mark.django_db


def _nav(client):
    text = client.get("/cfp/").text
    return text[text.index('<nav class="site-nav"') : text.index("</nav>")]


def test_a_coordinator_and_an_approver_get_the_budget_overview(coordinator_client, client, approver):
    assert '<a href="/budget/">Budget</a>' in _nav(coordinator_client)
    client.force_login(approver)
    assert '<a href="/budget/">Budget</a>' in _nav(client)
    assert "<h1>Budgets</h1>" in client.get("/budget/").text


def test_a_member_gets_my_expenses_where_it_lands(member_client):
    nav = _nav(member_client)
    assert '<a href="/budget/expenses/">My expenses</a>' in nav
    assert ">Budget<" not in nav
    assert "<h1>My expenses</h1>" in member_client.get("/budget/expenses/").text


def test_a_log_in_without_a_person_gets_no_budget_item(client, outsider):
    client.force_login(outsider)
    nav = _nav(client)
    assert "/budget/" not in nav
