"""Which service every door calls to write the budget's models: one class per model, mixed
into its admin page, the inlines that edit its rows and its API viewset, so that each door
of a model makes the same calls. The hooks are the doors' protocol
(intl_portal.common.writes.ServiceWrites): service_create(request, data) → the new object,
service_update(request, obj, data) → the object, service_delete(request, obj); each is
one call to budget.services, `request.user` is who acts (and is recorded in the history)."""

from intl_portal.common.writes import ServiceWrites

from . import services


class BudgetWrites(ServiceWrites):
    def service_create(self, request, data):
        return services.budget_create(user=request.user, **data)

    def service_update(self, request, obj, data):
        return services.budget_update(budget=obj, user=request.user, **data)

    def service_delete(self, request, obj):
        services.budget_delete(budget=obj, user=request.user)


class BudgetLineWrites(ServiceWrites):
    def service_create(self, request, data):
        return services.budget_line_create(user=request.user, **data)

    def service_update(self, request, obj, data):
        return services.budget_line_update(line=obj, user=request.user, **data)

    def service_delete(self, request, obj):
        services.budget_line_delete(line=obj, user=request.user)


class ExpenseWrites(ServiceWrites):
    def service_create(self, request, data):
        # Without a budget, the service files it under the one covering the day.
        return services.expense_submit(user=request.user, **data)

    def service_update(self, request, obj, data):
        return services.expense_update(expense=obj, user=request.user, **data)

    def service_delete(self, request, obj):
        services.expense_delete(expense=obj, user=request.user)


class ExchangeRateWrites(ServiceWrites):
    """Rates are entered and corrected by one service, exchange_rate_set."""

    def service_create(self, request, data):
        return services.exchange_rate_set(user=request.user, **data)

    def service_update(self, request, obj, data):
        return services.exchange_rate_set(rate_row=obj, user=request.user, **data)

    def service_delete(self, request, obj):
        services.exchange_rate_delete(rate_row=obj, user=request.user)
