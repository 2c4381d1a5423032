"""Redis stops while a dispatch pass runs and starts again: every reminder is still delivered,
exactly once, within a few minutes. A real second redis-server, a real SMTP server (slow, so
that the outage falls inside a pass), and the real worker with its beat under
`manage.py run_worker`, as `make run` starts it."""

import datetime as dt
import shutil
import signal
import socket
import subprocess
import sys
import time

import pytest
from aiosmtpd.controller import Controller
from django.utils import timezone

from events.models import Reminder
from events.models.reminder_settings import ReminderDefaults
from events.reminders.planning import reminders_plan_deadlines
from tests import factories
from tests.machine import require_service

from .reminder_helpers import ROOT, subprocess_env, wait_for
from .test_reminders_delivery import Recorder

pytestmark = [pytest.mark.postgres, pytest.mark.redis, pytest.mark.django_db(transaction=True)]
State = Reminder.State
COUNT = 20


def _free_port():
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


class SlowRecorder(Recorder):
    """Takes a quarter of a second per message: a pass over COUNT e-mails lasts ~5 s."""

    async def handle_DATA(self, server, session, envelope):
        import asyncio

        await asyncio.sleep(0.25)
        return await super().handle_DATA(server, session, envelope)


def _redis(port, tmp_path):
    return subprocess.Popen(
        [
            "redis-server",
            "--port",
            str(port),
            "--bind",
            "127.0.0.1",
            "--save",
            "",
            "--appendonly",
            "no",
            "--dir",
            str(tmp_path),
        ],
        stdout=subprocess.DEVNULL,
    )


def test_redis_stopped_mid_pass_and_started_again_every_reminder_delivered_once(tmp_path):
    require_service(shutil.which("redis-server") is not None, "needs redis-server")
    ReminderDefaults.objects.create(offsets="1d")
    event = factories.EventFactory(name="COSCUP 2026")
    for index in range(COUNT):
        factories.ParticipationFactory(
            event=event, member=factories.MemberFactory(email=f"p{index}@example.org")
        )
    # Due now: one day before a deadline a day from now.
    deadline = factories.DeadlineFactory(
        event=event, due_at=timezone.now() + dt.timedelta(days=1, seconds=-5)
    )
    reminders_plan_deadlines(deadlines=[deadline])

    redis_port, smtp_port = _free_port(), _free_port()
    handler = SlowRecorder()
    smtp = Controller(handler, hostname="127.0.0.1", port=smtp_port)
    smtp.start()
    redis = _redis(redis_port, tmp_path)
    log = (tmp_path / "worker.log").open("w")
    supervisor = subprocess.Popen(
        [sys.executable, "manage.py", "run_worker", "--concurrency=1"],
        cwd=ROOT,
        env=subprocess_env(
            DJANGO_SETTINGS_MODULE="intl_portal.settings",
            REDIS_URL=f"redis://127.0.0.1:{redis_port}/0",
            CELERY_BROKER_URL=f"redis://127.0.0.1:{redis_port}/0",
            EMAIL_HOST="127.0.0.1",
            EMAIL_PORT=str(smtp_port),
            EMAIL_USE_TLS="false",
            EMAIL_USE_SSL="false",
        ),
        stdout=log,
        stderr=subprocess.STDOUT,
    )
    try:
        # Beat's first dispatch comes within about a minute; stop Redis once the pass is sending.
        started = wait_for(lambda: len(handler.envelopes) >= 2, timeout=150, interval=0.05)
        assert started, (tmp_path / "worker.log").read_text()[-3000:]
        redis.send_signal(signal.SIGKILL)
        redis.wait(10)
        time.sleep(10)
        redis = _redis(redis_port, tmp_path)
        done = wait_for(
            lambda: Reminder.objects.filter(state=State.SENT).count() == COUNT, timeout=240, interval=1
        )
        assert done, (tmp_path / "worker.log").read_text()[-4000:]
    finally:
        supervisor.send_signal(signal.SIGTERM)
        try:
            supervisor.wait(30)
        except subprocess.TimeoutExpired:
            supervisor.kill()
        redis.kill()
        smtp.stop()
        log.close()
    recipients = [rcpt for envelope in handler.envelopes for rcpt in envelope.rcpt_tos]
    assert sorted(recipients) == sorted(f"p{index}@example.org" for index in range(COUNT))  # once each
