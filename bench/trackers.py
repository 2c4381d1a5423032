"""Tracker import: every snapshot in ../shared/trackers (837 records in five files) read
into an empty database, then a second run of the same files (no change), on a throwaway
database (never the developer's).

Measures, per source and in all: wall time, SQL queries, and both per record.
Targets: the no-change run of all records <= 2 s; its queries per source constant (the
same whatever the number of records: checked by running the first 10 % of a file too).
"""

import datetime as dt
import json
import os
import tempfile
import time
from pathlib import Path

SNAPSHOTS = Path(
    os.environ.get(
        "TRACKER_SNAPSHOTS",
        Path(__file__).resolve().parents[1] / "tests" / "events" / "trackers" / "fixtures" / "snapshots",
    )
)
FILES = [
    ("confs-tech-opensource", "confs_tech", "confs-tech/2026-opensource.json"),
    ("confs-tech-general", "confs_tech", "confs-tech/2026-general.json"),
    ("python-deadlines", "python_deadlines", "python-deadlines/conferences.yml"),
    ("developers-events-cfps", "developers_events_cfps", "developers-events/all-cfps.json"),
    ("developers-events", "developers_events", "developers-events/all-events.sample.json"),
]
TARGET_NO_CHANGE_SECONDS = 2.0
NOW = dt.datetime(2026, 8, 20, tzinfo=dt.UTC)


def _setup_django():
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "intl_portal.settings")
    os.environ.setdefault("DJANGO_DEBUG", "1")
    import django

    django.setup()


def _run_all(sources, paths, connection):
    from django.test.utils import CaptureQueriesContext

    from events.trackers.sync import tracker_source_sync

    rows, total_wall, total_records = [], 0.0, 0
    for source in sources:
        with CaptureQueriesContext(connection) as queries:
            started = time.perf_counter()
            run = tracker_source_sync(source=source, path=paths[source.name], now=NOW)
            wall = time.perf_counter() - started
        rows.append((source.name, run, wall, len(queries)))
        total_wall += wall
        total_records += run.fetched
    return rows, total_wall, total_records


def _print(title, rows, total_wall, total_records):
    print(title)
    for name, run, wall, queries in rows:
        print(
            f"  {name:24} records={run.fetched:4} created={run.created:4} updated={run.updated:3} "
            f"unchanged={run.unchanged:4} failed={run.failed} {wall * 1000:7.1f} ms "
            f"({wall * 1e6 / max(run.fetched, 1):6.0f} µs/record) queries={queries}"
        )
    print(f"  all: {total_records} records in {total_wall:.2f} s")


def main():
    _setup_django()
    from django.db import connection
    from django.test.utils import setup_databases, setup_test_environment, teardown_databases

    from events.models import TrackerSource

    setup_test_environment(debug=False)
    scratch = tempfile.TemporaryDirectory()
    connection.settings_dict.setdefault("TEST", {})["NAME"] = (
        os.path.join(scratch.name, "bench.sqlite3")
        if connection.vendor == "sqlite"
        else f"bench_trackers_{connection.settings_dict['NAME']}"
    )
    old_config = setup_databases(verbosity=0, interactive=False)
    try:
        paths = {name: SNAPSHOTS / relative for name, _kind, relative in FILES}
        sources = [
            TrackerSource.objects.create(name=name, kind=kind, url="https://example.org/", attribution=name)
            for name, kind, _relative in FILES
        ]
        first = _run_all(sources, paths, connection)
        _print(f"(a) first import into an empty {connection.vendor} database", *first)
        second = _run_all(sources, paths, connection)
        _print("(b) the same files again (no change)", *second)

        # Constant queries: a tenth of a file costs the same number of queries when unchanged.
        small_dir = Path(scratch.name)
        small = {}
        for name, kind, relative in FILES:
            if kind == "python_deadlines":
                continue
            records = json.loads((SNAPSHOTS / relative).read_text())
            small[name] = small_dir / f"{name}.json"
            small[name].write_text(json.dumps(records[: max(len(records) // 10, 1)]))
        small_sources = [
            TrackerSource.objects.create(name=f"{s.name}-small", kind=s.kind, url=s.url, attribution="x")
            for s in sources
            if s.name in small
        ]
        small_paths = {f"{name}-small": path for name, path in small.items()}
        _run_all(small_sources, small_paths, connection)
        small_rows, _wall, _records = _run_all(small_sources, small_paths, connection)
        full_queries = {name: queries for name, _run, _wall, queries in second[0]}
        constant = all(
            queries == full_queries[name.removesuffix("-small")] for name, _r, _w, queries in small_rows
        )
        print(
            "(c) no-change queries, a tenth of each file vs the whole: "
            + ", ".join(
                f"{n.removesuffix('-small')} {q} vs {full_queries[n.removesuffix('-small')]}"
                for n, _r, _w, q in small_rows
            )
        )
        ok = second[1] <= TARGET_NO_CHANGE_SECONDS and constant
        print(
            f"targets: no-change run {second[1]:.2f} s <= {TARGET_NO_CHANGE_SECONDS} s, "
            f"queries per source constant: {constant} → {'OK' if ok else 'MISSED'}"
        )
        if not ok:
            raise SystemExit(1)
    finally:
        teardown_databases(old_config, verbosity=0)
        scratch.cleanup()
