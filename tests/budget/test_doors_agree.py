"""The same act through every door — the web page, the admin, the API — gives the same
outcome and the same refusal, and a refusal changes nothing.

Admin acts are real POSTs of the admin's own add and change pages (inlines with their
management forms), API acts go through the DRF client, pages through the test client."""

import datetime as dt
from decimal import Decimal

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from rest_framework.test import APIClient

from budget.models import Budget, BudgetLine, ExchangeRate, Expense
from tests import factories

from .admin_forms import add_inline_row, admin_form_data, errors_of
from .test_budget_receipts import PDF

pytestmark = pytest.mark.django_db

LOCKED = "The budget “{title}” is Approved: its lines change only through a new revision."
CLOSED = "This budget is closed."


@pytest.fixture
def api(coordinator):
    client = APIClient()
    client.force_login(coordinator)
    return client


def api_messages(response):
    """The messages of a 400 (none for a success)."""
    if response.status_code != 400:
        return []
    return [message for messages in response.json().values() for message in messages]


def page_messages(response, form="form"):
    """The messages on the page's form, or on the admin's form (none after a redirect)."""
    if response.context is None:
        return []
    if form == "adminform":
        return errors_of(response.context["adminform"].form)
    return errors_of(response.context[form])


# --- no line is added to an approved budget --------------------------------------------------


def _add_line(door, budget, client, api):
    """Add one planned travel line of 100 CNY to `budget`; returns (status, refusal messages)."""
    if door == "web":  # the line import page
        upload = SimpleUploadedFile("lines.csv", b"category,amount,currency\ntravel,100,CNY\n")
        response = client.post(f"/budget/{budget.pk}/import/", {"file": upload})
        return response.status_code, page_messages(response)
    if door == "admin":  # a new row in the lines inline of the budget's page
        url = f"/admin/budget/budget/{budget.pk}/change/"
        data = admin_form_data(client.get(url))
        row = add_inline_row(
            data,
            "lines",
            category="travel",
            amount="100.00",
            currency="CNY",
            person_trips="1",
            status="accepted",
        )
        response = client.post(url, data)
        if response.context is None:
            return response.status_code, []
        rows = response.context["inline_admin_formsets"][0].formset.forms
        assert [errors_of(form) for index, form in enumerate(rows) if index != row] == [[]]
        return response.status_code, errors_of(rows[row])
    if door == "admin-lines":  # the budget lines' own add page
        data = admin_form_data(client.get("/admin/budget/budgetline/add/"))
        data.update(budget=budget.pk, category="travel", amount="100.00", currency="CNY", person_trips="1")
        response = client.post("/admin/budget/budgetline/add/", data)
        return response.status_code, page_messages(response, "adminform")
    response = api.post(
        "/api/budget-lines/",
        {"budget": budget.pk, "category": "travel", "amount": "100.00", "currency": "CNY"},
        format="json",
    )
    return response.status_code, api_messages(response)


@pytest.mark.parametrize(
    ("door", "status"), [("web", 400), ("admin", 200), ("admin-lines", 200), ("api", 400)]
)
def test_no_line_is_added_to_an_approved_budget(door, status, coordinator_client, api):
    budget = factories.BudgetFactory(status=Budget.Status.APPROVED, approved_revision=1)
    factories.BudgetLineFactory(budget=budget, description="Flight to Taipei")

    assert _add_line(door, budget, coordinator_client, api) == (status, [LOCKED.format(title=budget.title)])

    assert list(BudgetLine.objects.values_list("description", flat=True)) == ["Flight to Taipei"]


@pytest.mark.parametrize("door", ["web", "admin", "admin-lines", "api"])
def test_a_line_is_added_to_a_draft_budget_alike(door, coordinator_client, api):
    budget = factories.BudgetFactory()
    factories.BudgetLineFactory(budget=budget, description="Flight to Taipei")

    status, refusal = _add_line(door, budget, coordinator_client, api)

    assert (status in {201, 302}, refusal) == (True, [])
    added = BudgetLine.objects.exclude(description="Flight to Taipei").get()
    assert (added.budget, added.category, added.amount, added.currency, added.status) == (
        budget,
        "travel",
        Decimal("100.00"),
        "CNY",
        BudgetLine.Status.ACCEPTED,
    )


def test_admin_change_of_a_locked_line_is_a_form_error_not_a_403(coordinator_client):
    budget = factories.BudgetFactory(status=Budget.Status.APPROVED, approved_revision=1)
    line = factories.BudgetLineFactory(budget=budget)
    url = f"/admin/budget/budgetline/{line.pk}/change/"
    data = admin_form_data(coordinator_client.get(url))
    data["amount"] = "1.00"

    response = coordinator_client.post(url, data)

    assert (response.status_code, errors_of(response.context["adminform"].form)) == (
        200,
        [LOCKED.format(title=budget.title)],
    )
    line.refresh_from_db()
    assert line.amount == Decimal("8800.00")


# --- no expense on a closed budget -----------------------------------------------------------


def _file_expense(door, client, api, member, budget):
    """File a 80 EUR visa expense of `member`, spent on 2025-07-20, against `budget` (None:
    let the portal choose); returns (status, refusal messages)."""
    fields = {
        "category": "visa",
        "description": "Visa fee",
        "amount": "80.00",
        "currency": "EUR",
        "spent_on": "2025-07-20",
    }
    if door == "web":  # the page has no budget field: the portal always chooses
        assert budget is None
        receipt = SimpleUploadedFile("visa.pdf", PDF, content_type="application/pdf")
        response = client.post("/budget/expenses/new/", {**fields, "receipt": receipt})
        return response.status_code, page_messages(response)
    if door == "admin":
        data = admin_form_data(client.get("/admin/budget/expense/add/"))
        data.update(fields, member=member.pk, budget=budget.pk if budget else "")
        response = client.post("/admin/budget/expense/add/", data)
        return response.status_code, page_messages(response, "adminform")
    payload = {**fields, "member": member.pk, "budget": budget.pk if budget else None}
    response = api.post("/api/expenses/", payload, format="json")
    return response.status_code, api_messages(response)


@pytest.mark.parametrize(("door", "status"), [("admin", 200), ("api", 400)])
def test_no_expense_is_filed_on_a_closed_budget(door, status, coordinator_client, coordinator, api):
    closed = factories.BudgetFactory(status=Budget.Status.CLOSED, approved_revision=1)

    outcome = _file_expense(door, coordinator_client, api, coordinator.member, closed)

    assert outcome == (status, [CLOSED])
    assert Expense.objects.count() == 0


@pytest.mark.parametrize("door", ["web", "admin", "api"])
def test_an_expense_on_a_day_only_a_closed_budget_covers_is_filed_under_no_budget(
    door, coordinator_client, coordinator, api
):
    factories.BudgetFactory(status=Budget.Status.CLOSED, approved_revision=1)

    status, refusal = _file_expense(door, coordinator_client, api, coordinator.member, None)

    assert (status in {201, 302}, refusal) == (True, [])
    expense = Expense.objects.get()
    assert (expense.budget, expense.member, expense.submitted_by, expense.status, expense.amount) == (
        None,
        coordinator.member,
        coordinator,
        Expense.Status.SUBMITTED,
        Decimal("80.00"),
    )


def _move_expense(door, client, api, expense, budget):
    if door == "admin":
        url = f"/admin/budget/expense/{expense.pk}/change/"
        data = admin_form_data(client.get(url))
        data["budget"] = budget.pk
        response = client.post(url, data)
        return response.status_code, page_messages(response, "adminform")
    response = api.patch(f"/api/expenses/{expense.pk}/", {"budget": budget.pk}, format="json")
    return response.status_code, api_messages(response)


@pytest.mark.parametrize(("door", "status"), [("admin", 200), ("api", 400)])
def test_no_expense_is_moved_to_a_closed_budget(door, status, coordinator_client, api):
    expense = factories.ExpenseFactory()
    closed = factories.BudgetFactory(status=Budget.Status.CLOSED, approved_revision=1)

    assert _move_expense(door, coordinator_client, api, expense, closed) == (status, [CLOSED])

    assert Expense.objects.get().budget == expense.budget


@pytest.mark.parametrize(("door", "status"), [("admin", 200), ("api", 400)])
def test_a_decided_expense_is_not_corrected(door, status, coordinator_client, api):
    expense = factories.ExpenseFactory(status=Expense.Status.APPROVED)
    other = factories.BudgetFactory()

    assert _move_expense(door, coordinator_client, api, expense, other) == (
        status,
        ["Only a submitted expense can be changed; this one is Approved."],
    )

    assert Expense.objects.get().budget == expense.budget


def test_a_decided_expense_is_not_deleted_through_the_admin_or_the_api(coordinator_client, api):
    expense = factories.ExpenseFactory(status=Expense.Status.REIMBURSED)
    refusal = "Only a submitted or rejected expense can be deleted; this one is Reimbursed."

    response = coordinator_client.post(
        f"/admin/budget/expense/{expense.pk}/delete/", {"post": "yes"}, follow=True
    )
    assert refusal in [str(message) for message in response.context["messages"]]
    response = api.delete(f"/api/expenses/{expense.pk}/")
    assert (response.status_code, api_messages(response)) == (400, [refusal])

    assert Expense.objects.filter(pk=expense.pk).exists()


# --- exchange rates: one service, the same row, the same refusals ----------------------------------


def _enter_rate(door, client, api, **fields):
    if door == "admin":
        data = admin_form_data(client.get("/admin/budget/exchangerate/add/"))
        data.update(fields)
        response = client.post("/admin/budget/exchangerate/add/", data)
        return response.status_code, page_messages(response, "adminform")
    response = api.post("/api/exchange-rates/", fields, format="json")
    return response.status_code, api_messages(response)


def _rates():
    return list(ExchangeRate.objects.values_list("currency", "quote_currency", "date", "rate", "source"))


@pytest.mark.parametrize(("door", "status"), [("admin", 302), ("api", 201)])
def test_an_exchange_rate_is_the_same_row_from_admin_and_api(door, status, coordinator_client, api):
    fields = {
        "currency": "EUR",
        "quote_currency": "CNY",
        "date": "2025-12-01",
        "rate": "8.2",
        "source": "BOC",
    }

    assert _enter_rate(door, coordinator_client, api, **fields) == (status, [])

    assert _rates() == [("EUR", "CNY", dt.date(2025, 12, 1), Decimal("8.20000000"), "BOC")]
    record = ExchangeRate.objects.get().history.get()
    assert record.history_user.username == "coordinator"


BAD_RATES = [
    pytest.param({"rate": "0"}, "A rate must be positive.", id="zero"),
    pytest.param({"quote_currency": "EUR"}, "A rate converts between two different currencies.", id="same"),
    pytest.param(
        {"date": "2025-11-30"}, "There is already a rate for this currency on this day.", id="twice"
    ),
]


@pytest.mark.parametrize("door", ["admin", "api"])
@pytest.mark.parametrize(("bad", "refusal"), BAD_RATES)
def test_a_bad_exchange_rate_is_refused_alike(door, bad, refusal, coordinator_client, api):
    factories.ExchangeRateFactory(currency="EUR", date=dt.date(2025, 11, 30), rate=Decimal("8.1"))
    before = _rates()
    fields = {"currency": "EUR", "quote_currency": "CNY", "date": "2025-12-01", "rate": "8.2", **bad}

    status, messages = _enter_rate(door, coordinator_client, api, **fields)

    assert (status, messages) == ({"admin": 200, "api": 400}[door], [refusal])
    assert _rates() == before


@pytest.mark.parametrize("door", ["admin", "api"])
def test_a_rate_is_corrected_alike(door, coordinator_client, api):
    row = factories.ExchangeRateFactory(currency="EUR", date=dt.date(2025, 12, 1), rate=Decimal("8.1"))
    if door == "admin":
        url = f"/admin/budget/exchangerate/{row.pk}/change/"
        data = admin_form_data(coordinator_client.get(url))
        data.update(rate="8.25", source="BOC")
        assert coordinator_client.post(url, data).status_code == 302
    else:
        response = api.patch(
            f"/api/exchange-rates/{row.pk}/", {"rate": "8.25", "source": "BOC"}, format="json"
        )
        assert response.status_code == 200

    assert _rates() == [("EUR", "CNY", dt.date(2025, 12, 1), Decimal("8.25000000"), "BOC")]


@pytest.mark.parametrize("status", [Expense.Status.APPROVED, Expense.Status.REIMBURSED])
def test_a_decided_expenses_money_never_changes_at_any_door(status, coordinator_client, api, coordinator):
    """The attack that worked: PATCH amount 99,999 and the caller's own member onto an
    approved expense, then reimburse it. Refused at the API and in the admin; nothing moves."""
    expense = factories.ExpenseFactory(status=status, amount=Decimal("350.50"), currency="CNY")
    own = coordinator.member
    response = api.patch(
        f"/api/expenses/{expense.pk}/", {"amount": "99999.00", "member": own.pk}, format="json"
    )
    assert response.status_code == 400
    assert api_messages(response) == [
        f"Only a submitted expense can be changed; this one is {expense.get_status_display()}."
    ]
    url = f"/admin/budget/expense/{expense.pk}/change/"
    data = admin_form_data(coordinator_client.get(url))
    data.update(amount="99999.00", member=str(own.pk))
    coordinator_client.post(url, data)
    if status == Expense.Status.APPROVED:
        api.post(f"/api/expenses/{expense.pk}/reimburse/")
    stored = Expense.objects.get(pk=expense.pk)
    assert (stored.amount, stored.member_id, stored.currency) == (Decimal("350.50"), expense.member_id, "CNY")
