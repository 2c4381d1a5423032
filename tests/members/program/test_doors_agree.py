"""One rule, one answer, whichever door the act comes through: the web pages, the admin
(a real POST of its form) and the API give the same outcome and the same refusal, and a
refusal changes nothing."""

import pytest
from django.urls import reverse

from members.models import Contribution, Enrolment, Reward, SwagRequest
from tests import factories

from .doors import DOORS, admin_errors, admin_form_data, api_client, form_errors

pytestmark = pytest.mark.django_db

SOMEONE_ELSES = "The contribution is by someone else."


# --------------------------------------------------------------------------- enrolments


def _apply(door, client, user, member):
    """Apply to the translator track through a door; the refusal, or None."""
    if door == "web":
        client.force_login(user)
        response = client.post(reverse("program:apply"), {"track": "translator"})
        return None if response.status_code == 302 else form_errors(response).get("__all__")
    if door == "admin":
        client.force_login(user)
        url = reverse("admin:members_enrolment_add")
        data = {**admin_form_data(client.get(url)), "member": member.pk, "track": "translator"}
        response = client.post(url, data)
        return None if response.status_code == 302 else admin_errors(response).get("__all__")
    response = api_client(user).post("/api/ambassadors/", {"track": "translator", "member": member.pk})
    return (
        None
        if response.status_code == 201
        else (response.status_code, response.json().get("non_field_errors"))
    )


@pytest.mark.parametrize("door", DOORS)
def test_a_second_open_application_to_a_track_is_refused_alike(door, client, member_user, coordinator):
    member = member_user.member
    user = coordinator if door == "admin" else member_user
    assert _apply(door, client, user, member) is None
    refusal = _apply(door, client, user, member)
    expected = ["This member already has an open enrolment in this track."]
    assert refusal == ((400, expected) if door == "api" else expected)
    assert Enrolment.objects.filter(member=member).count() == 1


# --------------------------------------------------------------------------- rewards


def _give_reward(door, client, coordinator, data):
    """Give a reward through a door; the refusal on the contribution field, or None."""
    if door == "web":
        client.force_login(coordinator)
        response = client.post(reverse("program:reward_new"), data)
        return None if response.status_code == 302 else form_errors(response).get("contribution")
    if door == "admin":
        client.force_login(coordinator)
        url = reverse("admin:members_reward_add")
        response = client.post(url, {**admin_form_data(client.get(url)), **data})
        return None if response.status_code == 302 else admin_errors(response).get("contribution")
    response = api_client(coordinator).post("/api/rewards/", data, format="json")
    return (
        None if response.status_code == 201 else (response.status_code, response.json().get("contribution"))
    )


@pytest.mark.parametrize("door", DOORS)
def test_no_reward_for_someone_elses_contribution(door, client, coordinator):
    member, author = factories.MemberFactory(), factories.MemberFactory()
    contribution = factories.ContributionFactory(member=author, status=Contribution.Status.ACCEPTED)
    data = {"member": member.pk, "kind": "honour", "title": "Thanks", "contribution": contribution.pk}
    refusal = _give_reward(door, client, coordinator, data)
    expected = (400, [SOMEONE_ELSES]) if door == "api" else [SOMEONE_ELSES]
    assert refusal == expected
    assert Reward.objects.count() == 0


@pytest.mark.parametrize("door", DOORS)
def test_reward_for_the_members_own_contribution_is_given(door, client, coordinator):
    author = factories.MemberFactory()
    contribution = factories.ContributionFactory(member=author, status=Contribution.Status.ACCEPTED)
    data = {"member": author.pk, "kind": "honour", "title": "Thanks", "contribution": contribution.pk}
    assert _give_reward(door, client, coordinator, data) is None
    reward = Reward.objects.get()
    assert (reward.member, reward.contribution, reward.awarded_by) == (author, contribution, coordinator)


# --------------------------------------------------------------------------- swag requests


def _request_swag(door, client, user, lines, *, requested_by):
    """Ask for swag through a door; the refusal of the items, or None."""
    fields = {"recipient_name": "Han Meimei", "address": "88 Lane, Hangzhou", "reason": "booth"}
    if door == "web":
        client.force_login(user)
        data = {**fields, "phone": "", "event": "", "note": "", "line-TOTAL_FORMS": str(len(lines) + 1)}
        data.update({"line-INITIAL_FORMS": "0", "line-MIN_NUM_FORMS": "0", "line-MAX_NUM_FORMS": "20"})
        for index, (variant, quantity) in enumerate(lines):
            data.update({f"line-{index}-variant": variant.pk, f"line-{index}-quantity": quantity})
        response = client.post(reverse("program:swag_request_new"), data)
        return None if response.status_code == 302 else form_errors(response).get("__all__")
    if door == "admin":
        client.force_login(user)
        url = reverse("admin:members_swagrequest_add")
        data = {**admin_form_data(client.get(url)), **fields, "requested_by": requested_by.pk}
        data["lines-TOTAL_FORMS"] = str(len(lines))
        for index, (variant, quantity) in enumerate(lines):
            data.update({f"lines-{index}-variant": variant.pk, f"lines-{index}-quantity": quantity})
        response = client.post(url, data)
        return None if response.status_code == 302 else admin_errors(response).get("__all__")
    body = {**fields, "lines": [{"variant": v.pk, "quantity": q} for v, q in lines]}
    response = api_client(user).post("/api/swag-requests/", body, format="json")
    return None if response.status_code == 201 else (response.status_code, response.json().get("lines"))


def _lines(request):
    return sorted((line.variant.label, line.quantity) for line in request.lines.all())


@pytest.mark.parametrize("door", DOORS)
def test_the_same_item_twice_is_one_line_with_the_quantities_added(door, client, coordinator):
    large, small = factories.SwagVariantFactory(label="L"), factories.SwagVariantFactory(label="S")
    lines = [(large, 2), (small, 1), (large, 3)]
    assert _request_swag(door, client, coordinator, lines, requested_by=coordinator.member) is None
    request = SwagRequest.objects.get()
    assert _lines(request) == [("L", 5), ("S", 1)]
    assert (request.status, request.requested_by) == ("requested", coordinator.member)


@pytest.mark.parametrize("door", ["web", "api"])
def test_a_member_asking_for_the_same_item_twice_gets_one_line(door, client, member_user):
    shirt = factories.SwagVariantFactory(label="M")
    assert _request_swag(door, client, member_user, [(shirt, 1), (shirt, 1)], requested_by=None) is None
    assert _lines(SwagRequest.objects.get()) == [("M", 2)]


@pytest.mark.parametrize("door", DOORS)
def test_a_request_without_items_is_refused_alike(door, client, coordinator):
    refusal = _request_swag(door, client, coordinator, [], requested_by=coordinator.member)
    expected = ["Ask for at least one item."]
    assert refusal == ((400, expected) if door == "api" else expected)
    assert SwagRequest.objects.count() == 0


# --------------------------------------------------------------------------- a member's own contribution


def _member_changes(door, client, user, contribution, fields):
    """A member changes their contribution through the web page or the API: "saved",
    or the HTTP status of the refusal."""
    if door == "api":
        response = api_client(user).patch(f"/api/contributions/{contribution.pk}/", fields, format="json")
        return "saved" if response.status_code == 200 else response.status_code
    client.force_login(user)
    if set(fields) == {"show_publicly"} and contribution.status == Contribution.Status.ACCEPTED:
        # Once accepted, "My program" offers the consent only: list it, or hide it.
        url = reverse("program:contribution_consent", args=[contribution.pk])
        response = client.post(url, {"show_publicly": "1" if fields["show_publicly"] else "0"})
        return "saved" if response.status_code == 302 else response.status_code
    url = reverse("program:contribution_edit", args=[contribution.pk])
    page = client.get(url)
    if page.status_code != 200:
        return page.status_code
    data = {name: "" if value is None else value for name, value in page.context["form"].initial.items()}
    data.update(fields)
    data = {name: value for name, value in data.items() if value is not False}
    response = client.post(url, data)
    return "saved" if response.status_code == 302 else response.status_code


def _stored(contribution):
    row = Contribution.objects.get(pk=contribution.pk)
    return (row.title_en, row.show_publicly, row.status)


@pytest.mark.parametrize("door", ["web", "api"])
@pytest.mark.parametrize("status", ["submitted", "returned", "accepted"])
def test_a_member_shows_their_own_contribution_publicly_at_any_stage(door, status, client, member_user):
    contribution = factories.ContributionFactory(member=member_user.member, title_en="Mine", status=status)
    assert _member_changes(door, client, member_user, contribution, {"show_publicly": True}) == "saved"
    # Consent is not a revision: a returned contribution stays returned.
    assert _stored(contribution) == ("Mine", True, status)
    assert _member_changes(door, client, member_user, contribution, {"show_publicly": False}) == "saved"
    assert _stored(contribution) == ("Mine", False, status)


@pytest.mark.parametrize("door", ["web", "api"])
def test_a_member_cannot_retitle_their_accepted_contribution(door, client, member_user):
    contribution = factories.ContributionFactory(
        member=member_user.member, title_en="Mine", status="accepted"
    )
    assert _member_changes(door, client, member_user, contribution, {"title_en": "Retitled"}) == 403
    assert _stored(contribution) == ("Mine", False, "accepted")


@pytest.mark.parametrize("door", ["web", "api"])
def test_a_member_retitles_a_returned_contribution_and_it_is_resubmitted(door, client, member_user):
    contribution = factories.ContributionFactory(
        member=member_user.member, title_en="Mine", status="returned"
    )
    assert _member_changes(door, client, member_user, contribution, {"title_en": "Better"}) == "saved"
    assert _stored(contribution) == ("Better", False, "submitted")


@pytest.mark.parametrize("door", ["web", "api"])
@pytest.mark.parametrize("fields", [{"show_publicly": True}, {"title_en": "Mine now"}])
def test_a_member_cannot_change_someone_elses_contribution(door, fields, client, member_user):
    contribution = factories.ContributionFactory(title_en="Theirs")
    assert _member_changes(door, client, member_user, contribution, fields) == 403
    assert _stored(contribution) == ("Theirs", False, "submitted")


# --------------------------------------------------------------------------- a coordinator's corrections


def _coordinator_changes(door, client, coordinator, contribution, fields):
    """A coordinator changes a contribution in the admin or through the API: "saved", or
    the refusal's messages per field."""
    if door == "api":
        response = api_client(coordinator).patch(
            f"/api/contributions/{contribution.pk}/", fields, format="json"
        )
        return "saved" if response.status_code == 200 else response.json()
    client.force_login(coordinator)
    url = reverse("admin:members_contribution_change", args=[contribution.pk])
    data = {**admin_form_data(client.get(url)), **fields}
    data = {name: value for name, value in data.items() if value is not False}
    response = client.post(url, data)
    return "saved" if response.status_code == 302 else admin_errors(response)


@pytest.mark.parametrize("door", ["admin", "api"])
def test_a_coordinator_lists_and_corrects_an_accepted_contribution(door, client, coordinator):
    contribution = factories.ContributionFactory(title_en="Typo", status="accepted", points=10)
    fields = {"show_publicly": True, "title_en": "Fixed"}
    assert _coordinator_changes(door, client, coordinator, contribution, fields) == "saved"
    assert _stored(contribution) == ("Fixed", True, "accepted")
    assert Contribution.objects.get(pk=contribution.pk).points == 10


@pytest.mark.parametrize("door", ["admin", "api"])
def test_a_coordinator_cannot_move_a_contribution_without_a_title(door, client, coordinator):
    contribution = factories.ContributionFactory(title_en="Only title", title_zh="")
    refusal = _coordinator_changes(door, client, coordinator, contribution, {"title_en": ""})
    message = "Give a Chinese or an English title."
    assert message in [text for messages in refusal.values() for text in messages]
    assert _stored(contribution) == ("Only title", False, "submitted")
