"""Which service every door calls to write the ambassador program's models: one class per
model, mixed into its admin page, the inlines that edit its rows and its API viewset, so
that each door of a model makes the same calls. The hooks are the doors' protocol
(intl_portal.common.writes.ServiceWrites): service_create(request, data) → the new object,
service_update(request, obj, data) → the object, service_delete(request, obj); each is
one call to members.program.services, `request.user` is who acts."""

from intl_portal.common.writes import ServiceWrites

from . import services


class EnrolmentWrites(ServiceWrites):
    def service_create(self, request, data):
        return services.enrolment_apply(user=request.user, **data)

    def service_update(self, request, obj, data):
        return services.enrolment_update(enrolment=obj, user=request.user, **data)

    def service_delete(self, request, obj):
        services.enrolment_withdraw(enrolment=obj, user=request.user)


class ContributionWrites(ServiceWrites):
    """`data["publications"]`: where it went out (the admin's inline rows, the API's list)."""

    def service_create(self, request, data):
        return services.contribution_submit(user=request.user, **data)

    def service_update(self, request, obj, data):
        return services.contribution_update(contribution=obj, user=request.user, **data)

    def service_delete(self, request, obj):
        services.contribution_withdraw(contribution=obj, user=request.user)


class PointRuleWrites(ServiceWrites):
    """A kind's points are set, whether the rule is new or not (the kind is fixed once made)."""

    def service_create(self, request, data):
        return services.point_rule_set(user=request.user, **data)

    def service_update(self, request, obj, data):
        return services.point_rule_set(user=request.user, kind=obj.kind, points=data["points"])

    def service_delete(self, request, obj):
        services.point_rule_delete(rule=obj, user=request.user)


class SwagItemWrites(ServiceWrites):
    def service_create(self, request, data):
        return services.swag_item_create(user=request.user, **data)

    def service_update(self, request, obj, data):
        return services.swag_item_update(item=obj, user=request.user, **data)

    def service_delete(self, request, obj):
        services.swag_item_delete(item=obj, user=request.user)


class SwagVariantWrites(ServiceWrites):
    def service_create(self, request, data):
        return services.swag_variant_create(user=request.user, **data)

    def service_update(self, request, obj, data):
        return services.swag_variant_update(variant=obj, user=request.user, **data)

    def service_delete(self, request, obj):
        services.swag_variant_delete(variant=obj, user=request.user)


class StockLocationWrites(ServiceWrites):
    def service_create(self, request, data):
        return services.stock_location_create(user=request.user, **data)

    def service_update(self, request, obj, data):
        return services.stock_location_update(location=obj, user=request.user, **data)

    def service_delete(self, request, obj):
        services.stock_location_delete(location=obj, user=request.user)


class StockMovementWrites(ServiceWrites):
    """The movement log is append-only: a mistake is fixed with a correction movement."""

    def service_create(self, request, data):
        return services.stock_record(user=request.user, **data)


class SwagRequestWrites(ServiceWrites):
    """`data["lines"]`: [(variant, quantity), …] (the admin's inline rows, the API's list)."""

    def service_create(self, request, data):
        return services.swag_request_create(user=request.user, **{"lines": [], **data})

    def service_update(self, request, obj, data):
        return services.swag_request_update(request=obj, user=request.user, **data)

    def service_delete(self, request, obj):
        services.swag_request_delete(request=obj, user=request.user)


class RewardWrites(ServiceWrites):
    def service_create(self, request, data):
        return services.reward_give(user=request.user, **data)

    def service_update(self, request, obj, data):
        return services.reward_update(reward=obj, user=request.user, **data)

    def service_delete(self, request, obj):
        services.reward_delete(reward=obj, user=request.user)
