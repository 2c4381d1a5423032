"""Program pages as designed: the sub-nav marks the page shown (and is left out for visitors),
the main action is a deliberately primary button, the calendar's state is a capitalised badge,
the stock table colours every zero alike and names the keeper once, the review's decision cell
stacks, no raw ISO date in the intro, and the 403 reason in the reader's language."""

import datetime as dt

import pytest
from django.urls import reverse
from django.utils import timezone

from members.models import ContributionPublication
from tests import factories

pytestmark = pytest.mark.django_db


def test_subnav_marks_the_current_page_and_visitors_get_none(client, member_client):
    page = member_client.get(reverse("program:calendar")).text
    assert f'<a href="{reverse("program:calendar")}" aria-current="page">Content calendar</a>' in page
    assert page.count('aria-current="page"') >= 1
    assert f'<a href="{reverse("program:swag")}">Swag</a>' in page
    client.logout()
    assert 'class="program-nav"' not in client.get(reverse("program:page")).text


def test_primary_button_is_named_on_purpose(member_client):
    page = member_client.get(reverse("program:mine")).text
    assert 'class="button button-primary"' in page
    assert f'<a class="button" href="{reverse("program:contribution_new")}">' in page
    # Not in the program yet: one empty state, not three empty sections.
    assert 'id="not-in-program"' in page and "<h2>Enrolments</h2>" not in page


def test_intro_has_no_raw_iso_date(member_client):
    page = member_client.get(reverse("program:page")).text
    assert timezone.localdate().isoformat() not in page.split('id="program-lead"', 1)[1].split("</p>", 1)[0]
    asked = member_client.get(reverse("program:page") + "?on=2026-12-04").text
    assert "Dec. 4, 2026" in asked or "December 4, 2026" in asked
    zh = member_client.get(reverse("program:page") + "?on=2026-12-04", HTTP_ACCEPT_LANGUAGE="zh-hans").text
    assert "2026年12月4日 在任期内的贡献者" in zh


def test_calendar_state_is_a_capitalised_badge(member_client):
    member = factories.MemberFactory(display_name="Rich", name_en="Richard", name_zh="理查")
    contribution = factories.ContributionFactory(member=member, title_en="Bilingual", title_zh="双语")
    ContributionPublication.objects.create(
        contribution=contribution,
        channel="linkedin",
        language="en",
        planned_for=timezone.now() + dt.timedelta(days=2),
    )
    page = member_client.get(reverse("program:calendar")).text
    assert '<span class="badge status-planned">Planned</span>' in page
    assert '<td class="nowrap">Richard</td>' in page
    zh = member_client.get(reverse("program:calendar"), HTTP_ACCEPT_LANGUAGE="zh-hans").text
    assert '<span class="badge status-planned">已排期</span>' in zh and "理查" in zh


def test_stock_table_colours_zeros_alike_and_names_the_keeper_once(member_client):
    keeper = factories.MemberFactory(display_name="Corrie", name_en="Corrie")
    factories.StockLocationFactory(name="Corrie's room", holder=keeper)
    factories.StockLocationFactory(name="Office")
    factories.SwagVariantFactory(label="L")
    page = member_client.get(reverse("program:swag")).text
    assert "Corrie&#x27;s room (kept by Corrie)" in page
    assert '<td class="num total zero">0</td>' in page
    assert 'id="out-of-stock"' in page
    zh = member_client.get(reverse("program:swag"), HTTP_ACCEPT_LANGUAGE="zh-hans").text
    assert "（保管人：Corrie）" in zh and ">合计</th>" in zh


def test_review_decision_cell_uses_a_textarea(coordinator_client):
    factories.ContributionFactory(title_en="To review")
    page = coordinator_client.get(reverse("program:review")).text
    assert '<textarea name="note" rows="2" required' in page
    assert '<th class="col-decision">Decision</th>' in page


def test_refusal_reason_is_in_the_readers_language(client, member_user):
    client.force_login(member_user)
    zh = client.get(reverse("program:review"), HTTP_ACCEPT_LANGUAGE="zh-hans")
    assert zh.status_code == 403
    assert "此页面仅供协调人使用。" in zh.text and "This page is for coordinators." not in zh.text
    assert "This page is for coordinators." in client.get(reverse("program:review")).text
