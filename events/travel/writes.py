"""Which service each door calls to write the travel models (the doors' protocol,
intl_portal.common.writes.ServiceWrites)."""

from intl_portal.common.writes import ServiceWrites

from . import letter_services, services


class TravelRequirementWrites(ServiceWrites):
    def service_create(self, request, data):
        return services.travel_requirement_create(user=request.user, **data)

    def service_update(self, request, obj, data):
        return services.travel_requirement_update(user=request.user, requirement=obj, **data)

    def service_delete(self, request, obj):
        services.travel_requirement_delete(user=request.user, requirement=obj)


class SupportLetterTemplateWrites(ServiceWrites):
    def service_create(self, request, data):
        return letter_services.support_letter_template_create(user=request.user, **data)

    def service_update(self, request, obj, data):
        return letter_services.support_letter_template_update(user=request.user, template=obj, **data)

    def service_delete(self, request, obj):
        letter_services.support_letter_template_delete(user=request.user, template=obj)
