"""Benchmark: 10,000 due reminders dispatched with the locmem e-mail backend.

Runs on a throwaway database `bench_reminders_<pid>` created next to DATABASE_URL's
(PostgreSQL; never the developer's database), dropped afterwards. Two dispatcher
processes race over the same rows; the figure is reminders per second over the whole
pass, and duplicates are counted from the messages each process delivered.
Target: ≥ 500 reminders/s with 0 duplicates.
"""

import collections
import datetime as dt
import multiprocessing
import os
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
TOTAL = 10_000
DISPATCHERS = 2
AT = dt.datetime(2025, 6, 29, 6, 59, tzinfo=dt.UTC)


def _setup_django(database_url):
    sys.path.insert(0, str(ROOT))
    os.environ["DATABASE_URL"] = database_url
    os.environ.setdefault("DJANGO_DEBUG", "1")
    os.environ["DJANGO_SETTINGS_MODULE"] = "tests.settings"  # locmem e-mail backend
    import django

    django.setup()


def _dispatcher(database_url, start_event, queue):
    _setup_django(database_url)
    from django.core import mail

    from events.reminders.dispatch import reminders_dispatch

    mail.outbox = []
    start_event.wait()
    began = time.perf_counter()
    result = reminders_dispatch(now=AT, batch_size=200)
    queue.put((result.sent, time.perf_counter() - began, [m.to[0] for m in mail.outbox]))


def main():
    base = os.environ.get("DATABASE_URL", "")
    if not base.startswith("postgres"):
        print("bench/reminders: skipped (needs DATABASE_URL=postgres://…)")
        return
    import psycopg

    prefix, _, _name = base.rpartition("/")
    name = f"bench_reminders_{os.getpid()}"
    admin_url = f"{prefix}/postgres"
    with psycopg.connect(admin_url, autocommit=True) as conn:
        conn.execute(f'CREATE DATABASE "{name}"')
    url = f"{prefix}/{name}"
    try:
        _run(url)
    finally:
        from django.db import connections

        connections.close_all()
        with psycopg.connect(admin_url, autocommit=True) as conn:
            conn.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


def _run(url):
    _setup_django(url)
    from django.core.management import call_command
    from django.db import connections

    from events.models import Deadline, Event, Reminder
    from events.models.reminder_settings import ReminderDefaults
    from members.models import Member

    call_command("migrate", verbosity=0)
    ReminderDefaults.objects.create(offsets="1d")
    members = Member.objects.bulk_create(
        Member(display_name=f"Bench member {i}", email=f"bench{i}@example.org", preferred_language=lang)
        for i, lang in zip(range(2000), ["en", "zh-hans"] * 1000, strict=True)
    )
    events = Event.objects.bulk_create(
        Event(name=f"Bench conference {i}", status=Event.Status.PLANNED) for i in range(5)
    )
    deadlines = Deadline.objects.bulk_create(
        Deadline(event=e, due_at=AT + dt.timedelta(days=1), timezone="Asia/Seoul") for e in events
    )
    Reminder.objects.bulk_create(
        Reminder(
            deadline=d,
            member=m,
            via="email",
            offset=dt.timedelta(days=1),
            deadline_due_at=d.due_at,
            send_at=AT,
            not_before=AT,
            label=str(d.event),
        )
        for d in deadlines
        for m in members
    )
    assert Reminder.objects.filter(state="pending").count() == TOTAL
    connections.close_all()

    ctx = multiprocessing.get_context("spawn")
    start, queue = ctx.Event(), ctx.Queue()
    workers = [ctx.Process(target=_dispatcher, args=(url, start, queue)) for _ in range(DISPATCHERS)]
    for worker in workers:
        worker.start()
    time.sleep(2)  # let both import Django
    began = time.perf_counter()
    start.set()
    results = [queue.get(timeout=600) for _ in workers]
    elapsed = time.perf_counter() - began
    for worker in workers:
        worker.join()
    delivered = collections.Counter()
    for _sent, _secs, recipients in results:
        delivered.update(recipients)
    # Each (member, deadline) pair is one reminder: count messages per reminder.
    total_messages = sum(len(r[2]) for r in results)
    sent = Reminder.objects.filter(state="sent").count()
    duplicates = total_messages - sent
    print(
        f"reminders: {TOTAL} due, {DISPATCHERS} dispatchers (PostgreSQL, locmem e-mail): "
        f"{elapsed:.2f} s, {TOTAL / elapsed:.0f} reminders/s (target ≥ 500); "
        f"per dispatcher sent={[r[0] for r in results]}; "
        f"messages={total_messages} rows sent={sent} duplicates={duplicates}"
    )


if __name__ == "__main__":
    main()
