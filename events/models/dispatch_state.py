"""What the reminder dispatchers share besides the outbox: each robot's recent sends (its
rate limits, across processes) and when the last dispatch pass finished (health)."""

from django.db import models
from django.utils.translation import gettext_lazy as _

from .reminders import Via


class ChannelPace(models.Model):
    """The recent sends to one chat robot or webhook, so that dispatchers in every process
    keep to its rate limits, and the time until which it told us to stop (throttled).

    Keyed by a hash of the URL: the URL (and any key in it) is not stored here."""

    target = models.CharField(_("target"), max_length=64, unique=True)
    via = models.CharField(_("via"), max_length=20, choices=Via.choices)
    recent = models.JSONField(_("recent sends"), default=list)  # epoch seconds, oldest first
    blocked_until = models.DateTimeField(_("throttled until"), null=True, blank=True)

    class Meta:
        verbose_name = _("channel pace")
        verbose_name_plural = _("channel paces")

    def __str__(self):
        return f"{self.via} {self.target[:12]}"


class DispatchHeartbeat(models.Model):
    """A single row: when the last reminder dispatch pass finished (the health check and the
    admin's warning read it; a worker that died shows as a pass that is late)."""

    finished_at = models.DateTimeField(_("last dispatch pass finished"))

    class Meta:
        verbose_name = _("dispatch heartbeat")
        verbose_name_plural = _("dispatch heartbeat")

    def __str__(self):
        return f"{self.finished_at:%Y-%m-%d %H:%M:%S}"
