"""The travel pages: my travel (passport country), the trip page, the board in Chinese."""

import pytest
from django.urls import reverse

from events.models import TravelStep

from .travel_helpers import due_dates, event_in, traveller, trip

pytestmark = pytest.mark.django_db
K = TravelStep.Kind


def test_member_sets_passport_country_and_trip_replans(member_client, member_user):
    participation = trip(event_in("BE"), member_user.member)
    assert K.APPLY_VISA not in due_dates(participation)  # unknown passport: check early
    response = member_client.post(reverse("my_travel"), {"passport_country": "CN"})
    assert response.status_code == 302
    member_user.member.refresh_from_db()
    assert member_user.member.passport_country == "CN"
    assert str(due_dates(participation)[K.APPLY_VISA]) == "2026-12-12"


def test_unknown_passport_country_is_refused_and_nothing_changes(member_client, member_user):
    response = member_client.post(reverse("my_travel"), {"passport_country": "XX"})
    assert response.status_code == 200
    assert response.context["form"].errors["passport_country"]
    member_user.member.refresh_from_db()
    assert member_user.member.passport_country == ""


def test_trip_page_shows_steps_in_event_zone_and_my_reminders_lists_them(member_client, member_user):
    member_user.member.passport_country = "CN"
    member_user.member.save()
    participation = trip(event_in("JP"), member_user.member)
    body = member_client.get(reverse("travel:trip", args=[participation.pk])).content.decode()
    assert "2027-05-20 23:59" in body  # apply by, Asia/Tokyo
    assert "Japan e-visa" in body and "Passport Index Dataset" in body
    reminders = member_client.get(reverse("my_reminders")).content.decode()
    assert reverse("travel:trip", args=[participation.pk]) in reminders


def test_trip_without_dates_waits_for_dates(coordinator_client):
    participation = trip(event_in("TW", start_date=None, end_date=None), traveller())
    body = coordinator_client.get(reverse("travel:trip", args=[participation.pk])).content.decode()
    assert "Waiting for dates" in body
    board = coordinator_client.get(reverse("travel:board")).content.decode()
    assert "COSCUP 2027" in board and "travel-waiting" in board


def test_board_in_chinese(coordinator_client):
    trip(event_in("US"), traveller())
    body = coordinator_client.get(reverse("travel:board"), HTTP_ACCEPT_LANGUAGE="zh-hans").content.decode()
    assert "差旅看板" in body and "PyCon US 2027" in body
    assert "红灯：已逾期" in body or "黄灯：即将到期或待确认" in body or "绿灯：进展正常" in body


def test_bad_passport_number_is_refused_and_not_echoed(coordinator, member_client, member_user):
    from events.travel.letter_services import support_letter_issue

    participation = trip(event_in("BE"), member_user.member)
    letter = support_letter_issue(user=coordinator, participation=participation, language="en")
    response = member_client.post(reverse("travel:letter_pdf", args=[letter.pk]), {"passport_number": "AB!"})
    assert response.status_code == 400
    body = response.content.decode()
    assert "5 to 20 letters and digits" in body and 'value="AB!"' not in body


def test_an_empty_travel_board_says_how_trips_get_there(client, coordinator):
    client.force_login(coordinator)
    page = client.get("/travel/", HTTP_ACCEPT_LANGUAGE="en").content.decode()
    assert "A trip appears here when a participation that needs travel is tentative or confirmed." in page
    assert '<p class="attribution">' in page
