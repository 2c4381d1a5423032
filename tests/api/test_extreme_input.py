"""Extreme input never breaks the API or a page: a clear 4xx, nothing stored."""

import io

import pytest

from budget.imports import budget_lines_import
from events.models import Event
from tests import factories


def test_deeply_nested_json_is_a_400(api_as, coordinator):
    body = '{"a":' * 1000 + "1" + "}" * 1000
    response = api_as("coordinator").generic("POST", "/api/events/", body, content_type="application/json")
    assert response.status_code == 400
    assert "nested too deeply" in response.json()["detail"]


def test_a_nine_megabyte_description_is_refused(api_as, coordinator):
    response = api_as("coordinator").post(
        "/api/events/", {"name": "Huge", "description": "x" * 9_000_000}, format="json"
    )
    assert response.status_code == 400
    assert response.json()["description"] == ["Ensure this field has no more than 20000 characters."]
    assert not Event.objects.filter(name="Huge").exists()


@pytest.mark.parametrize("path", ["/api/events/1.5/", "/api/events/abc/", "/api/nothing-here/", "/api/x.y"])
def test_api_answers_json_404s_everywhere(api_as, path):
    response = api_as("anonymous").get(path)
    assert response.status_code == 404
    assert response["Content-Type"].startswith("application/json")
    assert response.json() == {"detail": "Not found."}


def test_a_csv_with_a_nul_byte_is_refused_with_its_line(coordinator):
    budget = factories.BudgetFactory()
    data = b"category,amount,currency\ntravel,100,CNY\ntravel,2\x0000,CNY\n"
    with pytest.raises(Exception, match="Line 3 contains a NUL character"):
        budget_lines_import(budget=budget, user=coordinator, file=io.BytesIO(data))
    assert not budget.lines.exists()


@pytest.mark.parametrize(
    "body, content_type",
    [
        ("name=Conf&tags=a%00b", "application/x-www-form-urlencoded"),
        ('{"name": "Conf", "tags": ["a\\u0000b"]}', "application/json"),
        ('{"name\\u0000": "Conf"}', "application/json"),
    ],
)
def test_a_nul_character_anywhere_is_a_400_not_a_500(api_as, coordinator, body, content_type):
    """Schemathesis found it: a tag name with a NUL byte made PostgreSQL fail the lookup."""
    response = api_as("coordinator").generic("POST", "/api/events/", body, content_type=content_type)
    assert response.status_code == 400
    assert response.json()["detail"] == "The request contains a NUL character, which no field accepts."
    assert not Event.objects.filter(name="Conf").exists()
