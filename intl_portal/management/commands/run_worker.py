"""Run the Celery worker (with its beat) and start it again whenever it stops.

A worker can die on its own — e.g. Celery/kombu giving up with an unrecoverable error when
Redis drops while a task runs — and with it the beat that schedules reminder dispatch.
`make run` starts the worker through this command so that reminders keep going out; in
production, systemd's `Restart=always` does the same (README, "Deploying").
"""

import shlex
import signal
import subprocess
import sys
import time
from pathlib import Path

from django.conf import settings
from django.core.management.base import BaseCommand

WORKER = [sys.executable, "-m", "celery", "-A", "intl_portal", "worker", "--beat", "--loglevel=INFO"]
# Wait a little longer after each quick failure, up to a minute; reset after a long run.
FIRST_DELAY, MAX_DELAY, STABLE_SECONDS = 1.0, 60.0, 120.0


class Command(BaseCommand):
    help = "Run the Celery worker and beat, restarting them whenever they stop."

    def add_arguments(self, parser):
        parser.add_argument("--concurrency", type=int, default=1)
        parser.add_argument(
            "--command", help="Run this shell-quoted command instead of the worker (for tests)."
        )
        parser.add_argument(
            "--max-restarts", type=int, default=None, help="Stop after this many restarts (for tests)."
        )

    def handle(self, *args, concurrency, command, max_restarts, **options):
        command = shlex.split(command) if command else [*WORKER, f"--concurrency={concurrency}"]
        # Beat keeps its schedule in var/, which a fresh checkout does not have.
        Path(settings.CELERY_BEAT_SCHEDULE_FILENAME).parent.mkdir(parents=True, exist_ok=True)
        stopping = False
        child = None

        def stop(signum, _frame):
            nonlocal stopping
            stopping = True
            if child is not None and child.poll() is None:
                child.send_signal(signal.SIGTERM)

        signal.signal(signal.SIGTERM, stop)
        signal.signal(signal.SIGINT, stop)
        delay, restarts = FIRST_DELAY, 0
        while True:
            started = time.monotonic()
            child = subprocess.Popen(command)  # noqa: S603 — our own command line
            code = child.wait()
            if stopping:
                return
            if max_restarts is not None and restarts >= max_restarts:
                self.stderr.write(f"worker exited with {code}; not restarting (--max-restarts)")
                sys.exit(code or 1)
            if time.monotonic() - started > STABLE_SECONDS:
                delay = FIRST_DELAY
            self.stderr.write(f"worker exited with {code}; starting it again in {delay:.0f} s")
            time.sleep(delay)
            delay = min(delay * 2, MAX_DELAY)
            restarts += 1
