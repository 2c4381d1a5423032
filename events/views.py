"""Members' pages: the calendar, the CFP board and the event page (thin callers of selectors)."""

import datetime as dt
from urllib.parse import urlencode

from django.contrib import messages
from django.http import Http404
from django.shortcuts import render
from django.utils import timezone
from django.utils.dates import WEEKDAYS_ABBR
from django.utils.translation import gettext as _

from intl_portal.common.paging import list_window
from members.permissions import can_manage_events, can_request_date_change, member_of

from .calendar import event_month, event_year_list
from .forms import DateChangeRequestForm, EventFilterForm, parse_month, parse_year
from .models import Event, Participation
from .models.date_change import DATE_FIELDS
from .selectors import (
    assignable_members,
    deadline_board,
    deadlines_visible_to,
    event_filter,
    event_filter_choices,
    event_page,
    event_timeline,
    events_visible_to,
)
from .trackers.selectors import tracker_panel

BOARD_PAGE = 50  # upcoming deadlines a page of the CFP board shows


def _filtered_events(request):
    """The events the viewer may see, narrowed by the query string's filters.

    Bad filter values leave the page unfiltered and say so. Returns (form, events, query_items).
    """
    visible = events_visible_to(user=request.user)
    member = member_of(request.user)
    choices = event_filter_choices(events=visible)
    form = EventFilterForm(request.GET or None, allow_mine=member is not None, **choices)
    if form.is_bound and form.is_valid():
        arguments = form.selector_arguments(member_id=member.pk if member else None)
        return form, event_filter(events=visible, **arguments), form.query_items()
    if form.is_bound:
        labels = ", ".join(str(form.fields[name].label) for name in form.errors)
        messages.warning(
            request,
            _("These filters were not understood, so nothing is filtered: %(fields)s.") % {"fields": labels},
        )
        form = EventFilterForm(None, allow_mine=member is not None, **choices)
    return form, visible, []


def _url(request, items):
    return f"{request.path}?{urlencode(items)}"


def _shift_month(first, months):
    index = first.year * 12 + first.month - 1 + months
    return dt.date(index // 12, index % 12 + 1, 1)


def calendar(request):
    """The month grid (default) or the year list of events, with filters."""
    form, events, query_items = _filtered_events(request)
    today = timezone.localdate()
    timeline = event_timeline(events=events, today=today)
    if request.GET.get("view") == "list":
        return _calendar_list(request, form, events, query_items, today, timeline)

    month = parse_month(request.GET.get("month"))
    if request.GET.get("month") and month is None:
        messages.warning(request, _("That is not a month (use YYYY-MM); showing the default one."))
    notice = ""
    if month is None:
        month = today.replace(day=1)
        if not timeline.upcoming and timeline.latest_start:
            month = timeline.latest_start.replace(day=1)
            notice = "nothing_upcoming"
    status = form.cleaned_data.get("status") if form.is_bound else ""
    weeks, in_month, approximate = event_month(
        events=events,
        year=month.year,
        month=month.month,
        today=today,
        deadlines=deadlines_visible_to(user=request.user),
        zone=timezone.get_current_timezone(),
        include_closed=status in Event.CLOSED_STATUSES,
    )
    if not in_month and not approximate and not notice:
        # Deadlines of events in other months may still fall due in this one.
        due_here = any(day.deadlines for week in weeks for day in week if day.in_month)
        notice = "deadlines_only_month" if due_here else "empty_month"
    next_start = timeline.first_upcoming
    context = {
        "form": form,
        "view": "grid",
        "month": month,
        "weeks": weeks,
        "weekdays": [WEEKDAYS_ABBR[index] for index in range(7)],
        "events_in_month": in_month,
        "approximate_events": approximate,
        "notice": notice,
        "timeline": timeline,
        "latest_month": timeline.latest_start.replace(day=1) if timeline.latest_start else None,
        "next_month_with_events": next_start.replace(day=1) if next_start else None,
        "prev_url": _url(request, [("month", f"{_shift_month(month, -1):%Y-%m}"), *query_items]),
        "next_url": _url(request, [("month", f"{_shift_month(month, 1):%Y-%m}"), *query_items]),
        "today_url": _url(request, [("month", f"{today:%Y-%m}"), *query_items]),
        "list_url": _url(request, [("view", "list"), ("year", month.year), *query_items]),
        "query_items": query_items,
        "query_keep": [("month", f"{month:%Y-%m}")],
        "status_choices": Event.Status.choices,
        "viewer_zone": timezone.get_current_timezone_name(),
        "today": today,
    }
    return render(request, "events/calendar.html", context)


def _calendar_list(request, form, events, query_items, today, timeline):
    year = parse_year(request.GET.get("year"))
    if request.GET.get("year") and year is None:
        messages.warning(request, _("That is not a year; showing the default one."))
    notice = ""
    if year is None:
        year = today.year
        if not timeline.upcoming and timeline.latest_start:
            year = timeline.latest_start.year
            notice = "nothing_upcoming"
    months = event_year_list(events=events, year=year)
    grid_month = today.month if year == today.year else (months[0][0].month if months else 1)
    if not months and not notice:
        notice = "empty_year"
    context = {
        "form": form,
        "view": "list",
        "year": year,
        "months": months,
        "notice": notice,
        "timeline": timeline,
        "latest_year": timeline.latest_start.year if timeline.latest_start else None,
        "prev_url": _url(request, [("view", "list"), ("year", year - 1), *query_items]),
        "next_url": _url(request, [("view", "list"), ("year", year + 1), *query_items]),
        "today_url": _url(request, [("view", "list"), ("year", today.year), *query_items]),
        "grid_url": _url(request, [("month", f"{year}-{grid_month:02d}"), *query_items]),
        "query_items": query_items,
        "query_keep": [("view", "list"), ("year", year)],
        "today": today,
    }
    return render(request, "events/calendar_list.html", context)


def cfp_board(request):
    """Deadlines by time left, with countdowns; overdue ones greyed below."""
    form, events, query_items = _filtered_events(request)
    status = form.cleaned_data.get("status") if form.is_bound else ""
    upcoming, overdue = deadline_board(
        deadlines=deadlines_visible_to(user=request.user),
        events=events,
        now=timezone.now(),
        include_closed=status in Event.CLOSED_STATUSES,
    )
    upcoming = list_window(upcoming, query=request.GET, param="page", size=BOARD_PAGE, anchor="upcoming")
    context = {
        "form": form,
        "upcoming": upcoming,
        # The past ones go with the first page only.
        "overdue": overdue if upcoming.page == 1 else [],
        "query_items": query_items,
    }
    return render(request, "events/cfp_board.html", context)


def _date_change_form(user, event):
    """The form asking for other dates (members, while the event is open), filled with its dates."""
    if not can_request_date_change(user) or event.is_closed or event.merged_into_id:
        return None
    return DateChangeRequestForm(initial={name: getattr(event, name) for name in DATE_FIELDS})


def event_detail(request, pk):
    page = event_page(pk=pk, user=request.user)
    if page is None:
        raise Http404(_("No such event."))
    # Coordinators work in admin, so are staff: members' pages skip the groups query.
    manage = request.user.is_staff and can_manage_events(request.user)
    me_id = getattr(member_of(request.user), "pk", None)
    context = {
        "page": page,
        "event": page.event,
        # The viewer's own row offers its actions and the trip in a column of its own.
        "mine": me_id is not None and any(row.member_id == me_id for row in page.participations),
        "member_view": page.member_view,
        "now": timezone.now(),
        # Coordinators see what the public trackers say about the event (changes to accept),
        # give goals their owners, change roles and confirm estimated dates.
        "tracker": tracker_panel(event=page.event, deadlines=page.deadlines) if manage else None,
        "manage": manage,
        "assignable": assignable_members() if manage else [],
        "role_choices": Participation.Role.choices,
        "me_id": me_id,
        "date_change_form": _date_change_form(request.user, page.event),
    }
    return render(request, "events/event_detail.html", context)
