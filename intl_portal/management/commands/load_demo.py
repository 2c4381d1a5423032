from django.conf import settings
from django.core.management.base import BaseCommand
from django.db import transaction
from django.utils import timezone

from intl_portal.demo import load_demo
from intl_portal.demo.next_editions import load_next_editions
from intl_portal.demo.people import DEMO_ACCOUNTS


class Command(BaseCommand):
    help = (
        "Load the 2025-26 plan's events, people, goals, budget and program as demo data "
        "(idempotent). In demo mode (INTL_PORTAL_DEMO=1) also create the demo log-ins."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--next-editions",
            action="store_true",
            help="Also copy each of the plan's editions that is over to its next edition ahead of "
            "today (dates marked estimated), so the calendar and the CFP board have something ahead.",
        )

    def handle(self, *args, **options):
        with transaction.atomic():
            accounts = load_demo(with_accounts=settings.DEMO_MODE)
            copies = load_next_editions(today=timezone.localdate()) if options["next_editions"] else []
        self.stdout.write(self.style.SUCCESS("Demo data loaded from the 2025-26 plan."))
        for copy in copies:
            self.stdout.write(f"  next edition, dates estimated: {copy.name} ({copy.start_date:%Y-%m-%d})")
        for username, password in accounts.items():
            who = DEMO_ACCOUNTS[username][4]
            self.stdout.write(f"  demo log-in: {username} / {password}  ({who})")
