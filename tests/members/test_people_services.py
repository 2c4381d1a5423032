"""Rules about people (members.services.people, members.services.roles): a member changes
their own preferences; everything else on a member, and roles, is for coordinators."""

import datetime as dt

import pytest
from django.core.exceptions import PermissionDenied, ValidationError

from members.models import Member, RoleAssignment
from members.services import people, roles
from tests import factories

pytestmark = pytest.mark.django_db


def test_member_changes_their_own_preferences(member_user):
    member = member_user.member
    people.member_update_profile(
        member=member, user=member_user, languages="zh, en", timezone="AoE", name_en="Li"
    )
    member.refresh_from_db()
    assert (member.languages, member.timezone, member.name_en) == ("zh, en", "Etc/GMT+12", "Li")


def test_member_cannot_change_their_own_group_or_notes_and_nothing_is_saved(member_user):
    member = member_user.member
    with pytest.raises(ValidationError) as refusal:
        people.member_update_profile(
            member=member, user=member_user, group="advisory", notes="VIP", languages="ja"
        )
    assert sorted(refusal.value.message_dict) == ["group", "notes"]
    member.refresh_from_db()
    assert (member.group, member.notes, member.languages) == ("working_group", "", "")


def test_fields_given_with_their_stored_value_are_no_change(member_user):
    member = member_user.member
    people.member_update_profile(member=member, user=member_user, group=member.group, languages="en")
    member.refresh_from_db()
    assert member.languages == "en"


def test_member_cannot_change_someone_else(member_user):
    other = factories.MemberFactory(languages="")
    with pytest.raises(PermissionDenied):
        people.member_update_profile(member=other, user=member_user, languages="fr")
    other.refresh_from_db()
    assert other.languages == ""


def test_coordinator_changes_anything_on_anyone(coordinator):
    other = factories.MemberFactory()
    people.member_update_profile(member=other, user=coordinator, group="advisory", notes="Council")
    other.refresh_from_db()
    assert (other.group, other.notes) == ("advisory", "Council")


def test_unknown_zone_is_refused(member_user):
    with pytest.raises(ValidationError):
        people.member_set_timezone(member=member_user.member, user=member_user, zone="Mars/Olympus")
    member_user.member.refresh_from_db()
    assert member_user.member.timezone == "Asia/Shanghai"


def test_only_coordinators_create_and_delete_members(member_user, coordinator):
    with pytest.raises(PermissionDenied):
        people.member_create(user=member_user, display_name="Someone")
    created = people.member_create(user=coordinator, display_name="Someone", timezone="AoE")
    assert created.timezone == "Etc/GMT+12"
    with pytest.raises(PermissionDenied):
        people.member_delete(member=created, user=member_user)
    people.member_delete(member=created, user=coordinator)
    assert not Member.objects.filter(display_name="Someone").exists()


def test_member_others_refer_to_is_not_deleted(coordinator):
    participant = factories.ParticipationFactory().member
    with pytest.raises(ValidationError):
        people.member_delete(member=participant, user=coordinator)
    assert Member.objects.filter(pk=participant.pk).exists()


def test_role_terms_are_kept_by_coordinators(coordinator, member_user):
    role = roles.role_create(user=coordinator, slug="lead", name_en="Lead")
    member = factories.MemberFactory()
    with pytest.raises(PermissionDenied):
        roles.role_assign(user=member_user, member=member, role=role, term_start=dt.date(2025, 1, 1))
    term = roles.role_assign(user=coordinator, member=member, role=role, term_start=dt.date(2025, 1, 1))
    with pytest.raises(ValidationError):
        roles.role_assignment_update(assignment=term, user=coordinator, term_end=dt.date(2024, 12, 31))
    roles.role_assignment_update(assignment=term, user=coordinator, term_end=dt.date(2025, 12, 31))
    assert RoleAssignment.objects.get().term_end == dt.date(2025, 12, 31)
    with pytest.raises(ValidationError):
        roles.role_delete(role=role, user=coordinator)  # held: its terms keep it
