from decimal import Decimal

from django import template

register = template.Library()


@register.filter
def money(amount, currency=""):
    """A Decimal as 88,000.00 CNY (exact: never through float)."""
    if amount is None or amount == "":
        return "—"
    amount = Decimal(amount)
    text = f"{amount:,.2f}"
    return f"{text} {currency}".strip()


@register.filter
def rate(value):
    """An exchange rate without trailing zeros (0.04700000 → 0.047)."""
    if value is None:
        return "—"
    text = f"{Decimal(value):f}"
    return text.rstrip("0").rstrip(".") if "." in text else text
