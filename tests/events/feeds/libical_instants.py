"""Reads an iCalendar body on stdin with libical (Evolution's calendar library, through
GObject introspection) and prints, per VEVENT, what a client would show, as JSON:
{uid: [kind, value, sequence, status]}, plus "errors": what libical's restriction check flags.

Run by Debian's own /usr/bin/python3 (python3-gi, gir1.2-ical-3.0), not the project's venv.
"""

import datetime as dt
import json
import sys

import gi

gi.require_version("ICalGLib", "3.0")
from gi.repository import ICalGLib  # noqa: E402

calendar = ICalGLib.Component.new_from_string(sys.stdin.buffer.read().decode("utf-8"))
calendar.check_restrictions()
utc = ICalGLib.Timezone.get_utc_timezone()
out = {}
kind = ICalGLib.ComponentKind.VEVENT_COMPONENT
vevent = calendar.get_first_component(kind)
while vevent is not None:
    start = vevent.get_dtstart()
    if start.is_date():
        value = ["date", f"{start.get_year():04d}-{start.get_month():02d}-{start.get_day():02d}"]
    else:
        seconds = start.as_timet_with_zone(utc)
        value = ["instant", dt.datetime.fromtimestamp(seconds, dt.UTC).strftime("%Y-%m-%dT%H:%M:%S.000Z")]
    status = vevent.get_first_property(ICalGLib.PropertyKind.STATUS_PROPERTY)
    status = status.get_value_as_string() if status is not None else None
    out[vevent.get_uid()] = [*value, vevent.get_sequence(), status]
    vevent = calendar.get_next_component(kind)
text = calendar.as_ical_string()
out["errors"] = [line for line in text.splitlines() if line.startswith("X-LIC-ERROR")]
sys.stdout.write(json.dumps(out))
