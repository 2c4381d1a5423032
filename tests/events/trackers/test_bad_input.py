"""Bad files and bad records: each bad record reported with its reason, the rest imported,
a file that cannot be read changes nothing; the command exits with 2 and says why."""

import datetime as dt
import json
from pathlib import Path

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError

from events.models import DiscoveredDeadline, DiscoveredEntry, EntryListing, TrackerRun
from events.trackers.sync import tracker_source_sync
from tests import factories

from .helpers import SNAPSHOTS

FIXTURES = Path(__file__).parent / "fixtures"
NOW = dt.datetime(2026, 8, 20, tzinfo=dt.UTC)


@pytest.mark.django_db
def test_lf_events_fixture_imports_good_records_and_reports_bad_ones():
    source = factories.TrackerSourceFactory(name="lf", kind="lf_events")
    run = tracker_source_sync(source=source, path=FIXTURES / "lf-events.json", now=NOW)

    assert (run.fetched, run.created, run.failed) == (4, 2, 2)
    assert run.failures == [
        {
            "record": "#3 Open Source Summit Europe 2027",
            "reason": "endDate 2027-10-03 is before startDate 2027-10-05",
        },
        {
            "record": "#4 OpenSSF Community Day 2027",
            "reason": "cfp_date_end: “2027-02-30” is not a valid date",
        },
    ]
    japan = DiscoveredEntry.objects.get(name="Open Source Summit Japan 2027")
    assert (japan.country.code, japan.region, japan.city) == ("JP", "asia", "Tokyo")
    kinds = dict(DiscoveredDeadline.objects.filter(listing__entry=japan).values_list("kind", "due_at"))
    assert kinds == {
        "cfp_open": dt.datetime(2027, 6, 2, 11, 59, tzinfo=dt.UTC),
        "cfp_close": dt.datetime(2027, 8, 21, 11, 59, tzinfo=dt.UTC),
    }
    assert DiscoveredEntry.objects.get(name__startswith="KubeCon").region == "asia"


def _confs_tech(tmp_path, records):
    path = tmp_path / "bad.json"
    path.write_text(json.dumps(records) if not isinstance(records, str) else records)
    return path


@pytest.mark.django_db
def test_wrong_types_and_impossible_dates_are_reported_and_the_rest_imported(tmp_path):
    good = {"name": "Good Conf", "url": "https://good.example", "startDate": "2027-03-01", "city": "Paris",
            "country": "France", "cfpEndDate": "2027-01-10"}  # fmt: skip
    records = [
        good,
        {"name": "Feb Conf", "startDate": "2026-02-30"},
        {"name": ["not", "text"], "startDate": "2027-01-01"},
        {"name": "Online Flag", "startDate": "2027-01-01", "online": "yes"},
        {"name": "Numbers", "startDate": 20270101},
        "just a string",
    ]
    source = factories.TrackerSourceFactory(name="ct")
    run = tracker_source_sync(source=source, path=_confs_tech(tmp_path, records), now=NOW)

    assert (run.status, run.fetched, run.created, run.failed) == ("done", 6, 1, 5)
    assert [f["reason"] for f in run.failures] == [
        "startDate: “2026-02-30” is not a valid date",
        "name: expected text, got list",
        "online: expected true or false, got str",
        "startDate: expected a date, got int",
        "expected an object, got str",
    ]
    assert list(EntryListing.objects.values_list("name", flat=True)) == ["Good Conf"]


@pytest.mark.django_db
def test_unknown_zone_in_python_deadlines_is_reported(tmp_path):
    path = tmp_path / "pd.yml"
    common = "  place: Tokyo, Japan\n  start: 2027-03-01\n  end: 2027-03-02\n  sub: PY\n"
    path.write_text(
        "---\n- conference: GoodCon\n  year: 2027\n  link: https://good.example/\n"
        "  cfp: '2027-01-10 12:00:00'\n  timezone: Asia/Tokyo\n"
        + common
        + "- conference: ZoneCon\n  year: 2027\n  link: https://zone.example/\n"
        "  cfp: '2027-01-10 12:00:00'\n  timezone: Mars/Olympus_Mons\n" + common
    )
    source = factories.TrackerSourceFactory(name="pd", kind="python_deadlines")
    run = tracker_source_sync(source=source, path=path, now=NOW)

    assert (run.created, run.failed) == (1, 1)
    assert run.failures == [
        {"record": "#2 ZoneCon", "reason": "timezone: “Mars/Olympus_Mons” is not a known IANA zone"}
    ]
    good = DiscoveredDeadline.objects.get()
    assert good.due_at == dt.datetime(2027, 1, 10, 3, 0, tzinfo=dt.UTC)


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("kind", "body", "reason"),
    [
        ("confs_tech", None, "not valid JSON"),  # truncated real file
        ("confs_tech", b"\x00\xff" * (5 * 1024 * 1024), "not UTF-8 text"),  # 10 MB of junk
        ("developers_events_cfps", b"{" * (10 * 1024 * 1024), "not valid JSON"),  # 10 MB, nested
        ("python_deadlines", b"- conference: [unclosed\n  year: :::\n", "not valid YAML"),
        ("developers_events", b'{"name": "not a list"}', "expected a list of records, got dict"),
    ],
)
def test_an_unreadable_file_fails_the_run_and_changes_nothing(tmp_path, kind, body, reason):
    source = factories.TrackerSourceFactory(name="src", kind=kind)
    good = tmp_path / "good.json"
    good.write_bytes((SNAPSHOTS / "confs-tech/2026-opensource.json").read_bytes())
    if kind == "confs_tech":
        tracker_source_sync(source=source, path=good, now=NOW)
    before = (
        DiscoveredEntry.objects.count(),
        EntryListing.objects.count(),
        DiscoveredDeadline.objects.count(),
    )
    if body is None:
        body = good.read_bytes()[:5000]
    bad = tmp_path / "bad"
    bad.write_bytes(body)

    run = tracker_source_sync(source=source, path=bad, now=NOW)

    assert run.status == TrackerRun.Status.FAILED
    assert reason in run.error
    after = (
        DiscoveredEntry.objects.count(),
        EntryListing.objects.count(),
        DiscoveredDeadline.objects.count(),
    )
    assert after == before
    assert not EntryListing.objects.filter(removed_at__isnull=False).exists()


@pytest.mark.django_db
def test_command_reports_each_source_and_exits_2_on_bad_input(tmp_path, capsys):
    factories.TrackerSourceFactory(name="lf", kind="lf_events")
    call_command("sync_trackers", "--source", "lf", "--file", str(FIXTURES / "lf-events.json"))
    out = capsys.readouterr().out
    assert "lf: done fetched=4 created=2 updated=0 unchanged=0 removed=0 failed=2" in out
    assert "skipped #4 OpenSSF Community Day 2027: cfp_date_end: “2027-02-30” is not a valid date" in out

    with pytest.raises(CommandError) as error:
        call_command("sync_trackers", "--source", "nope")
    assert (error.value.returncode, str(error.value)) == (2, "No tracker source is called “nope”.")

    with pytest.raises(CommandError) as error:
        call_command("sync_trackers", "--source", "lf", "--file", str(tmp_path / "missing.json"))
    assert error.value.returncode == 2

    bad = tmp_path / "bad.json"
    bad.write_text("[{")
    with pytest.raises(CommandError) as error:
        call_command("sync_trackers", "--source", "lf", "--file", str(bad))
    assert error.value.returncode == 2
    assert "not valid JSON" in str(error.value)
