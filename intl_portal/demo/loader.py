"""Load (or refresh) the whole plan, in one transaction."""

from django.db import transaction

from .budget import load_budget
from .events import load_events
from .people import DEMO_ACCOUNTS, load_accounts, load_people
from .program import load_program
from .work import load_work


@transaction.atomic
def load_demo(*, with_accounts):
    """Load (or refresh) the plan's data; returns the demo log-ins ({username: password}),
    if any. The approver's log-in approves the plan's budget, so it comes before it."""
    members = load_people()
    events = load_events()
    load_work(events, members)
    accounts = load_accounts(members) if with_accounts else {}
    load_budget(approver=accounts.get("approver"))
    load_program(members)
    return {username: DEMO_ACCOUNTS[username][0] for username in accounts}
