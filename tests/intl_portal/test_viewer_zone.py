"""The viewer's zone: chosen in the session, else a member's saved zone, else the zone the
visitor's browser reported in its cookie (set by portal.js), else UTC."""

import datetime as dt

import pytest

from intl_portal.middleware import BROWSER_ZONE_COOKIE, SESSION_KEY
from members.models import Member
from tests import factories

# "Closes June 30, 3:59 PM KST" is 06:59 UTC: 14:59 in Beijing, 15:59 in Tokyo.
DUE = dt.datetime(2025, 6, 30, 6, 59, tzinfo=dt.UTC)


@pytest.fixture
def deadline(db):
    return factories.DeadlineFactory(due_at=DUE, timezone="Asia/Seoul")


def _zone_field(response):
    """The zone field's value and where the zone came from (portal.js reads the latter)."""
    return response.context["VIEWER_ZONE"], response.context["request"].viewer_zone_source


def test_visitor_without_a_cookie_sees_utc_marked_as_the_default(client, deadline):
    response = client.get("/cfp/")
    assert "your time: 2025-06-30 06:59 UTC" in response.text
    assert _zone_field(response) == ("UTC", "default")
    assert 'data-zone-source="default"' in response.text


def test_visitor_sees_the_zone_their_browser_reported(client, deadline):
    client.cookies[BROWSER_ZONE_COOKIE] = "Asia/Shanghai"
    response = client.get("/cfp/")
    assert "your time: 2025-06-30 14:59 UTC+08:00" in response.text
    assert _zone_field(response) == ("Asia/Shanghai", "browser")


@pytest.mark.parametrize("bad", ["Mars/Olympus", "", "UTC; DROP", "../../etc/passwd", "x" * 300])
def test_visitor_with_an_unknown_zone_in_the_cookie_stays_in_utc(client, deadline, bad):
    client.cookies[BROWSER_ZONE_COOKIE] = bad
    response = client.get("/cfp/")
    assert response.status_code == 200
    assert "your time: 2025-06-30 06:59 UTC" in response.text
    assert _zone_field(response) == ("UTC", "default")


def test_member_keeps_their_saved_zone_whatever_the_browser_says(member_client, member_user, deadline):
    Member.objects.filter(user=member_user).update(timezone="Europe/Berlin")
    member_client.cookies[BROWSER_ZONE_COOKIE] = "Asia/Shanghai"
    response = member_client.get("/cfp/")
    assert "your time: 2025-06-30 08:59 CEST" in response.text
    assert _zone_field(response) == ("Europe/Berlin", "member")


def test_a_chosen_zone_wins_over_the_browser_cookie(client, deadline):
    client.cookies[BROWSER_ZONE_COOKIE] = "Asia/Shanghai"
    session = client.session
    session[SESSION_KEY] = "Europe/Berlin"
    session.save()
    response = client.get("/cfp/")
    assert "your time: 2025-06-30 08:59 CEST" in response.text
    assert _zone_field(response) == ("Europe/Berlin", "chosen")


def test_a_page_answering_a_post_never_asks_the_script_to_reload(client, db):
    response = client.post("/accounts/login/", {"username": "nobody", "password": "wrong"})
    assert response.status_code == 200
    assert 'data-zone-source="posted"' in response.text


def test_the_api_stays_in_utc_whatever_the_cookie(client, deadline):
    client.cookies[BROWSER_ZONE_COOKIE] = "Asia/Shanghai"
    response = client.get(f"/api/deadlines/{deadline.pk}/")
    assert response.json()["due_at"].endswith(("Z", "+00:00"))
