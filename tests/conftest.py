"""Shared fixtures: the three standing users (coordinator, member, outsider) plus an
approver; the rule that a test needing a missing service fails under CI (tests.machine);
the one Chromium launcher, `browser` (tests.chromium)."""

import os

import pytest
from django.contrib.auth.models import Group
from django.core.management import call_command
from django.db import connection

from members.groups import APPROVERS, COORDINATORS, ensure_standard_groups

from . import factories
from .machine import require_service

pytest_plugins = ["tests.chromium"]


@pytest.fixture(scope="session", autouse=True)
def _compiled_translations():
    call_command("compile_translations", verbosity=0)


@pytest.fixture(autouse=True)
def _fresh_feed_snapshots():
    # The calendar feeds keep rendered entries per process; each test's database is new.
    from events.feeds.assembly import snapshots

    snapshots.clear()


@pytest.fixture(autouse=True)
def _service_markers(request):
    if request.node.get_closest_marker("postgres"):
        require_service(connection.vendor == "postgresql", "needs PostgreSQL (DATABASE_URL)")
    if request.node.get_closest_marker("redis"):
        require_service(bool(os.environ.get("REDIS_URL")), "needs Redis (REDIS_URL)")


@pytest.fixture
def standard_groups(db):
    # Transactional tests flush the database, groups included: make sure they exist.
    ensure_standard_groups()


@pytest.fixture
def coordinator(standard_groups):
    user = factories.UserFactory(username="coordinator", is_staff=True)
    user.groups.add(Group.objects.get(name=COORDINATORS))
    factories.MemberFactory(user=user, display_name="Coordinator Chen")
    return user


@pytest.fixture
def approver(standard_groups):
    user = factories.UserFactory(username="approver")
    user.groups.add(Group.objects.get(name=APPROVERS))
    factories.MemberFactory(user=user, display_name="Approver Wang")
    return user


@pytest.fixture
def member_user(db):
    user = factories.UserFactory(username="member")
    factories.MemberFactory(user=user, display_name="Member Li")
    return user


@pytest.fixture
def outsider(db):
    return factories.UserFactory(username="outsider")


@pytest.fixture
def coordinator_client(client, coordinator):
    client.force_login(coordinator)
    return client


@pytest.fixture
def member_client(client, member_user):
    client.force_login(member_user)
    return client


@pytest.fixture(scope="session")
def django_db_setup(django_db_setup, django_db_blocker):
    """pytest-django's database set-up, plus: before the test database is dropped, end the
    sessions that the live server's keep-alive request threads still hold (browser tests)."""
    yield
    with django_db_blocker.unblock():
        if connection.vendor == "postgresql":
            with connection.cursor() as cursor:
                cursor.execute(
                    "SELECT pg_terminate_backend(pid) FROM pg_stat_activity "
                    "WHERE datname = current_database() AND pid <> pg_backend_pid()"
                )
