"""The API exposes sources, runs and discovered conferences read-only, to members."""

import datetime as dt
from pathlib import Path

import pytest

from events.trackers.sync import tracker_source_sync
from tests import factories

FIXTURES = Path(__file__).parent / "fixtures"


@pytest.fixture
def imported(db):
    source = factories.TrackerSourceFactory(name="lf", kind="lf_events", attribution="LF events data.")
    tracker_source_sync(
        source=source, path=FIXTURES / "lf-events.json", now=dt.datetime(2026, 8, 1, tzinfo=dt.UTC)
    )
    return source


def test_members_read_sources_runs_and_entries_with_attribution(client, member_user, imported):
    client.force_login(member_user)
    assert client.get("/api/tracker-sources/").json()["results"][0]["attribution"] == "LF events data."
    run = client.get("/api/tracker-runs/").json()["results"][0]
    assert (run["source"], run["created"], run["failed"]) == ("lf", 2, 2)
    entries = client.get("/api/discovered-entries/?region=asia").json()["results"]
    japan = next(e for e in entries if e["name"] == "Open Source Summit Japan 2027")
    assert japan["listings"][0]["attribution"] == "LF events data."
    assert japan["listings"][0]["deadlines"][0]["rule"].endswith(
        "date only; announced zone unknown → 23:59 AoE"
    )


def test_the_api_is_read_only_and_for_members(client, coordinator, outsider, imported):
    assert client.get("/api/discovered-entries/").status_code == 401
    client.force_login(outsider)
    assert client.get("/api/tracker-runs/").status_code == 403
    client.force_login(coordinator)
    assert client.post("/api/tracker-sources/", {"name": "x"}).status_code == 405
    assert client.delete(f"/api/tracker-sources/{imported.pk}/").status_code == 405
