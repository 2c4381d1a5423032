"""What an event produced (outcomes per goal) and the event's short review (回顾 / 以终为始).

One Outcome row is one thing a goal produced: a talk given (slides, video, audience), a
booth (conversations, leads handed on, materials), a published piece (an interview's
contributions in the ambassador program, a press article with its outlet and language),
or networking (contacts met, each with who follows up). A goal may have several (two press
articles, three contacts' worth of networking on two days).
"""

from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from intl_portal.common.fields import BoundedTextField
from intl_portal.common.languages import Language


class Outcome(models.Model):
    goal = models.ForeignKey(
        "events.Goal", verbose_name=_("goal"), on_delete=models.CASCADE, related_name="outcomes"
    )
    summary = models.CharField(_("summary"), max_length=300, blank=True)
    url = models.URLField(
        _("link"), max_length=500, blank=True, help_text=_("Slides, the press article, the booth's photos…")
    )
    video_url = models.URLField(_("video"), max_length=500, blank=True)
    audience_size = models.PositiveIntegerField(_("audience size"), null=True, blank=True)
    conversations = models.PositiveIntegerField(_("conversations"), null=True, blank=True)
    leads_to = models.CharField(
        _("leads handed to"), max_length=300, blank=True, help_text=_("Which project or team took the leads.")
    )
    materials = models.CharField(_("materials used"), max_length=300, blank=True)
    outlet = models.CharField(_("outlet"), max_length=200, blank=True)
    language = models.CharField(_("language"), max_length=10, choices=Language.choices, blank=True)
    contributions = models.ManyToManyField(
        "members.Contribution",
        verbose_name=_("published pieces"),
        blank=True,
        related_name="outcomes",
    )
    recorded_by = models.ForeignKey(
        "members.Member",
        verbose_name=_("recorded by"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    created_at = models.DateTimeField(_("created"), auto_now_add=True)
    updated_at = models.DateTimeField(_("updated"), auto_now=True)

    class Meta:
        verbose_name = _("outcome")
        verbose_name_plural = _("outcomes")
        ordering = ["goal", "id"]

    def __str__(self):
        return self.summary or self.url or str(self.goal)


class OutcomeContact(models.Model):
    """A contact made (建联), with the member who follows up."""

    outcome = models.ForeignKey(
        Outcome, verbose_name=_("outcome"), on_delete=models.CASCADE, related_name="contacts_made"
    )
    contact = models.ForeignKey(
        "events.Contact", verbose_name=_("contact"), on_delete=models.CASCADE, related_name="outcomes_made"
    )
    follow_up_owner = models.ForeignKey(
        "members.Member",
        verbose_name=_("follow-up owner"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )

    class Meta:
        verbose_name = _("contact made")
        verbose_name_plural = _("contacts made")
        ordering = ["outcome", "id"]
        constraints = [
            models.UniqueConstraint(
                fields=["outcome", "contact"],
                name="outcomecontact_once",
                violation_error_message=_("This contact is already recorded for this outcome."),
            )
        ]

    def __str__(self):
        return str(self.contact)


class EventReview(models.Model):
    class GoAgain(models.TextChoices):
        YES = "yes", _("Yes")
        MAYBE = "maybe", _("Maybe")
        NO = "no", _("No")

    event = models.OneToOneField(
        "events.Event", verbose_name=_("event"), on_delete=models.CASCADE, related_name="outcome_review"
    )
    what_worked = BoundedTextField(_("what worked"), blank=True)
    what_did_not = BoundedTextField(_("what did not work"), blank=True)
    go_again = models.CharField(_("go again next year?"), max_length=10, choices=GoAgain.choices)
    go_again_why = BoundedTextField(_("why"), blank=True)
    recorded_by = models.ForeignKey(
        "members.Member",
        verbose_name=_("recorded by"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    updated_at = models.DateTimeField(_("updated"), auto_now=True)

    class Meta:
        verbose_name = _("event review")
        verbose_name_plural = _("event reviews")
        constraints = [
            models.CheckConstraint(
                condition=Q(go_again__in=["yes", "maybe", "no"]),
                name="eventreview_go_again_known",
                violation_error_message=_("Go again is yes, maybe or no."),
            )
        ]

    def __str__(self):
        return str(self.event)
