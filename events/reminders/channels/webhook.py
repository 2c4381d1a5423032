"""A generic JSON webhook: the message's data as JSON, optionally signed with HMAC-SHA256
(X-Intl-Portal-Signature), with an Idempotency-Key a receiver can drop repeats by."""

import hashlib
import hmac

from . import Limits
from .http import encode, post_json

LIMITS = Limits()


def payload(message, *, secret="", now=None, idempotency_key=""):
    body = dict(message.data)
    if idempotency_key:
        body["idempotency_key"] = idempotency_key
    return body


def send(*, url, secret, message, now, idempotency_key=""):
    body = payload(message, idempotency_key=idempotency_key)
    headers = {}
    if idempotency_key:
        headers["Idempotency-Key"] = idempotency_key
    raw = encode(body)
    if secret:
        digest = hmac.new(secret.encode(), raw, hashlib.sha256).hexdigest()
        headers["X-Intl-Portal-Signature"] = f"sha256={digest}"
    return post_json(url, raw, headers=headers, secret=secret, limits=LIMITS)
