"""The designer's review of the admin (issue 14): filters that list only values in use,
changelists that fit, names instead of raw ids, inline rows without related-object icons,
the reminder outbox said in the reader's language."""

import datetime as dt
import re

import pytest
from django.utils import timezone

from events.models import Reminder, TravelRequirement
from events.reminders.planning import reminders_plan_event
from intl_portal.common.durations import offset_before
from tests import factories

pytestmark = pytest.mark.django_db


def _filter_choices(html, title):
    """The choices' texts of the changelist filter with `title` (e.g. "By currency")."""
    section = re.search(rf"<summary>\s*{re.escape(title)}\s*</summary>(.*?)</details>", html, re.S)
    return None if section is None else re.findall(r'<a href="[^"]*">([^<]*)</a>', section.group(1))


def test_a_currency_filter_offers_only_the_currencies_of_the_rows(coordinator_client):
    factories.ExchangeRateFactory(currency="JPY", quote_currency="CNY")
    factories.ExchangeRateFactory(currency="EUR", quote_currency="CNY")

    html = coordinator_client.get("/admin/budget/exchangerate/").content.decode()

    currencies = _filter_choices(html, "By currency")
    assert currencies is not None and len(currencies) == 3  # All, and the two in use
    assert currencies[0] == "All" and {c.split()[0] for c in currencies[1:]} <= {
        "EUR",
        "JPY",
        "Euro",
        "Japanese",
    }
    assert "USD" not in " ".join(currencies)
    assert len(_filter_choices(html, "By into")) == 2


def test_a_passport_filter_offers_only_the_passports_of_the_rows(coordinator_client):
    in_use = set(TravelRequirement.objects.values_list("passport", flat=True))
    html = coordinator_client.get("/admin/events/travelrequirement/").content.decode()
    passports = _filter_choices(html, "By passport")
    assert len(passports) == len(in_use) + 1 and "Afghanistan" not in passports


def test_without_rows_the_long_filters_are_not_shown(coordinator_client):
    html = coordinator_client.get("/admin/budget/exchangerate/").content.decode()
    assert _filter_choices(html, "By currency") is None
    assert "Japanese yen" not in html


def test_the_country_filter_offers_only_the_events_countries(coordinator_client):
    factories.EventFactory(country="DE")
    factories.EventFactory(country="JP")

    html = coordinator_client.get("/admin/events/event/").content.decode()

    assert _filter_choices(html, "By country/region") == ["All", "Germany", "Japan"]


def test_the_travel_credit_sits_below_the_add_button(coordinator_client):
    html = coordinator_client.get("/admin/events/travelrequirement/").content.decode()
    assert html.index('class="object-tools"') < html.index('class="help changelist-note"')


def test_people_and_events_are_chosen_by_name_not_by_raw_id(coordinator_client):
    contribution = factories.ContributionFactory()

    html = coordinator_client.get(f"/admin/members/contribution/{contribution.pk}/change/").content.decode()

    assert "vForeignKeyRawIdAdminField" not in html
    assert re.search(r'<select name="member"[^>]*class="[^"]*admin-autocomplete', html)
    assert re.search(r'<select name="event"[^>]*class="[^"]*admin-autocomplete', html)


def test_the_action_bars_note_is_labelled(coordinator_client):
    factories.ContributionFactory()
    html = coordinator_client.get("/admin/members/contribution/").content.decode()
    assert re.search(
        r'<label>Note to the member <input type="text" name="note"[^>]*placeholder="optional"', html
    )


def test_tabular_inline_rows_have_no_related_object_icons(coordinator_client):
    budget = factories.BudgetFactory()
    factories.BudgetLineFactory(budget=budget)

    html = coordinator_client.get(f"/admin/budget/budget/{budget.pk}/change/").content.decode()

    inline = html[html.index('class="js-inline-admin-formset inline-group"') :]
    assert 'name="lines-0-event"' in inline
    assert "related-widget-wrapper-link" not in inline


def test_changelists_show_short_column_titles(coordinator_client):
    factories.ParticipationFactory()
    html = coordinator_client.get("/admin/events/participation/").content.decode()
    for column in ("column-travel", "column-visa", "column-visa_status"):
        assert column in html


@pytest.fixture
def mention(member_client):
    event = factories.EventFactory(name="COSCUP 2026")
    factories.MemberFactory(display_name="Wang Wu", email="wang@example.org")
    member_client.post(f"/events/{event.pk}/comments/new/", {"text": "@Wang Wu can you ask about the booth?"})
    return Reminder.objects.get(kind=Reminder.Kind.MENTION)


def test_a_mention_is_named_in_the_readers_language(client, coordinator, mention):
    assert mention.label.startswith("Mention by")  # stored in English, for search
    client.force_login(coordinator)
    client.cookies["django_language"] = "zh-hans"

    listing = client.get("/admin/events/reminder/").content.decode()
    page = client.get(f"/admin/events/reminder/{mention.pk}/change/").content.decode()

    assert "Member Li 的提及 · COSCUP 2026" in listing
    assert "Mention by" not in listing
    assert "Member Li 的提及 · COSCUP 2026 → Wang Wu" in page  # the title and breadcrumb
    assert "Mention by" not in page.replace(mention.label, "")  # only the stored label, collapsed
    # The delivery's internals are in a collapsed section; empty sources are not shown.
    internals = page[page.index("发送技术信息") - 400 :]
    assert "collapse" in internals[:400] and "field-lease_until" in internals
    assert "field-travel_step" not in page and "field-deadline " not in page


def test_the_offset_reads_as_time_before_the_deadline(client, coordinator):
    deadline = factories.DeadlineFactory(due_at=timezone.now() + dt.timedelta(days=30))
    member = factories.ParticipationFactory(event=deadline.event).member
    reminders_plan_event(event_id=deadline.event_id)
    assert Reminder.objects.filter(member=member).exists()
    client.force_login(coordinator)

    listing = client.get("/admin/events/reminder/").content.decode()

    assert "7 days before" in listing and "0:00:00" not in listing
    assert offset_before(dt.timedelta(hours=2)) == "2 hours before"
    assert offset_before(dt.timedelta(0)) == "at the deadline"


def test_filters_say_what_they_filter(coordinator_client):
    factories.ExpenseFactory()
    factories.ExpenseFactory(budget=None)
    factories.DeadlineFactory()
    expenses = coordinator_client.get("/admin/budget/expense/").content.decode()
    deadlines = coordinator_client.get("/admin/events/deadline/").content.decode()
    assert _filter_choices(expenses, "By budget")[-1] == "no budget"
    assert _filter_choices(deadlines, "By event status") is not None
