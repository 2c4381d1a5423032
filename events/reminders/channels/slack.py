"""Slack incoming webhook: mrkdwn text. About one message a second per webhook; a 429
carries Retry-After."""

from . import Limits, fit
from .http import post_json

LIMITS = Limits(windows=((1, 1.0),))
MAX_TEXT = 39_000


def text(message):
    links = " · ".join(f"<{url}|{label}>" for label, url in message.links)
    return "\n".join([f"*{message.title}*", *message.lines, links])


def payload(message, *, secret="", now=None):
    return fit(message, lambda m: {"text": text(m)}, lambda body: len(body["text"]), MAX_TEXT)


def send(*, url, secret, message, now, idempotency_key=""):
    return post_json(url, payload(message), limits=LIMITS)
