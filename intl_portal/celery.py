"""The Celery application. Tasks are doors: each calls one service of its app.

Autodiscovery imports `<app>.tasks` of every installed app; a feature package that keeps
its own tasks module (events/reminders/tasks.py, events/trackers/tasks.py) is listed here too.
"""

import os

from celery import Celery

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "intl_portal.settings")

app = Celery("intl_portal")
app.config_from_object("django.conf:settings", namespace="CELERY")
app.autodiscover_tasks()
app.autodiscover_tasks(["events.reminders", "events.trackers"])
