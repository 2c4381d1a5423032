"""Lists that grow with the years are shown a window at a time (issue 14, "speed at scale"):
the CFP board, my plan and the triage queue each show a page with the list's total, and every
row is reached through the pages' links, with the filters kept."""

import datetime as dt
import re

import pytest
from django.http import QueryDict
from django.utils import timezone

from events import worklists
from events.models import ActionItem, Event, Participation, Tag
from events.views import BOARD_PAGE
from events.worklists import PLAN_PAGE, TRIAGE_PAGE
from intl_portal.common.paging import list_window
from members.models import Member
from tests import factories


def _next_link(text, anchor="upcoming"):
    """The "next" link of the list with that anchor."""
    found = re.search(rf'<a href="([^"]*#{anchor})" rel="next">', text)
    return found and found.group(1).replace("&amp;", "&")


def _get(response, key):
    first, *rest = key.split(".")
    value = response.context[first]
    for part in rest:
        value = getattr(value, part)
    return value


def _walk(client, path, key, anchor):
    """Follow the list's "next" links from `path` on: the rows of `key` (a dotted context
    name) of every page in order, and the number of pages."""
    base = path.split("?")[0]
    rows, url, pages = [], path, 0
    while url:
        response = client.get(url)
        assert response.status_code == 200
        rows.extend(_get(response, key))
        link = _next_link(response.text, anchor)
        url = base + link.split("#")[0] if link else None
        pages += 1
        assert pages < 50
    return rows, pages


def _deadlines(count, *, tag=None, **event_kwargs):
    now = timezone.now()
    events = [factories.EventFactory(**event_kwargs) for _ in range(count)]
    deadlines = [
        factories.DeadlineFactory(event=event, due_at=now + dt.timedelta(hours=index + 1))
        for index, event in enumerate(events)
    ]
    if tag:
        for event in events:
            event.tags.add(tag)
    return deadlines


def test_cfp_board_pages_reach_every_upcoming_deadline_in_order_with_filters_kept(member_client):
    tag = factories.TagFactory(slug="ai")
    wanted = _deadlines(BOARD_PAGE + 12, tag=tag)
    _deadlines(3)  # not tagged: filtered out on every page
    past = factories.DeadlineFactory(due_at=timezone.now() - dt.timedelta(days=2), event__name="Past one")
    past.event.tags.add(tag)
    first = member_client.get("/cfp/?tag=ai")
    assert len(first.context["upcoming"]) == BOARD_PAGE
    assert first.context["upcoming"].total == BOARD_PAGE + 12
    assert f"1–{BOARD_PAGE} of {BOARD_PAGE + 12}" in first.text
    assert "Past one" in first.text
    assert _next_link(first.text) == "?tag=ai&page=2#upcoming"
    rows, pages = _walk(member_client, "/cfp/?tag=ai", "upcoming", "upcoming")
    assert rows == wanted
    assert pages == 2
    second = member_client.get("/cfp/?tag=ai&page=2")
    assert f"{BOARD_PAGE + 1}–{BOARD_PAGE + 12} of {BOARD_PAGE + 12}" in second.text
    assert "Past one" not in second.text  # the past ones go with the first page
    assert 'href="?tag=ai#upcoming" rel="prev"' in second.text


@pytest.mark.parametrize("page", ["0", "-1", "x", "2.5", "9999999"])
def test_cfp_board_bad_page_numbers_show_the_first_page(member_client, page):
    wanted = _deadlines(3)
    response = member_client.get(f"/cfp/?page={page}")
    assert response.status_code == 200
    assert list(response.context["upcoming"]) == wanted


def test_cfp_board_page_past_the_end_says_so_and_links_back(member_client):
    _deadlines(3)
    response = member_client.get("/cfp/?page=7")
    assert response.status_code == 200
    assert list(response.context["upcoming"]) == []
    assert "This page is past the end of the list." in response.text
    assert 'href="?#upcoming" rel="prev"' in response.text


def _soon_events(count):
    """`count` one-day events, "Soon 00" tomorrow, "Soon 01" the day after, …"""
    today = timezone.localdate()
    return [
        factories.EventFactory(
            name=f"Soon {n:02d}", start_date=today + dt.timedelta(days=n + 1), end_date=None
        )
        for n in range(count)
    ]


def test_my_plan_windows_each_list_and_reaches_the_rest(member_client, member_user):
    me = Member.objects.get(user=member_user)
    today = timezone.localdate()
    soon = _soon_events(PLAN_PAGE + 5)
    old = factories.EventFactory(name="Old one", start_date=dt.date(2024, 3, 1), end_date=None)
    undated = factories.EventFactory(
        name="Undated",
        start_date=None,
        end_date=None,
        date_precision=Event.DatePrecision.UNANNOUNCED,
        approx_year=today.year + 1,
    )
    for event in [*soon, old, undated]:
        factories.ParticipationFactory(event=event, member=me, role=Participation.Role.ATTENDEE)
    factories.DeadlineFactory(event=old, due_at=timezone.now() - dt.timedelta(days=3))
    coming = [
        factories.DeadlineFactory(event=event, due_at=timezone.now() + dt.timedelta(hours=n + 1))
        for n, event in enumerate(soon)
    ]
    for n in range(PLAN_PAGE + 2):
        factories.ActionItemFactory(owner=me, title=f"Done {n:02d}", status=ActionItem.Status.DONE)
    factories.ActionItemFactory(owner=me, title="Still open", due_date=today + dt.timedelta(days=300))

    first = member_client.get("/me/")
    plan = first.context["plan"]
    # Events: upcoming soonest first, then those without dates, then the past, latest first.
    assert [p.event.name for p in plan.participations] == [e.name for e in soon[:PLAN_PAGE]]
    assert plan.participations.total == PLAN_PAGE + 7
    assert plan.upcoming_deadlines == coming[:PLAN_PAGE]
    assert plan.upcoming_deadlines.total == PLAN_PAGE + 5
    assert [d.event.name for d in plan.recent_deadlines] == ["Old one"]
    assert plan.action_items[0].title == "Still open"  # open ones first, across all pages
    assert plan.action_items.total == PLAN_PAGE + 3

    events, _ = _walk(member_client, "/me/", "plan.participations", "events")
    assert [p.event.name for p in events] == [e.name for e in soon] + ["Undated", "Old one"]
    second = member_client.get("/me/?events=2&deadlines=2")
    assert second.context["plan"].upcoming_deadlines == coming[PLAN_PAGE:]
    assert second.context["plan"].recent_deadlines == []
    assert [p.event.name for p in second.context["plan"].participations] == [
        *(e.name for e in soon[PLAN_PAGE:]),
        "Undated",
        "Old one",
    ]
    # One list's page keeps the others' pages in its links.
    assert 'href="?deadlines=2#events" rel="prev"' in second.text
    assert 'href="?events=2#deadlines" rel="prev"' in second.text


@pytest.mark.django_db
def test_a_list_counted_up_to_a_bound_says_more_than_and_still_reaches_every_row():
    tags = [factories.TagFactory(slug=f"tag-{n}") for n in range(7)]
    rows = Tag.objects.order_by("slug")

    def window(page):
        return list_window(rows, query=QueryDict(f"p={page}"), param="p", size=2, count_up_to=3)

    first = window(1)
    assert list(first) == tags[:2]
    assert (first.total, first.more_than, first.has_next) == (3, True, True)
    # Past the bound the count reaches at least the end of the page asked, so the page
    # still knows whether another follows.
    third = window(3)
    assert list(third) == tags[4:6]
    assert (third.total, third.more_than, third.has_next) == (6, True, True)
    last = window(4)
    assert list(last) == tags[6:]
    assert (last.total, last.more_than, last.has_next) == (7, False, False)
    # A short list is counted exactly.
    short = list_window(rows.filter(slug="tag-0"), query=QueryDict(), param="p", size=2, count_up_to=3)
    assert (short.total, short.more_than, short.has_next) == (1, False, False)


def test_my_plan_counts_a_long_list_only_so_far_and_pages_through_all_of_it(
    member_client, member_user, monkeypatch
):
    monkeypatch.setattr(worklists, "PLAN_COUNTED", PLAN_PAGE + 5)
    me = Member.objects.get(user=member_user)
    events = _soon_events(PLAN_PAGE + 10)
    coming = []
    for n, event in enumerate(events):
        factories.ParticipationFactory(event=event, member=me, role=Participation.Role.ATTENDEE)
        coming.append(
            factories.DeadlineFactory(event=event, due_at=timezone.now() + dt.timedelta(hours=n + 1))
        )

    first = member_client.get("/me/", HTTP_ACCEPT_LANGUAGE="en")
    plan = first.context["plan"]
    for window in (plan.participations, plan.upcoming_deadlines):
        assert (window.total, window.more_than, window.has_next) == (PLAN_PAGE + 5, True, True)
    assert first.text.count(f"1–{PLAN_PAGE} of more than {PLAN_PAGE + 5}") == 2
    second = member_client.get("/me/?events=2&deadlines=2", HTTP_ACCEPT_LANGUAGE="en")
    assert second.text.count(f"{PLAN_PAGE + 1}–{PLAN_PAGE + 10} of {PLAN_PAGE + 10}") == 2
    assert second.context["plan"].upcoming_deadlines == coming[PLAN_PAGE:]
    rows, pages = _walk(member_client, "/me/", "plan.upcoming_deadlines", "deadlines")
    assert (rows, pages) == (coming, 2)

    member_client.cookies["django_language"] = "zh-hans"
    chinese = member_client.get("/me/", HTTP_ACCEPT_LANGUAGE="zh-hans")
    assert f"第 1–{PLAN_PAGE} 条，共超过 {PLAN_PAGE + 5} 条" in chinese.text


def test_triage_pages_its_queue_and_counts_it(coordinator_client):
    proposer = factories.MemberFactory()
    proposals = [
        factories.EventFactory(name=f"Idea {n:02d}", status=Event.Status.IDEA, proposed_by=proposer)
        for n in range(TRIAGE_PAGE + 3)
    ]
    first = coordinator_client.get("/triage/")
    queue = first.context["queue"]
    assert list(queue.proposals) == proposals[:TRIAGE_PAGE]
    assert f'Proposed events <span class="count-badge">{TRIAGE_PAGE + 3}</span></h2>' in first.text
    second = coordinator_client.get("/triage/?proposals=2")
    assert list(second.context["queue"].proposals) == proposals[TRIAGE_PAGE:]


def test_triage_offers_likely_duplicates_and_merges_into_any_event_by_number(coordinator_client):
    proposer = factories.MemberFactory()
    proposal = factories.EventFactory(
        name="COSCUP 2025",
        status=Event.Status.IDEA,
        proposed_by=proposer,
        start_date=dt.date(2025, 8, 9),
        end_date=None,
    )
    same_name = factories.EventFactory(name="COSCUP 2025", start_date=dt.date(2025, 8, 9), end_date=None)
    same_week = factories.EventFactory(name="Other in August", start_date=dt.date(2025, 8, 14), end_date=None)
    far = factories.EventFactory(name="Far away", start_date=dt.date(2025, 12, 1), end_date=None)
    response = coordinator_client.get("/triage/")
    candidates = response.context["queue"].proposals[0].merge_candidates
    assert candidates == [same_name, same_week]
    assert "Far away" not in response.text
    # An event the page does not offer is reached by its number.
    response = coordinator_client.post(
        f"/triage/proposals/{proposal.pk}/", {"decision": "merge", "into_number": far.pk, "reason": "dup"}
    )
    assert response.status_code == 302
    proposal.refresh_from_db()
    assert proposal.merged_into == far


def test_triage_merge_into_an_unknown_number_is_refused_and_changes_nothing(coordinator_client):
    proposal = factories.EventFactory(
        name="FOSSASIA", status=Event.Status.IDEA, proposed_by=factories.MemberFactory()
    )
    response = coordinator_client.post(
        f"/triage/proposals/{proposal.pk}/", {"decision": "merge", "into_number": 999999}, follow=True
    )
    assert "There is no event with that number to merge into." in response.text
    proposal.refresh_from_db()
    assert proposal.merged_into is None
    assert proposal.status == Event.Status.IDEA
