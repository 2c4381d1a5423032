"""/healthz and the admin's warning when reminders stop going out."""

import datetime as dt

import pytest
from django.utils import timezone

from events.models import DispatchHeartbeat
from events.reminders.dispatch import reminders_dispatch


@pytest.mark.django_db
def test_healthz_fails_until_a_dispatch_pass_has_run_then_passes(client):
    response = client.get("/healthz")
    assert response.status_code == 503
    body = response.json()
    assert body["status"] == "failing"
    assert body["database"] == {"ok": True}
    assert body["broker"]["ok"] is True
    assert body["dispatch"]["ok"] is False and body["dispatch"]["last"] is None

    reminders_dispatch()
    response = client.get("/healthz")
    assert response.status_code == 200, response.json()
    assert response.json()["dispatch"]["age_seconds"] < 60
    assert response["Cache-Control"].startswith("max-age=0")


@pytest.mark.django_db
def test_healthz_reports_a_late_dispatch(client):
    DispatchHeartbeat.objects.create(pk=1, finished_at=timezone.now() - dt.timedelta(minutes=20))
    response = client.get("/healthz")
    assert response.status_code == 503
    assert response.json()["dispatch"]["ok"] is False
    assert response.json()["dispatch"]["age_seconds"] >= 20 * 60


def test_admin_warns_coordinators_when_dispatch_is_late(coordinator_client):
    DispatchHeartbeat.objects.create(pk=1, finished_at=timezone.now() - dt.timedelta(minutes=20))
    page = coordinator_client.get("/admin/").content.decode()
    assert "Reminders are not being sent: the last dispatch pass finished 20" in page
    DispatchHeartbeat.objects.filter(pk=1).update(finished_at=timezone.now())
    assert "Reminders are not being sent" not in coordinator_client.get("/admin/").content.decode()
