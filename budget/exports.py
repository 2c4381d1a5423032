"""The report for the council as CSV (one table of every line and expense) and XLSX
(a summary sheet, the breakdowns, the lines and the expenses). Amounts stay Decimal;
text that a spreadsheet would run as a formula is neutralised."""

import csv
import io

from django.utils.translation import gettext as _
from openpyxl import Workbook
from openpyxl.styles import Font

FORMULA_PREFIXES = ("=", "+", "-", "@", "\t", "\r")


def _safe(value):
    """Keep a spreadsheet from reading text as a formula (CSV/formula injection)."""
    if isinstance(value, str) and value.startswith(FORMULA_PREFIXES):
        return "'" + value
    return value


def _item_columns():
    return [
        _("kind"),
        _("status"),
        _("event"),
        _("person"),
        _("category"),
        _("description"),
        _("date"),
        _("amount"),
        _("currency"),
        _("rate"),
        _("rate date"),
        _("converted"),
        _("into"),
    ]


def _item_rows(report):
    for kind, items in (
        (_("planned line"), report.lines + report.proposed_lines),
        (_("expense"), report.expenses),
    ):
        for item in items:
            obj, conversion = item.obj, item.conversion
            yield [
                kind,
                obj.get_status_display(),
                obj.event.name if obj.event_id else "",
                str(obj.member) if obj.member_id else "",
                obj.get_category_display(),
                obj.shown_description,
                conversion.day.isoformat(),
                obj.amount,
                obj.currency,
                conversion.rate if conversion.rate is not None else "",
                conversion.rate_date.isoformat() if conversion.rate_date else "",
                conversion.converted if conversion.converted is not None else _("no rate"),
                report.currency,
            ]


def _summary_rows(report):
    average = report.average_cost
    return [
        [_("budget"), report.budget.title],
        [_("status"), report.budget.get_status_display()],
        [_("revision"), report.budget.revision],
        [_("currency"), report.currency],
        [_("total"), report.total],
        [_("planned"), report.planned],
        [_("approved expenses"), report.approved],
        [_("of which reimbursed"), report.reimbursed],
        [_("pending expenses"), report.pending],
        [_("committed"), report.committed],
        [_("remaining"), report.remaining],
        [_("uncommitted"), report.uncommitted],
        [_("person-trips planned"), report.person_trips_planned],
        [_("person-trips used"), report.person_trips_used],
        [_("average cost per person-trip"), average if average is not None else ""],
        [
            _("more person-trips that fit"),
            report.forecast_trips if report.forecast_trips is not None else "",
        ],
    ]


def report_csv(*, report):
    """The CSV text: every planned line and expense, converted, with the rate used."""
    buffer = io.StringIO()
    writer = csv.writer(buffer)
    writer.writerow(_item_columns())
    for row in _item_rows(report):
        writer.writerow([_safe(value) for value in row])
    return buffer.getvalue()


def report_xlsx(*, report):
    """The XLSX bytes: Summary, By event, By person, By category, Items, Warnings."""
    workbook = Workbook()
    bold = Font(bold=True)
    money_format = "#,##0.00"

    summary = workbook.active
    summary.title = _("Summary")[:31]
    for row in _summary_rows(report):
        summary.append([_safe(value) for value in row])
        if len(row) > 1 and hasattr(row[1], "as_tuple"):
            summary.cell(row=summary.max_row, column=2).number_format = money_format
    summary.column_dimensions["A"].width = 34
    summary.column_dimensions["B"].width = 24

    for title, groups in (
        (_("By event"), report.by_event),
        (_("By person"), report.by_person),
        (_("By category"), report.by_category),
    ):
        sheet = workbook.create_sheet(title[:31])
        sheet.append(
            [
                _("name"),
                _("planned"),
                _("approved"),
                _("pending"),
                _("left"),
                _("person-trips planned"),
                _("person-trips used"),
            ]
        )
        for group in groups:
            sheet.append(
                [
                    _safe(group.label),
                    group.planned,
                    group.approved,
                    group.pending,
                    group.left,
                    group.person_trips_planned,
                    group.person_trips_used,
                ]
            )
        for cells in sheet.iter_rows(min_row=2, min_col=2, max_col=5):
            for cell in cells:
                cell.number_format = money_format
        sheet.column_dimensions["A"].width = 34
        for cell in sheet[1]:
            cell.font = bold

    items = workbook.create_sheet(_("Items")[:31])
    items.append(_item_columns())
    for row in _item_rows(report):
        items.append([_safe(value) for value in row])
    for cell in items[1]:
        cell.font = bold

    warnings = workbook.create_sheet(_("Warnings")[:31])
    warnings.append([_("warning")])
    for warning in report.warnings:
        warnings.append([_safe(warning.message)])
    warnings.column_dimensions["A"].width = 120

    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()
