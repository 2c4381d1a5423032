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


def test_api_travel_steps_only_the_travellers_own_or_all_for_coordinators(client, coordinator, member_user):
    member_user.member.passport_country = "CN"
    member_user.member.save()
    mine = trip(event_in("JP"), member_user.member)
    theirs = trip(event_in("US"), traveller())
    client.force_login(member_user)
    ids = {row["participation"] for row in client.get("/api/travel-steps/?page_size=100").json()["results"]}
    assert ids == {mine.pk}
    other_step = theirs.travel_steps.get(kind=TravelStep.Kind.APPLY_VISA)
    assert client.get(f"/api/travel-steps/{other_step.pk}/").status_code == 404
    assert client.post(f"/api/travel-steps/{other_step.pk}/state/", {"state": "done"}).status_code == 404
    own_step = mine.travel_steps.get(kind=TravelStep.Kind.APPLY_VISA)
    response = client.post(f"/api/travel-steps/{own_step.pk}/state/", {"state": "done"})
    assert (response.status_code, response.json()["state"]) == (200, "done")
    coordinator_step = mine.travel_steps.get(kind=TravelStep.Kind.FALLBACK_DECISION)
    assert (
        client.post(f"/api/travel-steps/{coordinator_step.pk}/state/", {"state": "done"}).status_code == 403
    )
    assert client.post(f"/api/travel-steps/{own_step.pk}/state/", {"state": "bogus"}).status_code == 400
    client.force_login(coordinator)
    ids = {row["participation"] for row in client.get("/api/travel-steps/?page_size=100").json()["results"]}
    assert ids == {mine.pk, theirs.pk}
    client.logout()
    assert client.get("/api/travel-steps/").status_code == 401


def test_api_requirements_members_read_coordinators_write(client, coordinator, member_user):
    requirement = TravelRequirement.objects.get(passport="CN", destination="JP")
    client.force_login(member_user)
    assert client.get(f"/api/travel-requirements/{requirement.pk}/").json()["lead_time_days"] == 21
    url = f"/api/travel-requirements/{requirement.pk}/"
    assert client.patch(url, {"lead_time_days": 28}, content_type="application/json").status_code == 403
    client.force_login(coordinator)
    response = client.patch(url, {"lead_time_days": 28}, content_type="application/json")
    assert (response.status_code, response.json()["edited_by_coordinator"]) == (200, True)
    response = client.patch(url, {"lead_time_days": 999}, content_type="application/json")
    assert response.status_code == 400
    requirement.refresh_from_db()
    assert requirement.lead_time_days == 28


def test_import_command_updates_rows_but_keeps_coordinators_edits(tmp_path, coordinator):
    from django.core.management import call_command
    from django.core.management.base import CommandError

    from events.travel.services import travel_requirement_update

    travel_requirement_update(
        user=coordinator,
        requirement=TravelRequirement.objects.get(passport="CN", destination="JP"),
        notes="ours",
    )
    newer = tmp_path / "index.csv"
    newer.write_text(
        "Passport,Destination,Requirement\nCN,JP,visa free\nCN,TH,30\nCN,XK,e-visa\nMO,JP,visa free\n"
    )
    out = __import__("io").StringIO()
    call_command("import_passport_index", str(newer), "--date", "2026-06-01", stdout=out)
    assert out.getvalue().strip() == "created=1 updated=1 kept=1"
    thailand = TravelRequirement.objects.get(passport="CN", destination="TH")
    assert (thailand.visa_free_days, str(thailand.source_date)) == (30, "2026-06-01")
    assert TravelRequirement.objects.get(passport="CN", destination="JP").kind == "e_visa"
    bad = tmp_path / "bad.csv"
    bad.write_text("Passport,Destination,Requirement\nCN,JP,maybe\n")
    with pytest.raises(CommandError, match="line 2") as error:
        call_command("import_passport_index", str(bad), "--date", "2026-06-01")
    assert error.value.returncode == 2
