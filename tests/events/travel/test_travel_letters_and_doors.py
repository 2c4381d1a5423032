"""Support letters (PDF text checked with pypdf, Chinese included) and who may pass each door."""

import io
import os

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.urls import reverse
from pypdf import PdfReader

from events.models import SupportLetter, TravelStep
from events.travel.letter_services import support_letter_issue, support_letter_pdf
from events.travel.services import travel_step_set_state
from intl_portal.common import pdf_fonts
from intl_portal.common.pdf_fonts import cjk_font
from tests import factories

from .travel_helpers import event_in, trip

pytestmark = pytest.mark.django_db


def _text(body):
    # fpdf2 writes the CID font's encoding as an embedded CMap stream, which pypdf reads as a
    # NUL before each character; the ToUnicode map itself is right, so the NULs are dropped.
    return "".join(page.extract_text() for page in PdfReader(io.BytesIO(body)).pages).replace("\x00", "")


@pytest.fixture
def journey(member_user):
    member = member_user.member
    member.passport_country, member.name_zh, member.name_en = "CN", "李明", "Li Ming"
    member.save()
    return trip(event_in("BE"), member)


def test_english_letter_pdf_has_reference_signer_date_and_passport_number(coordinator, journey):
    letter = support_letter_issue(
        user=coordinator, participation=journey, language="en", signer_name="Emily Chen"
    )
    assert letter.reference.startswith("SL-") and letter.signer_name == "Emily Chen"
    text = _text(support_letter_pdf(user=coordinator, letter=letter, passport_number="e 1234 5678"))
    for expected in (
        letter.reference,
        "Emily Chen",
        "E12345678",
        "Li Ming",
        "FOSDEM 2027",
        "Brussels",
        "China",
    ):
        assert expected in text
    assert "E12345678" not in str(SupportLetter.objects.filter(pk=letter.pk).values().get())


def test_chinese_letter_pdf_renders_chinese(coordinator, journey):
    if cjk_font() is None:
        if os.environ.get("CI") == "true":
            pytest.fail("no CJK font installed (fonts-noto-cjk)")
        pytest.skip("no CJK font installed (fonts-noto-cjk)")
    letter = support_letter_issue(user=coordinator, participation=journey, language="zh-hans")
    text = _text(support_letter_pdf(user=coordinator, letter=letter, passport_number="E98765432"))
    for expected in ("支持函", "李明", "E98765432", "国际接轨组", letter.reference, "2027年02月06日"):
        assert expected in text


def test_chinese_letter_refused_without_a_cjk_font(coordinator, journey, settings, monkeypatch):
    monkeypatch.setattr(pdf_fonts, "_system_font", lambda: "")
    settings.PDF_CJK_FONT = ""
    letter = support_letter_issue(user=coordinator, participation=journey, language="zh-hans")
    with pytest.raises(ValidationError, match="fonts-noto-cjk"):
        support_letter_pdf(user=coordinator, letter=letter, passport_number="E98765432")


def test_services_refuse_others(coordinator, member_user, journey):
    other = factories.UserFactory(username="other")
    factories.MemberFactory(user=other)
    with pytest.raises(PermissionDenied):
        support_letter_issue(user=member_user, participation=journey, language="en")
    letter = support_letter_issue(user=coordinator, participation=journey, language="en")
    with pytest.raises(PermissionDenied):
        support_letter_pdf(user=other, letter=letter, passport_number="E12345678")
    with pytest.raises(ValidationError):
        support_letter_pdf(user=member_user, letter=letter, passport_number="12")
    coordinator_step = journey.travel_steps.get(kind=TravelStep.Kind.FALLBACK_DECISION)
    with pytest.raises(PermissionDenied):
        travel_step_set_state(user=member_user, step=coordinator_step, state="done")
    with pytest.raises(PermissionDenied):
        travel_step_set_state(user=other, step=journey.travel_steps.get(kind="apply_visa"), state="done")


DOORS = ("board", "trip", "step", "issue", "pdf", "mine")


def _request(client, door, journey, letter):
    step = journey.travel_steps.get(kind=TravelStep.Kind.APPLY_VISA)
    if door == "board":
        return client.get(reverse("travel:board"))
    if door == "trip":
        return client.get(reverse("travel:trip", args=[journey.pk]))
    if door == "step":
        return client.post(reverse("travel:step_state", args=[step.pk]), {"state": "done"})
    if door == "issue":
        return client.post(reverse("travel:letter_issue", args=[journey.pk]), {"language": "en"})
    if door == "pdf":
        return client.post(reverse("travel:letter_pdf", args=[letter.pk]), {"passport_number": "E12345678"})
    return client.get(reverse("my_travel"))


# Expected status per role: anonymous → log-in page; another member → 403 / 404 (no oracle).
EXPECTED = {
    "anonymous": {"board": 302, "trip": 302, "step": 302, "issue": 302, "pdf": 302, "mine": 302},
    "outsider": {"board": 403, "trip": 404, "step": 404, "issue": 404, "pdf": 404, "mine": 403},
    "other": {"board": 403, "trip": 404, "step": 404, "issue": 404, "pdf": 404, "mine": 200},
    "traveller": {"board": 403, "trip": 200, "step": 302, "issue": 400, "pdf": 200, "mine": 200},
    "coordinator": {"board": 200, "trip": 200, "step": 302, "issue": 302, "pdf": 200, "mine": 200},
}


@pytest.mark.parametrize("role", list(EXPECTED))
@pytest.mark.parametrize("door", DOORS)
def test_every_door_permissions(client, role, door, coordinator, member_user, outsider, journey):
    letter = support_letter_issue(user=coordinator, participation=journey, language="en")
    users = {"outsider": outsider, "traveller": member_user, "coordinator": coordinator}
    if role == "other":
        users["other"] = factories.UserFactory(username="other")
        factories.MemberFactory(user=users["other"])
    if role in users:
        client.force_login(users[role])
    response = _request(client, door, journey, letter)
    assert response.status_code == EXPECTED[role][door]
    if door == "pdf" and response.status_code == 200:
        assert response["Content-Type"] == "application/pdf"
        assert "E12345678" in _text(response.content)
    if door == "step":
        expected_state = "done" if role in ("traveller", "coordinator") else "open"
        assert journey.travel_steps.get(kind="apply_visa").state == expected_state


def test_board_lists_trips_red_amber_green(coordinator_client, journey):
    response = coordinator_client.get(reverse("travel:board"))
    body = response.content.decode()
    assert "FOSDEM 2027" in body and "travel-red" in body  # the check (2026-11-14) is already late
    assert "Passport Index Dataset" in body and "12 January 2025" in body
