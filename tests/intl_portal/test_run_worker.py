"""`manage.py run_worker` starts the worker again when it stops, and stops when told to."""

import os
import shlex
import signal
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


def _supervise(tmp_path, *extra):
    runs = tmp_path / "runs"
    # A "worker" that records each start and exits at once, as a crashed one would.
    worker = shlex.join([sys.executable, "-c", f"open({str(runs)!r}, 'a').write('x')"])
    return runs, subprocess.Popen(
        [sys.executable, "manage.py", "run_worker", *extra, "--command", worker],
        cwd=ROOT,
        stderr=subprocess.PIPE,
        text=True,
    )


def test_a_worker_that_exits_is_started_again(tmp_path):
    runs, supervisor = _supervise(tmp_path, "--max-restarts", "2")
    _out, err = supervisor.communicate(timeout=60)
    assert runs.read_text() == "xxx"  # the first start and two restarts
    assert err.count("starting it again") == 2
    assert supervisor.returncode != 0


def test_sigterm_stops_the_supervisor_and_its_worker(tmp_path):
    started = tmp_path / "worker-started"
    code = f"import pathlib, time; pathlib.Path({str(started)!r}).touch(); time.sleep(60)"
    worker = shlex.join([sys.executable, "-c", code])
    supervisor = subprocess.Popen(
        [sys.executable, "manage.py", "run_worker", "--command", worker],
        cwd=ROOT,
        stderr=subprocess.PIPE,
        text=True,
    )
    # Signal once the worker runs (a fixed sleep raced Django's start-up on a busy machine).
    deadline = time.monotonic() + 60
    while not started.exists() and time.monotonic() < deadline:
        time.sleep(0.1)
    assert started.exists(), "the supervisor never started its worker"
    supervisor.send_signal(signal.SIGTERM)
    _out, err = supervisor.communicate(timeout=30)
    assert supervisor.returncode == 0, err


def test_the_beat_schedule_directory_is_made_on_a_fresh_checkout(tmp_path):
    """Beat writes its schedule under var/, which a fresh clone lacks: without the directory
    the beat died at start and no reminder went out."""
    schedule = tmp_path / "fresh-checkout" / "var" / "celerybeat-schedule"
    worker = shlex.join([sys.executable, "-c", "pass"])
    supervisor = subprocess.run(
        [sys.executable, "manage.py", "run_worker", "--max-restarts", "0", "--command", worker],
        cwd=ROOT,
        env={**os.environ, "CELERY_BEAT_SCHEDULE_FILENAME": str(schedule)},
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert "not restarting" in supervisor.stderr
    assert schedule.parent.is_dir()
