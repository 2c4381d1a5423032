"""The Celery application. Tasks live in each app's tasks.py and call its services."""

import os

from celery import Celery

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "intl_portal.settings")

app = Celery("intl_portal")
app.config_from_object("django.conf:settings", namespace="CELERY")
app.autodiscover_tasks()
