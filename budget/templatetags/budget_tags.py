from decimal import Decimal

from django import template
from django.utils.text import capfirst

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


# --- the admin's history lists (django-simple-history), in the reader's language -------------


@register.simple_tag
def history_label(opts, column):
    """A history list's column: the field's name in the reader's language ("状态", not
    "status")."""
    try:
        return capfirst(opts.get_field(column).verbose_name)
    except Exception:  # not a field: a method or attribute the admin names
        return column


@register.simple_tag
def history_value(record, column):
    """A historical record's value: a choice by its label ("已批准", not "approved"), "—" for
    nothing."""
    display = getattr(record, f"get_{column}_display", None)
    value = display() if callable(display) else getattr(record, column, None)
    return "—" if value in (None, "") else value


@register.simple_tag
def history_choice(opts, verbose_name, value):
    """A changed value in the history's "Changes" column (which names the field by its
    verbose name): a choice by its label, "—" for nothing."""
    if value in (None, "", "None"):
        return "—"
    for field in opts.fields:
        if field.choices and capfirst(field.verbose_name) == verbose_name:
            return dict(field.flatchoices).get(value, value)
    return value
