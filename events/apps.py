from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class EventsConfig(AppConfig):
    name = "events"
    verbose_name = _("Events")

    def ready(self):
        # Connect the model receivers (imported here: they need the models loaded).
        from .feeds import revision  # noqa: F401  (the calendar feeds' cache revision)
        from .reminders import signals  # noqa: F401  (outbox planning receivers)
