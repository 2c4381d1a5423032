"""API representations of members, roles, and the ambassador program (enrolments,
contributions, rewards, swag items and requests).

Decision fields (status, decided_by, reviewed_by, points, …) are read-only: they change
only through the workflow actions, which call members.services.program."""

from django.db import transaction
from django.utils.translation import gettext_lazy as _
from rest_framework import serializers

from intl_portal.api.base import PortalModelSerializer, TimeZoneField
from members.models import (
    Contribution,
    Enrolment,
    Member,
    Reward,
    Role,
    RoleAssignment,
    SwagItem,
    SwagRequest,
    SwagRequestLine,
    SwagVariant,
)

# What a member may change on their own record.
PREFERENCE_FIELDS = (
    "name_zh",
    "name_en",
    "affiliation",
    "languages",
    "preferred_language",
    "timezone",
)


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

    coordinator_fields = (
        "display_name",
        "email",
        "group",
        "feishu_open_id",
        "active",
        "notes",
    )

    def get_has_login(self, member) -> bool:
        return member.user_id is not None

    def to_representation(self, member):
        data = super().to_representation(member)
        viewer = self.viewer
        if viewer is None or not viewer.is_coordinator:
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


class EnrolmentSerializer(PortalModelSerializer):
    """An application to (or membership of) the ambassador program. A member applies for
    themselves; acceptance goes through the accept / reject actions."""

    member = serializers.PrimaryKeyRelatedField(queryset=Member.objects.all(), required=False)

    class Meta:
        model = Enrolment
        fields = [
            "id",
            "member",
            "track",
            "status",
            "term_start",
            "term_end",
            "region",
            "language_pair",
            "motivation",
            "decided_by",
            "decided_at",
            "created_at",
        ]
        read_only_fields = ["status", "decided_by", "decided_at", "created_at"]

    owner_field = "member"
    coordinator_fields = ("term_start", "term_end")
    constraint_fields = {"enrolment_term_end_after_start": "term_end"}

    def validate(self, attrs):
        attrs = super().validate(attrs)
        if self.instance is None and "member" not in attrs:
            raise serializers.ValidationError({"member": [_("This field is required.")]})
        return attrs


class ContributionSerializer(PortalModelSerializer):
    """A contribution to the program. A member submits their own; review goes through the
    accept / return actions."""

    member = serializers.PrimaryKeyRelatedField(queryset=Member.objects.all(), required=False)

    class Meta:
        model = Contribution
        fields = [
            "id",
            "member",
            "kind",
            "title_zh",
            "title_en",
            "url_zh",
            "url_en",
            "outline",
            "event",
            "status",
            "points",
            "review_note",
            "reviewed_by",
            "reviewed_at",
            "show_publicly",
            "created_at",
        ]
        read_only_fields = [
            "status",
            "points",
            "review_note",
            "reviewed_by",
            "reviewed_at",
            "created_at",
        ]

    owner_field = "member"
    coordinator_fields = ("show_publicly",)
    constraint_fields = {"contribution_has_a_title": "title_en"}

    def validate(self, attrs):
        attrs = super().validate(attrs)
        if self.instance is None and "member" not in attrs:
            raise serializers.ValidationError({"member": [_("This field is required.")]})
        return attrs


class RewardSerializer(PortalModelSerializer):
    class Meta:
        model = Reward
        fields = [
            "id",
            "member",
            "kind",
            "title",
            "description",
            "contribution",
            "swag_request",
            "awarded_by",
            "awarded_at",
        ]
        read_only_fields = ["awarded_by", "awarded_at"]

    def create(self, validated_data):
        validated_data["awarded_by"] = self.context["request"].user
        return super().create(validated_data)


class SwagVariantSerializer(serializers.ModelSerializer):
    class Meta:
        model = SwagVariant
        fields = ["id", "label"]
        read_only_fields = fields


class SwagItemSerializer(PortalModelSerializer):
    """A swag item with its variants (e.g. T-shirt sizes). Give `variant_labels` when
    creating it; an item without variants gets one unlabelled variant."""

    variants = SwagVariantSerializer(many=True, read_only=True)
    variant_labels = serializers.ListField(
        child=serializers.CharField(max_length=50, allow_blank=True),
        write_only=True,
        required=False,
        max_length=50,
    )

    class Meta:
        model = SwagItem
        fields = ["id", "name_en", "name_zh", "description", "active", "variants", "variant_labels"]

    def validate_variant_labels(self, labels):
        cleaned = [label.strip() for label in labels]
        if len(set(cleaned)) != len(cleaned):
            raise serializers.ValidationError(_("Each variant label must be different."))
        return cleaned

    @transaction.atomic
    def create(self, validated_data):
        labels = validated_data.pop("variant_labels", None) or [""]
        item = super().create(validated_data)
        SwagVariant.objects.bulk_create(SwagVariant(item=item, label=label) for label in labels)
        return item

    @transaction.atomic
    def update(self, instance, validated_data):
        labels = validated_data.pop("variant_labels", None)
        item = super().update(instance, validated_data)
        if labels is not None:
            existing = set(item.variants.values_list("label", flat=True))
            SwagVariant.objects.bulk_create(
                SwagVariant(item=item, label=label) for label in labels if label not in existing
            )
        return item


class SwagRequestLineSerializer(serializers.ModelSerializer):
    quantity = serializers.IntegerField(min_value=1, max_value=10000)

    class Meta:
        model = SwagRequestLine
        fields = ["variant", "quantity"]


class SwagRequestSerializer(PortalModelSerializer):
    """A request to mail swag. The postal address and phone are shown only to coordinators
    and to the member who asked; approval and shipping go through their actions."""

    PRIVATE = ("address", "phone")

    requested_by = serializers.PrimaryKeyRelatedField(queryset=Member.objects.all(), required=False)
    lines = SwagRequestLineSerializer(many=True)

    class Meta:
        model = SwagRequest
        fields = [
            "id",
            "requested_by",
            "recipient",
            "recipient_name",
            "address",
            "phone",
            "reason",
            "event",
            "ship_from",
            "status",
            "note",
            "lines",
            "decided_by",
            "shipped_at",
            "tracking_note",
            "created_at",
        ]
        read_only_fields = ["status", "decided_by", "shipped_at", "tracking_note", "created_at"]

    owner_field = "requested_by"
    coordinator_fields = ("ship_from",)

    def validate_lines(self, lines):
        if not lines:
            raise serializers.ValidationError(_("Ask for at least one item."))
        variants = [line["variant"].pk for line in lines]
        if len(set(variants)) != len(variants):
            raise serializers.ValidationError(_("List each item only once."))
        return lines

    def validate(self, attrs):
        lines = attrs.pop("lines", None)
        attrs = super().validate(attrs)
        if self.instance is None and "requested_by" not in attrs:
            raise serializers.ValidationError({"requested_by": [_("This field is required.")]})
        if lines is not None:
            attrs["lines"] = lines
        return attrs

    @transaction.atomic
    def create(self, validated_data):
        lines = validated_data.pop("lines")
        request = SwagRequest.objects.create(**validated_data)
        SwagRequestLine.objects.bulk_create(SwagRequestLine(request=request, **line) for line in lines)
        return request

    @transaction.atomic
    def update(self, instance, validated_data):
        lines = validated_data.pop("lines", None)
        request = super().update(instance, validated_data)
        if lines is not None:
            request.lines.all().delete()
            SwagRequestLine.objects.bulk_create(SwagRequestLine(request=request, **line) for line in lines)
        return request

    def to_representation(self, request):
        data = super().to_representation(request)
        viewer = self.viewer
        if viewer is None or not (viewer.is_coordinator or viewer.owns(request.requested_by_id)):
            for name in self.PRIVATE:
                data[name] = ""
        return data
