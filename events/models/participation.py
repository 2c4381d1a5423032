"""What the group wants to win at an event (goals) and who goes in which role."""

from django.db import models
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from intl_portal.common.fields import BoundedTextField


class Goal(models.Model):
    class Kind(models.TextChoices):
        TALK = "talk", _("Talk")
        KEYNOTE = "keynote", _("Keynote")
        LIGHTNING_TALK = "lightning_talk", _("Lightning talk")
        BOOTH = "booth", _("Booth")
        INTERVIEW = "interview", _("Interview")
        COVERAGE = "coverage", _("Coverage")
        NETWORKING = "networking", _("Networking")
        HOST = "host", _("Host / moderator")
        BOF = "bof", _("BoF")

    class Status(models.TextChoices):
        WANTED = "wanted", _("Wanted")
        SUBMITTED = "submitted", pgettext_lazy("goal status", "Submitted")
        SECURED = "secured", _("Secured")
        DECLINED = "declined", pgettext_lazy("goal status", "Declined")
        DONE = "done", pgettext_lazy("goal status", "Done")
        DROPPED = "dropped", _("Dropped")

    # Statuses that are an outcome; copying an event to its next edition resets them.
    OUTCOME_STATUSES = (Status.SUBMITTED, Status.SECURED, Status.DECLINED, Status.DONE, Status.DROPPED)

    event = models.ForeignKey(
        "events.Event", verbose_name=_("event"), on_delete=models.CASCADE, related_name="goals"
    )
    kind = models.CharField(_("kind"), max_length=20, choices=Kind.choices)
    status = models.CharField(_("status"), max_length=20, choices=Status.choices, default=Status.WANTED)
    owner = models.ForeignKey(
        "members.Member",
        verbose_name=_("owner"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="goals",
    )
    details = BoundedTextField(_("details"), blank=True)
    outcome = BoundedTextField(_("outcome"), blank=True)
    created_at = models.DateTimeField(_("created"), auto_now_add=True)

    class Meta:
        verbose_name = _("goal")
        verbose_name_plural = _("goals")
        ordering = ["event", "kind", "id"]

    def __str__(self):
        return f"{self.get_kind_display()} @ {self.event}"


class Participation(models.Model):
    class Role(models.TextChoices):
        SPEAKER = "speaker", _("Speaker")
        BOOTH_STAFF = "booth_staff", _("Booth staff")
        HOST = "host", _("Host")
        INTERVIEWER = "interviewer", _("Interviewer")
        LIAISON = "liaison", _("Liaison")
        ATTENDEE = "attendee", _("Attendee")

    class Status(models.TextChoices):
        PROPOSED = "proposed", _("Proposed")
        TENTATIVE = "tentative", _("Tentative")
        CONFIRMED = "confirmed", pgettext_lazy("participation status", "Confirmed")
        DECLINED = "declined", pgettext_lazy("participation status", "Declined")
        ATTENDED = "attended", pgettext_lazy("participation status", "Attended")

    class InvitationLetter(models.TextChoices):
        NOT_NEEDED = "not_needed", _("Not needed")
        REQUESTED = "requested", pgettext_lazy("invitation letter", "Requested")
        RECEIVED = "received", _("Received")

    class VisaStatus(models.TextChoices):
        NOT_NEEDED = "not_needed", _("Not needed")
        TO_APPLY = "to_apply", _("To apply")
        APPLIED = "applied", pgettext_lazy("visa", "Applied")
        GRANTED = "granted", _("Granted")
        REFUSED = "refused", _("Refused")

    # Statuses that mean the person is going (for double-booking and budget checks).
    GOING_STATUSES = (Status.CONFIRMED, Status.ATTENDED)

    event = models.ForeignKey(
        "events.Event",
        verbose_name=_("event"),
        on_delete=models.CASCADE,
        related_name="participations",
    )
    member = models.ForeignKey(
        "members.Member",
        verbose_name=_("member"),
        on_delete=models.PROTECT,
        related_name="participations",
    )
    role = models.CharField(_("role"), max_length=20, choices=Role.choices, default=Role.ATTENDEE)
    status = models.CharField(_("status"), max_length=20, choices=Status.choices, default=Status.PROPOSED)
    needs_travel = models.BooleanField(_("needs travel"), default=False)
    needs_visa = models.BooleanField(_("needs a visa"), default=False)
    invitation_letter = models.CharField(
        _("invitation letter"),
        max_length=20,
        choices=InvitationLetter.choices,
        default=InvitationLetter.NOT_NEEDED,
    )
    visa_status = models.CharField(
        _("visa status"), max_length=20, choices=VisaStatus.choices, default=VisaStatus.NOT_NEEDED
    )
    notes = BoundedTextField(_("notes"), blank=True)
    trip_report = BoundedTextField(_("post-trip report"), blank=True)
    answer_note = BoundedTextField(
        _("coordinators' answer"), blank=True, help_text=_("Shown to the member who volunteered.")
    )
    created_at = models.DateTimeField(_("created"), auto_now_add=True)
    updated_at = models.DateTimeField(_("updated"), auto_now=True)

    class Meta:
        verbose_name = _("participation")
        verbose_name_plural = _("participations")
        ordering = ["event", "role", "member"]
        constraints = [
            models.UniqueConstraint(
                fields=["event", "member", "role"],
                name="participation_unique_member_role",
                violation_error_message=_("This member already has this role at this event."),
            ),
        ]

    def __str__(self):
        return f"{self.member} · {self.get_role_display()} @ {self.event}"
