"""API representations of the ambassador program: enrolments, contributions, rewards, swag
items and requests. They check the shape of a body; every rule (who may act for whom,
which fields a member may set, merging the same item asked twice) is in
members.program.services. Decision fields (status, decided_by, reviewed_by, points, …) are
read-only: they change only through the workflow actions."""

from rest_framework import serializers

from intl_portal.api.base import CurrentMember, PortalModelSerializer
from members.models import (
    Contribution,
    Enrolment,
    Member,
    Reward,
    SwagItem,
    SwagRequest,
    SwagRequestLine,
    SwagVariant,
)
from members.permissions import can_see_swag_address


def _member_field():
    """The member a record is for: the caller's own unless given."""
    return serializers.PrimaryKeyRelatedField(queryset=Member.objects.all(), default=CurrentMember())


class EnrolmentSerializer(PortalModelSerializer):
    """An application to (or membership of) the ambassador program. A member applies for
    themselves; acceptance goes through the accept / reject actions. `show_publicly` is the
    member's consent to be listed on the public page."""

    member = _member_field()

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
            "show_publicly",
            "decided_by",
            "decided_at",
            "created_at",
        ]
        read_only_fields = ["status", "decided_by", "decided_at", "created_at"]

    constraint_fields = {"enrolment_term_end_after_start": "term_end"}


class ContributionSerializer(PortalModelSerializer):
    """A contribution to the program. A member submits their own; review goes through the
    accept / return actions. `show_publicly` is the author's consent, theirs to change at
    any time."""

    member = _member_field()

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

    constraint_fields = {"contribution_has_a_title": "title_en"}


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
        allow_empty=False,
        max_length=50,
    )

    class Meta:
        model = SwagItem
        fields = ["id", "name_en", "name_zh", "description", "active", "variants", "variant_labels"]


class SwagRequestLineSerializer(serializers.ModelSerializer):
    quantity = serializers.IntegerField(min_value=1, max_value=10000)

    class Meta:
        model = SwagRequestLine
        fields = ["variant", "quantity"]


class SwagRequestSerializer(PortalModelSerializer):
    """A request to mail swag; the same item listed twice is one line with the quantities
    added up. The postal address and phone are shown only to the coordinators who mail it;
    approval, shipping, declining and cancelling go through their actions."""

    PRIVATE = ("address", "phone")

    requested_by = _member_field()
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

    def validate(self, attrs):
        lines = attrs.pop("lines", None)
        attrs = super().validate(attrs)
        if lines is not None:
            attrs["lines"] = [(line["variant"], line["quantity"]) for line in lines]
        return attrs

    def to_representation(self, request):
        data = super().to_representation(request)
        viewer = self.viewer
        if viewer is None or not can_see_swag_address(viewer.user, request):
            for name in self.PRIVATE:
                data[name] = ""
        return data
