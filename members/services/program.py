"""Ambassador program workflow: enrolments, contributions and swag requests.

Minimal versions written for the REST API (issue 6); the ambassador program (issue 8)
owns this module and replaces it. Each function raises ValidationError for a refused
transition and PermissionDenied when the user may not make it.
"""

from django.core.exceptions import PermissionDenied, ValidationError
from django.utils import timezone
from django.utils.translation import gettext as _

from members.models import Contribution, Enrolment, PointRule, SwagRequest
from members.roles import is_coordinator


def _require_coordinator(user):
    if not is_coordinator(user):
        raise PermissionDenied(_("Only coordinators may decide this."))


def _require_status(obj, *statuses):
    if obj.status not in statuses:
        raise ValidationError(
            _("Not possible while the status is “%(status)s”.")
            % {"status": obj.get_status_display()},
            code="invalid_transition",
        )


def enrolment_accept(*, enrolment, user):
    _require_coordinator(user)
    _require_status(enrolment, Enrolment.Status.APPLIED)
    enrolment.status = Enrolment.Status.ACTIVE
    enrolment.decided_by = user
    enrolment.decided_at = timezone.now()
    if enrolment.term_start is None:
        enrolment.term_start = timezone.localdate()
    enrolment.save(update_fields=["status", "decided_by", "decided_at", "term_start"])
    return enrolment


def enrolment_reject(*, enrolment, user, note=""):
    _require_coordinator(user)
    _require_status(enrolment, Enrolment.Status.APPLIED)
    enrolment.status = Enrolment.Status.REJECTED
    enrolment.decided_by = user
    enrolment.decided_at = timezone.now()
    enrolment.save(update_fields=["status", "decided_by", "decided_at"])
    return enrolment


def contribution_accept(*, contribution, user, note=""):
    _require_coordinator(user)
    _require_status(contribution, Contribution.Status.SUBMITTED, Contribution.Status.RETURNED)
    rule = PointRule.objects.filter(kind=contribution.kind).first()
    contribution.status = Contribution.Status.ACCEPTED
    contribution.points = rule.points if rule else 0
    contribution.review_note = note
    contribution.reviewed_by = user
    contribution.reviewed_at = timezone.now()
    contribution.save(
        update_fields=["status", "points", "review_note", "reviewed_by", "reviewed_at"]
    )
    return contribution


def contribution_return(*, contribution, user, note):
    _require_coordinator(user)
    if not (note or "").strip():
        raise ValidationError({"note": [_("Say what should change.")]})
    _require_status(contribution, Contribution.Status.SUBMITTED)
    contribution.status = Contribution.Status.RETURNED
    contribution.review_note = note
    contribution.reviewed_by = user
    contribution.reviewed_at = timezone.now()
    contribution.save(update_fields=["status", "review_note", "reviewed_by", "reviewed_at"])
    return contribution


def swag_request_approve(*, request, user):
    _require_coordinator(user)
    _require_status(request, SwagRequest.Status.REQUESTED)
    request.status = SwagRequest.Status.APPROVED
    request.decided_by = user
    request.save(update_fields=["status", "decided_by"])
    return request


def swag_request_ship(*, request, user, tracking_note=""):
    _require_coordinator(user)
    _require_status(request, SwagRequest.Status.APPROVED)
    request.status = SwagRequest.Status.SHIPPED
    request.shipped_at = timezone.now()
    request.tracking_note = tracking_note
    request.save(update_fields=["status", "shipped_at", "tracking_note"])
    return request
