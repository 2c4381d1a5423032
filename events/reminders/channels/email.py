"""E-mail through Django's mail backend (SMTP in production)."""

import smtplib

from django.conf import settings
from django.core.mail import EmailMessage

from . import DeliveryError, Limits

LIMITS = Limits()  # the mail server paces itself


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
