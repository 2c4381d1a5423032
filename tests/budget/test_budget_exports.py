import csv
import io
from decimal import Decimal

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from openpyxl import load_workbook

from budget.imports import budget_lines_import
from budget.models import Budget, BudgetLine
from tests import factories
from tests.budget.budget_data import demo_budget

pytestmark = pytest.mark.django_db


def test_csv_export_lists_every_line_and_expense_with_the_rate_used(client, approver):
    budget = demo_budget()
    client.force_login(approver)

    response = client.get(f"/budget/{budget.pk}/export.csv")

    assert response["Content-Type"] == "text/csv; charset=utf-8"
    rows = list(csv.DictReader(io.StringIO(response.content.decode())))
    assert len(rows) == 9 + 8  # 8 accepted + 1 proposed line, 8 expenses
    flight = next(r for r in rows if r["description"] == "Flight Shanghai–Taipei")
    assert (
        flight["amount"],
        flight["currency"],
        flight["rate"],
        flight["rate date"],
        flight["converted"],
        flight["into"],
    ) == ("12000.00", "TWD", "0.24000000", "2025-08-01", "2880.00", "CNY")
    ticket = next(r for r in rows if r["description"] == "OSS Japan ticket")
    assert ticket["converted"] == "no rate"


def test_csv_export_neutralises_formulas(client, approver):
    budget = factories.BudgetFactory()
    factories.ExpenseFactory(budget=budget, description='=HYPERLINK("http://evil")')
    client.force_login(approver)

    text = client.get(f"/budget/{budget.pk}/export.csv").content.decode()

    assert "'=HYPERLINK" in text


def test_xlsx_export_has_summary_breakdowns_and_items(client, approver):
    budget = demo_budget()
    client.force_login(approver)

    response = client.get(f"/budget/{budget.pk}/export.xlsx")

    workbook = load_workbook(io.BytesIO(response.content))
    assert workbook.sheetnames == [
        "Summary",
        "By event",
        "By person",
        "By category",
        "Items",
        "Warnings",
    ]
    summary = {row[0]: row[1] for row in workbook["Summary"].iter_rows(values_only=True)}
    assert summary["total"] == 88000
    assert summary["approved expenses"] == 15140
    assert summary["pending expenses"] == 2205
    assert summary["remaining"] == 70655
    assert summary["more person-trips that fit"] == 2
    events = {row[0]: row[1:5] for row in workbook["By event"].iter_rows(min_row=2, values_only=True)}
    assert events["COSCUP 2025"] == (19200, 5640, 2205, 19200 - 5640 - 2205)
    assert workbook["Items"].max_row == 1 + 17
    assert workbook["Warnings"].max_row == 1 + 2


GOOD_CSV = """event,person,category,description,amount,currency,person_trips
COSCUP 2025,Richard,travel,Flight,9000,TWD,1
,,swag,Stickers,1500.50,CNY,
"""


def _file(text, name="lines.csv"):
    return SimpleUploadedFile(name, text.encode("utf-8"))


def _setup():
    budget = factories.BudgetFactory()
    factories.EventFactory(name="COSCUP 2025")
    factories.MemberFactory(display_name="Richard")
    return budget


def test_import_creates_every_line_of_a_good_file(coordinator):
    budget = _setup()

    result = budget_lines_import(budget=budget, user=coordinator, file=_file(GOOD_CSV))

    assert result.ok
    lines = list(
        budget.lines.order_by("id").values_list(
            "event__name", "member__display_name", "category", "amount", "currency", "person_trips"
        )
    )
    assert lines == [
        ("COSCUP 2025", "Richard", "travel", Decimal("9000.00"), "TWD", 1),
        (None, None, "swag", Decimal("1500.50"), "CNY", 0),
    ]


def test_import_with_bad_rows_imports_nothing_and_lists_every_bad_row(coordinator):
    budget = _setup()
    text = GOOD_CSV + (
        "Nowhere Conf,Richard,travel,x,100,CNY,1\n"
        "COSCUP 2025,Nobody,food,x,-5,CNY,1\n"
        "COSCUP 2025,Richard,travel,x,12.345,ABC,two\n"
    )

    result = budget_lines_import(budget=budget, user=coordinator, file=_file(text))

    assert BudgetLine.objects.count() == 0
    assert [number for number, _reason in result.errors] == [4, 5, 6]
    reasons = dict(result.errors)
    assert reasons[4] == "no event named “Nowhere Conf”"
    assert "unknown category “food”" in reasons[5]
    assert "amount “-5” must be zero or more" in reasons[5]
    assert "no member named “Nobody”" in reasons[5]
    assert "more than two decimals" in reasons[6]
    assert "currency “ABC” is not an ISO 4217 code" in reasons[6]
    assert "person_trips “two” is not a whole number" in reasons[6]


def test_import_page_shows_the_bad_rows_and_saves_nothing(coordinator_client):
    budget = _setup()

    response = coordinator_client.post(
        f"/budget/{budget.pk}/import/", {"file": _file(GOOD_CSV + ",,travel,x,abc,CNY,\n")}
    )

    assert response.status_code == 400
    assert "Row 4" in response.content.decode()
    assert "amount “abc” is not a number" in response.content.decode()
    assert BudgetLine.objects.count() == 0


def test_import_of_a_file_missing_a_required_column_is_refused(coordinator_client):
    budget = _setup()
    response = coordinator_client.post(
        f"/budget/{budget.pk}/import/", {"file": _file("event,amount\nCOSCUP 2025,100\n")}
    )
    assert response.status_code == 400
    assert "lacks the column(s): category, currency" in response.content.decode()
    assert BudgetLine.objects.count() == 0


def test_import_into_an_approved_budget_is_refused(coordinator):
    budget = _setup()
    Budget.objects.filter(pk=budget.pk).update(status="approved", approved_revision=1)
    budget.refresh_from_db()
    from django.core.exceptions import ValidationError

    with pytest.raises(ValidationError):
        budget_lines_import(budget=budget, user=coordinator, file=_file(GOOD_CSV))
    assert BudgetLine.objects.count() == 0


def test_import_of_a_non_utf8_file_is_refused(coordinator):
    from django.core.exceptions import ValidationError

    budget = _setup()
    with pytest.raises(ValidationError):
        budget_lines_import(
            budget=budget,
            user=coordinator,
            file=SimpleUploadedFile("x.csv", "category,amount,currency\n旅行,1,CNY\n".encode("gbk")),
        )
