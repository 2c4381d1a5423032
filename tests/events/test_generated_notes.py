"""What the portal notes on its own is read from the rows it describes, in the reader's
language, not written into free text in the acting coordinator's: a proposal merged into an
event, a deadline taken from a public tracker."""

import datetime as dt
import importlib

import pytest
from django.apps import apps
from django.urls import reverse
from django.utils import timezone
from rest_framework.test import APIClient

from events import services
from events.models import Deadline, DeadlineLink, DiscoveredDeadline, DiscoveredEntry, EntryListing, Event
from tests import factories

pytestmark = pytest.mark.django_db

RULE = "confs.tech: date only; announced zone unknown → 23:59 AoE"
migration = importlib.import_module("events.migrations.0020_generated_notes_read_not_stored")


def _page(client, event, language):
    url = reverse("events:event_detail", args=[event.pk])
    return client.get(url, HTTP_ACCEPT_LANGUAGE=language).content.decode()


# --- a proposal merged into an event ---------------------------------------------------------


@pytest.fixture
def merged(coordinator, member_user):
    kept = factories.EventFactory(name="EthCC[9]", notes="Booth budget to ask for.")
    proposal = factories.EventFactory(
        name="EthCC 2026",
        status=Event.Status.IDEA,
        proposed_by=member_user.member,
        proposal_reason="Many Web3 projects of ours go there.",
    )
    services.event_proposal_merge(user=coordinator, event=proposal, into=kept)
    return kept, proposal


def test_merging_leaves_the_kept_events_notes_as_they_were(merged):
    kept, _ = merged
    kept.refresh_from_db()
    assert kept.notes == "Booth budget to ask for."


def test_the_kept_events_page_lists_who_proposed_it_again_in_the_readers_language(coordinator_client, merged):
    kept, proposal = merged
    english = _page(coordinator_client, kept, "en")
    assert "Proposed again" in english
    assert "Member Li" in english and "Many Web3 projects of ours go there." in english
    assert reverse("events:event_detail", args=[proposal.pk]) in english
    chinese = _page(coordinator_client, kept, "zh-hans")
    assert "再次提议" in chinese and "Proposed again" not in chinese
    assert "：Many Web3 projects of ours go there." in chinese


def test_an_event_without_merged_proposals_has_no_such_list(coordinator_client):
    event = factories.EventFactory(notes="Internal.")
    assert "Proposed again" not in _page(coordinator_client, event, "en")


def test_the_public_does_not_see_merged_proposals(client, merged):
    kept, _ = merged
    kept.is_public = True
    kept.save()
    page = _page(client, kept, "en")
    assert "Proposed again" not in page and "Many Web3 projects" not in page


# --- a deadline taken from a tracker ---------------------------------------------------------


@pytest.fixture
def adopted(coordinator_client):
    source = factories.TrackerSourceFactory(name="confs-tech")
    entry = DiscoveredEntry.objects.create(
        name="Tokyo Conf", region="asia", country="JP", start_date=dt.date(2027, 5, 1),
        series="Tokyo Conf", year=2027,
    )  # fmt: skip
    listing = EntryListing.objects.create(
        entry=entry, source=source, external_id="t", name="Tokyo Conf", fingerprint="x",
        last_seen_at=timezone.now(),
    )  # fmt: skip
    DiscoveredDeadline.objects.create(
        listing=listing, kind="cfp_close", due_at=timezone.now() + dt.timedelta(days=10),
        timezone="Etc/GMT+12", is_date_only=True, rule=RULE,
    )  # fmt: skip
    coordinator_client.post(reverse("events:discover_adopt", args=[entry.pk]))
    return Event.objects.get(tracker_entries=entry)


def test_an_adopted_deadline_keeps_no_note_and_its_page_names_the_source(coordinator_client, adopted):
    deadline = adopted.deadlines.get()
    assert deadline.note == ""
    assert f"From confs-tech: {RULE}" in _page(coordinator_client, adopted, "en")
    chinese = _page(coordinator_client, adopted, "zh-hans")
    assert f"来自 confs-tech：{RULE}" in chinese and "From confs-tech" not in chinese


def test_the_api_gives_a_deadlines_source_and_null_for_one_typed_by_hand(coordinator, adopted):
    typed = factories.DeadlineFactory(event=adopted, kind="registration")
    api = APIClient()
    api.force_authenticate(coordinator)
    rows = {row["id"]: row for row in api.get("/api/deadlines/").json()["results"]}
    assert rows[adopted.deadlines.get(kind="cfp_close").pk]["source"] == {"name": "confs-tech", "rule": RULE}
    assert rows[typed.pk]["source"] is None


# --- notes written before: taken out by the migration ----------------------------------------


def test_the_migration_takes_written_lines_out_and_keeps_the_rest(merged, adopted):
    kept, _ = merged
    Event.objects.filter(pk=kept.pk).update(
        notes="Booth budget to ask for.\n\nMember Li 再次提议：Many Web3 projects of ours go there."
    )
    deadline = adopted.deadlines.get()
    Deadline.objects.filter(pk=deadline.pk).update(note=f"From confs-tech: {RULE}")
    typed = factories.DeadlineFactory(
        event=adopted, kind="registration", note="From the organisers: by mail."
    )
    edited = factories.DeadlineFactory(event=adopted, kind="notification", note="Ask Li first.")
    DeadlineLink.objects.create(deadline=edited, synced_due_at=edited.due_at)

    migration.clear_proposed_again(apps, None)
    migration.clear_from_source(apps, None)

    kept.refresh_from_db()
    assert kept.notes == "Booth budget to ask for."
    assert Deadline.objects.get(pk=deadline.pk).note == ""
    # Without a tracker link, or a note of the coordinator's own: kept.
    assert Deadline.objects.get(pk=typed.pk).note == "From the organisers: by mail."
    assert Deadline.objects.get(pk=edited.pk).note == "Ask Li first."
