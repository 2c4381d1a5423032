"""Which service each door calls to write outcomes and event reviews (the doors' protocol,
intl_portal.common.writes.ServiceWrites); `request.user` is who acts."""

from intl_portal.common.writes import ServiceWrites

from . import services


class OutcomeWrites(ServiceWrites):
    def service_create(self, request, data):
        return services.outcome_record(user=request.user, **data)

    def service_update(self, request, obj, data):
        data = {name: value for name, value in data.items() if name != "goal"}
        return services.outcome_update(user=request.user, outcome=obj, **data)

    def service_delete(self, request, obj):
        services.outcome_delete(user=request.user, outcome=obj)


class EventReviewWrites(ServiceWrites):
    def service_create(self, request, data):
        return services.event_review_set(user=request.user, **data)

    def service_update(self, request, obj, data):
        data = {name: value for name, value in data.items() if name != "event"}
        return services.event_review_set(user=request.user, event=obj.event, **data)

    def service_delete(self, request, obj):
        services.event_review_delete(user=request.user, review=obj)
