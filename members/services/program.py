"""Rules of the ambassador program and of the swag stock.

Every write goes through a function here; views, admin actions and the API call them.
A refused transition raises ValidationError and changes nothing; a user who may not act
raises PermissionDenied. Stock levels change only together with a StockMovement row, in
the same transaction, with the level rows locked (select_for_update), so two coordinators
shipping the last shirt at once cannot oversell: the second one finds zero and is refused.
"""

from collections import defaultdict

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from members.models import (
    Contribution,
    ContributionPublication,
    Enrolment,
    PointRule,
    Reward,
    StockLevel,
    StockLocation,
    StockMovement,
    SwagRequest,
    SwagRequestLine,
)
from members.permissions import is_coordinator, member_of

# --------------------------------------------------------------------------- helpers


def _require_coordinator(user):
    if not is_coordinator(user):
        raise PermissionDenied(_("Only coordinators may do this."))


def _require_member(user):
    member = member_of(user)
    if member is None:
        raise PermissionDenied(_("Only members of the group may do this."))
    return member


def _locked(instance):
    """Re-read a row under a lock, so a transition is checked on its latest state."""
    return type(instance).objects.select_for_update().get(pk=instance.pk)


def _refresh(instance, locked):
    for field in instance._meta.concrete_fields:
        setattr(instance, field.attname, getattr(locked, field.attname))


# --------------------------------------------------------------------------- enrolments


def enrolment_apply(*, member, track, user, region="", language_pair="", motivation="", show_publicly=False):
    """A member applies to a track (a coordinator may apply on someone's behalf)."""
    if member_of(user) != member and not is_coordinator(user):
        raise PermissionDenied(_("You may only apply for yourself."))
    if Enrolment.objects.filter(member=member, track=track, status__in=Enrolment.OPEN_STATUSES).exists():
        raise ValidationError(_("You already have an open enrolment in this track."))
    enrolment = Enrolment(
        member=member,
        track=track,
        region=region,
        language_pair=language_pair,
        motivation=motivation,
        show_publicly=show_publicly,
    )
    enrolment.full_clean()
    try:
        with transaction.atomic():
            enrolment.save()
    except IntegrityError as error:  # a concurrent second application
        raise ValidationError(_("You already have an open enrolment in this track.")) from error
    return enrolment


@transaction.atomic
def enrolment_accept(*, enrolment, user, term_start=None, term_end=None):
    """applied → active. The term starts today unless given or already set."""
    _require_coordinator(user)
    locked = _locked(enrolment)
    if locked.status != Enrolment.Status.APPLIED:
        raise ValidationError(
            _("Only an application can be accepted; this enrolment is %(status)s.")
            % {"status": locked.get_status_display()}
        )
    locked.status = Enrolment.Status.ACTIVE
    locked.term_start = term_start or locked.term_start or timezone.localdate()
    locked.term_end = term_end or locked.term_end
    locked.decided_by = user
    locked.decided_at = timezone.now()
    locked.full_clean()
    locked.save()
    _refresh(enrolment, locked)
    return enrolment


@transaction.atomic
def enrolment_reject(*, enrolment, user, note=""):
    """applied → rejected, with an optional note to the applicant."""
    _require_coordinator(user)
    locked = _locked(enrolment)
    if locked.status != Enrolment.Status.APPLIED:
        raise ValidationError(
            _("Only an application can be rejected; this enrolment is %(status)s.")
            % {"status": locked.get_status_display()}
        )
    locked.status = Enrolment.Status.REJECTED
    locked.decision_note = note
    locked.decided_by = user
    locked.decided_at = timezone.now()
    locked.save()
    _refresh(enrolment, locked)
    return enrolment


@transaction.atomic
def enrolment_end(*, enrolment, user, term_end=None):
    """active or paused → ended (the term handover)."""
    _require_coordinator(user)
    locked = _locked(enrolment)
    if locked.status not in (Enrolment.Status.ACTIVE, Enrolment.Status.PAUSED):
        raise ValidationError(_("Only an active or paused enrolment can end."))
    locked.status = Enrolment.Status.ENDED
    locked.term_end = term_end or locked.term_end or timezone.localdate()
    locked.full_clean()
    locked.save()
    _refresh(enrolment, locked)
    return enrolment


def enrolment_set_consent(*, enrolment, user, show_publicly):
    """The member (or a coordinator) decides whether the enrolment is listed publicly."""
    if member_of(user) != enrolment.member and not is_coordinator(user):
        raise PermissionDenied(_("Only the member may change this."))
    enrolment.show_publicly = bool(show_publicly)
    enrolment.save(update_fields=["show_publicly"])
    return enrolment


# --------------------------------------------------------------------------- contributions


def points_for_kind(*, kind):
    """The points an accepted contribution of this kind earns (0 when the table has no row)."""
    rule = PointRule.objects.filter(kind=kind).first()
    return rule.points if rule else 0


def contribution_submit(*, member, user, publications=(), **fields):
    """A member records a contribution (and where it went out); it awaits review.

    `publications` are dicts with channel, language and optionally url, planned_for, published_at.
    """
    if member_of(user) != member and not is_coordinator(user):
        raise PermissionDenied(_("You may only submit your own contributions."))
    contribution = Contribution(member=member, status=Contribution.Status.SUBMITTED, **fields)
    contribution.full_clean()
    rows = [ContributionPublication(contribution=contribution, **data) for data in publications]
    seen = set()
    for row in rows:
        row.full_clean(exclude=["contribution"], validate_unique=False)
        key = (row.channel, row.language)
        if key in seen:
            raise ValidationError(_("Each channel and language may appear only once."))
        seen.add(key)
    with transaction.atomic():
        contribution.save()
        for row in rows:
            row.contribution = contribution
        ContributionPublication.objects.bulk_create(rows)
    return contribution


def contribution_update(*, contribution, user, **fields):
    """The author edits a contribution that is not accepted yet; a returned one is resubmitted."""
    if member_of(user) != contribution.member and not is_coordinator(user):
        raise PermissionDenied(_("You may only edit your own contributions."))
    with transaction.atomic():
        locked = _locked(contribution)
        if locked.status == Contribution.Status.ACCEPTED and set(fields) - {"show_publicly"}:
            raise ValidationError(_("An accepted contribution can no longer be edited."))
        for name, value in fields.items():
            setattr(locked, name, value)
        if locked.status == Contribution.Status.RETURNED:
            locked.status = Contribution.Status.SUBMITTED
        locked.full_clean()
        locked.save()
    _refresh(contribution, locked)
    return contribution


def _review(*, contribution, user, status, note, points):
    _require_coordinator(user)
    locked = _locked(contribution)
    if locked.status != Contribution.Status.SUBMITTED:
        raise ValidationError(
            _("Only a submitted contribution can be reviewed; this one is %(status)s.")
            % {"status": locked.get_status_display()}
        )
    if member_of(user) is not None and member_of(user).pk == locked.member_id:
        raise PermissionDenied(_("Another coordinator must review your own contribution."))
    locked.status = status
    locked.review_note = note
    locked.points = points
    locked.reviewed_by = user
    locked.reviewed_at = timezone.now()
    locked.save()
    _refresh(contribution, locked)
    return contribution


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


def publication_mark_published(*, publication, user, published_at=None, url=""):
    if member_of(user) != publication.contribution.member and not is_coordinator(user):
        raise PermissionDenied(_("You may only update your own publications."))
    publication.published_at = published_at or timezone.now()
    if url:
        publication.url = url
    publication.full_clean()
    publication.save(update_fields=["published_at", "url"])
    return publication


# --------------------------------------------------------------------------- stock


def _change_level(*, variant_id, location_id, delta):
    """Add delta to one stock level, under a row lock; refuse to go below zero."""
    level = (
        StockLevel.objects.select_for_update().filter(variant_id=variant_id, location_id=location_id).first()
    )
    if level is None:
        if delta < 0:
            raise ValidationError(_("Not enough stock: %(needed)s needed, 0 left.") % {"needed": -delta})
        try:
            with transaction.atomic():
                StockLevel.objects.create(variant_id=variant_id, location_id=location_id, quantity=delta)
            return
        except IntegrityError:  # created concurrently: lock it and carry on below
            level = StockLevel.objects.select_for_update().get(variant_id=variant_id, location_id=location_id)
    if level.quantity + delta < 0:
        raise ValidationError(
            _("Not enough stock of %(variant)s at %(location)s: %(needed)s needed, %(left)s left.")
            % {
                "variant": level.variant,
                "location": level.location,
                "needed": -delta,
                "left": level.quantity,
            }
        )
    level.quantity += delta
    level.save(update_fields=["quantity"])


def _movement_deltas(movement):
    """What a movement does to each (variant, location) level."""
    kind, qty = movement.kind, movement.quantity
    if kind == StockMovement.Kind.IN:
        return [(movement.to_location_id, qty)]
    if kind == StockMovement.Kind.OUT:
        return [(movement.from_location_id, -qty)]
    if kind == StockMovement.Kind.MOVE:
        return [(movement.from_location_id, -qty), (movement.to_location_id, qty)]
    return [(movement.to_location_id, qty)]  # a correction: signed, at to_location


def _check_movement(movement):
    kind = movement.kind
    errors = {}
    if kind in (StockMovement.Kind.IN, StockMovement.Kind.CORRECTION) and not movement.to_location_id:
        errors["to_location"] = _("Say where the stock is.")
    if kind in (StockMovement.Kind.OUT, StockMovement.Kind.MOVE) and not movement.from_location_id:
        errors["from_location"] = _("Say where the stock leaves from.")
    if kind == StockMovement.Kind.MOVE and movement.from_location_id == movement.to_location_id:
        errors["to_location"] = _("A move needs two different places.")
    if kind == StockMovement.Kind.CORRECTION and movement.quantity == 0:
        errors["quantity"] = _("A correction of zero changes nothing.")
    if kind != StockMovement.Kind.CORRECTION and (movement.quantity or 0) <= 0:
        errors["quantity"] = _("The quantity must be positive.")
    if errors:
        raise ValidationError(errors)


def stock_record(
    *,
    user,
    variant,
    kind,
    quantity,
    from_location=None,
    to_location=None,
    note="",
    request=None,
):
    """Record one movement (in, out, moved, correction) and update the derived levels with it."""
    _require_coordinator(user)
    movement = StockMovement(
        variant=variant,
        kind=kind,
        quantity=quantity,
        from_location=from_location,
        to_location=to_location,
        note=note,
        request=request,
        created_by=user,
    )
    _check_movement(movement)
    movement.full_clean()
    with transaction.atomic():
        # Lock in a fixed order (location id) so two moves in opposite directions cannot deadlock.
        for location_id, delta in sorted(_movement_deltas(movement)):
            _change_level(variant_id=variant.pk, location_id=location_id, delta=delta)
        movement.save()
    return movement


def stock_levels_from_log():
    """{(variant_id, location_id): quantity} recomputed from the whole movement log."""
    totals = defaultdict(int)
    for movement in StockMovement.objects.only(
        "kind", "quantity", "from_location_id", "to_location_id", "variant_id"
    ).iterator():
        for location_id, delta in _movement_deltas(movement):
            totals[(movement.variant_id, location_id)] += delta
    return {key: value for key, value in totals.items() if value}


def stock_mismatches():
    """Levels that disagree with the log: {(variant_id, location_id): (stored, derived)}."""
    derived = stock_levels_from_log()
    stored = {
        (level.variant_id, level.location_id): level.quantity
        for level in StockLevel.objects.all()
        if level.quantity
    }
    return {
        key: (stored.get(key, 0), derived.get(key, 0))
        for key in set(derived) | set(stored)
        if stored.get(key, 0) != derived.get(key, 0)
    }


# --------------------------------------------------------------------------- swag requests


def swag_request_create(
    *,
    user,
    recipient_name,
    address,
    reason,
    lines,
    phone="",
    recipient=None,
    event=None,
    note="",
    ship_from=None,
):
    """A member or coordinator asks for items to be mailed. `lines`: [(variant, quantity), …]."""
    requester = member_of(user)
    if requester is None and is_coordinator(user):
        requester = recipient  # a coordinator without a member profile, asking for someone
    if requester is None:
        raise PermissionDenied(_("Only members of the group may request swag."))
    request = SwagRequest(
        requested_by=requester,
        recipient=recipient,
        recipient_name=recipient_name,
        address=address,
        phone=phone,
        reason=reason,
        event=event,
        note=note,
        ship_from=ship_from,
    )
    request.full_clean()
    merged = defaultdict(int)
    for variant, quantity in lines:
        if quantity is None or quantity <= 0:
            raise ValidationError({"lines": _("Each quantity must be positive.")})
        merged[variant] += quantity
    if not merged:
        raise ValidationError({"lines": _("Ask for at least one item.")})
    with transaction.atomic():
        request.save()
        SwagRequestLine.objects.bulk_create(
            [SwagRequestLine(request=request, variant=v, quantity=q) for v, q in merged.items()]
        )
    return request


@transaction.atomic
def swag_request_approve(*, request, user, ship_from=None):
    """requested → approved (a coordinator); optionally choose where it ships from."""
    _require_coordinator(user)
    locked = _locked(request)
    if locked.status != SwagRequest.Status.REQUESTED:
        raise ValidationError(
            _("Only a new request can be approved; this one is %(status)s.")
            % {"status": locked.get_status_display()}
        )
    locked.status = SwagRequest.Status.APPROVED
    locked.decided_by = user
    if ship_from is not None:
        locked.ship_from = ship_from
    locked.save()
    _refresh(request, locked)
    return request


@transaction.atomic
def swag_request_reject(*, request, user, note=""):
    _require_coordinator(user)
    locked = _locked(request)
    if locked.status not in (SwagRequest.Status.REQUESTED, SwagRequest.Status.APPROVED):
        raise ValidationError(_("Only an open request can be rejected."))
    locked.status = SwagRequest.Status.REJECTED
    locked.decided_by = user
    if note:
        locked.note = f"{locked.note}\n{note}".strip()
    locked.save()
    _refresh(request, locked)
    return request


def _ship_location(request):
    if request.ship_from_id:
        return request.ship_from
    locations = list(StockLocation.objects.all()[:2])
    if len(locations) == 1:
        return locations[0]
    raise ValidationError({"ship_from": _("Choose the place the items ship from.")})


@transaction.atomic
def swag_request_ship(*, request, user, tracking_note=""):
    """approved → shipped: every line leaves the stock ('out' movements) in this transaction.

    The request row is locked first (no double shipping), then the stock levels in variant
    order (no deadlock between two requests); not enough stock refuses the whole shipment.
    """
    _require_coordinator(user)
    locked = _locked(request)
    if locked.status != SwagRequest.Status.APPROVED:
        raise ValidationError(
            _("Only an approved request can be shipped; this one is %(status)s.")
            % {"status": locked.get_status_display()}
        )
    location = _ship_location(locked)
    for line in locked.lines.select_related("variant__item").order_by("variant_id"):
        stock_record(
            user=user,
            variant=line.variant,
            kind=StockMovement.Kind.OUT,
            quantity=line.quantity,
            from_location=location,
            request=locked,
            note=_("Shipped to %(name)s") % {"name": locked.recipient_name},
        )
    locked.status = SwagRequest.Status.SHIPPED
    locked.ship_from = location
    locked.shipped_at = timezone.now()
    locked.tracking_note = tracking_note
    locked.save()
    _refresh(request, locked)
    return request


@transaction.atomic
def swag_request_cancel(*, request, user):
    """The requester (or a coordinator) withdraws a request that has not shipped."""
    if member_of(user) != request.requested_by and not is_coordinator(user):
        raise PermissionDenied(_("Only the requester may cancel this request."))
    locked = _locked(request)
    if locked.status not in (SwagRequest.Status.REQUESTED, SwagRequest.Status.APPROVED):
        raise ValidationError(_("Only an open request can be cancelled."))
    locked.status = SwagRequest.Status.CANCELLED
    locked.save()
    _refresh(request, locked)
    return request


# --------------------------------------------------------------------------- rewards


def reward_give(
    *,
    member,
    kind,
    title,
    user,
    description="",
    contribution=None,
    swag_lines=(),
    recipient_name="",
    address="",
    phone="",
    ship_from=None,
):
    """Thank a member. With swag lines, the reward is a swag request, approved at once
    (a coordinator gives it), ready to ship: thanking a translator with a T-shirt is one step."""
    _require_coordinator(user)
    if contribution is not None and contribution.member_id != member.pk:
        raise ValidationError({"contribution": _("The contribution is by someone else.")})
    reward = Reward(
        member=member,
        kind=Reward.Kind.SWAG if swag_lines else kind,
        title=title,
        description=description,
        contribution=contribution,
        awarded_by=user,
    )
    reward.full_clean(exclude=["swag_request"])
    with transaction.atomic():
        if swag_lines:
            request = swag_request_create(
                user=user,
                recipient=member,
                recipient_name=recipient_name or str(member),
                address=address,
                phone=phone,
                reason=SwagRequest.Reason.REWARD,
                lines=swag_lines,
                note=title,
                ship_from=ship_from,
            )
            swag_request_approve(request=request, user=user)
            reward.swag_request = request
        reward.save()
    return reward
