import datetime as dt

import pytest
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import override_settings

from budget.models import Expense
from budget.receipts import validate_receipt

PDF = b"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"
PNG = b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + b"\x00" * 40
JPEG = b"\xff\xd8\xff\xe0\x00\x10JFIF\x00" + b"\x00" * 40 + b"\xff\xd9"


@pytest.mark.parametrize(("name", "content"), [("r.pdf", PDF), ("r.PNG", PNG), ("r.jpg", JPEG)])
def test_receipt_pdf_and_images_are_accepted(name, content):
    validate_receipt(SimpleUploadedFile(name, content))


def test_receipt_html_renamed_to_pdf_is_refused():
    with pytest.raises(ValidationError) as error:
        validate_receipt(SimpleUploadedFile("receipt.pdf", b"<html><script>alert(1)</script>"))
    assert error.value.code == "receipt_type"


def test_receipt_whose_name_disagrees_with_its_content_is_refused():
    with pytest.raises(ValidationError) as error:
        validate_receipt(SimpleUploadedFile("receipt.pdf", PNG))
    assert error.value.code == "receipt_extension"


def test_receipt_truncated_pdf_is_refused():
    with pytest.raises(ValidationError):
        validate_receipt(SimpleUploadedFile("receipt.pdf", b"%PDF-1.4\n1 0 obj"))


@override_settings(BUDGET_RECEIPT_MAX_BYTES=1024)
def test_receipt_over_the_size_limit_is_refused():
    big = PDF[:-7] + b" " * 2000 + b"%%EOF\n"
    with pytest.raises(ValidationError) as error:
        validate_receipt(SimpleUploadedFile("receipt.pdf", big))
    assert error.value.code == "receipt_too_large"


@pytest.mark.django_db
def test_expense_model_validation_runs_the_receipt_check():
    from tests import factories

    expense = factories.ExpenseFactory.build(
        member=factories.MemberFactory(),
        budget=None,
        spent_on=dt.date(2025, 7, 1),
        receipt=SimpleUploadedFile("r.exe.pdf", b"MZ\x90\x00"),
    )
    with pytest.raises(ValidationError) as error:
        expense.full_clean()
    assert "receipt" in error.value.message_dict
    assert Expense.objects.count() == 0
