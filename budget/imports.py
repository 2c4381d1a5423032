"""Import planned lines from CSV, all or nothing.

Every row is checked first; if any row is bad nothing is saved and every bad row is
reported with its reason. Columns (a header row, UTF-8, comma-separated):
event, person, category, description, amount, currency, person_trips — only category,
amount and currency are required. event and person are names as the portal spells them
(event name or id; a member's display, English or Chinese name).
"""

import csv
import io
from dataclasses import dataclass, field
from decimal import Decimal, InvalidOperation

from django.core.exceptions import PermissionDenied, ValidationError
from django.utils.translation import gettext as _

from events.models import Event
from intl_portal.common.currencies import ISO_4217_CODES
from members.models import Member
from members.permissions import can_manage_budget

from . import services
from .models import BudgetLine, Category

COLUMNS = ("event", "person", "category", "description", "amount", "currency", "person_trips")
REQUIRED = ("category", "amount", "currency")
MAX_BYTES = 1024 * 1024
MAX_ROWS = 2000


@dataclass
class ImportResult:
    created: list = field(default_factory=list)
    errors: list = field(default_factory=list)  # (row number, reason)

    @property
    def ok(self):
        return not self.errors


def _category(value):
    value = value.strip()
    for code, label in Category.choices:
        if value.lower() in {code, str(label).lower()}:
            return code
    raise ValueError(
        _("unknown category “%(value)s” (use one of: %(choices)s)")
        % {"value": value, "choices": ", ".join(Category.values)}
    )


def _amount(value):
    try:
        amount = Decimal(value.strip().replace(",", ""))
    except InvalidOperation:
        raise ValueError(_("amount “%(value)s” is not a number") % {"value": value}) from None
    if not amount.is_finite() or amount < 0:
        raise ValueError(_("amount “%(value)s” must be zero or more") % {"value": value})
    if amount.as_tuple().exponent < -2:
        raise ValueError(_("amount “%(value)s” has more than two decimals") % {"value": value})
    if amount >= Decimal(10) ** 12:
        raise ValueError(_("amount “%(value)s” is too large") % {"value": value})
    return amount


def _lookup(mapping, value, what):
    matches = mapping.get(value.strip().lower(), [])
    if not matches:
        raise ValueError(_("no %(what)s named “%(value)s”") % {"what": what, "value": value})
    if len(set(matches)) > 1:
        raise ValueError(_("“%(value)s” names several %(what)s") % {"value": value, "what": what})
    return matches[0]


def _read(file):
    raw = file.read()
    if isinstance(raw, str):
        raw = raw.encode()
    if len(raw) > MAX_BYTES:
        raise ValidationError(_("The file is larger than 1 MB."))
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError:
        raise ValidationError(_("The file is not UTF-8 text (save it as “CSV UTF-8”).")) from None
    if "\x00" in text:  # no database stores it; a spreadsheet's binary file, most likely
        line = text.count("\n", 0, text.index("\x00")) + 1
        raise ValidationError(
            _("Line %(line)s contains a NUL character: is this really a CSV file?") % {"line": line}
        )
    reader = csv.DictReader(io.StringIO(text))
    header = [name.strip().lower() for name in (reader.fieldnames or [])]
    missing = [name for name in REQUIRED if name not in header]
    if missing:
        raise ValidationError(
            _("The header row lacks the column(s): %(columns)s.") % {"columns": ", ".join(missing)}
        )
    unknown = [name for name in header if name and name not in COLUMNS]
    if unknown:
        raise ValidationError(_("Unknown column(s): %(columns)s.") % {"columns": ", ".join(unknown)})
    reader.fieldnames = header
    rows = list(reader)
    if len(rows) > MAX_ROWS:
        raise ValidationError(_("At most %(count)s rows at a time.") % {"count": MAX_ROWS})
    return rows


def budget_lines_import(*, budget, user, file):
    """Check every row; save all of them or none (services.budget_lines_create). Returns an
    ImportResult listing each bad row.

    Raises PermissionDenied for a non-coordinator, ValidationError for a file that cannot
    be read at all, or the service's refusal (a budget whose lines are locked).
    """
    if not can_manage_budget(user):
        raise PermissionDenied(_("Only coordinators may do this."))
    rows = _read(file)
    events, members = {}, {}
    for event in Event.objects.only("id", "name"):
        events.setdefault(event.name.lower(), []).append(event)
        events.setdefault(str(event.pk), []).append(event)
    for member in Member.objects.only("id", "display_name", "name_en", "name_zh"):
        for name in {member.display_name, member.name_en, member.name_zh} - {""}:
            members.setdefault(name.lower(), []).append(member)

    result, lines = ImportResult(), []
    for number, row in enumerate(rows, start=2):  # row 1 is the header
        row = {key: (value or "").strip() for key, value in row.items() if key}
        if not any(row.values()):
            continue
        reasons, fields = [], {}
        for name, parse in (("category", _category), ("amount", _amount)):
            if not row.get(name):
                reasons.append(_("%(column)s is empty") % {"column": name})
                continue
            try:
                fields[name] = parse(row[name])
            except ValueError as error:
                reasons.append(str(error))
        currency = row.get("currency", "").upper()
        if currency not in ISO_4217_CODES:
            reasons.append(
                _("currency “%(value)s” is not an ISO 4217 code") % {"value": row.get("currency", "")}
            )
        fields["currency"] = currency
        for column, mapping, what in (
            ("event", events, _("event")),
            ("person", members, _("member")),
        ):
            if row.get(column):
                try:
                    fields["event" if column == "event" else "member"] = _lookup(mapping, row[column], what)
                except ValueError as error:
                    reasons.append(str(error))
        trips = row.get("person_trips", "")
        if trips:
            if not trips.isdigit():
                reasons.append(_("person_trips “%(value)s” is not a whole number") % {"value": trips})
            else:
                fields["person_trips"] = int(trips)
        if len(row.get("description", "")) > 300:
            reasons.append(_("description is longer than 300 characters"))
        fields["description"] = row.get("description", "")[:300]
        if reasons:
            result.errors.append((number, "; ".join(reasons)))
        else:
            lines.append({"status": BudgetLine.Status.ACCEPTED, **fields})
    if not lines and not result.errors:
        result.errors.append((0, _("The file has no rows to import.")))
    if result.errors:
        return result
    result.created = services.budget_lines_create(budget=budget, user=user, lines=lines)
    return result
