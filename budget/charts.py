"""A horizontal bar chart drawn on the server as SVG (no chart library, no script).

Per row: a thin bar for what is planned, and a thick bar for what is approved with what is
pending stacked after it. Geometry only; the template draws it and budget.css colours it.
"""

from dataclasses import dataclass
from decimal import Decimal

LABEL_WIDTH = 220
BAR_WIDTH = 460
VALUE_WIDTH = 150
ROW_HEIGHT = 44
TOP = 34
WIDTH = LABEL_WIDTH + BAR_WIDTH + VALUE_WIDTH


@dataclass
class ChartRow:
    label: str
    y: int
    planned: Decimal
    approved: Decimal
    pending: Decimal
    planned_width: float
    approved_width: float
    pending_x: float
    pending_width: float
    value_x: float
    over: bool


@dataclass
class Chart:
    rows: list
    width: int
    height: int
    label_width: int
    bar_width: int
    ticks: list
    currency: str


def _scale(value, maximum):
    if maximum <= 0:
        return 0.0
    return round(float(value / maximum) * BAR_WIDTH, 1)


def bar_chart(*, groups, currency, limit=12):
    """Chart geometry for breakdown groups (planned / approved / pending per group)."""
    groups = list(groups)[:limit]
    maximum = max([Decimal(0)] + [max(g.planned, g.approved + g.pending) for g in groups])
    rows = []
    for index, group in enumerate(groups):
        approved_width = _scale(group.approved, maximum)
        pending_width = _scale(group.pending, maximum)
        label = group.label if len(group.label) <= 30 else group.label[:29] + "…"
        rows.append(
            ChartRow(
                label=label,
                y=TOP + index * ROW_HEIGHT,
                planned=group.planned,
                approved=group.approved,
                pending=group.pending,
                planned_width=_scale(group.planned, maximum),
                approved_width=approved_width,
                pending_x=LABEL_WIDTH + approved_width,
                pending_width=pending_width,
                value_x=LABEL_WIDTH + BAR_WIDTH + 8,
                over=group.approved + group.pending > group.planned,
            )
        )
    ticks = []
    if maximum > 0:
        for step in range(5):
            value = maximum * step / 4
            # Grouped like every amount on the page (8,800), whatever the language.
            ticks.append({"x": LABEL_WIDTH + BAR_WIDTH * step / 4, "value": value, "label": f"{value:,.0f}"})
    return Chart(
        rows=rows,
        width=WIDTH,
        height=TOP + max(1, len(rows)) * ROW_HEIGHT + 10,
        label_width=LABEL_WIDTH,
        bar_width=BAR_WIDTH,
        ticks=ticks,
        currency=currency,
    )
