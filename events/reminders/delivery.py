"""Sending one outbox row: its words in the recipient's language, where it goes (an address,
or a robot's URL and secret), and the channel adapter that carries it. E-mails of one pass
share one SMTP connection (MailLink)."""

import dataclasses
import logging
import smtplib

from django.conf import settings
from django.core.mail import get_connection

from ..models.reminders import Reminder, Via
from . import channels
from .channels.email import send_email
from .digests import digest_content, digest_schedule, render_digest
from .mentions import render_mention_message
from .messages import render_message, render_travel_message

logger = logging.getLogger(__name__)


def recipient_language(row):
    if row.member_id is not None:
        return row.member.preferred_language or settings.LANGUAGE_CODE
    return row.channel.language or settings.LANGUAGE_CODE


class NothingToSay(Exception):
    """A digest with nothing in it this week: it is skipped, not sent."""


def render(row, *, now, memo=None):
    """The row's message in its recipient's language; NothingToSay for an empty digest.

    `memo`: a pass's dict of deadline reminders already rendered. Every member going to an
    event gets the same words for its deadline (in their language, with the same minutes
    left), so a pass renders them once per deadline, language and minute."""
    language = recipient_language(row)
    if row.travel_step_id is not None:
        return render_travel_message(step=row.travel_step, language=language, now=now)
    if row.kind == Reminder.Kind.MENTION:
        zone = row.member.timezone or "Asia/Shanghai"
        return render_mention_message(comment=row.comment, language=language, zone=zone)
    if row.kind != Reminder.Kind.DIGEST:
        deadline = row.deadline
        if memo is None:
            return render_message(deadline=deadline, language=language, now=now)
        minutes_left = round((deadline.due_at - now).total_seconds() / 60)
        key = (deadline.pk, deadline.due_at, deadline.due_estimated, language, minutes_left)
        if key not in memo:
            memo[key] = render_message(deadline=deadline, language=language, now=now)
        return memo[key]
    schedule, _reason = digest_schedule(row)
    public_only = row.channel_id is not None and row.channel.public_only
    content, today = digest_content(
        now=now, zone=schedule.zone, public_only=public_only, member=row.member if row.member_id else None
    )
    message = render_digest(
        content=content, today=today, period=row.period, language=language, now=now, public_only=public_only
    )
    if message is None:
        raise NothingToSay
    return message


@dataclasses.dataclass(frozen=True)
class Target:
    via: str
    url: str = ""
    secret: str = ""
    address: str = ""


def target(row):
    """Where the row goes: an e-mail address, or a robot's URL and secret."""
    if row.via == Via.EMAIL:
        address = row.member.email if row.member_id is not None else row.channel.email
        return Target(row.via, address=address)
    if row.member_id is not None:
        pref = getattr(row.member, "reminder_preference", None)
        url, secret = (pref.chat_url, pref.chat_secret) if pref else ("", "")
    else:
        url, secret = row.channel.url, row.channel.secret
    return Target(row.via, url=url, secret=secret)


def deliver(message, to, *, now, key="", email=None, extra=None):
    """Send a rendered message to one target; raises channels.DeliveryError (Throttled when
    the channel says we are too fast). `email` is the pass's MailLink (opened on first
    use); `extra`: fields a generic webhook's JSON gets besides the message's."""
    if to.via == Via.EMAIL:
        link = email or MailLink()
        try:
            return send_email(
                address=to.address, message=message, connection=link.connection(), idempotency_key=key
            )
        except channels.DeliveryError:
            link.broken()
            raise
    if not to.url:
        raise channels.DeliveryError("no webhook URL", transient=False)
    if extra:
        message = dataclasses.replace(message, data=message.data | extra)
    return channels.adapter(to.via).send(
        url=to.url, secret=to.secret, message=message, now=now, idempotency_key=key
    )


class MailLink:
    """The pass's SMTP connection, opened when the first e-mail goes out. When the server
    cannot be reached, the pass stops trying it: the e-mails after it are put back for
    later without an attempt counted (nothing was tried), and the other channels go on."""

    def __init__(self):
        self._connection = None
        self.down = None  # the error that made the server unreachable in this pass

    def connection(self):
        if self.down is not None:
            raise channels.DeliveryError(self.down, transient=True, tried=False)
        if self._connection is None:
            connection = get_connection()
            try:
                connection.open()
            except (smtplib.SMTPException, OSError) as exc:
                self.down = f"mail server unreachable: {type(exc).__name__}: {exc}"
                raise channels.DeliveryError(self.down, transient=True) from exc
            self._connection = connection
        return self._connection

    def broken(self):
        """After a failed send the connection may be unusable: the next e-mail reopens it."""
        self.close()

    def close(self):
        if self._connection is not None:
            try:
                self._connection.close()
            except Exception:  # closing a dead connection: nothing left to do
                logger.debug("closing the SMTP connection failed", exc_info=True)
            self._connection = None


def redacted(error, to):
    """An error as recorded and logged: the channel's secrets masked, at most 2,000 characters."""
    text = str(error)
    if to is not None:
        text = channels.redact(text, url=to.url, secret=to.secret)
    return text[:2000]
