"""Filters for the events API (django-filter). A value the filter does not know (an unknown
status, a malformed date, a member that does not exist) is a 400, never an empty list."""

import datetime as dt

import django_filters as filters
from django.db.models.functions import Coalesce
from django.utils.translation import gettext_lazy as _
from django_countries import countries
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import extend_schema_field

from events.models import ActionItem, Contact, Deadline, Event, Goal, Idea, Participation, Tag
from events.selectors import events_involving, events_visible_to, public_events
from members.models import Member
from members.permissions import can_see_internal_events, is_coordinator, member_of


@extend_schema_field(OpenApiTypes.STR)
class TagSlugFilter(filters.ModelMultipleChoiceFilter):
    """Tags by slug (repeat the parameter for several)."""


@extend_schema_field(OpenApiTypes.INT)
class MemberIdFilter(filters.ModelChoiceFilter):
    """A member by id."""


def _members_for(request):
    """The members an events query may be filtered by: all for members, none for others."""
    if request is not None and can_see_internal_events(request.user):
        return Member.objects.all()
    return Member.objects.none()


def visible_events(request):
    """The events a deadline may be filtered by: those the viewer may see."""
    return events_visible_to(user=request.user) if request is not None else public_events()


class EventFilter(filters.FilterSet):
    starts_before = filters.DateFilter(
        method="filter_overlap",
        label=_("Overlaps a range ending on this day (events starting on or before it)"),
    )
    ends_after = filters.DateFilter(
        method="filter_overlap",
        label=_("Overlaps a range starting on this day (events ending on or after it)"),
    )
    status = filters.MultipleChoiceFilter(choices=Event.Status.choices)
    kind = filters.MultipleChoiceFilter(choices=Event.Kind.choices)
    country = filters.MultipleChoiceFilter(choices=lambda: list(countries))
    priority = filters.TypedMultipleChoiceFilter(choices=Event.Priority.choices, coerce=int)
    tag = TagSlugFilter(
        field_name="tags__slug", to_field_name="slug", queryset=Tag.objects.all(), distinct=True
    )
    member = MemberIdFilter(
        method="filter_member",
        queryset=lambda request: (
            Member.objects.all()
            if request is not None and can_see_internal_events(request.user)
            else Member.objects.none()
        ),
        label=_("Member taking part (any participation not declined; members only)"),
    )

    class Meta:
        model = Event
        fields = ["series", "edition_year", "format", "is_public"]

    def __init__(self, *args, request=None, **kwargs):
        super().__init__(*args, request=request, **kwargs)
        if request is None or not can_see_internal_events(request.user):
            # Who attends what is for members: the same refusal for any id, so that the
            # answer tells nothing about which members exist.
            self.filters["member"].extra["error_messages"] = {
                "invalid_choice": _("Only members may filter events by member.")
            }

    def filter_member(self, queryset, name, member):
        return queryset.filter(pk__in=events_involving(member=member).values("pk"))

    def filter_overlap(self, queryset, name, value):
        # Applied once for both bounds, in filter_queryset below.
        return queryset

    def filter_queryset(self, queryset):
        queryset = super().filter_queryset(queryset)
        start = self.form.cleaned_data.get("ends_after")
        end = self.form.cleaned_data.get("starts_before")
        if start or end:
            queryset = queryset.filter(start_date__isnull=False).annotate(
                _last_day=Coalesce("end_date", "start_date")
            )
            if end:
                queryset = queryset.filter(start_date__lte=end)
            if start:
                queryset = queryset.filter(_last_day__gte=start)
        return queryset


class UTCDateTimeFilter(filters.IsoDateTimeFilter):
    """An ISO 8601 instant, compared in UTC: any offset the client writes (even one the
    database would refuse, such as +17:18) is turned into the same instant in UTC."""

    def filter(self, qs, value):
        if value is not None and value.tzinfo is not None:
            try:
                value = value.astimezone(dt.UTC)
            except OverflowError:  # year 1 or 9999 pushed past the calendar's edge
                edge = dt.datetime.min if value.year == 1 else dt.datetime.max
                value = edge.replace(tzinfo=dt.UTC)
        return super().filter(qs, value)


class DeadlineFilter(filters.FilterSet):
    kind = filters.MultipleChoiceFilter(choices=Deadline.Kind.choices)
    before = UTCDateTimeFilter(field_name="due_at", lookup_expr="lt")
    after = UTCDateTimeFilter(field_name="due_at", lookup_expr="gte")
    event = filters.ModelChoiceFilter(queryset=lambda request: visible_events(request))

    class Meta:
        model = Deadline
        fields = ["is_public", "is_date_only"]


class GoalFilter(filters.FilterSet):
    kind = filters.MultipleChoiceFilter(choices=Goal.Kind.choices)
    status = filters.MultipleChoiceFilter(choices=Goal.Status.choices)

    class Meta:
        model = Goal
        fields = ["event", "owner"]


class ParticipationFilter(filters.FilterSet):
    status = filters.MultipleChoiceFilter(choices=Participation.Status.choices)
    role = filters.MultipleChoiceFilter(choices=Participation.Role.choices)
    needs_visa = filters.BooleanFilter(
        method="filter_needs_visa",
        label=_("Needs a visa (personal: other members' trips are never matched, except for coordinators)"),
    )

    class Meta:
        model = Participation
        fields = ["event", "member", "needs_travel"]

    def filter_needs_visa(self, queryset, name, value):
        user = self.request.user if self.request is not None else None
        if not is_coordinator(user):
            own = member_of(user)
            queryset = queryset.filter(member=own) if own is not None else queryset.none()
        return queryset.filter(needs_visa=value)


class ActionItemFilter(filters.FilterSet):
    status = filters.MultipleChoiceFilter(choices=ActionItem.Status.choices)
    due_before = filters.DateFilter(field_name="due_date", lookup_expr="lte")

    class Meta:
        model = ActionItem
        fields = ["owner", "event"]


class IdeaFilter(filters.FilterSet):
    kind = filters.ChoiceFilter(choices=Idea.Kind.choices)
    status = filters.MultipleChoiceFilter(choices=Idea.Status.choices)
    top_level = filters.BooleanFilter(field_name="parent", lookup_expr="isnull")

    class Meta:
        model = Idea
        fields = ["proposer", "parent"]


class ContactFilter(filters.FilterSet):
    follow_up_status = filters.MultipleChoiceFilter(choices=Contact.FollowUp.choices)
    event = filters.ModelChoiceFilter(field_name="events", queryset=Event.objects.all(), distinct=True)

    class Meta:
        model = Contact
        fields = ["owner"]


__all__ = [
    "ActionItemFilter",
    "ContactFilter",
    "DeadlineFilter",
    "EventFilter",
    "GoalFilter",
    "IdeaFilter",
    "ParticipationFilter",
]
