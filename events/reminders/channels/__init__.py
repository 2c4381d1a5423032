"""Delivery, one adapter per channel: e-mail, Feishu/Lark cards, Slack, WeCom and DingTalk
robots, generic webhooks.

Every adapter takes a rendered message (events/reminders/messages.py: a deadline reminder,
a weekly digest or a test) and the channel's address, builds the channel's own payload
within its size limit, posts it, and reads the channel's answer. A failure raises
DeliveryError (`transient`: worth trying again later); a channel that says it is
throttling us raises Throttled, which the dispatcher answers by waiting (never by failing
or sending twice). Each adapter also declares its rate limits (LIMITS), which the
dispatcher keeps to across processes (events/reminders/pacing.py).

Errors never carry a channel's secrets: a WeCom key or DingTalk token in the URL, a
Feishu hook id, a signing secret are replaced by "•••" (`redact`).
"""

import dataclasses
import datetime as dt
from urllib.parse import parse_qsl, urlsplit


class DeliveryError(Exception):
    """A send that did not happen. `transient`: worth trying again later; `tried`: a send
    was attempted (it counts as an attempt), not merely skipped because the channel was
    already known to be down in this pass."""

    def __init__(self, message, *, transient, tried=True):
        super().__init__(message)
        self.transient = transient
        self.tried = tried


class Throttled(DeliveryError):
    """The channel refused because we sent too fast: wait `retry_after`, then send again."""

    def __init__(self, message, *, retry_after):
        super().__init__(message, transient=True, tried=False)
        self.retry_after = retry_after


@dataclasses.dataclass(frozen=True)
class Limits:
    """A channel's rate limits: at most `count` sends in any `seconds` (each pair), how long
    it blocks after telling us we were too fast, and whether to keep clear of the first
    seconds of each hour and half hour (Feishu throttles the crowd sending then)."""

    windows: tuple = ()
    penalty: dt.timedelta = dt.timedelta(minutes=1)
    avoid_half_hours: bool = False


@dataclasses.dataclass(frozen=True)
class Answer:
    """What a channel said to a send (shown after "test this channel")."""

    status: int
    text: str


SECRET_QUERY_KEYS = {"key", "access_token", "token", "sign", "secret"}
MASK = "•••"


def url_secrets(url):
    """The parts of a webhook URL that are secrets: query values such as a WeCom key or a
    DingTalk access token, and long path segments such as a Feishu or Slack hook id."""
    if not url:
        return []
    parts = urlsplit(url)
    found = [value for name, value in parse_qsl(parts.query) if name.lower() in SECRET_QUERY_KEYS]
    found += [segment for segment in parts.path.split("/") if len(segment) >= 12]
    return [value for value in found if len(value) >= 4]


def redact(text, *, url="", secret=""):
    """`text` without the channel's secrets."""
    text = str(text)
    for value in sorted({*url_secrets(url), secret} - {""}, key=len, reverse=True):
        text = text.replace(value, MASK)
    return text


def redacted_url(url):
    """The URL as admin shows it: host and path kept, secrets masked."""
    return redact(url, url=url)


def byte_limit(text, limit, *, ellipsis="…"):
    """`text` cut to at most `limit` UTF-8 bytes, on a character boundary."""
    raw = text.encode()
    if len(raw) <= limit:
        return text
    cut = raw[: limit - len(ellipsis.encode())].decode("utf-8", "ignore")
    return cut + ellipsis


def fit(message, render, size, limit):
    """The payload `render(message)` whose `size` is within `limit`: the message's blocks
    are shortened, longest first, a line at a time (each shortened block ends with "and N
    more"), until it fits. Title and links are never cut."""
    payload = render(message)
    keep = max((len(lines) for _heading, lines in message.blocks), default=0)
    while size(payload) > limit and keep > 1:
        keep -= 1
        payload = render(message.shortened(keep))
    return payload


from . import dingtalk, email, feishu, slack, webhook, wecom  # noqa: E402 - they import the above

ADAPTERS = {
    "email": email,
    "feishu": feishu,
    "slack": slack,
    "webhook": webhook,
    "wecom": wecom,
    "dingtalk": dingtalk,
}


def adapter(via):
    return ADAPTERS[via]
