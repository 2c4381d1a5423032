"""Coordinators set up tracker sources in admin (through the trackers' services) and read
one at once; runs, discovered conferences and notices are shown read-only."""

import pytest
from django.urls import reverse

from events.models import TrackerRun, TrackerSource
from members.groups import ensure_standard_groups
from tests import factories

from .helpers import TrackerSite, copy_snapshots

SOURCE = {
    "name": "confs-tech-opensource",
    "kind": "confs_tech",
    "topics": "opensource",
    "regions": "",
    "active": "on",
    "attribution": "Conference data from confs.tech, MIT licence.",
    "licence": "MIT",
}


@pytest.fixture
def coordinator_perms(db):
    ensure_standard_groups()


def test_a_coordinator_adds_a_source_and_reads_it_now(coordinator_perms, coordinator_client, tmp_path):
    with TrackerSite(copy_snapshots(tmp_path)) as site:
        url = site.url("confs-tech/2026-opensource.json")
        response = coordinator_client.post(reverse("admin:events_trackersource_add"), {**SOURCE, "url": url})
        assert response.status_code == 302, response.content.decode()[:2000]
        source = TrackerSource.objects.get(name="confs-tech-opensource")
        response = coordinator_client.post(
            reverse("admin:events_trackersource_changelist"),
            {"action": "sync_now", "_selected_action": [source.pk]},
            follow=True,
        )
        messages = [str(m) for m in response.context["messages"]]
        again = coordinator_client.post(
            reverse("admin:events_trackersource_changelist"),
            {"action": "sync_now", "_selected_action": [source.pk]},
            follow=True,
        )
    assert messages[-1] == "confs-tech-opensource: Done — 33 read, 33 new, 0 updated, 0 skipped."
    runs = list(TrackerRun.objects.order_by("started_at").values_list("status", flat=True))
    assert runs == [TrackerRun.Status.DONE, TrackerRun.Status.NOT_MODIFIED]
    assert site.answers == [200, 304]
    assert again.status_code == 200
    listing = coordinator_client.get(reverse("admin:events_trackersource_changelist")).content.decode()
    assert "confs-tech-opensource" in listing


def test_a_changed_url_forgets_the_conditional_get(coordinator_perms, coordinator_client):
    source = TrackerSource.objects.create(
        name="lf", kind="lf_events", url="https://example.org/a.json", attribution="LF", etag='"x"'
    )
    change = reverse("admin:events_trackersource_change", args=[source.pk])
    data = {**SOURCE, "name": "lf", "kind": "lf_events", "url": "https://example.org/b.json"}
    assert coordinator_client.post(change, data).status_code == 302
    source.refresh_from_db()
    assert (source.url, source.etag) == ("https://example.org/b.json", "")


def test_a_bad_source_is_a_form_error(coordinator_perms, coordinator_client):
    response = coordinator_client.post(
        reverse("admin:events_trackersource_add"), {**SOURCE, "url": "not a url", "kind": "nonsense"}
    )
    assert response.status_code == 200
    assert not TrackerSource.objects.exists()


def test_members_cannot_reach_the_sources_admin(db, client):
    member = factories.MemberFactory(user=factories.UserFactory(is_staff=True))
    client.force_login(member.user)
    assert client.get(reverse("admin:events_trackersource_changelist")).status_code == 403
