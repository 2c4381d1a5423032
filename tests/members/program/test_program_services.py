"""Rules of the ambassador program and the swag stock (members.program.services)."""

import datetime as dt

import pytest
from django.core.exceptions import PermissionDenied, ValidationError

from members.models import (
    Contribution,
    Enrolment,
    Reward,
    StockLevel,
    StockMovement,
    SwagRequest,
)
from members.program import selectors, services
from tests import factories

pytestmark = pytest.mark.django_db


def level(variant, location):
    row = StockLevel.objects.filter(variant=variant, location=location).first()
    return row.quantity if row else 0


@pytest.fixture
def stock(coordinator):
    """A store room with 3 shirts of size L, recorded through the movement log."""
    variant = factories.SwagVariantFactory(label="L")
    room = factories.StockLocationFactory(name="Corrie's room")
    services.stock_record(
        user=coordinator, variant=variant, kind=StockMovement.Kind.IN, quantity=3, to_location=room
    )
    return variant, room


# --------------------------------------------------------------------------- enrolments


def test_member_applies_and_coordinator_accepts_with_term_starting_today(member_user, coordinator):
    enrolment = services.enrolment_apply(
        member=member_user.member, track="translator", user=member_user, language_pair="zh→en"
    )
    assert enrolment.status == Enrolment.Status.APPLIED
    services.enrolment_accept(enrolment=enrolment, user=coordinator)
    enrolment.refresh_from_db()
    assert enrolment.status == Enrolment.Status.ACTIVE
    assert enrolment.term_start is not None
    assert enrolment.decided_by == coordinator


def test_member_cannot_accept_an_enrolment(member_user):
    enrolment = factories.EnrolmentFactory(member=member_user.member)
    with pytest.raises(PermissionDenied):
        services.enrolment_accept(enrolment=enrolment, user=member_user)
    enrolment.refresh_from_db()
    assert enrolment.status == Enrolment.Status.APPLIED


def test_outsider_cannot_apply_for_a_member(outsider):
    member = factories.MemberFactory()
    with pytest.raises(PermissionDenied):
        services.enrolment_apply(member=member, track="translator", user=outsider)


def test_second_open_application_to_the_same_track_is_refused(member_user):
    services.enrolment_apply(member=member_user.member, track="translator", user=member_user)
    with pytest.raises(ValidationError):
        services.enrolment_apply(member=member_user.member, track="translator", user=member_user)
    services.enrolment_apply(member=member_user.member, track="ambassador", user=member_user)
    assert Enrolment.objects.filter(member=member_user.member).count() == 2


def test_rejected_enrolment_cannot_then_be_accepted(coordinator):
    enrolment = factories.EnrolmentFactory()
    services.enrolment_reject(enrolment=enrolment, user=coordinator, note="Next term, please")
    with pytest.raises(ValidationError):
        services.enrolment_accept(enrolment=enrolment, user=coordinator)
    enrolment.refresh_from_db()
    assert (enrolment.status, enrolment.decision_note) == ("rejected", "Next term, please")


def test_accept_with_term_end_before_start_is_refused_and_changes_nothing(coordinator):
    enrolment = factories.EnrolmentFactory()
    with pytest.raises(ValidationError):
        services.enrolment_accept(
            enrolment=enrolment,
            user=coordinator,
            term_start=dt.date(2025, 6, 1),
            term_end=dt.date(2025, 1, 1),
        )
    enrolment.refresh_from_db()
    assert enrolment.status == Enrolment.Status.APPLIED


# --------------------------------------------------------------------------- contributions


def test_accepted_contribution_earns_the_points_of_its_kind(coordinator):
    factories.PointRuleFactory(kind=Contribution.Kind.INTERVIEW, points=30)
    contribution = factories.ContributionFactory(kind=Contribution.Kind.INTERVIEW)
    services.contribution_accept(contribution=contribution, user=coordinator)
    contribution.refresh_from_db()
    assert (contribution.status, contribution.points) == ("accepted", 30)


def test_kind_without_point_rule_earns_zero(coordinator):
    contribution = factories.ContributionFactory(kind=Contribution.Kind.EVENT_SUPPORT)
    services.contribution_accept(contribution=contribution, user=coordinator)
    assert contribution.points == 0


def test_point_rule_change_does_not_rewrite_earlier_points(coordinator):
    rule = factories.PointRuleFactory(points=10)
    first = factories.ContributionFactory()
    services.contribution_accept(contribution=first, user=coordinator)
    rule.points = 15
    rule.save()
    second = factories.ContributionFactory()
    services.contribution_accept(contribution=second, user=coordinator)
    first.refresh_from_db()
    assert (first.points, second.points) == (10, 15)


def test_return_needs_a_note(coordinator):
    contribution = factories.ContributionFactory()
    with pytest.raises(ValidationError):
        services.contribution_return(contribution=contribution, user=coordinator, note="  ")
    contribution.refresh_from_db()
    assert contribution.status == Contribution.Status.SUBMITTED


def test_returned_contribution_is_resubmitted_by_its_author_then_accepted(member_user, coordinator):
    factories.PointRuleFactory(points=10)
    contribution = factories.ContributionFactory(member=member_user.member)
    services.contribution_return(contribution=contribution, user=coordinator, note="Add the link")
    with pytest.raises(ValidationError):
        services.contribution_accept(contribution=contribution, user=coordinator)
    services.contribution_update(contribution=contribution, user=member_user, url_en="https://example.org/a")
    assert contribution.status == Contribution.Status.SUBMITTED
    services.contribution_accept(contribution=contribution, user=coordinator)
    assert (contribution.status, contribution.points) == ("accepted", 10)


def test_member_cannot_review_contributions(member_user):
    contribution = factories.ContributionFactory()
    with pytest.raises(PermissionDenied):
        services.contribution_accept(contribution=contribution, user=member_user)
    with pytest.raises(PermissionDenied):
        services.contribution_return(contribution=contribution, user=member_user, note="no")


def test_coordinator_cannot_accept_their_own_contribution(coordinator):
    contribution = factories.ContributionFactory(member=coordinator.member)
    with pytest.raises(PermissionDenied):
        services.contribution_accept(contribution=contribution, user=coordinator)


def test_accepted_contribution_cannot_be_accepted_again_or_edited(coordinator, member_user):
    contribution = factories.ContributionFactory(member=member_user.member)
    services.contribution_accept(contribution=contribution, user=coordinator)
    with pytest.raises(ValidationError):
        services.contribution_accept(contribution=contribution, user=coordinator)
    with pytest.raises(ValidationError):
        services.contribution_update(contribution=contribution, user=member_user, title_en="New")
    services.contribution_update(contribution=contribution, user=member_user, show_publicly=True)
    contribution.refresh_from_db()
    assert contribution.show_publicly is True


def test_submit_with_publications_on_two_channels(member_user):
    contribution = services.contribution_submit(
        member=member_user.member,
        user=member_user,
        kind=Contribution.Kind.TRANSLATED_ARTICLE,
        title_zh="开源社区的国际化",
        title_en="Internationalising an open-source community",
        publications=[
            {
                "channel": "linkedin",
                "language": "en",
                "url": "",
                "planned_for": None,
                "published_at": dt.datetime(2025, 8, 1, 2, 0, tzinfo=dt.UTC),
            },
            {
                "channel": "wechat",
                "language": "zh-hans",
                "url": "",
                "planned_for": None,
                "published_at": None,
            },
        ],
    )
    assert sorted(contribution.publications.values_list("channel", flat=True)) == [
        "linkedin",
        "wechat",
    ]


def test_submit_without_any_title_is_refused(member_user):
    with pytest.raises(ValidationError):
        services.contribution_submit(
            member=member_user.member, user=member_user, kind=Contribution.Kind.SOCIAL_POST
        )
    assert Contribution.objects.count() == 0


# --------------------------------------------------------------------------- stock


def test_stock_is_derived_from_the_movement_log(coordinator, stock):
    variant, room = stock
    warehouse = factories.StockLocationFactory(name="Warehouse")
    services.stock_record(
        user=coordinator,
        variant=variant,
        kind=StockMovement.Kind.MOVE,
        quantity=2,
        from_location=room,
        to_location=warehouse,
    )
    services.stock_record(
        user=coordinator,
        variant=variant,
        kind=StockMovement.Kind.CORRECTION,
        quantity=-1,
        to_location=warehouse,
        note="one shirt stained",
    )
    assert (level(variant, room), level(variant, warehouse)) == (1, 1)
    assert selectors.stock_levels_from_log() == {
        (variant.pk, room.pk): 1,
        (variant.pk, warehouse.pk): 1,
    }
    assert selectors.stock_mismatches() == {}


def test_out_of_more_than_in_stock_is_refused_and_logs_nothing(coordinator, stock):
    variant, room = stock
    with pytest.raises(ValidationError):
        services.stock_record(
            user=coordinator,
            variant=variant,
            kind=StockMovement.Kind.OUT,
            quantity=4,
            from_location=room,
        )
    assert level(variant, room) == 3
    assert StockMovement.objects.count() == 1


def test_move_to_the_same_place_is_refused(coordinator, stock):
    variant, room = stock
    with pytest.raises(ValidationError):
        services.stock_record(
            user=coordinator,
            variant=variant,
            kind=StockMovement.Kind.MOVE,
            quantity=1,
            from_location=room,
            to_location=room,
        )


def test_member_cannot_record_stock(member_user, stock):
    variant, room = stock
    with pytest.raises(PermissionDenied):
        services.stock_record(user=member_user, variant=variant, kind="in", quantity=1, to_location=room)


# --------------------------------------------------------------------------- swag requests


def test_request_approve_ship_takes_items_out_of_stock(member_user, coordinator, stock):
    variant, room = stock
    request = services.swag_request_create(
        user=member_user,
        recipient_name="Li Lei",
        address="1 Example Road",
        reason=SwagRequest.Reason.BOOTH,
        lines=[(variant, 2)],
    )
    assert level(variant, room) == 3  # a request alone reserves nothing
    services.swag_request_approve(request=request, user=coordinator)
    services.swag_request_ship(request=request, user=coordinator, tracking_note="SF 123")
    request.refresh_from_db()
    assert (request.status, request.tracking_note, request.ship_from) == ("shipped", "SF 123", room)
    assert level(variant, room) == 1
    out = StockMovement.objects.get(kind=StockMovement.Kind.OUT)
    assert (out.quantity, out.request) == (2, request)
    assert selectors.stock_mismatches() == {}


def test_ship_before_approval_is_refused(member_user, coordinator, stock):
    variant, _room = stock
    request = services.swag_request_create(
        user=member_user, recipient_name="A", address="B", reason="booth", lines=[(variant, 1)]
    )
    with pytest.raises(ValidationError):
        services.swag_request_ship(request=request, user=coordinator)


def test_shipping_twice_is_refused(member_user, coordinator, stock):
    variant, room = stock
    request = services.swag_request_create(
        user=member_user, recipient_name="A", address="B", reason="booth", lines=[(variant, 1)]
    )
    services.swag_request_approve(request=request, user=coordinator)
    services.swag_request_ship(request=request, user=coordinator)
    with pytest.raises(ValidationError):
        services.swag_request_ship(request=request, user=coordinator)
    assert level(variant, room) == 2


def test_ship_with_too_little_stock_is_refused_and_changes_nothing(member_user, coordinator, stock):
    variant, room = stock
    other = factories.SwagVariantFactory(item=variant.item, label="XL")
    services.stock_record(user=coordinator, variant=other, kind="in", quantity=5, to_location=room)
    request = services.swag_request_create(
        user=member_user,
        recipient_name="A",
        address="B",
        reason="booth",
        lines=[(other, 1), (variant, 4)],
    )
    services.swag_request_approve(request=request, user=coordinator)
    with pytest.raises(ValidationError):
        services.swag_request_ship(request=request, user=coordinator)
    request.refresh_from_db()
    assert request.status == SwagRequest.Status.APPROVED
    assert (level(variant, room), level(other, room)) == (3, 5)
    assert StockMovement.objects.filter(kind="out").count() == 0


def test_member_cannot_approve_or_ship(member_user, stock):
    variant, _room = stock
    request = services.swag_request_create(
        user=member_user, recipient_name="A", address="B", reason="booth", lines=[(variant, 1)]
    )
    with pytest.raises(PermissionDenied):
        services.swag_request_approve(request=request, user=member_user)
    with pytest.raises(PermissionDenied):
        services.swag_request_ship(request=request, user=member_user)


def test_request_without_items_is_refused(member_user):
    with pytest.raises(ValidationError):
        services.swag_request_create(
            user=member_user, recipient_name="A", address="B", reason="booth", lines=[]
        )
    assert SwagRequest.objects.count() == 0


def test_ship_needs_a_place_when_there_are_several(member_user, coordinator, stock):
    variant, _room = stock
    factories.StockLocationFactory(name="Warehouse")
    request = services.swag_request_create(
        user=member_user, recipient_name="A", address="B", reason="booth", lines=[(variant, 1)]
    )
    services.swag_request_approve(request=request, user=coordinator)
    with pytest.raises(ValidationError):
        services.swag_request_ship(request=request, user=coordinator)


# --------------------------------------------------------------------------- rewards


def test_thanking_a_translator_with_a_shirt_is_one_flow(coordinator, stock):
    variant, room = stock
    translator = factories.MemberFactory(display_name="Translator Zhao")
    contribution = factories.ContributionFactory(member=translator)
    services.contribution_accept(contribution=contribution, user=coordinator)
    reward = services.reward_give(
        member=translator,
        kind=Reward.Kind.SWAG,
        title="译道师 T-shirt",
        user=coordinator,
        contribution=contribution,
        swag_lines=[(variant, 1)],
        address="2 Example Street, Shanghai",
    )
    request = reward.swag_request
    assert (request.status, request.reason, request.recipient) == ("approved", "reward", translator)
    services.swag_request_ship(request=request, user=coordinator, tracking_note="EMS 9")
    assert level(variant, room) == 2


def test_reward_for_someone_elses_contribution_is_refused(coordinator):
    contribution = factories.ContributionFactory()
    with pytest.raises(ValidationError):
        services.reward_give(
            member=factories.MemberFactory(),
            kind=Reward.Kind.HONOUR,
            title="Thanks",
            user=coordinator,
            contribution=contribution,
        )
    assert Reward.objects.count() == 0
