"""The pages members use, at 300 events and at 5,000 events in the same run: median render
time, query count and the ratio big / small per page.

The data (tests/events/history_data.py) is a group's history: about 150 events a year, half
behind today and half ahead, four deadlines each (300 events: 1,200 deadlines; 5,000 events:
20,000), with participations, action items, proposals, volunteers, contributions and this
year's budget growing with it. Each size lives in a clone of the configured database's
throw-away test twin; the rounds alternate between the two, request by request, so that the
machine's load (it is shared) weighs on both sizes alike.

Targets (issue 14): every page within 1.5 × its own time at 300 events, and under 10 queries.
The time target is PostgreSQL's, the database production runs on (the data is analyzed first,
as autovacuum would): its planner picks by the tables' statistics how to read a list of
deadlines, from the events it belongs to or along the deadlines' dates. SQLite, the embedded
default for trying the portal, reads them from the events (a member's deadlines from each of
the member's events, the CFP board's from each event it may show), so with a member in 2,500
of the 5,000 events those pages grow with the history. On SQLite the ratios are printed for
information and only the query counts are held.
"""

import os
import statistics
import tempfile
import time

SIZES = (300, 5000)
ROUNDS = 9
MAX_RATIO = 1.5
MAX_QUERIES = 9


def _pages(events, budget_id, member_id):
    middle = events[len(events) // 2].pk
    return {
        "calendar (month)": ("member", "/"),
        "calendar (year list)": ("member", "/?view=list"),
        "CFP board": ("member", "/cfp/"),
        "event page": ("member", f"/events/{middle}/"),
        "my plan": ("member", "/me/"),
        "program": ("member", "/program/"),
        "budget report": ("coordinator", f"/budget/{budget_id}/"),
        "triage": ("coordinator", "/triage/"),
        "member's plan (other)": ("coordinator", f"/members/{member_id}/"),
    }


def _populate(count):
    """The history of `count` events in the current database; the pages to measure."""
    from django.contrib.auth.models import Group
    from django.test import Client

    from budget.models import Budget
    from events.models import Deadline
    from members.groups import COORDINATORS, ensure_standard_groups
    from tests import factories
    from tests.events.history_data import make_history

    started = time.perf_counter()
    ensure_standard_groups()
    user = factories.UserFactory(username="bench-member")
    member = factories.MemberFactory(user=user)
    boss = factories.UserFactory(username="bench-coordinator", is_staff=True)
    boss.groups.add(Group.objects.get(name=COORDINATORS))
    factories.MemberFactory(user=boss)
    events = make_history(count, member=member)
    made = time.perf_counter() - started
    _analyze()
    print(f"{count} events, {Deadline.objects.count()} deadlines: made in {made:.1f} s", flush=True)
    clients = {"member": Client(), "coordinator": Client()}
    clients["member"].force_login(user)
    clients["coordinator"].force_login(boss)
    return {
        label: (clients[who], url)
        for label, (who, url) in _pages(events, Budget.objects.get().pk, member.pk).items()
    }


def _analyze():
    """Gather the planner's statistics on the tables just filled, as a production database
    has them (PostgreSQL's autovacuum analyzes a table once a tenth of it has changed): a
    planner that knows nothing of 20,000 deadlines guesses, and a bench would measure its
    guesses rather than the pages' queries."""
    from django.db import connection

    with connection.cursor() as cursor:
        cursor.execute("ANALYZE")


def _use(settings):
    """Point the default connection at another database (connected before any timing)."""
    from django.db import connection

    connection.close()
    connection.settings_dict["NAME"] = settings["NAME"]
    connection.ensure_connection()


def _get(client, url):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    with CaptureQueriesContext(connection) as queries:
        started = time.perf_counter()
        response = client.get(url)
        elapsed = (time.perf_counter() - started) * 1000
    assert response.status_code == 200, (url, response.status_code)
    return elapsed, len(queries), len(response.content)


def _measure(databases):
    """{size: {label: (median ms, queries, bytes)}}, the sizes measured in alternation."""
    pages = {}
    for count, settings in databases.items():
        _use(settings)
        pages[count] = _populate(count)
    timings = {count: {label: [] for label in pages[count]} for count in databases}
    last = {count: {} for count in databases}
    for label in pages[SIZES[0]]:
        for count, settings in databases.items():  # warm up templates and caches
            _use(settings)
            _get(*pages[count][label])
        for _ in range(ROUNDS):
            for count, settings in databases.items():
                _use(settings)
                elapsed, queries, size = _get(*pages[count][label])
                timings[count][label].append(elapsed)
                last[count][label] = (queries, size)
    return {
        count: {label: (statistics.median(times), *last[count][label]) for label, times in by_label.items()}
        for count, by_label in timings.items()
    }


def main():
    import django

    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "tests.settings")
    django.setup()
    from django.db import connection
    from django.test.utils import setup_test_environment

    setup_test_environment()
    workdir = tempfile.TemporaryDirectory(prefix="bench-pages-")
    if connection.vendor == "sqlite":  # clones of an in-memory database cannot be opened
        connection.settings_dict["TEST"]["NAME"] = os.path.join(workdir.name, "pages.sqlite3")
    old_name = connection.creation.create_test_db(verbosity=0, autoclobber=True)
    template = connection.settings_dict["NAME"]
    databases = {}
    try:
        for count in SIZES:
            connection.creation.clone_test_db(suffix=str(count), verbosity=0, autoclobber=True)
            databases[count] = connection.creation.get_test_db_clone_settings(str(count))
        print(f"database {connection.vendor}, {ROUNDS} rounds per page (median), sizes alternating")
        results = _measure(databases)
    finally:
        _use({"NAME": template})
        for count in databases:
            connection.creation.destroy_test_db(old_database_name=template, verbosity=0, suffix=str(count))
        connection.creation.destroy_test_db(old_name, verbosity=0)
        workdir.cleanup()
    _report(results[SIZES[0]], results[SIZES[1]], timed=connection.vendor == "postgresql")


def _report(small, big, *, timed):
    """Print the figures; fail on a page over the targets (the time target only if `timed`)."""
    print(
        f"  {'page':24} {SIZES[0]:>5} ev ms  q  {SIZES[1]:>5} ev ms  q   ratio  KB(big)  verdict"
        f" (≤ {MAX_RATIO} ×, ≤ {MAX_QUERIES} queries)"
    )
    failed, slower = [], []
    for label, (small_ms, small_q, _size) in small.items():
        big_ms, big_q, big_size = big[label]
        ratio = big_ms / small_ms
        if ratio > MAX_RATIO:
            slower.append(label)
        ok = (ratio <= MAX_RATIO or not timed) and max(small_q, big_q) <= MAX_QUERIES
        if not ok:
            failed.append(label)
        verdict = "pass" if ok else "FAIL"
        if ok and not timed:
            verdict += " (queries)" if ratio <= MAX_RATIO else f" (queries; over {MAX_RATIO} ×)"
        print(
            f"  {label:24} {small_ms:9.1f} {small_q:3d}  {big_ms:9.1f} {big_q:3d}  {ratio:6.2f}"
            f"  {big_size / 1024:7.0f}  {verdict}"
        )
    if not timed:
        print(
            f"SQLite: the time target is PostgreSQL's, production's database (over {MAX_RATIO} × here:"
            f" {', '.join(slower) or 'none'}); measure it with DATABASE_URL=postgres://…"
        )
    print("all pages pass" if not failed else f"FAIL: {', '.join(failed)}")
    if failed:
        raise SystemExit(1)


if __name__ == "__main__":
    main()
