"""The ambassador program (大使计划) and its translator track (译道师): enrolments,
contributions and where they were published, points, and rewards (the swag that thanks
people is in swag.py)."""

from django.conf import settings
from django.db import models
from django.db.models import F, Q
from django.utils.translation import get_language, pgettext_lazy
from django.utils.translation import gettext_lazy as _

from intl_portal.common.dates import date_in_range, instant_in_range
from intl_portal.common.fields import BoundedTextField
from intl_portal.common.languages import Language
from intl_portal.common.text import labelled, with_aside

from .people import Member
from .swag import SwagRequest


class Track(models.TextChoices):
    AMBASSADOR = "ambassador", _("Ambassador")
    TRANSLATOR = "translator", _("Translator")


class Enrolment(models.Model):
    class Status(models.TextChoices):
        APPLIED = "applied", _("Applied")
        ACTIVE = "active", _("Active")
        PAUSED = "paused", _("Paused")
        ENDED = "ended", _("Ended")
        REJECTED = "rejected", _("Rejected")

    member = models.ForeignKey(
        Member, verbose_name=_("member"), on_delete=models.CASCADE, related_name="enrolments"
    )
    track = models.CharField(_("track"), max_length=20, choices=Track.choices)
    status = models.CharField(_("status"), max_length=20, choices=Status.choices, default=Status.APPLIED)
    term_start = models.DateField(_("term start"), null=True, blank=True)
    term_end = models.DateField(_("term end"), null=True, blank=True)
    region = models.CharField(_("region"), max_length=100, blank=True)
    language_pair = models.CharField(
        _("language pair"), max_length=20, blank=True, help_text=_("For translators, e.g. zh→en.")
    )
    motivation = BoundedTextField(_("motivation"), blank=True)
    show_publicly = models.BooleanField(
        _("list me on the public program page"),
        default=False,
        help_text=_(
            "Your name, track and points appear on the public page, with the contributions "
            "you mark as public."
        ),
    )
    decision_note = BoundedTextField(_("decision note"), blank=True)
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("decided by"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    decided_at = models.DateTimeField(_("decided at"), null=True, blank=True)
    created_at = models.DateTimeField(_("applied at"), auto_now_add=True)

    class Meta:
        verbose_name = _("enrolment")
        verbose_name_plural = _("enrolments")
        ordering = ["-created_at"]
        constraints = [
            date_in_range("term_start", "enrolment_start_in_range"),
            date_in_range("term_end", "enrolment_end_in_range"),
            models.CheckConstraint(
                condition=Q(term_end__isnull=True)
                | Q(term_start__isnull=True)
                | Q(term_end__gte=F("term_start")),
                name="enrolment_term_end_after_start",
                violation_error_message=_("A term cannot end before it starts."),
            ),
            models.UniqueConstraint(
                fields=["member", "track"],
                condition=Q(status__in=["applied", "active", "paused"]),
                name="enrolment_one_open_per_track",
                violation_error_message=_("This member already has an open enrolment in this track."),
            ),
        ]

    OPEN_STATUSES = (Status.APPLIED, Status.ACTIVE, Status.PAUSED)

    def __str__(self):
        return f"{self.member} · {self.get_track_display()}"


class Contribution(models.Model):
    class Kind(models.TextChoices):
        TRANSLATED_ARTICLE = "translated_article", _("Translated article")
        ORIGINAL_ARTICLE = "original_article", _("Original article")
        TALK_TRANSLATION = "talk_translation", _("Talk transcript or slide translation")
        SOCIAL_POST = "social_post", _("Social media post")
        INTERVIEW = "interview", _("Interview")
        EVENT_SUPPORT = "event_support", _("Event support")

    class Status(models.TextChoices):
        SUBMITTED = "submitted", _("Submitted")
        ACCEPTED = "accepted", _("Accepted")
        RETURNED = "returned", _("Returned")

    member = models.ForeignKey(
        Member, verbose_name=_("member"), on_delete=models.CASCADE, related_name="contributions"
    )
    kind = models.CharField(_("kind"), max_length=30, choices=Kind.choices)
    title_zh = models.CharField(_("title (Chinese)"), max_length=300, blank=True)
    title_en = models.CharField(_("title (English)"), max_length=300, blank=True)
    url_zh = models.URLField(_("link (Chinese)"), max_length=500, blank=True)
    url_en = models.URLField(_("link (English)"), max_length=500, blank=True)
    outline = BoundedTextField(_("outline"), blank=True, help_text=_("For interviews: the questions."))
    event = models.ForeignKey(
        "events.Event",
        verbose_name=_("event"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="contributions",
    )
    status = models.CharField(_("review"), max_length=20, choices=Status.choices, default=Status.SUBMITTED)
    points = models.PositiveIntegerField(_("points"), default=0)
    review_note = BoundedTextField(_("review note"), blank=True)
    reviewed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("reviewed by"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    reviewed_at = models.DateTimeField(_("reviewed at"), null=True, blank=True)
    show_publicly = models.BooleanField(_("show on the public program page"), default=False)
    created_at = models.DateTimeField(_("submitted at"), auto_now_add=True)

    class Meta:
        verbose_name = _("contribution")
        verbose_name_plural = _("contributions")
        ordering = ["-created_at"]
        constraints = [
            models.CheckConstraint(
                condition=~Q(title_zh="") | ~Q(title_en=""),
                name="contribution_has_a_title",
                violation_error_message=_("Give a Chinese or an English title."),
            ),
        ]

    def __str__(self):
        return self.title_for(get_language())

    def title_for(self, language):
        """The title in `language` ("zh…": the Chinese one), else the one there is."""
        if (language or "").startswith("zh"):
            return self.title_zh or self.title_en
        return self.title_en or self.title_zh


class ContributionPublication(models.Model):
    """One publication (planned or done) of a contribution on a channel, in one language."""

    class Channel(models.TextChoices):
        LINKEDIN = "linkedin", "LinkedIn"
        X = "x", "X"
        FACEBOOK = "facebook", "Facebook"
        WECHAT = "wechat", pgettext_lazy("channel", "WeChat")
        BLOG = "blog", pgettext_lazy("channel", "Blog")
        OTHER = "other", pgettext_lazy("channel", "Other")

    Language = Language  # the portal's one list (intl_portal.common.languages)

    contribution = models.ForeignKey(
        Contribution,
        verbose_name=_("contribution"),
        on_delete=models.CASCADE,
        related_name="publications",
    )
    channel = models.CharField(_("channel"), max_length=20, choices=Channel.choices)
    language = models.CharField(_("language"), max_length=10, choices=Language.choices)
    url = models.URLField(_("link"), max_length=500, blank=True)
    planned_for = models.DateTimeField(_("planned for"), null=True, blank=True)
    published_at = models.DateTimeField(_("published at"), null=True, blank=True)

    class Meta:
        verbose_name = _("publication")
        verbose_name_plural = _("publications")
        ordering = ["planned_for", "published_at"]
        constraints = [
            instant_in_range("planned_for", "publication_planned_in_range"),
            instant_in_range("published_at", "publication_published_in_range"),
            models.UniqueConstraint(
                fields=["contribution", "channel", "language"],
                name="publication_unique_channel_language",
            ),
        ]

    def __str__(self):
        return with_aside(f"{self.contribution} · {self.get_channel_display()}", self.get_language_display())

    @property
    def title(self):
        """The contribution's title in this publication's language."""
        return self.contribution.title_for(self.language)

    @property
    def when(self):
        """When it went out, or is planned to."""
        return self.published_at or self.planned_for


class PointRule(models.Model):
    """Points an accepted contribution of a kind earns (a table coordinators edit)."""

    kind = models.CharField(_("kind"), max_length=30, choices=Contribution.Kind.choices, unique=True)
    points = models.PositiveIntegerField(_("points"))

    class Meta:
        verbose_name = _("point rule")
        verbose_name_plural = _("point rules")
        ordering = ["kind"]

    def __str__(self):
        return labelled(self.get_kind_display(), self.points)


class Reward(models.Model):
    """Thanks given to a member: an honour, a certificate or swag (through a swag request)."""

    class Kind(models.TextChoices):
        HONOUR = "honour", _("Honour")
        CERTIFICATE = "certificate", _("Certificate")
        SWAG = "swag", _("Swag")
        OTHER = "other", pgettext_lazy("reward", "Other")

    member = models.ForeignKey(
        Member, verbose_name=_("member"), on_delete=models.CASCADE, related_name="rewards"
    )
    kind = models.CharField(_("kind"), max_length=20, choices=Kind.choices)
    title = models.CharField(_("title"), max_length=200)
    description = BoundedTextField(_("description"), blank=True)
    contribution = models.ForeignKey(
        Contribution,
        verbose_name=_("for contribution"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="rewards",
    )
    swag_request = models.OneToOneField(
        SwagRequest,
        verbose_name=_("swag request"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="reward",
    )
    awarded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("awarded by"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    awarded_at = models.DateTimeField(_("awarded at"), auto_now_add=True)

    class Meta:
        verbose_name = _("reward")
        verbose_name_plural = _("rewards")
        ordering = ["-awarded_at"]

    def __str__(self):
        return f"{self.title} → {self.member}"
