"""Personal API tokens (DRF authtoken: one token per user)."""

from django.db import transaction
from rest_framework.authtoken.models import Token


@transaction.atomic
def api_token_create(*, user):
    """Create the user's API token, replacing (and so revoking) any previous one."""
    Token.objects.filter(user=user).delete()
    return Token.objects.create(user=user)


def api_token_revoke(*, user):
    """Revoke the user's API token; returns whether there was one."""
    deleted, _ = Token.objects.filter(user=user).delete()
    return deleted > 0


def api_token_of(*, user):
    return Token.objects.filter(user=user).first()
