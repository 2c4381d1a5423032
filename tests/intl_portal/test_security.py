"""Security from the start: production settings, headers on every page, log-in rate limit."""

import os
import subprocess
import sys
from pathlib import Path

import pytest
from django.urls import reverse

ROOT = Path(__file__).resolve().parents[2]
PRODUCTION_ENV = {
    "DJANGO_SECRET_KEY": "p7Xq!v3Rz@8mK#2wLs$9nTb^4yHc&6jDf*1gUe(5aQo)0iZr-=kPx",
    "DJANGO_ALLOWED_HOSTS": "portal.example.org",
}


def manage(*args, env):
    base = {k: v for k, v in os.environ.items() if not k.startswith("DJANGO_")}
    base.pop("INTL_PORTAL_DEMO", None)
    return subprocess.run(
        [sys.executable, "manage.py", *args],
        cwd=ROOT,
        env={**base, "DJANGO_SETTINGS_MODULE": "intl_portal.settings", **env},
        capture_output=True,
        text=True,
        timeout=120,
    )


def test_deploy_check_passes_with_production_settings():
    result = manage("check", "--deploy", "--fail-level", "WARNING", env=PRODUCTION_ENV)
    assert result.returncode == 0, result.stdout + result.stderr


@pytest.mark.parametrize("missing", ["DJANGO_SECRET_KEY", "DJANGO_ALLOWED_HOSTS"])
def test_production_refuses_to_start_without(missing):
    env = {k: v for k, v in PRODUCTION_ENV.items() if k != missing}
    result = manage("check", env={**env, "DJANGO_DEBUG": "false"})
    assert result.returncode != 0
    assert f"{missing} must be set" in result.stderr


def test_wsgi_application_refuses_to_start_unconfigured():
    base = {k: v for k, v in os.environ.items() if not k.startswith("DJANGO_")}
    result = subprocess.run(
        [sys.executable, "-c", "import intl_portal.wsgi"],
        cwd=ROOT,
        env=base,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.returncode != 0
    assert "DJANGO_SECRET_KEY must be set" in result.stderr


def test_manage_py_in_an_unconfigured_checkout_runs_in_development_mode():
    result = manage("check", env={})
    assert result.returncode == 0, result.stderr


@pytest.mark.django_db
@pytest.mark.parametrize("url", ["/", "/accounts/login/", "/admin/login/"])
def test_html_pages_carry_csp_and_referrer_policy(client, url):
    response = client.get(url)
    assert response.status_code == 200
    csp = response["Content-Security-Policy"]
    assert "default-src 'self'" in csp
    assert "script-src 'self'" in csp
    assert "unsafe-inline" not in csp
    assert "frame-ancestors 'none'" in csp
    assert response["Referrer-Policy"] == "same-origin"


@pytest.mark.django_db
def test_login_is_locked_after_five_failures_even_with_the_right_password(client, django_user_model):
    django_user_model.objects.create_user("ted", password="correct-horse-battery")
    login = reverse("login")
    for _ in range(5):
        response = client.post(login, {"username": "ted", "password": "wrong"}, REMOTE_ADDR="203.0.113.9")
        assert response.status_code in (200, 429)
    response = client.post(
        login, {"username": "ted", "password": "correct-horse-battery"}, REMOTE_ADDR="203.0.113.9"
    )
    assert response.status_code == 429
    assert "_auth_user_id" not in client.session
    assert "Too many failed log-in attempts" in response.content.decode()


@pytest.mark.django_db
def test_a_few_failures_do_not_lock_out(client, django_user_model):
    django_user_model.objects.create_user("ted", password="correct-horse-battery")
    for _ in range(2):
        client.post(reverse("login"), {"username": "ted", "password": "wrong"})
    response = client.post(reverse("login"), {"username": "ted", "password": "correct-horse-battery"})
    assert response.status_code == 302
    assert client.session["_auth_user_id"]


@pytest.mark.parametrize("key", ["x", "a" * 60, "short-but-random-3kd9"])
def test_production_refuses_a_weak_secret_key(key):
    result = manage("check", env={**PRODUCTION_ENV, "DJANGO_SECRET_KEY": key, "DJANGO_DEBUG": "false"})
    assert result.returncode != 0
    assert "DJANGO_SECRET_KEY is too weak" in result.stderr


def test_production_refuses_demo_mode_and_its_published_passwords():
    result = manage("check", env={**PRODUCTION_ENV, "INTL_PORTAL_DEMO": "1", "DJANGO_DEBUG": "false"})
    assert result.returncode != 0
    assert "INTL_PORTAL_DEMO is for development only" in result.stderr
    assert manage("check", env={"INTL_PORTAL_DEMO": "1", "DJANGO_DEBUG": "true"}).returncode == 0


def _fail(client, username, address, proxy="10.0.0.2"):
    return client.post(
        reverse("login"),
        {"username": username, "password": "wrong"},
        REMOTE_ADDR=proxy,
        HTTP_X_FORWARDED_FOR=address,
    )


@pytest.mark.django_db
def test_behind_a_proxy_one_client_cannot_lock_out_another(client, django_user_model, settings):
    settings.TRUSTED_PROXY_COUNT = 1
    django_user_model.objects.create_user("ted", password="correct-horse-battery")
    for _ in range(6):
        _fail(client, "ted", "198.51.100.7")  # the attacker, through our proxy
    # A forged header to the left of the proxy's entry is not believed.
    assert _fail(client, "ted", "203.0.113.9, 198.51.100.7").status_code == 429
    response = client.post(
        reverse("login"),
        {"username": "ted", "password": "correct-horse-battery"},
        REMOTE_ADDR="10.0.0.2",
        HTTP_X_FORWARDED_FOR="203.0.113.9",  # Ted, from elsewhere, through the same proxy
    )
    assert response.status_code == 302


@pytest.mark.django_db
def test_one_address_trying_many_accounts_is_throttled(client, django_user_model):
    for index in range(20):
        django_user_model.objects.create_user(f"user{index}", password="correct-horse-battery")
    statuses = [
        client.post(
            reverse("login"), {"username": f"user{index}", "password": "wrong"}, REMOTE_ADDR="198.51.100.7"
        ).status_code
        for index in range(20)
    ]
    assert statuses[:4] == [200] * 4 and set(statuses[5:]) == {429}
    # Another address is not affected.
    response = client.post(
        reverse("login"),
        {"username": "user0", "password": "correct-horse-battery"},
        REMOTE_ADDR="203.0.113.9",
    )
    assert response.status_code == 302
