from decimal import Decimal

from django import template

from members.models import Member
from members.permissions import member_of

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


@register.filter
def person(who):
    """A person as the reader knows them: a Member's name in the reader's language; for a
    log-in, its Member's name (load it with select_related("…__member")), else the log-in's
    full name, else its user name; "—" for nobody."""
    if not who:
        return "—"
    if isinstance(who, Member):
        return who.localized_name
    member = member_of(who)
    if member is not None:
        return member.localized_name
    return who.get_full_name() or who.get_username()
