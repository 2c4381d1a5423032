"""The plan's editions that are over, carried to their next edition, so that a portal
started today with the demo has a calendar and a CFP board ahead of it (`manage.py load_demo
--next-editions`, which `make run` uses). The copies are the portal's own guesses, not the
plan's: made by the events' service that coordinators use ("copy to next edition"), dates
shifted by whole years and marked estimated, goals and deadlines copied, nobody signed up."""

from events import services as event_services
from events.models import Event
from members.permissions import OPERATOR

from .events import EVENTS


def _years_ahead(day, today):
    """The fewest whole years that carry `day` to `today` or later."""
    years = max(today.year - day.year, 1)
    try:
        shifted = day.replace(year=day.year + years)
    except ValueError:  # 29 February
        shifted = day.replace(year=day.year + years, day=28)
    return years if shifted >= today else years + 1


def load_next_editions(*, today):
    """Copy each of the plan's series editions whose last day is before `today` to the first
    edition of its series that is still ahead, unless that edition is on the calendar
    already (so a second run copies nothing). The latest edition of a series is the one
    copied. Returns the copies made."""
    names = [row[0] for row in EVENTS]
    editions = (
        Event.objects.filter(name__in=names, edition_year__isnull=False, start_date__isnull=False)
        .exclude(series="")
        .order_by("series", "-edition_year")
    )
    made, seen = [], set()
    for event in editions:
        if event.series in seen:
            continue
        seen.add(event.series)
        last_day = event.end_date or event.start_date
        if last_day >= today:
            continue
        years = _years_ahead(last_day, today)
        if Event.objects.filter(series=event.series, edition_year=event.edition_year + years).exists():
            continue
        made.append(event_services.event_copy_to_next_edition(user=OPERATOR, event=event, years=years))
    return made
