"""One parser per kind of source. Each takes the file's bytes and returns (records,
failures): the records as normalised Record objects, and for each record left out a
{"record": …, "reason": …} row. A file that cannot be read at all raises FileError.

No adapter touches the database."""

import datetime as dt
import json
import re

import yaml

from .normalise import (
    Record,
    RecordError,
    clean_url,
    country_code,
    date_only_aoe,
    deadline,
    local_in_zone,
    parse_date,
    series_of,
    split_place,
)

CFP_CLOSE, CFP_OPEN, WORKSHOP, TUTORIAL, NOTIFICATION = (
    "cfp_close",
    "cfp_open",
    "workshop",
    "tutorial",
    "notification",
)


class FileError(ValueError):
    """The whole file is unreadable; the message is the reason."""


def _json(body):
    try:
        return json.loads(body.decode("utf-8"))
    except UnicodeDecodeError as error:
        raise FileError(f"not UTF-8 text (byte {error.start})") from None
    except json.JSONDecodeError as error:
        raise FileError(f"not valid JSON: {error.msg} at line {error.lineno}, column {error.colno}") from None
    except RecursionError:
        raise FileError("not valid JSON: nested too deeply") from None


def _list_of_objects(data, *, key=None):
    if isinstance(data, dict) and key and isinstance(data.get(key), list):
        data = data[key]
    if not isinstance(data, list):
        raise FileError(f"expected a list of records, got {type(data).__name__}")
    return data


def _text(record, field, *, required=False, limit=300):
    value = record.get(field)
    if value is None or value == "":
        if required:
            raise RecordError(f"{field}: missing")
        return ""
    if not isinstance(value, (str, int, float)) or isinstance(value, bool):
        raise RecordError(f"{field}: expected text, got {type(value).__name__}")
    return " ".join(str(value).split())[:limit]


def _bool(record, field):
    value = record.get(field, False)
    if value in (None, ""):
        return False
    if not isinstance(value, bool):
        raise RecordError(f"{field}: expected true or false, got {type(value).__name__}")
    return value


def _ms_date(value, field):
    """Milliseconds since the epoch (midnight UTC of a day) → that UTC day."""
    if isinstance(value, bool) or not isinstance(value, (int, float)):
        raise RecordError(f"{field}: expected milliseconds since 1970, got {type(value).__name__}")
    try:
        return dt.datetime.fromtimestamp(value / 1000, tz=dt.UTC).date()
    except (OverflowError, OSError, ValueError):
        raise RecordError(f"{field}: {value} is out of range") from None


def _fold_id(*parts):
    return "|".join(re.sub(r"\s+", " ", str(part)).strip().lower() for part in parts)[:600]


def _dates(start, end):
    if end and start and end < start:
        raise RecordError(f"endDate {end} is before startDate {start}")
    return start, end or start


def _collect(items, read):
    """Run `read` on each item; a RecordError becomes a failure row, duplicates too."""
    records, failures, seen = [], [], {}
    for index, item in enumerate(items, start=1):
        label = f"#{index}"
        try:
            if not isinstance(item, dict):
                raise RecordError(f"expected an object, got {type(item).__name__}")
            label = f"#{index} {item.get('name') or item.get('conference') or item.get('title') or ''!s}"
            label = label.strip()[:200]
            record = read(item)
            if record is None:
                continue
            if record.external_id in seen:
                raise RecordError(f"the same conference as record #{seen[record.external_id]}")
            seen[record.external_id] = index
            records.append(record)
        except RecordError as error:
            failures.append({"record": label, "reason": str(error)[:500]})
    return records, failures


# --- confs.tech -----------------------------------------------------------------------------

CONFS_TECH = "confs.tech"


def parse_confs_tech(body, *, topics=()):
    def read(item):
        name = _text(item, "name", required=True)
        start, end = _dates(
            parse_date(item.get("startDate"), "startDate"),
            parse_date(item["endDate"], "endDate") if item.get("endDate") else None,
        )
        online = _bool(item, "online")
        record = Record(
            external_id=_fold_id(name, start, item.get("city") or ""),
            name=name,
            url=clean_url(_text(item, "url", limit=500)),
            cfp_url=clean_url(_text(item, "cfpUrl", limit=500)),
            city=_text(item, "city", limit=200),
            country=country_code(_text(item, "country")),
            online=online and not item.get("city"),
            start_date=start,
            end_date=end,
            topics=tuple(topics),
            series=series_of(name),
            year=start.year,
        )
        if item.get("cfpEndDate"):
            day = parse_date(item["cfpEndDate"], "cfpEndDate")
            record.deadlines.append(
                deadline(CFP_CLOSE, date_only_aoe(day, source_text=CONFS_TECH), date_only=True)
            )
        return record

    return _collect(_list_of_objects(_json(body)), read)


# --- python-deadlines -----------------------------------------------------------------------

PYTHON_DEADLINES = "python-deadlines"
_PD_LOCAL = re.compile(r"^\d{4}-\d{2}-\d{2}( \d{2}:\d{2}(:\d{2})?)?$")
_PD_TOPICS = {"PY": "python", "SCIPY": "scipy", "DATA": "data", "WEB": "web", "BIZ": "business", "GEO": "geo"}


def _pd_local(value, field):
    """'2026-09-30 23:59:00' → naive datetime; None for words such as TBA or Cancelled."""
    if isinstance(value, dt.datetime):
        return value.replace(tzinfo=None)
    if isinstance(value, dt.date):
        return dt.datetime.combine(value, dt.time(23, 59))
    if not isinstance(value, str):
        raise RecordError(f"{field}: expected 'YYYY-MM-DD HH:mm:ss', got {type(value).__name__}")
    text = value.strip()
    if not _PD_LOCAL.match(text):
        if re.match(r"^\d", text):
            raise RecordError(f"{field}: “{text[:40]}” is not 'YYYY-MM-DD HH:mm:ss'")
        return None  # TBA, Cancelled, …: no deadline announced
    try:
        return dt.datetime.fromisoformat(text if " " in text else text + " 23:59:00")
    except ValueError:
        raise RecordError(f"{field}: “{text}” is not a valid date and time") from None


def parse_python_deadlines(body, *, topics=()):
    try:
        loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
        data = yaml.load(body.decode("utf-8"), Loader=loader)  # noqa: S506 (a safe loader)
    except UnicodeDecodeError as error:
        raise FileError(f"not UTF-8 text (byte {error.start})") from None
    except yaml.YAMLError as error:
        raise FileError(f"not valid YAML: {str(error)[:300]}") from None

    def read(item):
        name = _text(item, "conference", required=True)
        year = item.get("year")
        if isinstance(year, bool) or not isinstance(year, int):
            raise RecordError(f"year: expected a number, got {type(year).__name__}")
        start, end = _dates(parse_date(item.get("start"), "start"), parse_date(item.get("end"), "end"))
        city, country_text = split_place(_text(item, "place"))
        online = country_text.lower() == "online"
        subs = [s.strip().upper() for s in _text(item, "sub").split(",") if s.strip()]
        record = Record(
            external_id=_fold_id(name, year),
            name=f"{name} {year}",
            url=clean_url(_text(item, "link", limit=500)),
            cfp_url=clean_url(_text(item, "cfp_link", limit=500)),
            city="" if online else city,
            country="" if online else country_code(country_text),
            online=online,
            start_date=start,
            end_date=end,
            topics=tuple(dict.fromkeys([*topics, *(_PD_TOPICS.get(s, s.lower()) for s in subs)])),
            series=name,
            year=year,
        )
        zone = item.get("timezone")
        if zone is not None and not isinstance(zone, str):
            raise RecordError(f"timezone: expected an IANA name, got {type(zone).__name__}")
        # An extension replaces the first deadline: the CFP closes at cfp_ext.
        for field, kind in (("cfp_ext", CFP_CLOSE), ("cfp", CFP_CLOSE), ("workshop_deadline", WORKSHOP),
                            ("tutorial_deadline", TUTORIAL)):  # fmt: skip
            if kind in {d.kind for d in record.deadlines} or item.get(field) in (None, ""):
                continue
            local = _pd_local(item[field], field)
            if local is None:
                continue
            text = f"{PYTHON_DEADLINES} {field}"
            record.deadlines.append(
                deadline(kind, local_in_zone(local, zone, source_text=text), date_only=False)
            )
        return record

    return _collect(_list_of_objects(data), read)


# --- developers.events ----------------------------------------------------------------------

DEVELOPERS_EVENTS = "developers.events"


def _dev_dates(conf):
    dates = conf.get("date")
    if not isinstance(dates, list) or not 1 <= len(dates) <= 2:
        raise RecordError("date: expected one or two timestamps")
    start = _ms_date(dates[0], "date")
    end = _ms_date(dates[-1], "date")
    return _dates(start, end)


def _dev_cfp(cfp, field):
    if not isinstance(cfp, dict):
        raise RecordError(f"{field}: expected an object")
    if cfp.get("untilDate") in (None, ""):
        return None
    day = _ms_date(cfp["untilDate"], f"{field}.untilDate")
    until = _text(cfp, "until", limit=60)
    text = f"{DEVELOPERS_EVENTS} (“{until}”)" if until else DEVELOPERS_EVENTS
    return deadline(CFP_CLOSE, date_only_aoe(day, source_text=text), date_only=True)


def _dev_record(conf, *, name, location, city, country_text, topics, tags=()):
    start, end = _dev_dates(conf)
    if not city and location:
        city, country_text = split_place(location)
    online = "online" in (location or "").lower() or country_text.lower() == "online"
    if name.startswith("http"):
        name = clean_url(name) or name
    return Record(
        external_id=_fold_id(name, start, city),
        name=name,
        url=clean_url(_text(conf, "hyperlink", limit=500)),
        city="" if online else city[:200],
        country="" if online else country_code(country_text),
        online=online,
        start_date=start,
        end_date=end,
        topics=tuple(dict.fromkeys([*topics, *tags])),
        series=series_of(name),
        year=start.year,
    )


def parse_developers_events_cfps(body, *, topics=()):
    def read(item):
        conf = item.get("conf")
        if not isinstance(conf, dict):
            raise RecordError("conf: expected an object")
        name = _text(conf, "name", required=True)
        record = _dev_record(
            conf, name=name, location=_text(conf, "location"), city="", country_text="", topics=topics
        )
        record.cfp_url = clean_url(_text(item, "link", limit=500))
        cfp = _dev_cfp(item, "cfp")
        if cfp:
            record.deadlines.append(cfp)
        return record

    return _collect(_list_of_objects(_json(body)), read)


def parse_developers_events(body, *, topics=()):
    def read(item):
        name = _text(item, "name", required=True)
        tags = item.get("tags") or []
        if not isinstance(tags, list):
            raise RecordError("tags: expected a list")
        tag_names = [str(t.get("value") if isinstance(t, dict) else t).lower()[:40] for t in tags][:10]
        record = _dev_record(
            item,
            name=name,
            location=_text(item, "location"),
            city=_text(item, "city"),
            country_text=_text(item, "country"),
            topics=topics,
            tags=tag_names,
        )
        if _text(item, "status").lower() == "canceled":
            return None
        cfp = item.get("cfp") or {}
        if cfp:
            record.cfp_url = clean_url(_text(cfp, "link", limit=500)) if isinstance(cfp, dict) else ""
            found = _dev_cfp(cfp, "cfp")
            if found:
                record.deadlines.append(found)
        return record

    return _collect(_list_of_objects(_json(body)), read)


# --- Linux Foundation events ----------------------------------------------------------------

LF_EVENTS = "lfevents"


def parse_lf_events(body, *, topics=()):
    """/wp-json/lfevents/v1/events?status=upcoming: a list (or {"events": [...]}) of
    {id, title, url, start_date, end_date, city, country, virtual, cfp_url,
    cfp_date_start, cfp_date_end} with dates as YYYY-MM-DD."""

    def read(item):
        name = _text(item, "title", required=True) or _text(item, "name", required=True)
        start, end = _dates(
            parse_date(item.get("start_date"), "start_date"),
            parse_date(item["end_date"], "end_date") if item.get("end_date") else None,
        )
        online = _bool(item, "virtual")
        record = Record(
            external_id=_fold_id(item.get("id") or name, start),
            name=name,
            url=clean_url(_text(item, "url", limit=500)),
            cfp_url=clean_url(_text(item, "cfp_url", limit=500)),
            city=_text(item, "city", limit=200),
            country=country_code(_text(item, "country")),
            online=online and not item.get("city"),
            start_date=start,
            end_date=end,
            topics=tuple(topics),
            series=series_of(name),
            year=start.year,
        )
        for field, kind in (("cfp_date_start", CFP_OPEN), ("cfp_date_end", CFP_CLOSE)):
            if item.get(field):
                day = parse_date(item[field], field)
                found = date_only_aoe(day, source_text=f"{LF_EVENTS} {field}")
                record.deadlines.append(deadline(kind, found, date_only=True))
        return record

    return _collect(_list_of_objects(_json(body), key="events"), read)


PARSERS = {
    "confs_tech": parse_confs_tech,
    "python_deadlines": parse_python_deadlines,
    "developers_events_cfps": parse_developers_events_cfps,
    "developers_events": parse_developers_events,
    "lf_events": parse_lf_events,
}
