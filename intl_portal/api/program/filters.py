"""Filters for the program API (django-filter); an unknown value is a 400."""

import django_filters as filters

from members.models import Contribution, Enrolment, Reward, SwagRequest, Track


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
