"""The requirement table in admin (a coordinator's edit re-dates the trips it concerns) and the
personal travel data in the API (only the traveller and coordinators see it)."""

import datetime as dt

import pytest
from django.urls import reverse

from events.models import TravelRequirement, TravelStep
from tests import factories
from tests.events.admin_forms import changeform_data

from .travel_helpers import due_dates, event_in, traveller, trip

pytestmark = pytest.mark.django_db


def test_coordinator_changes_lead_time_in_admin_and_trip_moves(coordinator_client):
    participation = trip(event_in("JP"), traveller())
    requirement = TravelRequirement.objects.get(passport="CN", destination="JP")
    url = reverse("admin:events_travelrequirement_change", args=[requirement.pk])
    data, _rows = changeform_data(coordinator_client, url)
    data["lead_time_days"] = "28"
    response = coordinator_client.post(url, data)
    assert response.status_code == 302
    requirement.refresh_from_db()
    assert (requirement.lead_time_days, requirement.edited_by_coordinator) == (28, True)
    # OSS Japan starts 2027-06-10: apply by 2027-05-13 now.
    assert due_dates(participation)[TravelStep.Kind.APPLY_VISA] == dt.date(2027, 5, 13)


def test_admin_refuses_a_lead_time_over_a_year(coordinator_client):
    requirement = TravelRequirement.objects.get(passport="CN", destination="JP")
    url = reverse("admin:events_travelrequirement_change", args=[requirement.pk])
    data, _rows = changeform_data(coordinator_client, url)
    data["lead_time_days"] = "400"
    response = coordinator_client.post(url, data)
    assert response.status_code == 200
    requirement.refresh_from_db()
    assert requirement.lead_time_days == 21


def test_requirement_changelist_shows_the_dataset_attribution(coordinator_client):
    response = coordinator_client.get(reverse("admin:events_travelrequirement_changelist"))
    assert response.status_code == 200
    assert "12 January 2025" in response.content.decode()


def test_member_cannot_open_travel_admin(member_client):
    response = member_client.get(reverse("admin:events_travelrequirement_changelist"))
    assert response.status_code == 302  # to the admin's log-in: members are not staff


def _api(client, user, path):
    client.force_login(user)
    response = client.get(path)
    client.logout()
    return response


def test_api_shows_passport_country_and_visa_status_only_to_traveller_and_coordinators(
    client, coordinator, member_user
):
    member = member_user.member
    member.passport_country = "CN"
    member.save()
    participation = trip(event_in("BE"), member)
    participation.visa_status = "applied"
    participation.needs_visa = True
    participation.save()
    other = factories.UserFactory(username="other")
    factories.MemberFactory(user=other)
    member_url = f"/api/members/{member.pk}/"
    participation_url = f"/api/participations/{participation.pk}/"
    for user, sees in ((member_user, True), (coordinator, True), (other, False)):
        body = _api(client, user, member_url).json()
        assert body["passport_country"] == ("CN" if sees else None)
        body = _api(client, user, participation_url).json()
        assert (body["visa_status"], body["needs_visa"]) == (("applied", True) if sees else (None, None))
    # Filtering by needs_visa shows another member only their own rows (no oracle).
    client.force_login(other)
    assert client.get("/api/participations/?needs_visa=true").json()["results"] == []
    client.force_login(coordinator)
    assert len(client.get("/api/participations/?needs_visa=true").json()["results"]) == 1
