"""Exchange rates, entered and corrected through services.exchange_rate_set (as in the API)."""

from django.contrib import admin

from .. import services
from ..models import ExchangeRate
from .base import ServiceAdmin


@admin.register(ExchangeRate)
class ExchangeRateAdmin(ServiceAdmin):
    list_display = ("date", "currency", "quote_currency", "rate", "source")
    list_filter = ("currency", "quote_currency")
    date_hierarchy = "date"
    search_fields = ("currency", "source")

    def service_create(self, request, fields):
        return services.exchange_rate_set(user=request.user, **fields)

    def service_update(self, request, obj, fields):
        return services.exchange_rate_set(rate_row=obj, user=request.user, **fields)

    def service_delete(self, request, obj):
        services.exchange_rate_delete(rate_row=obj, user=request.user)
