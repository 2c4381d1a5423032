"""Exchange rates: the stored rates that reports convert with (budget.rates reads them)."""

import datetime as dt
from decimal import Decimal, InvalidOperation

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from intl_portal.common.currencies import REPORTING_CURRENCY
from intl_portal.common.records import copy_stored, locked, require
from members.permissions import can_set_exchange_rates

from ..models import ExchangeRate
from ._base import delete, save

ONLY_RATE_KEEPERS = gettext_lazy("Only coordinators and approvers may enter exchange rates.")


def _as_date(value):
    if isinstance(value, str):
        try:
            return dt.date.fromisoformat(value)
        except ValueError:
            raise ValidationError({"date": _("Enter a valid date (YYYY-MM-DD).")}) from None
    return value


def _as_decimal(value):
    if isinstance(value, Decimal | None):
        return value
    try:
        return Decimal(str(value))
    except InvalidOperation:
        raise ValidationError({"rate": _("Enter a number.")}) from None


@transaction.atomic
def exchange_rate_set(*, user, rate_row=None, **fields):
    """Enter or correct a rate: 1 `currency` = `rate` `quote_currency` on `date`.

    Without `rate_row`, the rate of that day for that pair is created, or corrected if one
    is stored (`currency`, `date` and `rate` are needed; `quote_currency` defaults to the
    reporting currency, `source` to ""). With `rate_row`, that stored row is corrected: the
    fields given replace its own, its day or currencies included.
    """
    require(can_set_exchange_rates(user), ONLY_RATE_KEEPERS)
    if "date" in fields:
        fields["date"] = _as_date(fields["date"])
    if "rate" in fields:
        fields["rate"] = _as_decimal(fields["rate"])
    if rate_row is not None:
        row = locked(rate_row)
    else:
        fields.setdefault("quote_currency", REPORTING_CURRENCY)
        key = {name: fields.get(name) for name in ("currency", "quote_currency", "date")}
        row = ExchangeRate.objects.select_for_update().filter(**key).first() or ExchangeRate(**key)
        fields.setdefault("source", "")
    for name, value in fields.items():
        setattr(row, name, value)
    row.full_clean()
    save(row, user)
    return copy_stored(rate_row, row) if rate_row is not None else row


@transaction.atomic
def exchange_rate_delete(*, rate_row, user):
    require(can_set_exchange_rates(user), ONLY_RATE_KEEPERS)
    delete(locked(rate_row), user)
