"""The year in review as a designed page: figures as cards, region tables sharing one set of
column widths, a legend for the wanted/won chart, no empty months, a currency on every amount,
people by their name in the reader's language; next year's plan and an event's outcomes with
their empty states."""

import datetime as dt
import re

import pytest

from events.outcomes.selectors import year_review
from events.outcomes.views import _charts
from tests import factories

from .review_data import build_year

pytestmark = pytest.mark.django_db


def test_figures_are_cards_and_every_amount_has_its_currency(client, coordinator):
    build_year()
    client.force_login(coordinator)
    page = client.get("/review/2025/").text
    assert '<div class="figures review-numbers"><dl>' in page  # in numbers
    assert '<div class="figures review-numbers review-money"><dl>' in page
    assert '<div><dt>Events attended</dt><dd id="events-attended">' in page
    cost = re.search(r'<dd id="cost-per-talk">([^<]*)</dd>', page).group(1)
    assert cost == "—" or cost.endswith(" CNY")
    assert re.search(r'<dd id="cost-per-person-trip">[\d,.]+ CNY</dd>', page)


def test_region_tables_share_their_column_widths(client, coordinator):
    build_year()
    client.force_login(coordinator)
    page = client.get("/review/2025/").text
    tables = re.findall(
        r'<table class="budget-table review-events labelled"><colgroup>(.*?)</colgroup>', page
    )
    assert len(tables) >= 2 and len(set(tables)) == 1
    assert '<td class="num">' in page


def test_goal_chart_has_a_legend_and_the_month_chart_skips_empty_months(client, member_user):
    build_year()
    client.force_login(member_user)
    page = client.get("/review/2025/").text
    assert 'id="goals-legend"' in page and "Wanted</span>" in page and "Won</span>" in page
    review = year_review(year=2025, user=member_user, public=False)
    months = _charts(review)["month_chart"].rows
    assert months and all(row.value for row in months)
    assert len(months) == len([count for month, count in review.by_month if month and count])
    zh = client.get("/review/2025/", HTTP_ACCEPT_LANGUAGE="zh-hans").text
    assert "目标</span>" in zh and "争取到</span>" in zh


def test_people_are_named_in_the_readers_language(client, member_user):
    _ev, _goals, people = build_year()
    richard = people["Richard"]
    richard.name_en, richard.name_zh = "Richard Lin", "林理查"
    richard.save()
    client.force_login(member_user)
    assert "Richard Lin" in client.get("/review/2025/").text
    assert "林理查" in client.get("/review/2025/", HTTP_ACCEPT_LANGUAGE="zh-hans").text


def test_next_year_plan_names_the_year_and_says_when_it_is_empty(client, member_user):
    client.force_login(member_user)
    page = client.get("/review/2025/next-year/").text
    assert "<h1>Plan 2026</h1>" in page
    assert 'id="next-year-empty"' in page and "<table" not in page.split("<main", 1)[1]


def test_outcomes_page_says_when_nobody_reviewed_the_event(client, member_user, coordinator):
    event = factories.EventFactory(
        name="FOSDEM 2025", start_date=dt.date(2025, 2, 1), end_date=dt.date(2025, 2, 2), status="attended"
    )
    url = f"/events/{event.pk}/outcomes/"
    client.force_login(member_user)
    page = client.get(url).text
    assert "<h2>Event review</h2>" in page
    assert '<p class="muted" id="no-review">The coordinators have not reviewed this event yet.</p>' in page
    zh = client.get(url, HTTP_ACCEPT_LANGUAGE="zh-hans").text
    assert "协调人尚未填写该活动的回顾。" in zh
    client.force_login(coordinator)
    form = client.get(url).text
    assert 'id="no-review"' not in form  # the coordinator gets the form
    assert 'class="review-form"' in form and 'type="radio" name="go_again" value="maybe"' in form
    assert "---------" not in form.split('class="review-form"', 1)[1]
