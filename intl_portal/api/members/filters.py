"""Filters for the members API (django-filter); an unknown value is a 400."""

import django_filters as filters

from members.models import Contribution, Enrolment, Member, Reward, RoleAssignment, SwagRequest
from members.models.program import Track


class MemberFilter(filters.FilterSet):
    group = filters.MultipleChoiceFilter(choices=Member.Group.choices)

    class Meta:
        model = Member
        fields = ["active", "preferred_language"]


class RoleAssignmentFilter(filters.FilterSet):
    current_on = filters.DateFilter(method="filter_current_on", label="Holding the role on this day")

    class Meta:
        model = RoleAssignment
        fields = ["member", "role"]

    def filter_current_on(self, queryset, name, value):
        return queryset.filter(term_start__lte=value).exclude(term_end__lt=value)


class EnrolmentFilter(filters.FilterSet):
    track = filters.ChoiceFilter(choices=Track.choices)
    status = filters.MultipleChoiceFilter(choices=Enrolment.Status.choices)

    class Meta:
        model = Enrolment
        fields = ["member"]


class ContributionFilter(filters.FilterSet):
    kind = filters.MultipleChoiceFilter(choices=Contribution.Kind.choices)
    status = filters.MultipleChoiceFilter(choices=Contribution.Status.choices)

    class Meta:
        model = Contribution
        fields = ["member", "event", "show_publicly"]


class RewardFilter(filters.FilterSet):
    kind = filters.MultipleChoiceFilter(choices=Reward.Kind.choices)

    class Meta:
        model = Reward
        fields = ["member", "contribution"]


class SwagRequestFilter(filters.FilterSet):
    status = filters.MultipleChoiceFilter(choices=SwagRequest.Status.choices)
    reason = filters.MultipleChoiceFilter(choices=SwagRequest.Reason.choices)

    class Meta:
        model = SwagRequest
        fields = ["requested_by", "recipient", "event"]
