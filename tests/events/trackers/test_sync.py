"""Each adapter on the real tracker snapshots, served by a local HTTP server; the 304 path;
a second run that changes nothing; a changed file that moves exactly one deadline."""

import datetime as dt
import json

import pytest
from django.core import mail

from events.models import (
    Deadline,
    DeadlineLink,
    DiscoveredDeadline,
    DiscoveredEntry,
    EntryListing,
    Reminder,
    TrackerNotice,
    TrackerRun,
)
from events.trackers.notices import tracker_notices_send
from events.trackers.services import tracker_entry_adopt
from events.trackers.sync import tracker_source_sync
from tests import factories

from .helpers import SNAPSHOT_FILES, TrackerSite, copy_snapshots

NOW = dt.datetime(2026, 8, 20, 12, 0, tzinfo=dt.UTC)


@pytest.fixture
def site(tmp_path):
    copy_snapshots(tmp_path)
    with TrackerSite(tmp_path) as served:
        yield served


@pytest.mark.django_db
@pytest.mark.parametrize("name", list(SNAPSHOT_FILES))
def test_snapshot_imports_every_record_then_answers_304(site, name):
    kind, relative, count = SNAPSHOT_FILES[name]
    source = factories.TrackerSourceFactory(name=name, kind=kind, url=site.url(relative))

    first = tracker_source_sync(source=source, now=NOW)
    assert (first.status, first.fetched, first.created, first.failed) == ("done", count, count, 0)
    assert EntryListing.objects.filter(source=source).count() == count
    source.refresh_from_db()
    assert source.etag.startswith('"')

    second = tracker_source_sync(source=source, now=NOW)
    assert second.status == TrackerRun.Status.NOT_MODIFIED
    assert site.answers == [200, 304]


@pytest.mark.django_db
def test_python_deadlines_local_time_in_its_zone_and_aoe_when_absent(site):
    kind, relative, _count = SNAPSHOT_FILES["python-deadlines"]
    source = factories.TrackerSourceFactory(name="pd", kind=kind, url=site.url(relative))
    tracker_source_sync(source=source, now=NOW)

    wroclaw = DiscoveredDeadline.objects.get(listing__name="PyCon Wroclaw 2026", kind="cfp_close")
    assert wroclaw.due_at == dt.datetime(2026, 9, 30, 21, 59, tzinfo=dt.UTC)
    assert wroclaw.timezone == "Europe/Warsaw"
    assert wroclaw.rule == "python-deadlines cfp: 2026-09-30 23:59 Europe/Warsaw"

    lithuania = DiscoveredDeadline.objects.get(listing__name="PyCon Lithuania 2027", kind="cfp_close")
    assert lithuania.due_at == dt.datetime(2027, 1, 14, 11, 59, tzinfo=dt.UTC)
    assert lithuania.timezone == "Etc/GMT+12"
    assert lithuania.rule == "python-deadlines cfp: 2027-01-13 23:59 no zone given → AoE"


@pytest.mark.django_db
def test_confs_tech_date_only_closes_at_2359_aoe(site):
    kind, relative, _count = SNAPSHOT_FILES["confs-tech-opensource"]
    source = factories.TrackerSourceFactory(name="ct", kind=kind, url=site.url(relative))
    tracker_source_sync(source=source, now=NOW)

    cern = DiscoveredDeadline.objects.get(listing__name="CERN PGDay")
    assert cern.due_at == dt.datetime(2025, 12, 8, 11, 59, tzinfo=dt.UTC)
    assert cern.is_date_only is True
    assert cern.rule == "confs.tech: 2025-12-07, date only; announced zone unknown → 23:59 AoE"


@pytest.mark.django_db
def test_the_same_conference_in_two_sources_is_one_entry(site):
    for name in ("developers-events-cfps", "developers-events"):
        kind, relative, _count = SNAPSHOT_FILES[name]
        source = factories.TrackerSourceFactory(name=name, kind=kind, url=site.url(relative))
        tracker_source_sync(source=source, now=NOW)

    dataxday = DiscoveredEntry.objects.filter(name="DataXDay", year=2019)
    assert dataxday.count() == 1
    assert sorted(dataxday.get().listings.values_list("source__name", flat=True)) == [
        "developers-events",
        "developers-events-cfps",
    ]


def _extend(path, name, days):
    """Move one confs.tech CFP by `days`, as the tracker would when it is extended."""
    records = json.loads(path.read_text())
    for record in records:
        if record["name"] == name:
            day = dt.date.fromisoformat(record["cfpEndDate"]) + dt.timedelta(days=days)
            record["cfpEndDate"] = day.isoformat()
    path.write_text(json.dumps(records, ensure_ascii=False, indent=2))


@pytest.mark.django_db
def test_second_run_changes_nothing_and_an_extension_moves_one_deadline_once(
    site, tmp_path, coordinator, django_capture_on_commit_callbacks
):
    kind, relative, count = SNAPSHOT_FILES["python-deadlines"]
    source = factories.TrackerSourceFactory(name="pd", kind=kind, url=site.url(relative))
    tracker_source_sync(source=source, now=NOW)
    entry = DiscoveredEntry.objects.get(name="PyCon Lithuania 2027")
    event = tracker_entry_adopt(user=coordinator, entry=entry)
    deadline = Deadline.objects.get(event=event)
    assert deadline.due_at == dt.datetime(2027, 1, 14, 11, 59, tzinfo=dt.UTC)
    person = factories.MemberFactory(email="li@example.org")
    factories.ParticipationFactory(event=event, member=person)

    # The same file read again (the ETag forgotten, so the body comes back): nothing changes.
    source.etag = source.last_modified = ""
    second = tracker_source_sync(source=source, now=NOW)
    assert (second.fetched, second.unchanged, second.created, second.updated) == (count, count, 0, 0)
    deadline.refresh_from_db()
    assert deadline.sequence == 0
    assert TrackerNotice.objects.count() == 0

    # One CFP extended by a week.
    path = tmp_path / relative
    text = path.read_text()
    assert text.count("cfp: '2027-01-13 23:59:00'") == 1
    path.write_text(text.replace("cfp: '2027-01-13 23:59:00'", "cfp: '2027-01-20 23:59:00'"))
    with django_capture_on_commit_callbacks(execute=False):
        third = tracker_source_sync(source=source, now=NOW)
    assert (third.updated, third.unchanged) == (1, count - 1)
    deadline.refresh_from_db()
    assert deadline.due_at == dt.datetime(2027, 1, 21, 11, 59, tzinfo=dt.UTC)
    assert deadline.sequence == 1
    assert Deadline.objects.filter(event=event).count() == 1
    assert DeadlineLink.objects.get(deadline=deadline).synced_due_at == deadline.due_at
    assert list(TrackerNotice.objects.values_list("member_id", flat=True)) == [person.pk]
    planned = Reminder.objects.filter(deadline=deadline, state=Reminder.State.PENDING)
    assert planned.exists()
    assert set(planned.values_list("deadline_due_at", flat=True)) == {deadline.due_at}

    assert tracker_notices_send() == (1, 0)
    assert tracker_notices_send() == (0, 0)
    assert len(mail.outbox) == 1
    assert "2027-01-20 23:59 AoE" in mail.outbox[0].body
    assert "was 2027-01-13 23:59 AoE" in mail.outbox[0].body
    assert "pd now says" in mail.outbox[0].body

    # And the run after that: nothing more.
    source.etag = ""
    tracker_source_sync(source=source, now=NOW)
    deadline.refresh_from_db()
    assert (deadline.sequence, TrackerNotice.objects.count()) == (1, 1)


@pytest.mark.django_db
def test_a_hand_edited_deadline_is_not_overwritten_but_proposed(site, tmp_path, coordinator):
    from events.services import deadline_set
    from events.trackers.services import tracker_change_accept

    kind, relative, _count = SNAPSHOT_FILES["confs-tech-opensource"]
    source = factories.TrackerSourceFactory(name="ct", kind=kind, url=site.url(relative))
    tracker_source_sync(source=source, now=NOW)
    event = tracker_entry_adopt(user=coordinator, entry=DiscoveredEntry.objects.get(name="CERN PGDay"))
    deadline = Deadline.objects.get(event=event)
    deadline_set(
        user=coordinator, event=event, kind=deadline.kind, deadline=deadline,
        local=dt.datetime(2025, 12, 5, 18, 0), zone="Europe/Zurich",
    )  # fmt: skip
    hand = deadline.due_at

    _extend(tmp_path / relative, "CERN PGDay", 7)
    tracker_source_sync(source=source, now=NOW)
    deadline.refresh_from_db()
    link = DeadlineLink.objects.get(deadline=deadline)
    assert deadline.due_at == hand
    assert link.pending_due_at == dt.datetime(2025, 12, 15, 11, 59, tzinfo=dt.UTC)
    assert link.pending_source == "ct"
    assert TrackerNotice.objects.count() == 0

    tracker_change_accept(user=coordinator, link=link)
    deadline.refresh_from_db()
    assert deadline.due_at == dt.datetime(2025, 12, 15, 11, 59, tzinfo=dt.UTC)
    assert DeadlineLink.objects.get(deadline=deadline).pending_due_at is None


@pytest.mark.django_db
def test_a_deadline_removed_at_the_source_is_flagged_not_deleted(site, tmp_path, coordinator):
    kind, relative, _count = SNAPSHOT_FILES["confs-tech-opensource"]
    source = factories.TrackerSourceFactory(name="ct", kind=kind, url=site.url(relative))
    tracker_source_sync(source=source, now=NOW)
    event = tracker_entry_adopt(user=coordinator, entry=DiscoveredEntry.objects.get(name="CERN PGDay"))

    path = tmp_path / relative
    records = json.loads(path.read_text())
    del next(r for r in records if r["name"] == "CERN PGDay")["cfpEndDate"]
    path.write_text(json.dumps(records))
    tracker_source_sync(source=source, now=NOW)

    deadline = Deadline.objects.get(event=event)
    assert deadline.tracker_link.source_removed_at == NOW
    assert DiscoveredDeadline.objects.get(listing__name="CERN PGDay").removed_at == NOW
