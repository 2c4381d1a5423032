"""Chinese as a native reader writes it: durations, spans of days, cities, the admin's
titles and two-list picker, texts stored by one reader and read by another."""

import datetime as dt
import json
from decimal import Decimal

import pytest
from django.contrib import admin
from django.contrib.admin.models import CHANGE, LogEntry
from django.contrib.contenttypes.models import ContentType
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone, translation

from budget.models import BudgetLine
from budget.services.lines import budget_line_propose_for_participation
from intl_portal.common.day_ranges import day_range
from intl_portal.common.durations import time_since, time_until
from intl_portal.common.places import CITY_NAMES_ZH, city_name, place_text
from tests import factories

NOW = dt.datetime(2026, 12, 3, 12, 0, tzinfo=dt.UTC)


def plain(text):
    # A number and its unit are kept together with a no-break space.
    return text.replace("\xa0", " ")


@pytest.mark.parametrize(
    ("language", "expected"),
    [("zh-hans", "1 年 3 个月"), ("en", "1 year, 3 months")],
)
def test_a_duration_reads_naturally(language, expected):
    with translation.override(language):
        assert plain(time_since(NOW - dt.timedelta(days=365 + 92), NOW)) == expected


def test_time_left_in_chinese_has_units_chinese_readers_use():
    with translation.override("zh-hans"):
        assert plain(time_until(NOW + dt.timedelta(days=2, hours=5), NOW)) == "2 天 5 小时"
        assert plain(time_until(NOW + dt.timedelta(minutes=42), NOW)) == "42 分钟"


def test_a_closed_deadline_says_how_long_ago_it_closed_in_chinese(db):
    deadline = factories.DeadlineFactory(
        due_at=timezone.now() - dt.timedelta(days=365 + 92, hours=1), timezone="UTC"
    )
    with translation.override("zh-hans"):
        text = render_to_string("events/_deadline_row.html", {"deadline": deadline, "past": True})
    assert "1 年 3 个月前截止" in plain(text)


@pytest.mark.parametrize(
    ("start", "end", "year", "chinese", "english"),
    [
        (dt.date(2025, 12, 8), dt.date(2025, 12, 10), False, "12月8日–10日", "Dec 8 – Dec 10"),
        (dt.date(2025, 11, 30), dt.date(2025, 12, 2), False, "11月30日–12月2日", "Nov 30 – Dec 2"),
        (dt.date(2025, 12, 30), dt.date(2026, 1, 2), False, "2025年12月30日–2026年1月2日", None),
        (dt.date(2025, 12, 8), dt.date(2025, 12, 8), True, "2025年12月8日", "Dec. 8, 2025"),
        (dt.date(2026, 6, 3), dt.date(2026, 6, 5), True, "2026年6月3日–5日", None),
    ],
)
def test_a_span_of_days_reads_naturally(start, end, year, chinese, english):
    with translation.override("zh-hans"):
        assert day_range(start, end, year=year) == chinese
    if english:
        with translation.override("en"):
            assert day_range(start, end, year=year) == english


def test_the_calendar_shows_event_dates_in_chinese(client, db):
    factories.EventFactory(name="COSCUP 2025", start_date=dt.date(2025, 8, 9), end_date=dt.date(2025, 8, 10))
    client.cookies["django_language"] = "zh-hans"
    text = client.get("/?month=2025-08&view=list").content.decode()
    assert "8月9日–10日" in text
    assert "八月" not in text


def test_cities_of_the_plan_have_their_chinese_names():
    with translation.override("zh-hans"):
        assert city_name("Tokyo") == "东京"
        assert city_name("tokyo") == "东京"
        assert city_name("Springfield") == "Springfield"
        assert place_text("Tokyo", "日本") == "日本东京"
        assert place_text("", "比利时") == "比利时"
        # From the largest to the smallest; a city without a Chinese name keeps a space.
        assert place_text("Brussels", "比利时", venue="ULB") == "比利时布鲁塞尔，ULB"
        assert place_text("Springfield", "美国") == "美国 Springfield"
    with translation.override("en"):
        assert city_name("Tokyo") == "Tokyo"
        assert place_text("Tokyo", "Japan") == "Tokyo, Japan"


def test_every_city_of_the_demo_plan_has_a_chinese_name():
    from intl_portal.demo import events as plan

    cities = {row[9] for row in plan.EVENTS if row[9]}
    assert cities
    assert cities <= set(CITY_NAMES_ZH)


def test_an_event_page_shows_the_city_in_chinese(client, db):
    event = factories.EventFactory(city="Tokyo", country="JP", is_public=True, venue="")
    client.cookies["django_language"] = "zh-hans"
    text = client.get(reverse("events:event_detail", args=[event.pk])).content.decode()
    assert "日本东京" in text


@pytest.mark.django_db
def test_a_proposed_trip_line_reads_in_the_readers_language(coordinator):
    budget = factories.BudgetFactory(period_start=dt.date(2025, 1, 1), period_end=dt.date(2025, 12, 31))
    richard = factories.MemberFactory(display_name="Richard")
    event = factories.EventFactory(name="COSCUP 2025", start_date=dt.date(2025, 8, 9))
    participation = factories.ParticipationFactory(member=richard, event=event, needs_travel=True)
    with translation.override("en"):
        line = budget_line_propose_for_participation(participation=participation)
    assert line.budget == budget
    line = BudgetLine.objects.select_related("member", "event").get(pk=line.pk)
    assert line.description == ""
    with translation.override("zh-hans"):
        assert line.shown_description == "Richard 前往COSCUP 2025的行程（确认参会时提议）"
    with translation.override("en"):
        assert line.shown_description == "Trip of Richard to COSCUP 2025 (proposed when confirmed)"
    line.description = "Flight PVG–TPE"
    assert line.shown_description == "Flight PVG–TPE"


@pytest.mark.django_db
def test_the_migration_clears_generated_descriptions_only():
    import importlib

    from django.apps import apps

    migration = importlib.import_module("budget.migrations.0006_proposed_lines_described_when_read")
    budget = factories.BudgetFactory()
    participation = factories.ParticipationFactory()
    generated = factories.BudgetLineFactory(
        budget=budget,
        participation=participation,
        description="Trip of Richard to COSCUP 2025 (proposed when confirmed)",
        amount=Decimal("1.00"),
    )
    chinese = factories.BudgetLineFactory(
        budget=budget,
        participation=participation,
        description="Richard 前往 COSCUP 2025 的行程（确认参会时建议）",
    )
    typed = factories.BudgetLineFactory(budget=budget, participation=participation, description="Flight")
    migration.clear_generated(apps, None)
    descriptions = dict(BudgetLine.objects.values_list("pk", "description"))
    assert descriptions == {generated.pk: "", chinese.pk: "", typed.pk: "Flight"}


def test_admin_titles_read_naturally_in_chinese(coordinator_client, db):
    coordinator_client.cookies["django_language"] = "zh-hans"
    text = coordinator_client.get(reverse("admin:events_event_changelist")).content.decode()
    assert "选择要修改的活动" in text
    assert "国际接轨组门户" in text
    assert "intl_portal" not in text


def test_admin_javascript_catalogue_has_the_two_list_pickers_words(coordinator_client):
    coordinator_client.cookies["django_language"] = "zh-hans"
    text = coordinator_client.get(reverse("admin:jsi18n")).content.decode()
    catalog = json.loads(text.split("const newcatalog = ", 1)[1].split(";\n", 1)[0])
    assert catalog["Choose all %s"] == "全部选择（%s）"
    assert catalog["Remove all %s"] == "全部移除（%s）"
    assert catalog["Available %s"] == "可选的%s"


def test_admin_history_names_changed_fields_in_the_readers_language(coordinator_client):
    event = factories.EventFactory(name="FOSDEM 2026")
    coordinator_client.cookies["django_language"] = "en"
    url = reverse("admin:events_event_change", args=[event.pk])
    form = coordinator_client.get(url).context["adminform"].form
    data = {key: value for key, value in form.initial.items() if value is not None}
    entry = LogEntry(
        user_id=1,
        content_type=ContentType.objects.get_for_model(event),
        object_id=str(event.pk),
        object_repr=str(event),
        action_flag=CHANGE,
    )
    model_admin = admin.site._registry[type(event)]

    class Changed:
        changed_data = ["name"]
        fields = {"name": form.fields["name"]}

    entry.change_message = json.dumps(model_admin.construct_change_message(None, Changed(), []))
    assert data
    with translation.override("zh-hans"):
        assert "名称" in entry.get_change_message()
    with translation.override("en"):
        assert "name" in entry.get_change_message()


def test_a_requirement_entered_by_a_coordinator_says_so_in_the_readers_language(coordinator):
    from events.travel.services import travel_requirement_create

    requirement = travel_requirement_create(
        user=coordinator, passport="US", destination="NZ", kind="visa_required"
    )
    assert requirement.source == ""
    with translation.override("zh-hans"):
        assert "由协调人录入" in render_to_string("events/travel/_source.html", {"requirement": requirement})


def test_a_merged_proposals_answer_reads_in_the_readers_language(coordinator, member_user):
    from events import services

    proposal = services.event_propose(
        user=member_user, name="EthCC 2026", date_precision="late_month", approx_year=2026, approx_month=6
    )
    known = factories.EventFactory(name="EthCC[9]")
    with translation.override("en"):
        services.event_proposal_merge(user=coordinator, event=proposal, into=known)
    proposal.refresh_from_db()
    assert proposal.triage_reason == ""
    with translation.override("zh-hans"):
        assert proposal.triage_answer == "日历上已有：EthCC[9]。"
    with translation.override("en"):
        assert proposal.triage_answer == "Already on the calendar as EthCC[9]."


def test_rows_named_in_admin_use_the_readers_colon_and_no_raw_ids(db):
    from events.models import DateChangeRequest
    from members.models import PointRule

    rule = PointRule.objects.update_or_create(kind="translated_article", defaults={"points": 10})[0]
    event = factories.EventFactory(name="COSCUP 2026")
    request = DateChangeRequest.objects.create(
        event=event,
        requested_by=factories.MemberFactory(),
        approx_year=2026,
        date_precision="quarter",
        approx_quarter=3,
    )
    with translation.override("zh-hans"):
        assert str(rule).endswith("：10")
        assert str(request).startswith("COSCUP 2026：")
    with translation.override("en"):
        assert str(rule).endswith(": 10") and str(request).startswith("COSCUP 2026: ")
