"""DingTalk (钉钉) custom robot: markdown, signed in the URL when the robot has a secret.

Signature: sign = urlencode(base64(HMAC-SHA256(key=secret, msg="<timestamp>\\n<secret>"))),
timestamp in milliseconds, both added to the URL. At most 20 messages a minute: beyond
that DingTalk answers 130101 and refuses the robot for 10 minutes.
"""

import base64
import datetime as dt
import hashlib
import hmac
from urllib.parse import quote_plus

from . import DeliveryError, Limits, Throttled, fit
from .http import json_answer, post_json

LIMITS = Limits(windows=((20, 60.0),), penalty=dt.timedelta(minutes=10))
MAX_TEXT_BYTES = 5000
MAX_TITLE = 64
THROTTLED = 130101
CODES = {
    -1: "DingTalk is busy",
    130101: "throttled: more than 20 messages a minute (the robot is blocked for 10 minutes)",
    300001: "invalid access token: the robot was removed, or its URL is wrong",
    310000: "refused by the robot's security settings: wrong signing secret, missing keyword, "
    "or this server's IP address is not allowed",
}


def sign(*, timestamp, secret):
    digest = hmac.new(secret.encode(), f"{timestamp}\n{secret}".encode(), hashlib.sha256).digest()
    return quote_plus(base64.b64encode(digest))


def signed_url(url, *, secret, now):
    if not secret:
        return url
    timestamp = int(now.timestamp() * 1000)
    joiner = "&" if "?" in url else "?"
    return f"{url}{joiner}timestamp={timestamp}&sign={sign(timestamp=timestamp, secret=secret)}"


def markdown(message):
    lines = [f"#### {message.title}"]
    lines += [f"- {line}" for line in message.field_lines]
    for heading, items in message.blocks:
        if heading:
            lines.append(f"**{heading}**")
        lines += [f"- {item}" for item in items]
    lines.append("  ".join(f"[{label}]({url})" for label, url in message.links))
    return "\n\n".join(lines)


def payload(message, *, secret="", now=None):
    text = fit(message, markdown, lambda body: len(body.encode()), MAX_TEXT_BYTES)
    return {"msgtype": "markdown", "markdown": {"title": message.title[:MAX_TITLE], "text": text}}


def send(*, url, secret, message, now, idempotency_key=""):
    answer = post_json(
        signed_url(url, secret=secret, now=now), payload(message), secret=secret, limits=LIMITS
    )
    data = json_answer(answer)
    code = data.get("errcode", 0)
    if code in (0, None):
        return answer
    text = f"DingTalk code {code}: {CODES.get(code, '')} ({data.get('errmsg', '')})"
    if code == THROTTLED:
        raise Throttled(text, retry_after=LIMITS.penalty)
    raise DeliveryError(text, transient=code == -1)
