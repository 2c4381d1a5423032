"""`make run` serves the portal at the address the portal believes it has."""

import os
import re
import shutil
import subprocess
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]


def _served_environment(*make_args, environment=None):
    """The environment `make run` gives the development server, evaluated by the shell."""
    if shutil.which("make") is None:
        pytest.skip("needs make")
    env = {key: value for key, value in os.environ.items() if key != "PORTAL_BASE_URL"}
    env.update(environment or {})
    commands = subprocess.run(
        ["make", "-n", "run", *make_args], cwd=ROOT, env=env, capture_output=True, text=True, check=True
    ).stdout
    line = next(line for line in commands.splitlines() if "manage.py runserver" in line)
    prefix = re.match(r"\s*(.*?)\S*python\S* manage.py runserver", line).group(1)
    shown = subprocess.run(["sh", "-c", f"{prefix} env"], env=env, capture_output=True, text=True, check=True)
    return dict(entry.split("=", 1) for entry in shown.stdout.splitlines() if "=" in entry)


def test_make_run_derives_the_portals_address_from_the_host_and_port_it_serves():
    assert _served_environment()["PORTAL_BASE_URL"] == "http://127.0.0.1:8000"
    served = _served_environment("PORT=8102", "HOST=0.0.0.0")
    assert served["PORTAL_BASE_URL"] == "http://0.0.0.0:8102"


def test_an_explicit_portal_address_wins():
    served = _served_environment("PORT=8102", environment={"PORTAL_BASE_URL": "https://portal.example.org"})
    assert served["PORTAL_BASE_URL"] == "https://portal.example.org"
