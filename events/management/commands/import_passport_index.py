"""Update the travel requirement table from a newer Passport Index Dataset file."""

import datetime as dt

from django.core.exceptions import PermissionDenied, ValidationError
from django.core.management.base import BaseCommand, CommandError

from events.travel.seed import requirement_rows
from events.travel.services import travel_requirements_import
from intl_portal.common.forms import refusal_text
from members.permissions import OPERATOR


class Command(BaseCommand):
    help = (
        "Import passport-index-tidy-iso2.csv (github.com/ilyankou/passport-index-dataset, MIT): "
        "new pairs are added, others updated, rows a coordinator edited kept. Prints the counts."
    )

    def add_arguments(self, parser):
        parser.add_argument("path", help="The dataset's tidy ISO-2 CSV (Passport,Destination,Requirement).")
        parser.add_argument(
            "--date", required=True, help="The dataset's date, YYYY-MM-DD (shown with the data)."
        )

    def handle(self, *args, path, date, **options):
        try:
            source_date = dt.date.fromisoformat(date)
        except ValueError:
            raise CommandError(f"--date must be YYYY-MM-DD, not {date!r}", returncode=2) from None
        try:
            rows = requirement_rows(path, source_date=source_date)
        except (OSError, ValueError, UnicodeDecodeError) as error:
            raise CommandError(f"{path}: {error}", returncode=2) from error
        try:
            created, updated, kept = travel_requirements_import(user=OPERATOR, rows=rows)
        except (ValidationError, PermissionDenied) as error:
            raise CommandError(refusal_text(error), returncode=2) from error
        self.stdout.write(f"created={created} updated={updated} kept={kept}")
