"""API representations of members, roles and role assignments. They check the shape of a
body; which fields a member may change on themselves is members.services.people's rule."""

from rest_framework import serializers

from intl_portal.api.base import PortalModelSerializer, TimeZoneField
from members.models import Member, Role, RoleAssignment
from members.permissions import can_see_member_notes, can_see_trip


class MemberSerializer(PortalModelSerializer):
    """A member. Members change their own preferences only; internal notes are shown to
    coordinators only."""

    timezone = TimeZoneField(max_length=64, required=False, default="Asia/Shanghai")
    has_login = serializers.SerializerMethodField()
    # Personal: shown to the member and coordinators only (null for anyone else); set on
    # the member's travel page (events.travel.services.traveller_passport_country_set).
    passport_country = serializers.SerializerMethodField()

    class Meta:
        model = Member
        fields = [
            "id",
            "display_name",
            "name_zh",
            "name_en",
            "email",
            "affiliation",
            "group",
            "languages",
            "preferred_language",
            "timezone",
            "feishu_open_id",
            "active",
            "has_login",
            "passport_country",
            "notes",
            "created_at",
            "updated_at",
        ]
        read_only_fields = ["created_at", "updated_at"]

    def get_has_login(self, member) -> bool:
        return member.user_id is not None

    def get_passport_country(self, member) -> str | None:
        viewer = self.viewer
        if viewer is None or not can_see_trip(viewer.user, member):
            return None
        return member.passport_country.code or ""

    def to_representation(self, member):
        data = super().to_representation(member)
        viewer = self.viewer
        if viewer is None or not can_see_member_notes(viewer.user, member):
            data["notes"] = ""
        return data


class RoleSerializer(PortalModelSerializer):
    class Meta:
        model = Role
        fields = ["id", "slug", "name_en", "name_zh", "description"]


class RoleAssignmentSerializer(PortalModelSerializer):
    class Meta:
        model = RoleAssignment
        fields = ["id", "member", "role", "term_start", "term_end", "note"]

    constraint_fields = {
        "roleassignment_term_end_after_start": "term_end",
        "roleassignment_unique_term": "term_start",
    }
