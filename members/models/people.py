"""People: members of the working group, advisors, volunteers, partners; their roles and terms."""

from django.conf import settings
from django.db import models
from django.db.models import F, Q
from django.utils.translation import get_language, pgettext_lazy
from django.utils.translation import gettext_lazy as _
from django_countries.fields import CountryField

from intl_portal.common.dates import date_in_range
from intl_portal.common.fields import BoundedTextField
from intl_portal.common.languages import Language
from intl_portal.common.timezones import validate_zone_name


class Member(models.Model):
    """A person the group works with. A log-in is optional: advisors may never sign in."""

    class Group(models.TextChoices):
        WORKING_GROUP = "working_group", _("Working group")
        ADVISORY = "advisory", _("Advisory committee")
        VOLUNTEER = "volunteer", _("Volunteer")
        PARTNER = "partner", _("Partner")

    Language = Language  # the portal's one list (intl_portal.common.languages)

    display_name = models.CharField(_("display name"), max_length=100, unique=True)
    name_zh = models.CharField(_("Chinese name"), max_length=100, blank=True)
    name_en = models.CharField(_("English name"), max_length=100, blank=True)
    email = models.EmailField(_("e-mail"), blank=True)
    affiliation = models.CharField(
        _("affiliation"), max_length=200, blank=True, help_text=_("Company or organisation.")
    )
    group = models.CharField(
        pgettext_lazy("member group", "group"),
        max_length=20,
        choices=Group.choices,
        default=Group.WORKING_GROUP,
    )
    languages = models.CharField(
        _("languages spoken"),
        max_length=100,
        blank=True,
        help_text=_("Comma-separated language codes, e.g. zh, en, ja."),
    )
    preferred_language = models.CharField(
        _("language for messages"), max_length=10, choices=Language.choices, default=Language.CHINESE
    )
    timezone = models.CharField(
        _("time zone"), max_length=64, default="Asia/Shanghai", validators=[validate_zone_name]
    )
    passport_country = CountryField(
        _("passport country/region"),
        blank=True,
        help_text=_("The country or region that issued your passport (never its number)."),
    )
    feishu_open_id = models.CharField(
        _("Feishu open ID"), max_length=64, blank=True, help_text=_("The ou_… ID used in Feishu documents.")
    )
    active = models.BooleanField(_("active"), default=True)
    user = models.OneToOneField(
        settings.AUTH_USER_MODEL,
        verbose_name=_("log-in"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="member",
    )
    notes = BoundedTextField(_("notes"), blank=True)
    created_at = models.DateTimeField(_("created"), auto_now_add=True)
    updated_at = models.DateTimeField(_("updated"), auto_now=True)

    class Meta:
        verbose_name = _("member")
        verbose_name_plural = _("members")
        ordering = ["display_name"]
        indexes = [models.Index(fields=["group", "active"])]

    def __str__(self):
        return self.display_name

    @property
    def localized_name(self):
        """The name in the viewer's language when it is known, else the display name."""
        if (get_language() or "").startswith("zh") and self.name_zh:
            return self.name_zh
        return self.name_en or self.display_name


class Role(models.Model):
    """A standing role in the group (lead, coordinator, treasurer, …), held for a term."""

    slug = models.SlugField(_("code"), max_length=50, unique=True)
    name_en = models.CharField(_("name (English)"), max_length=100)
    name_zh = models.CharField(_("name (Chinese)"), max_length=100, blank=True)
    description = BoundedTextField(_("description"), blank=True)

    class Meta:
        verbose_name = _("role")
        verbose_name_plural = _("roles")
        ordering = ["name_en"]

    def __str__(self):
        if (get_language() or "").startswith("zh") and self.name_zh:
            return self.name_zh
        return self.name_en


class RoleAssignment(models.Model):
    """A member holding a role for a term; the handover (换届) ends one term and starts another."""

    member = models.ForeignKey(
        Member, verbose_name=_("member"), on_delete=models.CASCADE, related_name="role_assignments"
    )
    role = models.ForeignKey(
        Role, verbose_name=_("role"), on_delete=models.PROTECT, related_name="assignments"
    )
    term_start = models.DateField(_("term start"))
    term_end = models.DateField(_("term end"), null=True, blank=True, help_text=_("Empty: open-ended."))
    note = models.CharField(_("note"), max_length=200, blank=True)

    class Meta:
        verbose_name = _("role assignment")
        verbose_name_plural = _("role assignments")
        ordering = ["-term_start"]
        constraints = [
            date_in_range("term_start", "roleassignment_start_in_range"),
            date_in_range("term_end", "roleassignment_end_in_range"),
            models.CheckConstraint(
                condition=Q(term_end__isnull=True) | Q(term_end__gte=F("term_start")),
                name="roleassignment_term_end_after_start",
                violation_error_message=_("A term cannot end before it starts."),
            ),
            models.UniqueConstraint(
                fields=["member", "role", "term_start"], name="roleassignment_unique_term"
            ),
        ]

    def __str__(self):
        return f"{self.member} · {self.role}"
