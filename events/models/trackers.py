"""Public conference trackers: the sources the group reads, each run of an import, the
conferences found (merged across sources), each source's record of one, its deadlines as
exact instants, and the link from a planned deadline to the record it came from.

The rules (import, merge, adopt, sync) are in events/trackers/services.py.
"""

import zoneinfo

from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy
from django_countries.fields import CountryField

from intl_portal.common.fields import BoundedTextField
from intl_portal.common.text import with_aside


class Region(models.TextChoices):
    ASIA = "asia", _("Asia")
    EUROPE = "europe", _("Europe")
    AMERICAS = "americas", _("Americas")
    AFRICA = "africa", _("Africa")
    OCEANIA = "oceania", _("Oceania")
    ONLINE = "online", pgettext_lazy("region", "Online")
    UNKNOWN = "unknown", pgettext_lazy("region", "Unknown")


class TrackerSource(models.Model):
    class Kind(models.TextChoices):
        CONFS_TECH = "confs_tech", _("confs.tech (JSON per year and topic)")
        PYTHON_DEADLINES = "python_deadlines", _("Python Deadlines (YAML)")
        DEVELOPERS_EVENTS_CFPS = "developers_events_cfps", _("developers.events CFPs (all-cfps.json)")
        DEVELOPERS_EVENTS = "developers_events", _("developers.events events (all-events.json)")
        LF_EVENTS = "lf_events", _("Linux Foundation events (JSON)")

    name = models.SlugField(_("name"), max_length=60, unique=True)
    kind = models.CharField(_("kind"), max_length=30, choices=Kind.choices)
    url = models.URLField(_("URL"), max_length=500)
    topics = models.CharField(
        _("topics"),
        max_length=200,
        blank=True,
        help_text=_("Comma-separated topics given to every conference of this source, e.g. opensource."),
    )
    regions = models.CharField(
        _("regions of interest"),
        max_length=200,
        blank=True,
        help_text=_("Comma-separated regions (asia, europe, americas, africa, oceania, online); empty: all."),
    )
    active = models.BooleanField(_("active"), default=True)
    attribution = models.CharField(_("attribution"), max_length=500)
    licence = models.CharField(_("licence"), max_length=100, blank=True)
    # Conditional GET: what the server said last time.
    etag = models.CharField(_("ETag"), max_length=300, blank=True, editable=False)
    last_modified = models.CharField(_("Last-Modified"), max_length=100, blank=True, editable=False)
    created_at = models.DateTimeField(_("created"), auto_now_add=True)

    class Meta:
        verbose_name = _("tracker source")
        verbose_name_plural = _("tracker sources")
        ordering = ["name"]

    def __str__(self):
        return self.name

    @property
    def topic_list(self):
        return [t.strip().lower() for t in self.topics.split(",") if t.strip()]

    @property
    def region_list(self):
        return [r.strip().lower() for r in self.regions.split(",") if r.strip()]


class TrackerRun(models.Model):
    class Status(models.TextChoices):
        RUNNING = "running", _("Running")
        DONE = "done", pgettext_lazy("tracker run", "Done")
        NOT_MODIFIED = "not_modified", _("Not modified")
        FAILED = "failed", pgettext_lazy("tracker run", "Failed")

    source = models.ForeignKey(
        TrackerSource, verbose_name=_("source"), on_delete=models.CASCADE, related_name="runs"
    )
    started_at = models.DateTimeField(_("started"))
    finished_at = models.DateTimeField(_("finished"), null=True, blank=True)
    status = models.CharField(_("status"), max_length=20, choices=Status.choices, default=Status.RUNNING)
    origin = models.CharField(_("read from"), max_length=600, blank=True)
    fetched = models.PositiveIntegerField(_("records read"), default=0)
    unchanged = models.PositiveIntegerField(_("unchanged"), default=0)
    created = models.PositiveIntegerField(_("created"), default=0)
    updated = models.PositiveIntegerField(_("updated"), default=0)
    failed = models.PositiveIntegerField(_("failed"), default=0)
    removed = models.PositiveIntegerField(_("removed"), default=0)
    # [{"record": "…", "reason": "…"}, …]: each record left out and why.
    failures = models.JSONField(_("failed records"), default=list, blank=True)
    error = BoundedTextField(_("error"), blank=True)

    class Meta:
        verbose_name = _("tracker run")
        verbose_name_plural = _("tracker runs")
        ordering = ["-started_at", "-id"]

    def __str__(self):
        return f"{self.source} · {self.started_at:%Y-%m-%d %H:%M}"


class DiscoveredEntry(models.Model):
    """One conference edition as found in the trackers, merged across sources."""

    name = models.CharField(_("name"), max_length=300)
    url = models.URLField(_("website"), max_length=500, blank=True)
    url_key = models.CharField(max_length=500, blank=True, db_index=True, editable=False)
    match_key = models.CharField(max_length=500, blank=True, db_index=True, editable=False)
    series = models.CharField(_("series"), max_length=200, blank=True)
    year = models.PositiveSmallIntegerField(_("year"), null=True, blank=True)
    city = models.CharField(_("city"), max_length=200, blank=True)
    country = CountryField(_("country/region"), blank=True)
    region = models.CharField(_("region"), max_length=20, choices=Region.choices, default=Region.UNKNOWN)
    online = models.BooleanField(_("online"), default=False)
    start_date = models.DateField(_("start date"), null=True, blank=True)
    end_date = models.DateField(_("end date"), null=True, blank=True)
    topics = models.CharField(_("topics"), max_length=300, blank=True)
    # The event of the plan this conference is (adopted, matched or linked by hand).
    event = models.ForeignKey(
        "events.Event",
        verbose_name=_("event in the plan"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="tracker_entries",
    )
    # Unlinked by hand: never matched again automatically.
    unlinked = models.BooleanField(_("unlinked by hand"), default=False)
    first_seen_at = models.DateTimeField(_("first seen"), auto_now_add=True)
    updated_at = models.DateTimeField(_("updated"), auto_now=True)

    class Meta:
        verbose_name = _("discovered conference")
        verbose_name_plural = _("discovered conferences")
        ordering = ["start_date", "name"]
        indexes = [models.Index(fields=["series", "year"])]

    def __str__(self):
        return self.name

    @property
    def topic_list(self):
        return [t for t in self.topics.split(",") if t]


class EntryListing(models.Model):
    """One source's record of a conference (several sources may list the same one)."""

    entry = models.ForeignKey(
        DiscoveredEntry, verbose_name=_("conference"), on_delete=models.CASCADE, related_name="listings"
    )
    source = models.ForeignKey(
        TrackerSource, verbose_name=_("source"), on_delete=models.CASCADE, related_name="listings"
    )
    external_id = models.CharField(_("key at the source"), max_length=600)
    name = models.CharField(_("name"), max_length=300)
    url = models.URLField(_("website"), max_length=500, blank=True)
    cfp_url = models.URLField(_("CFP page"), max_length=500, blank=True)
    fingerprint = models.CharField(max_length=64, editable=False)
    last_seen_at = models.DateTimeField(_("last seen"))
    removed_at = models.DateTimeField(_("gone from the source"), null=True, blank=True)

    class Meta:
        verbose_name = _("source listing")
        verbose_name_plural = _("source listings")
        constraints = [
            models.UniqueConstraint(fields=["source", "external_id"], name="listing_unique_per_source")
        ]

    def __str__(self):
        return with_aside(self.name, self.source)


class DiscoveredDeadline(models.Model):
    class Kind(models.TextChoices):
        CFP_OPEN = "cfp_open", _("CFP opens")
        CFP_CLOSE = "cfp_close", _("CFP closes")
        WORKSHOP = "workshop", _("Workshop proposals close")
        TUTORIAL = "tutorial", _("Tutorial proposals close")
        NOTIFICATION = "notification", _("Speaker notification")

    listing = models.ForeignKey(
        EntryListing, verbose_name=_("listing"), on_delete=models.CASCADE, related_name="deadlines"
    )
    kind = models.CharField(_("kind"), max_length=20, choices=Kind.choices)
    due_at = models.DateTimeField(_("due (UTC)"))
    timezone = models.CharField(_("announced time zone"), max_length=64)
    is_date_only = models.BooleanField(_("date only"), default=False)
    # How the instant was derived, e.g. "date only; announced zone unknown → 23:59 AoE".
    rule = models.CharField(_("rule"), max_length=300)
    removed_at = models.DateTimeField(_("gone from the source"), null=True, blank=True)

    class Meta:
        verbose_name = _("discovered deadline")
        verbose_name_plural = _("discovered deadlines")
        ordering = ["due_at"]
        constraints = [models.UniqueConstraint(fields=["listing", "kind"], name="discovered_deadline_unique")]

    def __str__(self):
        return f"{self.listing} · {self.get_kind_display()}"

    @property
    def local_due_at(self):
        """The instant in the zone it was announced in."""
        return self.due_at.astimezone(zoneinfo.ZoneInfo(self.timezone))


class DeadlineLink(models.Model):
    """A deadline of the plan kept in step with a tracker's record of it."""

    deadline = models.OneToOneField(
        "events.Deadline", verbose_name=_("deadline"), on_delete=models.CASCADE, related_name="tracker_link"
    )
    source_deadline = models.ForeignKey(
        DiscoveredDeadline,
        verbose_name=_("source record"),
        on_delete=models.SET_NULL,
        null=True,
        related_name="links",
    )
    # The instant last taken from the source: a deadline whose due_at differs was edited by hand.
    synced_due_at = models.DateTimeField(_("last value from the source"))
    # A change from the source not applied (the value was edited by hand): for a coordinator.
    pending_due_at = models.DateTimeField(_("proposed by the source"), null=True, blank=True)
    pending_timezone = models.CharField(max_length=64, blank=True)
    pending_rule = models.CharField(max_length=300, blank=True)
    pending_source = models.CharField(max_length=60, blank=True)
    source_removed_at = models.DateTimeField(_("removed at the source"), null=True, blank=True)

    class Meta:
        verbose_name = _("deadline link")
        verbose_name_plural = _("deadline links")
        constraints = [
            models.CheckConstraint(
                condition=Q(pending_due_at__isnull=True) | ~Q(pending_source=""),
                name="deadline_link_pending_has_source",
            )
        ]

    def __str__(self):
        return str(self.deadline)


class TrackerNotice(models.Model):
    """A message to one member that a source moved a deadline of an event they are part of;
    one row per change and member, sent once."""

    class State(models.TextChoices):
        PENDING = "pending", pgettext_lazy("notice state", "Pending")
        SENT = "sent", pgettext_lazy("notice state", "Sent")
        FAILED = "failed", pgettext_lazy("notice state", "Failed")

    deadline = models.ForeignKey(
        "events.Deadline",
        verbose_name=_("deadline"),
        on_delete=models.CASCADE,
        related_name="tracker_notices",
    )
    member = models.ForeignKey(
        "members.Member", verbose_name=_("member"), on_delete=models.CASCADE, related_name="tracker_notices"
    )
    old_due_at = models.DateTimeField(_("was"))
    new_due_at = models.DateTimeField(_("now"))
    source_name = models.CharField(_("source"), max_length=60)
    state = models.CharField(_("state"), max_length=20, choices=State.choices, default=State.PENDING)
    last_error = BoundedTextField(_("last error"), blank=True)
    created_at = models.DateTimeField(_("created"), auto_now_add=True)
    sent_at = models.DateTimeField(_("sent"), null=True, blank=True)

    class Meta:
        verbose_name = _("tracker change notice")
        verbose_name_plural = _("tracker change notices")
        ordering = ["created_at", "id"]

    def __str__(self):
        return f"{self.deadline} → {self.member}"
