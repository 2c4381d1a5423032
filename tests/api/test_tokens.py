"""Personal API tokens: created and revoked on /me/api-tokens/, used in the Authorization
header."""

import zoneinfo

from django.utils import timezone
from rest_framework.authtoken.models import Token
from rest_framework.test import APIClient


def test_member_creates_a_token_and_reads_the_api_with_it(client, member_user, world):
    client.force_login(member_user)
    response = client.post("/me/api-tokens/", {"action": "create"})
    assert response.status_code == 200
    key = Token.objects.get(user=member_user).key
    assert key in response.content.decode()
    api = APIClient()
    api.credentials(HTTP_AUTHORIZATION=f"Token {key}")
    response = api.get("/api/goals/")
    assert response.status_code == 200


def test_token_page_shows_only_a_hint_of_an_existing_token(client, member_user):
    token = Token.objects.create(user=member_user)
    client.force_login(member_user)
    content = client.get("/me/api-tokens/").content.decode()
    assert token.key not in content
    assert f"{token.key[:4]}…{token.key[-4:]}" in content


def test_replacing_a_token_revokes_the_old_one(client, member_user):
    old = Token.objects.create(user=member_user).key
    client.force_login(member_user)
    client.post("/me/api-tokens/", {"action": "create"})
    api = APIClient()
    api.credentials(HTTP_AUTHORIZATION=f"Token {old}")
    assert api.get("/api/goals/").status_code == 401


def test_revoked_token_no_longer_works(client, member_user):
    key = Token.objects.create(user=member_user).key
    client.force_login(member_user)
    response = client.post("/me/api-tokens/", {"action": "revoke"})
    assert response.status_code == 302
    assert not Token.objects.filter(user=member_user).exists()
    api = APIClient()
    api.credentials(HTTP_AUTHORIZATION=f"Token {key}")
    assert api.get("/api/goals/").status_code == 401


def test_token_page_needs_a_log_in(client, db):
    response = client.get("/me/api-tokens/")
    assert response.status_code == 302
    assert response["Location"].startswith("/accounts/login/")


def test_token_acts_with_its_users_rights(member_user, world):
    key = Token.objects.create(user=member_user).key
    api = APIClient()
    api.credentials(HTTP_AUTHORIZATION=f"Token {key}")
    response = api.post("/api/events/", {"name": "Not allowed"}, format="json")
    assert response.status_code == 403


def test_token_writes_without_a_csrf_token(coordinator):
    key = Token.objects.create(user=coordinator).key
    api = APIClient(enforce_csrf_checks=True)
    api.credentials(HTTP_AUTHORIZATION=f"Token {key}")
    response = api.post("/api/tags/", {"slug": "ai", "name_en": "AI"}, format="json")
    assert response.status_code == 201


def test_session_write_without_csrf_token_is_refused(coordinator):
    api = APIClient(enforce_csrf_checks=True)
    api.force_login(coordinator)
    response = api.post("/api/tags/", {"slug": "ai", "name_en": "AI"}, format="json")
    assert response.status_code == 403


def test_token_page_says_when_a_token_was_made_in_one_sentence(client, member_user):
    Token.objects.create(user=member_user)
    client.force_login(member_user)
    content = client.get("/me/api-tokens/").content.decode()
    assert "p.m.." not in content and "a.m.." not in content
    # The page writes the instant in the member's own zone: near midnight UTC that is
    # another day in Shanghai than in UTC.
    created = Token.objects.get(user=member_user).created
    local = timezone.localtime(created, zoneinfo.ZoneInfo(member_user.member.timezone))
    assert f"created {local:%Y-%m-%d %H:%M}" in content


def test_a_new_token_has_a_copy_button(client, member_user):
    client.force_login(member_user)
    content = client.post("/me/api-tokens/", {"action": "create"}).content.decode()
    key = Token.objects.get(user=member_user).key
    assert f'<button type="button" class="copy" data-copy="{key}"' in content
