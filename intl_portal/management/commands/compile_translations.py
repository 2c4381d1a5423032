"""Compile the .po catalogues to .mo with polib, so a machine without GNU gettext
(only Python and make) still serves the Chinese interface."""

from pathlib import Path

import polib
from django.apps import apps
from django.conf import settings
from django.core.management.base import BaseCommand


def catalogue_dirs():
    yield from (Path(path) for path in settings.LOCALE_PATHS)
    for config in apps.get_app_configs():
        path = Path(config.path) / "locale"
        if path.is_dir() and str(path).startswith(str(settings.BASE_DIR)):
            yield path


class Command(BaseCommand):
    help = "Compile the project's .po translation catalogues to .mo files (when out of date)."

    def add_arguments(self, parser):
        parser.add_argument("--force", action="store_true", help="Compile even when up to date.")

    def handle(self, *args, force=False, **options):
        compiled = 0
        for directory in catalogue_dirs():
            for po_path in sorted(directory.glob("*/LC_MESSAGES/*.po")):
                mo_path = po_path.with_suffix(".mo")
                if not force and mo_path.exists() and mo_path.stat().st_mtime >= po_path.stat().st_mtime:
                    continue
                polib.pofile(str(po_path)).save_as_mofile(str(mo_path))
                compiled += 1
        self.stdout.write(f"compiled {compiled} catalogue(s)")
