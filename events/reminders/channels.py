"""Delivery: e-mail through Django's backend, Feishu/Lark and Slack bots, generic webhooks.

Each function raises DeliveryError on failure; `transient` says whether trying again
later may help (network trouble, HTTP 429/5xx, a busy mail server).
"""

import base64
import hashlib
import hmac
import json
import smtplib
import time
import urllib.error
import urllib.request

from django.conf import settings
from django.core.mail import EmailMessage

from .messages import utc_iso

USER_AGENT = "intl_portal-reminders/1.0"


class DeliveryError(Exception):
    """A send that did not happen. `transient`: worth trying again later; `tried`: a send
    was attempted (it counts as an attempt), not merely skipped because the channel was
    already known to be down in this pass."""

    def __init__(self, message, *, transient, tried=True):
        super().__init__(message)
        self.transient = transient
        self.tried = tried


def feishu_sign(*, timestamp, secret):
    """Feishu/Lark custom bot signature: HMAC-SHA256 keyed with "timestamp\\nsecret" over b""."""
    key = f"{timestamp}\n{secret}".encode()
    return base64.b64encode(hmac.new(key, b"", hashlib.sha256).digest()).decode()


def send_email(*, address, message, connection=None, idempotency_key=""):
    headers = {}
    if idempotency_key:
        # The same key on a repeated message (Message-ID, and a header filters can use).
        headers["Message-ID"] = f"<{idempotency_key}@{settings.CALENDAR_UID_DOMAIN}>"
        headers["X-Intl-Portal-Reminder"] = idempotency_key
    email = EmailMessage(
        subject=message.subject,
        body=message.text + "\n\n" + message.preferences_url + "\n",
        from_email=settings.DEFAULT_FROM_EMAIL,
        to=[address],
        connection=connection,
        headers=headers,
    )
    try:
        email.send()
    except smtplib.SMTPRecipientsRefused as exc:
        raise DeliveryError(f"recipient refused: {exc}", transient=False) from exc
    except smtplib.SMTPResponseException as exc:
        raise DeliveryError(
            f"SMTP {exc.smtp_code}: {exc.smtp_error!r}", transient=exc.smtp_code < 500
        ) from exc
    except (smtplib.SMTPException, OSError) as exc:
        raise DeliveryError(f"{type(exc).__name__}: {exc}", transient=True) from exc


def _post_json(url, payload, headers=None):
    body = json.dumps(payload, ensure_ascii=False).encode()
    request = urllib.request.Request(  # noqa: S310 - the URL is an http(s) URLField
        url,
        data=body,
        method="POST",
        headers={"Content-Type": "application/json; charset=utf-8", "User-Agent": USER_AGENT}
        | (headers or {}),
    )
    timeout = getattr(settings, "REMINDER_HTTP_TIMEOUT", 10)
    try:
        with urllib.request.urlopen(request, timeout=timeout) as response:  # noqa: S310
            return response.status, response.read(65536).decode("utf-8", "replace")
    except urllib.error.HTTPError as exc:
        text = exc.read(2000).decode("utf-8", "replace")
        transient = exc.code == 429 or exc.code >= 500
        raise DeliveryError(f"HTTP {exc.code}: {text[:500]}", transient=transient) from exc
    except (urllib.error.URLError, TimeoutError, OSError) as exc:
        raise DeliveryError(f"{type(exc).__name__}: {exc}", transient=True) from exc


def feishu_payload(*, message, secret="", timestamp=None):
    lang = "zh_cn" if message.language.startswith("zh") else "en_us"
    content = [[{"tag": "text", "text": line}] for line in message.lines]
    links = []
    if message.cfp_url:
        links.append({"tag": "a", "text": "CFP", "href": message.cfp_url})
        links.append({"tag": "text", "text": "  "})
    links.append({"tag": "a", "text": "intl_portal", "href": message.portal_url})
    content.append(links)
    payload = {
        "msg_type": "post",
        "content": {"post": {lang: {"title": message.title, "content": content}}},
    }
    if secret:
        timestamp = str(int(timestamp if timestamp is not None else time.time()))
        payload = {
            "timestamp": timestamp,
            "sign": feishu_sign(timestamp=timestamp, secret=secret),
        } | payload
    return payload


def send_feishu(*, url, secret, message):
    _status, text = _post_json(url, feishu_payload(message=message, secret=secret))
    try:
        answer = json.loads(text or "{}")
    except ValueError:
        answer = {}
    code = answer.get("code", answer.get("StatusCode", 0))
    if code not in (0, None):
        # 11232: rate limited; every other code (bad signature, keyword, …) needs a person.
        raise DeliveryError(f"Feishu code {code}: {answer.get('msg', '')}", transient=code == 11232)


def slack_payload(*, message):
    links = [f"<{message.cfp_url}|CFP>"] if message.cfp_url else []
    links.append(f"<{message.portal_url}|intl_portal>")
    text = "\n".join([f"*{message.title}*", *message.lines[1:], " · ".join(links)])
    return {"text": text}


def send_slack(*, url, message):
    _post_json(url, slack_payload(message=message))


def webhook_payload(*, reminder, deadline, message):
    return {
        "type": "deadline_reminder",
        "reminder_id": reminder.pk,
        "language": message.language,
        "subject": message.subject,
        "text": message.text,
        "event": {"id": deadline.event_id, "name": deadline.event.name},
        "deadline": {
            "id": deadline.pk,
            "kind": deadline.kind,
            "title": deadline.title,
            "due_at": utc_iso(deadline.due_at),
            "timezone": deadline.timezone,
            "local": deadline.local_due_at.isoformat(),
            "is_date_only": deadline.is_date_only,
        },
        "offset_seconds": int(reminder.offset.total_seconds()),
        "time_left": message.time_left,
        "close_local": message.close_local,
        "close_utc": message.close_utc,
        "cfp_url": message.cfp_url,
        "portal_url": message.portal_url,
    }


def send_webhook(*, url, secret, reminder, deadline, message, idempotency_key=""):
    payload = webhook_payload(reminder=reminder, deadline=deadline, message=message)
    headers = {}
    if idempotency_key:
        payload["idempotency_key"] = idempotency_key
        headers["Idempotency-Key"] = idempotency_key
    if secret:
        body = json.dumps(payload, ensure_ascii=False).encode()
        digest = hmac.new(secret.encode(), body, hashlib.sha256).hexdigest()
        headers["X-Intl-Portal-Signature"] = f"sha256={digest}"
    _post_json(url, payload, headers)
