"""Load (or refresh) the whole plan, in one transaction."""

from django.db import transaction

from .budget import load_budget
from .events import load_events
from .people import load_accounts, load_people
from .program import load_program
from .work import load_work


@transaction.atomic
def load_demo(*, with_accounts):
    """Load (or refresh) the plan's data; returns the demo accounts created, if any."""
    members = load_people()
    events = load_events()
    load_work(events, members)
    load_budget()
    load_program(members)
    return load_accounts(members) if with_accounts else {}
