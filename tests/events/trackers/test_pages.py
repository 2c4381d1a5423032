"""The Discover page: members only, open CFPs not yet in the plan, merged entries with
their sources, filters, attribution; "Add to plan" for coordinators; the event page's
changes from a source for a coordinator to accept or dismiss."""

import datetime as dt

import pytest
from django.urls import reverse
from django.utils import timezone

from events.models import DeadlineLink, DiscoveredDeadline, DiscoveredEntry, EntryListing, Event
from events.services import deadline_set
from tests import factories

SOON = timezone.now() + dt.timedelta(days=10)


def _entry(source, name, *, due_at=SOON, region="asia", country="JP", online=False, topics="", **fields):
    entry = DiscoveredEntry.objects.create(
        name=name, region=region, country=country, online=online, topics=topics,
        start_date=dt.date(2027, 5, 1), series=name, year=2027, **fields,
    )  # fmt: skip
    listing = EntryListing.objects.create(
        entry=entry, source=source, external_id=name, name=name, fingerprint="x", last_seen_at=timezone.now()
    )
    DiscoveredDeadline.objects.create(
        listing=listing, kind="cfp_close", due_at=due_at, timezone="Etc/GMT+12", is_date_only=True,
        rule="confs.tech: date only; announced zone unknown → 23:59 AoE",
    )  # fmt: skip
    return entry


@pytest.fixture
def sources(db):
    return (
        factories.TrackerSourceFactory(name="confs-tech"),
        factories.TrackerSourceFactory(
            name="dev-events",
            kind="developers_events",
            attribution="Data from developers.events, CC BY-NC 4.0.",
        ),
    )


def test_discover_is_for_members(client, outsider, sources):
    url = reverse("events:discover")
    assert client.get(url).status_code == 302
    client.force_login(outsider)
    assert client.get(url).status_code == 403


def test_discover_lists_open_cfps_not_in_the_plan_with_sources_and_attribution(client, member_user, sources):
    tokyo = _entry(sources[0], "Tokyo Conf")
    EntryListing.objects.create(
        entry=tokyo, source=sources[1], external_id="t", name="Tokyo Conf", fingerprint="y",
        last_seen_at=timezone.now(),
    )  # fmt: skip
    _entry(sources[0], "Closed Conf", due_at=timezone.now() - dt.timedelta(days=1))
    _entry(sources[0], "Planned Conf", event=factories.EventFactory())
    client.force_login(member_user)

    response = client.get(reverse("events:discover"))

    assert [e.name for e in response.context["entries"]] == ["Tokyo Conf"]
    body = response.content.decode()
    assert "confs-tech" in body and "dev-events" in body
    assert "Data from developers.events, CC BY-NC 4.0." in body
    assert "Add to plan" not in body


@pytest.mark.parametrize(
    ("query", "names"),
    [
        ({"region": "europe"}, ["Berlin Conf"]),
        ({"country": "JP"}, ["Tokyo Conf"]),
        ({"topic": "python"}, ["Berlin Conf"]),
        ({"days_left": "5"}, ["Online Conf"]),
        ({"attendance": "online"}, ["Online Conf"]),
        ({"attendance": "in_person"}, ["Online Conf", "Tokyo Conf", "Berlin Conf"][1:]),
        ({"days_left": "many"}, ["Online Conf", "Tokyo Conf", "Berlin Conf"]),
    ],
)
def test_discover_filters(client, member_user, sources, query, names):
    _entry(sources[0], "Tokyo Conf", due_at=SOON)
    _entry(
        sources[0],
        "Berlin Conf",
        region="europe",
        country="DE",
        topics="opensource,python",
        due_at=SOON + dt.timedelta(days=1),
    )
    _entry(
        sources[0],
        "Online Conf",
        region="online",
        country="",
        online=True,
        due_at=timezone.now() + dt.timedelta(days=2),
    )
    client.force_login(member_user)

    response = client.get(reverse("events:discover"), query)

    assert response.status_code == 200
    assert [e.name for e in response.context["entries"]] == names


def test_add_to_plan_creates_a_considering_event_with_linked_deadlines(
    coordinator_client, member_user, sources
):
    entry = _entry(sources[0], "Tokyo Conf", city="Tokyo")

    response = coordinator_client.post(reverse("events:discover_adopt", args=[entry.pk]))

    event = Event.objects.get()
    assert response.url == reverse("events:event_detail", args=[event.pk])
    assert (event.status, event.city, event.country.code, event.edition_year) == (
        "considering",
        "Tokyo",
        "JP",
        2027,
    )
    deadline = event.deadlines.get()
    assert (deadline.kind, deadline.timezone, deadline.is_date_only) == ("cfp_close", "Etc/GMT+12", True)
    assert deadline.tracker_link.source_deadline.listing.entry == entry
    again = coordinator_client.post(reverse("events:discover_adopt", args=[entry.pk]), follow=True)
    assert "This conference is in the plan already." in again.content.decode()
    assert Event.objects.count() == 1


def test_member_cannot_add_to_plan(client, member_user, sources):
    entry = _entry(sources[0], "Tokyo Conf")
    client.force_login(member_user)
    response = client.post(reverse("events:discover_adopt", args=[entry.pk]), follow=True)
    assert "Only coordinators may change the calendar." in response.content.decode()
    assert Event.objects.count() == 0


def test_adopting_matches_the_event_typed_by_hand(coordinator_client, sources):
    typed = factories.EventFactory(name="FOSDEM 2027", series="FOSDEM", edition_year=2027)
    entry = _entry(sources[0], "FOSDEM")

    coordinator_client.post(reverse("events:discover_adopt", args=[entry.pk]))

    assert Event.objects.count() == 1
    entry.refresh_from_db()
    assert entry.event == typed
    assert typed.deadlines.count() == 1


def test_event_page_offers_a_hand_edited_change_to_accept_or_dismiss(
    coordinator_client, coordinator, sources
):
    entry = _entry(sources[0], "Tokyo Conf")
    coordinator_client.post(reverse("events:discover_adopt", args=[entry.pk]))
    event = Event.objects.get()
    deadline = event.deadlines.get()
    deadline_set(user=coordinator, event=event, kind="cfp_close", deadline=deadline,
                 local=dt.datetime(2027, 1, 1, 12, 0), zone="Asia/Tokyo")  # fmt: skip
    link = DeadlineLink.objects.get()
    link.pending_due_at, link.pending_timezone, link.pending_source = (
        SOON + dt.timedelta(days=7),
        "Etc/GMT+12",
        "x",
    )
    link.pending_rule = "confs.tech: date only"
    link.save()

    page = coordinator_client.get(reverse("events:event_detail", args=[event.pk])).content.decode()
    assert "was edited by hand" in page

    coordinator_client.post(reverse("events:tracker_dismiss", args=[link.pk]))
    link.refresh_from_db()
    deadline.refresh_from_db()
    assert link.pending_due_at is None
    assert deadline.due_at == dt.datetime(2027, 1, 1, 3, 0, tzinfo=dt.UTC)


def test_unlink_stops_following_and_prevents_matching(coordinator_client, sources):
    entry = _entry(sources[0], "Tokyo Conf")
    coordinator_client.post(reverse("events:discover_adopt", args=[entry.pk]))
    coordinator_client.post(reverse("events:discover_unlink", args=[entry.pk]))
    entry.refresh_from_db()
    assert (entry.event, entry.unlinked, DeadlineLink.objects.count()) == (None, True, 0)
    assert Event.objects.get().deadlines.count() == 1


def test_a_member_proposes_a_discovered_conference_through_the_proposal_flow(client, member_user, sources):
    entry = _entry(sources[0], "Tokyo Conf", city="Tokyo", url="https://tokyo.example.org/")
    client.force_login(member_user)
    body = client.get(reverse("events:discover")).content.decode()
    link = f"{reverse('events:event_propose')}?from_entry={entry.pk}"
    assert f'href="{link}"' in body
    form = client.get(link).context["form"]
    assert (form["name"].value(), form["city"].value(), form["website_url"].value()) == (
        "Tokyo Conf",
        "Tokyo",
        "https://tokyo.example.org/",
    )
    assert (form["date_precision"].value(), str(form["start_date"].value())) == ("exact", "2027-05-01")
    for junk in ("abc", "99999999999999999999999", "0"):
        assert client.get(f"{reverse('events:event_propose')}?from_entry={junk}").status_code == 200


def test_without_sources_discover_says_why_it_is_empty_once(client, member_user, coordinator):
    client.force_login(member_user)
    page = client.get(reverse("events:discover"), HTTP_ACCEPT_LANGUAGE="en").content.decode()
    assert "No conference trackers are set up yet" in page
    assert "Propose one of these" not in page and "No open CFPs found" not in page
    assert "Add a tracker source" not in page
    client.force_login(coordinator)
    page = client.get(reverse("events:discover"), HTTP_ACCEPT_LANGUAGE="en").content.decode()
    assert reverse("admin:events_trackersource_changelist") in page
