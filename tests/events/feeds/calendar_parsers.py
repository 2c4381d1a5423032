"""The calendar parsers real clients use, each reading a feed body the way a client would:
icalendar (Python), vobject (Python), ical.js (node, from tests/js) and libical (Debian's
python3-gi). Each returns {uid: (kind, value, sequence, status)}: kind "date" with an ISO
date, or "instant" with an aware UTC datetime.

A parser that is missing skips its test on a developer's machine and fails it under CI=true.
"""

import datetime as dt
import json
import shutil
import subprocess
from pathlib import Path

from icalendar import Calendar

from tests.machine import require_service

ROOT = Path(__file__).resolve().parents[3]
ICALJS_SCRIPT = ROOT / "tests" / "js" / "ical_instants.mjs"
ICALJS_PACKAGE = ROOT / "tests" / "js" / "node_modules" / "ical.js"
LIBICAL_SCRIPT = Path(__file__).with_name("libical_instants.py")
SYSTEM_PYTHON = "/usr/bin/python3"


def _value(start):
    if isinstance(start, dt.datetime):
        assert start.tzinfo is not None, "a floating time: each client would read it differently"
        return ("instant", start.astimezone(dt.UTC))
    return ("date", start.isoformat())


def read_icalendar(body):
    out = {}
    for vevent in Calendar.from_ical(body).walk("VEVENT"):
        status = str(vevent["STATUS"]) if "STATUS" in vevent else None
        out[str(vevent["UID"])] = (*_value(vevent.decoded("DTSTART")), int(vevent["SEQUENCE"]), status)
    return out


def read_vobject(body):
    try:
        import vobject
    except ImportError:
        require_service(False, "needs vobject (pip install -e .[dev])")
    out = {}
    for vevent in vobject.readOne(body.decode()).vevent_list:
        status = vevent.status.value if hasattr(vevent, "status") else None
        out[vevent.uid.value] = (*_value(vevent.dtstart.value), int(vevent.sequence.value), status)
    return out


def _from_json(data):
    out = {}
    for uid, (kind, value, sequence, status) in data.items():
        if kind == "instant":
            value = dt.datetime.fromisoformat(value.replace("Z", "+00:00"))
        out[uid] = (kind, value, int(sequence or 0), status)
    return out


def read_icaljs(body):
    node = shutil.which("node")
    require_service(
        node is not None and ICALJS_PACKAGE.is_dir(), "needs node and ical.js (npm ci --prefix tests/js)"
    )
    result = subprocess.run(
        [node, str(ICALJS_SCRIPT)],
        input=body,
        capture_output=True,
        check=True,
        timeout=60,
        cwd=ICALJS_SCRIPT.parent,
    )
    return _from_json(json.loads(result.stdout))


def libical_available():
    if not Path(SYSTEM_PYTHON).exists():
        return False
    probe = subprocess.run(
        [SYSTEM_PYTHON, "-c", "import gi; gi.require_version('ICalGLib', '3.0')"], capture_output=True
    )
    return probe.returncode == 0


def read_libical(body, *, errors=None):
    require_service(libical_available(), "needs libical (apt install python3-gi gir1.2-ical-3.0)")
    result = subprocess.run([SYSTEM_PYTHON, str(LIBICAL_SCRIPT)], input=body, capture_output=True, timeout=60)
    assert result.returncode == 0, result.stderr.decode()
    data = json.loads(result.stdout)
    found = data.pop("errors")
    if errors is not None:
        errors.extend(found)
    return _from_json(data)


PARSERS = {
    "icalendar": read_icalendar,
    "vobject": read_vobject,
    "ical.js": read_icaljs,
    "libical": read_libical,
}
