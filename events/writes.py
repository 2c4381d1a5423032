"""Which service every door calls to write the events app's models: one class per model,
mixed into its admin page, the inlines that edit its rows and its API viewset, so that
each door of a model makes the same calls. The hooks are the doors' protocol
(intl_portal.common.writes.ServiceWrites): service_create(request, data) → the new object,
service_update(request, obj, data) → the object, service_delete(request, obj); each is
one call to events.services, `request.user` is who acts."""

from intl_portal.common.writes import ServiceWrites

from . import services


class TagWrites(ServiceWrites):
    def service_create(self, request, data):
        return services.tag_create(user=request.user, **data)

    def service_update(self, request, obj, data):
        return services.tag_update(user=request.user, tag=obj, **data)

    def service_delete(self, request, obj):
        services.tag_delete(user=request.user, tag=obj)


class EventWrites(ServiceWrites):
    def service_create(self, request, data):
        return services.event_create(user=request.user, **data)

    def service_update(self, request, obj, data):
        return services.event_update(user=request.user, event=obj, **data)

    def service_delete(self, request, obj):
        services.event_delete(user=request.user, event=obj)


class DeadlineWrites(ServiceWrites):
    """`data`: the deadline's event and its time as announced (kind, local, zone,
    date_only), which each door's service_data reads from what it was given."""

    def service_create(self, request, data):
        return services.deadline_set(user=request.user, **data)

    def service_update(self, request, obj, data):
        return services.deadline_set(user=request.user, deadline=obj, **data)

    def service_delete(self, request, obj):
        services.deadline_delete(user=request.user, deadline=obj)


class GoalWrites(ServiceWrites):
    def service_create(self, request, data):
        return services.goal_create(user=request.user, **data)

    def service_update(self, request, obj, data):
        return services.goal_update(user=request.user, goal=obj, **data)

    def service_delete(self, request, obj):
        services.goal_delete(user=request.user, goal=obj)


class ParticipationWrites(ServiceWrites):
    """From the participation's page, the event's and the member's participation rows and
    the API alike: confirming a trip that needs travel proposes its budget line."""

    def service_create(self, request, data):
        return services.participation_create(user=request.user, **data)

    def service_update(self, request, obj, data):
        return services.participation_update(user=request.user, participation=obj, **data)

    def service_delete(self, request, obj):
        services.participation_delete(user=request.user, participation=obj)


class ActionItemWrites(ServiceWrites):
    def service_create(self, request, data):
        return services.action_item_create(user=request.user, **data)

    def service_update(self, request, obj, data):
        return services.action_item_update(user=request.user, action_item=obj, **data)

    def service_delete(self, request, obj):
        services.action_item_delete(user=request.user, action_item=obj)


class IdeaWrites(ServiceWrites):
    def service_create(self, request, data):
        return services.idea_propose(user=request.user, **data)

    def service_update(self, request, obj, data):
        return services.idea_update(user=request.user, idea=obj, **data)

    def service_delete(self, request, obj):
        services.idea_withdraw(user=request.user, idea=obj)


class ContactWrites(ServiceWrites):
    def service_create(self, request, data):
        return services.contact_create(user=request.user, **data)

    def service_update(self, request, obj, data):
        return services.contact_update(user=request.user, contact=obj, **data)

    def service_delete(self, request, obj):
        services.contact_delete(user=request.user, contact=obj)


class DateChangeRequestWrites(ServiceWrites):
    """A request is made by a member and answered by a coordinator (date_change_accept /
    date_change_decline); it is never edited, only withdrawn while it waits."""

    def service_create(self, request, data):
        data = dict(data)
        return services.date_change_request(user=request.user, event=data.pop("event"), **data)

    def service_delete(self, request, obj):
        services.date_change_withdraw(user=request.user, date_change=obj)
