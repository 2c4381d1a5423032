import datetime as dt
from decimal import Decimal
from io import StringIO

import pytest
from django.apps import apps
from django.core.management import call_command

from budget.models import Budget
from budget.services import budget_approve
from events.models import Deadline, Event, Goal
from members.permissions import is_approver, is_coordinator

pytestmark = pytest.mark.django_db

UTC = dt.UTC


def row_counts():
    return {
        model._meta.label: model._default_manager.count()
        for config in apps.get_app_configs()
        if config.label in {"events", "members", "budget", "auth"}
        for model in config.get_models()
    }


def test_load_demo_twice_gives_the_same_rows(settings):
    settings.DEMO_MODE = True
    call_command("load_demo", verbosity=0)
    first = row_counts()
    call_command("load_demo", verbosity=0)
    assert row_counts() == first
    assert first["events.Event"] == 15


def test_demo_deadlines_resolve_to_the_plans_instants():
    call_command("load_demo", verbosity=0)
    due = {d.event.name: d.due_at for d in Deadline.objects.select_related("event")}
    assert due == {
        "Open Source Summit Korea 2025": dt.datetime(2025, 6, 30, 6, 59, tzinfo=UTC),
        "Open Source Summit Japan 2025": dt.datetime(2025, 8, 4, 6, 59, tzinfo=UTC),
        "GOSIM Hangzhou 2025": dt.datetime(2025, 7, 14, 15, 59, tzinfo=UTC),
    }
    assert Deadline.objects.get(event__name="GOSIM Hangzhou 2025").is_date_only


def test_demo_statuses_follow_the_plan():
    call_command("load_demo", verbosity=0)
    status = dict(Event.objects.values_list("name", "status"))
    for name in ("FOSDEM 2025", "State of Open Con 2025", "FOSSASIA 2025 Summit"):
        assert status[name] == Event.Status.ATTENDED
    assert status["All Things Open 2025"] == Event.Status.DECLINED
    korea = Event.objects.get(name="Open Source Summit Korea 2025")
    assert list(korea.alternatives.values_list("name", flat=True)) == ["Open Source Summit Japan 2025"]
    secured = set(
        Goal.objects.filter(
            event__name="Community Over Code Asia 2025", status=Goal.Status.SECURED
        ).values_list("kind", flat=True)
    )
    assert {"talk", "booth"} <= secured


def test_demo_budget_is_88000_cny_for_10_trips_submitted_to_the_approvers():
    call_command("load_demo", verbosity=0)
    budget = Budget.objects.get(title="2025 国际接轨组预算")
    assert (budget.total, budget.currency, budget.planned_person_trips) == (Decimal("88000.00"), "CNY", 10)
    # Without demo mode there is no approver's log-in: submitted, waiting.
    assert budget.status == Budget.Status.SUBMITTED
    assert budget.approval_body == Budget.ApprovalBody.EXECUTIVE_COMMITTEE_AND_COUNCIL


def test_demo_accounts_only_in_demo_mode(settings, django_user_model):
    settings.DEMO_MODE = False
    call_command("load_demo", verbosity=0)
    assert not django_user_model.objects.exists()
    settings.DEMO_MODE = True
    call_command("load_demo", verbosity=0)
    coordinator = django_user_model.objects.get(username="coordinator")
    assert coordinator.check_password("demo-coordinator")
    assert coordinator.is_staff and coordinator.member.display_name == "Emily"
    assert django_user_model.objects.get(username="member").member.display_name == "Richard"


def test_demo_approver_can_log_in_and_approve_and_the_flow_is_shown(settings, client, django_user_model):
    settings.DEMO_MODE = True
    out = StringIO()
    call_command("load_demo", stdout=out)
    assert "demo log-in: approver / demo-approver" in out.getvalue()
    approver = django_user_model.objects.get(username="approver")
    assert approver.check_password("demo-approver")
    assert is_approver(approver) and not is_coordinator(approver) and not approver.is_staff
    assert approver.member.display_name == "Grace"
    # The whole flow: 2025 went draft → submitted → approved by the approver; 2026 waits.
    approved = Budget.objects.get(title="2025 国际接轨组预算")
    assert (approved.status, approved.decided_by, approved.approved_total) == (
        Budget.Status.APPROVED,
        approver,
        Decimal("88000.00"),
    )
    waiting = Budget.objects.get(title="2026 国际接轨组预算")
    assert waiting.status == Budget.Status.SUBMITTED
    # The log-in works through the site's own login page, and the approver approves.
    assert (
        client.post("/accounts/login/", {"username": "approver", "password": "demo-approver"}).status_code
        == 302
    )
    assert client.get("/budget/").status_code == 200
    budget_approve(budget=waiting, user=approver, comment="同意。")
    waiting.refresh_from_db()
    assert waiting.status == Budget.Status.APPROVED


def test_demo_with_the_approver_stays_idempotent(settings):
    settings.DEMO_MODE = True
    call_command("load_demo", verbosity=0)
    first = row_counts()
    statuses = dict(Budget.objects.values_list("title", "status"))
    call_command("load_demo", verbosity=0)
    assert row_counts() == first
    assert dict(Budget.objects.values_list("title", "status")) == statuses


def test_demo_mode_after_a_plain_load_approves_the_waiting_budget_once(settings):
    settings.DEMO_MODE = False
    call_command("load_demo", verbosity=0)
    settings.DEMO_MODE = True
    call_command("load_demo", verbosity=0)
    call_command("load_demo", verbosity=0)
    assert dict(Budget.objects.values_list("title", "status")) == {
        "2025 国际接轨组预算": Budget.Status.APPROVED,
        "2026 国际接轨组预算": Budget.Status.SUBMITTED,
    }


def test_next_editions_put_the_plans_series_ahead_of_today_once():
    from intl_portal.demo.next_editions import load_next_editions

    call_command("load_demo", verbosity=0)
    today = dt.date(2026, 12, 4)
    copies = {event.name: event for event in load_next_editions(today=today)}
    fosdem = copies["FOSDEM 2027"]  # 2025's edition, two years on: 2026's is over too
    assert (fosdem.start_date, fosdem.end_date) == (dt.date(2027, 2, 1), dt.date(2027, 2, 2))
    assert fosdem.dates_estimated and fosdem.status == Event.Status.CONSIDERING
    assert not fosdem.participations.exists()  # nobody signed up for a guess
    assert copies["Open Source Summit Japan 2026"].start_date == dt.date(2026, 12, 8)  # four days ahead
    assert all((event.end_date or event.start_date) >= today for event in copies.values())
    korea = copies["Open Source Summit Korea 2027"]
    assert [(d.kind, d.due_estimated) for d in korea.deadlines.all()] == [(Deadline.Kind.CFP_CLOSE, True)]
    # A second run (make run on another day of the same season) copies nothing more.
    before = row_counts()
    assert load_next_editions(today=today) == []
    assert row_counts() == before


def test_load_demo_next_editions_says_what_it_guessed():
    out = StringIO()
    call_command("load_demo", "--next-editions", stdout=out)
    assert "next edition, dates estimated:" in out.getvalue()
    assert Event.objects.filter(dates_estimated=True).exists()


@pytest.mark.parametrize(
    ("last_day", "years"),
    [
        (dt.date(2025, 12, 4), 1),  # a year ago today: next year's is today, still ahead
        (dt.date(2025, 12, 3), 2),  # a year and a day ago: next year's was yesterday
        (dt.date(2024, 2, 29), 3),  # the 28th in a year without the 29th: 2027-02-28
        (dt.date(2026, 12, 3), 1),
    ],
)
def test_next_editions_carry_an_edition_the_fewest_whole_years_ahead(last_day, years):
    from intl_portal.demo.next_editions import _years_ahead

    assert _years_ahead(last_day, dt.date(2026, 12, 4)) == years
