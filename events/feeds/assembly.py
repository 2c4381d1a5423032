"""A feed's body, built once and then kept up to date entry by entry.

A feed body is the calendar's head, one VEVENT per row, and its tail. Each process keeps,
per feed variant (the same rows rendered the same way: feed, filters, language, alarms), a
snapshot of the rendered VEVENTs by row id. When the feed changes, the next request does
not render 20,000 entries again: it reads the feed's row ids in order, renders only the rows
saved since the snapshot (and the new ones, and those that just became past), and joins the
bytes. The whole body is also kept in the shared cache under the feed's ETag, so other
processes serve it without building.

Concurrent requests for a body being built wait for that one build (one lock per variant in
the process, one lock per ETag in the shared cache across processes) instead of building it
too: 20 polls after an edit cause one build.
"""

import datetime as dt
import logging
import threading
import time
from collections import OrderedDict
from dataclasses import dataclass, field

from django.core.cache import cache
from django.utils import timezone

from . import selectors
from .ical import CALENDAR_TAIL

logger = logging.getLogger(__name__)

# Rows saved this long before a snapshot was taken are re-rendered at its next update too:
# a transaction that commits later than it saved still has its rows picked up.
SAVE_MARGIN = dt.timedelta(minutes=10)
# A snapshot older than this is rebuilt from scratch (a safety net for writes that bypass
# updated_at, e.g. a raw SQL fix).
SNAPSHOT_MAX_AGE = dt.timedelta(hours=6)
# Beyond this many rows to fetch by id, a full build is as cheap.
MAX_FETCH_BY_ID = 500
SNAPSHOT_BUDGET_BYTES = 96 * 1024 * 1024
BODY_CACHE_SECONDS = 24 * 3600
BODY_CACHE_MAX_BYTES = 32 * 1024 * 1024
BUILD_LOCK_SECONDS = 120
WAIT_STEP_SECONDS = 0.02


@dataclass
class Part:
    """The rendered VEVENTs of one kind of row (deadlines or events) of one feed variant."""

    chunks: dict = field(default_factory=dict)  # row id → VEVENT bytes
    rendered_at: dt.datetime | None = None  # the `now` its past/upcoming split was made at
    taken_at: dt.datetime | None = None  # when the rows were read
    size: int = 0


class _Snapshots:
    """Process-local snapshots, least recently used dropped first beyond the byte budget."""

    def __init__(self, budget):
        self.budget = budget
        self.parts = OrderedDict()
        self.guard = threading.Lock()

    def get(self, key):
        with self.guard:
            part = self.parts.get(key)
            if part is not None:
                self.parts.move_to_end(key)
            return part

    def put(self, key, part):
        with self.guard:
            self.parts[key] = part
            self.parts.move_to_end(key)
            while sum(p.size for p in self.parts.values()) > self.budget and len(self.parts) > 1:
                self.parts.popitem(last=False)

    def clear(self):
        with self.guard:
            self.parts.clear()


snapshots = _Snapshots(SNAPSHOT_BUDGET_BYTES)


class BuildCounter:
    """How many bodies this process has built (full and incremental), how long the last
    build took, and the longest time a request waited for another's build: tests and the
    benchmark read them."""

    def __init__(self):
        self.full = 0
        self.incremental = 0
        self.last_build_seconds = 0.0
        self.longest_wait_seconds = 0.0
        self._guard = threading.Lock()

    def add(self, *, full, seconds=0.0):
        with self._guard:
            if full:
                self.full += 1
            else:
                self.incremental += 1
            self.last_build_seconds = seconds

    def waited(self, seconds):
        with self._guard:
            self.longest_wait_seconds = max(self.longest_wait_seconds, seconds)

    @property
    def total(self):
        return self.full + self.incremental


builds = BuildCounter()

_variant_locks = {}
_variant_locks_guard = threading.Lock()


def _variant_lock(key):
    with _variant_locks_guard:
        return _variant_locks.setdefault(key, threading.Lock())


def _render_part(key, queryset, rows, render, *, now):
    """The part's chunks in feed order, updating the process's snapshot; and whether it
    was rendered in full."""
    part = snapshots.get(key)
    started = timezone.now()
    if part is not None and started - part.taken_at <= SNAPSHOT_MAX_AGE:
        ordered = _update(part, queryset, rows, render, now=now)
        if ordered is not None:
            part.rendered_at, part.taken_at = now, started
            snapshots.put(key, part)
            return [part.chunks[pk] for pk in ordered], False
    part = Part(rendered_at=now, taken_at=started)
    ordered = []
    for row in selectors.feed_rows(queryset, rows):
        pk = row["id"]
        part.chunks[pk] = chunk = render(row)
        part.size += len(chunk)
        ordered.append(pk)
    snapshots.put(key, part)
    return [part.chunks[pk] for pk in ordered], True


def _update(part, queryset, rows, render, *, now):
    """Bring a snapshot up to date: render again the rows saved since it was taken (with a
    margin for transactions that commit late), the new ones and those that have just
    become past; drop the rest. The row ids in order, or None when a full build is due."""
    order = selectors.feed_order(
        queryset,
        rows,
        saved_since=part.taken_at - SAVE_MARGIN,
        passed_between=(part.rendered_at, now),
    )
    known = part.chunks
    needed = [pk for pk, stale in order if stale or pk not in known]
    if len(needed) > MAX_FETCH_BY_ID:
        return None
    if needed:
        for row in selectors.feed_rows(queryset, rows, only_ids=needed):
            pk = row["id"]
            old = known.get(pk)
            known[pk] = chunk = render(row)
            part.size += len(chunk) - (len(old) if old else 0)
    ordered = [pk for pk, _stale in order]
    if len(known) != len(ordered):
        keep = set(ordered)
        for pk in [pk for pk in known if pk not in keep]:
            part.size -= len(known.pop(pk))
    return ordered


def build_body(*, variant, head, writer, now, deadlines=None, events=None):
    """The feed's body: head, deadlines' VEVENTs, events' VEVENTs, tail."""
    started = time.perf_counter()
    pieces = [head]
    full = False
    if deadlines is not None:
        chunks, full_d = _render_part(
            (variant, "deadlines"),
            deadlines,
            selectors.DEADLINE_ROWS,
            lambda row: writer.deadline(row, past=row["due_at"] <= now),
            now=now,
        )
        pieces += chunks
        full = full or full_d
    if events is not None:
        chunks, full_e = _render_part(
            (variant, "events"), events, selectors.EVENT_ROWS, writer.event, now=now
        )
        pieces += chunks
        full = full or full_e
    pieces.append(CALENDAR_TAIL)
    body = b"".join(pieces)
    builds.add(full=full, seconds=time.perf_counter() - started)
    return body


def _cache_call(method, *args, default=None):
    try:
        return getattr(cache, method)(*args)
    except Exception:  # a cache outage must not break subscriptions
        logger.warning("calendar feed cache unavailable", exc_info=True)
        return default


class _Flight:
    """One build in progress in this process, which other requests for its body wait for."""

    def __init__(self):
        self.done = threading.Event()
        self.body = None


_flights = {}
_flights_guard = threading.Lock()


def feed_body(*, body_key, variant, build):
    """The body cached under `body_key`, else built once by `build()` however many requests
    ask for it at the same moment: in this process the others wait for that build and take
    its body; in other processes they wait for it to appear in the shared cache."""
    body = _cache_call("get", body_key)
    if body is not None:
        return body
    with _flights_guard:
        flight = _flights.get(body_key)
        owner = flight is None
        if owner:
            flight = _flights[body_key] = _Flight()
    if not owner:
        arrived = time.perf_counter()
        flight.done.wait(BUILD_LOCK_SECONDS)
        builds.waited(time.perf_counter() - arrived)
        if flight.body is not None:
            return flight.body
        return _build_and_store(body_key, variant, build)  # the build failed: try it here
    try:
        # A flight that ended between our cache miss and now has stored its body: take it.
        body = _cache_call("get", body_key)
        flight.body = body if body is not None else _build_and_store(body_key, variant, build)
        return flight.body
    finally:
        with _flights_guard:
            _flights.pop(body_key, None)
        flight.done.set()


def _build_and_store(body_key, variant, build):
    lock_key = f"{body_key}:building"
    owner = _cache_call("add", lock_key, 1, BUILD_LOCK_SECONDS, default=True)
    if not owner:  # another process builds it: wait for its body in the shared cache
        arrived = time.perf_counter()
        deadline = arrived + BUILD_LOCK_SECONDS
        while time.perf_counter() < deadline:
            time.sleep(WAIT_STEP_SECONDS)
            body = _cache_call("get", body_key)
            if body is not None:
                builds.waited(time.perf_counter() - arrived)
                return body
            if _cache_call("get", lock_key) is None:
                break
    try:
        # One build at a time per variant: they update the same snapshot.
        with _variant_lock(variant):
            started = time.perf_counter()
            body = build()
            if len(body) <= BODY_CACHE_MAX_BYTES:
                _cache_call("set", body_key, body, BODY_CACHE_SECONDS)
            builds.last_build_seconds = time.perf_counter() - started  # the build, stored
        return body
    finally:
        if owner:
            _cache_call("delete", lock_key)
