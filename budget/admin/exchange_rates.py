"""Exchange rates, entered and corrected through services.exchange_rate_set (as in the API)."""

from django.contrib import admin

from intl_portal.common.admin import ServiceHistoryAdmin

from .. import services
from ..models import ExchangeRate


@admin.register(ExchangeRate)
class ExchangeRateAdmin(ServiceHistoryAdmin):
    delete_each_selected = True  # each deletion the service allows; the others reported
    list_display = ("date", "currency", "quote_currency", "rate", "source")
    list_filter = ("currency", "quote_currency")
    date_hierarchy = "date"
    search_fields = ("currency", "source")

    def service_create(self, request, data):
        return services.exchange_rate_set(user=request.user, **data)

    def service_update(self, request, obj, data):
        return services.exchange_rate_set(rate_row=obj, user=request.user, **data)

    def service_delete(self, request, obj):
        services.exchange_rate_delete(rate_row=obj, user=request.user)
