"""Run one reminder dispatch pass (the same service as the Celery beat task)."""

import datetime as dt

from django.core.management.base import BaseCommand, CommandError
from django.utils.dateparse import parse_datetime

from events.reminders.services import reminders_send_due


def parse_instant(value):
    """An ISO 8601 instant; a value without an offset is taken as UTC."""
    try:
        instant = parse_datetime(value.strip().replace(" ", "T", 1))
    except ValueError:
        instant = None
    if instant is None:
        raise CommandError(
            f"--now must be an ISO 8601 instant such as 2025-06-29T06:59:00Z, not {value!r}",
            returncode=2,
        )
    if instant.tzinfo is None:
        instant = instant.replace(tzinfo=dt.UTC)
    return instant.astimezone(dt.UTC)


class Command(BaseCommand):
    help = "Send the reminders that are due, once. Prints 'sent=N failed=N skipped=N cancelled=N'."

    def add_arguments(self, parser):
        parser.add_argument("--now", help="The moment to act as, ISO 8601 (default: the clock).")
        parser.add_argument(
            "--dry-run",
            action="store_true",
            help="Say what would be done; send and change nothing.",
        )
        parser.add_argument(
            "--plan",
            action="store_true",
            help=(
                "First plan the outbox as it would have been at --now (e.g. --now "
                "2025-06-29T06:59Z --plan shows the demo's 2025 reminders on the console)."
            ),
        )

    def handle(self, *args, now=None, dry_run=False, plan=False, **options):
        result = reminders_send_due(
            now=parse_instant(now) if now is not None else None,
            dry_run=dry_run,
            plan=plan,
            stdout=self.stdout if dry_run else None,
        )
        self.stdout.write(result.line())
