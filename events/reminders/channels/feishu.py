"""Feishu/Lark custom bot: an interactive card, signed when the bot has a secret.

Signature: base64(HMAC-SHA256(key="<timestamp>\\n<secret>", msg=b"")), timestamp in
seconds. Limits: 100 requests a minute and 5 a second per bot, a body of at most 20 KB,
and sends in the first seconds of an hour or half hour are throttled (code 11232) when
everybody's bots post at 10:00 or 17:30.
"""

import base64
import datetime as dt
import hashlib
import hmac

from . import DeliveryError, Limits, Throttled, fit
from .http import encode, json_answer, post_json

LIMITS = Limits(windows=((5, 1.0), (100, 60.0)), penalty=dt.timedelta(minutes=1), avoid_half_hours=True)
MAX_BODY_BYTES = 20 * 1000
THROTTLED = 11232
# What Feishu's codes mean, for the last error admin shows.
CODES = {
    9499: "bad request: the bot rejected the message's format",
    11232: "throttled: too many messages",
    19021: "signature check failed: wrong signing secret, or this server's clock is off by more than an hour",
    19022: "this server's IP address is not on the bot's allow-list",
    19024: "the message lacks the keyword the bot's security settings require",
}


def sign(*, timestamp, secret):
    key = f"{timestamp}\n{secret}".encode()
    return base64.b64encode(hmac.new(key, b"", hashlib.sha256).digest()).decode()


def card(message):
    elements = []
    if message.fields:
        elements.append(
            {
                "tag": "div",
                "fields": [
                    {
                        "is_short": len(value) <= 40,
                        "text": {"tag": "lark_md", "content": f"**{label}**\n{value}"},
                    }
                    for label, value in message.fields
                ],
            }
        )
    for heading, lines in message.blocks:
        text = "\n".join(([f"**{heading}**"] if heading else []) + list(lines))
        elements.append({"tag": "div", "text": {"tag": "lark_md", "content": text}})
    if message.links:
        elements.append(
            {
                "tag": "action",
                "actions": [
                    {
                        "tag": "button",
                        "text": {"tag": "plain_text", "content": label},
                        "type": "primary" if index == 0 else "default",
                        "url": url,
                    }
                    for index, (label, url) in enumerate(message.links)
                ],
            }
        )
    return {
        "config": {"wide_screen_mode": True},
        "header": {
            "template": "orange" if message.kind == "deadline_reminder" else "blue",
            "title": {"tag": "plain_text", "content": message.title},
        },
        "elements": elements,
    }


def payload(message, *, secret="", now):
    body = fit(message, lambda m: {"msg_type": "interactive", "card": card(m)}, _size, MAX_BODY_BYTES)
    if secret:
        timestamp = str(int(now.timestamp()))
        body = {"timestamp": timestamp, "sign": sign(timestamp=timestamp, secret=secret)} | body
    return body


def _size(body):
    return len(encode(body)) + 120  # room for the timestamp and signature


def send(*, url, secret, message, now, idempotency_key=""):
    answer = post_json(url, payload(message, secret=secret, now=now), secret=secret, limits=LIMITS)
    data = json_answer(answer)
    code = data.get("code", data.get("StatusCode", 0))
    if code in (0, None):
        return answer
    meaning = CODES.get(code, data.get("msg", ""))
    text = f"Feishu code {code}: {meaning} ({data.get('msg', '')})"
    if code == THROTTLED:
        raise Throttled(text, retry_after=LIMITS.penalty)
    raise DeliveryError(text, transient=False)
