import datetime as dt
from decimal import Decimal

import pytest
from django.apps import apps
from django.core.management import call_command

from budget.models import Budget
from events.models import Deadline, Event, Goal

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


def test_demo_budget_is_88000_cny_for_10_trips():
    call_command("load_demo", verbosity=0)
    budget = Budget.objects.get()
    assert (budget.total, budget.currency, budget.planned_person_trips) == (Decimal("88000.00"), "CNY", 10)
    assert budget.status == Budget.Status.DRAFT


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
