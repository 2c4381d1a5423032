"""One HTTP POST of a JSON body, and the channel's answer read back."""

import datetime as dt
import email.utils
import json
import urllib.error
import urllib.request

from django.conf import settings
from django.utils import timezone

from . import Answer, DeliveryError, Throttled, redact

USER_AGENT = "intl_portal-reminders/1.0"


def encode(payload):
    return json.dumps(payload, ensure_ascii=False, separators=(",", ":")).encode()


def post_json(url, payload, *, headers=None, secret="", limits=None):
    """POST `payload` to `url`; the Answer on 2xx. A 429 raises Throttled (waiting as long as
    Retry-After says, else the channel's penalty), a 5xx or a network failure a transient
    DeliveryError, any other status a permanent one. Errors are redacted."""
    body = encode(payload) if not isinstance(payload, bytes) else payload
    request = urllib.request.Request(  # noqa: S310 - an http(s) URL set by a coordinator or allowed host
        url,
        data=body,
        method="POST",
        headers={"Content-Type": "application/json; charset=utf-8", "User-Agent": USER_AGENT}
        | (headers or {}),
    )
    timeout = getattr(settings, "REMINDER_HTTP_TIMEOUT", 10)
    try:
        with urllib.request.urlopen(request, timeout=timeout) as response:  # noqa: S310
            return Answer(response.status, response.read(65536).decode("utf-8", "replace"))
    except urllib.error.HTTPError as exc:
        text = redact(exc.read(2000).decode("utf-8", "replace")[:500], url=url, secret=secret)
        if exc.code == 429:
            raise Throttled(
                f"HTTP 429 (too many requests): {text}",
                retry_after=_retry_after(exc.headers.get("Retry-After"), limits),
            ) from None
        raise DeliveryError(f"HTTP {exc.code}: {text}", transient=exc.code >= 500) from None
    except (urllib.error.URLError, TimeoutError, OSError) as exc:
        reason = redact(f"{type(exc).__name__}: {getattr(exc, 'reason', exc)}", url=url, secret=secret)
        raise DeliveryError(reason, transient=True) from None


def _retry_after(value, limits):
    default = limits.penalty if limits is not None else dt.timedelta(minutes=1)
    if not value:
        return default
    if value.strip().isdigit():
        return max(dt.timedelta(seconds=int(value)), dt.timedelta(seconds=1))
    try:
        when = email.utils.parsedate_to_datetime(value)
    except (TypeError, ValueError):
        return default
    return max(when - timezone.now(), dt.timedelta(seconds=1))


def json_answer(answer):
    """The answer's JSON object, or {} when it is not JSON (a plain "ok")."""
    try:
        data = json.loads(answer.text or "{}")
    except ValueError:
        return {}
    return data if isinstance(data, dict) else {}
