"""Contributions: a member records what they translated, wrote or supported, and where it
went out; a coordinator (never the author) accepts it, which earns the points of its kind,
or returns it with a note. Whether it is shown on the public page is the author's consent,
theirs to change at any time."""

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from intl_portal.common.records import (
    assign,
    changed_fields,
    check_field_names,
    copy_stored,
    delete_record,
    locked,
    locked_in,
    refuse_fields,
    require,
    save_clean,
)
from members.models import Contribution, ContributionPublication, PointRule
from members.permissions import (
    CONSENT_FIELDS,
    can_act_for,
    can_change_contribution,
    can_manage_program,
    can_review_contribution,
)
from members.services.records import acting_member

CONTENT_FIELDS = ("kind", "title_zh", "title_en", "url_zh", "url_en", "outline", "event")
EDITABLE_FIELDS = (*CONTENT_FIELDS, "show_publicly", "member")


def points_for_kind(*, kind):
    """The points an accepted contribution of this kind earns (0 when the table has no row)."""
    rule = PointRule.objects.filter(kind=kind).first()
    return rule.points if rule else 0


def _publication_rows(contribution, publications):
    """Validated, unsaved publications: dicts with channel, language and optionally url,
    planned_for, published_at; each channel and language once."""
    rows = [ContributionPublication(contribution=contribution, **data) for data in publications]
    seen = set()
    for row in rows:
        row.full_clean(exclude=["contribution"], validate_unique=False)
        key = (row.channel, row.language)
        if key in seen:
            raise ValidationError(_("Each channel and language may appear only once."))
        seen.add(key)
    return rows


def _store_publications(contribution, rows):
    contribution.publications.all().delete()
    for row in rows:
        row.contribution = contribution
    ContributionPublication.objects.bulk_create(rows)


@transaction.atomic
def contribution_submit(*, user, member=None, publications=(), **fields):
    """A member records a contribution (and where it went out); it awaits review."""
    member = acting_member(user=user, member=member)
    check_field_names(fields, EDITABLE_FIELDS)
    contribution = Contribution(member=member, status=Contribution.Status.SUBMITTED, **fields)
    contribution.full_clean()
    rows = _publication_rows(contribution, publications)
    contribution.save()
    _store_publications(contribution, rows)
    return contribution


@transaction.atomic
def contribution_update(*, contribution, user, publications=None, **fields):
    """Change a contribution. Its author edits it until it is accepted; a returned one is
    then resubmitted. Afterwards only the consent (show_publicly) and the publications
    (where and when it went out) change; coordinators may still correct it. Only the
    fields whose value really changes count. `publications`, when given, replace the
    stored ones."""
    if not can_act_for(user, contribution.member):
        raise PermissionDenied(_("You may only edit your own contributions."))
    check_field_names(fields, EDITABLE_FIELDS)
    row = locked(contribution)
    changed = changed_fields(row, fields)
    if not can_manage_program(user):
        refuse_fields(changed.keys() & {"member"})
    if not can_change_contribution(user, row, fields=changed):
        raise ValidationError(_("An accepted contribution can no longer be edited."))
    assign(row, changed)
    consent_only = bool(changed) and changed.keys() <= CONSENT_FIELDS
    if row.status == Contribution.Status.RETURNED and not consent_only:
        row.status = Contribution.Status.SUBMITTED
    row.full_clean()
    rows = None if publications is None else _publication_rows(row, publications)
    row.save()
    if rows is not None:
        _store_publications(row, rows)
    return copy_stored(contribution, row)


def contribution_set_consent(*, contribution, user, show_publicly):
    """The author (or a coordinator) decides whether the contribution is shown publicly."""
    return contribution_update(contribution=contribution, user=user, show_publicly=bool(show_publicly))


@transaction.atomic
def contribution_withdraw(*, contribution, user):
    """The author withdraws a contribution until it is accepted (coordinators delete any)."""
    if not can_act_for(user, contribution.member):
        raise PermissionDenied(_("You may only edit your own contributions."))
    if not can_change_contribution(user, contribution):
        raise ValidationError(_("An accepted contribution can no longer be edited."))
    delete_record(contribution)


def _review(*, contribution, user, status, note, points):
    require(can_manage_program(user))
    row = locked_in(
        contribution,
        allowed=(Contribution.Status.SUBMITTED,),
        refusal=_("Only a submitted contribution can be reviewed; this one is %(status)s."),
    )
    require(
        can_review_contribution(user, row),
        _("Another coordinator must review your own contribution."),
    )
    row.status = status
    row.review_note = note
    row.points = points
    row.reviewed_by = user
    row.reviewed_at = timezone.now()
    row.save()
    return copy_stored(contribution, row)


@transaction.atomic
def contribution_accept(*, contribution, user, note=""):
    """submitted → accepted; the contribution earns the points of its kind (PointRule)."""
    return _review(
        contribution=contribution,
        user=user,
        status=Contribution.Status.ACCEPTED,
        note=note,
        points=points_for_kind(kind=contribution.kind),
    )


@transaction.atomic
def contribution_return(*, contribution, user, note):
    """submitted → returned, with a note saying what to change (required)."""
    if not (note or "").strip():
        raise ValidationError({"note": _("Say what the author should change.")})
    return _review(
        contribution=contribution,
        user=user,
        status=Contribution.Status.RETURNED,
        note=note,
        points=0,
    )


@transaction.atomic
def point_rule_set(*, user, kind, points):
    """Set the points an accepted contribution of a kind earns from now on (earlier
    contributions keep the points they earned)."""
    require(can_manage_program(user))
    rule = PointRule.objects.select_for_update().filter(kind=kind).first() or PointRule(kind=kind)
    rule.points = points
    return save_clean(rule)


@transaction.atomic
def point_rule_delete(*, rule, user):
    """Contributions of the kind earn nothing from now on."""
    require(can_manage_program(user))
    delete_record(rule)
