"""Sample objects for the pages whose URL takes an argument, shared by the checks that walk the
URL resolver: the Chinese pages (tests/intl_portal/test_chinese_pages.py) and the browser sweep
(tests/browser/sweep_pages.py). A page may have more than one sample (an ordinary row and the
one with the most to show); each distinct one is visited. Both checks run on the demo plan."""

from budget.models import Budget, Expense
from events.models import Event, EventComment, Participation
from members.models import Contribution, Enrolment, Member


def _first(queryset):
    row = queryset.order_by("pk").first()
    return row.pk if row else 0


def _trip(participations):
    """The first of these participations with travel steps, else the first."""
    return _first(participations.filter(travel_steps__isnull=False).distinct()) or _first(participations)


def _event_with_participants():
    return _first(Event.objects.filter(participations__isnull=False))


def _any_trip():
    return {"pk": _trip(Participation.objects.all())}


def _richards_trip():
    """Richard's trip with the most to show: travel steps if one has them."""
    return {"pk": _trip(Participation.objects.filter(member__display_name="Richard"))}


def _first_contributor():
    return {"member_pk": _first(Member.objects.filter(contributions__isnull=False))}


def _first_contributions_author():
    first = Contribution.objects.order_by("pk").first()
    return {"member_pk": first.member_id if first else 0}


# URL name → the makers of its parameters, for the pages that take some.
SAMPLES = {
    "budget:budget_detail": [lambda: {"pk": _first(Budget.objects)}],
    "budget:budget_import": [lambda: {"pk": _first(Budget.objects)}],
    "budget:expense_detail": [lambda: {"pk": _first(Expense.objects)}],
    "program:certificate": [_first_contributions_author, _first_contributor],
    "program:contribution_edit": [lambda: {"pk": _first(Contribution.objects)}],
    "program:contribution_consent": [lambda: {"pk": _first(Contribution.objects)}],
    "program:enrolment_consent": [lambda: {"pk": _first(Enrolment.objects)}],
    "travel:trip": [_any_trip, _richards_trip],
    "events:participation_trip": [_any_trip, _richards_trip],
    "review:year": [lambda: {"year": 2025}],
    "review:next_year": [lambda: {"year": 2025}],
    "review:event_outcomes": [lambda: {"pk": _event_with_participants()}],
    "events:event_date_change": [
        lambda: {"pk": _event_with_participants()},
        lambda: {"pk": _first(Event.objects.filter(status="planned"))},
    ],
    "events:event_detail": [
        lambda: {"pk": _event_with_participants()},
        lambda: {"pk": _first(Event.objects.filter(goals__isnull=False))},
    ],
    "events:event_volunteer": [lambda: {"pk": _first(Event.objects)}],
    "events:event_comments": [
        lambda: {"pk": _event_with_participants()},
        lambda: {"pk": _first(Event.objects)},
    ],
    "events:comment_edit": [lambda: {"pk": _first(EventComment.objects)}],
    "members:member_detail": [
        lambda: {"pk": _first(Member.objects)},
        lambda: {"pk": _first(Member.objects.filter(display_name="Richard"))},
    ],
}


def samples(name):
    """The distinct keyword arguments to visit the page `name` with ([] : it has no sample)."""
    found = []
    for make in SAMPLES.get(name, []):
        kwargs = make()
        if kwargs not in found:
            found.append(kwargs)
    return found
