"""Calendar UIDs (RFC 5545 §3.8.4.7): stored with each event and deadline when the row is made,
so that a subscriber's copy is replaced, never doubled, whatever the site's address becomes."""

import uuid

from django.conf import settings


def new_calendar_uid():
    """A globally unique UID: a random UUID at the portal's fixed UID domain."""
    return f"{uuid.uuid4()}@{settings.CALENDAR_UID_DOMAIN}"
