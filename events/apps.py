from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class EventsConfig(AppConfig):
    name = "events"
    verbose_name = _("Events")

    def ready(self):
        # Imported once the models are loaded: the feeds' cache-revision receivers (they only
        # bump a cache version), and the reminders' Celery tasks, registered in every process
        # (the worker also finds them by autodiscovery) because a service enqueues one by
        # name — a domain module may not import a door — and the name must reach the task
        # (CELERY_TASK_ALWAYS_EAGER too).
        from .feeds import revision  # noqa: F401
        from .reminders import tasks  # noqa: F401
        from .trackers import tasks as tracker_tasks  # noqa: F401
