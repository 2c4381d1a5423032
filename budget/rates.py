"""Currency conversion with stored rates: the rate of the day, or the latest before it.

A missing rate is reported (the conversion says so), never guessed or inverted.
"""

import bisect
from dataclasses import dataclass
from datetime import date
from decimal import ROUND_HALF_UP, Decimal

from .models import ExchangeRate

CENT = Decimal("0.01")
ZERO = Decimal("0.00")


@dataclass(frozen=True)
class Conversion:
    amount: Decimal
    currency: str
    target: str
    day: date
    converted: Decimal | None  # None: no rate on or before `day`
    rate: Decimal | None
    rate_date: date | None

    @property
    def missing(self):
        return self.converted is None

    @property
    def is_identity(self):
        return self.currency == self.target


class RateBook:
    """The rates into one currency, loaded with one query, looked up in memory."""

    def __init__(self, *, target, currencies, until):
        self.target = target
        self._dates = {}
        self._rates = {}
        wanted = {code for code in currencies if code != target}
        if not wanted:
            return
        rows = (
            ExchangeRate.objects.filter(quote_currency=target, currency__in=sorted(wanted), date__lte=until)
            .order_by("currency", "date")
            .values_list("currency", "date", "rate")
        )
        for currency, day, rate in rows:
            self._dates.setdefault(currency, []).append(day)
            self._rates.setdefault(currency, []).append(rate)

    def rate_on(self, currency, day):
        """(rate, date of the rate) in force on `day`, or (None, None)."""
        if currency == self.target:
            return Decimal(1), None
        dates = self._dates.get(currency, [])
        index = bisect.bisect_right(dates, day) - 1
        if index < 0:
            return None, None
        return self._rates[currency][index], dates[index]

    def convert(self, amount, currency, day):
        rate, rate_date = self.rate_on(currency, day)
        converted = None
        if rate is not None:
            converted = (amount * rate).quantize(CENT, ROUND_HALF_UP)
        return Conversion(
            amount=amount,
            currency=currency,
            target=self.target,
            day=day,
            converted=converted,
            rate=rate if currency != self.target else None,
            rate_date=rate_date,
        )


def convert(*, amount, currency, target, day):
    """Convert one amount (one query). Use RateBook for many."""
    return RateBook(target=target, currencies=[currency], until=day).convert(amount, currency, day)
