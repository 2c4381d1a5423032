from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class EventsConfig(AppConfig):
    name = "events"
    verbose_name = _("Events")

    def ready(self):
        from . import (
            admin_reminders,  # noqa: F401  (admin of the reminder models)
            feed_signals,  # noqa: F401  (connects the calendar feeds' receivers)
        )
        from .reminders import signals  # noqa: F401  (outbox planning receivers)
