"""The plan's editions that are over, carried to their next edition, so that a portal
started today with the demo has a calendar and a CFP board ahead of it (`manage.py load_demo
--next-editions`, which `make run` uses). The copies are the portal's own guesses, not the
plan's: made by the events' service that coordinators use ("copy to next edition"), dates
shifted by whole years and marked estimated, goals and deadlines copied, nobody signed up."""

from django.core.exceptions import ValidationError

from events import services as event_services
from events.models import Event
from intl_portal.common.dates import shift_years
from members.permissions import OPERATOR

from .events import EVENTS


def _years_ahead(day, today):
    """The fewest whole years that carry `day` to `today` or later."""
    years = max(today.year - day.year, 1)
    return years if shift_years(day, years) >= today else years + 1


def load_next_editions(*, today):
    """Copy each of the plan's series editions whose last day is before `today` to the first
    edition of its series that is still ahead, unless the service finds that edition on the
    calendar already (so a second run copies nothing). The latest edition of a series is the one
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
        try:
            copy = event_services.event_copy_to_next_edition(
                user=OPERATOR, event=event, years=_years_ahead(last_day, today)
            )
        except ValidationError as error:
            if error.code == "edition_exists":  # on the calendar already (an earlier run)
                continue
            raise
        made.append(copy)
    return made
