"""The program's admin writes through the services: a refusal is a form error on the field
or inline row it concerns (never a 403 page, never a silent save) and changes nothing."""

import datetime as dt

import pytest
from django.contrib.admin.models import DELETION, LogEntry
from django.urls import reverse

from members.models import (
    Contribution,
    ContributionPublication,
    Enrolment,
    RoleAssignment,
    StockMovement,
    SwagRequest,
    SwagVariant,
)
from members.program import services
from tests import factories

from .doors import admin_errors, admin_form_data

pytestmark = pytest.mark.django_db

STILL_REFERRED = "This cannot be deleted while other records still refer to it."


def _post_form(client, url, **changes):
    data = {**admin_form_data(client.get(url)), **changes}
    return client.post(url, {name: value for name, value in data.items() if value is not False})


def test_shipping_more_than_in_stock_is_a_form_error_and_logs_nothing(coordinator_client, coordinator):
    variant, room = factories.SwagVariantFactory(), factories.StockLocationFactory()
    services.stock_record(user=coordinator, variant=variant, kind="in", quantity=2, to_location=room)
    url = reverse("admin:members_stockmovement_add")
    response = _post_form(
        coordinator_client, url, variant=variant.pk, kind="out", quantity=5, from_location=room.pk
    )
    errors = admin_errors(response)
    assert list(errors) == ["__all__"]
    assert errors["__all__"][0].startswith("Not enough stock")
    assert StockMovement.objects.count() == 1


def test_a_movement_is_recorded_with_its_author(coordinator_client, coordinator):
    variant, room = factories.SwagVariantFactory(), factories.StockLocationFactory()
    url = reverse("admin:members_stockmovement_add")
    response = _post_form(
        coordinator_client, url, variant=variant.pk, kind="in", quantity=4, to_location=room.pk
    )
    assert response.status_code == 302
    movement = StockMovement.objects.get()
    assert (movement.quantity, movement.created_by) == (4, coordinator)
    assert variant.levels.get(location=room).quantity == 4


def test_a_requested_variant_is_not_deleted_from_its_item_row(coordinator_client, coordinator):
    item = factories.SwagItemFactory()
    used = factories.SwagVariantFactory(item=item, label="L")
    services.swag_request_create(
        user=coordinator, recipient_name="A", address="B", reason="booth", lines=[(used, 1)]
    )
    url = reverse("admin:members_swagitem_change", args=[item.pk])
    response = coordinator_client.post(
        url, {**admin_form_data(coordinator_client.get(url)), "variants-0-DELETE": "on"}
    )
    assert response.status_code == 200  # the page again, with the reason
    assert "protected related objects" in str(response.context["errors"])
    assert list(item.variants.values_list("label", flat=True)) == ["L"]


def _shipped_request(coordinator):
    variant, room = factories.SwagVariantFactory(), factories.StockLocationFactory()
    services.stock_record(user=coordinator, variant=variant, kind="in", quantity=1, to_location=room)
    request = services.swag_request_create(
        user=coordinator, recipient_name="A", address="B", reason="booth", lines=[(variant, 1)]
    )
    services.swag_request_approve(request=request, user=coordinator)
    return services.swag_request_ship(request=request, user=coordinator)


def test_delete_selected_refuses_all_when_the_service_refuses_one(coordinator_client, coordinator):
    shipped = _shipped_request(coordinator)
    new = factories.SwagRequestFactory(requested_by=coordinator.member)
    response = coordinator_client.post(
        reverse("admin:members_swagrequest_changelist"),
        {"action": "delete_selected", "_selected_action": [shipped.pk, new.pk], "post": "yes"},
        follow=True,
    )
    assert "A shipped request stays on record." in response.content.decode()
    assert SwagRequest.objects.count() == 2  # all or nothing
    assert not LogEntry.objects.filter(action_flag=DELETION).exists()


def test_the_delete_page_refuses_with_a_message(coordinator_client, coordinator):
    shipped = _shipped_request(coordinator)
    url = reverse("admin:members_swagrequest_delete", args=[shipped.pk])
    response = coordinator_client.post(url, {"post": "yes"}, follow=True)
    assert response.redirect_chain[-1][0] == reverse("admin:members_swagrequest_change", args=[shipped.pk])
    assert "A shipped request stays on record." in response.content.decode()
    assert SwagRequest.objects.filter(pk=shipped.pk).exists()


def test_a_new_item_without_variant_rows_gets_one_unlabelled_variant(coordinator_client):
    url = reverse("admin:members_swagitem_add")
    response = _post_form(coordinator_client, url, name_en="Sticker", active="on")
    assert response.status_code == 302
    assert list(SwagVariant.objects.values_list("item__name_en", "label")) == [("Sticker", "")]


def test_a_new_item_with_variant_rows_gets_those(coordinator_client):
    url = reverse("admin:members_swagitem_add")
    response = _post_form(
        coordinator_client,
        url,
        name_en="T-shirt",
        active="on",
        **{"variants-TOTAL_FORMS": "2", "variants-0-label": "M", "variants-1-label": "L"},
    )
    assert response.status_code == 302
    assert sorted(SwagVariant.objects.values_list("label", flat=True)) == ["L", "M"]


def test_publications_are_saved_through_the_contribution(coordinator_client):
    contribution = factories.ContributionFactory(status=Contribution.Status.ACCEPTED)
    url = reverse("admin:members_contribution_change", args=[contribution.pk])
    response = _post_form(
        coordinator_client,
        url,
        **{
            "publications-TOTAL_FORMS": "1",
            "publications-0-channel": "linkedin",
            "publications-0-language": "en",
            "publications-0-url": "https://example.org/post",
            "publications-0-published_at_0": "2025-08-01",
            "publications-0-published_at_1": "10:00",
        },
    )
    assert response.status_code == 302
    publication = ContributionPublication.objects.get()
    assert (publication.contribution, publication.channel, publication.url) == (
        contribution,
        "linkedin",
        "https://example.org/post",
    )


def test_decline_action_gives_the_applicant_the_note(coordinator_client):
    enrolment = factories.EnrolmentFactory()
    coordinator_client.post(
        reverse("admin:members_enrolment_changelist"),
        {"action": "reject", "_selected_action": [enrolment.pk], "note": "Next term, please"},
    )
    enrolment.refresh_from_db()
    assert (enrolment.status, enrolment.decision_note) == (Enrolment.Status.REJECTED, "Next term, please")


def test_a_status_cannot_be_set_in_the_enrolment_form(coordinator_client):
    enrolment = factories.EnrolmentFactory()
    url = reverse("admin:members_enrolment_change", args=[enrolment.pk])
    response = _post_form(coordinator_client, url, status="active", region="Europe")
    assert response.status_code == 302
    enrolment.refresh_from_db()
    assert (enrolment.status, enrolment.region) == ("applied", "Europe")


def test_member_admin_saves_the_person_and_their_terms(coordinator_client):
    member = factories.MemberFactory(display_name="Zhao")
    role = factories.RoleFactory(slug="lead")
    url = reverse("admin:members_member_change", args=[member.pk])
    response = _post_form(
        coordinator_client,
        url,
        notes="Council",
        **{
            "role_assignments-TOTAL_FORMS": "1",
            "role_assignments-0-role": role.pk,
            "role_assignments-0-term_start": "2025-01-01",
        },
    )
    assert response.status_code == 302
    member.refresh_from_db()
    assert member.notes == "Council"
    term = RoleAssignment.objects.get()
    assert (term.member, term.role, term.term_start) == (member, role, dt.date(2025, 1, 1))


def test_points_are_set_from_the_change_list(coordinator_client):
    rule = factories.PointRuleFactory(kind=Contribution.Kind.INTERVIEW, points=30)
    response = coordinator_client.post(
        reverse("admin:members_pointrule_changelist"),
        {
            "form-TOTAL_FORMS": "1",
            "form-INITIAL_FORMS": "1",
            "form-MIN_NUM_FORMS": "0",
            "form-MAX_NUM_FORMS": "1000",
            "form-0-id": rule.pk,
            "form-0-points": "40",
            "_save": "Save",
        },
    )
    assert response.status_code == 302
    rule.refresh_from_db()
    assert (rule.kind, rule.points) == ("interview", 40)
