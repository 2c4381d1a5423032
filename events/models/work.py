"""The group's working notes: action items, ideas and open topics, external contacts."""

import datetime as dt

from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from intl_portal.common.dates import date_in_range
from intl_portal.common.fields import BoundedTextField


class ActionItem(models.Model):
    class Status(models.TextChoices):
        OPEN = "open", _("Open")
        IN_PROGRESS = "in_progress", _("In progress")
        DONE = "done", pgettext_lazy("action status", "Done")
        DROPPED = "dropped", _("Dropped")

    title = models.CharField(_("title"), max_length=300)
    details = BoundedTextField(_("details"), blank=True)
    owner = models.ForeignKey(
        "members.Member",
        verbose_name=_("owner"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="action_items",
    )
    due_date = models.DateField(_("due"), null=True, blank=True)
    status = models.CharField(_("status"), max_length=20, choices=Status.choices, default=Status.OPEN)
    event = models.ForeignKey(
        "events.Event",
        verbose_name=_("event"),
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="action_items",
    )
    outcome = BoundedTextField(_("outcome"), blank=True)
    # The owner's request for a new due date, until a coordinator answers it.
    requested_due_date = models.DateField(_("requested due date"), null=True, blank=True)
    due_date_request_note = models.CharField(_("why a new due date"), max_length=300, blank=True)
    created_at = models.DateTimeField(_("created"), auto_now_add=True)
    updated_at = models.DateTimeField(_("updated"), auto_now=True)

    class Meta:
        verbose_name = _("action item")
        verbose_name_plural = _("action items")
        ordering = [models.F("due_date").asc(nulls_last=True), "id"]
        constraints = [
            date_in_range("due_date", "actionitem_due_in_range"),
            date_in_range("requested_due_date", "actionitem_requested_due_in_range"),
        ]

    def __str__(self):
        return self.title

    FINISHED_STATUSES = (Status.DONE, Status.DROPPED)

    @property
    def is_finished(self):
        return self.status in self.FINISHED_STATUSES

    @property
    def is_overdue(self):
        """Still open after its due date (today in the site's zone)."""
        return bool(self.due_date and not self.is_finished and self.due_date < timezone.localdate())


class Idea(models.Model):
    """A member's idea (成员想法征集) or an open topic (开放议题); ideas nest under a parent."""

    class Kind(models.TextChoices):
        IDEA = "idea", pgettext_lazy("idea kind", "Idea")
        OPEN_TOPIC = "open_topic", _("Open topic")

    class Status(models.TextChoices):
        PROPOSED = "proposed", pgettext_lazy("idea status", "Proposed")
        DISCUSSING = "discussing", _("Under discussion")
        ACCEPTED = "accepted", pgettext_lazy("idea status", "Accepted")
        IN_PROGRESS = "in_progress", _("In progress")
        DONE = "done", pgettext_lazy("idea status", "Done")
        REJECTED = "rejected", pgettext_lazy("idea status", "Rejected")

    kind = models.CharField(_("kind"), max_length=20, choices=Kind.choices, default=Kind.IDEA)
    title = models.CharField(_("title"), max_length=300)
    description = BoundedTextField(_("description"), blank=True)
    proposer = models.ForeignKey(
        "members.Member",
        verbose_name=_("proposer"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="ideas",
    )
    parent = models.ForeignKey(
        "self",
        verbose_name=_("part of"),
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="children",
    )
    status = models.CharField(_("status"), max_length=20, choices=Status.choices, default=Status.PROPOSED)
    event = models.ForeignKey(
        "events.Event",
        verbose_name=_("event"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="ideas",
    )
    # The coordinators' answer when they accept or decline a new idea (its proposer sees it).
    triage_reason = BoundedTextField(_("answer to the proposer"), blank=True)
    created_at = models.DateTimeField(_("created"), auto_now_add=True)

    class Meta:
        verbose_name = _("idea")
        verbose_name_plural = _("ideas")
        ordering = ["id"]

    def __str__(self):
        return self.title

    @property
    def is_undecided(self):
        """Still only proposed: its proposer may change or withdraw it."""
        return self.status == self.Status.PROPOSED


class IdeaSupport(models.Model):
    """A member's +1 on someone else's idea: once per member and idea."""

    idea = models.ForeignKey(Idea, verbose_name=_("idea"), on_delete=models.CASCADE, related_name="supports")
    member = models.ForeignKey(
        "members.Member", verbose_name=_("member"), on_delete=models.CASCADE, related_name="idea_supports"
    )
    created_at = models.DateTimeField(_("created"), auto_now_add=True)

    class Meta:
        verbose_name = _("support")
        verbose_name_plural = _("supports")
        constraints = [
            models.UniqueConstraint(
                fields=["idea", "member"],
                name="ideasupport_once_per_member",
                violation_error_message=_("You already support this idea."),
            )
        ]

    def __str__(self):
        return f"+1 {self.idea_id} · {self.member_id}"


class EventComment(models.Model):
    """Discussion next to an event (what happened in the chat beside the document): short,
    with who and when; the author edits it for a while, coordinators remove it."""

    # How long the author may still edit a comment.
    EDIT_WINDOW = dt.timedelta(minutes=30)

    event = models.ForeignKey(
        "events.Event", verbose_name=_("event"), on_delete=models.CASCADE, related_name="comments"
    )
    author = models.ForeignKey(
        "members.Member",
        verbose_name=_("author"),
        on_delete=models.SET_NULL,
        null=True,
        related_name="event_comments",
    )
    text = models.CharField(_("comment"), max_length=2000)
    mentioned = models.ManyToManyField(
        "members.Member", verbose_name=_("mentioned"), blank=True, related_name="mentioned_in_comments"
    )
    created_at = models.DateTimeField(_("written"), auto_now_add=True)
    edited_at = models.DateTimeField(_("edited"), null=True, blank=True)

    class Meta:
        verbose_name = _("comment")
        verbose_name_plural = _("comments")
        ordering = ["created_at", "pk"]

    def __str__(self):
        return self.text[:50]

    def editable_until(self):
        return self.created_at + self.EDIT_WINDOW


class Contact(models.Model):
    """An external person met, or to meet, at events; private fields are for members only."""

    class FollowUp(models.TextChoices):
        TO_CONTACT = "to_contact", _("To contact")
        CONTACTED = "contacted", _("Contacted")
        IN_TOUCH = "in_touch", _("In touch")
        DORMANT = "dormant", _("Dormant")

    name = models.CharField(_("name"), max_length=200)
    organization = models.CharField(_("organisation"), max_length=200, blank=True)
    position = models.CharField(_("position"), max_length=200, blank=True)
    email = models.EmailField(_("e-mail"), blank=True)
    phone = models.CharField(_("phone"), max_length=50, blank=True)
    profile_url = models.URLField(_("profile link"), max_length=500, blank=True)
    events = models.ManyToManyField(
        "events.Event", verbose_name=_("events"), blank=True, related_name="contacts"
    )
    owner = models.ForeignKey(
        "members.Member",
        verbose_name=_("relationship owner"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="contacts",
    )
    follow_up_status = models.CharField(
        _("follow-up"), max_length=20, choices=FollowUp.choices, default=FollowUp.TO_CONTACT
    )
    next_follow_up = models.DateField(_("next follow-up"), null=True, blank=True)
    notes = BoundedTextField(_("notes"), blank=True)
    created_at = models.DateTimeField(_("created"), auto_now_add=True)

    class Meta:
        verbose_name = _("contact")
        verbose_name_plural = _("contacts")
        ordering = ["name"]
        constraints = [date_in_range("next_follow_up", "contact_follow_up_in_range")]

    def __str__(self):
        return f"{self.name} ({self.organization})" if self.organization else self.name
