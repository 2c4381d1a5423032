"""Read the tracker sources now (the same service as the Celery beat task)."""

from pathlib import Path

from django.core.exceptions import ValidationError
from django.core.management.base import BaseCommand, CommandError

from events.models import TrackerRun
from events.trackers.sync import tracker_sync_all


class Command(BaseCommand):
    help = (
        "Import CFPs from the active tracker sources (conditional GET). Prints one line per "
        "source; exits with 2 when a source or file cannot be read."
    )

    def add_arguments(self, parser):
        parser.add_argument("--source", help="Only this source (its name).")
        parser.add_argument(
            "--file", help="Read this local file instead of the source's URL (needs --source)."
        )

    def handle(self, *args, source=None, file=None, **options):
        path = None
        if file is not None:
            path = Path(file)
            if not path.is_file():
                raise CommandError(f"--file {file}: no such file", returncode=2)
        try:
            runs = tracker_sync_all(source_name=source, path=path)
        except ValidationError as error:
            raise CommandError(" ".join(error.messages), returncode=2) from None
        failed = []
        for run in runs:
            self.stdout.write(
                f"{run.source.name}: {run.status} fetched={run.fetched} created={run.created} "
                f"updated={run.updated} unchanged={run.unchanged} removed={run.removed} failed={run.failed}"
            )
            for failure in run.failures[:20]:
                self.stdout.write(f"  skipped {failure['record']}: {failure['reason']}")
            if run.status == TrackerRun.Status.FAILED:
                failed.append(f"{run.source.name}: {run.error}")
        if failed:
            raise CommandError("; ".join(failed), returncode=2)
