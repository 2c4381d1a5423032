"""End to end in Chromium: log in, move between months, filter, switch language, open
an event, read the CFP board, set a time zone; a screenshot of each main page."""

import datetime as dt
import re

import pytest
from django.utils import timezone

from events.models import Deadline, Event, Goal, Participation
from members.models import Member
from tests import factories
from tests.browser.helpers import choose_language, log_in

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def _demo_like_plan(member):
    """A few events of the 2025 plan (all in the past) and one upcoming CFP."""
    coca = factories.EventFactory(
        name="Community Over Code Asia 2025",
        start_date=dt.date(2025, 7, 25),
        end_date=dt.date(2025, 7, 27),
        city="Beijing",
        status=Event.Status.ATTENDED,
    )
    coscup = factories.EventFactory(
        name="COSCUP 2025",
        start_date=dt.date(2025, 8, 9),
        end_date=dt.date(2025, 8, 10),
        city="Taipei",
        country="TW",
        status=Event.Status.CONFIRMED,
        notes="Shared booth with ALC Taipei",
    )
    gosim = factories.EventFactory(
        name="GOSIM Hangzhou 2025",
        status=Event.Status.PLANNED,
        notes="Ask Anni about the keynote",
        website_url="https://hangzhou2025.gosim.org/",
    )
    factories.EventFactory(
        name="Internal retreat", is_public=False, start_date=dt.date(2025, 9, 20), end_date=None
    )
    factories.ParticipationFactory(event=coscup, member=member, role=Participation.Role.SPEAKER)
    factories.ParticipationFactory(
        event=gosim,
        member=member,
        role=Participation.Role.LIAISON,
        status=Participation.Status.TENTATIVE,
    )
    factories.GoalFactory(event=gosim, kind=Goal.Kind.KEYNOTE, owner=member)
    factories.GoalFactory(event=coca, kind=Goal.Kind.TALK, status=Goal.Status.SECURED, owner=member)
    factories.DeadlineFactory(
        event=gosim,
        due_at=dt.datetime(2025, 7, 14, 15, 59, tzinfo=dt.UTC),
        timezone="Asia/Shanghai",
    )
    factories.DeadlineFactory(
        event=coscup, due_at=dt.datetime(2025, 6, 30, 6, 59, tzinfo=dt.UTC), timezone="Asia/Seoul"
    )
    factories.ActionItemFactory(owner=member, event=gosim, title="Talk to Anni about the keynote")
    return gosim


@pytest.fixture
def plan(member_user):
    member = Member.objects.get(user=member_user)
    member.timezone = "Asia/Shanghai"
    member.save()
    gosim = _demo_like_plan(member)
    return {"gosim": gosim.pk, "coscup": Event.objects.get(name="COSCUP 2025").pk}


@pytest.fixture
def upcoming_cfp(member_user):
    event = factories.EventFactory(name="FOSDEM 2027", start_date=dt.date(2027, 1, 30), end_date=None)
    return Deadline.objects.create(
        event=event,
        kind=Deadline.Kind.CFP_CLOSE,
        due_at=timezone.now() + dt.timedelta(days=3, hours=2),
        timezone="Europe/Brussels",
    )


def _log_in(page, base_url):
    log_in(page, base_url, "member")


def test_member_journey_through_the_portal(plan, live_server, browser, screenshot):
    base = live_server.url
    context = browser.new_context(viewport={"width": 1280, "height": 900}, locale="en-US")
    page = context.new_page()
    problems = []
    page.on("console", lambda message: message.type == "error" and problems.append(message.text))
    page.on("pageerror", lambda error: problems.append(str(error)))
    page.on("response", lambda response: response.status >= 400 and problems.append(response.url))

    # The public window first: no internal event.
    page.goto(f"{base}/")
    assert "Internal retreat" not in page.content()
    screenshot(page, "01-public-calendar")

    _log_in(page, base)
    # Nothing is upcoming: the calendar opens on the latest month with events and says so.
    assert "Nothing is coming up yet." in page.inner_text(".notice")
    assert "September 2025" in page.inner_text("h1")
    assert page.locator(".chip", has_text="Internal retreat").count() == 1
    screenshot(page, "02-calendar-member")

    page.click("[data-nav=prev]")
    page.wait_for_url(re.compile(r"month=2025-08"))
    assert "August 2025" in page.inner_text("h1")
    assert page.locator(".chip", has_text="COSCUP 2025").count() == 2  # two days
    page.click("[data-nav=prev]")
    assert page.locator(".chip", has_text="Community Over Code Asia 2025").count() == 3
    page.click("[data-nav=next]")
    page.click("[data-nav=next]")
    assert "September 2025" in page.inner_text("h1")

    # Filter: confirmed events I take part in.
    page.click("[data-nav=prev]")
    page.select_option("select[name=status]", "confirmed")
    page.check("input[name=mine]")
    page.click(".filters button[type=submit]")
    page.wait_for_url(re.compile(r"status=confirmed"))
    assert page.locator(".chip", has_text="COSCUP 2025").count() == 2
    assert page.locator(".chip", has_text="Community Over Code").count() == 0
    screenshot(page, "03-calendar-filtered")
    page.click("[data-nav=next]")  # filters stay while moving
    assert "status=confirmed" in page.url
    assert page.locator(".chip").count() == 0

    # The list view of the year.
    page.goto(f"{base}/?view=list&year=2025")
    assert page.locator(".event-row").count() == 4
    screenshot(page, "04-calendar-list")

    # Chinese and back.
    page.goto(f"{base}/?month=2025-09")
    choose_language(page, "zh-hans")
    page.wait_for_load_state()
    assert page.inner_text("nav.site-nav").startswith("活动日历")
    assert "2025年9月" in page.inner_text("h1")
    screenshot(page, "05-calendar-chinese")
    choose_language(page, "en")
    page.wait_for_load_state()
    assert "Calendar" in page.inner_text("nav.site-nav")

    # Open an event from the grid.
    page.click(".chip:has-text('GOSIM Hangzhou 2025')")
    page.wait_for_url(re.compile(r"/events/\d+/"))
    assert page.inner_text("h1") == "GOSIM Hangzhou 2025"
    assert "Ask Anni about the keynote" in page.content()
    assert page.locator(".badge.tentative").count() == 1
    screenshot(page, "06-event-page")

    # The CFP board: overdue deadlines greyed; the announced zone and the member's zone.
    page.goto(f"{base}/cfp/")
    assert "No upcoming deadlines." in page.inner_text(".notice")
    first = page.locator(".deadline.past").first
    assert "2025-07-14 23:59 UTC+08:00" in first.inner_text()
    screenshot(page, "07-cfp-board")

    # My plan.
    page.click("nav.site-nav >> text=My plan")
    page.wait_for_url(f"{base}/me/")
    assert "Talk to Anni about the keynote" in page.content()
    screenshot(page, "08-my-plan")

    # The settings pages my plan links to: calendar feed (with its copy button), reminders, API token.
    page.click(".plan-settings >> text=Calendar subscription")
    page.wait_for_url(f"{base}/me/calendar/")
    assert "My calendar feed" in page.inner_text("h1")
    context.grant_permissions(["clipboard-read", "clipboard-write"])
    page.click(".copy-button")
    assert page.evaluate("navigator.clipboard.readText()").endswith(".ics")
    screenshot(page, "14-my-calendar-feed")
    page.goto(f"{base}/me/")
    page.click(".plan-settings >> text=Reminders")
    page.wait_for_url(f"{base}/me/reminders/")
    screenshot(page, "15-my-reminders")
    page.goto(f"{base}/me/")
    page.click(".plan-settings >> text=API token")
    page.wait_for_url(f"{base}/me/api-tokens/")
    screenshot(page, "16-api-token")

    assert problems == []
    context.close()


def test_cfp_countdown_ticks_and_time_zone_can_be_changed(upcoming_cfp, live_server, browser, screenshot):
    context = browser.new_context(viewport={"width": 1280, "height": 800})
    page = context.new_page()
    _log_in(page, live_server.url)
    page.goto(f"{live_server.url}/cfp/")
    countdown = page.locator(".countdown")
    page.wait_for_function("document.querySelector('.countdown').textContent.includes(':')")
    first = countdown.inner_text()
    assert re.fullmatch(r"3d \d\d:\d\d:\d\d", first), first
    page.wait_for_timeout(1200)
    assert countdown.inner_text() != first

    page.fill("#viewer-timezone", "Asia/Seoul")
    page.click(".timezone-form button[type=submit]")
    page.wait_for_url(f"{live_server.url}/cfp/")
    assert "Times are now shown in Asia/Seoul." in page.inner_text(".messages")
    assert "KST" in page.inner_text(".time-viewer")
    screenshot(page, "09-cfp-countdown")
    context.close()


def test_pages_fit_a_phone_screen(plan, live_server, browser, screenshot):
    context = browser.new_context(viewport={"width": 375, "height": 740}, is_mobile=True)
    page = context.new_page()
    _log_in(page, live_server.url)
    for name, path in [
        ("10-phone-calendar", "/?month=2025-08"),
        ("11-phone-cfp", "/cfp/"),
        ("12-phone-event", f"/events/{plan['coscup']}/"),
        ("13-phone-my-plan", "/me/"),
    ]:
        page.goto(f"{live_server.url}{path}")
        overflow = page.evaluate("document.documentElement.scrollWidth - window.innerWidth")
        assert overflow <= 0, (path, overflow)
        screenshot(page, name)
    context.close()
