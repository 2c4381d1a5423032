"""Real local services for the reminder tests: an HTTP server that records requests,
an SMTP server (aiosmtpd), a mail backend that blocks (a stuck mail server), the
environment a subprocess needs to use the test database, a real Celery worker, and a
way to count planning passes from the queries they run."""

import contextlib
import datetime as dt
import json
import os
import subprocess
import sys
import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest
from django.core.mail.backends.base import BaseEmailBackend
from django.db import connection
from django.utils import timezone

from events.reminders.tasks import replan_reminders

ROOT = Path(__file__).resolve().parents[3]


class RecordingServer:
    """http.server on 127.0.0.1 in a thread; answers with `status` and `body`, or with what
    `respond(request)` returns: (status, body) or (status, body, headers)."""

    def __init__(self, status=200, body=b'{"code": 0, "msg": "success"}', respond=None):
        self.requests = []
        self.status, self.body, self.respond = status, body, respond
        self.lock = threading.Lock()
        server = self

        class Handler(BaseHTTPRequestHandler):
            def do_POST(self):
                length = int(self.headers.get("Content-Length") or 0)
                raw = self.rfile.read(length)
                request = {
                    "path": self.path,
                    "headers": dict(self.headers),
                    "raw": raw,
                    "json": json.loads(raw or b"null"),
                }
                with server.lock:
                    server.requests.append(request)
                    answer = server.respond(request) if server.respond else (server.status, server.body)
                status, body, headers = (*answer, {})[:3]
                self.send_response(status)
                self.send_header("Content-Type", "application/json")
                for name, value in headers.items():
                    self.send_header(name, value)
                self.end_headers()
                self.wfile.write(body)

            def log_message(self, *args):
                pass

        self.httpd = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.thread = threading.Thread(target=self.httpd.serve_forever, daemon=True)

    def url(self, path="/hook"):
        return f"http://127.0.0.1:{self.httpd.server_port}{path}"

    def __enter__(self):
        self.thread.start()
        return self

    def __exit__(self, *exc):
        self.httpd.shutdown()
        self.httpd.server_close()


class BlockingEmailBackend(BaseEmailBackend):
    """Writes a marker file, then hangs: a mail server that never answers."""

    def send_messages(self, email_messages):
        Path(os.environ["REMINDER_TEST_MARKER"]).write_text("claimed")
        time.sleep(3600)
        return 0


def subprocess_env(**extra):
    """Environment for a child process using this test run's database."""
    settings = connection.settings_dict
    url = (
        f"postgres://{settings['USER']}@{settings['HOST'] or '127.0.0.1'}:"
        f"{settings['PORT'] or 5432}/{settings['NAME']}"
    )
    env = dict(os.environ)
    env.update(
        DATABASE_URL=url,
        DJANGO_SETTINGS_MODULE="tests.settings",
        DJANGO_DEBUG="true",
        PYTHONPATH=str(ROOT),
    )
    env.update(extra)
    return env


def wait_for(predicate, timeout=30.0, interval=0.1):
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if predicate():
            return True
        time.sleep(interval)
    return False


PLANNING_NOW = dt.datetime(2025, 6, 1, tzinfo=dt.UTC)


@pytest.fixture
def clock(monkeypatch):
    """Fix timezone.now() (planning's clock) at 2025-06-01; a dispatch pass takes its own now."""
    state = {"now": PLANNING_NOW}
    monkeypatch.setattr(timezone, "now", lambda: state["now"])
    return state


@contextlib.contextmanager
def celery_worker(log_path, **env):
    """A real `celery worker` (solo pool) on this run's database and broker, stopped on exit."""
    with Path(log_path).open("w") as log:
        worker = subprocess.Popen(
            [
                str(Path(sys.executable).parent / "celery"),
                "-A",
                "intl_portal",
                "worker",
                "--pool=solo",
                "--loglevel=INFO",
                "--hostname",
                f"reminders-test-{os.getpid()}@%h",
            ],
            cwd=ROOT,
            env=subprocess_env(DJANGO_SETTINGS_MODULE="intl_portal.settings", **env),
            stdout=log,
            stderr=subprocess.STDOUT,
        )
        try:
            yield worker
        finally:
            worker.terminate()
            try:
                worker.wait(20)
            except subprocess.TimeoutExpired:
                worker.kill()


# Each planning pass (reminders_plan_deadlines) reads the outbox rows of the deadlines it
# plans exactly once, with this query; nothing else reads the outbox by deadline this way.
PLANNING_PASS_SQL = 'FROM "events_reminder" WHERE "events_reminder"."deadline_id" IN'


def planning_passes(captured_queries):
    """How many planning passes ran, from a CaptureQueriesContext's queries."""
    return sum(PLANNING_PASS_SQL in query["sql"] for query in captured_queries)


def run_enqueued_replan(callbacks):
    """A group change enqueued exactly one re-plan on commit: run that task here, in this
    process and transaction, as a worker would (the worker itself: test_reminders_concurrency)."""
    assert len(callbacks) == 1
    replan_reminders.apply()


def race_dispatchers(*, now, count=2, batch_size=200):
    """`count` dispatch passes at `now`, in threads released together; their results."""
    from events.reminders.dispatch import reminders_dispatch

    barrier = threading.Barrier(count)
    results = []

    def dispatcher():
        try:
            barrier.wait()
            results.append(reminders_dispatch(now=now, batch_size=batch_size))
        finally:
            connection.close()

    threads = [threading.Thread(target=dispatcher) for _ in range(count)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(60)
    return results


KILLED_DISPATCHER = """
import django, datetime, sys
django.setup()
from django.test import override_settings
from events.reminders.dispatch import reminders_dispatch
with override_settings(EMAIL_BACKEND="tests.events.reminders.reminder_helpers.BlockingEmailBackend"):
    reminders_dispatch(now=datetime.datetime.fromisoformat(sys.argv[1]))
"""


def kill_a_dispatcher_mid_send(*, now, tmp_path):
    """A dispatcher in a child process claims its rows at `now`, starts sending an e-mail
    (the mail server never answers) and is killed with SIGKILL there."""
    import signal

    marker = tmp_path / "claimed"
    child = subprocess.Popen(
        [sys.executable, "-c", KILLED_DISPATCHER, now.isoformat()],
        cwd=ROOT,
        env=subprocess_env(REMINDER_TEST_MARKER=str(marker)),
    )
    try:
        assert wait_for(marker.exists, timeout=60), "the child never reached the send"
    finally:
        os.kill(child.pid, signal.SIGKILL)
        child.wait(10)
