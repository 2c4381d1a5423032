from django.conf import settings
from django.core.management.base import BaseCommand

from intl_portal.demo import load_demo
from intl_portal.demo.people import DEMO_ACCOUNTS


class Command(BaseCommand):
    help = (
        "Load the 2025-26 plan's events, people, goals, budget and program as demo data "
        "(idempotent). In demo mode (INTL_PORTAL_DEMO=1) also create the demo log-ins."
    )

    def handle(self, *args, **options):
        accounts = load_demo(with_accounts=settings.DEMO_MODE)
        self.stdout.write(self.style.SUCCESS("Demo data loaded from the 2025-26 plan."))
        for username, password in accounts.items():
            who = DEMO_ACCOUNTS[username][4]
            self.stdout.write(f"  demo log-in: {username} / {password}  ({who})")
