"""API representations of members, roles and role assignments. They check the shape of a
body; which fields a member may change on themselves is members.services.people's rule."""

from rest_framework import serializers

from intl_portal.api.base import PortalModelSerializer, TimeZoneField
from members.models import Member, Role, RoleAssignment
from members.permissions import can_see_member_notes


class MemberSerializer(PortalModelSerializer):
    """A member. Members change their own preferences only; internal notes are shown to
    coordinators only."""

    timezone = TimeZoneField(max_length=64, required=False, default="Asia/Shanghai")
    has_login = serializers.SerializerMethodField()

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
            "notes",
            "created_at",
            "updated_at",
        ]
        read_only_fields = ["created_at", "updated_at"]

    def get_has_login(self, member) -> bool:
        return member.user_id is not None

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
