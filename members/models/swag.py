"""Swag (周边): items and their variants, where they are kept, the movement log from which
stock is derived, and requests to mail them."""

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils.translation import get_language, pgettext_lazy
from django.utils.translation import gettext_lazy as _

from intl_portal.common.fields import BoundedTextField
from intl_portal.common.text import labelled

from .people import Member


class SwagItem(models.Model):
    name_en = models.CharField(_("name (English)"), max_length=100, unique=True)
    name_zh = models.CharField(_("name (Chinese)"), max_length=100, blank=True)
    description = BoundedTextField(_("description"), blank=True)
    active = models.BooleanField(_("active"), default=True)

    class Meta:
        verbose_name = _("swag item")
        verbose_name_plural = _("swag items")
        ordering = ["name_en"]

    def __str__(self):
        return self.localized_name

    @property
    def localized_name(self):
        """The name in the reader's language when it is known ("T恤"), else the English one."""
        if (get_language() or "").startswith("zh") and self.name_zh:
            return self.name_zh
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
    address = BoundedTextField(_("address"), blank=True)

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

    @property
    def level_changes(self):
        """What the movement does to stock: [(location id, signed quantity)]."""
        quantity = self.quantity
        if self.kind == self.Kind.IN:
            return [(self.to_location_id, quantity)]
        if self.kind == self.Kind.OUT:
            return [(self.from_location_id, -quantity)]
        if self.kind == self.Kind.MOVE:
            return [(self.from_location_id, -quantity), (self.to_location_id, quantity)]
        return [(self.to_location_id, quantity)]  # a correction: signed, at to_location


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
        return labelled(f"{self.variant} @ {self.location}", self.quantity)


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
    address = BoundedTextField(_("postal address"), help_text=_("Visible only to coordinators."))
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
    note = BoundedTextField(_("note"), blank=True)
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
