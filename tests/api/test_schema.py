"""The OpenAPI description and the docs page, and the API fuzzed from its own schema."""

import re

import pytest
import schemathesis
from django.contrib.staticfiles import finders
from django.core import signals
from django.core.wsgi import get_wsgi_application
from django.db import close_old_connections, transaction
from drf_spectacular.drainage import GENERATOR_STATS
from drf_spectacular.validation import validate_schema
from hypothesis import HealthCheck, given, settings
from rest_framework.authtoken.models import Token
from schemathesis.checks import not_a_server_error
from schemathesis.specs.openapi.checks import response_schema_conformance

from tests import factories


def test_schema_is_valid_openapi_3_and_generated_without_warnings(client, db):
    GENERATOR_STATS._warn_cache.clear()
    GENERATOR_STATS._error_cache.clear()
    response = client.get("/api/schema/?format=json")
    assert response.status_code == 200
    schema = response.json()
    validate_schema(schema)
    assert schema["openapi"].startswith("3.")
    assert dict(GENERATOR_STATS._warn_cache) == {} and dict(GENERATOR_STATS._error_cache) == {}
    for path in (
        "/api/events/",
        "/api/expenses/{id}/approve/",
        "/api/ambassadors/",
        "/api/swag-requests/",
    ):
        assert path in schema["paths"]


def test_docs_page_loads_every_asset_from_the_portal_with_no_inline_code(client, db):
    response = client.get("/api/docs/")
    assert response.status_code == 200
    html = response.content.decode()
    assert "<style" not in html
    assert not re.search(r"<script(?![^>]*\bsrc=)", html)
    assets = re.findall(r'(?:src|href)="([^"]+)"', html)
    assert len(assets) >= 5
    for url in assets:
        assert url.startswith("/"), url
        if url.startswith("/static/"):
            assert finders.find(url.removeprefix("/static/")), url
        else:
            asset = client.get(url.replace("&amp;", "&"))
            assert asset.status_code == 200, url
            assert asset["Content-Type"].startswith("application/javascript")
    assert "script-src 'self'" in response["Content-Security-Policy"]


# --- fuzzing ---------------------------------------------------------------------------

# Writes fuzzed as a coordinator, besides every GET.
FUZZED_WRITES = {
    ("POST", "/api/tags/"),
    ("POST", "/api/events/"),
    ("PATCH", "/api/events/{id}/"),
    ("POST", "/api/deadlines/"),
    ("POST", "/api/ideas/"),
    ("POST", "/api/expenses/"),
    ("POST", "/api/exchange-rates/"),
    ("POST", "/api/budgets/{id}/approve/"),
}
EXAMPLES = 8


@pytest.fixture
def wsgi_app():
    """Django's WSGI application, in the test's transaction: like Django's test client,
    keep the request signals from closing the connection between requests."""
    signals.request_started.disconnect(close_old_connections)
    signals.request_finished.disconnect(close_old_connections)
    try:
        yield get_wsgi_application()
    finally:
        signals.request_started.connect(close_old_connections)
        signals.request_finished.connect(close_old_connections)


def test_api_fuzzed_from_its_own_schema_never_fails_and_matches_it(wsgi_app, coordinator, world):
    # Objects with ids 1…n exist so that generated ids sometimes hit something.
    factories.EventFactory.create_batch(3)
    factories.ExpenseFactory(member=world["me"])
    headers = {"Authorization": f"Token {Token.objects.create(user=coordinator).key}"}
    schema = schemathesis.openapi.from_wsgi("/api/schema/?format=json", wsgi_app)
    checked = []
    for result in schema.get_all_operations():
        operation = result.ok()
        key = (operation.method.upper(), operation.path)
        if operation.method.upper() != "GET" and key not in FUZZED_WRITES:
            continue
        checked.append(key)

        @given(case=operation.as_strategy())
        @settings(
            max_examples=EXAMPLES,
            deadline=None,
            database=None,
            derandomize=True,
            suppress_health_check=list(HealthCheck),
        )
        def run(case):
            case.call_and_validate(headers=headers, checks=[not_a_server_error, response_schema_conformance])

        run()
    assert set(checked) >= FUZZED_WRITES
    assert len(checked) >= 40 + len(FUZZED_WRITES)


@pytest.mark.parametrize("role", ["coordinator", "member", "anonymous"])
def test_api_stateful_workflows_never_fail_and_match_the_schema(wsgi_app, users, world, role):
    """Schemathesis' stateful phase: sequences of calls chained by the links it infers
    (create an event, then read, change or act on it, …), as each role, every response
    checked for a 5xx and against the schema. Each sequence runs in a savepoint, rolled back
    after it, so that every sequence starts from the same data (Hypothesis replays them)."""
    factories.EventFactory.create_batch(3)
    user = users[role]
    headers = {"Authorization": f"Token {Token.objects.create(user=user).key}"} if user else {}
    schema = schemathesis.openapi.from_wsgi("/api/schema/?format=json", wsgi_app)

    class Workflow(schema.as_state_machine()):
        def setup(self):
            self.savepoint = transaction.savepoint()

        def teardown(self):
            transaction.savepoint_rollback(self.savepoint)

        def get_call_kwargs(self, case):
            return {"headers": headers}

        def validate_response(self, response, case, additional_checks=(), **kwargs):
            case.validate_response(
                response, checks=[not_a_server_error, response_schema_conformance], headers=headers
            )

    Workflow.run(
        settings=settings(
            max_examples=30,
            stateful_step_count=6,
            deadline=None,
            database=None,
            derandomize=True,
            suppress_health_check=list(HealthCheck),
        )
    )


def test_api_fuzzed_as_an_anonymous_visitor_never_fails_and_matches_it(wsgi_app, world):
    schema = schemathesis.openapi.from_wsgi("/api/schema/?format=json", wsgi_app)
    for result in schema.get_all_operations():
        operation = result.ok()

        @given(case=operation.as_strategy())
        @settings(
            max_examples=5,
            deadline=None,
            database=None,
            derandomize=True,
            suppress_health_check=list(HealthCheck),
        )
        def run(case):
            case.call_and_validate(checks=[not_a_server_error, response_schema_conformance])

        run()


def test_schema_says_which_operations_a_visitor_may_call(client, db):
    """An operation open to visitors lists "no authentication" ({}) among its security
    requirements; one that answers a visitor 401 does not."""
    schema = client.get("/api/schema/?format=json").json()
    checked = 0
    for path, item in schema["paths"].items():
        if "{" in path or "get" not in item:
            continue
        open_to_visitors = {} in item["get"]["security"]
        status = client.get(path).status_code
        assert (status != 401) == open_to_visitors, (path, status, item["get"]["security"])
        checked += 1
    assert checked >= 15
    assert {} in schema["paths"]["/api/events/"]["get"]["security"]
    assert {} not in schema["paths"]["/api/members/"]["get"]["security"]
