"""Keeping to each chat channel's rate limits, across every dispatcher process.

Before a send to a robot or webhook, `pace_reserve` locks that target's ChannelPace row,
counts its recent sends against the channel's limits (channels/<kind>.LIMITS) and either
records this send or says when the next one may go. When a channel answers that we were
too fast, `pace_block` stops every dispatcher from sending to it until the time it asked.
The dispatcher puts a row that must wait back in the outbox for that moment: a throttled
message is sent later, never failed and never twice.
"""

import datetime as dt
import hashlib

from django.db import IntegrityError, transaction

from ..models.dispatch_state import ChannelPace
from . import channels

# Feishu throttles the crowd of bots posting at 10:00:00 or 17:30:00: keep clear of the
# first seconds of each half hour, spreading the sends that were due then over a few more.
HALF_HOUR_QUIET_SECONDS = 5
HALF_HOUR_SPREAD_SECONDS = 20


def target_key(url):
    return hashlib.sha256(url.encode()).hexdigest()


def _pace_row(via, key):
    try:
        with transaction.atomic():
            ChannelPace.objects.get_or_create(target=key, defaults={"via": via})
    except IntegrityError:  # another dispatcher created it first
        pass
    return ChannelPace.objects.select_for_update().get(target=key)


def pace_reserve(*, via, url, now, spread=0):
    """Record a send to `url` at `now` if the channel's limits allow it and return None;
    else return the instant the send may happen (nothing recorded). `spread`: a number
    (e.g. the row id) that spreads sends kept out of a half hour's first seconds."""
    limits = channels.adapter(via).LIMITS
    if not limits.windows and not limits.avoid_half_hours:
        return None
    with transaction.atomic():
        pace = _pace_row(via, target_key(url))
        if pace.blocked_until and pace.blocked_until > now:
            return pace.blocked_until
        moment = now.timestamp()
        longest = max((seconds for _count, seconds in limits.windows), default=0)
        recent = [stamp for stamp in pace.recent if stamp > moment - longest]
        earliest = moment
        for count, seconds in limits.windows:
            inside = [stamp for stamp in recent if stamp > moment - seconds]
            if len(inside) >= count:
                earliest = max(earliest, inside[-count] + seconds)
        if limits.avoid_half_hours:
            into = earliest % 1800
            if into < HALF_HOUR_QUIET_SECONDS:
                earliest += HALF_HOUR_QUIET_SECONDS - into + spread % HALF_HOUR_SPREAD_SECONDS
        if earliest > moment:
            return dt.datetime.fromtimestamp(earliest, dt.UTC)
        keep = max((count for count, _seconds in limits.windows), default=1)
        pace.recent = [*recent, moment][-keep:]
        pace.save(update_fields=["recent"])
    return None


def pace_block(*, via, url, until):
    """The channel told us to stop until `until`: no dispatcher sends to it before then."""
    with transaction.atomic():
        pace = _pace_row(via, target_key(url))
        if pace.blocked_until is None or pace.blocked_until < until:
            pace.blocked_until = until
            pace.save(update_fields=["blocked_until"])
