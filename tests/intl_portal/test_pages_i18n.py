"""Language switcher and time-zone selector on every page."""

import datetime as dt

import pytest
from django.test import Client

from tests import factories


@pytest.mark.parametrize("url", ["/", "/cfp/", "/me/"])
def test_every_page_has_the_language_switcher_and_time_zone_selector(member_client, url):
    response = member_client.get(url)
    assert 'name="language" value="zh-hans"' in response.text
    assert 'name="language" value="en"' in response.text
    assert 'action="/timezone/"' in response.text


def test_switching_to_chinese_and_back(client, db):
    factories.EventFactory(name="GOSIM Hangzhou 2025")
    response = client.post("/i18n/setlang/", {"language": "zh-hans", "next": "/cfp/"}, follow=True)
    assert response.redirect_chain[-1][0] == "/cfp/"
    assert '<html lang="zh-hans">' in response.text
    assert "CFP 看板" in response.text
    assert "在哪里见到我们" in response.text
    response = client.post("/i18n/setlang/", {"language": "en", "next": "/"}, follow=True)
    assert '<html lang="en">' in response.text
    assert "CFP board" in response.text


def test_chinese_calendar_names_the_month_in_chinese(client, db):
    factories.EventFactory()
    client.post("/i18n/setlang/", {"language": "zh-hans", "next": "/"})
    response = client.get("/?month=2025-09")
    assert "2025年9月" in response.text


def test_time_zone_choice_is_remembered_and_used(member_client):
    factories.DeadlineFactory(due_at=dt.datetime(2025, 7, 14, 15, 59, tzinfo=dt.UTC), timezone="UTC")
    response = member_client.post("/timezone/", {"timezone": "Asia/Seoul", "next": "/cfp/"}, follow=True)
    assert response.redirect_chain[-1][0] == "/cfp/"
    assert "your time: 2025-07-15 00:59 KST" in response.text
    assert 'value="Asia/Seoul"' in response.text
    assert "your time: 2025-07-15 00:59 KST" in member_client.get("/cfp/").text


def test_time_zone_choice_follows_the_member_to_a_new_session(member_client, member_user):
    member_client.post("/timezone/", {"timezone": "AoE", "next": "/"})
    member_user.member.refresh_from_db()
    assert member_user.member.timezone == "Etc/GMT+12"
    other_device = Client()
    other_device.force_login(member_user)
    assert 'name="timezone" value="AoE"' in other_device.get("/cfp/").text


def test_unknown_time_zone_leaves_the_members_zone_alone(member_client, member_user):
    member_client.post("/timezone/", {"timezone": "Mars/Olympus", "next": "/"})
    member_user.member.refresh_from_db()
    assert member_user.member.timezone == "Asia/Shanghai"


def test_unknown_time_zone_is_refused_with_a_message(member_client):
    response = member_client.post("/timezone/", {"timezone": "Mars/Olympus", "next": "/"}, follow=True)
    assert response.status_code == 200
    assert "is not a known time zone" in response.text
