"""The ambassador program (大使计划) and its translator track (译道师): enrolments,
contributions and where they were published, points, rewards, and the swag that thanks people."""

from django.conf import settings
from django.db import models
from django.db.models import F, Q
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from intl_portal.common.languages import Language

from .people import Member


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
    motivation = models.TextField(_("motivation"), blank=True)
    show_publicly = models.BooleanField(
        _("list me on the public program page"),
        default=False,
        help_text=_(
            "Your name, track and points appear on the public page, with the contributions "
            "you mark as public."
        ),
    )
    decision_note = models.TextField(_("decision note"), blank=True)
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
    outline = models.TextField(_("outline"), blank=True, help_text=_("For interviews: the questions."))
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
    review_note = models.TextField(_("review note"), blank=True)
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
            models.UniqueConstraint(
                fields=["contribution", "channel", "language"],
                name="publication_unique_channel_language",
            ),
        ]

    def __str__(self):
        return f"{self.contribution} · {self.get_channel_display()} ({self.language})"


class PointRule(models.Model):
    """Points an accepted contribution of a kind earns (a table coordinators edit)."""

    kind = models.CharField(_("kind"), max_length=30, choices=Contribution.Kind.choices, unique=True)
    points = models.PositiveIntegerField(_("points"))

    class Meta:
        verbose_name = _("point rule")
        verbose_name_plural = _("point rules")
        ordering = ["kind"]

    def __str__(self):
        return f"{self.get_kind_display()}: {self.points}"


class SwagItem(models.Model):
    name_en = models.CharField(_("name (English)"), max_length=100, unique=True)
    name_zh = models.CharField(_("name (Chinese)"), max_length=100, blank=True)
    description = models.TextField(_("description"), blank=True)
    active = models.BooleanField(_("active"), default=True)

    class Meta:
        verbose_name = _("swag item")
        verbose_name_plural = _("swag items")
        ordering = ["name_en"]

    def __str__(self):
        return self.name_en


class SwagVariant(models.Model):
    """A variant of an item, e.g. a T-shirt size; items without variants have one, labelled ''."""

    item = models.ForeignKey(
        SwagItem, verbose_name=_("item"), on_delete=models.CASCADE, related_name="variants"
    )
    label = models.CharField(_("variant"), max_length=50, blank=True)

    class Meta:
        verbose_name = _("swag variant")
        verbose_name_plural = _("swag variants")
        ordering = ["item", "label"]
        constraints = [
            models.UniqueConstraint(fields=["item", "label"], name="swagvariant_unique_label"),
        ]

    def __str__(self):
        return f"{self.item} {self.label}".strip()


class StockLocation(models.Model):
    """Where swag is kept (a room, a warehouse) and who holds it."""

    name = models.CharField(_("name"), max_length=100, unique=True)
    holder = models.ForeignKey(
        Member,
        verbose_name=_("holder"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="stock_locations",
    )
    address = models.TextField(_("address"), blank=True)

    class Meta:
        verbose_name = _("stock location")
        verbose_name_plural = _("stock locations")
        ordering = ["name"]

    def __str__(self):
        return self.name


class StockMovement(models.Model):
    """The movement log from which stock is derived."""

    class Kind(models.TextChoices):
        IN = "in", pgettext_lazy("stock movement", "In")
        OUT = "out", pgettext_lazy("stock movement", "Out")
        MOVE = "move", pgettext_lazy("stock movement", "Moved")
        CORRECTION = "correction", pgettext_lazy("stock movement", "Correction")

    variant = models.ForeignKey(
        SwagVariant, verbose_name=_("variant"), on_delete=models.PROTECT, related_name="movements"
    )
    kind = models.CharField(_("kind"), max_length=20, choices=Kind.choices)
    quantity = models.IntegerField(_("quantity"), help_text=_("Positive; a correction may be negative."))
    from_location = models.ForeignKey(
        StockLocation,
        verbose_name=_("from"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
    )
    to_location = models.ForeignKey(
        StockLocation,
        verbose_name=_("to"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
    )
    request = models.ForeignKey(
        "SwagRequest",
        verbose_name=_("request"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="movements",
    )
    note = models.CharField(_("note"), max_length=200, blank=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("recorded by"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    created_at = models.DateTimeField(_("recorded at"), auto_now_add=True)

    class Meta:
        verbose_name = _("stock movement")
        verbose_name_plural = _("stock movements")
        ordering = ["-created_at"]
        constraints = [
            models.CheckConstraint(
                condition=Q(kind="correction") | Q(quantity__gt=0),
                name="stockmovement_quantity_positive",
                violation_error_message=_("The quantity must be positive."),
            ),
        ]

    def __str__(self):
        return f"{self.get_kind_display()} {self.quantity} × {self.variant}"


class StockLevel(models.Model):
    """Stock of a variant at a location, kept in step with the movement log by the services.
    The database refuses a negative level, so two concurrent shipments cannot oversell."""

    variant = models.ForeignKey(
        SwagVariant, verbose_name=_("variant"), on_delete=models.CASCADE, related_name="levels"
    )
    location = models.ForeignKey(
        StockLocation, verbose_name=_("location"), on_delete=models.CASCADE, related_name="levels"
    )
    quantity = models.IntegerField(_("quantity"), default=0)

    class Meta:
        verbose_name = _("stock level")
        verbose_name_plural = _("stock levels")
        constraints = [
            models.UniqueConstraint(fields=["variant", "location"], name="stocklevel_unique"),
            models.CheckConstraint(
                condition=Q(quantity__gte=0),
                name="stocklevel_not_negative",
                violation_error_message=_("Stock cannot go below zero."),
            ),
        ]

    def __str__(self):
        return f"{self.variant} @ {self.location}: {self.quantity}"


class SwagRequest(models.Model):
    class Reason(models.TextChoices):
        REWARD = "reward", _("Reward")
        BOOTH = "booth", _("Booth")
        SPEAKER_GIFT = "speaker_gift", _("Speaker gift")
        OTHER = "other", pgettext_lazy("reason", "Other")

    class Status(models.TextChoices):
        REQUESTED = "requested", _("Requested")
        APPROVED = "approved", _("Approved")
        REJECTED = "rejected", _("Rejected")
        SHIPPED = "shipped", _("Shipped")
        CANCELLED = "cancelled", _("Cancelled")

    requested_by = models.ForeignKey(
        Member,
        verbose_name=_("requested by"),
        on_delete=models.PROTECT,
        related_name="swag_requests",
    )
    recipient = models.ForeignKey(
        Member,
        verbose_name=_("recipient (member)"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="swag_received",
    )
    recipient_name = models.CharField(_("recipient"), max_length=100)
    address = models.TextField(_("postal address"), help_text=_("Visible only to coordinators."))
    phone = models.CharField(_("phone"), max_length=50, blank=True)
    reason = models.CharField(_("reason"), max_length=20, choices=Reason.choices)
    event = models.ForeignKey(
        "events.Event",
        verbose_name=_("event"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="swag_requests",
    )
    ship_from = models.ForeignKey(
        StockLocation,
        verbose_name=_("ship from"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
    )
    status = models.CharField(_("status"), max_length=20, choices=Status.choices, default=Status.REQUESTED)
    note = models.TextField(_("note"), blank=True)
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("decided by"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    shipped_at = models.DateTimeField(_("shipped at"), null=True, blank=True)
    tracking_note = models.CharField(_("tracking note"), max_length=200, blank=True)
    created_at = models.DateTimeField(_("requested at"), auto_now_add=True)

    class Meta:
        verbose_name = _("swag request")
        verbose_name_plural = _("swag requests")
        ordering = ["-created_at"]

    def __str__(self):
        return f"{self.recipient_name} · {self.get_reason_display()}"


class SwagRequestLine(models.Model):
    request = models.ForeignKey(
        SwagRequest, verbose_name=_("request"), on_delete=models.CASCADE, related_name="lines"
    )
    variant = models.ForeignKey(
        SwagVariant, verbose_name=_("variant"), on_delete=models.PROTECT, related_name="+"
    )
    quantity = models.PositiveIntegerField(_("quantity"))

    class Meta:
        verbose_name = _("requested item")
        verbose_name_plural = _("requested items")
        constraints = [
            models.CheckConstraint(
                condition=Q(quantity__gt=0),
                name="swagrequestline_quantity_positive",
                violation_error_message=_("The quantity must be positive."),
            ),
            models.UniqueConstraint(fields=["request", "variant"], name="swagrequestline_unique"),
        ]

    def __str__(self):
        return f"{self.quantity} × {self.variant}"


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
    description = models.TextField(_("description"), blank=True)
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
