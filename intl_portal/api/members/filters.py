"""Filters for the members API (django-filter); an unknown value is a 400."""

import django_filters as filters

from members.models import Member, RoleAssignment


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
