"""Exchange rates, entered and corrected through services.exchange_rate_set (as in the API)."""

from django.contrib import admin

from intl_portal.common.admin import InUseChoicesFilter, ServiceHistoryAdmin

from ..models import ExchangeRate
from ..writes import ExchangeRateWrites


@admin.register(ExchangeRate)
class ExchangeRateAdmin(ExchangeRateWrites, ServiceHistoryAdmin):
    list_display = ("date", "currency", "quote_currency", "rate", "source")
    list_filter = (("currency", InUseChoicesFilter), ("quote_currency", InUseChoicesFilter))
    date_hierarchy = "date"
    search_fields = ("currency", "source")
