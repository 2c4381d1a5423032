"""WeCom (企业微信) group robot: markdown, at most 2,048 bytes, 20 messages a minute.

There is no signature: the robot's key in the URL is the secret. It is never shown or
logged (errors are redacted).
"""

import datetime as dt

from . import DeliveryError, Limits, Throttled, byte_limit, fit
from .http import json_answer, post_json

LIMITS = Limits(windows=((20, 60.0),), penalty=dt.timedelta(minutes=1))
MAX_CONTENT_BYTES = 2048
THROTTLED = 45009
CODES = {
    -1: "WeCom is busy",
    40008: "invalid message type",
    44004: "the message is empty",
    45009: "throttled: more than 20 messages a minute",
    93000: "invalid webhook: the robot's key is wrong, or the robot was removed from the group",
}


def markdown(message):
    lines = [f"**{message.title}**"]
    lines += [f"> {line}" for line in message.field_lines]
    for heading, items in message.blocks:
        if heading:
            lines.append(f"**{heading}**")
        lines += items
    lines.append("  ".join(f"[{label}]({url})" for label, url in message.links))
    return "\n".join(lines)


def payload(message, *, secret="", now=None):
    content = fit(message, markdown, lambda text: len(text.encode()), MAX_CONTENT_BYTES)
    return {"msgtype": "markdown", "markdown": {"content": byte_limit(content, MAX_CONTENT_BYTES)}}


def send(*, url, secret, message, now, idempotency_key=""):
    answer = post_json(url, payload(message), limits=LIMITS)
    data = json_answer(answer)
    code = data.get("errcode", 0)
    if code in (0, None):
        return answer
    text = f"WeCom code {code}: {CODES.get(code, '')} ({data.get('errmsg', '')})"
    if code == THROTTLED:
        raise Throttled(text, retry_after=LIMITS.penalty)
    raise DeliveryError(text, transient=code == -1)
